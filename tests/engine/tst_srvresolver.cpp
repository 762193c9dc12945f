// SRV resolution against a real dnsmasq: _xmpps-server (direct TLS) and
// _xmpp-server records merged by priority then weight, "." meaning the
// service is not offered, and the A/AAAA fallback on 5269.
#include "engine/s2s/SrvResolver.h"
#include "support/DnsmasqServer.h"

#include <QTest>

using namespace fedgate::engine;
using fedgate::test::DnsmasqServer;

namespace {
const QHostAddress kDnsAddress(QStringLiteral("127.0.0.95"));
}

class TestSrvResolver : public QObject
{
    Q_OBJECT
private:
    DnsmasqServer m_dns{kDnsAddress};

    QList<ConnectTarget> resolve(SrvResolver &resolver, const QString &domain, QString *detail)
    {
        bool done = false;
        QList<ConnectTarget> result;
        resolver.resolve(domain, [&](const QList<ConnectTarget> &targets, const QString &d) {
            result = targets;
            *detail = d;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 10000))
            *detail = QStringLiteral("no answer within 10 s");
        return result;
    }

private slots:
    void initTestCase()
    {
        m_dns.addSrv(QStringLiteral("_xmpp-server._tcp.a.test"), QStringLiteral("s2.a.test"), 5269,
                     20, 0);
        m_dns.addSrv(QStringLiteral("_xmpp-server._tcp.a.test"), QStringLiteral("s1.a.test"), 5269,
                     10, 0);
        m_dns.addSrv(QStringLiteral("_xmpps-server._tcp.a.test"), QStringLiteral("tls.a.test"),
                     5270, 5, 0);
        m_dns.addHost(QStringLiteral("s1.a.test"), QStringLiteral("127.0.0.21"));
        m_dns.addServiceDisabled(QStringLiteral("_xmpp-server._tcp.off.test"));
        QString error;
        QVERIFY2(m_dns.start(&error), qPrintable(error));
    }

    void mergedByPriority()
    {
        SrvResolver resolver({{QStringLiteral("s2.a.test"),
                               HostOverride{QHostAddress(QStringLiteral("127.0.0.22")), 0}}});
        resolver.setNameserver(kDnsAddress);
        QString detail;
        const auto targets = resolve(resolver, QStringLiteral("a.test"), &detail);
        QCOMPARE(targets.size(), 3);
        QCOMPARE(targets[0].host, QStringLiteral("tls.a.test"));
        QVERIFY(targets[0].directTls);
        QCOMPARE(targets[0].port, quint16(5270));
        QCOMPARE(targets[1].host, QStringLiteral("s1.a.test"));
        QVERIFY(!targets[1].directTls);
        QCOMPARE(targets[2].host, QStringLiteral("s2.a.test"));
        // A host override applies to an SRV target too.
        QCOMPARE(targets[2].address, QHostAddress(QStringLiteral("127.0.0.22")));
    }

    void noSrvFallsBackToTheDomain()
    {
        SrvResolver resolver({});
        resolver.setNameserver(kDnsAddress);
        QString detail;
        const auto targets = resolve(resolver, QStringLiteral("plain.test"), &detail);
        QCOMPARE(targets.size(), 1);
        QCOMPARE(targets[0].host, QStringLiteral("plain.test"));
        QCOMPARE(targets[0].port, quint16(5269));
        QVERIFY2(detail.contains(QStringLiteral("no SRV record")), qPrintable(detail));
    }

    void dotTargetMeansNotOffered()
    {
        SrvResolver resolver({});
        resolver.setNameserver(kDnsAddress);
        QString detail;
        const auto targets = resolve(resolver, QStringLiteral("off.test"), &detail);
        QVERIFY2(targets.isEmpty(), qPrintable(detail));
        QVERIFY(detail.contains(QStringLiteral("service disabled")));
    }

    void hostOverrideSkipsDns()
    {
        SrvResolver resolver({{QStringLiteral("a.test"),
                               HostOverride{QHostAddress(QStringLiteral("127.0.0.2")), 5999}}});
        QString detail;
        const auto targets = resolve(resolver, QStringLiteral("A.test"), &detail);
        QCOMPARE(targets.size(), 1);
        QCOMPARE(targets[0].port, quint16(5999));
        QCOMPARE(targets[0].address, QHostAddress(QStringLiteral("127.0.0.2")));
    }
};

QTEST_GUILESS_MAIN(TestSrvResolver)
#include "tst_srvresolver.moc"
