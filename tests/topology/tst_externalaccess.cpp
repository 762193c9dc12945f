#include "topology/ExternalAccess.h"

#include <QTest>

using namespace fedgate::topology;

class TstExternalAccess : public QObject
{
    Q_OBJECT

    static Topology sample()
    {
        Topology t;
        t.organisation.xmppDomains = {QStringLiteral("contoso.test")};
        t.sites = {Site{QStringLiteral("Paris"), {}, {}, {}, {}},
                   Site{QStringLiteral("Montreal"), {}, {}, {}, {}}};
        t.normalise();
        ExternalAccessPolicy site;
        site.identity = QStringLiteral("site:Paris");
        site.enableXmppAccess = true;
        ExternalAccessPolicy tag;
        tag.identity = QStringLiteral("tag:blocked");
        tag.enableXmppAccess = false;
        tag.enableOutsideAccess = true;
        t.policies << site << tag;
        t.users = {User{QStringLiteral("alice@contoso.test"), {}, QStringLiteral("Paris"), {}},
                   User{QStringLiteral("bob@contoso.test"),
                        {},
                        QStringLiteral("Paris"),
                        QStringLiteral("blocked")},
                   User{QStringLiteral("carol@contoso.test"), {}, QStringLiteral("Montreal"), {}}};
        return t;
    }

private Q_SLOTS:
    void globalAlwaysPresent()
    {
        Topology t;
        t.normalise();
        QVERIFY(t.policy(QStringLiteral("global")));
        t.normalise();
        QCOMPARE(t.policies.size(), 1);
    }

    void sitePolicyBeatsGlobal()
    {
        const Topology t = sample();
        const EffectivePolicy p = effectivePolicy(t, QStringLiteral("alice@contoso.test"));
        QCOMPARE(int(p.source), int(PolicyScope::Site));
        QCOMPARE(p.policy.identity, QStringLiteral("site:Paris"));
        QVERIFY(mayFederateOverXmpp(t, QStringLiteral("alice@contoso.test")));
    }

    void userPolicyBeatsSite()
    {
        const Topology t = sample();
        const EffectivePolicy p = effectivePolicy(t, QStringLiteral("bob@contoso.test"));
        QCOMPARE(int(p.source), int(PolicyScope::User));
        QCOMPARE(p.policy.identity, QStringLiteral("tag:blocked"));
        QVERIFY(p.policy.enableOutsideAccess);
        QVERIFY(!mayFederateOverXmpp(t, QStringLiteral("bob@contoso.test")));
        QVERIFY(p.explanation.contains(QLatin1String("tag:blocked")));
    }

    void globalWhenNothingElse()
    {
        Topology t = sample();
        t.policy(QStringLiteral("global"))->enableXmppAccess = true;
        const EffectivePolicy p = effectivePolicy(t, QStringLiteral("carol@contoso.test"));
        QCOMPARE(int(p.source), int(PolicyScope::Global));
        QVERIFY(p.policy.enableXmppAccess);
        // An unknown user gets the global policy too.
        QCOMPARE(int(effectivePolicy(t, QStringLiteral("nobody@contoso.test")).source),
                 int(PolicyScope::Global));
    }

    void grantedButMissingFallsBackAndSaysSo()
    {
        Topology t = sample();
        t.user(QStringLiteral("carol@contoso.test"))->grantedPolicy = QStringLiteral("gone");
        const EffectivePolicy p = effectivePolicy(t, QStringLiteral("carol@contoso.test"));
        QCOMPARE(int(p.source), int(PolicyScope::Global));
        QVERIFY(p.explanation.contains(QLatin1String("does not exist")));
    }

    void resetGlobalRestoresDefaultsAndKeepsIt()
    {
        Topology t = sample();
        ExternalAccessPolicy *g = t.policy(QStringLiteral("global"));
        g->enableXmppAccess = true;
        g->enableFederationAccess = true;
        g->description = QStringLiteral("changed");
        resetGlobalPolicy(t);
        g = t.policy(QStringLiteral("global"));
        QVERIFY(g);
        QCOMPARE(*g, ExternalAccessPolicy{});
        // Resetting when the global policy is absent recreates it.
        t.policies.clear();
        resetGlobalPolicy(t);
        QVERIFY(t.policy(QStringLiteral("global")));
    }
};

QTEST_GUILESS_MAIN(TstExternalAccess)
#include "tst_externalaccess.moc"
