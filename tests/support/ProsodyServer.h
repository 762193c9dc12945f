#pragma once

#include "PeerProcess.h"

#include <QHostAddress>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// A real Prosody 0.12 for integration tests: its own configuration, data
// directory and logs in a temporary directory, run as the prosody user on a
// loopback address of its own. `hosts` feeds libunbound's hosts file so that
// Prosody finds our .test domain (libunbound answers .test as NXDOMAIN
// otherwise).
namespace fedgate::test {

class ProsodyServer
{
public:
    struct Options
    {
        QString domain;
        QHostAddress address = QHostAddress(QStringLiteral("127.0.0.2"));
        quint16 s2sPort = 5269;
        quint16 c2sPort = 5222;
        // s2s direct TLS port (XEP-0368, s2s_direct_tls_ports); 0 = none.
        // Needs a certificate.
        quint16 s2sDirectTlsPort = 0;
        // Empty certificate = no TLS at all (mod_tls off: no STARTTLS offered).
        QString certificatePath;
        QString keyPath;
        QString caPath;
        bool secureAuth = false;        // s2s_secure_auth
        bool requireEncryption = false; // s2s_require_encryption
        bool bidi = false;              // mod_s2s_bidi: XEP-0288 bidirectional s2s streams
        QMap<QString, QString> hosts;   // name -> IP
        // false: log at warn level only (the debug log slows Prosody several
        // times; benchmarks turn it off). debugLog() is then empty.
        bool debugLog = true;
        // > 0: raises the soft open-file limit to this (runuser gives 1024;
        // at most the hard limit) for tests with thousands of sessions.
        int openFiles = 0;
    };

    ProsodyServer() = default;
    ~ProsodyServer();

    bool start(const Options &options, QString *error = nullptr);
    // Starts again with the same options and data (a server coming back).
    bool restart(QString *error = nullptr);
    void stop();
    bool isRunning() const { return m_process.isRunning(); }
    bool registerUser(const QString &user, const QString &password, QString *error = nullptr);
    QString configPath() const;
    QString debugLog() const; // the last `maxBytes` of the debug log
    const Options &options() const { return m_options; }

private:
    bool launch(QString *error);

    Options m_options;
    std::unique_ptr<QTemporaryDir> m_dir;
    PeerProcess m_process;
};

} // namespace fedgate::test
