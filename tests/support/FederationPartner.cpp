#include "FederationPartner.h"

#include "TestPaths.h"

#include "topology/TopologyDocument.h"

namespace fedgate::test {

topology::Topology loopbackExampleTopology(const FederationAddresses &addresses)
{
    auto read = topology::TopologyDocument::readFile(exampleTopologyPath());
    if (!read)
        return {};
    topology::Topology topology = read.value();
    topology::EdgePool *paris = topology.edgePool(QStringLiteral("edge-paris.contoso.test"));
    paris->members.first().internalIPv4 = addresses.internal;
    paris->members.first().externalIPv4 = addresses.external;
    paris->members.first().externalIPv6.clear();
    topology.edgePool(QStringLiteral("edge-mtl.contoso.test"))->members.first().internalIPv4 =
        addresses.nobody;
    topology::XmppPartner partner;
    partner.domain = QStringLiteral("fabrikam.test");
    partner.type = topology::PartnerType::Federated;
    partner.tls = topology::Negotiation::Required;
    partner.sasl = topology::Negotiation::Required;
    partner.dialback = false;
    topology.partners = {partner};
    return topology;
}

bool FederationPartner::start(const QString &directory, const FederationAddresses &addresses,
                              const QString &caName, const QStringList &users,
                              const QString &password, QString *error)
{
    if (!ca.create(directory, caName, error))
        return false;
    const QString ours = QStringLiteral("contoso.test");
    const QString partner = QStringLiteral("fabrikam.test");
    const QList<std::pair<QString, QStringList>> specs{
        {QStringLiteral("contoso"), {ours}},
        {QStringLiteral("fabrikam"), {partner}},
        {QStringLiteral("edge-paris"), {QStringLiteral("edge-paris.contoso.test")}},
        {QStringLiteral("fe-paris"), {QStringLiteral("fe-paris.contoso.test"), ours}}};
    for (const auto &[name, names] : specs) {
        auto leaf = ca.issue(name, names.first(), names, {}, error);
        if (!leaf)
            return false;
        leaves.insert(name, *leaf);
    }
    ProsodyServer::Options options;
    options.domain = partner;
    options.address = QHostAddress(addresses.prosody);
    options.certificatePath = leaves.value(QStringLiteral("fabrikam")).certificatePath;
    options.keyPath = leaves.value(QStringLiteral("fabrikam")).keyPath;
    options.caPath = ca.certificatePath();
    options.hosts.insert(ours, addresses.external);
    if (!prosody.start(options, error))
        return false;
    for (const QString &user : users)
        if (!prosody.registerUser(user, password, error))
            return false;
    return true;
}

} // namespace fedgate::test
