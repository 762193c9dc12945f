#include "support/TestPaths.h"
#include "topology/TopologyDocument.h"
#include "topology/Validation.h"

#include <QTest>

using namespace fedgate::topology;

// Each rule: a topology that triggers it (the valid example plus one defect)
// and the exact finding. "Exactly" matters: a defect must produce its finding
// and no unrelated noise.
class TstValidation : public QObject
{
    Q_OBJECT

    Topology m_example;

    QString describe(const QList<Finding> &findings)
    {
        QStringList lines;
        for (const Finding &f : findings)
            lines << toString(f.severity) + QLatin1Char(' ') + f.rule + QLatin1Char(' ') + f.path +
                         QStringLiteral(": ") + f.message;
        return lines.join(QLatin1Char('\n'));
    }

    // Asserts that validating `t` yields exactly one finding, with this rule,
    // severity and path, whose message contains `messageHas`.
    void expectOnly(const Topology &t, const QString &rule, Severity severity, const QString &path,
                    const QString &messageHas)
    {
        const QList<Finding> findings = validate(t);
        QVERIFY2(findings.size() == 1, qPrintable(describe(findings)));
        const Finding &f = findings.first();
        QCOMPARE(f.rule, rule);
        QCOMPARE(int(f.severity), int(severity));
        QCOMPARE(f.path, path);
        QVERIFY2(f.message.contains(messageHas), qPrintable(f.message));
    }

    EdgePool &parisEdge(Topology &t) { return t.sites[0].edgePools[0]; }
    EdgeServer &parisMember(Topology &t) { return t.sites[0].edgePools[0].members[0]; }
    const QString parisEdgePath = QStringLiteral("sites/Paris/edgePools/edge-paris.contoso.test");

private Q_SLOTS:
    void initTestCase()
    {
        const auto loaded = TopologyDocument::readFile(fedgate::test::exampleTopologyPath());
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        m_example = loaded.value();
    }

    void exampleIsClean()
    {
        const QList<Finding> findings = validate(m_example);
        QVERIFY2(findings.isEmpty(), qPrintable(describe(findings)));
    }

    void fqdnSyntax()
    {
        Topology t = m_example;
        parisEdge(t).externalFqdn = QStringLiteral("xmpp_ext.contoso.test");
        parisMember(t).externalFqdn = QStringLiteral("xmpp_ext.contoso.test");
        const QList<Finding> findings = validate(t);
        QVERIFY(!findings.isEmpty());
        for (const Finding &f : findings)
            QCOMPARE(f.rule, QStringLiteral("fqdn-syntax"));
        QVERIFY(findings.first().message.contains(QLatin1String("xmpp_ext.contoso.test")));
    }

    void domainSyntaxChecks()
    {
        QVERIFY(checkDomainName(QStringLiteral("contoso.test")).isEmpty());
        QVERIFY(checkDomainName(QStringLiteral("bücher.contoso.test")).isEmpty()); // IDNA
        QVERIFY(!checkDomainName(QStringLiteral("localhost")).isEmpty());
        QVERIFY(!checkDomainName(QStringLiteral("-bad.contoso.test")).isEmpty());
        QVERIFY(!checkDomainName(QStringLiteral("a..b.test")).isEmpty());
        QVERIFY(
            !checkDomainName(QString(64, QLatin1Char('a')) + QStringLiteral(".test")).isEmpty());
        QVERIFY(!checkDomainName(QStringLiteral("10.0.0.1")).isEmpty());
        QVERIFY(!checkDomainName(QStringLiteral("*.contoso.test")).isEmpty());
        QVERIFY(checkIPv4(QStringLiteral("192.0.2.1")).isEmpty());
        QVERIFY(!checkIPv4(QStringLiteral("192.0.2.256")).isEmpty());
        QVERIFY(checkIPv6(QStringLiteral("2001:db8::1")).isEmpty());
        QVERIFY(!checkIPv6(QStringLiteral("2001:db8::g")).isEmpty());
    }

    void idnDomainAccepted()
    {
        Topology t = m_example;
        t.organisation.additionalSipDomains << QStringLiteral("société.test");
        QVERIFY2(validate(t).isEmpty(), qPrintable(describe(validate(t))));
    }

