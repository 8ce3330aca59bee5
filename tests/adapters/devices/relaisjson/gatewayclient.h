#pragma once

// A gateway for tests: a socket (TCP, TLS, or a serial port) that sends protocol lines and
// waits for Relais's answers, parsed. Every wait has a generous timeout (the suite also runs
// under ASan).

#include <QElapsedTimer>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QTest>

namespace relais::test {

class GatewayClient final
{
public:
    explicit GatewayClient(QIODevice *io) : m_io(io) {}

    void send(const QByteArray &bytes)
    {
        m_io->write(bytes);
        if (auto *socket = qobject_cast<QAbstractSocket *>(m_io))
            socket->flush();
    }
    void sendLine(const QByteArray &line) { send(line + '\n'); }

    static QByteArray hello(const QString &gateway, const QString &token, const QByteArray &versions = "[1]")
    {
        return R"({"type":"hello","versions":)" + versions + R"(,"gateway":")" + gateway.toUtf8() + R"(","token":")"
               + token.toUtf8() + R"("})";
    }
    static QByteArray heartbeat(const QString &id, const QString &device, int battery = 80)
    {
        return R"({"type":"device.heartbeat","id":")" + id.toUtf8() + R"(","device":")" + device.toUtf8()
               + R"(","time":"2025-01-15T10:00:00Z","battery":)" + QByteArray::number(battery) + "}";
    }
    static QByteArray alarm(const QString &id, const QString &device, const QString &kind)
    {
        return R"({"type":"device.alarm","id":")" + id.toUtf8() + R"(","device":")" + device.toUtf8()
               + R"(","time":"2025-01-15T10:00:00Z","alarm":")" + kind.toUtf8() + R"(","lat":41.95,"lon":-85.63})";
    }

    // The next answer line, or an empty object after timeoutMs.
    QJsonObject next(int timeoutMs = 20000)
    {
        QElapsedTimer t;
        t.start();
        while (true) {
            const qsizetype lf = m_buffer.indexOf('\n');
            if (lf >= 0) {
                const QByteArray line = m_buffer.left(lf);
                m_buffer.remove(0, lf + 1);
                m_lines.append(line);
                return QJsonDocument::fromJson(line).object();
            }
            if (t.elapsed() > timeoutMs)
                return {};
            if (m_io->bytesAvailable() == 0)
                QTest::qWait(2); // the ingest runs on this thread too: keep its events flowing
            m_buffer += m_io->readAll();
        }
    }

    // The next n answers.
    QList<QJsonObject> next(int n, int timeoutMs)
    {
        QList<QJsonObject> out;
        for (int i = 0; i < n; ++i) {
            QJsonObject o = next(timeoutMs);
            if (o.isEmpty())
                break;
            out.append(o);
        }
        return out;
    }

    // Whether Relais closed the connection within timeoutMs.
    bool waitClosed(int timeoutMs = 20000)
    {
        auto *socket = qobject_cast<QAbstractSocket *>(m_io);
        if (!socket)
            return false;
        QElapsedTimer t;
        t.start();
        while (socket->state() != QAbstractSocket::UnconnectedState && t.elapsed() < timeoutMs) {
            QTest::qWait(2);
            m_buffer += m_io->readAll();
        }
        return socket->state() == QAbstractSocket::UnconnectedState;
    }

    QList<QByteArray> received() const { return m_lines; }

private:
    QIODevice *m_io;
    QByteArray m_buffer;
    QList<QByteArray> m_lines;
};

} // namespace relais::test
