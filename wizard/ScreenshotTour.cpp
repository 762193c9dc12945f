#include "ScreenshotTour.h"

#include "DnsPage.h"
#include "HomePage.h"
#include "MainWindow.h"
#include "PartnersPage.h"
#include "TopologyPage.h"
#ifdef FEDGATE_HAVE_ENGINE
#include "users/UsersPage.h"
#endif
#ifdef FEDGATE_HAVE_CERTS
#include "certificates/CertificateRequestWizard.h"
#include "certificates/CertificatesPage.h"
#endif

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMessageBox>
#include <QPixmap>
#include <QPushButton>
#include <QRadioButton>
#include <QTimer>
#include <QTreeWidget>
#include <QWizard>

#include "deploy/ServiceSupervisor.h"
#include "topology/Paths.h"
#include "wizard/home/ListenerMonitor.h"

namespace fedgate::wizard {

namespace {
// Settle time between showing a page and grabbing it: lets layouts, deferred
// deletes and the first paint finish.
constexpr int kSettleMs = 300;

QDialog *openDialog(QWidget *parent, const char *objectName)
{
    return parent->findChild<QDialog *>(QLatin1String(objectName));
}

void closeDialogs(QWidget *window)
{
    const auto dialogs = window->findChildren<QDialog *>();
    for (QDialog *d : dialogs) {
        if (d->isVisible())
            d->reject();
    }
}
} // namespace

ScreenshotTour::ScreenshotTour(MainWindow *window, QString directory, QString prefix,
                               QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_directory(std::move(directory))
    , m_prefix(std::move(prefix))
{
    auto page = [this](PageId id) {
        return [this, id]() -> QWidget * {
            closeDialogs(m_window);
            m_window->showPage(id);
            return m_window;
        };
    };
    m_shots = {
        {QStringLiteral("01-deployment"), page(PageId::Home)},
        {QStringLiteral("02-topology"), page(PageId::Topology)},
        {QStringLiteral("03-topology-edge-pool"),
         [this]() -> QWidget * {
             m_window->showPage(PageId::Topology);
             auto *topologyPage = static_cast<TopologyPage *>(m_window->page(PageId::Topology));
             auto *tree = topologyPage->findChild<QTreeWidget *>(QStringLiteral("tree"));
             for (QTreeWidgetItemIterator it(tree); *it; ++it) {
                 if ((*it)
                         ->data(0, Qt::UserRole)
                         .toString()
                         .contains(QLatin1String("/edgePools/"))) {
                     topologyPage->selectPath((*it)->data(0, Qt::UserRole).toString());
                     break;
                 }
             }
             return m_window;
         }},
        // Removing an edge pool that a route names asks and lists what goes.
        {QStringLiteral("03b-remove-question"),
         [this]() -> QWidget * {
             auto *topologyPage = static_cast<TopologyPage *>(m_window->page(PageId::Topology));
             topologyPage->findChild<QPushButton *>(QStringLiteral("remove"))->click();
             QDialog *d = openDialog(topologyPage, "confirmRemoval");
             return d ? static_cast<QWidget *>(d) : m_window;
         }},
        // The New Edge Pool wizard on its servers page.
        {QStringLiteral("03c-new-edge-pool"),
         [this]() -> QWidget * {
             closeDialogs(m_window);
             auto *topologyPage = static_cast<TopologyPage *>(m_window->page(PageId::Topology));
             topologyPage->selectPath(QStringLiteral("sites/Paris"));
             topologyPage->findChild<QPushButton *>(QStringLiteral("addEdgePool"))->click();
             auto *w = qobject_cast<QWizard *>(openDialog(topologyPage, "newEdgePoolWizard"));
             if (!w)
                 return m_window;
             w->findChild<QLineEdit *>(QStringLiteral("poolFqdn"))
                 ->setText(QStringLiteral("edge3.contoso.test"));
             w->findChild<QLineEdit *>(QStringLiteral("poolExternalFqdn"))
                 ->setText(QStringLiteral("xmpp3.contoso.test"));
             w->findChild<QRadioButton *>(QStringLiteral("multiComputer"))->setChecked(true);
             w->next();
             return w;
         }},
        {QStringLiteral("04-publish-dialog"),
         [this]() -> QWidget * {
             closeDialogs(m_window);
             auto *topologyPage = static_cast<TopologyPage *>(m_window->page(PageId::Topology));
             topologyPage->publish();
             QDialog *d = openDialog(topologyPage, "publishDialog");
             return d ? static_cast<QWidget *>(d) : m_window;
         }},
        {QStringLiteral("05-versions-dialog"),
         [this]() -> QWidget * {
             // Publish for real, so the later pages show a published topology.
             if (QDialog *d = openDialog(m_window->page(PageId::Topology), "publishDialog"))
                 d->accept();
             auto *topologyPage = static_cast<TopologyPage *>(m_window->page(PageId::Topology));
             topologyPage->showVersions();
             QDialog *d = openDialog(topologyPage, "versionsDialog");
             return d ? static_cast<QWidget *>(d) : m_window;
         }},
        {QStringLiteral("06-partners"), page(PageId::Partners)},
        {QStringLiteral("07-partner-dialog-refused"),
         [this]() -> QWidget * {
             closeDialogs(m_window);
             m_window->showPage(PageId::Partners);
             auto *partners = static_cast<PartnersPage *>(m_window->page(PageId::Partners));
             partners->newPartner();
             QDialog *d = openDialog(partners, "partnerDialog");
             if (!d)
                 return m_window;
             d->findChild<QLineEdit *>(QStringLiteral("domain"))
                 ->setText(QStringLiteral("fabrikam.example"));
             // TLS "Not supported" with SASL "Required": the matrix refuses it.
             d->findChild<QComboBox *>(QStringLiteral("tls"))->setCurrentIndex(2);
             return d;
         }},
        {QStringLiteral("08-partner-dialog-warning"),
         [this]() -> QWidget * {
             auto *partners = static_cast<PartnersPage *>(m_window->page(PageId::Partners));
             QDialog *d = openDialog(partners, "partnerDialog");
             if (!d)
                 return m_window;
             d->findChild<QComboBox *>(QStringLiteral("tls"))->setCurrentIndex(1);
             return d;
         }},
        {QStringLiteral("09-external-access"), page(PageId::Policies)},
        {QStringLiteral("10-dns"),
         [this]() -> QWidget * {
             closeDialogs(m_window);
             m_window->showPage(PageId::Dns);
             if (m_dnsServer.isEmpty())
                 return m_window;
             // A real check against the given name server, as a user would
             // run it: type the address, Check now, wait for every row.
             auto *dns = static_cast<DnsPage *>(m_window->page(PageId::Dns));
             dns->findChild<QRadioButton *>(QStringLiteral("namedServer"))->setChecked(true);
             dns->findChild<QLineEdit *>(QStringLiteral("server"))->setText(m_dnsServer);
             dns->checkNow();
             QElapsedTimer clock;
             clock.start();
             while (dns->isChecking() && clock.elapsed() < 30000)
                 QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
             return m_window;
         }},
    };
#ifdef FEDGATE_HAVE_ENGINE
    // The Users page after Alice's password was set through it, so the list
    // shows both a set and a missing password.
    qsizetype afterPolicies = 0;
    while (afterPolicies < m_shots.size() &&
           m_shots.at(afterPolicies).name != QLatin1String("09-external-access"))
        ++afterPolicies;
    m_shots.insert(afterPolicies + 1,
                   {QStringLiteral("09b-users"), [this]() -> QWidget * {
                        closeDialogs(m_window);
                        m_window->showPage(PageId::Users);
                        auto *users = static_cast<UsersPage *>(m_window->page(PageId::Users));
                        auto *list = users->findChild<QTreeWidget *>(QStringLiteral("users"));
                        const auto alice =
                            list->findItems(QStringLiteral("alice@contoso.test"), Qt::MatchExactly);
                        if (alice.isEmpty())
                            return m_window;
                        list->setCurrentItem(alice.first());
                        for (const char *field : {"password", "repeatPassword"})
                            users->findChild<QLineEdit *>(QLatin1String(field))
                                ->setText(QStringLiteral("tour-password"));
                        users->setPassword();
                        QElapsedTimer clock;
                        clock.start();
                        while (users->isBusy() && clock.elapsed() < 30000)
                            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
                        // Bob selected, as an administrator about to type.
                        const auto bob =
                            list->findItems(QStringLiteral("bob@contoso.test"), Qt::MatchExactly);
                        if (!bob.isEmpty())
                            list->setCurrentItem(bob.first());
                        return m_window;
                    }});
#endif
#ifdef FEDGATE_HAVE_CERTS
    // The request wizard on its names page (subject and SANs from the
    // topology), then the finished key creation (immediate request, signed
    // by the internal CA), then the certificate list holding the result.
    auto wizard = [this]() {
        auto *certificates = static_cast<CertificatesPage *>(m_window->page(PageId::Certificates));
        return certificates->findChild<CertificateRequestWizard *>();
    };
    m_shots.append({QStringLiteral("11-certificate-request-names"), [this, wizard]() -> QWidget * {
                        closeDialogs(m_window);
                        m_window->showPage(PageId::Certificates);
                        static_cast<CertificatesPage *>(m_window->page(PageId::Certificates))
                            ->requestCertificate();
                        CertificateRequestWizard *w = wizard();
                        if (!w)
                            return m_window;
                        // The wizard refuses "(choose a country)": pick one.
                        if (auto *country = w->findChild<QComboBox *>(QStringLiteral("country")))
                            if (country->currentData().toString().isEmpty())
                                country->setCurrentIndex(country->findData(QStringLiteral("CA")));
                        while (w->currentId() != CertificateRequestWizard::NamesPage &&
                               w->currentPage()->isComplete()) {
                            if (w->currentId() == CertificateRequestWizard::ModePage) {
                                w->currentPage()
                                    ->findChild<QRadioButton *>(QStringLiteral("immediate"))
                                    ->setChecked(true);
                                // The administrator agrees to create the internal CA.
                                if (auto *ca = w->currentPage()->findChild<QAbstractButton *>(
                                        QStringLiteral("createCa")))
                                    ca->setChecked(true);
                            }
                            w->next();
                        }
                        return w;
                    }});
    m_shots.append({QStringLiteral("12-certificate-request-created"), [wizard]() -> QWidget * {
                        CertificateRequestWizard *w = wizard();
                        if (!w)
                            return nullptr;
                        while (w->currentId() != CertificateRequestWizard::CreationPage &&
                               w->currentPage()->isComplete())
                            w->next();
                        // Key generation runs on a worker thread: wait for it,
                        // keeping the window alive.
                        QElapsedTimer clock;
                        clock.start();
                        while (!w->currentPage()->isComplete() && clock.elapsed() < 60000)
                            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
                        return w;
                    }});
    m_shots.append({QStringLiteral("13-certificates"), [this, wizard]() -> QWidget * {
                        if (CertificateRequestWizard *w = wizard())
                            w->accept();
                        m_window->showPage(PageId::Certificates);
                        return m_window;
                    }});
#endif
    m_shots.append({QStringLiteral("14-deployment-after"), page(PageId::Home)});
    // The home steps run as an administrator would, up to fedgated running
    // on loopback addresses with the listener table filled from the real
    // sockets; the service is stopped again when the tour ends.
    m_shots.append({QStringLiteral("15-deployment-running"), [this]() -> QWidget * {
                        closeDialogs(m_window);
                        m_window->showPage(PageId::Home);
                        auto *home = static_cast<HomePage *>(m_window->page(PageId::Home));
                        runHomeSteps(home);
                        return m_window;
                    }});
    m_shots.append({QStringLiteral("16-deployment-service-log"), [this]() -> QWidget * {
                        auto *home = static_cast<HomePage *>(m_window->page(PageId::Home));
                        home->showLog(QStringLiteral("services"));
                        QDialog *d = openDialog(home, "logDialog");
                        return d ? static_cast<QWidget *>(d) : m_window;
                    }});
}

void ScreenshotTour::runHomeSteps(HomePage *home)
{
    auto waitFor = [](const std::function<bool()> &done, int ms) {
        QElapsedTimer clock;
        clock.start();
        while (!done() && clock.elapsed() < ms)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    };
    auto idle = [home] { return !home->isBusy(); };
    auto *machine = home->findChild<QComboBox *>(QStringLiteral("machine"));
    machine->setCurrentIndex(
        qMax(0, machine->findText(QStringLiteral("edge-paris1.contoso.test"))));
    emit machine->activated(machine->currentIndex());
    auto *roles = home->findChild<QComboBox *>(QStringLiteral("roles"));
    roles->setCurrentIndex(roles->count() - 1); // edge and gateway
    emit roles->activated(roles->currentIndex());
    auto *options = home->findChild<QLineEdit *>(QStringLiteral("serviceOptions"));
    options->setText(m_serviceOptions);
    emit options->editingFinished();
    options->setCursorPosition(0);
    waitFor(idle, 30000);
    home->runStep(QStringLiteral("replica"));
    waitFor(idle, 60000);
    home->findChild<QPushButton *>(QStringLiteral("internalCa"))->click();
    if (auto *box = home->findChild<QMessageBox *>(QStringLiteral("confirmInternalCa")))
        box->findChild<QPushButton *>(QStringLiteral("confirmInternalCaButton"))->click();
    waitFor(idle, 60000);
    home->runStep(QStringLiteral("components"));
    waitFor(idle, 60000);
    home->runStep(QStringLiteral("services"));
    waitFor(idle, 60000);
    // Until the table shows the link established (bounded).
    waitFor([home] { return home->listenerMonitor()->snapshot().healthy(); }, 30000);
}

void ScreenshotTour::stopService()
{
    deploy::ServiceSupervisor(deploy::ServiceLayout::forDataDirectory(fedgate::dataDir())).stop();
}

void ScreenshotTour::start()
{
    QDir().mkpath(m_directory);
    m_window->show();
    QTimer::singleShot(kSettleMs, this, &ScreenshotTour::next);
}

void ScreenshotTour::next()
{
    if (m_index >= m_shots.size()) {
        closeDialogs(m_window);
        stopService();
        emit finished(m_saved, m_failed);
        return;
    }
    const Shot &shot = m_shots.at(m_index);
    QWidget *target = shot.show();
    if (!target)
        target = m_window;
    QTimer::singleShot(kSettleMs, this, [this, target, name = shot.name] {
        const QString path =
            QDir(m_directory).filePath(QStringLiteral("%1-%2.png").arg(m_prefix, name));
        if (target->grab().save(path))
            ++m_saved;
        else
            ++m_failed;
        ++m_index;
        next();
    });
}

} // namespace fedgate::wizard
