#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLatin1StringView>

#include <optional>

class QJsonObject;

namespace simdjson::dom {
class element;
class object;
} // namespace simdjson::dom

namespace relais {

// Reads the fields of one protocol message with the rules of docs/protocol.md §2, and keeps
// the first error met (missing_field or bad_field, naming the field). Once an error is kept,
// later reads return empty values without looking, so a decoder reads everything and checks once.
// It reads an object parsed by simdjson (docs/gateways.md: why not QJsonDocument).
class JsonFieldReader final
{
    Q_DECLARE_TR_FUNCTIONS(relais::JsonFieldReader)

public:
    static constexpr qsizetype MaxMessageIdLength = 128;
    static constexpr qsizetype MaxIdLength = 64;
    static constexpr qsizetype MaxTextLength = 1000;

    explicit JsonFieldReader(const simdjson::dom::object &object) : m_object(object) {}

    bool ok() const { return !m_error.has_value(); }
    const Error &error() const { return *m_error; }
    bool has(QLatin1StringView key) const;

    // A non-empty string of at most maxLength characters without control characters.
    QString id(QLatin1StringView key, qsizetype maxLength = MaxIdLength);
    // A string of at most MaxTextLength characters; empty when absent and not required.
    QString text(QLatin1StringView key, bool required = false);
    // A string that must be one of the given keys (already checked by the caller's lookup).
    QString string(QLatin1StringView key, bool required = true);
    // A number with no fractional part within [min, max].
    std::optional<qint64> integer(QLatin1StringView key, qint64 min, qint64 max, bool required);
    // A finite number within [min, max].
    std::optional<double> number(QLatin1StringView key, double min, double max, bool required);
    std::optional<bool> boolean(QLatin1StringView key, bool required);
    // An RFC 3339 date-time with seconds and an offset ("Z" or ±hh:mm), returned in UTC.
    QDateTime dateTime(QLatin1StringView key);

    void fail(QLatin1StringView code, const QString &message);
    void badField(QLatin1StringView key, const QString &why);

    // Copies the fields named in keys that are present (strings, numbers, booleans: read and
    // checked before) into payload, under the same names.
    void copyTo(QJsonObject &payload, std::initializer_list<QLatin1StringView> keys) const;

private:
    // The value into *out; false when absent (missing_field kept if required) or after an error.
    bool fetch(QLatin1StringView key, bool required, simdjson::dom::element *out);
    // The field as a string; reports bad_field when it is another type.
    std::optional<QString> fetchString(QLatin1StringView key, bool required);

    const simdjson::dom::object &m_object;
    std::optional<Error> m_error;
};

} // namespace relais
