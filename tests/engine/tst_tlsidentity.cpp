#include "engine/dialback/DialbackKey.h"
#include "engine/tls/CertificateChainVerifier.h"
#include "engine/tls/ServerIdentityVerifier.h"
#include "support/TestCa.h"

#include <QFile>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

using namespace fedgate::engine;
using fedgate::test::TestCa;

namespace {
QByteArray derOf(const QString &pemPath)
{
    const auto certs = QSslCertificate::fromPath(pemPath);
    return certs.isEmpty() ? QByteArray() : certs.first().toDer();
}
} // namespace

class TestTlsIdentity : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    TestCa m_ca;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_ca.create(m_dir.path(), QStringLiteral("Test CA"), &error), qPrintable(error));
    }

    void dnsNamesAndWildcards()
    {
        QString error;
        const auto leaf =
            m_ca.issue(QStringLiteral("dns"), QStringLiteral("ignored.test"),
                       {QStringLiteral("example.test"), QStringLiteral("*.wild.test")}, {}, &error);
        QVERIFY2(leaf, qPrintable(error));
        const QByteArray der = derOf(leaf->certificatePath);
        QVERIFY(!der.isEmpty());
        QVERIFY(
            ServerIdentityVerifier::certificateNamesDomain(der, QStringLiteral("example.test")));
        QVERIFY(
            ServerIdentityVerifier::certificateNamesDomain(der, QStringLiteral("EXAMPLE.test.")));
        QVERIFY(ServerIdentityVerifier::certificateNamesDomain(der, QStringLiteral("a.wild.test")));
        QVERIFY(!ServerIdentityVerifier::certificateNamesDomain(der, QStringLiteral("wild.test")));
        QVERIFY(
            !ServerIdentityVerifier::certificateNamesDomain(der, QStringLiteral("a.b.wild.test")));
        QVERIFY(!ServerIdentityVerifier::certificateNamesDomain(der, QStringLiteral("other.test")));
        // CN is never used when there is a SAN.
        QVERIFY(
            !ServerIdentityVerifier::certificateNamesDomain(der, QStringLiteral("ignored.test")));
        QVERIFY(ServerIdentityVerifier::presentedIdentities(der).contains(
            QStringLiteral("DNS:*.wild.test")));
    }

    void wildcardRules()
    {
        QVERIFY(!ServerIdentityVerifier::dnsNameMatches(QStringLiteral("*.test"),
                                                        QStringLiteral("a.test")));
        QVERIFY(!ServerIdentityVerifier::dnsNameMatches(QStringLiteral("a*.x.test"),
                                                        QStringLiteral("ab.x.test")));
        QVERIFY(ServerIdentityVerifier::dnsNameMatches(QStringLiteral("*.x.test"),
                                                       QStringLiteral("Ab.X.test")));
    }

    void srvIdAndXmppAddr()
    {
        QString error;
        const auto leaf = m_ca.issue(
            QStringLiteral("othernames"), QStringLiteral("cn.test"), {},
            {QStringLiteral("otherName:1.3.6.1.5.5.7.8.7;IA5STRING:_xmpp-server.srv.test"),
             QStringLiteral("otherName:1.3.6.1.5.5.7.8.5;UTF8:xmpp.test")},
            &error);
        QVERIFY2(leaf, qPrintable(error));
        const QByteArray der = derOf(leaf->certificatePath);
        QVERIFY(ServerIdentityVerifier::certificateNamesDomain(der, QStringLiteral("srv.test")));
        QVERIFY(ServerIdentityVerifier::certificateNamesDomain(der, QStringLiteral("xmpp.test")));
        QVERIFY(!ServerIdentityVerifier::certificateNamesDomain(der, QStringLiteral("cn.test")));
    }

    void commonNameOnlyWithoutSan()
    {
        QString error;
        const auto leaf =
            m_ca.issue(QStringLiteral("cnonly"), QStringLiteral("cn-only.test"), {}, {}, &error);
        QVERIFY2(leaf, qPrintable(error));
        const QByteArray der = derOf(leaf->certificatePath);
        QVERIFY(
            ServerIdentityVerifier::certificateNamesDomain(der, QStringLiteral("cn-only.test")));
        QVERIFY(!ServerIdentityVerifier::certificateNamesDomain(der, QStringLiteral("x.test")));
    }

    void chainStatus()
    {
        QString error;
        const auto good = m_ca.issue(QStringLiteral("good"), QStringLiteral("good.test"),
                                     {QStringLiteral("good.test")}, {}, &error);
        QVERIFY2(good, qPrintable(error));
        const auto self =
            TestCa::selfSigned(m_dir.path(), QStringLiteral("self"), QStringLiteral("self.test"),
                               {QStringLiteral("self.test")}, &error);
        QVERIFY2(self, qPrintable(error));
        QTemporaryDir otherDir;
        TestCa other;
        QVERIFY(other.create(otherDir.path(), QStringLiteral("Other CA"), &error));
        const auto foreign = other.issue(QStringLiteral("foreign"), QStringLiteral("f.test"),
                                         {QStringLiteral("f.test")}, {}, &error);
        QVERIFY2(foreign, qPrintable(error));

        CertificateChainVerifier verifier;
        QVERIFY(verifier.addCaFile(m_ca.certificatePath(), &error));
        QCOMPARE(toString(verifier.verify({derOf(good->certificatePath)})),
                 toString(CertificateStatus::Valid));
        QCOMPARE(toString(verifier.verify({derOf(self->certificatePath)})),
                 toString(CertificateStatus::SelfSigned));
        QCOMPARE(toString(verifier.verify({derOf(foreign->certificatePath)})),
                 toString(CertificateStatus::Untrusted));
        QCOMPARE(toString(verifier.verify({})), toString(CertificateStatus::None));
        QVERIFY(!verifier.addCaFile(m_dir.path() + QStringLiteral("/missing.pem"), &error));
        QVERIFY(error.contains(QStringLiteral("missing.pem")));
        QCOMPARE(toString(CertificateStatus::SelfSigned), QStringLiteral("self-signed"));
    }

    void dialbackKeys()
    {
        // Vector from XEP-0185's secret and names, computed independently
        // with Python's hmac module.
        const QByteArray secret("s3cr3tf0rd14lb4ck");
        const QString key =
            DialbackKey::generate(secret, QStringLiteral("example.org"),
                                  QStringLiteral("example.com"), QStringLiteral("D60000229F"));
        QCOMPARE(key, QStringLiteral(
                          "28689a642f96dd0cdac4b72a0cd805bbbd6a9b46f44064a6c52e43239d19954d"));
        QVERIFY(DialbackKey::verify(secret, QStringLiteral("example.org"),
                                    QStringLiteral("example.com"), QStringLiteral("D60000229F"),
                                    key));
        QVERIFY(!DialbackKey::verify(secret, QStringLiteral("example.org"),
                                     QStringLiteral("example.com"), QStringLiteral("OTHERID"),
                                     key));
        QVERIFY(!DialbackKey::verify("other", QStringLiteral("example.org"),
                                     QStringLiteral("example.com"), QStringLiteral("D60000229F"),
                                     key));
    }
};

QTEST_GUILESS_MAIN(TestTlsIdentity)
#include "tst_tlsidentity.moc"
