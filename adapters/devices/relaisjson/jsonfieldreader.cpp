#include "jsonfieldreader.h"

#include "gatewayerrors.h"

#include <QJsonObject>

#include <simdjson.h>

#include <cmath>
#include <string_view>

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

std::string_view view(QLatin1StringView key)
{
    return {key.data(), std::size_t(key.size())};
}

QString toQString(std::string_view utf8)
{
    return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
}

} // namespace

bool JsonFieldReader::has(QLatin1StringView key) const
{
    return m_object.at_key(view(key)).error() == simdjson::SUCCESS;
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

bool JsonFieldReader::fetch(QLatin1StringView key, bool required, simdjson::dom::element *out)
{
    if (m_error)
        return false;
    if (m_object.at_key(view(key)).get(*out) == simdjson::SUCCESS)
        return true;
    if (required)
        fail(GatewayErrors::MissingField, tr("The field “%1” is missing.").arg(key));
    return false;
}

std::optional<QString> JsonFieldReader::fetchString(QLatin1StringView key, bool required)
{
    simdjson::dom::element v;
    if (!fetch(key, required, &v))
        return std::nullopt;
    std::string_view s;
    if (v.get_string().get(s) != simdjson::SUCCESS) {
        badField(key, tr("must be a string."));
        return std::nullopt;
    }
    return toQString(s);
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
    simdjson::dom::element v;
    if (!fetch(key, required, &v))
        return std::nullopt;
    if (!v.is_number()) {
        badField(key, tr("must be a number."));
        return std::nullopt;
    }
    // Exact when the JSON number was an integer (beyond 2^53 too), else checked as a double.
    qint64 i = 0;
    bool inRange = true;
    if (v.is_int64()) {
        i = v.get_int64().value_unsafe();
    } else if (v.is_uint64()) {
        inRange = false; // beyond 2^63
    } else {
        const double d = v.get_double().value_unsafe();
        if (!std::isfinite(d) || d != std::floor(d)) {
            badField(key, tr("must be a whole number."));
            return std::nullopt;
        }
        inRange = d >= -9.2e18 && d <= 9.2e18;
        i = inRange ? qint64(d) : 0;
    }
    if (!inRange || i < min || i > max) {
        badField(key, tr("must be between %1 and %2.").arg(min).arg(max));
        return std::nullopt;
    }
    return i;
}

std::optional<double> JsonFieldReader::number(QLatin1StringView key, double min, double max, bool required)
{
    simdjson::dom::element v;
    if (!fetch(key, required, &v))
        return std::nullopt;
    if (!v.is_number()) {
        badField(key, tr("must be a number."));
        return std::nullopt;
    }
    const double d = v.get_double().value_unsafe();
    if (!std::isfinite(d) || d < min || d > max) {
        badField(key, tr("must be between %1 and %2.").arg(min).arg(max));
        return std::nullopt;
    }
    return d;
}

std::optional<bool> JsonFieldReader::boolean(QLatin1StringView key, bool required)
{
    simdjson::dom::element v;
    if (!fetch(key, required, &v))
        return std::nullopt;
    bool b = false;
    if (v.get_bool().get(b) != simdjson::SUCCESS) {
        badField(key, tr("must be true or false."));
        return std::nullopt;
    }
    return b;
}

QDateTime JsonFieldReader::dateTime(QLatin1StringView key)
{
    simdjson::dom::element v;
    if (!fetch(key, true, &v))
        return {};
    std::string_view s;
    if (v.get_string().get(s) != simdjson::SUCCESS) {
        badField(key, tr("must be a date-time string."));
        return {};
    }
    const QDateTime t = parseRfc3339(toQString(s));
    if (!t.isValid()) {
        badField(key, tr("must be a date-time with seconds and an offset, like 2025-01-15T10:00:00Z."));
        return {};
    }
    return t;
}

void JsonFieldReader::copyTo(QJsonObject &payload, std::initializer_list<QLatin1StringView> keys) const
{
    for (QLatin1StringView key : keys) {
        simdjson::dom::element v;
        if (m_object.at_key(view(key)).get(v) != simdjson::SUCCESS)
            continue;
        switch (v.type()) {
        case simdjson::dom::element_type::STRING:
            payload.insert(key, toQString(v.get_string().value_unsafe()));
            break;
        case simdjson::dom::element_type::INT64:
            payload.insert(key, qint64(v.get_int64().value_unsafe()));
            break;
        case simdjson::dom::element_type::UINT64:
        case simdjson::dom::element_type::DOUBLE:
            payload.insert(key, v.get_double().value_unsafe());
            break;
        case simdjson::dom::element_type::BOOL:
            payload.insert(key, v.get_bool().value_unsafe());
            break;
        case simdjson::dom::element_type::NULL_VALUE:
        case simdjson::dom::element_type::ARRAY:
        case simdjson::dom::element_type::OBJECT:
            break; // never kept: every kept field was read as a string, a number or a boolean
        }
    }
}

} // namespace relais
