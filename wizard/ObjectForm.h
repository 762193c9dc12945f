#pragma once

#include "TopologyPath.h"

#include "topology/Topology.h"

#include <QWidget>

class QCheckBox;
class QFormLayout;
class QLineEdit;
class QSpinBox;

// Base of the topology editor's forms, one per object kind. A form shows the
// object a path names; when the user finishes an edit it emits edited(), and
// the editor asks it to write itself into a copy of the topology (apply),
// which goes to the Workspace. The form never stores the topology itself.
namespace fedgate::wizard {

class ObjectForm : public QWidget
{
    Q_OBJECT
public:
    explicit ObjectForm(QWidget *parent = nullptr);

    void load(const topology::Topology &topology, const QString &path);
    // Writes the fields into `topology`; returns the object's path afterwards
    // (a rename changes it), or an empty string when the object is gone.
    virtual QString apply(topology::Topology &topology) const = 0;
    QString path() const { return m_path; }

signals:
    void edited();

protected:
    virtual void fill(const topology::Topology &topology) = 0;

    QLineEdit *addLine(const QString &label, const QString &hint = {},
                       const QString &whatsThis = {});
    QCheckBox *addCheck(const QString &text, const QString &whatsThis = {});
    QSpinBox *addPort(const QString &label);
    // A whole number in [min, max]; `suffix` is shown after it (" s").
    QSpinBox *addNumber(const QString &label, int min, int max, const QString &suffix = {},
                        const QString &whatsThis = {});
    // A bold heading spanning the form, to group the rows that follow.
    void addSection(const QString &title);
    static QStringList splitList(const QString &text);
    static QString joinList(const QStringList &list);

    QFormLayout *m_form;
    QString m_path;
};

} // namespace fedgate::wizard
