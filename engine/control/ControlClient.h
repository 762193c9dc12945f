#pragma once

#include "topology/Result.h"

#include <QJsonObject>
#include <QString>

#include <functional>

// The client side of fedgated's control channel (see ControlServer): sends
// one request and reads answer lines until the one with "done". Blocking,
// bounded by a timeout: for fedgatectl, or a worker thread of the wizard.
namespace fedgate::engine {

class ControlClient
{
public:
    static QString defaultPath(); // <data dir>/fedgated.sock

    // `onLine` sees every line before the final one. The final line is
    // returned; an Error when fedgated does not answer.
    static Result<QJsonObject> request(const QString &path, const QJsonObject &request,
                                       int timeoutMs,
                                       const std::function<void(const QJsonObject &)> &onLine = {});
};

} // namespace fedgate::engine