    void ipSyntax()
    {
        Topology t = m_example;
        parisMember(t).externalIPv4 = QStringLiteral("192.0.2.300");
        expectOnly(t, QStringLiteral("ip-syntax"), Severity::Error,
                   parisEdgePath + QStringLiteral("/members/0"), QStringLiteral("192.0.2.300"));
    }

    void duplicateFqdn()
    {
        Topology t = m_example;
        t.sites[1].edgePools[0].fqdn = QStringLiteral("edge-paris.contoso.test");
        t.sites[1].xmppFederationRoute = QStringLiteral("edge-paris.contoso.test");
        expectOnly(t, QStringLiteral("duplicate-fqdn"), Severity::Error,
                   QStringLiteral("sites/Montreal/edgePools/edge-paris.contoso.test"),
                   QStringLiteral("edge-paris.contoso.test is already used"));
    }

    void duplicateIp()
    {
        Topology t = m_example;
        t.sites[1].edgePools[0].members[0].internalIPv4 = parisMember(t).internalIPv4;
        expectOnly(t, QStringLiteral("duplicate-ip"), Severity::Error,
                   QStringLiteral("sites/Montreal/edgePools/edge-mtl.contoso.test/members/0"),
                   QStringLiteral("10.10.1.10"));
    }

    void xmppPoolThatNoSiteRoutesTo()
    {
        Topology t = m_example;
        t.sites[1].xmppFederationRoute = QStringLiteral("edge-paris.contoso.test");
        expectOnly(t, QStringLiteral("xmpp-pool-unrouted"), Severity::Warning,
                   QStringLiteral("sites/Montreal/edgePools/edge-mtl.contoso.test"),
                   QStringLiteral("no site routes"));
    }

    void routeToMissingPool()
    {
        Topology t = m_example;
        t.sites[0].xmppFederationRoute = QStringLiteral("edge-gone.contoso.test");
        const QList<Finding> findings = validate(t);
        // The route is broken, and the Paris pool is now unrouted.
        QCOMPARE(findings.size(), 2);
        QCOMPARE(findings[0].rule, QStringLiteral("route-missing-pool"));
        QCOMPARE(findings[0].path, QStringLiteral("sites/Paris"));
        QVERIFY(findings[0].message.contains(QLatin1String("edge-gone.contoso.test")));
        QCOMPARE(findings[1].rule, QStringLiteral("xmpp-pool-unrouted"));
    }

    void routeToPoolWithoutXmpp()
    {
        Topology t = m_example;
        parisEdge(t).xmppFederation = false;
        expectOnly(t, QStringLiteral("route-pool-not-xmpp"), Severity::Error,
                   QStringLiteral("sites/Paris"), QStringLiteral("Enable XMPP federation"));
    }

    void partnerDomainIsOurs()
    {
        Topology t = m_example;
        t.partners[0].additionalDomains << QStringLiteral("corp.contoso.test");
        expectOnly(t, QStringLiteral("partner-own-domain"), Severity::Error,
                   QStringLiteral("partners/fabrikam.test"), QStringLiteral("corp.contoso.test"));
    }

    void domainUnderTwoPartners()
    {
        Topology t = m_example;
        t.partners[1].additionalDomains << QStringLiteral("IM.fabrikam.test");
        expectOnly(t, QStringLiteral("partner-domain-duplicate"), Severity::Error,
                   QStringLiteral("partners/jabber-provider.test"),
                   QStringLiteral("fabrikam.test"));
    }

    void invalidNegotiation()
    {
        Topology t = m_example;
        t.partners[1].sasl = Negotiation::Required; // TLS NotSupported: row 5
        expectOnly(t, QStringLiteral("negotiation-invalid"), Severity::Error,
                   QStringLiteral("partners/jabber-provider.test"),
                   QStringLiteral("SASL negotiation needs TLS"));
    }

    void negotiationWarning()
    {
        Topology t = m_example;
        t.partners[0].tls = Negotiation::Optional; // row 4
        expectOnly(t, QStringLiteral("negotiation-warning"), Severity::Warning,
                   QStringLiteral("partners/fabrikam.test"), QStringLiteral("Optional"));
    }

