#include "wizard/Language.h"
#include "wizard/MainWindow.h"
#include "wizard/ScreenshotTour.h"
#include "wizard/Workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

#include <cstdio>

using namespace fedgate::wizard;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("fedgate"));
    QApplication::setApplicationVersion(QStringLiteral(FEDGATE_VERSION));
    QApplication::setOrganizationName(QStringLiteral("Fedgate"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Fedgate deployment wizard: XMPP federation."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption storeOption(
        QStringLiteral("store"),
        QApplication::translate("main", "Central store: a SQLite file or a postgresql:// URL."),
        QStringLiteral("LOCATION"));
    QCommandLineOption langOption(QStringLiteral("lang"),
                                  QApplication::translate("main", "Interface language (en, fr)."),
                                  QStringLiteral("CODE"));
    QCommandLineOption openOption(
        QStringLiteral("open"),
        QApplication::translate("main", "Load a topology file as the draft on start."),
        QStringLiteral("FILE"));
    QCommandLineOption tourOption(QStringLiteral("screenshot-tour"),
                                  QStringLiteral("Save a PNG of every page into DIR, then quit."),
                                  QStringLiteral("DIR"));
    tourOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption tourDnsOption(
        QStringLiteral("screenshot-dns-server"),
        QStringLiteral("With --screenshot-tour: check the DNS page against this name server."),
        QStringLiteral("ADDRESS"));
    tourDnsOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({storeOption, langOption, openOption, tourOption, tourDnsOption});
    parser.process(app);

    const QString language =
        parser.isSet(langOption) ? parser.value(langOption) : Language::systemDefault();
    if (!Language::install(language))
        std::fprintf(stderr, "fedgate: no %s translation; using English.\n", qPrintable(language));

    Workspace workspace(parser.value(storeOption));
    fedgate::Status opened = workspace.open();
    if (!opened.ok()) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Fedgate"),
                              opened.error().toString());
        return 2;
    }
    if (parser.isSet(openOption)) {
        fedgate::Status imported = workspace.importFile(parser.value(openOption));
        if (!imported.ok()) {
            std::fprintf(stderr, "fedgate: %s\n", qPrintable(imported.error().toString()));
            return 1;
        }
    }

    MainWindow window(&workspace);
    if (parser.isSet(tourOption)) {
        auto *tour = new ScreenshotTour(&window, parser.value(tourOption), language, &window);
        tour->setDnsServer(parser.value(tourDnsOption));
        QObject::connect(tour, &ScreenshotTour::finished, &app, [](int saved, int failed) {
            std::printf("screenshots saved: %d, failed: %d\n", saved, failed);
            QApplication::exit(failed == 0 ? 0 : 1);
        });
        tour->start();
        return QApplication::exec();
    }
    window.show();
    return QApplication::exec();
}
