#pragma once

#include "engine/xml/XmlElement.h"
#include "engine/xmpp/Jid.h"

#include <QSslConfiguration>
#include <QString>

// What a ClientSession needs from the server that hosts it (the Gateway):
// which domains it serves, the TLS configuration, the authenticator, the
// binding of a resource, and where the client's stanzas go. Called on the
// gateway's event loop only.
namespace fedgate::engine {

class Authenticator;
class ClientSession;

class ClientSessionHost
{
public:
    virtual ~ClientSessionHost() = default;

    virtual bool servesDomain(const QString &domain) const = 0;
    virtual QSslConfiguration clientTlsConfiguration() const = 0;
    // Answers only for accounts that may log in now (users of the published
    // topology), the same way for an unknown user and a wrong password.
    virtual Authenticator &authenticator() = 0;
    virtual QString newStreamId() = 0;
    // The session authenticated `bare` and asks for `resource` (empty: the
    // server picks one). Returns the bound full JID; an older session of the
    // same full JID is closed with a <conflict/> stream error (RFC 6120
    // 7.7.2.2). An invalid Jid with *condition set refuses the binding.
    virtual Jid bindResource(ClientSession *session, const Jid &bare, const QString &resource,
                             QString *condition) = 0;
    // A stanza from a bound session, 'from' stamped with its full JID,
    // namespace jabber:client.
    virtual void stanzaFromClient(ClientSession *session, const XmlElement &stanza) = 0;
    // XEP-0198: the session of `bare` whose resumption id is `id`, still
    // waiting (or not yet known to be dead); null when there is none.
    virtual ClientSession *resumableSession(const Jid &bare, const QString &id) = 0;
    // Called once, when the stream has ended (before the session is deleted).
    virtual void sessionEnded(ClientSession *session) = 0;
    // Authentication failed (for the log and the failed-login counters).
    virtual void authenticationFailed(ClientSession *session, const QString &username) = 0;
};

} // namespace fedgate::engine
