#include "helptexts.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>
#include <QMenuBar>

namespace relais::HelpTexts {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("relais::HelpTexts", text);
}

} // namespace

QString about()
{
    const QString version = QStringLiteral(RELAIS_VERSION);
    const auto paragraph = [](const QString &text) {
        return QStringLiteral("<p>%1</p>").arg(text.toHtmlEscaped());
    };
    QString html = QStringLiteral("<h3>%1</h3>").arg(tr("Relais %1").arg(version).toHtmlEscaped());
    html += paragraph(tr("Dispatcher console for neighbourhood alarm verification."));
    html += paragraph(tr("Built with Qt %1, running on Qt %2.")
                          .arg(QLatin1StringView(QT_VERSION_STR), QLatin1StringView(qVersion())));
    html += paragraph(tr("Relais is free software, licensed under the GNU General Public License, "
                         "version 3 or later (GPL-3.0-or-later)."));
    html += paragraph(tr("It uses Qt, licensed under the GNU Lesser General Public License, version 3 (LGPLv3)."));
    html += QStringLiteral("<p><a href=\"https://www.openstreetmap.org/copyright\">%1</a></p>")
                .arg(tr("Map data © OpenStreetMap contributors, ODbL").toHtmlEscaped());
    return html;
}

QString shortcuts(const QMenuBar *menuBar)
{
    const auto row = [](const QString &keys, const QString &what) {
        return QStringLiteral("<tr><td style=\"padding-right:16px\"><b>%1</b></td><td>%2</td></tr>")
            .arg(keys.toHtmlEscaped(), what.toHtmlEscaped());
    };
    QString html = QStringLiteral("<table>");
    const QList<QAction *> menus = menuBar->actions();
    for (const QAction *menuAction : menus) {
        const QMenu *menu = menuAction->menu();
        if (!menu)
            continue;
        QString rows;
        const QList<QAction *> actions = menu->actions();
        for (const QAction *a : actions) {
            if (!a->shortcut().isEmpty()) {
                rows += row(a->shortcut().toString(QKeySequence::NativeText),
                            QString(a->text()).remove(QLatin1Char('&')).remove(QStringLiteral("…")));
            }
        }
        if (!rows.isEmpty()) {
            html += QStringLiteral("<tr><td colspan=\"2\"><br><i>%1</i></td></tr>")
                        .arg(QString(menuAction->text()).remove(QLatin1Char('&')).toHtmlEscaped())
                    + rows;
        }
    }
    html += QStringLiteral("<tr><td colspan=\"2\"><br><i>%1</i></td></tr>").arg(tr("On the map").toHtmlEscaped());
    html += row(QStringLiteral("+ / −"), tr("Zoom in / out"));
    html += row(tr("Arrows"), tr("Move the map"));
    html += row(QStringLiteral("F"), tr("Fit every open alarm"));
    html += row(tr("Right-click"), tr("What can be done there: acknowledge, send a helper, create an alarm…"));
    html += QStringLiteral("</table>");
    return html;
}

} // namespace relais::HelpTexts
