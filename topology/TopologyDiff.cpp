#include "TopologyDiff.h"

#include "TopologyDocument.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace fedgate::topology {

namespace {

// The document's bookkeeping keys say nothing about the deployment.
bool isBookkeepingKey(const QString &key)
{
    return key == QLatin1String("schema") || key == QLatin1String("schemaVersion") ||
           key == QLatin1String("publishedVersion");
}

// Keys that identify an element of a list of objects, in order of preference:
// sites by name, pools by fqdn, partners by domain, policies by identity,
// users by address, edge servers by internal FQDN. Keying by identity (not by
// position) makes an insertion in the middle one change, not a cascade.
const QStringList &identityKeys()
{
    static const QStringList keys{QStringLiteral("name"),        QStringLiteral("fqdn"),
                                  QStringLiteral("domain"),      QStringLiteral("identity"),
                                  QStringLiteral("xmppAddress"), QStringLiteral("address"),
                                  QStringLiteral("internalFqdn")};
    return keys;
}

// The dialback secret must not end up in a terminal, a log or a version's
// summary: a diff says that it changed, never what it is.
bool isSecretKey(const QString &key)
{
    return key.contains(QLatin1String("secret"), Qt::CaseInsensitive);
}

QString compact(const QJsonValue &value)
{
    if (value.isUndefined())
        return {};
    QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

QString shown(const QString &key, const QJsonValue &value)
{
    if (value.isUndefined())
        return {};
    return isSecretKey(key) ? QStringLiteral("\"(hidden)\"") : compact(value);
}

QString join(const QString &path, const QString &segment)
{
    // A slash inside an identity would read as a deeper path.
    QString escaped = segment;
    escaped.replace(QLatin1Char('/'), QStringLiteral("%2F"));
    return path.isEmpty() ? escaped : path + QLatin1Char('/') + escaped;
}

bool allStrings(const QJsonArray &array)
{
    for (const QJsonValue &v : array)
        if (!v.isString())
            return false;
    return true;
}

QString identityOf(const QJsonObject &object)
{
    for (const QString &key : identityKeys()) {
        const QJsonValue v = object.value(key);
        if (v.isString() && !v.toString().isEmpty())
            return v.toString();
    }
    return {};
}

// Elements keyed by identity, in order. Returns false when some element is
// not an object with an identity (then the list is compared positionally).
bool keyedElements(const QJsonArray &array, QList<QPair<QString, QJsonObject>> *out)
{
    QHash<QString, int> seen;
    for (const QJsonValue &v : array) {
        if (!v.isObject())
            return false;
        const QJsonObject object = v.toObject();
        QString key = identityOf(object);
        if (key.isEmpty())
            return false;
        // A duplicated identity is a validation error, but a draft may hold
        // one; keep both apart instead of losing one.
        const int n = ++seen[key.toLower()];
        if (n > 1)
            key += QStringLiteral("#%1").arg(n);
        out->append({key, object});
    }
    return true;
}

class Differ
{
public:
    QList<Change> changes;

    void compareObjects(const QString &path, const QJsonObject &from, const QJsonObject &to)
    {
        for (auto it = from.begin(); it != from.end(); ++it) {
            if (path.isEmpty() && isBookkeepingKey(it.key()))
                continue;
            compareValues(join(path, it.key()), it.key(), it.value(), to.value(it.key()));
        }
        for (auto it = to.begin(); it != to.end(); ++it) {
            if ((path.isEmpty() && isBookkeepingKey(it.key())) || from.contains(it.key()))
                continue;
            compareValues(join(path, it.key()), it.key(), QJsonValue(QJsonValue::Undefined),
                          it.value());
        }
    }

private:
    void add(Change::Kind kind, const QString &path, QString oldValue, QString newValue)
    {
        changes.append(Change{kind, path, std::move(oldValue), std::move(newValue)});
    }

    void compareValues(const QString &path, const QString &key, const QJsonValue &from,
                       const QJsonValue &to)
    {
        if (from == to)
            return;
        if (from.isUndefined()) {
            add(Change::Kind::Added, path, {}, shown(key, to));
            return;
        }
        if (to.isUndefined()) {
            add(Change::Kind::Removed, path, shown(key, from), {});
            return;
        }
        if (from.isObject() && to.isObject()) {
            compareObjects(path, from.toObject(), to.toObject());
            return;
        }
        if (from.isArray() && to.isArray() && compareArrays(path, from.toArray(), to.toArray()))
            return;
        add(Change::Kind::Modified, path, shown(key, from), shown(key, to));
    }

    // Returns false when the lists are neither string sets nor keyed objects;
    // the caller then reports the whole list as modified.
    bool compareArrays(const QString &path, const QJsonArray &from, const QJsonArray &to)
    {
        if (allStrings(from) && allStrings(to)) {
            // Domain and member lists are sets: order carries no meaning.
            QStringList fromList, toList;
            for (const QJsonValue &v : from)
                fromList << v.toString();
            for (const QJsonValue &v : to)
                toList << v.toString();
            for (const QString &s : fromList)
                if (!toList.contains(s))
                    add(Change::Kind::Removed, join(path, s), compact(s), {});
            for (const QString &s : toList)
                if (!fromList.contains(s))
                    add(Change::Kind::Added, join(path, s), {}, compact(s));
            return true;
        }
        QList<QPair<QString, QJsonObject>> fromItems, toItems;
        if (!keyedElements(from, &fromItems) || !keyedElements(to, &toItems))
            return false;
        QHash<QString, QJsonObject> toByKey;
        for (const auto &[key, object] : toItems)
            toByKey.insert(key, object);
        QSet<QString> fromKeys;
        QStringList commonFromOrder;
        for (const auto &[key, object] : fromItems) {
            fromKeys.insert(key);
            const auto found = toByKey.constFind(key);
            if (found == toByKey.constEnd()) {
                add(Change::Kind::Removed, join(path, key), compact(object), {});
                continue;
            }
            commonFromOrder << key;
            compareObjects(join(path, key), object, *found);
        }
        QStringList commonToOrder;
        for (const auto &[key, object] : toItems) {
            if (fromKeys.contains(key)) {
                commonToOrder << key;
                continue;
            }
            add(Change::Kind::Added, join(path, key), {}, compact(object));
        }
        // Order matters for some lists (the sites' routes give the SRV
        // priorities), so a reordering is a change of its own.
        if (commonFromOrder != commonToOrder)
            add(Change::Kind::Modified, path, compact(QJsonArray::fromStringList(commonFromOrder)),
                compact(QJsonArray::fromStringList(commonToOrder)));
        return true;
    }
};

QJsonObject documentOf(const Topology &topology)
{
    return QJsonDocument::fromJson(TopologyDocument::toJson(topology)).object();
}

QChar markOf(Change::Kind kind)
{
    switch (kind) {
    case Change::Kind::Added:
        return QLatin1Char('+');
    case Change::Kind::Removed:
        return QLatin1Char('-');
    case Change::Kind::Modified:
        break;
    }
    return QLatin1Char('~');
}

} // namespace

QList<Change> diff(const Topology &from, const Topology &to)
{
    Differ differ;
    differ.compareObjects(QString(), documentOf(from), documentOf(to));
    return differ.changes;
}

QString formatDiff(const QList<Change> &changes)
{
    QString text;
    for (const Change &c : changes) {
        switch (c.kind) {
        case Change::Kind::Added:
            text += QStringLiteral("+ %1 = %2\n").arg(c.path, c.newValue);
            break;
        case Change::Kind::Removed:
            text += QStringLiteral("- %1 = %2\n").arg(c.path, c.oldValue);
            break;
        case Change::Kind::Modified:
            text += QStringLiteral("~ %1: %2 -> %3\n").arg(c.path, c.oldValue, c.newValue);
            break;
        }
    }
    return text;
}

QString summarizeDiff(const QList<Change> &changes, int maxPaths)
{
    if (changes.isEmpty())
        return QStringLiteral("no changes");
    QStringList shownPaths;
    for (int i = 0; i < changes.size() && i < maxPaths; ++i)
        shownPaths << markOf(changes[i].kind) + QLatin1Char(' ') + changes[i].path;
    QString text = QStringLiteral("%1 change%2: %3")
                       .arg(changes.size())
                       .arg(changes.size() == 1 ? QString() : QStringLiteral("s"))
                       .arg(shownPaths.join(QStringLiteral(", ")));
    if (changes.size() > maxPaths)
        text += QStringLiteral(" and %1 more").arg(changes.size() - maxPaths);
    return text;
}

QString toString(Change::Kind kind)
{
    switch (kind) {
    case Change::Kind::Added:
        return QStringLiteral("added");
    case Change::Kind::Removed:
        return QStringLiteral("removed");
    case Change::Kind::Modified:
        break;
    }
    return QStringLiteral("modified");
}

} // namespace fedgate::topology
