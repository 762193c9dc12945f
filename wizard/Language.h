#pragma once

#include <QString>
#include <QStringList>

// The user interface language: English (the source strings) or French. The
// default follows the system locale; the Language menu switches at run time.
namespace fedgate::wizard {

class Language
{
public:
    static QStringList available(); // "en", "fr"
    static QString systemDefault(); // "fr" for a French locale, else "en"
    // Installs the translators for `code` (ours and Qt's own dialogs),
    // replacing the previous ones. Returns false when the catalogue is
    // missing; the interface then stays in English.
    static bool install(const QString &code);
    static QString current();
    static QString nativeName(const QString &code);
};

} // namespace fedgate::wizard
