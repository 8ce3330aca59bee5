#include "sqlvalues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <charconv>
#include <cmath>

namespace relais::SqlValues {

namespace {

char hexDigit(unsigned value)
{
    return char(value < 10 ? '0' + value : 'a' + value - 10);
}

void appendUnicodeEscape(QByteArray &out, char16_t u)
{
    const char escape[6] = {
        '\\', 'u', hexDigit(u >> 12), hexDigit((u >> 8) & 0xf), hexDigit((u >> 4) & 0xf), hexDigit(u & 0xf)};
    out.append(escape, 6);
}

// A JSON string as Qt's writer escapes it: quote, backslash and control characters escaped
// (\b \f \n \r \t or \u00xx), other text in UTF-8, a lone surrogate as \uxxxx.
void appendString(QByteArray &out, QStringView text)
{
    out += '"';
    const char16_t *s = text.utf16();
    const qsizetype n = text.size();
    qsizetype plain = 0;
    while (plain < n && s[plain] >= 0x20 && s[plain] < 0x80 && s[plain] != u'"' && s[plain] != u'\\')
        ++plain;
    const qsizetype at = out.size();
    out.resize(at + plain);
    for (qsizetype i = 0; i < plain; ++i)
        out.data()[at + i] = char(s[i]);
    for (qsizetype i = plain; i < n; ++i) {
        const char16_t u = s[i];
        if (u < 0x80) {
            if (u >= 0x20 && u != u'"' && u != u'\\') {
                out += char(u);
                continue;
            }
            out += '\\';
            switch (u) {
            case u'"':
                out += '"';
                break;
            case u'\\':
                out += '\\';
                break;
            case 0x8:
                out += 'b';
                break;
            case 0xc:
                out += 'f';
                break;
            case 0xa:
                out += 'n';
                break;
            case 0xd:
                out += 'r';
                break;
            case 0x9:
                out += 't';
                break;
            default:
                out.chop(1);
                appendUnicodeEscape(out, u);
            }
        } else if (u < 0x800) {
            out += char(0xc0 | (u >> 6));
            out += char(0x80 | (u & 0x3f));
        } else if (QChar::isHighSurrogate(u) && i + 1 < n && QChar::isLowSurrogate(s[i + 1])) {
            const char32_t c = QChar::surrogateToUcs4(u, s[i + 1]);
            ++i;
            out += char(0xf0 | (c >> 18));
            out += char(0x80 | ((c >> 12) & 0x3f));
            out += char(0x80 | ((c >> 6) & 0x3f));
            out += char(0x80 | (c & 0x3f));
        } else if (QChar::isSurrogate(u)) {
            appendUnicodeEscape(out, u);
        } else {
            out += char(0xe0 | (u >> 12));
            out += char(0x80 | ((u >> 6) & 0x3f));
            out += char(0x80 | (u & 0x3f));
        }
    }
    out += '"';
}

template<typename Value> // QJsonValue, or QJsonValueConstRef (no copy of the value)
void appendValue(QByteArray &out, const Value &value);

void appendArray(QByteArray &out, const QJsonArray &array)
{
    out += '[';
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (i)
            out += ',';
        appendValue(out, array.at(i));
    }
    out += ']';
}

void appendObject(QByteArray &out, const QJsonObject &object)
{
    out += '{';
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it != object.constBegin())
            out += ',';
        appendString(out, it.key());
        out += ':';
        appendValue(out, it.value());
    }
    out += '}';
}

template<typename Value>
void appendValue(QByteArray &out, const Value &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        out.append(value.toBool() ? QByteArrayView("true") : QByteArrayView("false"));
        return;
    case QJsonValue::Double: {
        // An integer (QJsonValue keeps whole numbers it can as such) is written as one, a
        // double in the shortest form that reads back the same (even when whole).
        const QVariant number = value.toVariant();
        if (number.typeId() == QMetaType::LongLong) {
            char digits[24];
            const auto end = std::to_chars(digits, digits + sizeof digits, number.toLongLong()).ptr;
            out.append(digits, end - digits);
        } else if (const double d = number.toDouble(); std::isfinite(d)) {
            out += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
        } else {
            out.append(QByteArrayView("null"));
        }
        return;
    }
    case QJsonValue::String:
        appendString(out, value.toString());
        return;
    case QJsonValue::Array:
        appendArray(out, value.toArray());
        return;
    case QJsonValue::Object:
        appendObject(out, value.toObject());
        return;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    out.append(QByteArrayView("null"));
}

} // namespace

QVariant text(const QString &value)
{
    if (value.isNull())
        return QVariant(QString(QLatin1StringView("")));
    return QVariant(value);
}

QVariant blob(const QByteArray &value)
{
    if (value.isNull())
        return QVariant(QByteArray("", 0));
    return QVariant(value);
}

QVariant time(const QDateTime &value)
{
    if (!value.isValid())
        return QVariant(QMetaType::fromType<qint64>());
    return QVariant(value.toMSecsSinceEpoch());
}

QDateTime timeFrom(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QDateTime utc(const QDateTime &value)
{
    if (!value.isValid())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toMSecsSinceEpoch(), Qt::UTC);
}

QVariant optionalText(const QString &value)
{
    if (value.isEmpty())
        return QVariant(QMetaType::fromType<QString>());
    return QVariant(value);
}

QVariant latitude(const QGeoCoordinate &value)
{
    if (!value.isValid())
        return QVariant(QMetaType::fromType<double>());
    return QVariant(value.latitude());
}

QVariant longitude(const QGeoCoordinate &value)
{
    if (!value.isValid())
        return QVariant(QMetaType::fromType<double>());
    return QVariant(value.longitude());
}

QGeoCoordinate coordinateFrom(const QVariant &lat, const QVariant &lon)
{
    if (lat.isNull() || lon.isNull())
        return {};
    return QGeoCoordinate(lat.toDouble(), lon.toDouble());
}

const QString &placeholder(int index)
{
    static const QList<QString> names = [] {
        QList<QString> all;
        for (int i = 0; i < 64; ++i)
            all.append(QStringLiteral(":p%1").arg(i));
        return all;
    }();
    Q_ASSERT(index >= 0 && index < names.size());
    return names.at(index);
}

QString placeholders(int count, int first)
{
    QStringList marks;
    for (int i = first; i < first + count; ++i)
        marks.append(placeholder(i));
    return marks.join(QStringLiteral(", "));
}

QString json(const QJsonObject &value)
{
    QByteArray out;
    appendJson(out, value);
    return QString::fromUtf8(out);
}

void appendJson(QByteArray &out, const QJsonObject &value)
{
    appendObject(out, value);
}

QJsonObject jsonObjectFrom(const QString &text, bool *ok)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (ok)
        *ok = error.error == QJsonParseError::NoError && doc.isObject();
    return doc.object();
}

} // namespace relais::SqlValues
