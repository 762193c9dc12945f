#include "KeyStore.h"

#include "ChainBuilder.h"
#include "CsrBuilder.h"
#include "InternalCa.h"
#include "KeyGenerator.h"
#include "KeyStoreSecret.h"
#include "SecureFile.h"

#include "topology/Paths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QMutexLocker>
#include <QRandomGenerator>

#include <openssl/err.h>
#include <openssl/pem.h>

// Debug level: fedgatectl prints JSON on stdout, where spdlog's default
// logger writes; the service's logger configuration decides what it keeps.
#include <spdlog/spdlog.h>

#include <algorithm>

namespace fedgate::certs {

namespace {

const QString kPending = QStringLiteral("pending");
const QString kStore = QStringLiteral("store");
const QString kAssigned = QStringLiteral("assigned");

Error storeError(const QString &message, const QString &source)
{
    Error error;
    error.message = message;
    error.source = source;
    return error;
}

Error inputError(const QString &message, const QString &source = {})
{
    Error error;
    error.message = message;
    error.source = source;
    return error;
}

Result<QByteArray> readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return storeError(QStringLiteral("Cannot read %1: %2.").arg(path, file.errorString()),
                          path);
    return file.readAll();
}

Result<QJsonObject> readJson(const QString &path)
{
    Result<QByteArray> data = readAll(path);
    if (!data)
        return data.error();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data.value(), &parseError);
    if (!document.isObject())
        return storeError(QStringLiteral("%1 is damaged (%2). Delete that entry and make it "
                                         "again.")
                              .arg(path, parseError.errorString()),
                          path);
    return document.object();
}

QByteArray toJsonBytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

QStringList namesOf(const CertificateInfo &info)
{
    QStringList names;
    if (!info.commonName.isEmpty())
        names << info.commonName.toLower();
    for (const QString &name : info.dnsNames)
        names << name.toLower();
    return names;
}

QStringList namesOf(const PendingRequest &pending)
{
    QStringList names{pending.names.commonName.toLower()};
    for (const QString &name : pending.names.dnsNames)
        names << name.toLower();
    return names;
}

// How many trailing DNS labels two names share ("a.contoso.test" and
// "b.contoso.test": 2).
int sharedSuffixLabels(const QString &a, const QString &b)
{
    const QStringList left = a.toLower().split(QLatin1Char('.'));
    const QStringList right = b.toLower().split(QLatin1Char('.'));
    int shared = 0;
    while (shared < left.size() && shared < right.size() &&
           left.at(left.size() - 1 - shared) == right.at(right.size() - 1 - shared))
        ++shared;
    return shared;
}

const PendingRequest *closestBySubject(const CertificateInfo &info,
                                       const QList<PendingRequest> &pending)
{
    const PendingRequest *best = nullptr;
    int bestScore = 0;
    const QStringList certificateNames = namesOf(info);
    for (const PendingRequest &candidate : pending) {
        // Shared names count most; then how close the common names are.
        int score = 0;
        for (const QString &name : namesOf(candidate))
            score += certificateNames.contains(name) ? 100 : 0;
        score += sharedSuffixLabels(info.commonName, candidate.names.commonName);
        if (score > bestScore) {
            bestScore = score;
            best = &candidate;
        }
    }
    return best;
}

bool isCaCertificate(X509 *certificate)
{
    return X509_check_ca(certificate) != 0;
}

QString usageFileBase(CertificateUsage usage)
{
    return toString(usage); // "external" / "internal"
}

} // namespace

// ---- JSON forms -------------------------------------------------------------

QJsonObject PendingRequest::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("createdAt"), createdAt.toString(Qt::ISODate)},
                       {QStringLiteral("key"), keyDescription},
                       {QStringLiteral("request"), request.toJson()},
                       {QStringLiteral("names"), names.toJson()},
                       {QStringLiteral("csr"), QString::fromLatin1(csrPem)}};
}

QJsonObject StoredCertificate::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("friendlyName"), friendlyName},
                       {QStringLiteral("exportable"), exportable},
                       {QStringLiteral("usage"), toString(usage)},
                       {QStringLiteral("requestId"), requestId},
                       {QStringLiteral("sourceFormat"), sourceFormat},
                       {QStringLiteral("importedAt"), importedAt.toString(Qt::ISODate)},
                       {QStringLiteral("chainComplete"), chainComplete},
                       {QStringLiteral("chainLength"), chainLength},
                       {QStringLiteral("certificate"), info.toJson()}};
}

