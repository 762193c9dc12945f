#pragma once

#include <QHashFunctions>
#include <QString>
#include <QStringView>

#include <optional>

// An XMPP address per RFC 7622: [localpart@]domainpart[/resourcepart].
//
// parse() splits at the first '/' (everything after it is the resource, which
// may itself contain '/' and '@') and then at the first '@' before it, and
// prepares each part so that two spellings of one address compare equal:
// - localpart: NFKC, case-folded, NFKC again (an approximation of the PRECIS
//   UsernameCaseMapped profile); no control characters, spaces or any of
//   " & ' / : < > @;
// - domainpart: a trailing dot removed, IP literals ([v6] and dotted v4) kept
//   as written, anything else converted to its IDNA A-label form with
//   QUrl::toAce (lowercase ASCII, letters/digits/hyphens, labels of 1-63);
// - resourcepart: NFKC (an approximation of PRECIS OpaqueString); no control
//   characters.
// Each part is at most 1023 bytes of UTF-8 and none may be empty when its
// separator is present. A default-constructed Jid is invalid.
namespace fedgate::engine {

class Jid
{
public:
    static constexpr int kMaxPartBytes = 1023;

    Jid() = default;

    // nullopt with *error set to a sentence naming the problem when the text
    // is not an RFC 7622 address.
    static std::optional<Jid> parse(QStringView text, QString *error = nullptr);
    // parse() without the error: an invalid Jid for bad input. For stanza
    // attributes, where bad input is answered with jid-malformed.
    static Jid fromString(QStringView text);

    bool isValid() const { return !m_domain.isEmpty(); }
    bool isBare() const { return isValid() && m_resource.isEmpty(); }
    bool isDomain() const { return isBare() && m_localpart.isEmpty(); }

    const QString &localpart() const { return m_localpart; }
    const QString &domain() const { return m_domain; }
    const QString &resource() const { return m_resource; }

    Jid bare() const;
    // Invalid when this Jid is invalid or the resource is not a valid
    // resourcepart; an empty resource gives the bare Jid.
    Jid withResource(const QString &resource) const;
    Jid domainJid() const;

    QString toString() const; // full form
    QString toBareString() const;

    friend bool operator==(const Jid &, const Jid &) = default;

private:
    QString m_localpart;
    QString m_domain;
    QString m_resource;
};

size_t qHash(const Jid &jid, size_t seed = 0);

} // namespace fedgate::engine
