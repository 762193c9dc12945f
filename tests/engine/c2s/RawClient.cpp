#include "RawClient.h"

#include <QTest>

namespace fedgate::test {

QByteArray clientStreamHeader(const QString &domain)
{
    return "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
           "xmlns:stream='http://etherx.jabber.org/streams' version='1.0' to='" +
           domain.toUtf8() + "'>";
}

QByteArray plainAuth(const QString &user, const QString &password)
{
    const QByteArray raw =
        QByteArray(1, '\0') + user.toUtf8() + QByteArray(1, '\0') + password.toUtf8();
    return "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + raw.toBase64() +
           "</auth>";
}

bool RawClient::open(quint16 port)
{
    if (!peer.connect(address, port))
        return false;
    peer.send(clientStreamHeader());
    return peer.waitFor("</stream:features>");
}

bool RawClient::startTls()
{
    peer.received.clear();
    peer.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
    if (!peer.waitFor("<proceed"))
        return false;
    peer.socket.setPeerVerifyMode(QSslSocket::VerifyNone);
    peer.socket.startClientEncryption();
    if (!QTest::qWaitFor([this] { return peer.socket.isEncrypted(); }, 5000))
        return false;
    peer.received.clear();
    peer.send(clientStreamHeader());
    return peer.waitFor("</stream:features>");
}

bool RawClient::authenticate(const QString &user, const QString &password)
{
    peer.received.clear();
    peer.send(plainAuth(user, password));
    (void)QTest::qWaitFor(
        [this] {
            peer.received += peer.socket.readAll();
            return peer.received.contains("<success") || peer.received.contains("</failure>");
        },
        5000);
    if (!peer.received.contains("<success"))
        return false;
    peer.received.clear();
    peer.send(clientStreamHeader());
    return peer.waitFor("</stream:features>");
}

bool RawClient::bind(const QString &resource)
{
    peer.received.clear();
    peer.send("<iq type='set' id='b1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>" +
              resource.toUtf8() + "</resource></bind></iq>");
    return peer.waitFor("</iq>") && peer.received.contains("type='result'");
}

bool RawClient::login(quint16 port, const QString &user, const QString &resource)
{
    return open(port) && startTls() && authenticate(user, password) && bind(resource);
}

bool RawClient::pingAnswered(const QByteArray &id)
{
    sendFresh("<iq type='get' id='" + id +
              "' to='contoso.test'><ping xmlns='urn:xmpp:ping'/></iq>");
    return peer.waitFor("id='" + id + "'") && peer.received.contains("type='result'");
}

bool RawClient::closedWith(const QByteArray &condition)
{
    return peer.waitFor(condition) && peer.waitClosed();
}

void RawClient::sendFresh(const QByteArray &xml)
{
    peer.received.clear();
    peer.send(xml);
}

} // namespace fedgate::test