QJsonObject ImportResult::toJson() const
{
    QJsonArray list;
    for (const CertificateFinding &f : findings)
        list.push_back(f.toJson());
    return QJsonObject{{QStringLiteral("certificate"), certificate.toJson()},
                       {QStringLiteral("keySource"), keySource},
                       {QStringLiteral("findings"), list}};
}

QJsonObject RequestOutcome::toJson() const
{
    QJsonObject object{{QStringLiteral("request"), request.toJson()}};
    if (!csrWrittenTo.isEmpty())
        object.insert(QStringLiteral("csrWrittenTo"), csrWrittenTo);
    if (issued)
        object.insert(QStringLiteral("issued"), issued->toJson());
    return object;
}

QJsonObject Assignment::toJson() const
{
    return QJsonObject{{QStringLiteral("usage"), toString(usage)},
                       {QStringLiteral("certificateId"), certificateId},
                       {QStringLiteral("friendlyName"), friendlyName},
                       {QStringLiteral("exportable"), exportable},
                       {QStringLiteral("assignedAt"), assignedAt.toString(Qt::ISODate)},
                       {QStringLiteral("certificate"), info.toJson()}};
}

// ---- KeyStore ---------------------------------------------------------------

KeyStore::KeyStore(const QString &dataDirectory)
    : m_dataDirectory(dataDirectory.isEmpty() ? fedgate::dataDir() : dataDirectory)
{}

QString KeyStore::root() const
{
    return m_dataDirectory + QStringLiteral("/certs");
}
QString KeyStore::secretPath() const
{
    return root() + QStringLiteral("/keystore.secret");
}

bool KeyStore::isStoreError(const Error &error) const
{
    const QString caDirectory = m_dataDirectory + QStringLiteral("/ca");
    const QString &source = error.source;
    return !source.isEmpty() &&
           (source == root() || source.startsWith(root() + QLatin1Char('/')) ||
            source == caDirectory || source.startsWith(caDirectory + QLatin1Char('/')));
}

Result<QByteArray> KeyStore::passphrase() const
{
    return KeyStoreSecret::passphrase(secretPath());
}

Result<PKeyPtr> KeyStore::readKey(const QString &path) const
{
    Result<QByteArray> pem = readAll(path);
    if (!pem)
        return pem.error();
    Result<QByteArray> secret = passphrase();
    if (!secret)
        return secret.error();
    return decryptKeyPem(pem.value(), secret.value(), path);
}

std::vector<X509Ptr> KeyStore::anchors() const
{
    std::vector<X509Ptr> list;
    InternalCa ca(m_dataDirectory);
    if (ca.exists()) {
        if (Result<X509Ptr> certificate = ca.certificate())
            list.push_back(std::move(certificate.value()));
    }
    return list;
}

Result<QString> KeyStore::resolve(const QString &folder, const QString &idOrPrefix,
                                  const QString &what) const
{
    const QString id = idOrPrefix.trimmed().toLower();
    const QDir dir(root() + QLatin1Char('/') + folder);
    QStringList matches;
    if (id.size() >= 4) {
        for (const QString &entry : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (entry.startsWith(id) && !entry.startsWith(QLatin1Char('.')))
                matches << entry;
        }
    }
    if (matches.size() == 1)
        return matches.first();
    if (matches.isEmpty())
        return inputError(
            QStringLiteral("There is no %1 '%2'. List them with 'fedgatectl cert "
                           "%3'.")
                .arg(what, idOrPrefix,
                     folder == kPending ? QStringLiteral("pending") : QStringLiteral("show")));
    return inputError(QStringLiteral("'%1' matches several %2s (%3); give more of the id.")
                          .arg(idOrPrefix, what, matches.join(QStringLiteral(", "))));
}

// ---- Pending requests ----------------------------------------------------------

Status KeyStore::storePending(const PendingRequest &pending, EVP_PKEY *key)
{
    Result<QByteArray> secret = passphrase();
    if (!secret)
        return secret.error();
    Result<QByteArray> keyPem = encryptedKeyPem(key, secret.value());
    if (!keyPem)
        return keyPem.error();
    const QString dir = root() + QLatin1Char('/') + kPending + QLatin1Char('/') + pending.id;
    QJsonObject record{{QStringLiteral("id"), pending.id},
                       {QStringLiteral("createdAt"), pending.createdAt.toString(Qt::ISODate)},
                       {QStringLiteral("key"), pending.keyDescription},
                       {QStringLiteral("request"), pending.request.toJson()},
                       {QStringLiteral("names"), pending.names.toJson()}};
    // request.json last: a folder without it is an interrupted request and
    // is not listed.
    for (const auto &[name, data, mode] :
         {std::tuple{QStringLiteral("key.pem"), keyPem.value(), FileMode::OwnerOnly},
          std::tuple{QStringLiteral("request.csr"), pending.csrPem, FileMode::OwnerOnly},
          std::tuple{QStringLiteral("request.json"), toJsonBytes(record), FileMode::OwnerOnly}}) {
        if (Status s = writeFileAtomically(dir + QLatin1Char('/') + name, data, mode); !s)
            return s;
    }
    return Status::success();
}

