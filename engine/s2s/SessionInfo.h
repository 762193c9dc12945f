#pragma once

#include "engine/tls/CertificateStatus.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

// One row of the session table (what `fedgatectl sessions` shows).
namespace fedgate::engine {

enum class SessionDirection
{
    Inbound,
    Outbound
};
enum class AuthStatus
{
    None,
    SaslExternal,
    Dialback,
    MutualTls // the internal link: both certificates checked
};

struct SessionInfo
{
    QString id;
    QString kind = QStringLiteral("s2s"); // "s2s", "link" (internal link), "c2s"
    SessionDirection direction = SessionDirection::Inbound;
    int loop = -1; // the engine's session loop it lives on (SessionLoop::index()); -1: none
    QString localDomain;
    QString remoteDomain;
    QString remoteAddress; // "IP:port"
    QString tlsVersion;    // "TLSv1.3"; empty = plain TCP
    QString tlsCipher;
    AuthStatus auth = AuthStatus::None;
    CertificateStatus certificate = CertificateStatus::None;
    QDateTime created;
    QDateTime lastActivity;
    qint64 stanzasIn = 0;
    qint64 stanzasOut = 0;
    QString state;    // "connecting", "negotiating", "established", "closing"
    QString user;     // c2s: the bare address logged in
    QString resource; // c2s: the bound resource

    QJsonObject toJson() const;
};

QString toString(SessionDirection direction); // "in", "out"
QString toString(AuthStatus auth);            // "SASL EXTERNAL", "dialback", "none"

} // namespace fedgate::engine
