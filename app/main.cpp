// Relais: the composition root. The only file that knows the concrete adapters.

#include "appoptions.h"
#include "livestate.h"
#include "localisation.h"
#include "mainwindow.h"
#include "store.h"

#include <QApplication>
#include <QDir>
#include <QIcon>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

int printAndExit(const QString &text, int code)
{
    std::FILE *out = code == 0 ? stdout : stderr;
    std::fputs(qPrintable(text), out);
    if (!text.endsWith(QLatin1Char('\n')))
        std::fputc('\n', out);
    return code;
}

// Start-up refusals are the operator's own action (starting Relais): they are printed on
// stderr and shown in a message box, which runs in the main event loop so that
// --quit-after ends it too.
int refuseToStart(const QString &message)
{
    printAndExit(message, 1);
    QMessageBox box(QMessageBox::Critical, QStringLiteral("Relais"), message, QMessageBox::Close);
    QObject::connect(&box, &QMessageBox::finished, qApp, [] { QCoreApplication::exit(1); });
    box.show();
    QApplication::exec();
    return 1;
}

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Relais"));
    QCoreApplication::setApplicationName(QStringLiteral("relais"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RELAIS_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    // --help and --version must work without a display: decide before any GUI exists.
    relais::AppOptions options;
    {
        QCoreApplication probe(argc, argv);
        setIdentity();
        relais::installTranslations(probe, QString());
        options = relais::AppOptions::parse(QCoreApplication::arguments());
        switch (options.action) {
        case relais::AppOptions::Action::ShowHelp:
        case relais::AppOptions::Action::ShowVersion:
            return printAndExit(options.text, 0);
        case relais::AppOptions::Action::Error:
            return printAndExit(options.text, 2);
        case relais::AppOptions::Action::Run:
            break;
        }
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Relais"));
    QApplication::setDesktopFileName(QStringLiteral("org.relais.Relais"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/relais.svg")));
    relais::installTranslations(app, options.language);
    // Armed first, so that it also ends a refusal message box.
    if (options.quitAfterMs >= 0)
        QTimer::singleShot(options.quitAfterMs, &app, &QCoreApplication::quit);

    QString dataDir = options.dataDir;
    if (dataDir.isEmpty())
        dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    dataDir = QDir(dataDir).absolutePath();
    if (!QDir().mkpath(dataDir)) {
        return refuseToStart(
            QCoreApplication::translate("relais::main", "Cannot create the data folder %1.").arg(dataDir));
    }

    relais::Store store;
    if (!store.open(dataDir))
        return refuseToStart(store.errorString());

    relais::LiveState state;
    state.reset(store.snapshot());
    QObject::connect(&store, &relais::Store::committed, &state, &relais::LiveState::applyCommitted);

    relais::MainWindow window(&state, dataDir);
    QObject::connect(&store, &relais::Store::failed, &window, &relais::MainWindow::showError);
    QObject::connect(&state, &relais::LiveState::diverged, &window, [&window](qint64 seq, const QString &reason) {
        window.showError(QCoreApplication::translate("relais::main", "Display out of step at journal entry %1: %2")
                             .arg(seq)
                             .arg(reason));
    });
    window.showStoreStatus(QCoreApplication::translate("relais::main", "Journal: %1").arg(store.databasePath()));
    window.show();
    return QApplication::exec();
}