Result<RequestOutcome> KeyStore::createRequest(const topology::Topology &topology,
                                               const CertificateRequest &request)
{
    const QStringList problems = checkRequest(request);
    if (!problems.isEmpty())
        return inputError(problems.join(QLatin1Char(' ')));
    Result<CertificateNames> names = computeNames(topology, request);
    if (!names)
        return names.error();
    return makeRequest(names.value(), request, &topology);
}

Result<RequestOutcome> KeyStore::makeRequest(const CertificateNames &names,
                                             const CertificateRequest &request,
                                             const topology::Topology *topology)
{
    // Before the slow key generation: fail early when the store is unusable.
    Result<QByteArray> secret = passphrase();
    if (!secret)
        return secret.error();

    Result<PKeyPtr> key = generateKey(request.keyType);
    if (!key)
        return key.error();
    Result<X509ReqPtr> csr = buildCsr(key.value().get(), names, request);
    if (!csr)
        return csr.error();

    RequestOutcome outcome;
    PendingRequest &pending = outcome.request;
    pending.id = publicKeyId(key.value().get());
    pending.request = request;
    pending.names = names;
    pending.createdAt = QDateTime::currentDateTimeUtc();
    pending.keyDescription = describeKey(key.value().get());
    pending.csrPem = requestToPem(csr.value().get());
    if (Status s = storePending(pending, key.value().get()); !s)
        return s.error();
    spdlog::debug("certs: request {} ({}, {}) for CN={}", pending.id.toStdString(),
                  toString(request.usage).toStdString(), pending.keyDescription.toStdString(),
                  pending.names.commonName.toStdString());

    if (request.mode == RequestMode::Delayed) {
        if (!request.csrPath.isEmpty()) {
            if (Status s = writeFileAtomically(request.csrPath, pending.csrPem, FileMode::Public);
                !s)
                return s.error();
            outcome.csrWrittenTo = QFileInfo(request.csrPath).absoluteFilePath();
        }
        return outcome;
    }

    InternalCa ca(m_dataDirectory);
    {
        // Two immediate requests at once must not both create a CA: the
        // second would replace the first one's root.
        static QMutex creation;
        QMutexLocker lock(&creation);
        if (!ca.exists()) {
            if (Status s = ca.create(); !s)
                return s.error();
            spdlog::debug("certs: created the internal CA at {}",
                          ca.certificatePath().toStdString());
        }
    }
    Result<X509Ptr> issued = ca.issue(csr.value().get());
    if (!issued)
        return issued.error();
    CertificateFile file;
    file.format = QStringLiteral("internal CA");
    file.certificates.push_back(std::move(issued.value()));
    ImportOptions options;
    options.usage = request.usage;
    options.topology = topology;
    Result<ImportResult> imported = importParsed(file, QStringLiteral("the internal CA"), options);
    if (!imported)
        return imported.error();
    outcome.issued = std::move(imported.value());
    return outcome;
}

Result<PendingRequest> KeyStore::readPending(const QString &id) const
{
    const QString dir = root() + QLatin1Char('/') + kPending + QLatin1Char('/') + id;
    Result<QJsonObject> record = readJson(dir + QStringLiteral("/request.json"));
    if (!record)
        return record.error();
    const QJsonObject &object = record.value();
    Result<CertificateRequest> request =
        CertificateRequest::fromJson(object.value(QStringLiteral("request")).toObject());
    if (!request)
        return storeError(request.error().message, dir + QStringLiteral("/request.json"));
    Result<QByteArray> csr = readAll(dir + QStringLiteral("/request.csr"));
    if (!csr)
        return csr.error();
    PendingRequest pending;
    pending.id = id;
    pending.request = request.value();
    pending.names = CertificateNames::fromJson(object.value(QStringLiteral("names")).toObject());
    pending.createdAt =
        QDateTime::fromString(object.value(QStringLiteral("createdAt")).toString(), Qt::ISODate);
    pending.keyDescription = object.value(QStringLiteral("key")).toString();
    pending.csrPem = csr.value();
    return pending;
}

