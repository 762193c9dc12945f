// topology::ObjectNames and topology::Removal: objects, findings and changes
// in an administrator's words, and what goes with a removed object.
#include "support/TestPaths.h"
#include "topology/ObjectNames.h"
#include "topology/Removal.h"
#include "topology/TopologyDiff.h"
#include "topology/TopologyDocument.h"
#include "topology/Validation.h"

#include <QRegularExpression>
#include <QTest>

using namespace fedgate;
using namespace fedgate::topology;

namespace {
Topology example()
{
    Result<Topology> t = TopologyDocument::readFile(test::exampleTopologyPath());
    if (!t)
        qFatal("%s", qPrintable(t.error().toString()));
    return t.value();
}

// Internal paths, field keys and enum spellings a person must never read.
QString internalSpelling(const QString &text)
{
    static const QRegularExpression internal(
        QStringLiteral("sites/|edgePools|frontEndPools|/members/|partners/|policies/|users/|"
                       "NotSupported|PublicVerified|PublicUnverified|xmppFederationRoute|"
                       "externalIPv4|tlsNegotiation|saslNegotiation|nextHopPool"));
    const QRegularExpressionMatch m = internal.match(text);
    return m.hasMatch() ? m.captured() : QString();
}
} // namespace

class TestObjectNames : public QObject
{
    Q_OBJECT
private slots:
    void objectsAreNamedAsPeopleDo();
    void negotiationLabels();
    void changesAreSentences();
    void exampleAndMistakesReadPlainly();
    void removingASiteTakesItsPoolsAndClearsReferences();
    void removingARoutedEdgePoolClearsTheRoute();
    void removingALeafHasNoConsequences();
    void unknownPathsAreNotFound();
};

void TestObjectNames::objectsAreNamedAsPeopleDo()
{
    const Topology t = example();
    QCOMPARE(describeObject(
                 t, QStringLiteral("sites/Paris/edgePools/edge-paris.contoso.test/members/0")),
             QStringLiteral("edge server edge-paris1.contoso.test of pool edge-paris.contoso.test "
                            "in site Paris"));
    // The diff keys members by FQDN: the same words.
    QCOMPARE(describeObject(t, QStringLiteral("sites/Paris/edgePools/edge-paris.contoso.test/"
                                              "members/edge-paris1.contoso.test/externalIPv4")),
             QStringLiteral("edge server edge-paris1.contoso.test of pool edge-paris.contoso.test "
                            "in site Paris"));
    QCOMPARE(describeObject(t, QStringLiteral("sites/Paris/edgePools/edge-paris.contoso.test")),
             QStringLiteral("edge pool edge-paris.contoso.test in site Paris"));
    QCOMPARE(describeObject(t, QStringLiteral("sites/Montreal/frontEndPools/fe-mtl.contoso.test")),
             QStringLiteral("front-end pool fe-mtl.contoso.test in site Montreal"));
    QCOMPARE(describeObject(t, QStringLiteral("sites/Paris")), QStringLiteral("site Paris"));
    QCOMPARE(describeObject(t, QStringLiteral("partners/fabrikam.test/tlsNegotiation")),
             QStringLiteral("partner fabrikam.test"));
    QCOMPARE(describeObject(t, QStringLiteral("policies/site:Paris")),
             QStringLiteral("the external access policy of site Paris"));
    QCOMPARE(describeObject(t, QStringLiteral("policies/tag:xmpp-federation")),
             QStringLiteral("the user policy xmpp-federation"));
    QCOMPARE(describeObject(t, QStringLiteral("users/alice@contoso.test")),
             QStringLiteral("user alice@contoso.test"));
    QCOMPARE(describeObject(t, QStringLiteral("organisation")),
             QStringLiteral("the organisation Contoso"));
    QCOMPARE(describeObject(t, QStringLiteral("gateway")), QStringLiteral("the gateway settings"));
    // A server without a name is numbered from 1.
    Topology unnamed = t;
    unnamed.edgePool(QStringLiteral("edge-paris.contoso.test"))->members.append(EdgeServer());
    QCOMPARE(
        describeObject(unnamed,
                       QStringLiteral("sites/Paris/edgePools/edge-paris.contoso.test/members/1")),
        QStringLiteral("edge server number 2 of pool edge-paris.contoso.test in site Paris"));
    QCOMPARE(describeFinding(t, QStringLiteral("sites/Paris"), QStringLiteral("Fix it.")),
             QStringLiteral("Site Paris: Fix it."));
}

