// SIGHUP reloads the certificate files too (issue 11 item 9): fedgated
// --role all serves the external edge certificate on 127.0.0.17:5269
// (STARTTLS, xmpp-server), the edge's link certificate on 127.0.0.18:23456
// (direct TLS) and the gateway certificate on 127.0.0.19:5222 (STARTTLS,
// xmpp). `openssl s_client` reads the serial each one serves; after new
// certificates are written to the same files and SIGHUP, new connections
// get the new serials while a stream encrypted before the reload goes on
// with the old certificate; after a broken certificate file and a missing
// key, the previous certificates are still served and the log names the
// files and the fix. Montreal's edge pool (127.0.0.20) is down. The same
// through the key store: 'fedgatectl cert renew' and 'cert assign' of the
// renewed certificate, then SIGHUP (fedgated's edge alone on 127.0.0.56).
#include "support/Fedgatectl.h"
#include "support/PeerProcess.h"
#include "support/TestCa.h"
#include "support/TestPaths.h"
#include "topology/TopologyDocument.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace fedgate;
using namespace fedgate::test;

namespace {
const QString kExternal = QStringLiteral("127.0.0.17");
const QString kInternal = QStringLiteral("127.0.0.18");
const QString kClients = QStringLiteral("127.0.0.19");
const QString kNobody = QStringLiteral("127.0.0.20");
const QString kDomain = QStringLiteral("contoso.test");

bool copyOver(const QString &from, const QString &to)
{
    QFile::remove(to);
    return QFile::copy(from, to);
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(content) == content.size();
}

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QByteArray serialOf(const QString &pemPath)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(pemPath);
    return chain.isEmpty() ? QByteArray() : chain.first().serialNumber();
}
} // namespace

