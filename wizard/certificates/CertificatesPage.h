#pragma once

#include "certs/CertificateRequest.h"

#include <QWidget>

#include <optional>

class QLabel;
class QMessageBox;
class QPushButton;
class QTreeWidget;

// The key store: certificates with their expiry and assignment, pending
// requests, and the actions Request (the wizard), Import, Assign to an
// interface, Remove Assignment, Renew, Export and Details. Everything goes
// through certs::KeyStore.
namespace fedgate::wizard {

class PageHeader;
class Workspace;

class CertificatesPage : public QWidget
{
    Q_OBJECT
public:
    explicit CertificatesPage(Workspace *workspace, QWidget *parent = nullptr);
    // "External edge" / "Internal edge", in the interface language.
    static QString usageName(certs::CertificateUsage usage);

public slots:
    void reload();
    void requestCertificate();
    void importCertificate();
    void viewPendingCsr();
    // Asks, then deletes the selected pending request and its key.
    void deletePendingRequest();
    // Subject, names, validity, key usage and lint findings of the selected
    // certificate.
    void showDetails();
    // Export (PKCS #12, asks for the file and a password) of the selected
    // certificate, when it is assigned; the key store refuses a key that was
    // not marked exportable.
    void exportSelected();
    // Asks, then removes the assignment of the selected certificate: that
    // interface has no certificate; the certificate stays in the store.
    void removeAssignment();
    // Asks, then makes a renewal request with the selected certificate's
    // names and a new key: signed at once when the internal CA made it,
    // otherwise a pending request whose CSR goes to the CA.
    void renewSelected();
    bool exportSelectedTo(const QString &path, const QByteArray &password);

signals:
    void certificatesChanged();

private:
    void assign(certs::CertificateUsage usage);
    static QString assignLabel(certs::CertificateUsage usage);
    void updateActions();
    QMessageBox *ask(const QString &name, const QString &title, const QString &text);
    std::optional<certs::CertificateUsage> assignedUsage(const QString &id) const;
    QString selectedCertificate() const;

    Workspace *m_workspace;
    PageHeader *m_header;
    QTreeWidget *m_certificates;
    QTreeWidget *m_pending;
    QLabel *m_assigned;
    QList<QPushButton *> m_needsCertificate; // enabled with a certificate selected
    QList<QPushButton *> m_needsRequest;     // enabled with a request selected
};

} // namespace fedgate::wizard
