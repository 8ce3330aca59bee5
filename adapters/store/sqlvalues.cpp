#include "sqlvalues.h"

#include <QJsonDocument>
#include <QStringList>

namespace relais::SqlValues {

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
    return QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact));
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
