#pragma once

#include <QDateTime>
#include <QGeoCoordinate>
#include <QJsonObject>
#include <QVariant>

// Conversions between domain values and SQL column values, shared by every statement of
// the store so that what is written is read back exactly.
namespace relais::SqlValues {

// TEXT NOT NULL columns: a null QString would bind as SQL NULL, so bind an empty string.
QVariant text(const QString &value);
// BLOB NOT NULL columns, same reason.
QVariant blob(const QByteArray &value);
// Times are BIGINT milliseconds since the epoch, UTC; NULL for an invalid QDateTime.
QVariant time(const QDateTime &value);
QDateTime timeFrom(const QVariant &value);
// The same instant as a UTC QDateTime (what reading it back gives).
QDateTime utc(const QDateTime &value);
// NULL when the value is null/empty (optional keys such as an outcome).
QVariant optionalText(const QString &value);
// Positions are two DOUBLE PRECISION columns, both NULL when the coordinate is invalid.
QVariant latitude(const QGeoCoordinate &value);
QVariant longitude(const QGeoCoordinate &value);
QGeoCoordinate coordinateFrom(const QVariant &latitude, const QVariant &longitude);
// Bind placeholders ":p0", ":p1", …: statements on hot paths bind by these names, which Qt
// looks up directly (binding by position formats a name for every value in Qt 6.4).
const QString &placeholder(int index);
// ":p0, :p1, …, :p<count-1>"
QString placeholders(int count, int first = 0);
// JSON payloads are compact UTF-8 text: exactly what QJsonDocument::toJson(Compact) writes
// (keys sorted, same escapes, same numbers), written straight into out without the
// intermediate buffers (the writer serialises one payload per journal row).
QString json(const QJsonObject &value);
void appendJson(QByteArray &out, const QJsonObject &value);
QJsonObject jsonObjectFrom(const QString &text, bool *ok = nullptr);

} // namespace relais::SqlValues
