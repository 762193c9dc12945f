#include "DeploymentPlan.h"

#include <QJsonArray>

namespace fedgate::deploy {

QString toString(DeployActionState state)
{
    switch (state) {
    case DeployActionState::Pending:
        return QStringLiteral("Pending");
    case DeployActionState::UpToDate:
        return QStringLiteral("UpToDate");
    case DeployActionState::Blocked:
        return QStringLiteral("Blocked");
    }
    return {};
}

QJsonObject DeployAction::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("step"), step},
                       {QStringLiteral("description"), description},
                       {QStringLiteral("state"), deploy::toString(state)},
                       {QStringLiteral("reason"), reason}};
}

bool DeploymentPlan::changesNothing() const
{
    for (const DeployAction &a : actions)
        if (a.state != DeployActionState::UpToDate)
            return false;
    return true;
}

bool DeploymentPlan::blocked() const
{
    for (const DeployAction &a : actions)
        if (a.state == DeployActionState::Blocked)
            return true;
    return false;
}

const DeployAction *DeploymentPlan::action(const QString &id) const
{
    for (const DeployAction &a : actions)
        if (a.id == id)
            return &a;
    return nullptr;
}

QJsonObject toJson(const ExpectedListener &listener)
{
    return QJsonObject{{QStringLiteral("local"), endpointText(listener.address, listener.port)},
                       {QStringLiteral("purpose"), describe(listener.purpose)},
                       {QStringLiteral("expectEstablished"), listener.expectEstablished}};
}

QJsonObject DeploymentPlan::toJson() const
{
    QJsonArray listenersJson;
    for (const ExpectedListener &l : listeners)
        listenersJson << deploy::toJson(l);
    QJsonArray actionsJson;
    for (const DeployAction &a : actions)
        actionsJson << a.toJson();
    return QJsonObject{{QStringLiteral("dataDirectory"), dataDirectory},
                       {QStringLiteral("machine"), machine},
                       {QStringLiteral("roles"), QJsonArray::fromStringList(roles)},
                       {QStringLiteral("topologyVersion"), topologyVersion},
                       {QStringLiteral("listeners"), listenersJson},
                       {QStringLiteral("actions"), actionsJson},
                       {QStringLiteral("changesNothing"), changesNothing()}};
}

} // namespace fedgate::deploy
