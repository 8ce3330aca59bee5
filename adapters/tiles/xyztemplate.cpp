#include "xyztemplate.h"

#include <QRegularExpression>

#include <utility>

namespace relais {

namespace {

const QString zPlaceholder = QStringLiteral("{z}");
const QString xPlaceholder = QStringLiteral("{x}");
const QString yPlaceholder = QStringLiteral("{y}");

QString substitute(QString text, const TileKey &key)
{
    text.replace(zPlaceholder, QString::number(key.z));
    text.replace(xPlaceholder, QString::number(key.x));
    text.replace(yPlaceholder, QString::number(key.y));
    return text;
}

} // namespace

XyzTemplate::XyzTemplate(QString name, QString urlTemplate, QString attribution, int minZoom, int maxZoom)
    : m_name(std::move(name)),
      m_template(std::move(urlTemplate)),
      m_attribution(std::move(attribution)),
      m_minZoom(minZoom),
      m_maxZoom(maxZoom)
{}

XyzTemplate XyzTemplate::openStreetMap()
{
    // https://operations.osmfoundation.org/policies/tiles/: the URL, the attribution.
    return XyzTemplate(QStringLiteral("OpenStreetMap"),
                       QStringLiteral("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
                       QStringLiteral("© OpenStreetMap contributors"), 0, 19);
}

XyzTemplate XyzTemplate::planIgnV2()
{
    // The Géoplateforme's WMTS in the PM (Web Mercator) matrix set: TILEROW counts from the
    // north like XYZ rows, so the template is an XYZ one.
    return XyzTemplate(QStringLiteral("Plan IGN v2"),
                       QStringLiteral("https://data.geopf.fr/wmts?SERVICE=WMTS&VERSION=1.0.0&REQUEST=GetTile"
                                      "&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&FORMAT=image/png"
                                      "&TILEMATRIXSET=PM&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}"),
                       QStringLiteral("IGN – Plan IGN"), 0, 19);
}

Result<XyzTemplate> XyzTemplate::custom(const QString &urlTemplate)
{
    const QString text = urlTemplate.trimmed();
    if (text.isEmpty())
        return Error{QStringLiteral("xyz.empty"), tr("The tile URL template is empty.")};

    QStringList missing;
    for (const QString &p : {zPlaceholder, xPlaceholder, yPlaceholder}) {
        if (!text.contains(p))
            missing.append(p);
    }
    if (!missing.isEmpty()) {
        return Error{QStringLiteral("xyz.placeholder"),
                     tr("The tile URL template “%1” lacks %2: it needs {z}, {x} and {y}.")
                         .arg(text, missing.join(QStringLiteral(", ")))};
    }
    static const QRegularExpression placeholder(QStringLiteral("\\{[^}]*\\}"));
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const QString found = it.next().captured();
        if (found != zPlaceholder && found != xPlaceholder && found != yPlaceholder) {
            return Error{QStringLiteral("xyz.placeholder"),
                         tr("The tile URL template “%1” has %2, which Relais does not fill in: only {z}, {x} "
                            "and {y} are allowed.")
                             .arg(text, found)};
        }
    }

    const QUrl sample(substitute(text, TileKey{0, 0, 0}), QUrl::StrictMode);
    const QString scheme = sample.scheme().toLower();
    if (!sample.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        || sample.host().isEmpty()) {
        return Error{QStringLiteral("xyz.url"), tr("The tile URL template “%1” is not an http:// or https:// "
                                                   "address of a server.")
                                                    .arg(text)};
    }
    const QString host = sample.host();
    return XyzTemplate(host, text, tr("Tiles: %1").arg(host), 0, 19);
}

QUrl XyzTemplate::urlFor(const TileKey &key) const
{
    return QUrl(substitute(m_template, key));
}

} // namespace relais
