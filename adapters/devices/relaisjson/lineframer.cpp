#include "lineframer.h"

#include "gatewayerrors.h"

namespace relais {

namespace {

bool isBlank(QByteArrayView line)
{
    for (const char c : line) {
        if (c != ' ' && c != '\t')
            return false;
    }
    return true;
}

} // namespace

LineFramer::LineFramer(qsizetype maxLineLength) : m_maxLineLength(std::max<qsizetype>(1, maxLineLength))
{}

Error LineFramer::tooLong() const
{
    return Error{QString(GatewayErrors::LineTooLong),
                 tr("The line is longer than %1 bytes: it was dropped up to its end.").arg(m_maxLineLength)};
}

void LineFramer::emitLine(QByteArrayView line, QList<Result<QByteArray>> &out)
{
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.size() > m_maxLineLength)
        out.append(tooLong());
    else if (!isBlank(line))
        out.append(line.toByteArray());
}

QList<Result<QByteArray>> LineFramer::feed(QByteArrayView bytes)
{
    QList<Result<QByteArray>> out;
    while (!bytes.isEmpty()) {
        const qsizetype lf = bytes.indexOf('\n');
        if (m_discarding) {
            if (lf < 0)
                return out; // still inside the oversize line: drop it all
            m_discarding = false;
            bytes = bytes.sliced(lf + 1);
            continue;
        }
        if (lf < 0) {
            // No end yet: keep it, unless it can no longer fit (maximum + a CR before the LF).
            if (m_buffer.size() + bytes.size() > m_maxLineLength + 1) {
                m_buffer.clear();
                m_discarding = true;
                out.append(tooLong());
            } else {
                m_buffer.append(bytes.data(), bytes.size());
            }
            return out;
        }
        if (m_buffer.isEmpty()) {
            emitLine(bytes.first(lf), out); // the common case: no copy but the line itself
        } else {
            if (m_buffer.size() + lf > m_maxLineLength + 1) {
                out.append(tooLong());
            } else {
                m_buffer.append(bytes.data(), lf);
                emitLine(m_buffer, out);
            }
            m_buffer.clear();
        }
        bytes = bytes.sliced(lf + 1);
    }
    return out;
}

Status LineFramer::finish()
{
    const qsizetype pending = m_buffer.size();
    const bool partial = pending > 0 && !isBlank(m_buffer);
    m_buffer.clear();
    m_discarding = false; // an oversize line was reported when it began
    if (!partial)
        return {};
    return Error{QString(GatewayErrors::PartialLine),
                 tr("The stream ended in the middle of a line: its %n byte(s) were dropped.", nullptr, int(pending))};
}

} // namespace relais
