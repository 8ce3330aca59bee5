#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QString>

namespace relais {

// Builds one compact JSON object line, fields in the order they are added, ending with LF.
// Faster than QJsonDocument for the acks of the hot path, and keeps `type` first.
class JsonLineWriter final
{
public:
    explicit JsonLineWriter(QLatin1StringView type);

    JsonLineWriter &string(QLatin1StringView key, QStringView value);
    // For the protocol's own constants (keys of enumerations): written as is, not escaped.
    JsonLineWriter &string(QLatin1StringView key, QLatin1StringView value);
    JsonLineWriter &integer(QLatin1StringView key, qint64 value);
    JsonLineWriter &number(QLatin1StringView key, double value);
    JsonLineWriter &boolean(QLatin1StringView key, bool value);
    // The finished line, LF-terminated.
    QByteArray finish();

    // Appends value as a JSON string literal (quoted, escaped, UTF-8).
    static void appendQuoted(QByteArray &out, QStringView value);

private:
    void key(QLatin1StringView key);

    QByteArray m_out;
};

} // namespace relais
