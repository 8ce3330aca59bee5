#pragma once

#include <QWidget>

class QLineEdit;
class QPushButton;

namespace relais {

// A file path typed or chosen with "Browse…" (an open-file dialog with the filter given).
class FileField final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileField)

public:
    FileField(const QString &caption, const QString &filter, QWidget *parent = nullptr);

    QString path() const; // trimmed
    void setPath(const QString &path);
    void setReadOnly(bool readOnly);
    QLineEdit *lineEdit() const { return m_edit; }

private:
    QString m_caption;
    QString m_filter;
    QLineEdit *m_edit = nullptr;
    QPushButton *m_browse = nullptr;
};

} // namespace relais
