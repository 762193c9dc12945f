#include "DraftEdit.h"

#include "topology/TopologyDocument.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace fedgate::cli {

using namespace fedgate::topology;

int DraftEdit::commit(Context &ctx, const QString &objectPath, const QString &human,
                      QJsonObject json)
{
    const QList<Finding> before = validate(m_original);
    const QList<Finding> after = validate(m_draft.topology);
    const auto concernsObject = [&](const Finding &f) {
        return !objectPath.isEmpty() &&
               (f.path.compare(objectPath, Qt::CaseInsensitive) == 0 ||
                f.path.startsWith(objectPath + QLatin1Char('/'), Qt::CaseInsensitive));
    };
    QStringList refusals;
    QList<Finding> notes;
    for (const Finding &f : after) {
        if (before.contains(f))
            continue;
        if (f.severity == Severity::Error && concernsObject(f))
            refusals << f.message;
        else
            notes << f;
    }
    if (!refusals.isEmpty())
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("Nothing was changed: ") + refusals.join(QLatin1Char(' ')));

    int errors = 0;
    for (const Finding &f : after)
        errors += f.severity == Severity::Error ? 1 : 0;
    QJsonArray findings;
    for (const Finding &f : notes)
        findings.append(findingJson(f));
    json.insert(QStringLiteral("newFindings"), findings);
    json.insert(QStringLiteral("draftErrors"), errors);
    json.insert(QStringLiteral("baseVersion"), m_draft.baseVersion);
    json.insert(QStringLiteral("ok"), true);
    QString text = human;
    for (const Finding &f : notes)
        text += QStringLiteral("\n  %1 (%2): %3").arg(toString(f.severity), f.path, f.message);
    text += errors == 0 ? QStringLiteral("\nThe draft is valid. Publish it with 'fedgatectl "
                                         "topology publish'.")
                        : QStringLiteral("\nThe draft has %1 error(s) to fix before it can be "
                                         "published ('fedgatectl topology validate' lists them).")
                              .arg(errors);
    m_saveRequested = true;
    m_human = text;
    m_json = json;
    return Ok;
}

int DraftEdit::printSaved(Context &ctx, qint64 revision)
{
    if (ctx.json()) {
        m_json.insert(QStringLiteral("draftRevision"), revision);
        ctx.printJson(m_json);
        return Ok;
    }
    return ctx.succeed(m_human);
}

int editDraft(Context &ctx, QCommandLineParser &parser, const QString &description,
              const QString &positional, int minPositional, int maxPositional,
              const std::function<int(DraftEdit &)> &body)
{
    if (!ctx.parse(parser, description, positional, minPositional, maxPositional))
        return ctx.exitCode();
    Result<std::unique_ptr<CentralStore>> opened = CentralStore::open(ctx.store());
    if (!opened)
        return ctx.fail(StoreError, describeError(opened.error()));
    CentralStore &store = *opened.value();

    DraftEdit edit;
    int code = Ok;
    bool answered = false; // the body (or the empty-store check) printed its outcome
    Result<Draft> stored = store.editDraft([&](Draft &draft) -> Status {
        if (draft.empty) {
            code = ctx.fail(
                UsageOrValidation,
                QStringLiteral("The store %1 has no topology yet. Start one with 'fedgatectl "
                               "topology new --sip-domain DOMAIN --xmpp-domain DOMAIN' or publish "
                               "a file with 'fedgatectl topology publish --file FILE'.")
                    .arg(store.location()));
            answered = true;
            return Error{QStringLiteral("no topology"), store.location()};
        }
        edit.m_draft = draft;
        edit.m_draft.topology.normalise();
        edit.m_original = edit.m_draft.topology;
        code = body(edit);
        // Read-only verbs and refused edits leave the draft as it was, so
        // nothing is written.
        if (edit.m_saveRequested && code == Ok) {
            edit.m_draft.modifiedAt = QDateTime::currentDateTimeUtc();
            draft = edit.m_draft;
        }
        return Status::success();
    });
    if (!stored)
        return answered ? code : ctx.fail(StoreError, describeError(stored.error()));
    if (edit.m_saveRequested && code == Ok)
        return edit.printSaved(ctx, stored.value().revision);
    return code;
}

bool parseBool(Context &ctx, const QString &option, const QString &text, bool *out)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("on") ||
        t == QLatin1String("1")) {
        *out = true;
        return true;
    }
    if (t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("off") ||
        t == QLatin1String("0")) {
        *out = false;
        return true;
    }
    ctx.fail(UsageOrValidation,
             QStringLiteral("--%1 takes true or false, not \"%2\".").arg(option, text));
    return false;
}

bool parseInt(Context &ctx, const QString &option, const QString &text, int min, int max, int *out)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value < min || value > max) {
        ctx.fail(UsageOrValidation, QStringLiteral("--%1 takes a whole number from %2 to %3, not "
                                                   "\"%4\".")
                                        .arg(option)
                                        .arg(min)
                                        .arg(max)
                                        .arg(text));
        return false;
    }
    *out = value;
    return true;
}

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    return out;
}

QJsonObject documentObject(const Topology &t, const QString &pointer)
{
    QJsonValue v = QJsonDocument::fromJson(TopologyDocument::toJson(t)).object();
    for (const QString &part : pointer.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        v = v.isArray() ? v.toArray().at(part.toInt()) : v.toObject().value(part);
    return v.toObject();
}

QJsonObject findingJson(const Finding &f)
{
    return {{QStringLiteral("severity"), toString(f.severity)},
            {QStringLiteral("path"), f.path},
            {QStringLiteral("rule"), f.rule},
            {QStringLiteral("message"), f.message}};
}

} // namespace fedgate::cli
