// Jid, the RFC 7622 address: the RFC's own examples of valid and invalid
// addresses (section 3.5), case folding and normalisation making two
// spellings one address, IDNA domains in A-label form, the 1023-byte limit
// of each part, and the derived forms (bare, full, domain, withResource).
#include "engine/xmpp/Jid.h"

#include <QSet>
#include <QTest>

using fedgate::engine::Jid;
using namespace Qt::StringLiterals;

class TstJid : public QObject
{
    Q_OBJECT

private slots:
    void validExamples_data();
    void validExamples();
    void invalidExamples_data();
    void invalidExamples();
    void caseFoldingAndNormalisation();
    void idnaDomainToAceForm();
    void lengthLimits();
    void derivedForms();
    void hashAndEquality();
};

void TstJid::validExamples_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("local");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("resource");
    // RFC 7622 section 3.5, examples 1-11 (domains as written there).
    QTest::newRow("1 juliet@example.com") << "juliet@example.com"
                                          << "juliet"
                                          << "example.com"
                                          << "";
    QTest::newRow("2 with resource") << "juliet@example.com/foo"
                                     << "juliet"
                                     << "example.com"
                                     << "foo";
    QTest::newRow("3 space in resource") << "juliet@example.com/foo bar"
                                         << "juliet"
                                         << "example.com"
                                         << "foo bar";
    QTest::newRow("4 slash and @ in resource") << "juliet@example.com/foo@bar"
                                               << "juliet"
                                               << "example.com"
                                               << "foo@bar";
    QTest::newRow("5 punctuation in localpart") << "foo\\20bar@example.com"
                                                << "foo\\20bar"
                                                << "example.com"
                                                << "";
    QTest::newRow("6 non-ASCII localpart") << u"fussball@example.com"_s << "fussball"
                                           << "example.com"
                                           << "";
    QTest::newRow("7 sharp s") << u"fußball@example.com"_s << u"fußball"_s << "example.com"
                               << "";
    QTest::newRow("8 greek") << u"π@example.com"_s << u"π"_s << "example.com"
                             << "";
    QTest::newRow("9 greek capital") << u"Σ@example.com/foo"_s << u"σ"_s << "example.com"
                                     << "foo";
    QTest::newRow("10 resource keeps case") << u"σ@example.com/foo"_s << u"σ"_s << "example.com"
                                            << "foo";
    QTest::newRow("11 symbol in resource") << u"king@example.com/♚"_s << "king"
                                           << "example.com" << u"♚"_s;
    QTest::newRow("12 domain only") << "example.com"
                                    << ""
                                    << "example.com"
                                    << "";
    QTest::newRow("13 domain with resource") << "example.com/foobar"
                                             << ""
                                             << "example.com"
                                             << "foobar";
    QTest::newRow("14 @ after slash") << "a.example.com/b@example.net"
                                      << ""
                                      << "a.example.com"
                                      << "b@example.net";
    QTest::newRow("ipv4") << "juliet@192.0.2.1"
                          << "juliet"
                          << "192.0.2.1"
                          << "";
    QTest::newRow("ipv6") << "juliet@[2001:DB8::1]/r"
                          << "juliet"
                          << "[2001:db8::1]"
                          << "r";
    QTest::newRow("trailing dot") << "juliet@example.com./r"
                                  << "juliet"
                                  << "example.com"
                                  << "r";
    QTest::newRow("resource keeps slashes") << "a@b.test/x/y"
                                            << "a"
                                            << "b.test"
                                            << "x/y";
}

void TstJid::validExamples()
{
    QFETCH(QString, text);
    QFETCH(QString, local);
    QFETCH(QString, domain);
    QFETCH(QString, resource);
    QString error;
    const auto jid = Jid::parse(text, &error);
    QVERIFY2(jid.has_value(), qPrintable(error));
    QCOMPARE(jid->localpart(), local);
    QCOMPARE(jid->domain(), domain);
    QCOMPARE(jid->resource(), resource);
    QVERIFY(jid->isValid());
    QCOMPARE(jid->isBare(), resource.isEmpty());
    QCOMPARE(jid->isDomain(), resource.isEmpty() && local.isEmpty());
    // The prepared string parses back to the same address.
    QCOMPARE(Jid::parse(jid->toString()), jid);
}

