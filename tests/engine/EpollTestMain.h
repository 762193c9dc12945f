#pragma once

#include "engine/runtime/EpollEventDispatcher.h"

#include <QCoreApplication>
#include <QTest>

// A QTest main whose application runs on an EpollEventDispatcher, as
// fedgated's threads do, whatever FEDGATE_EVENT_DISPATCHER says.
#define FEDGATE_EPOLL_TEST_MAIN(TestObject)                                                        \
    int main(int argc, char *argv[])                                                               \
    {                                                                                              \
        QCoreApplication::setEventDispatcher(new fedgate::engine::EpollEventDispatcher);           \
        QCoreApplication app(argc, argv);                                                          \
        app.setAttribute(Qt::AA_Use96Dpi, true);                                                   \
        TestObject tc;                                                                             \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&tc, argc, argv);                                                      \
    }
