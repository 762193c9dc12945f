// The object verbs of fedgatectl (site, edge-pool, route, partner, policy,
// user), run as a user would run them, with --json parsed. Each refusal is
// checked to leave the draft unchanged.
#include "support/Fedgatectl.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using fedgate::test::CliResult;

class TstFedgatectlObjects : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    CliResult run(QStringList args)
    {
        args << QStringLiteral("--json");
        return fedgate::test::runFedgatectl(args, m_dir.path());
    }
    CliResult ok(const QStringList &args)
    {
        CliResult r = run(args);
        if (r.exitCode != 0)
            qWarning().noquote() << args.join(QLatin1Char(' ')) << r.text();
        return r;
    }
    QJsonArray list(const QString &noun)
    {
        return run({noun, QStringLiteral("list")}).json().toArray();
    }
    QStringList names(const QJsonArray &items, const QString &key)
    {
        QStringList out;
        for (const QJsonValue &v : items)
            out << v.toObject().value(key).toString();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const CliResult r = ok({QStringLiteral("topology"), QStringLiteral("new"),
                                QStringLiteral("--org"), QStringLiteral("Contoso"),
                                QStringLiteral("--sip-domain"), QStringLiteral("contoso.test"),
                                QStringLiteral("--xmpp-domain"), QStringLiteral("contoso.test")});
        QCOMPARE(r.exitCode, 0);
    }

    void objectVerbsNeedATopology()
    {
        QTemporaryDir empty;
        const CliResult r = fedgate::test::runFedgatectl(
            {QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("X")}, empty.path());
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("topology new"));
    }

    void sites()
    {
        CliResult r = ok({QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("Paris")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.object()[QStringLiteral("site")][QStringLiteral("name")].toString(),
                 QStringLiteral("Paris"));
        QCOMPARE(ok({QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("Lyon"),
                     QStringLiteral("--description"), QStringLiteral("branch")})
                     .exitCode,
                 0);
        // Duplicate names are refused.
        r = run({QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("paris")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.object()[QStringLiteral("error")].toString().contains(
            QLatin1String("already exists")));
        // Rename.
        r = ok({QStringLiteral("site"), QStringLiteral("set"), QStringLiteral("Lyon"),
                QStringLiteral("--name"), QStringLiteral("Montreal")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(names(list(QStringLiteral("site")), QStringLiteral("name")),
                 (QStringList{QStringLiteral("Paris"), QStringLiteral("Montreal")}));
        QCOMPARE(
            list(QStringLiteral("site"))[1].toObject()[QStringLiteral("description")].toString(),
            QStringLiteral("branch"));
        // Add and remove a third one.
        QCOMPARE(
            ok({QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("Temp")}).exitCode,
            0);
        QCOMPARE(
            ok({QStringLiteral("site"), QStringLiteral("remove"), QStringLiteral("Temp")}).exitCode,
            0);
        QCOMPARE(list(QStringLiteral("site")).size(), 2);
        r = run({QStringLiteral("site"), QStringLiteral("remove"), QStringLiteral("Nowhere")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.object()[QStringLiteral("error")].toString().contains(
            QLatin1String("no site named Nowhere")));
    }

    void edgePools()
    {
        CliResult r = ok({QStringLiteral("edge-pool"), QStringLiteral("add"),
                          QStringLiteral("edge-paris.contoso.test"), QStringLiteral("--site"),
                          QStringLiteral("Paris"), QStringLiteral("--external-fqdn"),
                          QStringLiteral("xmpp.contoso.test"), QStringLiteral("--xmpp-federation"),
                          QStringLiteral("true"), QStringLiteral("--member"),
                          QStringLiteral("internal=edge-paris.contoso.test,internal-ip=10.0.0.1,"
                                         "external=xmpp.contoso.test,external-ip=192.0.2.1")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject pool = r.object()[QStringLiteral("edgePool")].toObject();
        QVERIFY(pool[QStringLiteral("xmppFederation")].toBool());
        QCOMPARE(pool[QStringLiteral("xmppPort")].toInt(), 5269);
        QCOMPARE(pool[QStringLiteral("members")].toArray().size(), 1);
        QCOMPARE(pool[QStringLiteral("members")][0][QStringLiteral("externalIPv4")].toString(),
                 QStringLiteral("192.0.2.1"));

        // A second pool without XMPP, in Montreal.
        QCOMPARE(ok({QStringLiteral("edge-pool"), QStringLiteral("add"),
                     QStringLiteral("edge-mtl.contoso.test"), QStringLiteral("--site"),
                     QStringLiteral("Montreal"), QStringLiteral("--external-fqdn"),
                     QStringLiteral("xmpp2.contoso.test"), QStringLiteral("--member"),
                     QStringLiteral("internal=edge-mtl.contoso.test,internal-ip=10.0.1.1,"
                                    "external=xmpp2.contoso.test,external-ip=198.51.100.1")})
                     .exitCode,
                 0);

        // Bad input: an invalid FQDN is refused and nothing is added.
        r = run({QStringLiteral("edge-pool"), QStringLiteral("add"),
                 QStringLiteral("bad_name.contoso.test"), QStringLiteral("--site"),
                 QStringLiteral("Paris"), QStringLiteral("--member"),
                 QStringLiteral("internal=bad_name.contoso.test,internal-ip=10.0.0.9")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.object()[QStringLiteral("error")].toString().contains(
            QLatin1String("bad_name.contoso.test")));
        r = run({QStringLiteral("edge-pool"), QStringLiteral("add"),
                 QStringLiteral("e.contoso.test"), QStringLiteral("--site"),
                 QStringLiteral("Paris"), QStringLiteral("--member"),
                 QStringLiteral("internal=e.contoso.test,colour=blue")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(
            r.object()[QStringLiteral("error")].toString().contains(QLatin1String("colour=blue")));
        r = run({QStringLiteral("edge-pool"), QStringLiteral("add"),
                 QStringLiteral("e.contoso.test"), QStringLiteral("--site"),
                 QStringLiteral("Paris"), QStringLiteral("--xmpp-port"), QStringLiteral("70000")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(list(QStringLiteral("edge-pool")).size(), 2);

        // set: a duplicate IP is refused; a port change is kept.
        r = run({QStringLiteral("edge-pool"), QStringLiteral("set"),
                 QStringLiteral("edge-mtl.contoso.test"), QStringLiteral("--member"),
                 QStringLiteral("internal=edge-mtl.contoso.test,internal-ip=10.0.0.1")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.object()[QStringLiteral("error")].toString().contains(QLatin1String("10.0.0.1")));
        r = ok({QStringLiteral("edge-pool"), QStringLiteral("set"),
                QStringLiteral("edge-mtl.contoso.test"), QStringLiteral("--internal-port"),
                QStringLiteral("23457")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.object()[QStringLiteral("edgePool")][QStringLiteral("internalPort")].toInt(),
                 23457);
        QCOMPARE(r.object()[QStringLiteral("edgePool")][QStringLiteral("members")][0]
                           [QStringLiteral("internalIPv4")]
                               .toString(),
                 QStringLiteral("10.0.1.1"));
    }

    void routes()
    {
        // The Montreal pool has no XMPP federation: the route is refused.
        CliResult r = run({QStringLiteral("route"), QStringLiteral("set"),
                           QStringLiteral("Montreal"), QStringLiteral("edge-mtl.contoso.test")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.object()[QStringLiteral("error")].toString().contains(
            QLatin1String("Enable XMPP federation")));
        QVERIFY(list(QStringLiteral("route"))[1]
                    .toObject()[QStringLiteral("xmppFederationRoute")]
                    .isNull());

        r = ok({QStringLiteral("route"), QStringLiteral("set"), QStringLiteral("Paris"),
                QStringLiteral("edge-paris.contoso.test")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(ok({QStringLiteral("edge-pool"), QStringLiteral("set"),
                     QStringLiteral("edge-mtl.contoso.test"), QStringLiteral("--xmpp-federation"),
                     QStringLiteral("yes")})
                     .exitCode,
                 0);
        QCOMPARE(ok({QStringLiteral("route"), QStringLiteral("set"), QStringLiteral("Montreal"),
                     QStringLiteral("edge-mtl.contoso.test")})
                     .exitCode,
                 0);
        const QJsonArray routes = list(QStringLiteral("route"));
        QCOMPARE(routes[0].toObject()[QStringLiteral("xmppFederationRoute")].toString(),
                 QStringLiteral("edge-paris.contoso.test"));
        QCOMPARE(routes[1].toObject()[QStringLiteral("xmppFederationRoute")].toString(),
                 QStringLiteral("edge-mtl.contoso.test"));
        r = run({QStringLiteral("route"), QStringLiteral("set"), QStringLiteral("Paris"),
                 QStringLiteral("edge-nowhere.contoso.test")});
        QCOMPARE(r.exitCode, 1);
    }

    void partners()
    {
        CliResult r =
            ok({QStringLiteral("partner"), QStringLiteral("add"), QStringLiteral("fabrikam.test"),
                QStringLiteral("--partner-type"), QStringLiteral("Federated"),
                QStringLiteral("--tls-negotiation"), QStringLiteral("Required"),
                QStringLiteral("--sasl-negotiation"), QStringLiteral("Required"),
                QStringLiteral("--dialback"), QStringLiteral("false"),
                QStringLiteral("--description"), QStringLiteral("Fabrikam"),
                QStringLiteral("--connection-limit"), QStringLiteral("5")});
        QCOMPARE(r.exitCode, 0);
        QJsonObject p = r.object()[QStringLiteral("partner")].toObject();
        QCOMPARE(p[QStringLiteral("partnerType")].toString(), QStringLiteral("Federated"));
        QCOMPARE(p[QStringLiteral("connectionLimit")].toInt(), 5);
        QCOMPARE(p[QStringLiteral("negotiation")][QStringLiteral("row")].toInt(), 2);
        QCOMPARE(p[QStringLiteral("negotiation")][QStringLiteral("methods")].toArray(),
                 QJsonArray{QStringLiteral("SASL EXTERNAL over TLS")});

        // Defaults are the cmdlet's: PublicUnverified, TLS and SASL Required, dialback on.
        r = ok({QStringLiteral("partner"), QStringLiteral("add"), QStringLiteral("Provider.test")});
        p = r.object()[QStringLiteral("partner")].toObject();
        QCOMPARE(p[QStringLiteral("domain")].toString(), QStringLiteral("provider.test"));
        QCOMPARE(p[QStringLiteral("partnerType")].toString(), QStringLiteral("PublicUnverified"));
        QCOMPARE(p[QStringLiteral("negotiation")][QStringLiteral("row")].toInt(), 1);
        QVERIFY(p[QStringLiteral("keepAlive")].toBool());

        // The negotiation matrix is applied on save: row 5 is refused, nothing saved.
        r = run({QStringLiteral("partner"), QStringLiteral("add"), QStringLiteral("bad.test"),
                 QStringLiteral("--tls-negotiation"), QStringLiteral("NotSupported"),
                 QStringLiteral("--sasl-negotiation"), QStringLiteral("Required")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.object()[QStringLiteral("error")].toString().contains(
            QLatin1String("SASL negotiation needs TLS")));
        QVERIFY(!names(list(QStringLiteral("partner")), QStringLiteral("domain"))
                     .contains(QStringLiteral("bad.test")));
        r = run({QStringLiteral("partner"), QStringLiteral("set"), QStringLiteral("provider.test"),
                 QStringLiteral("--sasl-negotiation"), QStringLiteral("NotSupported"),
                 QStringLiteral("--dialback"), QStringLiteral("false")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.object()[QStringLiteral("error")].toString().contains(
            QLatin1String("SASL or dialback must be enabled")));
        QCOMPARE(list(QStringLiteral("partner"))[1]
                     .toObject()[QStringLiteral("saslNegotiation")]
                     .toString(),
                 QStringLiteral("Required"));

        // A warning row is saved with its warning.
        r = ok({QStringLiteral("partner"), QStringLiteral("set"), QStringLiteral("provider.test"),
                QStringLiteral("--tls-negotiation"), QStringLiteral("Optional")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.object()[QStringLiteral("partner")][QStringLiteral("negotiation")]
                          [QStringLiteral("warning")]
                              .toBool());
        const CliResult human = fedgate::test::runFedgatectl(
            {QStringLiteral("partner"), QStringLiteral("set"), QStringLiteral("provider.test"),
             QStringLiteral("--keep-alive"), QStringLiteral("false")},
            m_dir.path());
        QCOMPARE(human.exitCode, 0);
        QVERIFY2(human.out.contains("Note: TLS is only Optional"), human.out.constData());

        // DANE (issue 13): off by default, on|off, anything else refused.
        QVERIFY(!list(QStringLiteral("partner"))[0].toObject()[QStringLiteral("dane")].toBool());
        r = ok({QStringLiteral("partner"), QStringLiteral("set"), QStringLiteral("fabrikam.test"),
                QStringLiteral("--dane"), QStringLiteral("on")});
        QVERIFY(r.object()[QStringLiteral("partner")][QStringLiteral("dane")].toBool());
        r = run({QStringLiteral("partner"), QStringLiteral("set"), QStringLiteral("fabrikam.test"),
                 QStringLiteral("--dane"), QStringLiteral("maybe")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.object()[QStringLiteral("error")].toString().contains(QLatin1String("--dane")));
        QVERIFY(list(QStringLiteral("partner"))[0].toObject()[QStringLiteral("dane")].toBool());
        r = ok({QStringLiteral("partner"), QStringLiteral("set"), QStringLiteral("fabrikam.test"),
                QStringLiteral("--dane"), QStringLiteral("off")});
        QVERIFY(!r.object()[QStringLiteral("partner")][QStringLiteral("dane")].toBool());

        // Additional domains: replace, add, remove.
        QCOMPARE(ok({QStringLiteral("partner"), QStringLiteral("set"),
                     QStringLiteral("fabrikam.test"), QStringLiteral("--additional-domains"),
                     QStringLiteral("a.fabrikam.test,b.fabrikam.test")})
                     .exitCode,
                 0);
        r = ok({QStringLiteral("partner"), QStringLiteral("set"), QStringLiteral("fabrikam.test"),
                QStringLiteral("--additional-domains"),
                QStringLiteral("+c.fabrikam.test,-a.fabrikam.test")});
        QCOMPARE(
            r.object()[QStringLiteral("partner")][QStringLiteral("additionalDomains")].toArray(),
            (QJsonArray{QStringLiteral("b.fabrikam.test"), QStringLiteral("c.fabrikam.test")}));
        // A domain of ours, or one under another partner, is refused.
        r = run({QStringLiteral("partner"), QStringLiteral("set"), QStringLiteral("provider.test"),
                 QStringLiteral("--additional-domains"), QStringLiteral("+b.fabrikam.test")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.object()[QStringLiteral("error")].toString().contains(
            QLatin1String("b.fabrikam.test")));
        r = run({QStringLiteral("partner"), QStringLiteral("add"), QStringLiteral("contoso.test")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.object()[QStringLiteral("error")].toString().contains(
            QLatin1String("your own domains")));
        r = run({QStringLiteral("partner"), QStringLiteral("add"), QStringLiteral("x.test"),
                 QStringLiteral("--partner-type"), QStringLiteral("Friendly")});
        QCOMPARE(r.exitCode, 1);

        QCOMPARE(ok({QStringLiteral("partner"), QStringLiteral("remove"),
                     QStringLiteral("provider.test")})
                     .exitCode,
                 0);
        QCOMPARE(names(list(QStringLiteral("partner")), QStringLiteral("domain")),
                 QStringList{QStringLiteral("fabrikam.test")});
    }

    void policiesAndUsers()
    {
        QCOMPARE(ok({QStringLiteral("policy"), QStringLiteral("new"), QStringLiteral("site:Paris"),
                     QStringLiteral("--enable-xmpp-access"), QStringLiteral("true"),
                     QStringLiteral("--enable-federation-access"), QStringLiteral("true")})
                     .exitCode,
                 0);
        QCOMPARE(ok({QStringLiteral("policy"), QStringLiteral("new"), QStringLiteral("vip"),
                     QStringLiteral("--enable-outside-access"), QStringLiteral("true")})
                     .exitCode,
                 0);
        // A policy for a site that does not exist is refused.
        CliResult r =
            run({QStringLiteral("policy"), QStringLiteral("new"), QStringLiteral("site:Tokyo")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.object()[QStringLiteral("error")].toString().contains(QLatin1String("Tokyo")));
        r = run({QStringLiteral("policy"), QStringLiteral("new"), QStringLiteral("global")});
        QCOMPARE(r.exitCode, 1);

        r = ok({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("alice@contoso.test"),
                QStringLiteral("--display-name"), QStringLiteral("Alice"), QStringLiteral("--site"),
                QStringLiteral("Paris")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.object()[QStringLiteral("user")][QStringLiteral("effectivePolicy")].toString(),
                 QStringLiteral("site:Paris"));
        QVERIFY(r.object()[QStringLiteral("user")][QStringLiteral("mayFederateOverXmpp")].toBool());
        r = run(
            {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("mallory@evil.test")});
        QCOMPARE(r.exitCode, 1);

        // Grant: user policy beats site policy.
        r = ok({QStringLiteral("policy"), QStringLiteral("grant"),
                QStringLiteral("alice@contoso.test"), QStringLiteral("tag:vip")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.object()[QStringLiteral("effectivePolicy")].toString(),
                 QStringLiteral("tag:vip"));
        QJsonObject alice = list(QStringLiteral("user"))[0].toObject();
        QCOMPARE(alice[QStringLiteral("effectivePolicySource")].toString(), QStringLiteral("User"));
        QVERIFY(!alice[QStringLiteral("mayFederateOverXmpp")].toBool());
        r = run({QStringLiteral("policy"), QStringLiteral("grant"),
                 QStringLiteral("alice@contoso.test"), QStringLiteral("nosuch")});
        QCOMPARE(r.exitCode, 1);

        // A granted policy is not removed without --force; with it, the grant goes too.
        r = run({QStringLiteral("policy"), QStringLiteral("remove"), QStringLiteral("tag:vip")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.object()[QStringLiteral("error")].toString().contains(
            QLatin1String("alice@contoso.test")));
        r = ok({QStringLiteral("policy"), QStringLiteral("remove"), QStringLiteral("tag:vip"),
                QStringLiteral("--force")});
        QCOMPARE(r.exitCode, 0);
        alice = list(QStringLiteral("user"))[0].toObject();
        QCOMPARE(alice[QStringLiteral("effectivePolicy")].toString(), QStringLiteral("site:Paris"));

        // The global policy is reset, never deleted.
        QCOMPARE(ok({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("global"),
                     QStringLiteral("--enable-xmpp-access"), QStringLiteral("true")})
                     .exitCode,
                 0);
        QCOMPARE(ok({QStringLiteral("policy"), QStringLiteral("remove"), QStringLiteral("global")})
                     .exitCode,
                 0);
        const QJsonArray policies = list(QStringLiteral("policy"));
        QCOMPARE(names(policies, QStringLiteral("identity")),
                 (QStringList{QStringLiteral("global"), QStringLiteral("site:Paris")}));
        QVERIFY(!policies[0].toObject()[QStringLiteral("enableXmppAccess")].toBool());

        QCOMPARE(
            ok({QStringLiteral("user"), QStringLiteral("set"), QStringLiteral("alice@contoso.test"),
                QStringLiteral("--site"), QStringLiteral("Montreal")})
                .exitCode,
            0);
        alice = list(QStringLiteral("user"))[0].toObject();
        QCOMPARE(alice[QStringLiteral("effectivePolicy")].toString(), QStringLiteral("global"));
        QCOMPARE(
            ok({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("bob@contoso.test")})
                .exitCode,
            0);
        QCOMPARE(ok({QStringLiteral("user"), QStringLiteral("remove"),
                     QStringLiteral("bob@contoso.test")})
                     .exitCode,
                 0);
        QCOMPARE(list(QStringLiteral("user")).size(), 1);
    }

    void publishTheEditedDraft()
    {
        const CliResult r = ok({QStringLiteral("topology"), QStringLiteral("publish")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
        QCOMPARE(r.object()[QStringLiteral("version")].toInt(), 1);
    }

    void usageAndStoreErrors()
    {
        CliResult r = run({QStringLiteral("site"), QStringLiteral("fly")});
        QCOMPARE(r.exitCode, 1);
        r = run({QStringLiteral("site"), QStringLiteral("add")});
        QCOMPARE(r.exitCode, 1);
        r = run({QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("X"),
                 QStringLiteral("--store"),
                 QStringLiteral("postgresql://nobody:x@127.0.0.1:1/none")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.object()[QStringLiteral("error")].toString().isEmpty());
        r = fedgate::test::runFedgatectl(
            {QStringLiteral("partner"), QStringLiteral("add"), QStringLiteral("--help")},
            m_dir.path());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("--tls-negotiation"));
    }
};

QTEST_GUILESS_MAIN(TstFedgatectlObjects)
#include "tst_fedgatectl_objects.moc"
