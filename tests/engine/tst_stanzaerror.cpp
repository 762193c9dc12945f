// The one stanza-error builder (engine/xml/StanzaError) the gateway
// (jabber:client) and the edge's bounces (Engine::bounce, jabber:server)
// share: addresses swapped, id kept, the RFC 6120 8.3.3 error type for the
// condition, the payload rules, and the stanzas never answered with an error.
#include "engine/c2s/ClientNamespaces.h"
#include "engine/xml/Namespaces.h"
#include "engine/xml/StanzaError.h"

#include <QTest>

using namespace fedgate::engine;

namespace {
XmlElement message(const QString &type = {})
{
    XmlElement m(QStringLiteral("message"), ns::kServer);
    m.setAttribute(QStringLiteral("from"), QStringLiteral("juliet@contoso.test/balcony"));
    m.setAttribute(QStringLiteral("to"), QStringLiteral("romeo@fabrikam.test"));
    m.setAttribute(QStringLiteral("id"), QStringLiteral("m1"));
    if (!type.isEmpty())
        m.setAttribute(QStringLiteral("type"), type);
    m.addChild(XmlElement(QStringLiteral("body"), ns::kServer)).addText(QStringLiteral("hi"));
    m.addChild(XmlElement(QStringLiteral("x"), QStringLiteral("urn:example:private")));
    return m;
}
} // namespace

class TstStanzaError : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void serverBounceSwapsAddressesAndKeepsTheBody()
    {
        const XmlElement reply = makeStanzaError(message(), QStringLiteral("not-allowed"),
                                                 QStringLiteral("not a partner"), ns::kServer);
        QCOMPARE(reply.name(), QStringLiteral("message"));
        QCOMPARE(reply.ns(), ns::kServer);
        QCOMPARE(reply.attribute(QStringLiteral("from")), QStringLiteral("romeo@fabrikam.test"));
        QCOMPARE(reply.attribute(QStringLiteral("to")),
                 QStringLiteral("juliet@contoso.test/balcony"));
        QCOMPARE(reply.attribute(QStringLiteral("id")), QStringLiteral("m1"));
        QCOMPARE(reply.attribute(QStringLiteral("type")), QStringLiteral("error"));
        QVERIFY(reply.firstChild(QStringLiteral("body")));
        QVERIFY(!reply.firstChild(QStringLiteral("x"))); // only body and thread go back
        const XmlElement *error = reply.firstChild(QStringLiteral("error"));
        QVERIFY(error);
        QCOMPARE(error->attribute(QStringLiteral("type")), QStringLiteral("cancel"));
        QVERIFY(error->firstChild(QStringLiteral("not-allowed"), ns::kStanzaErrors));
        const XmlElement *text = error->firstChild(QStringLiteral("text"), ns::kStanzaErrors);
        QVERIFY(text);
        QCOMPARE(text->text(), QStringLiteral("not a partner"));
        QCOMPARE(stanzaErrorCondition(reply), QStringLiteral("not-allowed"));
    }

    void errorTypeFollowsTheCondition_data()
    {
        QTest::addColumn<QString>("condition");
        QTest::addColumn<QString>("type");
        QTest::newRow("timeout") << "remote-server-timeout"
                                 << "wait";
        QTest::newRow("queue full") << "resource-constraint"
                                    << "wait";
        QTest::newRow("not found") << "remote-server-not-found"
                                   << "cancel";
        QTest::newRow("unavailable") << "service-unavailable"
                                     << "cancel";
        QTest::newRow("malformed") << "jid-malformed"
                                   << "modify";
        QTest::newRow("auth") << "not-authorized"
                              << "auth";
    }
    void errorTypeFollowsTheCondition()
    {
        QFETCH(QString, condition);
        QFETCH(QString, type);
        const XmlElement reply = makeStanzaError(message(), condition, {}, ns::kClient);
        QCOMPARE(reply.ns(), ns::kClient);
        const XmlElement *error = reply.firstChild(QStringLiteral("error"));
        QVERIFY(error);
        QCOMPARE(error->attribute(QStringLiteral("type")), type);
        QVERIFY(!error->firstChild(QStringLiteral("text"))); // no text given, none sent
    }

    void neverAnswersErrorsResultsOrAnonymousStanzas()
    {
        QVERIFY(mayAnswerWithError(message()));
        QVERIFY(!mayAnswerWithError(message(QStringLiteral("error"))));
        XmlElement result(QStringLiteral("iq"), ns::kServer);
        result.setAttribute(QStringLiteral("from"), QStringLiteral("fabrikam.test"));
        result.setAttribute(QStringLiteral("type"), QStringLiteral("result"));
        QVERIFY(!mayAnswerWithError(result));
        XmlElement anonymous = message();
        anonymous.removeAttribute(QStringLiteral("from"));
        QVERIFY(!mayAnswerWithError(anonymous));
    }
};

QTEST_GUILESS_MAIN(TstStanzaError)
#include "tst_stanzaerror.moc"
