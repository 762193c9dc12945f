#pragma once

#include "topology/Result.h"

#include <QByteArray>
#include <QString>

// One request line of the control channel (see ControlServer), parsed and
// validated without touching the engine, so that what a local client may
// send is checked in one place and can be fuzzed on its own:
//   {"command":"status"}
//   {"command":"sessions"}
//   {"command":"ping","domain":"partner.example","timeoutMs":20000}
namespace fedgate::engine {

struct ControlRequest
{
    enum class Command
    {
        Status,
        Sessions,
        Ping
    };

    static constexpr int kDefaultPingTimeoutMs = 20000;
    static constexpr int kMinPingTimeoutMs = 1000;
    static constexpr int kMaxPingTimeoutMs = 120000;
    static constexpr qsizetype kMaxDomainLength = 255;
    // At most this many characters of what the client sent are quoted back.
    static constexpr int kMaxQuoted = 64;

    Command command = Command::Status;
    QString domain;                        // ping: the partner domain, lower case
    int timeoutMs = kDefaultPingTimeoutMs; // ping: clamped to [min, max]

    // `line` is one line without its newline (not empty). The error's message
    // is the sentence to send back.
    static Result<ControlRequest> parse(const QByteArray &line);
};

} // namespace fedgate::engine