Result<QList<PendingRequest>> KeyStore::pendingRequests() const
{
    QList<PendingRequest> list;
    const QDir dir(root() + QLatin1Char('/') + kPending);
    for (const QString &entry : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (!QFileInfo::exists(dir.filePath(entry + QStringLiteral("/request.json"))))
            continue; // interrupted while being written
        Result<PendingRequest> pending = readPending(entry);
        if (!pending)
            return pending.error();
        list.push_back(pending.value());
    }
    std::sort(list.begin(), list.end(), [](const PendingRequest &a, const PendingRequest &b) {
        return a.createdAt < b.createdAt;
    });
    return list;
}

Result<PendingRequest> KeyStore::pendingRequest(const QString &idOrPrefix) const
{
    Result<QString> id = resolve(kPending, idOrPrefix, QStringLiteral("pending request"));
    if (!id)
        return id.error();
    return readPending(id.value());
}

Status KeyStore::deletePendingRequest(const QString &idOrPrefix)
{
    Result<QString> id = resolve(kPending, idOrPrefix, QStringLiteral("pending request"));
    if (!id)
        return id.error();
    const QString path = root() + QLatin1Char('/') + kPending + QLatin1Char('/') + id.value();
    if (!QDir(path).removeRecursively())
        return storeError(QStringLiteral("Could not delete %1. Check its permissions.").arg(path),
                          path);
    return Status::success();
}

Status KeyStore::writeCsr(const QString &idOrPrefix, const QString &path) const
{
    Result<PendingRequest> pending = pendingRequest(idOrPrefix);
    if (!pending)
        return pending.error();
    return writeFileAtomically(path, pending.value().csrPem, FileMode::Public);
}

// ---- Import ----------------------------------------------------------------------

Result<ImportResult> KeyStore::importFile(const QString &path, const ImportOptions &options)
{
    Result<CertificateFile> file = CertificateFile::read(path, options.password);
    if (!file)
        return file.error();
    return importParsed(file.value(), path, options);
}

Result<ImportResult> KeyStore::importData(const QByteArray &data, const QString &sourceName,
                                          const ImportOptions &options)
{
    Result<CertificateFile> file = CertificateFile::parse(data, sourceName, options.password);
    if (!file)
        return file.error();
    return importParsed(file.value(), sourceName, options);
}