void TestObjectNames::negotiationLabels()
{
    QCOMPARE(negotiationLabel(Negotiation::Required), QStringLiteral("Required"));
    QCOMPARE(negotiationLabel(Negotiation::Optional), QStringLiteral("Optional"));
    QCOMPARE(negotiationLabel(Negotiation::NotSupported), QStringLiteral("Not supported"));
    QCOMPARE(partnerTypeLabel(PartnerType::PublicVerified), QStringLiteral("Public, verified"));
}

void TestObjectNames::changesAreSentences()
{
    const Topology before = example();
    Topology after = before;
    after.partner(QStringLiteral("fabrikam.test"))->tls = Negotiation::NotSupported;
    after.edgePool(QStringLiteral("edge-paris.contoso.test"))->members[0].externalIPv4 =
        QStringLiteral("192.0.2.99");
    after.organisation.xmppDomains << QStringLiteral("chat.contoso.test");
    after.site(QStringLiteral("Montreal"))->xmppFederationRoute.clear();
    const QStringList lines = describeChanges(diff(before, after), before, after);
    QVERIFY2(lines.contains(QStringLiteral(
                 "Changed the TLS of partner fabrikam.test from Required to Not supported.")),
             qPrintable(lines.join(QLatin1Char('\n'))));
    QVERIFY2(lines.contains(
                 QStringLiteral("Added chat.contoso.test to the XMPP domains of the organisation "
                                "Contoso.")),
             qPrintable(lines.join(QLatin1Char('\n'))));
    QVERIFY2(lines.contains(QStringLiteral("Changed the XMPP federation route of site Montreal "
                                           "from edge-mtl.contoso.test to (none).")),
             qPrintable(lines.join(QLatin1Char('\n'))));
    bool address = false;
    for (const QString &l : lines)
        address =
            address || (l.startsWith(QStringLiteral("Changed the external IPv4 address of "
                                                    "edge server edge-paris1.contoso.test")) &&
                        l.endsWith(QStringLiteral("to 192.0.2.99.")));
    QVERIFY2(address, qPrintable(lines.join(QLatin1Char('\n'))));
    // Removing a whole object is one sentence.
    Topology fewer = before;
    fewer.partners.removeIf(
        [](const XmppPartner &p) { return p.domain == QLatin1String("jabber-provider.test"); });
    QCOMPARE(describeChanges(diff(before, fewer), before, fewer),
             QStringList{QStringLiteral("Removed partner jabber-provider.test.")});
}

// Every finding of the example and of its common mistakes, and every change
// between them, reads without an internal path or enum spelling.
void TestObjectNames::exampleAndMistakesReadPlainly()
{
    const Topology base = example();
    QList<Topology> mistakes;
    Topology t = base;
    t.edgePool(QStringLiteral("edge-paris.contoso.test"))->xmppFederation = false; // routed
    mistakes << t;
    t = base;
    t.edgePool(QStringLiteral("edge-mtl.contoso.test"))->members[0].externalIPv4 =
        base.edgePool(QStringLiteral("edge-paris.contoso.test"))->members[0].externalIPv4;
    mistakes << t;
    t = base;
    t.edgePool(QStringLiteral("edge-mtl.contoso.test"))->members[0].internalIPv4.clear();
    t.edgePool(QStringLiteral("edge-mtl.contoso.test"))->members[0].internalIPv6.clear();
    mistakes << t;
    t = base;
    t.site(QStringLiteral("Paris"))->xmppFederationRoute = QStringLiteral("nowhere.contoso.test");
    mistakes << t;
    t = base;
    t.partner(QStringLiteral("fabrikam.test"))->tls = Negotiation::NotSupported;
    t.partner(QStringLiteral("fabrikam.test"))->dialback = false;
    t.partner(QStringLiteral("fabrikam.test"))->sasl = Negotiation::Optional;
    mistakes << t;
    t = base;
    t.organisation.xmppDomains.clear();
    t.users[0].site = QStringLiteral("Lyon");
    t.partners[0].domain = QStringLiteral("contoso.test");
    mistakes << t;
    t = base;
    t.edgePool(QStringLiteral("edge-paris.contoso.test"))->members.clear();
    t.edgePool(QStringLiteral("edge-paris.contoso.test"))->nextHopPool = QStringLiteral("x.test");
    mistakes << t;

    int findings = 0;
    for (const Topology &m : std::as_const(mistakes)) {
        for (const Finding &f : validate(m)) {
            const QString line = describeFinding(m, f.path, f.message);
            QVERIFY2(internalSpelling(line).isEmpty(), qPrintable(line));
            ++findings;
        }
        for (const QString &line : describeChanges(diff(base, m), base, m))
            QVERIFY2(internalSpelling(line).isEmpty(), qPrintable(line));
        for (const QString &line : describeChanges(diff(m, base), m, base))
            QVERIFY2(internalSpelling(line).isEmpty(), qPrintable(line));
    }
    QVERIFY(findings >= int(mistakes.size()));
}