void TstJid::invalidExamples_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions");
    // RFC 7622 section 3.5, examples of invalid addresses.
    QTest::newRow("quotes in localpart") << "\"juliet\"@example.com"
                                         << "forbids";
    QTest::newRow("space in localpart") << "foo bar@example.com"
                                        << "a space";
    QTest::newRow("two @") << "juliet@example@com"
                           << "label";
    QTest::newRow("empty localpart") << "@example.com"
                                     << "localpart";
    QTest::newRow("empty resource") << "juliet@example.com/"
                                    << "resourcepart";
    QTest::newRow("empty domain with local") << "juliet@"
                                             << "domainpart is empty";
    QTest::newRow("only resource") << "/foobar"
                                   << "domainpart is empty";
    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("only dot") << "a@."
                              << "domainpart is empty";
    QTest::newRow("colon in localpart") << "a:b@example.com"
                                        << "':'";
    QTest::newRow("lt in localpart") << "a<b@example.com"
                                     << "'<'";
    QTest::newRow("ampersand") << "a&b@example.com"
                               << "'&'";
    QTest::newRow("apostrophe") << "a'b@example.com"
                                << "contains '''";
    QTest::newRow("empty label") << "a@example..com"
                                 << "label";
    QTest::newRow("space in domain") << "a@exa mple.com"
                                     << "domainpart";
    QTest::newRow("underscore in domain") << "a@ex_ample.com"
                                          << "label";
    QTest::newRow("leading hyphen") << "a@-example.com"
                                    << "label";
    QTest::newRow("control in resource") << u"a@example.com/x\u0007"_s << "control";
    QTest::newRow("control in localpart") << u"a\u0001b@example.com"_s << "control";
    QTest::newRow("bad ipv6") << "a@[2001:db8::zz]"
                              << "IPv6";
    QTest::newRow("unterminated ipv6") << "a@[2001:db8::1"
                                       << "IPv6";
    QTest::newRow("bad ipv4") << "a@300.1.2.3"
                              << "IPv4";
    QTest::newRow("broken surrogate") << QString(QChar(0xD800)) + u"@example.com"_s << "surrogate";
}

void TstJid::invalidExamples()
{
    QFETCH(QString, text);
    QFETCH(QString, mentions);
    QString error;
    QVERIFY(!Jid::parse(text, &error).has_value());
    QVERIFY2(error.contains(mentions), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("not a valid XMPP address")), qPrintable(error));
    QVERIFY(!Jid::fromString(text).isValid());
}

void TstJid::caseFoldingAndNormalisation()
{
    // Localpart and domain are case-insensitive; the resource is not.
    QCOMPARE(Jid::fromString(u"Juliet@EXAMPLE.com/Balcony"_s),
             Jid::fromString(u"juliet@example.com/Balcony"_s));
    QVERIFY(Jid::fromString(u"juliet@example.com/Balcony"_s) !=
            Jid::fromString(u"juliet@example.com/balcony"_s));
    // Fullwidth letters (width mapping, NFKC) fold to their ASCII forms.
    QCOMPARE(Jid::fromString(u"ＪＵＬＩＥＴ@example.com"_s).localpart(), u"juliet"_s);
    // A decomposed e + combining acute is the same address as the composed é.
    QCOMPARE(Jid::fromString(u"rene\u0301@example.com"_s), Jid::fromString(u"RENÉ@example.com"_s));
    QCOMPARE(Jid::fromString(u"a@b.test/re\u0301"_s).resource(), u"ré"_s);
    // Fullwidth solidus is not a separator but NFKC maps it to '/', which the
    // localpart forbids.
    QString error;
    QVERIFY(!Jid::parse(u"a\uFF0Fb@example.com"_s, &error));
    QVERIFY2(error.contains(u"'/'"_s), qPrintable(error));
}

