#include "Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace fedgate::wizard {

namespace {
QTranslator *g_ours = nullptr;
QTranslator *g_core = nullptr;
QTranslator *g_qt = nullptr;
QString g_current = QStringLiteral("en");
} // namespace

QStringList Language::available()
{
    return {QStringLiteral("en"), QStringLiteral("fr")};
}

QString Language::systemDefault()
{
    return QLocale::system().language() == QLocale::French ? QStringLiteral("fr")
                                                           : QStringLiteral("en");
}

QString Language::current()
{
    return g_current;
}

QString Language::nativeName(const QString &code)
{
    return code == QLatin1String("fr") ? QStringLiteral("Français") : QStringLiteral("English");
}

bool Language::install(const QString &code)
{
    for (QTranslator **t : {&g_ours, &g_core, &g_qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    g_current = QStringLiteral("en");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    if (code == QLatin1String("en")) {
        // The sources are English; the English catalogue only holds the
        // plural forms of the %n messages ("1 change", "2 changes").
        auto english = new QTranslator;
        if (english->load(QStringLiteral(":/i18n/fedgate_en.qm"))) {
            QCoreApplication::installTranslator(english);
            g_ours = english;
        } else {
            delete english;
        }
        return true;
    }

    auto ours = new QTranslator;
    if (!ours->load(QStringLiteral(":/i18n/fedgate_%1.qm").arg(code))) {
        delete ours;
        return false;
    }
    QCoreApplication::installTranslator(ours);
    g_ours = ours;
    // The core libraries' messages the pages show (negotiation verdicts,
    // where a policy comes from).
    auto core = new QTranslator;
    if (core->load(QStringLiteral(":/i18n/fedgate_core_%1.qm").arg(code))) {
        QCoreApplication::installTranslator(core);
        g_core = core;
    } else {
        delete core;
    }
    // Qt's own strings (standard buttons, QWizard's Next/Back); optional.
    auto qt = new QTranslator;
    if (qt->load(QStringLiteral("qtbase_%1").arg(code),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        g_qt = qt;
    } else {
        delete qt;
    }
    g_current = code;
    QLocale::setDefault(QLocale(code));
    return true;
}

} // namespace fedgate::wizard
