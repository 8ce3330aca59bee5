#pragma once

#include "gatewaylimits.h"
#include "result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>

namespace relais {

// Cuts a byte stream into protocol lines (docs/protocol.md §1): LF-terminated, a CR before
// the LF removed, blank lines (only spaces and tabs) skipped. A line longer than the maximum
// gives one line_too_long error; its bytes are dropped as they arrive (never buffered beyond
// the maximum) until the next LF, where framing resumes. Pure: no I/O.
class LineFramer final
{
    Q_DECLARE_TR_FUNCTIONS(relais::LineFramer)

public:
    explicit LineFramer(qsizetype maxLineLength = GatewayLimits::DefaultMaxLine);

    // The complete lines (without LF/CR) and errors found in bytes, in stream order.
    QList<Result<QByteArray>> feed(QByteArrayView bytes);
    // The stream ended: bytes after the last LF are a partial_line error (and are dropped).
    // The framer is then ready for a new stream.
    Status finish();

    qsizetype maxLineLength() const { return m_maxLineLength; }
    // Bytes held for an incomplete line (at most maxLineLength() + 1).
    qsizetype bufferedBytes() const { return m_buffer.size(); }
    const QByteArray &pendingBytes() const { return m_buffer; }

private:
    void emitLine(QByteArrayView line, QList<Result<QByteArray>> &out);
    Error tooLong() const;

    qsizetype m_maxLineLength;
    QByteArray m_buffer;
    bool m_discarding = false; // inside an oversize line: drop bytes until the next LF
};

} // namespace relais
