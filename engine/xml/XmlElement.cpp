#include "XmlElement.h"

#include "Namespaces.h"

namespace fedgate::engine {

XmlElement XmlElement::textNode(QString text)
{
    XmlElement e;
    e.m_text = std::move(text);
    return e;
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

void appendEscaped(QByteArray &out, const QString &text)
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
        default:
            out += c;
        }
    }
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
    if (isText()) {
        appendEscaped(out, m_text);
        return;
    }
    QByteArray qname;
    QString childParentNs = parentNs;
    bool declare = false;
    if (m_ns == ns::kStreams) {
        qname = "stream:" + m_name.toUtf8();
    } else if (m_ns == ns::kDialback) {
        qname = "db:" + m_name.toUtf8();
    } else {
        qname = m_name.toUtf8();
        declare = m_ns != parentNs;
        childParentNs = m_ns;
    }
    out += '<';
    out += qname;
    if (declare) {
        out += " xmlns='";
        appendEscaped(out, m_ns);
        out += '\'';
    }
    for (const auto &a : m_attributes) {
        out += ' ';
        out += a.first.toUtf8();
        out += "='";
        appendEscaped(out, a.second);
        out += '\'';
    }
    if (m_children.empty()) {
        out += "/>";
        return;
    }
    out += '>';
    for (const auto &c : m_children)
        c.appendXml(out, childParentNs);
    out += "</";
    out += qname;
    out += '>';
}

} // namespace fedgate::engine
