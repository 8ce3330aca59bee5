#include "mappage.h"

#include "filefield.h"
#include "settings.h"
#include "settingsform.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace relais {

namespace {

const QLatin1StringView kXyzPrefix("xyz:");
const QLatin1StringView kMbtilesPrefix("mbtiles:");

} // namespace

MapPage::MapPage(SpecCheck check, QWidget *parent) : QWidget(parent), m_check(std::move(check))
{
    auto *layout = new QVBoxLayout(this);
    auto *sourceBox = new QGroupBox(tr("Map background"), this);
    auto *form = new QFormLayout(sourceBox);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_source = new QComboBox(sourceBox);
    m_source->setObjectName(QStringLiteral("mapSourceCombo"));
    m_source->addItem(tr("OpenStreetMap (online)"), int(Source::OpenStreetMap));
    m_source->addItem(tr("IGN Plan (online)"), int(Source::PlanIgn));
    m_source->addItem(tr("Other tile server (XYZ template)"), int(Source::Xyz));
    m_source->addItem(tr("MBTiles file (offline)"), int(Source::Mbtiles));
    m_source->addItem(tr("Offline street map only"), int(Source::Vector));
    form->addRow(tr("&Source:"), m_source);
    m_template = new QLineEdit(sourceBox);
    m_template->setObjectName(QStringLiteral("mapTemplateEdit"));
    m_template->setPlaceholderText(QStringLiteral("https://tiles.example.org/{z}/{x}/{y}.png"));
    m_templateLabel = new QLabel(tr("&Template:"), sourceBox);
    m_templateLabel->setBuddy(m_template);
    form->addRow(m_templateLabel, m_template);
    m_mbtiles = new FileField(tr("MBTiles File"), tr("MBTiles files (*.mbtiles);;All files (*)"), sourceBox);
    m_mbtiles->setObjectName(QStringLiteral("mapMbtilesField"));
    m_mbtilesLabel = new QLabel(tr("&File:"), sourceBox);
    m_mbtilesLabel->setBuddy(m_mbtiles);
    form->addRow(m_mbtilesLabel, m_mbtiles);
    m_contact = new QLineEdit(sourceBox);
    m_contact->setObjectName(QStringLiteral("mapContactEdit"));
    m_contact->setPlaceholderText(tr("e-mail address or web page"));
    form->addRow(tr("&Contact:"), m_contact);
    form->addRow(SettingsForm::note(
        tr("Tile servers' operators reach whoever runs this desk through the contact, sent with every tile "
           "request. OpenStreetMap asks for one."),
        sourceBox));
    layout->addWidget(sourceBox);

    auto *basemapBox = new QGroupBox(tr("Offline street map"), this);
    auto *basemapForm = new QFormLayout(basemapBox);
    basemapForm->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_basemap =
        new FileField(tr("Offline Street Map"), tr("GeoJSON files (*.geojson *.json);;All files (*)"), basemapBox);
    m_basemap->setObjectName(QStringLiteral("mapBasemapField"));
    basemapForm->addRow(tr("&GeoJSON file:"), m_basemap);
    basemapForm->addRow(SettingsForm::note(
        tr("Drawn under the tiles, and alone when no tile can be had or the source is the offline street map."),
        basemapBox));
    layout->addWidget(basemapBox);
    layout->addWidget(SettingsForm::note(
        tr("These take effect at the next start of Relais. --map-source and --basemap on the command line "
           "win over them."),
        this));
    layout->addStretch(1);

    connect(m_source, &QComboBox::currentIndexChanged, this, &MapPage::updateFields);
    updateFields();
}

void MapPage::updateFields()
{
    const auto source = Source(m_source->currentData().toInt());
    m_templateLabel->setVisible(source == Source::Xyz);
    m_template->setVisible(source == Source::Xyz);
    m_mbtilesLabel->setVisible(source == Source::Mbtiles);
    m_mbtiles->setVisible(source == Source::Mbtiles);
}

void MapPage::load(const Settings &settings)
{
    const QString spec = settings.mapSource();
    const QString lower = spec.toLower();
    Source source = Source::OpenStreetMap;
    m_template->clear();
    m_mbtiles->setPath(QString());
    if (lower == QLatin1String("ign")) {
        source = Source::PlanIgn;
    } else if (lower == QLatin1String("vector")) {
        source = Source::Vector;
    } else if (lower.startsWith(kMbtilesPrefix)) {
        source = Source::Mbtiles;
        m_mbtiles->setPath(spec.mid(kMbtilesPrefix.size()).trimmed());
    } else if (lower.startsWith(kXyzPrefix)) {
        source = Source::Xyz;
        m_template->setText(spec.mid(kXyzPrefix.size()).trimmed());
    } else if (!lower.isEmpty() && lower != QLatin1String("osm")) {
        // Not a spec: shown as a template, for the check to say what is wrong with it.
        source = Source::Xyz;
        m_template->setText(spec);
    }
    m_source->setCurrentIndex(m_source->findData(int(source)));
    m_contact->setText(settings.mapContact());
    m_basemap->setPath(settings.mapBasemap());
    updateFields();
}

QString MapPage::sourceSpec() const
{
    switch (Source(m_source->currentData().toInt())) {
    case Source::OpenStreetMap:
        break;
    case Source::PlanIgn:
        return QStringLiteral("ign");
    case Source::Xyz:
        return kXyzPrefix + m_template->text().trimmed();
    case Source::Mbtiles:
        return kMbtilesPrefix + m_mbtiles->path();
    case Source::Vector:
        return QStringLiteral("vector");
    }
    return QStringLiteral("osm");
}

QString MapPage::check() const
{
    const auto source = Source(m_source->currentData().toInt());
    if (source == Source::Xyz) {
        const QString t = m_template->text().trimmed();
        if (t.isEmpty())
            return tr("Enter the tile server's URL template, with {z}, {x} and {y}.");
        if (!t.startsWith(QLatin1String("http://")) && !t.startsWith(QLatin1String("https://")))
            return tr("The URL template must start with http:// or https://.");
        for (const char *p : {"{z}", "{x}", "{y}"}) {
            if (!t.contains(QLatin1StringView(p)))
                return tr("The URL template must contain {z}, {x} and {y}.");
        }
    }
    if (source == Source::Mbtiles) {
        if (m_mbtiles->path().isEmpty())
            return tr("Choose the MBTiles file.");
        if (!QFileInfo(m_mbtiles->path()).isReadable())
            return tr("Cannot read the MBTiles file %1.").arg(m_mbtiles->path());
    }
    if (m_check) {
        if (const QString why = m_check(sourceSpec()); !why.isEmpty())
            return why;
    }
    if (!m_basemap->path().isEmpty() && !QFileInfo(m_basemap->path()).isReadable())
        return tr("Cannot read the offline street map %1.").arg(m_basemap->path());
    return {};
}

void MapPage::save(Settings &settings) const
{
    const QString spec = sourceSpec();
    // OpenStreetMap is the default: a setting that was never written stays unwritten.
    if (spec != QLatin1String("osm") || !settings.mapSource().isEmpty())
        settings.setMapSource(spec);
    settings.setMapContact(m_contact->text());
    settings.setMapBasemap(m_basemap->path());
}

} // namespace relais
