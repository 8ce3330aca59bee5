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

// The value of the digits s[from, from + count), all checked to be digits by the caller.
int digits(const QString &s, qsizetype from, qsizetype count)
{
    int v = 0;
    for (qsizetype i = from; i < from + count; ++i)
        v = v * 10 + (s[i].unicode() - u'0');
    return v;
}

// yyyy-mm-ddThh:mm:ss[.f…](Z|±hh:mm), parsed by hand (QDateTime::fromString costs ten times
// more); invalid when the shape or a value is wrong. Fractions beyond milliseconds are truncated.
QDateTime parseRfc3339(const QString &s)
{
    const qsizetype n = s.size();
    if (n < 20 || s[4] != u'-' || s[7] != u'-' || s[10] != u'T' || s[13] != u':' || s[16] != u':')
        return {};
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) {
        if (!isDigit(s[i]))
            return {};
    }
    qsizetype end = n;
    int offsetS = 0;
    if (s[n - 1] == u'Z') {
        end = n - 1;
    } else {
        if (n < 25 || (s[n - 6] != u'+' && s[n - 6] != u'-') || s[n - 3] != u':' || !isDigit(s[n - 5])
            || !isDigit(s[n - 4]) || !isDigit(s[n - 2]) || !isDigit(s[n - 1]))
            return {};
        const int hh = digits(s, n - 5, 2);
        const int mm = digits(s, n - 2, 2);
        if (hh > 23 || mm > 59)
            return {};
        offsetS = (hh * 3600 + mm * 60) * (s[n - 6] == u'-' ? -1 : 1);
        end = n - 6;
    }
    int ms = 0;
    if (end != 19) {
        if (s[19] != u'.' || end == 20)
            return {};
        for (qsizetype i = 20; i < end; ++i) {
            if (!isDigit(s[i]))
                return {};
            if (i < 23)
                ms += (s[i].unicode() - u'0') * (i == 20 ? 100 : i == 21 ? 10 : 1);
        }
    }
    const QDate date(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2));
    const QTime time(digits(s, 11, 2), digits(s, 14, 2), digits(s, 17, 2), ms);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC).addSecs(-offsetS);
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
    if (!v.isUndefined())
        ++m_known;
    else if (required)
        fail(GatewayErrors::MissingField, tr("The field “%1” is missing.").arg(key));
    return v;
}

std::optional<QString> JsonFieldReader::fetchString(QLatin1StringView key, bool required)
{
    const QJsonValue v = fetch(key, required);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isString()) {
        badField(key, tr("must be a string."));
        return std::nullopt;
    }
    return v.toString();
}

QString JsonFieldReader::id(QLatin1StringView key, qsizetype maxLength)
{
    const std::optional<QString> value = fetchString(key, true);
    if (!value)
        return {};
    const QString &s = *value;
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
    std::optional<QString> value = fetchString(key, required);
    if (!value)
        return {};
    if (value->size() > MaxTextLength) {
        badField(key, tr("is longer than %n characters.", nullptr, int(MaxTextLength)));
        return {};
    }
    return std::move(*value);
}

QString JsonFieldReader::string(QLatin1StringView key, bool required)
{
    return fetchString(key, required).value_or(QString());
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
    const QDateTime t = parseRfc3339(v.toString());
    if (!t.isValid()) {
        badField(key, tr("must be a date-time with seconds and an offset, like 2025-01-15T10:00:00Z."));
        return {};
    }
    return t;
}

} // namespace relais