class TestCertReload : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestCa m_ca;
    PeerProcess m_fedgated;
    // The files fedgated was started with; the test rewrites them.
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // The serial of the certificate served at address:port, as a client
    // sees it: `openssl s_client` (STARTTLS `starttls` when not empty)
    // prints the server certificate, which is parsed here.
    QByteArray servedSerial(const QString &address, quint16 port, const QString &starttls,
                            QString *why)
    {
        QStringList args{QStringLiteral("s_client"), QStringLiteral("-connect"),
                         QStringLiteral("%1:%2").arg(address).arg(port)};
        if (!starttls.isEmpty())
            args << QStringLiteral("-starttls") << starttls << QStringLiteral("-xmpphost")
                 << kDomain;
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"), args);
        if (!openssl.waitForStarted(10000)) {
            *why = QStringLiteral("openssl does not start");
            return {};
        }
        openssl.closeWriteChannel(); // no input: it ends after the handshake
        if (!openssl.waitForFinished(30000))
            openssl.kill();
        const QByteArray out = openssl.readAllStandardOutput();
        const QList<QSslCertificate> served = QSslCertificate::fromData(out, QSsl::Pem);
        if (served.isEmpty()) {
            *why = QString::fromUtf8(out + openssl.readAllStandardError()).right(3000);
            return {};
        }
        return served.first().serialNumber();
    }

    // The three serials served now: external, internal link, gateway.
    QList<QByteArray> servedSerials()
    {
        QList<QByteArray> serials;
        for (const auto &[address, port, starttls] :
             {std::tuple{kExternal, quint16(5269), QStringLiteral("xmpp-server")},
              std::tuple{kInternal, quint16(23456), QString()},
              std::tuple{kClients, quint16(5222), QStringLiteral("xmpp")}}) {
            QString why;
            const QByteArray serial = servedSerial(address, port, starttls, &why);
            if (serial.isEmpty())
                qWarning("no certificate read from %s:%d: %s", qPrintable(address), port,
                         qPrintable(why));
            serials << serial;
        }
        return serials;
    }

    TestCa::Leaf issue(const QString &base, const QString &name)
    {
        QString error;
        const auto leaf = m_ca.issue(base, name, {name}, {}, &error);
        if (!leaf)
            qWarning("issue %s: %s", qPrintable(name), qPrintable(error));
        return leaf.value_or(TestCa::Leaf{});
    }

    // Copies fresh leaves into the files fedgated reads; their serials.
    QList<QByteArray> installLeaves(const QString &round)
    {
        QList<QByteArray> serials;
        for (const auto &[file, name] :
             {std::pair{QStringLiteral("external"), kDomain},
              std::pair{QStringLiteral("internal"), QStringLiteral("edge-paris.contoso.test")},
              std::pair{QStringLiteral("gateway"), QStringLiteral("fe-paris.contoso.test")}}) {
            const TestCa::Leaf leaf = issue(file + round, name);
            if (!copyOver(leaf.certificatePath, path(file + QStringLiteral(".pem"))) ||
                !copyOver(leaf.keyPath, path(file + QStringLiteral(".key"))))
                return {};
            serials << serialOf(leaf.certificatePath);
        }
        return serials;
    }

    QString log() const { return readFile(path(QStringLiteral("fedgated.log"))); }

    // Sends SIGHUP and waits (bounded) until the log has `count` lines
    // containing `marker`.
    bool reloadAndWaitFor(const QString &marker, int count)
    {
        if (::kill(pid_t(m_fedgated.pid()), SIGHUP) != 0)
            return false;
        return QTest::qWaitFor([&] { return log().count(marker) >= count; }, 20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(path(QStringLiteral("ca"))));
        QString error;
        QVERIFY2(m_ca.create(path(QStringLiteral("ca")), QStringLiteral("Reload CA"), &error),
                 qPrintable(error));
        auto topology = topology::TopologyDocument::readFile(exampleTopologyPath());
        QVERIFY(topology);
        auto *paris = topology.value().edgePool(QStringLiteral("edge-paris.contoso.test"));
        auto *montreal = topology.value().edgePool(QStringLiteral("edge-mtl.contoso.test"));
        QVERIFY(paris && montreal);
        paris->members.first().externalIPv4 = kExternal;
        paris->members.first().externalIPv6.clear();
        paris->members.first().internalIPv4 = kInternal;
        montreal->members.first().internalIPv4 = kNobody;
        QVERIFY(topology::TopologyDocument::writeFile(topology.value(),
                                                      path(QStringLiteral("topology.json"))));
    }

    void cleanupTestCase() { m_fedgated.stop(); }

    void sighupServesTheRenewedAssignment()
    {
        const QString data = path(QStringLiteral("store"));
        QVERIFY(QDir().mkpath(data));
        auto ctl = [&data](const QStringList &args) {
            const CliResult r = runFedgatectl(args + QStringList{QStringLiteral("--json")}, data);
            if (r.exitCode != 0)
                qWarning("fedgatectl %s: %s", qPrintable(args.join(QLatin1Char(' '))),
                         qPrintable(r.text()));
            return r;
        };
        QCOMPARE(ctl({QStringLiteral("ca"), QStringLiteral("create"), QStringLiteral("--key-type"),
                      QStringLiteral("ec-p256")})
                     .exitCode,
                 0);
        const CliResult requested =
            ctl({QStringLiteral("cert"), QStringLiteral("request"), QStringLiteral("--topology"),
                 path(QStringLiteral("topology.json")), QStringLiteral("--usage"),
                 QStringLiteral("external"), QStringLiteral("--immediate"),
                 QStringLiteral("--key-type"), QStringLiteral("ec-p256")});
        QCOMPARE(requested.exitCode, 0);
        const QString id = requested
                               .object()[QStringLiteral("issued")][QStringLiteral("certificate")]
                                        [QStringLiteral("id")]
                               .toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(ctl({QStringLiteral("cert"), QStringLiteral("assign"), id,
                      QStringLiteral("--usage"), QStringLiteral("external")})
                     .exitCode,
                 0);

        const QString address = QStringLiteral("127.0.0.56");
        const QString logFile = path(QStringLiteral("store.log"));
        qputenv("FEDGATE_DATA_DIR", data.toUtf8());
        PeerProcess edge;
        // Without --role: the halves without a certificate (the link, the
        // gateway) are left out; the edge serves the assigned certificate.
        QVERIFY(edge.start(executable(QStringLiteral("fedgated")),
                           {QStringLiteral("--topology"), path(QStringLiteral("topology.json")),
                            QStringLiteral("--listen"), address + QStringLiteral(":5269"),
                            QStringLiteral("--control"), data + QStringLiteral("/fedgated.sock"),
                            QStringLiteral("--log-file"), logFile}));
        QVERIFY2(edge.waitForTcp(QHostAddress(address), 5269), qPrintable(edge.output()));
        QString why;
        const QByteArray before = servedSerial(address, 5269, QStringLiteral("xmpp-server"), &why);
        QVERIFY2(!before.isEmpty(), qPrintable(why));

        const CliResult renewed = ctl(
            {QStringLiteral("cert"), QStringLiteral("renew"), id, QStringLiteral("--immediate")});
        QCOMPARE(renewed.exitCode, 0);
        const QString freshId = renewed
                                    .object()[QStringLiteral("issued")]
                                             [QStringLiteral("certificate")][QStringLiteral("id")]
                                    .toString();
        QVERIFY(!freshId.isEmpty() && freshId != id);
        QCOMPARE(ctl({QStringLiteral("cert"), QStringLiteral("assign"), freshId,
                      QStringLiteral("--usage"), QStringLiteral("external")})
                     .exitCode,
                 0);
        QCOMPARE(::kill(pid_t(edge.pid()), SIGHUP), 0);
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return readFile(logFile).contains(
                             QStringLiteral("certificates reloaded: external"));
                     },
                     20000),
                 qPrintable(readFile(logFile)));
        const QByteArray after = servedSerial(address, 5269, QStringLiteral("xmpp-server"), &why);
        QVERIFY2(!after.isEmpty(), qPrintable(why));
        QVERIFY(after != before);
        edge.stop();
    }

    void sighupServesRenewedCertificates()
    {
        const QList<QByteArray> first = installLeaves(QStringLiteral("-1"));
        QCOMPARE(first.size(), 3);
        const QString data = path(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(data));
        qputenv("FEDGATE_DATA_DIR", data.toUtf8());
        QVERIFY(m_fedgated.start(executable(QStringLiteral("fedgated")),
                                 {QStringLiteral("--topology"),
                                  path(QStringLiteral("topology.json")),
                                  QStringLiteral("--listen"),
                                  kExternal + QStringLiteral(":5269"),
                                  QStringLiteral("--cert"),
                                  path(QStringLiteral("external.pem")),
                                  QStringLiteral("--key"),
                                  path(QStringLiteral("external.key")),
                                  QStringLiteral("--ca"),
                                  m_ca.certificatePath(),
                                  QStringLiteral("--internal-cert"),
                                  path(QStringLiteral("internal.pem")),
                                  QStringLiteral("--internal-key"),
                                  path(QStringLiteral("internal.key")),
                                  QStringLiteral("--gateway-cert"),
                                  path(QStringLiteral("gateway.pem")),
                                  QStringLiteral("--gateway-key"),
                                  path(QStringLiteral("gateway.key")),
                                  QStringLiteral("--link-ca"),
                                  m_ca.certificatePath(),
                                  QStringLiteral("--client-listen"),
                                  kClients + QStringLiteral(":5222"),
                                  QStringLiteral("--control"),
                                  data + QStringLiteral("/fedgated.sock"),
                                  QStringLiteral("--log-file"),
                                  path(QStringLiteral("fedgated.log"))}));
        QVERIFY2(m_fedgated.waitForTcp(QHostAddress(kExternal), 5269), qPrintable(log()));
        QVERIFY2(m_fedgated.waitForTcp(QHostAddress(kClients), 5222), qPrintable(log()));
        QCOMPARE(servedSerials(), first);

        // A stream encrypted before the reload (STARTTLS on 5269).
        QSslSocket established;
        established.connectToHost(kExternal, 5269);
        QVERIFY(established.waitForConnected(10000));
        const QByteArray header = "<?xml version='1.0'?><stream:stream xmlns='jabber:server' "
                                  "xmlns:stream='http://etherx.jabber.org/streams' "
                                  "to='contoso.test' version='1.0'>";
        established.write(header);
        QVERIFY(QTest::qWaitFor(
            [&] { return established.peek(4096).contains("</stream:features>"); }, 10000));
        established.readAll();
        established.write("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        QVERIFY(
            QTest::qWaitFor([&] { return established.peek(4096).contains("<proceed"); }, 10000));
        established.readAll();
        established.setPeerVerifyMode(QSslSocket::VerifyNone);
        established.startClientEncryption();
        QVERIFY(established.waitForEncrypted(10000));
        QCOMPARE(established.peerCertificate().serialNumber(), first.at(0));

        // Renewed certificates in the same files, then SIGHUP.
        const QList<QByteArray> second = installLeaves(QStringLiteral("-2"));
        QCOMPARE(second.size(), 3);
        QVERIFY(second.at(0) != first.at(0));
        QVERIFY2(reloadAndWaitFor(QStringLiteral("certificates reloaded: external"), 1),
                 qPrintable(log()));
        const QString reloaded = log().section(QStringLiteral("certificates reloaded: "), 1);
        QVERIFY2(reloaded.contains(QStringLiteral("CN=contoso.test")) ||
                     reloaded.contains(QStringLiteral("contoso.test serial")),
                 qPrintable(reloaded));
        QVERIFY2(reloaded.contains(QStringLiteral("internal link ")) &&
                     reloaded.contains(QStringLiteral("gateway ")) &&
                     reloaded.contains(QStringLiteral(" until ")),
                 qPrintable(reloaded));
        qInfo("%s", qPrintable(reloaded.section(QLatin1Char('\n'), 0, 0)));
        QCOMPARE(servedSerials(), second);

        // The stream encrypted before goes on, with the old certificate.
        QCOMPARE(established.state(), QAbstractSocket::ConnectedState);
        established.write(header);
        QVERIFY2(QTest::qWaitFor(
                     [&] { return established.peek(4096).contains("</stream:features>"); }, 10000),
                 qPrintable(log()));
        QCOMPARE(established.peerCertificate().serialNumber(), first.at(0));
        established.abort();

        // A broken certificate file and a missing key: the reload keeps
        // what is served and the log says which file and what to do.
        QVERIFY(writeFile(path(QStringLiteral("external.pem")), "not a certificate\n"));
        QVERIFY(QFile::remove(path(QStringLiteral("internal.key"))));
        QVERIFY2(
            reloadAndWaitFor(QStringLiteral("certificate reload failed for the internal link"), 1),
            qPrintable(log()));
        const QString text = log();
        QVERIFY2(text.contains(QStringLiteral("certificate reload failed for the external edge")) &&
                     text.contains(QStringLiteral("No PEM certificate in ") +
                                   path(QStringLiteral("external.pem"))) &&
                     text.contains(QStringLiteral("send SIGHUP again")),
                 qPrintable(text));
        QVERIFY2(text.contains(path(QStringLiteral("internal.key"))), qPrintable(text));
        qInfo("%s", qPrintable(text.section(QStringLiteral("error "), -2)));
        QCOMPARE(servedSerials(), second);
        QVERIFY(m_fedgated.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestCertReload)
#include "tst_certreload.moc"
