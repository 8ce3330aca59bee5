#pragma once

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;

namespace relais {

class FileField;
class Settings;

// The settings dialog's Map page: the map source (OpenStreetMap, Plan IGN, a custom XYZ template,
// an MBTiles file, the offline vector basemap only), the contact sent in the tiles' User-Agent,
// and the offline basemap's GeoJSON file. Taken into account at the next start; --map-source and
// --basemap on the command line win over them.
class MapPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MapPage)

public:
    enum class Source { OpenStreetMap, PlanIgn, Xyz, Mbtiles, Vector };
    using SpecCheck = std::function<QString(const QString &spec)>;

    // check: validates a source spec (empty answer: fine); null: only the page's own checks.
    explicit MapPage(SpecCheck check = {}, QWidget *parent = nullptr);

    void load(const Settings &settings);
    QString check() const;
    void save(Settings &settings) const;

    // The spec of the source chosen ("osm", "xyz:https://…", "mbtiles:/srv/…").
    QString sourceSpec() const;

private:
    void updateFields();

    SpecCheck m_check;
    QComboBox *m_source = nullptr;
    QLabel *m_templateLabel = nullptr;
    QLineEdit *m_template = nullptr;
    QLabel *m_mbtilesLabel = nullptr;
    FileField *m_mbtiles = nullptr;
    QLineEdit *m_contact = nullptr;
    FileField *m_basemap = nullptr;
};

} // namespace relais
