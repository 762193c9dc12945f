#pragma once

#include "RawXmppPeers.h"
#include "engine/Engine.h"

#include <QHostAddress>

#include <spdlog/spdlog.h>

#include <memory>
#include <sstream>

// What the engine-limits suites (tst_s2soutputbound, tst_s2squotas) share:
// an in-process engine for contoso.test with one dialback partner (served by
// a FakePartnerServer, which can be told to misbehave), peers bound to a
// chosen source address, and a capture of the engine's log.
namespace fedgate::test {

inline const QString kLimitsOurDomain = QStringLiteral("contoso.test");
inline const QString kLimitsPartner = QStringLiteral("partner.test");

// An engine for contoso.test listening on `address`:<free port> whose only
// partner, partner.test, does plain dialback (TLS and SASL NotSupported) and
// is reached at `partnerAddress`:`partnerPort`.
std::unique_ptr<engine::Engine> makeLimitsEngine(const QHostAddress &address,
                                                 const QHostAddress &partnerAddress,
                                                 quint16 partnerPort, engine::EngineConfig config,
                                                 topology::GatewaySettings gateway = {});

// Connects `peer` from `source` (a loopback address of the suite) to the
// engine and opens a stream from partner.test; true once the features came.
bool openStream(RawPeer &peer, const QHostAddress &source, const engine::Engine &engine);
// The same, then dialback for partner.test; true once it is valid.
bool authenticate(RawPeer &peer, const QHostAddress &source, const engine::Engine &engine);
// "IP:port" of the peer's end, as the session table shows it.
QString endpointOf(const RawPeer &peer);
bool hasSession(const engine::Engine &engine, const QString &remoteAddress);
// True once the stream error `condition` arrived and the connection closed.
bool gotStreamError(RawPeer &peer, const QByteArray &condition);

// Routes the default logger into a string while alive.
class LogCapture
{
public:
    LogCapture();
    ~LogCapture();
    std::string text() const { return m_text.str(); }
    // The first captured line containing `needle` (empty if none).
    QString line(const QString &needle) const;

private:
    std::ostringstream m_text;
    std::shared_ptr<spdlog::logger> m_previous;
};

} // namespace fedgate::test
