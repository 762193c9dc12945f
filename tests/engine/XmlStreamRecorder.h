#pragma once

#include "engine/xml/XmlStreamParser.h"

#include <QList>

// What the parser unit tests share: a stream header as peers send it, and a
// parser whose callbacks record what came out.
namespace fedgate::engine::test {

inline const QByteArray kStreamHeader =
    "<?xml version='1.0'?><stream:stream xmlns='jabber:server' "
    "xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback' "
    "to='example.test' from='remote.test' version='1.0'>";

struct XmlStreamRecorder
{
    XmlStreamParser parser;
    QList<XmlElement> headers;
    QList<XmlElement> elements;
    bool closed = false;
    QList<StreamErrorCondition> errors;
    QString errorText;

    XmlStreamRecorder()
    {
        parser.onStreamOpened = [this](const XmlElement &h) { headers.append(h); };
        parser.onElement = [this](XmlElement &&e) { elements.append(std::move(e)); };
        parser.onStreamClosed = [this] { closed = true; };
        parser.onError = [this](StreamErrorCondition c, const QString &t) {
            errors.append(c);
            errorText = t;
        };
    }

    // Feeds `input` in chunks; returns the bytes given before the parser
    // failed (all of them when it never did).
    qsizetype feedChunks(const QByteArray &input, qsizetype chunk)
    {
        for (qsizetype offset = 0; offset < input.size(); offset += chunk)
            if (!parser.feed(input.mid(offset, chunk)))
                return offset + qMin(chunk, input.size() - offset);
        return input.size();
    }

    bool refusedWith(StreamErrorCondition condition) const
    {
        return errors.size() == 1 && errors[0] == condition && parser.failed();
    }
};

} // namespace fedgate::engine::test
