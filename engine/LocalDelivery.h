#pragma once

#include "engine/xml/XmlElement.h"

// The plug for part 2: the gateway (which hosts our users and reaches the
// edge over the internal link) registers one of these with the Engine. The
// engine hands it every stanza from a partner addressed to a user of one of
// our domains; the gateway sends stanzas to partners through Engine::route().
namespace fedgate::engine {

class LocalDelivery
{
public:
    virtual ~LocalDelivery() = default;
    // Returns false when nobody can take the stanza; the engine then answers
    // the sender with service-unavailable.
    virtual bool deliverToLocal(const XmlElement &stanza) = 0;
};

} // namespace fedgate::engine
