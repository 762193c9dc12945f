#include "EngineLimitsFixture.h"

#include "engine/xml/Namespaces.h"
#include "engine/xml/XmlStreamParser.h"
#include "support/PeerProcess.h"
#include "support/TestPaths.h"
#include "topology/TopologyDocument.h"

#include <QTcpSocket>

#include <spdlog/sinks/ostream_sink.h>

namespace fedgate::test {

using engine::XmlElement;
using engine::XmlStreamParser;
namespace ns = engine::ns;

bool ScriptedPartner::listen(const QHostAddress &address)
{
    QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *s = m_server.nextPendingConnection())
            accept(s);
    });
    return m_server.listen(address, 0);
}

void ScriptedPartner::accept(QTcpSocket *socket)
{
    ++connections;
    auto parser = std::make_shared<XmlStreamParser>();
    auto stalled = std::make_shared<bool>(false);
    parser->onStreamOpened = [socket](const XmlElement &) {
        socket->write("<stream:stream xmlns='jabber:server' "
                      "xmlns:stream='http://etherx.jabber.org/streams' "
                      "xmlns:db='jabber:server:dialback' id='scripted-id' from='partner.test' "
                      "version='1.0'><stream:features><dialback "
                      "xmlns='urn:xmpp:features:dialback'/></stream:features>");
    };
    parser->onElement = [this, socket, stalled](XmlElement &&e) {
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
        answer.setAttribute(QStringLiteral("type"), QStringLiteral("valid"));
        socket->write(answer.toXml());
        if (!verify && stallAfterAuth) {
            // From now on nothing is read: Qt stops taking bytes from the
            // kernel once its one-byte read buffer is full.
            *stalled = true;
            socket->setReadBufferSize(1);
        }
    };
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, parser, stalled] {
        if (!*stalled)
            parser->feed(socket->readAll());
    });
    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
}

std::unique_ptr<engine::Engine> makeLimitsEngine(const QHostAddress &address,
                                                 const QHostAddress &partnerAddress,
                                                 quint16 partnerPort, engine::EngineConfig config,
                                                 topology::GatewaySettings gateway)
{
    auto topology = topology::TopologyDocument::readFile(exampleTopologyPath());
    if (!topology) {
        qWarning("%s", qPrintable(topology.error().toString()));
        return nullptr;
    }
    topology::XmppPartner partner;
    partner.domain = kLimitsPartner;
    partner.tls = topology::Negotiation::NotSupported;
    partner.sasl = topology::Negotiation::NotSupported;
    partner.dialback = true;
    topology.value().partners = {partner};
    gateway.dialbackSecret = QStringLiteral("engine-limits-secret");
    topology.value().gateway = gateway;
    config.listenAddress = address;
    config.listenPort = freeTcpPort(address);
    config.hosts.insert(kLimitsPartner, engine::HostOverride{partnerAddress, partnerPort});
    auto engine = std::make_unique<engine::Engine>(config);
    const Status started = engine->start(topology.value());
    if (!started) {
        qWarning("%s", qPrintable(started.error().message));
        return nullptr;
    }
    return engine;
}

bool openStream(RawPeer &peer, const QHostAddress &source, const engine::Engine &engine)
{
    if (!peer.socket.bind(source) || !peer.connect(engine.listenAddress(), engine.listenPort()))
        return false;
    peer.send(streamHeader(kLimitsOurDomain, kLimitsPartner));
    return peer.waitFor("</stream:features>");
}

bool authenticate(RawPeer &peer, const QHostAddress &source, const engine::Engine &engine)
{
    if (!openStream(peer, source, engine))
        return false;
    peer.send("<db:result from='partner.test' to='contoso.test'>0123abcd</db:result>");
    return peer.waitFor("type='valid'");
}

QString endpointOf(const RawPeer &peer)
{
    return peer.socket.localAddress().toString() + QLatin1Char(':') +
           QString::number(peer.socket.localPort());
}

bool hasSession(const engine::Engine &engine, const QString &remoteAddress)
{
    for (const engine::SessionInfo &s : engine.sessions())
        if (s.remoteAddress == remoteAddress)
            return true;
    return false;
}

bool gotStreamError(RawPeer &peer, const QByteArray &condition)
{
    return peer.waitFor("<" + condition + " xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>") &&
           peer.waitClosed();
}

LogCapture::LogCapture()
    : m_previous(spdlog::default_logger())
{
    spdlog::set_default_logger(std::make_shared<spdlog::logger>(
        "capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(m_text)));
}

QString LogCapture::line(const QString &needle) const
{
    for (const QString &l : QString::fromStdString(text()).split(QLatin1Char('\n')))
        if (l.contains(needle))
            return l;
    return {};
}

LogCapture::~LogCapture()
{
    spdlog::set_default_logger(m_previous);
}

} // namespace fedgate::test
