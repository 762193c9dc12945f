#pragma once

#include "CertificateFile.h"
#include "CertificateInfo.h"
#include "CertificateLint.h"
#include "CertificateNames.h"
#include "CertificateRequest.h"
#include "OpenSsl.h"

#include "topology/Result.h"
#include "topology/Topology.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// Fedgate's key store, <data>/certs:
//   keystore.secret            the passphrase, unless FEDGATE_KEYSTORE_PASSPHRASE is set
//   pending/<id>/              a request waiting for its CA: request.json, request.csr, key.pem
//   store/<id>/                an imported certificate: certificate.json, chain.pem, key.pem
//   assigned/<usage>.pem|.key|.json   what the engine serves on each interface
// Every key.pem is PKCS#8 encrypted with AES-256, mode 0600; every file is
// written atomically. A pending id is the key's id (publicKeyId), a stored
// id the certificate's (certificateId); commands accept any unique prefix.
//
// Methods are safe to call from a worker thread; two KeyStore objects on the
// same directory in one process are fine, the file system is the state.
namespace fedgate::certs {

struct PendingRequest
{
    QString id;
    CertificateRequest request;
    CertificateNames names;
    QDateTime createdAt; // UTC
    QString keyDescription;
    QByteArray csrPem;

    QJsonObject toJson() const;
};

struct StoredCertificate
{
    QString id;
    QString friendlyName;
    bool exportable = false;
    CertificateUsage usage = CertificateUsage::ExternalEdge; // from its request
    QString requestId;    // the pending request it answered; "" = key came in the file
    QString sourceFormat; // "PEM", "DER", "PKCS#7", "PKCS#12", "internal CA"
    QDateTime importedAt;
    bool chainComplete = false;
    int chainLength = 0;
    CertificateInfo info;

    QJsonObject toJson() const;
};

struct ImportOptions
{
    QByteArray password;  // PKCS#12 / encrypted PEM key
    QString friendlyName; // overrides the request's
    // For a key that comes in the file (no pending request): may it be
    // exported again? Keys of pending requests keep their request's flag.
    bool exportable = false;
    // For lint when no pending request says which interface it is for.
    std::optional<CertificateUsage> usage;
    // When given, lint also checks the names the topology needs.
    const topology::Topology *topology = nullptr;
};

struct ImportResult
{
    StoredCertificate certificate;
    QString keySource; // "pending request <id>" or "the file"
    QList<CertificateFinding> findings;

    QJsonObject toJson() const;
};

struct RequestOutcome
{
    PendingRequest request;
    std::optional<ImportResult> issued; // immediate requests: the certificate, already imported
    QString csrWrittenTo;               // delayed requests with a CSR path

    QJsonObject toJson() const;
};

struct Assignment
{
    CertificateUsage usage = CertificateUsage::ExternalEdge;
    QString certificateId;
    QString friendlyName;
    bool exportable = false;
    QDateTime assignedAt;
    CertificateInfo info;

    QJsonObject toJson() const;
};

struct AssignResult
{
    Assignment assignment;
    QList<CertificateFinding> findings;
};

// What the engine loads for one interface.
struct AssignedCertificate
{
    Assignment assignment;
    QByteArray chainPem;        // leaf first, then intermediates, as a TLS server sends them
    X509Ptr certificate;        // the leaf
    std::vector<X509Ptr> chain; // the intermediates
    PKeyPtr key;                // decrypted
};

class KeyStore
{
public:
    // `dataDirectory`: Fedgate's data directory; empty = fedgate::dataDir().
    explicit KeyStore(const QString &dataDirectory = {});

    QString dataDirectory() const { return m_dataDirectory; }
    QString root() const;       // <data>/certs
    QString secretPath() const; // <data>/certs/keystore.secret
    // Whether an error is about the key store's own files (exit code 2 in
    // fedgatectl) rather than the user's input.
    bool isStoreError(const Error &error) const;

