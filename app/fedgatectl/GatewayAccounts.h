#pragma once

#include "engine/gateway/AccountAdmin.h"

#include <QCommandLineOption>

// What fedgatectl shows of the gateway's account store on this machine
// (<data dir>/gateway.db, the file fedgated's gateway role reads, or
// --gateway-store). The store logic itself is engine/gateway/AccountAdmin,
// shared with the wizard's Users page.
namespace fedgate::cli {

const QCommandLineOption &gatewayStoreOption();

using engine::accountKey;
using engine::PasswordStatus;
using engine::readPasswordStatus;

} // namespace fedgate::cli
