#include "wire.h"

#include "jsonlinewriter.h"

namespace relais::sim::Wire {

using namespace Qt::StringLiterals;

QByteArray time(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs).toLatin1();
}

QByteArray timeNow()
{
    return time(QDateTime::currentDateTimeUtc());
}

QByteArray hello(const QList<int> &versions, const QString &gateway, const QString &token, const QString &agent)
{
    QByteArray out("{\"type\":\"hello\",\"versions\":[");
    for (qsizetype i = 0; i < versions.size(); ++i) {
        if (i > 0)
            out.append(',');
        out.append(QByteArray::number(versions.at(i)));
    }
    out.append("],\"gateway\":");
    JsonLineWriter::appendQuoted(out, gateway);
    out.append(",\"token\":");
    JsonLineWriter::appendQuoted(out, token);
    if (!agent.isEmpty()) {
        out.append(",\"agent\":");
        JsonLineWriter::appendQuoted(out, agent);
    }
    out.append("}\n");
    return out;
}

QByteArray downlinkAck(const QString &downlinkId, bool delivered, const QString &reason)
{
    JsonLineWriter w("ack"_L1);
    w.string("id"_L1, downlinkId);
    w.string("status"_L1, delivered ? "delivered"_L1 : "failed"_L1);
    if (!delivered && !reason.isEmpty())
        w.string("reason"_L1, reason);
    return w.finish();
}

bool isValidId(const QString &id, qsizetype maxLength)
{
    if (id.isEmpty() || id.size() > maxLength)
        return false;
    for (QChar c : id) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
    }
    return true;
}

QByteArray base36(quint64 n)
{
    return QByteArray::number(n, 36);
}

} // namespace relais::sim::Wire
