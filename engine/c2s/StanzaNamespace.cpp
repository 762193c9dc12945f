#include "StanzaNamespace.h"

#include "ClientNamespaces.h"
#include "engine/xml/Namespaces.h"

namespace fedgate::engine {

XmlElement withStanzaNamespace(const XmlElement &stanza, const QString &contentNs)
{
    if (stanza.isText())
        return stanza;
    const bool content = stanza.ns() == ns::kClient || stanza.ns() == ns::kServer;
    if (!content || stanza.ns() == contentNs)
        return stanza; // extension subtrees keep their namespace throughout
    XmlElement out(stanza.name(), contentNs);
    for (const auto &[name, value] : stanza.attributes())
        out.appendAttribute(name, value);
    // Recursion is bounded: parsed trees are at most XmlStreamParser::kMaxDepth deep.
    for (const XmlElement &child : stanza.children())
        out.addChild(withStanzaNamespace(child, contentNs));
    return out;
}

} // namespace fedgate::engine
