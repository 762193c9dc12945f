#pragma once

#include "certs/KeyStore.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

// Imports the CA's answer (PEM, DER, PKCS#7 .p7b, PKCS#12 .pfx) into the key
// store through certs::KeyStore::importFile, then shows which key it matched
// and the lint findings. A PFX without its password asks for it.
namespace fedgate::wizard {

class ImportCertificateDialog : public QDialog
{
    Q_OBJECT
public:
    ImportCertificateDialog(const topology::Topology &topology, const QString &dataDirectory,
                            QWidget *parent = nullptr);
    QString importedId() const { return m_importedId; }

signals:
    void imported(const QString &certificateId);

private:
    void import();
    static bool needsPassword(const QString &path);

    topology::Topology m_topology;
    QString m_dataDirectory;
    QLineEdit *m_path;
    QLineEdit *m_password;
    QLineEdit *m_friendlyName;
    QCheckBox *m_exportable;
    QLabel *m_result;
    QListWidget *m_findings;
    QPushButton *m_import;
    QString m_importedId;
};

} // namespace fedgate::wizard
