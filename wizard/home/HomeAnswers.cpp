#include "HomeAnswers.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace fedgate::wizard {

QString HomeAnswers::path(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("wizard-answers.json"));
}

deploy::DeploymentAnswers HomeAnswers::load(const QString &dataDirectory,
                                            const QString &storeLocation)
{
    deploy::DeploymentAnswers answers;
    if (QFile::exists(path(dataDirectory))) {
        auto saved = deploy::DeploymentAnswers::fromFile(path(dataDirectory));
        if (saved)
            answers = saved.value();
    }
    answers.topologyFile.clear();
    answers.store = storeLocation;
    answers.version = 0;
    // The home page starts the service itself (Start services).
    answers.startService = false;
    return answers;
}

Status HomeAnswers::save(const QString &dataDirectory, const deploy::DeploymentAnswers &answers)
{
    QSaveFile file(path(dataDirectory));
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(answers.toJson()).toJson()) < 0 || !file.commit())
        return Error{QStringLiteral("Cannot write %1: %2")
                         .arg(QDir::toNativeSeparators(file.fileName()), file.errorString()),
                     {}};
    return {};
}

QStringList HomeAnswers::machines(const topology::Topology &topology)
{
    QStringList names;
    for (const topology::Site &site : topology.sites) {
        for (const topology::EdgePool &pool : site.edgePools)
            for (const topology::EdgeServer &server : pool.members)
                if (!names.contains(server.internalFqdn, Qt::CaseInsensitive))
                    names << server.internalFqdn;
        for (const topology::FrontEndPool &pool : site.frontEndPools)
            for (const QString &member : pool.members)
                if (!names.contains(member, Qt::CaseInsensitive))
                    names << member;
    }
    return names;
}

} // namespace fedgate::wizard