    // Generates the key, builds the CSR from the topology and keeps both as a
    // pending request. Immediate requests are then signed by the internal
    // CA (created on first use) and imported at once.
    Result<RequestOutcome> createRequest(const topology::Topology &topology,
                                         const CertificateRequest &request);
    // Renewal of an imported (or assigned) certificate: a new pending request
    // with the same names (subject, SANs, usage, key type, template, friendly
    // name, exportable) and a fresh key. Immediate renewals are signed by the
    // internal CA at once and are refused unless the original came from it.
    // The old certificate stays where it is until the new one is assigned.
    // `topology`, when given, is used for the lint of an immediate renewal.
    Result<RequestOutcome> renew(const QString &certificateIdOrPrefix, RequestMode mode,
                                 const QString &csrPath = {},
                                 const topology::Topology *topology = nullptr);
    Result<QList<PendingRequest>> pendingRequests() const;
    Result<PendingRequest> pendingRequest(const QString &idOrPrefix) const;
    Status deletePendingRequest(const QString &idOrPrefix);
    Status writeCsr(const QString &idOrPrefix, const QString &path) const;

    Result<ImportResult> importFile(const QString &path, const ImportOptions &options = {});
    Result<ImportResult> importData(const QByteArray &data, const QString &sourceName,
                                    const ImportOptions &options = {});
    Result<QList<StoredCertificate>> certificates() const;
    Result<StoredCertificate> certificate(const QString &idOrPrefix) const;
    // The stored chain of that certificate, leaf first, as its details show
    // it (the leaf, then each intermediate up to the last one stored).
    Result<QList<CertificateInfo>> certificateChain(const QString &idOrPrefix) const;

    Result<AssignResult> assign(const QString &certificateIdOrPrefix, CertificateUsage usage,
                                const topology::Topology *topology = nullptr);
    // Removes the assignment of `usage`: that interface then has no
    // certificate. The certificate itself stays in the store. Refused when
    // nothing is assigned.
    Status unassign(CertificateUsage usage);
    Result<std::optional<Assignment>> assignment(CertificateUsage usage) const;
    Result<AssignedCertificate> loadAssigned(CertificateUsage usage) const;
    // Lint of what is assigned to `usage`, with the names the topology needs
    // when `topology` is given.
    Result<QList<CertificateFinding>> checkAssigned(CertificateUsage usage,
                                                    const topology::Topology *topology = nullptr,
                                                    const QDateTime &now = {}) const;
    // PKCS#12 of the assigned certificate, chain and key, for the other pool
    // members; refused unless the certificate was marked exportable.
    Status exportPkcs12(CertificateUsage usage, const QString &path,
                        const QByteArray &password) const;

    // Lint of any certificate file (fedgatectl cert check FILE).
    Result<QList<CertificateFinding>> checkFile(const QString &path, const LintOptions &options,
                                                const QByteArray &password = {}) const;

private:
    struct StoredMaterial
    {
        StoredCertificate record;
        std::vector<X509Ptr> chain; // leaf first
        PKeyPtr key;
    };

    Result<QByteArray> passphrase() const;
    Result<QString> resolve(const QString &folder, const QString &idOrPrefix,
                            const QString &what) const;
    Result<PendingRequest> readPending(const QString &id) const;
    Result<StoredCertificate> readStored(const QString &id) const;
    Result<StoredMaterial> loadStored(const QString &id) const;
    Result<PKeyPtr> readKey(const QString &path) const;
    std::vector<X509Ptr> anchors() const;
    Status storePending(const PendingRequest &pending, EVP_PKEY *key);
    Result<RequestOutcome> makeRequest(const CertificateNames &names,
                                       const CertificateRequest &request,
                                       const topology::Topology *topology);
    QString assignedBase(CertificateUsage usage) const;
    Result<ImportResult> importParsed(CertificateFile &file, const QString &sourceName,
                                      const ImportOptions &options);

    QString m_dataDirectory;
};

} // namespace fedgate::certs