    void grantedPolicyMissing()
    {
        Topology t = m_example;
        t.users[1].grantedPolicy = QStringLiteral("vip");
        expectOnly(t, QStringLiteral("policy-missing"), Severity::Error,
                   QStringLiteral("users/bob@contoso.test"), QStringLiteral("tag:vip"));
    }

    void danglingAfterSiteDelete()
    {
        Topology t = m_example;
        // Deleting Paris leaves its site policy and Alice's home site dangling.
        t.sites.removeFirst();
        const QList<Finding> findings = validate(t);
        QStringList seen;
        for (const Finding &f : findings)
            seen << f.rule + QLatin1Char(' ') + f.path;
        QVERIFY2(seen.contains(QStringLiteral("dangling-reference policies/site:Paris")),
                 qPrintable(describe(findings)));
        QVERIFY2(seen.contains(QStringLiteral("dangling-reference users/alice@contoso.test")),
                 qPrintable(describe(findings)));
        QCOMPARE(findings.size(), 2);
    }

    void danglingNextHop()
    {
        Topology t = m_example;
        t.sites[0].frontEndPools.clear();
        expectOnly(t, QStringLiteral("dangling-reference"), Severity::Error, parisEdgePath,
                   QStringLiteral("fe-paris.contoso.test"));
    }

    void emptyEdgePool()
    {
        Topology t = m_example;
        parisEdge(t).members.clear();
        expectOnly(t, QStringLiteral("edge-pool-empty"), Severity::Error, parisEdgePath,
                   QStringLiteral("no server"));
    }

    void memberWithoutExternalAddress()
    {
        Topology t = m_example;
        parisMember(t).externalIPv4.clear();
        parisMember(t).externalIPv6.clear();
        expectOnly(t, QStringLiteral("missing-address"), Severity::Error,
                   parisEdgePath + QStringLiteral("/members/0"), QStringLiteral("external IP"));
    }

    void userAddressAndDomain()
    {
        Topology t = m_example;
        t.users[0].xmppAddress = QStringLiteral("alice@fabrikam.test");
        expectOnly(t, QStringLiteral("user-domain"), Severity::Error,
                   QStringLiteral("users/alice@fabrikam.test"),
                   QStringLiteral("not one of your XMPP domains"));
        t = m_example;
        t.users[0].xmppAddress = QStringLiteral("alice");
        expectOnly(t, QStringLiteral("user-address"), Severity::Error,
                   QStringLiteral("users/alice"), QStringLiteral("user@domain"));
    }

    void gatewayLimitsAndSecret()
    {
        Topology t = m_example;
        t.gateway.partnerConnectionLimit = 0;
        expectOnly(t, QStringLiteral("limit-range"), Severity::Error, QStringLiteral("gateway"),
                   QStringLiteral("PartnerConnectionLimit"));
        t = m_example;
        t.gateway.dialbackSecret = QStringLiteral("short");
        expectOnly(t, QStringLiteral("dialback-secret"), Severity::Error, QStringLiteral("gateway"),
                   QStringLiteral("32 hexadecimal"));
    }

    void duplicatesOfNamedObjects()
    {
        Topology t = m_example;
        t.users << t.users.first();
        expectOnly(t, QStringLiteral("duplicate-user"), Severity::Error,
                   QStringLiteral("users/alice@contoso.test"), QStringLiteral("twice"));
        t = m_example;
        t.policies << t.policies.last();
        expectOnly(t, QStringLiteral("duplicate-policy"), Severity::Error,
                   QStringLiteral("policies/tag:xmpp-federation"), QStringLiteral("twice"));
        t = m_example;
        t.policies.last().identity = QStringLiteral("team:x");
        t.users[1].grantedPolicy.clear();
        expectOnly(t, QStringLiteral("policy-identity"), Severity::Error,
                   QStringLiteral("policies/team:x"), QStringLiteral("tag:<policy name>"));
    }

    void hasErrorsIgnoresWarnings()
    {
        QVERIFY(!hasErrors({Finding{Severity::Warning, {}, {}, {}}}));
        QVERIFY(hasErrors(
            {Finding{Severity::Warning, {}, {}, {}}, Finding{Severity::Error, {}, {}, {}}}));
    }
};

QTEST_GUILESS_MAIN(TstValidation)
#include "tst_validation.moc"
