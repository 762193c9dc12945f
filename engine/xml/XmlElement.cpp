#include "XmlElement.h"

#include "Namespaces.h"

namespace fedgate::engine {

XmlElement XmlElement::textNode(QString text)
{
    XmlElement e;
    e.m_text = std::move(text);
    return e;
}

XmlElement::~XmlElement()
{
    // Detaches the descendants into one flat list before they are destroyed,
    // so that each destructor below meets no children.
    if (m_children.empty())
        return;
    std::vector<XmlElement> pending = std::move(m_children);
    while (!pending.empty()) {
        XmlElement last = std::move(pending.back());
        pending.pop_back();
        for (XmlElement &child : last.m_children)
            pending.push_back(std::move(child));
        last.m_children.clear();
    }
}

QString XmlElement::attribute(const QString &name) const
{
    for (const auto &a : m_attributes)
        if (a.first == name)
            return a.second;
    return {};
}

bool XmlElement::hasAttribute(const QString &name) const
{
    for (const auto &a : m_attributes)
        if (a.first == name)
            return true;
    return false;
}

QString XmlElement::attributeName(const QString &ns, const QString &local)
{
    if (ns.isEmpty())
        return local;
    if (ns == ns::kXml)
        return QStringLiteral("xml:") + local;
    return QLatin1Char('{') + ns + QLatin1Char('}') + local;
}

void XmlElement::appendAttribute(QString name, QString value)
{
    m_attributes.append({std::move(name), std::move(value)});
}

XmlElement &XmlElement::setAttribute(const QString &name, const QString &value)
{
    for (auto &a : m_attributes) {
        if (a.first == name) {
            a.second = value;
            return *this;
        }
    }
    m_attributes.append({name, value});
    return *this;
}

void XmlElement::removeAttribute(const QString &name)
{
    m_attributes.removeIf([&](const auto &a) { return a.first == name; });
}

XmlElement &XmlElement::addChild(XmlElement child)
{
    m_children.push_back(std::move(child));
    return m_children.back();
}

XmlElement &XmlElement::addText(const QString &text)
{
    // Expat reports text in pieces; merging keeps stanzas small.
    if (!m_children.empty() && m_children.back().isText()) {
        m_children.back().m_text += text;
        return *this;
    }
    m_children.push_back(textNode(text));
    return *this;
}

const XmlElement *XmlElement::firstChild(const QString &name, const QString &ns) const
{
    for (const auto &c : m_children)
        if (!c.isText() && c.m_name == name && (ns.isEmpty() || c.m_ns == ns))
            return &c;
    return nullptr;
}

const XmlElement *XmlElement::firstChildElement() const
{
    for (const auto &c : m_children)
        if (!c.isText())
            return &c;
    return nullptr;
}

QString XmlElement::text() const
{
    if (isText())
        return m_text;
    QString result;
    for (const auto &c : m_children)
        if (c.isText())
            result += c.m_text;
    return result;
}

namespace {
// Writes `text` as UTF-8 with markup characters escaped. In attribute values
// tab, line feed and carriage return must be character references or the
// reading parser normalises them to spaces; in text only carriage return
// (which line-end normalisation would turn into a line feed) needs one.
void appendEscapedUtf8(QByteArray &out, const QString &text, bool attributeValue)
{
    const QByteArray utf8 = text.toUtf8();
    for (char c : utf8) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '\'':
            out += "&apos;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\t':
            out += attributeValue ? "&#9;" : "\t";
            break;
        case '\n':
            out += attributeValue ? "&#10;" : "\n";
            break;
        case '\r':
            out += "&#13;";
            break;
        default:
            out += c;
        }
    }
}

QByteArray qualifiedName(const XmlElement &e)
{
    if (e.ns() == ns::kStreams)
        return "stream:" + e.name().toUtf8();
    if (e.ns() == ns::kDialback)
        return "db:" + e.name().toUtf8();
    return e.name().toUtf8();
}

// Writes the start tag; returns the namespace in scope for the children.
const QString &appendStartTag(QByteArray &out, const XmlElement &e, const QString &parentNs)
{
    const bool prefixed = e.ns() == ns::kStreams || e.ns() == ns::kDialback;
    out += '<';
    out += qualifiedName(e);
    if (!prefixed && e.ns() != parentNs) {
        out += " xmlns='";
        appendEscapedUtf8(out, e.ns(), true);
        out += '\'';
    }
    // Namespaced attributes ("{urn:foo}bar") get a prefix declared here;
    // a0, a1, ... never clash with stream: and db:, the only other prefixes
    // in scope.
    QStringList declared;
    for (const auto &[name, value] : e.attributes()) {
        out += ' ';
        // The URI may contain '}', a local name never does: split at the last.
        const qsizetype close =
            name.startsWith(QLatin1Char('{')) ? name.lastIndexOf(QLatin1Char('}')) : -1;
        if (close > 0) {
            const QString uri = name.mid(1, close - 1);
            qsizetype index = declared.indexOf(uri);
            if (index < 0) {
                index = declared.size();
                declared.append(uri);
                out += "xmlns:a" + QByteArray::number(index) + "='";
                appendEscapedUtf8(out, uri, true);
                out += "' ";
            }
            out +=
                'a' + QByteArray::number(index) + ':' + QStringView(name).mid(close + 1).toUtf8();
        } else {
            out += name.toUtf8();
        }
        out += "='";
        appendEscapedUtf8(out, value, true);
        out += '\'';
    }
    if (e.children().empty()) {
        out += "/>";
        return parentNs;
    }
    out += '>';
    return prefixed ? parentNs : e.ns();
}
} // namespace

void appendEscaped(QByteArray &out, const QString &text)
{
    appendEscapedUtf8(out, text, true);
}

QByteArray XmlElement::toXml(const QString &parentNs) const
{
    QByteArray out;
    out.reserve(256);
    appendXml(out, parentNs);
    return out;
}

void XmlElement::appendXml(QByteArray &out, const QString &parentNs) const
{
    // An explicit stack instead of recursion: the depth of a tree built in
    // code is not bounded by the parser's limit.
    struct Open
    {
        const XmlElement *element;
        const QString *childNs; // points into a live element or at parentNs
        std::size_t next;
    };
    std::vector<Open> stack;
    auto open = [&out, &stack](const XmlElement &e, const QString &ns) {
        if (e.isText()) {
            appendEscapedUtf8(out, e.m_text, false);
            return;
        }
        const QString &childNs = appendStartTag(out, e, ns);
        if (!e.m_children.empty())
            stack.push_back({&e, &childNs, 0});
    };
    open(*this, parentNs);
    while (!stack.empty()) {
        Open &top = stack.back();
        if (top.next < top.element->m_children.size()) {
            const XmlElement &child = top.element->m_children[top.next++];
            open(child, *top.childNs); // may reallocate the stack: top is not used after
            continue;
        }
        out += "</";
        out += qualifiedName(*top.element);
        out += '>';
        stack.pop_back();
    }
}

} // namespace fedgate::engine
