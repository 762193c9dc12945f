#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QWidget;

// Shows every page and the main dialogs in turn and saves a PNG of each
// (QWidget::grab), for the documentation and for reviewing the layout in
// each language. Driven by `fedgate --screenshot-tour DIR`.
namespace fedgate::wizard {

class HomePage;
class MainWindow;

class ScreenshotTour : public QObject
{
    Q_OBJECT
public:
    ScreenshotTour(MainWindow *window, QString directory, QString prefix,
                   QObject *parent = nullptr);
    // The name server the DNS page checks against before its screenshot (a
    // dnsmasq serving the example's records); empty = the page as it opens,
    // every row "not checked".
    void setDnsServer(const QString &address) { m_dnsServer = address; }
    // fedgated's options for the running-deployment shot (loopback listen
    // addresses); the home page's steps start fedgated with them.
    void setServiceOptions(const QString &options) { m_serviceOptions = options; }
    void start();

signals:
    void finished(int saved, int failed);

private:
    struct Shot
    {
        QString name;
        std::function<QWidget *()> show; // returns the widget to grab
    };
    void next();
    void runHomeSteps(HomePage *home);
    static void stopService();

    MainWindow *m_window;
    QString m_directory;
    QString m_prefix;
    QString m_dnsServer;
    // Loopback addresses (127.0.0.26-28, beside the home page tests' 23-25).
    QString m_serviceOptions = QStringLiteral("--listen 127.0.0.26:5269 --internal-listen "
                                              "127.0.0.27:23456 --client-listen 127.0.0.28:5222");
    QList<Shot> m_shots;
    int m_index = 0;
    int m_saved = 0;
    int m_failed = 0;
};

} // namespace fedgate::wizard