void TestObjectNames::removingASiteTakesItsPoolsAndClearsReferences()
{
    Topology t = example();
    // Paris's traffic goes through Montreal's pool: removing Montreal clears it.
    t.site(QStringLiteral("Paris"))->xmppFederationRoute = QStringLiteral("edge-mtl.contoso.test");
    const Removal r = planRemoval(t, QStringLiteral("sites/Montreal"));
    QVERIFY(r.found);
    QVERIFY(r.hasConsequences());
    QCOMPARE(r.description, QStringLiteral("site Montreal"));
    QVERIFY(!r.result.site(QStringLiteral("Montreal")));
    QVERIFY(r.result.site(QStringLiteral("Paris"))->xmppFederationRoute.isEmpty());
    QVERIFY(r.result.user(QStringLiteral("bob@contoso.test"))->site.isEmpty());
    QStringList paths;
    for (const RemovalEffect &e : r.effects)
        paths << e.path;
    QVERIFY(paths.contains(QStringLiteral("sites/Montreal/frontEndPools/fe-mtl.contoso.test")));
    QVERIFY(paths.contains(QStringLiteral("sites/Montreal/edgePools/edge-mtl.contoso.test")));
    QVERIFY(
        paths.contains(QStringLiteral("sites/Montreal/edgePools/edge-mtl.contoso.test/members/0")));
    QVERIFY(paths.contains(QStringLiteral("sites/Paris")));
    QVERIFY(paths.contains(QStringLiteral("users/bob@contoso.test")));
    const QStringList lines = describeEffects(r);
    QVERIFY2(lines.contains(QStringLiteral(
                 "edge server edge-mtl1.contoso.test of pool edge-mtl.contoso.test in site "
                 "Montreal is removed too")),
             qPrintable(lines.join(QLatin1Char('\n'))));
    for (const QString &l : lines)
        QVERIFY2(internalSpelling(l).isEmpty(), qPrintable(l));
    // What is left has no dangling reference to Montreal.
    for (const Finding &f : validate(r.result))
        QVERIFY2(f.rule != QLatin1String("dangling-reference") &&
                     f.rule != QLatin1String("route-missing-pool"),
                 qPrintable(f.message));
}

void TestObjectNames::removingARoutedEdgePoolClearsTheRoute()
{
    const Topology t = example();
    const Removal r =
        planRemoval(t, QStringLiteral("sites/Paris/edgePools/edge-paris.contoso.test"));
    QVERIFY(r.found);
    QVERIFY(!r.result.edgePool(QStringLiteral("edge-paris.contoso.test")));
    QVERIFY(r.result.site(QStringLiteral("Paris"))->xmppFederationRoute.isEmpty());
    QCOMPARE(r.effects.size(), 2); // its server, and Paris's route
    QCOMPARE(r.effects.at(1).kind, RemovalEffect::Kind::Cleared);
    QVERIFY(r.effects.at(1).description.contains(QStringLiteral("site Paris")));
}

void TestObjectNames::removingALeafHasNoConsequences()
{
    const Topology t = example();
    const Removal r = planRemoval(t, QStringLiteral("users/carol@contoso.test"));
    QVERIFY(r.found);
    QVERIFY(!r.hasConsequences());
    QVERIFY(!r.result.user(QStringLiteral("carol@contoso.test")));
    const Removal tag = planRemoval(t, QStringLiteral("policies/tag:xmpp-federation"));
    QVERIFY(tag.found);
    QVERIFY(tag.hasConsequences()); // bob's grant is cleared
    QVERIFY(tag.result.user(QStringLiteral("bob@contoso.test"))->grantedPolicy.isEmpty());
}

void TestObjectNames::unknownPathsAreNotFound()
{
    const Topology t = example();
    QVERIFY(!planRemoval(t, QStringLiteral("sites/Lyon")).found);
    QVERIFY(!planRemoval(t, QStringLiteral("policies/global")).found);
    QVERIFY(!planRemoval(t, QStringLiteral("organisation")).found);
    QVERIFY(
        !planRemoval(t, QStringLiteral("sites/Paris/edgePools/edge-paris.contoso.test/members/7"))
             .found);
}

QTEST_GUILESS_MAIN(TestObjectNames)
#include "tst_objectnames.moc"
