#include "jsonfieldreader.h"

#include "gatewayerrors.h"

#include <cmath>

namespace relais {

namespace {

bool hasControlCharacters(const QString &s)
{
    for (const QChar c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// yyyy-mm-ddThh:mm:ss[.fff…](Z|±hh:mm): the shape is checked here, the values by QDateTime.
bool hasRfc3339Shape(const QString &s)
{
    const qsizetype n = s.size();
    if (n < 20 || s[4] != u'-' || s[7] != u'-' || s[10] != u'T' || s[13] != u':' || s[16] != u':')
        return false;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) {
        if (!isDigit(s[i]))
            return false;
    }
    qsizetype end = n;
    if (s[n - 1] == u'Z') {
        end = n - 1;
    } else {
        if (n < 25 || (s[n - 6] != u'+' && s[n - 6] != u'-') || s[n - 3] != u':' || !isDigit(s[n - 5])
            || !isDigit(s[n - 4]) || !isDigit(s[n - 2]) || !isDigit(s[n - 1]))
            return false;
        end = n - 6;
    }
    if (end == 19)
        return true;
    if (s[19] != u'.' || end == 20)
        return false;
    for (qsizetype i = 20; i < end; ++i) {
        if (!isDigit(s[i]))
            return false;
    }
    return true;
}

} // namespace

bool JsonFieldReader::has(QLatin1StringView key) const
{
    return m_object.contains(key);
}

void JsonFieldReader::fail(QLatin1StringView code, const QString &message)
{
    if (!m_error)
        m_error = Error{QString(code), message};
}

void JsonFieldReader::badField(QLatin1StringView key, const QString &why)
{
    fail(GatewayErrors::BadField, tr("Field “%1”: %2").arg(key, why));
}

QJsonValue JsonFieldReader::fetch(QLatin1StringView key, bool required)
{
    if (m_error)
        return QJsonValue(QJsonValue::Undefined);
    QJsonValue v = m_object.value(key);
    if (v.isUndefined() && required)
        fail(GatewayErrors::MissingField, tr("The field “%1” is missing.").arg(key));
    return v;
}

QString JsonFieldReader::id(QLatin1StringView key, qsizetype maxLength)
{
    const QJsonValue v = fetch(key, true);
    if (v.isUndefined())
        return {};
    if (!v.isString()) {
        badField(key, tr("must be a string."));
        return {};
    }
    QString s = v.toString();
    if (s.isEmpty())
        badField(key, tr("must not be empty."));
    else if (s.size() > maxLength)
        badField(key, tr("is longer than %n characters.", nullptr, int(maxLength)));
    else if (hasControlCharacters(s))
        badField(key, tr("must not contain control characters."));
    else
        return s;
    return {};
}

QString JsonFieldReader::text(QLatin1StringView key, bool required)
{
    const QJsonValue v = fetch(key, required);
    if (v.isUndefined())
        return {};
    if (!v.isString()) {
        badField(key, tr("must be a string."));
        return {};
    }
    QString s = v.toString();
    if (s.size() > MaxTextLength) {
        badField(key, tr("is longer than %n characters.", nullptr, int(MaxTextLength)));
        return {};
    }
    return s;
}

QString JsonFieldReader::string(QLatin1StringView key, bool required)
{
    const QJsonValue v = fetch(key, required);
    if (v.isUndefined())
        return {};
    if (!v.isString()) {
        badField(key, tr("must be a string."));
        return {};
    }
    return v.toString();
}

std::optional<qint64> JsonFieldReader::integer(QLatin1StringView key, qint64 min, qint64 max, bool required)
{
    const QJsonValue v = fetch(key, required);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isDouble()) {
        badField(key, tr("must be a number."));
        return std::nullopt;
    }
    const double d = v.toDouble();
    if (!std::isfinite(d) || d != std::floor(d)) {
        badField(key, tr("must be a whole number."));
        return std::nullopt;
    }
    // Compared as integers when the JSON number was one (exact beyond 2^53), else as doubles.
    const bool inRange = d >= -9.2e18 && d <= 9.2e18;
    const qint64 i = inRange ? v.toInteger(qint64(d)) : 0;
    if (!inRange || i < min || i > max) {
        badField(key, tr("must be between %1 and %2.").arg(min).arg(max));
        return std::nullopt;
    }
    return i;
}

std::optional<double> JsonFieldReader::number(QLatin1StringView key, double min, double max, bool required)
{
    const QJsonValue v = fetch(key, required);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isDouble()) {
        badField(key, tr("must be a number."));
        return std::nullopt;
    }
    const double d = v.toDouble();
    if (!std::isfinite(d) || d < min || d > max) {
        badField(key, tr("must be between %1 and %2.").arg(min).arg(max));
        return std::nullopt;
    }
    return d;
}

std::optional<bool> JsonFieldReader::boolean(QLatin1StringView key, bool required)
{
    const QJsonValue v = fetch(key, required);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isBool()) {
        badField(key, tr("must be true or false."));
        return std::nullopt;
    }
    return v.toBool();
}

QDateTime JsonFieldReader::dateTime(QLatin1StringView key)
{
    const QJsonValue v = fetch(key, true);
    if (v.isUndefined())
        return {};
    if (!v.isString()) {
        badField(key, tr("must be a date-time string."));
        return {};
    }
    const QString s = v.toString();
    QDateTime t;
    if (hasRfc3339Shape(s))
        t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid()) {
        badField(key, tr("must be a date-time with seconds and an offset, like 2025-01-15T10:00:00Z."));
        return {};
    }
    return t.toUTC();
}

} // namespace relais
