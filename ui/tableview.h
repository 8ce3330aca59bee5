#pragma once

#include <QTableView>

namespace relais {

// A table view that says so when it has no rows ("No open alarms") instead of showing
// a blank area that could be mistaken for a display fault.
class TableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TableView)

public:
    explicit TableView(QWidget *parent = nullptr);

    QString placeholderText() const { return m_placeholderText; }
    void setPlaceholderText(const QString &text);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_placeholderText;
};

} // namespace relais
