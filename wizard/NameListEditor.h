#pragma once

#include <QStringList>
#include <QWidget>

class QListWidget;
class QPushButton;

// A list of names (server FQDNs, domains) edited one per row: Add opens a
// new row for typing, a double-click edits a row, Remove drops the selected
// one. Emits edited() once a change is complete, never per keystroke.
namespace fedgate::wizard {

class NameListEditor : public QWidget
{
    Q_OBJECT
public:
    explicit NameListEditor(const QString &accessibleName, QWidget *parent = nullptr);

    QStringList names() const; // trimmed, empty rows left out
    void setNames(const QStringList &names);
    QListWidget *list() const { return m_list; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    // Appends `name` as a user adding a row and typing it would.
    void addName(const QString &name);

signals:
    void edited();

private:
    void updateButtons();

    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_remove;
    bool m_filling = false;
};

} // namespace fedgate::wizard