Result<ImportResult> KeyStore::importParsed(CertificateFile &file, const QString &sourceName,
                                            const ImportOptions &options)
{
    // The leaf is a certificate that is no CA. Failing that (a self-signed
    // certificate made with `openssl req -x509` says CA:TRUE), a certificate
    // that issued none of the others, if a key matches it.
    QList<X509 *> leaves;
    for (const X509Ptr &certificate : file.certificates) {
        if (!isCaCertificate(certificate.get()))
            leaves << certificate.get();
    }
    const bool onlyCaCertificates = leaves.isEmpty();
    if (onlyCaCertificates) {
        for (const X509Ptr &candidate : file.certificates) {
            bool issuedAnother = false;
            for (const X509Ptr &other : file.certificates) {
                issuedAnother =
                    issuedAnother || (other.get() != candidate.get() &&
                                      X509_check_issued(candidate.get(), other.get()) == X509_V_OK);
            }
            if (!issuedAnother)
                leaves << candidate.get();
        }
        if (leaves.isEmpty())
            leaves << file.certificates.front().get();
    }

    Result<QList<PendingRequest>> pending = pendingRequests();
    if (!pending)
        return pending.error();

    // Match by public key only: names can be shared by many certificates,
    // a key belongs to one.
    X509 *leaf = nullptr;
    PKeyPtr key;
    QString requestId;
    for (X509 *candidate : leaves) {
        for (PKeyPtr &fileKey : file.keys) {
            if (sameKey(X509_get0_pubkey(candidate), fileKey.get())) {
                leaf = candidate;
                key = share(fileKey.get());
                break;
            }
        }
        if (leaf)
            break;
        const QString keyId = publicKeyId(X509_get0_pubkey(candidate));
        for (const PendingRequest &request : pending.value()) {
            if (request.id != keyId)
                continue;
            const QString keyPath = root() + QLatin1Char('/') + kPending + QLatin1Char('/') +
                                    request.id + QStringLiteral("/key.pem");
            Result<PKeyPtr> pendingKey = readKey(keyPath);
            if (!pendingKey)
                return pendingKey.error();
            // The id is a hash of the public key; compare the keys themselves
            // all the same.
            if (sameKey(X509_get0_pubkey(candidate), pendingKey.value().get())) {
                leaf = candidate;
                key = std::move(pendingKey.value());
                requestId = request.id;
            }
            break;
        }
        if (leaf)
            break;
    }

    // One self-signed certificate is a server's own (openssl req -x509 marks
    // it CA:TRUE); several CA certificates are a bare chain.
    const bool selfSignedAlone = file.certificates.size() == 1 &&
                                 X509_check_issued(file.certificates.front().get(),
                                                   file.certificates.front().get()) == X509_V_OK;
    if (!leaf && onlyCaCertificates && !selfSignedAlone)
        return inputError(
            QStringLiteral("%1 holds only CA certificates (%2), no server certificate, and no key "
                           "of a pending request matches them. Import the certificate the CA "
                           "issued for your request; its chain may come in the same file.")
                .arg(QFileInfo(sourceName).fileName(),
                     nameToString(X509_get_subject_name(leaves.first()))),
            sourceName);
    if (!leaf) {
        const CertificateInfo info = CertificateInfo::of(leaves.first());
        QString message;
        if (!file.keys.empty()) {
            message = QStringLiteral("The private key in %1 does not belong to its certificate "
                                     "'%2'. Export the certificate again together with its own "
                                     "key.")
                          .arg(QFileInfo(sourceName).fileName(), info.subject);
        } else {
            message = QStringLiteral("The certificate '%1' (issued by '%2') matches the key of no "
                                     "pending request, and %3 carries no private key.")
                          .arg(info.subject, info.issuer, QFileInfo(sourceName).fileName());
            if (const PendingRequest *closest = closestBySubject(info, pending.value()))
                message += QStringLiteral(" The closest pending request by subject is %1 (CN=%2, "
                                          "made %3), but its key is different: the CA answered "
                                          "another request, or the certificate was renewed "
                                          "with a new key.")
                               .arg(closest->id, closest->names.commonName,
                                    closest->createdAt.toString(Qt::ISODate));
            else if (pending.value().isEmpty())
                message += QStringLiteral(" There is no pending request.");
            message += QStringLiteral(" Import the .pfx that holds the key, or make a new "
                                      "request (fedgatectl cert request) and send its CSR to the "
                                      "CA.");
        }
        spdlog::debug("certs: refused {}: no matching key", sourceName.toStdString());
        return inputError(message, sourceName);
    }

    // Which interface the certificate is for decides parts of the lint.
    CertificateUsage usage = options.usage.value_or(CertificateUsage::ExternalEdge);
    QString friendlyName = options.friendlyName;
    bool exportable = options.exportable;
    for (const PendingRequest &request : pending.value()) {
        if (request.id != requestId)
            continue;
        if (!options.usage)
            usage = request.request.usage;
        if (friendlyName.isEmpty())
            friendlyName = request.request.friendlyName;
        exportable = request.request.exportable;
    }

    std::vector<X509Ptr> anchorList = anchors();
    const Chain chain = buildChain(leaf, file.certificates, anchorList);
    LintOptions lintOptions;
    lintOptions.usage = usage;
    if (options.topology) {
        Result<QStringList> required = requiredNames(*options.topology, usage);
        if (required)
            lintOptions.requiredNames = required.value();
    }

    ImportResult result;
    result.keySource = requestId.isEmpty() ? QStringLiteral("the file")
                                           : QStringLiteral("pending request %1").arg(requestId);
    result.findings = lint(leaf, chain, lintOptions);
    StoredCertificate &record = result.certificate;
    record.id = certificateId(leaf);
    record.friendlyName = friendlyName;
    record.exportable = exportable;
    record.usage = usage;
    record.requestId = requestId;
    record.sourceFormat = file.format;
    record.importedAt = QDateTime::currentDateTimeUtc();
    record.chainComplete = chain.complete;
    record.chainLength = int(chain.certificates.size());
    record.info = CertificateInfo::of(leaf);

    Result<QByteArray> secret = passphrase();
    if (!secret)
        return secret.error();
    Result<QByteArray> keyPem = encryptedKeyPem(key.get(), secret.value());
    if (!keyPem)
        return keyPem.error();

    // Written into a fresh folder, then renamed into place: the store holds
    // either the whole entry or none of it.
    const QString storeDir = root() + QLatin1Char('/') + kStore;
    const QString staging =
        storeDir + QStringLiteral("/.incoming-%1")
                       .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
    const QString finalDir = storeDir + QLatin1Char('/') + record.id;
    for (const auto &[name, data] :
         {std::pair{QStringLiteral("key.pem"), keyPem.value()},
          std::pair{QStringLiteral("chain.pem"), certificatesToPem(chain.certificates)},
          std::pair{QStringLiteral("certificate.json"), toJsonBytes(record.toJson())}}) {
        if (Status s = writeFileAtomically(staging + QLatin1Char('/') + name, data); !s) {
            QDir(staging).removeRecursively();
            return s.error();
        }
    }
    if (QFileInfo::exists(finalDir))
        QDir(finalDir).removeRecursively(); // the same certificate imported again
    if (!QDir().rename(staging, finalDir)) {
        QDir(staging).removeRecursively();
        return storeError(QStringLiteral("Could not move the imported certificate into %1. Check "
                                         "the permissions of the key store.")
                              .arg(finalDir),
                          finalDir);
    }
    spdlog::debug("certs: imported certificate {} (CN={}) from {}, key from {}",
                  record.id.toStdString(), record.info.commonName.toStdString(),
                  sourceName.toStdString(), result.keySource.toStdString());
    // The request is answered; its key now lives with its certificate.
    if (!requestId.isEmpty())
        QDir(root() + QLatin1Char('/') + kPending + QLatin1Char('/') + requestId)
            .removeRecursively();
    return result;
}

