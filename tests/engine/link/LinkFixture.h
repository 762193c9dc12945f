#pragma once

#include "engine/Engine.h"
#include "engine/gateway/FederationUplink.h"
#include "engine/link/InternalLinkClient.h"
#include "engine/link/InternalLinkServer.h"
#include "support/TestCa.h"
#include "topology/Topology.h"

#include <QHostAddress>
#include <QTemporaryDir>

#include <memory>
#include <sstream>

// What the internal-link suites share: a topology (the example's two sites,
// both edge pools on loopback addresses, both naming fe-paris as their next
// hop, a short establishment timeout), a test CA with the pools'
// certificates, an in-process edge (Engine + InternalLinkServer), a
// recording FederationInbox, and the log captured for the refusal reasons.
namespace fedgate::test {

inline const QString kParisEdge = QStringLiteral("edge-paris.contoso.test");
inline const QString kMontrealEdge = QStringLiteral("edge-mtl.contoso.test");
inline const QString kParisFrontEnd = QStringLiteral("fe-paris.contoso.test");
inline const QString kMontrealFrontEnd = QStringLiteral("fe-mtl.contoso.test");

struct EdgeAddresses
{
    QHostAddress internal; // the link listener (23456)
    QHostAddress external; // the s2s listener (5269)
};

class RecordingInbox : public engine::FederationInbox
{
public:
    QList<engine::XmlElement> received;
    QList<std::pair<engine::XmlElement, QString>> bounced;
    void receiveFromFederation(const engine::XmlElement &stanza) override { received << stanza; }
    void undeliverable(const engine::XmlElement &stanza, const QString &condition) override
    {
        bounced << std::pair{stanza, condition};
    }
    // The received stanza with this id, or null.
    const engine::XmlElement *receivedWithId(const QString &id) const;
};

// An edge pool running in this process.
struct EdgeUnderTest
{
    std::unique_ptr<engine::Engine> engine;
    std::unique_ptr<engine::InternalLinkServer> link;
};

class LinkFixture
{
public:
    // Creates the CA and the leaves; `paris`/`montreal`: where each edge
    // pool's member lives.
    bool create(const EdgeAddresses &paris, const EdgeAddresses &montreal, QString *error);

    const topology::Topology &topology() const { return m_topology; }
    topology::Topology &topology() { return m_topology; }
    TestCa &ca() { return m_ca; }
    QString dir() const { return m_dir.path(); }

    // Leaves by file base: "edge-paris", "edge-mtl", "fe-paris", "fe-mtl",
    // "rogue" (a name no pool has), "foreign" (fe-paris, another CA).
    TestCa::Leaf leaf(const QString &name) const { return m_leaves.value(name); }

    std::unique_ptr<EdgeUnderTest> startEdge(const QString &pool, QString *error) const;
    // A gateway for fe-paris presenting `leaf`; fast retries.
    std::unique_ptr<engine::InternalLinkClient>
    startGateway(engine::FederationInbox *inbox, const QString &leaf, QString *error) const;

    // Everything logged since the fixture was created (spdlog).
    QString log() const;

private:
    Result<QSslConfiguration> tlsFor(const QString &leaf,
                                     engine::CertificateChainVerifier *verifier) const;

    QTemporaryDir m_dir;
    TestCa m_ca;
    TestCa m_foreignCa;
    QHash<QString, TestCa::Leaf> m_leaves;
    topology::Topology m_topology;
    QHash<QString, EdgeAddresses> m_addresses;
    std::shared_ptr<std::ostringstream> m_log = std::make_shared<std::ostringstream>();
};

// <message> from alice@contoso.test/laptop to `to` in jabber:client, with a
// body and an id, as the gateway hands it to the uplink.
engine::XmlElement clientMessage(const QString &id, const QString &to, const QString &body);

} // namespace fedgate::test
