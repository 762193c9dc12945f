// Topology diff: changes keyed by identity (sites by name, pools by FQDN,
// partners by domain, policies by identity, users by address), string lists
// compared as sets, the secret never shown.
#include "support/TestPaths.h"
#include "topology/TopologyDiff.h"
#include "topology/TopologyDocument.h"

#include <QtTest>

using namespace fedgate;
using namespace fedgate::topology;

class TestTopologyDiff : public QObject
{
    Q_OBJECT

private:
    Topology m_base;

    static Change change(Change::Kind kind, const QString &path, const QString &oldValue,
                         const QString &newValue)
    {
        return Change{kind, path, oldValue, newValue};
    }

private slots:
    void initTestCase()
    {
        Result<Topology> t = TopologyDocument::readFile(fedgate::test::exampleTopologyPath());
        QVERIFY2(t, qPrintable(t ? QString() : t.error().toString()));
        m_base = t.value();
        QVERIFY(m_base.sites.size() >= 2);
        QVERIFY(m_base.partners.size() >= 2);
    }

    void identicalTopologiesHaveNoChanges()
    {
        QVERIFY(diff(m_base, m_base).isEmpty());
        QCOMPARE(summarizeDiff({}), QStringLiteral("no changes"));
        QCOMPARE(formatDiff({}), QString());
    }

    void modifiedFieldIsPathedByIdentity()
    {
        Topology to = m_base;
        XmppPartner &p = to.partners[1];
        const Negotiation old = p.tls;
        p.tls = old == Negotiation::Required ? Negotiation::Optional : Negotiation::Required;
        const QList<Change> changes = diff(m_base, to);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0], change(Change::Kind::Modified,
                                    QStringLiteral("partners/%1/tlsNegotiation").arg(p.domain),
                                    QStringLiteral("\"%1\"").arg(toString(old)),
                                    QStringLiteral("\"%1\"").arg(toString(p.tls))));
        QCOMPARE(formatDiff(changes),
                 QStringLiteral("~ partners/%1/tlsNegotiation: \"%2\" -> \"%3\"\n")
                     .arg(p.domain, toString(old), toString(p.tls)));
    }

    void nestedPoolFieldsUseSiteNameAndPoolFqdn()
    {
        Topology to = m_base;
        EdgePool &pool = to.sites[1].edgePools[0];
        pool.xmppPort = 5299;
        const QList<Change> changes = diff(m_base, to);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].path,
                 QStringLiteral("sites/%1/edgePools/%2/xmppPort").arg(to.sites[1].name, pool.fqdn));
        QCOMPARE(changes[0].oldValue, QString::number(m_base.sites[1].edgePools[0].xmppPort));
        QCOMPARE(changes[0].newValue, QStringLiteral("5299"));
    }

    void addedAndRemovedObjectsAreOneChangeEach()
    {
        Topology to = m_base;
        const XmppPartner removed = to.partners.takeFirst();
        User bob;
        bob.xmppAddress = QStringLiteral("zed.new@contoso.test");
        bob.displayName = QStringLiteral("Zed");
        bob.site = to.sites[0].name;
        to.users.append(bob);

        const QList<Change> changes = diff(m_base, to);
        QCOMPARE(changes.size(), 2);
        QVERIFY(changes[0].kind == Change::Kind::Removed);
        QCOMPARE(changes[0].path, QStringLiteral("partners/") + removed.domain);
        QVERIFY(changes[0].oldValue.contains(removed.domain));
        QVERIFY(changes[0].newValue.isEmpty());
        QVERIFY(changes[1].kind == Change::Kind::Added);
        QCOMPARE(changes[1].path, QStringLiteral("users/zed.new@contoso.test"));
        QVERIFY(changes[1].newValue.contains(QLatin1String("\"displayName\":\"Zed\"")));

        // And back: the mirror image.
        const QList<Change> back = diff(to, m_base);
        QCOMPARE(back.size(), 2);
        QVERIFY(back[0].kind == Change::Kind::Added);
        QCOMPARE(back[0].path, QStringLiteral("partners/") + removed.domain);
        QVERIFY(back[1].kind == Change::Kind::Removed);

        const QString summary = summarizeDiff(changes);
        QCOMPARE(summary, QStringLiteral("2 changes: - partners/%1, + users/zed.new@contoso.test")
                              .arg(removed.domain));
    }

    void stringListsAreSets()
    {
        Topology to = m_base;
        QStringList &domains = to.organisation.xmppDomains;
        domains << QStringLiteral("chat.contoso.test");
        std::reverse(domains.begin(), domains.end());
        QList<Change> changes = diff(m_base, to);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0], change(Change::Kind::Added,
                                    QStringLiteral("organisation/xmppDomains/chat.contoso.test"),
                                    QString(), QStringLiteral("\"chat.contoso.test\"")));

        // Reordering alone is no change.
        Topology reordered = m_base;
        std::reverse(reordered.sites[0].frontEndPools[0].members.begin(),
                     reordered.sites[0].frontEndPools[0].members.end());
        QVERIFY(diff(m_base, reordered).isEmpty());
    }

    void siteOrderIsAChange()
    {
        // The order of the sites gives the SRV priorities of their routes.
        Topology to = m_base;
        to.sites.swapItemsAt(0, 1);
        const QList<Change> changes = diff(m_base, to);
        QCOMPARE(changes.size(), 1);
        QVERIFY(changes[0].kind == Change::Kind::Modified);
        QCOMPARE(changes[0].path, QStringLiteral("sites"));
        QCOMPARE(changes[0].oldValue,
                 QStringLiteral("[\"%1\",\"%2\"]").arg(m_base.sites[0].name, m_base.sites[1].name));
    }

    void secretIsNeverShown()
    {
        Topology from = m_base;
        from.gateway.dialbackSecret = QString(64, QLatin1Char('a'));
        Topology to = m_base;
        to.gateway.dialbackSecret = QString(64, QLatin1Char('b'));
        const QList<Change> changes = diff(from, to);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].path, QStringLiteral("gateway/dialbackSecret"));
        QVERIFY(!formatDiff(changes).contains(QLatin1String("aaaa")));
        QVERIFY(!formatDiff(changes).contains(QLatin1String("bbbb")));
    }

    void summaryIsBounded()
    {
        Topology to = m_base;
        to.organisation.name = QStringLiteral("X");
        to.gateway.connectionLimit = 5;
        to.gateway.keepAliveInterval = 10;
        to.gateway.streamInactivityTimeout = 20;
        to.gateway.enableLoggingAllMessageBodies = !to.gateway.enableLoggingAllMessageBodies;
        const QList<Change> changes = diff(m_base, to);
        QCOMPARE(changes.size(), 5);
        const QString summary = summarizeDiff(changes, 3);
        QVERIFY2(summary.startsWith(QLatin1String("5 changes: ")), qPrintable(summary));
        QVERIFY2(summary.endsWith(QLatin1String(" and 2 more")), qPrintable(summary));
    }
};

QTEST_GUILESS_MAIN(TestTopologyDiff)
#include "tst_topologydiff.moc"
