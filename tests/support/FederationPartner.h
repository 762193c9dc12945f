#pragma once

#include "ProsodyServer.h"
#include "TestCa.h"

#include "topology/Topology.h"

#include <QHash>
#include <QString>

// The set-up the suites that run fedgated against a real partner share
// (tst_linkprosody, tst_federationpeople, tst_deploycheck_e2e): a test CA
// with the leaves both sides present, a real Prosody serving fabrikam.test,
// and the bundled example topology moved onto the suite's loopback
// addresses with fabrikam.test as its one partner.
namespace fedgate::test {

struct FederationAddresses
{
    QString prosody;  // Prosody (fabrikam.test): s2s 5269, c2s 5222
    QString internal; // Paris's edge server inside: the link 23456 (and clients 5222)
    QString external; // Paris's edge server outside: federation 5269
    QString nobody;   // Montreal's edge server, where nothing listens
};

// contoso.json with Paris's edge server on `internal` and `external` (no
// IPv6), Montreal's inside on `nobody`, and one partner: fabrikam.test,
// Federated, TLS and SASL required, no dialback. Empty on a read error.
topology::Topology loopbackExampleTopology(const FederationAddresses &addresses);

class FederationPartner
{
public:
    // The CA (CN = `caName`) in `directory` and its leaves "contoso"
    // (contoso.test), "fabrikam" (fabrikam.test), "edge-paris"
    // (edge-paris.contoso.test) and "fe-paris" (fe-paris.contoso.test and
    // contoso.test); then Prosody on addresses.prosody, finding contoso.test
    // at addresses.external, with the users given (password `password`).
    bool start(const QString &directory, const FederationAddresses &addresses,
               const QString &caName, const QStringList &users, const QString &password,
               QString *error);
    void stop() { prosody.stop(); }

    TestCa ca;
    QHash<QString, TestCa::Leaf> leaves;
    ProsodyServer prosody;
};

} // namespace fedgate::test
