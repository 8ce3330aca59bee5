#pragma once

#include "result.h"
#include "tilekey.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace relais {

// What an XYZ tile server is: a URL template with {z}, {x} and {y} (y from the north, as
// OpenStreetMap numbers rows), its zooms and the attribution its licence asks for.
class XyzTemplate final
{
    Q_DECLARE_TR_FUNCTIONS(relais::XyzTemplate)

public:
    // OpenStreetMap's standard tiles (tile.openstreetmap.org), zooms 0 to 19: the default.
    static XyzTemplate openStreetMap();
    // IGN's Plan IGN v2 through the Géoplateforme's WMTS GetTile (PM matrix set, no key).
    static XyzTemplate planIgnV2();
    // A template given by the coordinator: http or https, each of {z} {x} {y} present and no
    // other placeholder. Name and attribution are taken from the server's host name.
    static Result<XyzTemplate> custom(const QString &urlTemplate);

    QString name() const { return m_name; }
    QString urlTemplate() const { return m_template; }
    QString attribution() const { return m_attribution; }
    int minZoom() const { return m_minZoom; }
    int maxZoom() const { return m_maxZoom; }

    // The URL of one tile: the placeholders replaced by the key's numbers.
    QUrl urlFor(const TileKey &key) const;

private:
    XyzTemplate(QString name, QString urlTemplate, QString attribution, int minZoom, int maxZoom);

    QString m_name;
    QString m_template;
    QString m_attribution;
    int m_minZoom = 0;
    int m_maxZoom = 19;
};

} // namespace relais
