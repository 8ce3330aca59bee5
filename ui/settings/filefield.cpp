#include "filefield.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace relais {

FileField::FileField(const QString &caption, const QString &filter, QWidget *parent)
    : QWidget(parent), m_caption(caption), m_filter(filter)
{
    m_edit = new QLineEdit(this);
    m_edit->setClearButtonEnabled(true);
    m_browse = new QPushButton(tr("Browse…"), this);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_browse);
    setFocusProxy(m_edit);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString start = path().isEmpty() ? QDir::homePath() : QFileInfo(path()).absolutePath();
        const QString chosen = QFileDialog::getOpenFileName(this, m_caption, start, m_filter);
        if (!chosen.isEmpty())
            setPath(QDir::toNativeSeparators(chosen));
    });
}

QString FileField::path() const
{
    return m_edit->text().trimmed();
}

void FileField::setPath(const QString &path)
{
    m_edit->setText(path);
}

void FileField::setReadOnly(bool readOnly)
{
    m_edit->setReadOnly(readOnly);
    m_browse->setEnabled(!readOnly);
}

} // namespace relais