Result<StoredCertificate> KeyStore::readStored(const QString &id) const
{
    const QString path = root() + QLatin1Char('/') + kStore + QLatin1Char('/') + id +
                         QStringLiteral("/certificate.json");
    Result<QJsonObject> object = readJson(path);
    if (!object)
        return object.error();
    const QJsonObject &o = object.value();
    StoredCertificate record;
    record.id = o.value(QStringLiteral("id")).toString();
    record.friendlyName = o.value(QStringLiteral("friendlyName")).toString();
    record.exportable = o.value(QStringLiteral("exportable")).toBool();
    parseUsage(o.value(QStringLiteral("usage")).toString(), &record.usage);
    record.requestId = o.value(QStringLiteral("requestId")).toString();
    record.sourceFormat = o.value(QStringLiteral("sourceFormat")).toString();
    record.importedAt =
        QDateTime::fromString(o.value(QStringLiteral("importedAt")).toString(), Qt::ISODate);
    record.chainComplete = o.value(QStringLiteral("chainComplete")).toBool();
    record.chainLength = o.value(QStringLiteral("chainLength")).toInt();
    // The certificate itself is the truth; the JSON copy is for people.
    Result<QByteArray> chainPem = readAll(root() + QLatin1Char('/') + kStore + QLatin1Char('/') +
                                          id + QStringLiteral("/chain.pem"));
    if (!chainPem)
        return chainPem.error();
    std::vector<X509Ptr> chain = certificatesFromPem(chainPem.value());
    if (chain.empty())
        return storeError(
            QStringLiteral("The stored certificate %1 is damaged. Import it again.").arg(id), path);
    record.info = CertificateInfo::of(chain.front().get());
    return record;
}

Result<QList<StoredCertificate>> KeyStore::certificates() const
{
    QList<StoredCertificate> list;
    const QDir dir(root() + QLatin1Char('/') + kStore);
    for (const QString &entry : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (entry.startsWith(QLatin1Char('.')))
            continue; // an import in progress or interrupted
        Result<StoredCertificate> record = readStored(entry);
        if (!record)
            return record.error();
        list.push_back(record.value());
    }
    return list;
}

Result<StoredCertificate> KeyStore::certificate(const QString &idOrPrefix) const
{
    Result<QString> id = resolve(kStore, idOrPrefix, QStringLiteral("certificate"));
    if (!id)
        return id.error();
    return readStored(id.value());
}

Result<KeyStore::StoredMaterial> KeyStore::loadStored(const QString &id) const
{
    Result<StoredCertificate> record = readStored(id);
    if (!record)
        return record.error();
    const QString dir = root() + QLatin1Char('/') + kStore + QLatin1Char('/') + id;
    Result<QByteArray> chainPem = readAll(dir + QStringLiteral("/chain.pem"));
    if (!chainPem)
        return chainPem.error();
    Result<PKeyPtr> key = readKey(dir + QStringLiteral("/key.pem"));
    if (!key)
        return key.error();
    StoredMaterial material;
    material.record = record.value();
    material.chain = certificatesFromPem(chainPem.value());
    material.key = std::move(key.value());
    if (material.chain.empty() ||
        !sameKey(X509_get0_pubkey(material.chain.front().get()), material.key.get()))
        return storeError(QStringLiteral("The stored certificate %1 and its key do not match "
                                         "(the store was edited by hand). Import it again.")
                              .arg(id),
                          dir);
    return material;
}

