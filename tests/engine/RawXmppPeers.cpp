#include "RawXmppPeers.h"

#include "engine/xml/Namespaces.h"
#include "engine/xml/XmlStreamParser.h"

#include <QDeadlineTimer>
#include <QTest>

#include <memory>

namespace fedgate::test {

using engine::XmlElement;
using engine::XmlStreamParser;
namespace ns = engine::ns;

bool RawPeer::connect(const QHostAddress &address, quint16 port)
{
    socket.connectToHost(address, port);
    return socket.waitForConnected(3000);
}

void RawPeer::send(const QByteArray &data)
{
    socket.write(data);
    socket.flush();
}

bool RawPeer::waitFor(const QByteArray &needle, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        received += socket.readAll();
        if (received.contains(needle))
            return true;
        if (socket.state() == QAbstractSocket::UnconnectedState)
            return false;
        QTest::qWait(10);
    }
    return false;
}

bool RawPeer::waitClosed(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        received += socket.readAll();
        if (socket.state() == QAbstractSocket::UnconnectedState)
            return true;
        QTest::qWait(10);
    }
    return false;
}

bool FakePartnerServer::listen(const QHostAddress &address)
{
    QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *s = m_server.nextPendingConnection())
            accept(s);
    });
    return m_server.listen(address, 0);
}

void FakePartnerServer::accept(QTcpSocket *socket)
{
    auto parser = std::make_shared<XmlStreamParser>();
    auto authenticated = std::make_shared<bool>(false);
    auto verified = std::make_shared<bool>(false); // has answered a db:verify
    parser->onStreamOpened = [this, socket](const XmlElement &) {
        socket->write("<stream:stream xmlns='jabber:server' "
                      "xmlns:stream='http://etherx.jabber.org/streams' "
                      "xmlns:db='jabber:server:dialback' id='fake-id' from='" +
                      domain.toUtf8() +
                      "' version='1.0'><stream:features><dialback "
                      "xmlns='urn:xmpp:features:dialback'/></stream:features>");
    };
    parser->onElement = [this, socket, authenticated, verified](XmlElement &&e) {
        if (e.ns() != ns::kDialback) {
            stanzas.append(std::move(e));
            return;
        }
        const bool verify = e.name() == QLatin1String("verify");
        verifiesReceived += verify;
        if (verify && !answerVerify)
            return;
        XmlElement answer(e.name(), ns::kDialback);
        answer.setAttribute(QStringLiteral("from"), e.attribute(QStringLiteral("to")));
        answer.setAttribute(QStringLiteral("to"), e.attribute(QStringLiteral("from")));
        if (e.hasAttribute(QStringLiteral("id")))
            answer.setAttribute(QStringLiteral("id"), e.attribute(QStringLiteral("id")));
        answer.setAttribute(QStringLiteral("type"), verdict);
        socket->write(answer.toXml());
        if (e.name() == QLatin1String("result"))
            *authenticated = true;
        else
            *verified = true;
    };
    QObject::connect(
        socket, &QTcpSocket::readyRead, socket, [this, socket, parser, authenticated, verified] {
            if (stallAfterAuth && *authenticated && *verified) {
                socket->setReadBufferSize(1); // Qt stops reading: the kernel buffers fill up
                return;
            }
            const QByteArray data = socket->readAll();
            if (*authenticated)
                afterAuth += data;
            parser->feed(data);
        });
    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
}

QByteArray streamHeader(const QString &to, const QString &from)
{
    QByteArray h = "<?xml version='1.0'?><stream:stream xmlns='jabber:server' "
                   "xmlns:stream='http://etherx.jabber.org/streams' "
                   "xmlns:db='jabber:server:dialback' version='1.0'";
    if (!from.isEmpty())
        h += " from='" + from.toUtf8() + "'";
    if (!to.isEmpty())
        h += " to='" + to.toUtf8() + "'";
    return h + '>';
}

} // namespace fedgate::test