void TstJid::idnaDomainToAceForm()
{
    const Jid jid = Jid::fromString(u"user@Bücher.example/r"_s);
    QVERIFY(jid.isValid());
    QCOMPARE(jid.domain(), u"xn--bcher-kva.example"_s);
    // The A-label form written by hand is the same address.
    QCOMPARE(Jid::fromString(u"user@xn--bcher-kva.example/r"_s), jid);
    QCOMPARE(Jid::fromString(u"例え.テスト"_s).domain(), u"xn--r8jz45g.xn--zckzah"_s);
    QString error;
    QVERIFY(!Jid::parse(u"user@bad!domain.example"_s, &error));
    QVERIFY2(error.contains(u"domainpart"_s), qPrintable(error));
}

void TstJid::lengthLimits()
{
    const QString max = QString(1023, QLatin1Char('a'));
    const QString over = QString(1024, QLatin1Char('a'));
    QVERIFY(Jid::parse(max + u"@example.com/"_s + max));
    QString error;
    QVERIFY(!Jid::parse(over + u"@example.com"_s, &error));
    QVERIFY2(error.contains(u"localpart is longer than 1023 bytes"_s), qPrintable(error));
    QVERIFY(!Jid::parse(u"a@example.com/"_s + over, &error));
    QVERIFY2(error.contains(u"resourcepart is longer"_s), qPrintable(error));
    // The limit is in UTF-8 bytes: 512 two-byte characters are 1024 bytes.
    QVERIFY(!Jid::parse(QString(512, QChar(0x00E9)) + u"@example.com"_s, &error));
    QVERIFY2(error.contains(u"bytes of UTF-8"_s), qPrintable(error));
    QVERIFY(Jid::parse(QString(511, QChar(0x00E9)) + u"@example.com"_s));
    // DNS limits on the domain: a 64-character label, a 254-character name.
    QVERIFY(!Jid::parse(u"a@"_s + QString(64, QLatin1Char('b')) + u".test"_s, &error));
    QVERIFY(Jid::parse(u"a@"_s + QString(63, QLatin1Char('b')) + u".test"_s));
    QString longName;
    for (int i = 0; i < 5; ++i)
        longName += QString(50, QLatin1Char('c')) + QLatin1Char('.');
    longName += u"test"_s; // 259 characters
    QVERIFY(!Jid::parse(longName, &error));
    QVERIFY2(error.contains(u"253"_s), qPrintable(error));
    // Hostile input is refused before any normalisation work.
    QVERIFY(!Jid::parse(QString(1000000, QLatin1Char('x')), &error));
    QVERIFY2(error.contains(u"too long"_s), qPrintable(error));
    QVERIFY(error.size() < 300);
}

void TstJid::derivedForms()
{
    const Jid full = Jid::fromString(u"Alice@Contoso.test/Phone"_s);
    QCOMPARE(full.toString(), u"alice@contoso.test/Phone"_s);
    QCOMPARE(full.toBareString(), u"alice@contoso.test"_s);
    QCOMPARE(full.bare().toString(), u"alice@contoso.test"_s);
    QVERIFY(full.bare().isBare());
    QVERIFY(!full.isBare());
    QCOMPARE(full.domainJid().toString(), u"contoso.test"_s);
    QVERIFY(full.domainJid().isDomain());
    QCOMPARE(full.bare().withResource(u"Laptop"_s).toString(), u"alice@contoso.test/Laptop"_s);
    QCOMPARE(full.withResource(QString()), full.bare());
    QVERIFY(!full.withResource(u"bad\u0000"_s).isValid());
    QVERIFY(!Jid().withResource(u"r"_s).isValid());
    QVERIFY(!Jid().isValid());
    QVERIFY(!Jid().isBare());
    QCOMPARE(Jid().toString(), QString());
}

void TstJid::hashAndEquality()
{
    QSet<Jid> set;
    set.insert(Jid::fromString(u"ALICE@contoso.test"_s));
    set.insert(Jid::fromString(u"alice@CONTOSO.TEST."_s));
    set.insert(Jid::fromString(u"alice@contoso.test/r"_s));
    QCOMPARE(set.size(), 2);
    QVERIFY(set.contains(Jid::fromString(u"Alice@Contoso.Test"_s)));
    QVERIFY(qHash(Jid::fromString(u"a@b.test"_s)) != qHash(Jid::fromString(u"b.test/a"_s)) ||
            Jid::fromString(u"a@b.test"_s) != Jid::fromString(u"b.test/a"_s));
}

QTEST_APPLESS_MAIN(TstJid)
#include "tst_jid.moc"