// ---- Assignment ------------------------------------------------------------------

Result<AssignResult> KeyStore::assign(const QString &certificateIdOrPrefix, CertificateUsage usage,
                                      const topology::Topology *topology)
{
    Result<QString> id = resolve(kStore, certificateIdOrPrefix, QStringLiteral("certificate"));
    if (!id)
        return id.error();
    // Everything is loaded and checked before the first byte is written, so
    // a failure leaves the current assignment as it was.
    Result<StoredMaterial> material = loadStored(id.value());
    if (!material)
        return material.error();
    Result<QByteArray> secret = passphrase();
    if (!secret)
        return secret.error();
    Result<QByteArray> keyPem = encryptedKeyPem(material.value().key.get(), secret.value());
    if (!keyPem)
        return keyPem.error();

    const Chain chain =
        buildChain(material.value().chain.front().get(), material.value().chain, anchors());
    LintOptions lintOptions;
    lintOptions.usage = usage;
    if (topology) {
        if (Result<QStringList> required = requiredNames(*topology, usage))
            lintOptions.requiredNames = required.value();
    }

    AssignResult result;
    result.findings = lint(material.value().chain.front().get(), chain, lintOptions);
    Assignment &assignment = result.assignment;
    assignment.usage = usage;
    assignment.certificateId = id.value();
    assignment.friendlyName = material.value().record.friendlyName;
    assignment.exportable = material.value().record.exportable;
    assignment.assignedAt = QDateTime::currentDateTimeUtc();
    assignment.info = material.value().record.info;

    const QString base =
        root() + QLatin1Char('/') + kAssigned + QLatin1Char('/') + usageFileBase(usage);
    // Key, then chain, then the record: loadAssigned() checks that key and
    // certificate match, so even a crash between two renames is detected
    // rather than served.
    for (const auto &[suffix, data, mode] :
         {std::tuple{QStringLiteral(".key"), keyPem.value(), FileMode::OwnerOnly},
          std::tuple{QStringLiteral(".pem"), certificatesToPem(servedChain(chain)),
                     FileMode::Public},
          std::tuple{QStringLiteral(".json"), toJsonBytes(assignment.toJson()),
                     FileMode::Public}}) {
        if (Status s = writeFileAtomically(base + suffix, data, mode); !s)
            return s.error();
    }
    spdlog::debug("certs: assigned certificate {} to the {} interface", id.value().toStdString(),
                  toString(usage).toStdString());
    return result;
}

QString KeyStore::assignedBase(CertificateUsage usage) const
{
    return root() + QLatin1Char('/') + kAssigned + QLatin1Char('/') + usageFileBase(usage);
}

Result<std::optional<Assignment>> KeyStore::assignment(CertificateUsage usage) const
{
    const QString path = root() + QLatin1Char('/') + kAssigned + QLatin1Char('/') +
                         usageFileBase(usage) + QStringLiteral(".json");
    if (!QFileInfo::exists(path))
        return std::optional<Assignment>();
    Result<QJsonObject> object = readJson(path);
    if (!object)
        return object.error();
    const QJsonObject &o = object.value();
    Assignment assignment;
    assignment.usage = usage;
    assignment.certificateId = o.value(QStringLiteral("certificateId")).toString();
    assignment.friendlyName = o.value(QStringLiteral("friendlyName")).toString();
    assignment.exportable = o.value(QStringLiteral("exportable")).toBool();
    assignment.assignedAt =
        QDateTime::fromString(o.value(QStringLiteral("assignedAt")).toString(), Qt::ISODate);
    Result<QByteArray> pem = readAll(root() + QLatin1Char('/') + kAssigned + QLatin1Char('/') +
                                     usageFileBase(usage) + QStringLiteral(".pem"));
    if (!pem)
        return pem.error();
    std::vector<X509Ptr> chain = certificatesFromPem(pem.value());
    if (!chain.empty())
        assignment.info = CertificateInfo::of(chain.front().get());
    return std::optional<Assignment>(assignment);
}

