#pragma once

#include <QWidget>

namespace relais {

// Holds the map's place in the main window until the map widget exists: a calm background,
// a discreet note and the OpenStreetMap attribution (always visible where the map will be).
class MapPlaceholder final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MapPlaceholder)

public:
    explicit MapPlaceholder(QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace relais
