#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>
#include <vector>

// One XML element of an XMPP stream (a stanza or a part of one), with its
// namespace resolved. Text is kept as child nodes in document order so that a
// stanza forwarded to another server keeps its mixed content. A node with an
// empty name is a text node.
//
// Nothing here recurses on the depth of the tree except copying: the
// destructor and serialisation walk it with an explicit list. Copies are
// bounded because every tree built from peer input is at most
// XmlStreamParser::kMaxDepth deep.
namespace fedgate::engine {

class XmlElement
{
public:
    XmlElement() = default;
    XmlElement(QString name, QString ns)
        : m_name(std::move(name))
        , m_ns(std::move(ns))
    {}
    ~XmlElement();
    XmlElement(const XmlElement &) = default;
    XmlElement(XmlElement &&) noexcept = default;
    XmlElement &operator=(const XmlElement &) = default;
    XmlElement &operator=(XmlElement &&) noexcept = default;
    static XmlElement textNode(QString text);

    bool isNull() const { return m_name.isEmpty() && m_text.isEmpty(); }
    bool isText() const { return m_name.isEmpty(); }
    const QString &name() const { return m_name; }
    const QString &ns() const { return m_ns; }
    bool is(const QString &name, const QString &ns) const { return m_name == name && m_ns == ns; }

    // Attributes are kept by name: "to" for an attribute without namespace,
    // "xml:lang" for the XML namespace, and "{urn:foo}bar" (Clark notation)
    // for any other namespace; attributeName() builds that key.
    static QString attributeName(const QString &ns, const QString &local);
    QString attribute(const QString &name) const;
    bool hasAttribute(const QString &name) const;
    // Replaces the value when the attribute exists (a scan: for code that
    // builds stanzas with a handful of attributes).
    XmlElement &setAttribute(const QString &name, const QString &value);
    // Appends without looking for a duplicate, so that building an element
    // stays linear in its size. The caller guarantees names are unique (the
    // parser does: expat refuses duplicate attributes).
    void appendAttribute(QString name, QString value);
    void removeAttribute(const QString &name);
    const QList<std::pair<QString, QString>> &attributes() const { return m_attributes; }

    const std::vector<XmlElement> &children() const { return m_children; }
    XmlElement &addChild(XmlElement child); // returns the added child
    XmlElement &addText(const QString &text);
    // First child element with that name (and namespace when given); null if none.
    const XmlElement *firstChild(const QString &name, const QString &ns = {}) const;
    const XmlElement *firstChildElement() const;
    QString text() const; // concatenated text of the direct text children

    // Serialises with an xmlns declaration wherever the namespace differs from
    // the parent's. The stream and dialback namespaces use the "stream:" and
    // "db:" prefixes that every stream header declares; namespaced attributes
    // get a prefix (a0, a1, ...) declared on their element. The output parses
    // back to the same tree.
    QByteArray toXml(const QString &parentNs = QStringLiteral("jabber:server")) const;
    void appendXml(QByteArray &out, const QString &parentNs) const;

private:
    QString m_name;
    QString m_ns;
    QString m_text;
    QList<std::pair<QString, QString>> m_attributes;
    std::vector<XmlElement> m_children;
};

// Escapes &, <, >, ' and " and writes tab, line feed and carriage return as
// character references, so that an attribute value survives
// attribute-value normalisation; safe for text as well.
void appendEscaped(QByteArray &out, const QString &text);

} // namespace fedgate::engine