Result<AssignedCertificate> KeyStore::loadAssigned(CertificateUsage usage) const
{
    Result<std::optional<Assignment>> record = assignment(usage);
    if (!record)
        return record.error();
    const QString base =
        root() + QLatin1Char('/') + kAssigned + QLatin1Char('/') + usageFileBase(usage);
    if (!record.value())
        return inputError(QStringLiteral("No certificate is assigned to the %1 interface. Import "
                                         "one and assign it (fedgatectl cert assign ID --usage "
                                         "%2).")
                              .arg(displayName(usage), toString(usage)));
    Result<QByteArray> pem = readAll(base + QStringLiteral(".pem"));
    if (!pem)
        return pem.error();
    Result<PKeyPtr> key = readKey(base + QStringLiteral(".key"));
    if (!key)
        return key.error();
    std::vector<X509Ptr> chain = certificatesFromPem(pem.value());
    if (chain.empty() || !sameKey(X509_get0_pubkey(chain.front().get()), key.value().get()))
        return storeError(QStringLiteral("The certificate and key assigned to the %1 interface "
                                         "do not match (the files were changed by hand or a "
                                         "write was interrupted). Assign the certificate "
                                         "again.")
                              .arg(displayName(usage)),
                          base + QStringLiteral(".pem"));
    AssignedCertificate assigned;
    assigned.assignment = *record.value();
    assigned.chainPem = pem.value();
    assigned.certificate = std::move(chain.front());
    for (size_t i = 1; i < chain.size(); ++i)
        assigned.chain.push_back(std::move(chain[i]));
    assigned.key = std::move(key.value());
    return assigned;
}

Result<QList<CertificateFinding>> KeyStore::checkAssigned(CertificateUsage usage,
                                                          const topology::Topology *topology,
                                                          const QDateTime &now) const
{
    Result<AssignedCertificate> assigned = loadAssigned(usage);
    if (!assigned)
        return assigned.error();
    const Chain chain =
        buildChain(assigned.value().certificate.get(), assigned.value().chain, anchors());
    LintOptions options;
    options.usage = usage;
    options.now = now;
    if (topology) {
        Result<QStringList> required = requiredNames(*topology, usage);
        if (!required)
            return required.error();
        options.requiredNames = required.value();
    }
    return lint(assigned.value().certificate.get(), chain, options);
}

Status KeyStore::exportPkcs12(CertificateUsage usage, const QString &path,
                              const QByteArray &password) const
{
    Result<AssignedCertificate> assigned = loadAssigned(usage);
    if (!assigned)
        return assigned.error();
    if (!assigned.value().assignment.exportable)
        return inputError(QStringLiteral("The certificate assigned to the %1 interface was not "
                                         "marked exportable, so its key stays on this machine. "
                                         "For the other pool members, make a request with "
                                         "--exportable, or request one certificate per member.")
                              .arg(displayName(usage)));
    if (password.size() < 8)
        return inputError(QStringLiteral("Give a password of at least 8 characters to protect "
                                         "the exported key."));
    X509StackPtr ca(sk_X509_new_null());
    for (const X509Ptr &certificate : assigned.value().chain) {
        X509_up_ref(certificate.get());
        sk_X509_push(ca.get(), certificate.get());
    }
    const QByteArray name = assigned.value().assignment.friendlyName.toUtf8();
    // nid 0 / iter 0 / mac_iter 0: OpenSSL 3's defaults, AES-256-CBC with
    // PBKDF2 and a SHA-256 MAC, which current Windows imports.
    Pkcs12Ptr p12(PKCS12_create(password.constData(), name.isEmpty() ? nullptr : name.constData(),
                                assigned.value().key.get(), assigned.value().certificate.get(),
                                ca.get(), 0, 0, 0, 0, 0));
    if (!p12)
        return openSslError(QStringLiteral("Could not build the PKCS#12 file."));
    unsigned char *der = nullptr;
    const int length = i2d_PKCS12(p12.get(), &der);
    if (length <= 0)
        return openSslError(QStringLiteral("Could not encode the PKCS#12 file."));
    const QByteArray bytes(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    return writeFileAtomically(path, bytes, FileMode::OwnerOnly);
}

Result<QList<CertificateFinding>> KeyStore::checkFile(const QString &path,
                                                      const LintOptions &options,
                                                      const QByteArray &password) const
{
    Result<CertificateFile> file = CertificateFile::read(path, password);
    if (!file)
        return file.error();
    X509 *leaf = file.value().certificates.front().get();
    for (const X509Ptr &certificate : file.value().certificates) {
        if (!isCaCertificate(certificate.get())) {
            leaf = certificate.get();
            break;
        }
    }
    const Chain chain = buildChain(leaf, file.value().certificates, anchors());
    return lint(leaf, chain, options);
}

} // namespace fedgate::certs
