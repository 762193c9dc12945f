#pragma once

#include "SrvResolver.h"
#include "topology/DnsServerAddress.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace fedgate::topology {
class DnsResolver;
struct DnsLookupResult;
} // namespace fedgate::topology

// DANE for an outbound stream (RFC 6698, RFC 7671, RFC 7673): looks up
// `_PORT._tcp.TARGET` TLSA for the SRV target we connected to, through a
// validating resolver (the --trust-anchor file, else the system's root key),
// and judges the partner's certificate by it. The SRV records that named the
// target must be secure too (RFC 7673 4.1: a spoofed insecure SRV would
// otherwise lead to an attacker's own signed TLSA); the domain itself (no
// SRV) needs no such proof. Secure and usable records
// decide alone (a match, or a refusal); an unsigned zone or no TLSA leaves
// the usual PKIX check; a bogus answer refuses; a failed lookup retries.
namespace fedgate::engine {

class DaneCheck : public QObject
{
    Q_OBJECT
public:
    static constexpr char kSystemTrustAnchor[] = "/usr/share/dns/root.key";
    static constexpr int kLookupTimeoutMs = 5000;

    enum class Verdict
    {
        Verified, // a secure DANE-EE record matches the certificate
        Refused,  // secure records, none matches; or the answer is bogus
        Retry,    // the lookup failed (SERVFAIL, timeout, ...): cannot decide now
        UsePkix,  // unsigned zone, no TLSA, no usable record or no trust anchor
    };
    struct Result
    {
        Verdict verdict = Verdict::UsePkix;
        QString detail; // for the log and `fedgatectl ping`
    };
    using Callback = std::function<void(const Result &)>;

    // `trustAnchorFile` empty = the system's root key (when installed).
    DaneCheck(const topology::DnsServerAddress &server, const QString &trustAnchorFile,
              QObject *parent = nullptr);
    ~DaneCheck() override;

    static QString tlsaName(const QString &host, quint16 port); // "_5269._tcp.host"
    // The verdict for a TLSA lookup's result and the peer's leaf certificate.
    static Result evaluate(const topology::DnsLookupResult &lookup, const QByteArray &leafDer);

    // The callback runs later on this object's thread.
    void check(const QString &domain, const ConnectTarget &target, const QByteArray &leafDer,
               Callback callback);

private:
    topology::DnsResolver &dns();
    void checkTlsa(const QString &host, quint16 port, const QByteArray &leafDer, Callback callback);

    topology::DnsServerAddress m_server;
    QString m_trustAnchorFile; // resolved: the option or the system's; empty = none
    std::unique_ptr<topology::DnsResolver> m_dns; // created on first use
};

QString toString(DaneCheck::Verdict verdict); // "verified", "refused", "retry", "pkix"

} // namespace fedgate::engine
