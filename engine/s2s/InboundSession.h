#pragma once

#include "S2SSession.h"

#include <QStringList>

// A stream a remote server opened to our external listener (RFC 6120 as the
// receiving entity): header checks, STARTTLS, SASL EXTERNAL (XEP-0178),
// dialback as receiving server (db:result) and as authoritative server
// (db:verify), then stanzas whose 'from' must be a domain authenticated on
// this stream. What is offered and accepted follows the partner's settings.
namespace fedgate::engine {

class InboundSession : public S2SSession
{
    Q_OBJECT
public:
    // Takes ownership of `transport` (accepted, connected).
    InboundSession(Engine *engine, ByteStream *transport, QObject *parent = nullptr);
    // The same over a QSslSocket (wrapped in a QtSslByteStream).
    InboundSession(Engine *engine, QSslSocket *socket, QObject *parent = nullptr);

    bool permittedBy(const FederationPolicy &policy) const override;
    // Remote domains authenticated on this stream (dialback may add several).
    QStringList authenticatedDomains() const;
    // Is `remoteDomain` among them? Allocates nothing: the engine asks every
    // inbound session this at each authentication (PartnerConnectionLimit).
    bool isAuthenticatedFor(const QString &remoteDomain) const;
    // XEP-0288: on a stream the initiator made bidirectional, sends our
    // stanza back to it when its pair (our 'from' domain, the partner's
    // 'to' domain) is one authenticated on this stream. False otherwise
    // (the caller then uses an outbound session).
    bool sendReverse(const XmlElement &stanza);

private:
    void onHeader(const XmlElement &header) override;
    void onElement(const XmlElement &element) override;
    void sendFeatures();
    void onStartTls();
    void onEncrypted() override;
    void onSaslAuth(const XmlElement &auth);
    void onDialbackResult(const XmlElement &result);
    void onDialbackVerify(const XmlElement &verify);
    void onStanza(const XmlElement &stanza);
    void onBidiRequest();
    void onStreamGone() override;
    void onAuthenticated() override;
    bool certificateValidFor(const QString &domain) const;
    void refuseNonPartner(const QString &domain);
    bool overPartnerLimit(const QString &domain); // closes the stream when over

    enum class Phase
    {
        AwaitHeader,
        Negotiating,
        TlsHandshake,
        Authenticated
    };
    Phase m_phase = Phase::AwaitHeader;
    QString m_headerFrom;
    void addAuthenticatedPair(const QString &local, const QString &remote);

    // "local remote" pairs: one per SASL stream, one per dialback-verified
    // partner domain, so a list (a QSet's first block alone takes 1.3 KiB
    // on each of thousands of idle sessions).
    QStringList m_authenticated;
    int m_pendingDialback = 0;
    bool m_saslDone = false;
    bool m_bidi = false; // XEP-0288 requested by the initiator
};

} // namespace fedgate::engine
