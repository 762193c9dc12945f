#pragma once

#include <QTest>
#include <QTreeWidget>

// Finding and clicking a row of a page's list by its first column, as a
// user would.
namespace fedgate::test {

inline QTreeWidgetItem *treeItem(QTreeWidget *tree, const QString &text)
{
    const auto items = tree->findItems(text, Qt::MatchExactly);
    return items.isEmpty() ? nullptr : items.first();
}

inline void clickTreeItem(QTreeWidget *tree, const QString &text)
{
    QTreeWidgetItem *item = treeItem(tree, text);
    QVERIFY2(item, qPrintable(text));
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                      tree->visualItemRect(item).topLeft() + QPoint(10, 5));
    QCOMPARE(tree->currentItem(), item);
}

} // namespace fedgate::test
