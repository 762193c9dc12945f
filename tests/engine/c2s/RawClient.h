#pragma once

#include "../RawXmppPeers.h"

#include <QHostAddress>

// A client played by hand over a raw socket, one step at a time, for the
// cases slixmpp cannot produce: the stream header, STARTTLS, SASL PLAIN,
// binding, and checks on what came back. Waits spin the event loop (the
// gateway runs in the test's thread).
namespace fedgate::test {

QByteArray clientStreamHeader(const QString &domain = QStringLiteral("contoso.test"));
QByteArray plainAuth(const QString &user, const QString &password);

struct RawClient
{
    static inline QHostAddress address;
    static inline QString password;
    RawPeer peer;

    bool open(quint16 port);
    bool startTls();
    // true on <success/> (and the restarted stream's features).
    bool authenticate(const QString &user, const QString &password);
    bool bind(const QString &resource);
    bool login(quint16 port, const QString &user, const QString &resource);
    // A ping to the server answered: the session still works.
    bool pingAnswered(const QByteArray &id);
    bool closedWith(const QByteArray &condition);
    // Sends `xml` after clearing what was received.
    void sendFresh(const QByteArray &xml);
};

} // namespace fedgate::test
