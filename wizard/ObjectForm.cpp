#include "ObjectForm.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSpinBox>

#include <vector>

namespace fedgate::wizard {

ObjectForm::ObjectForm(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout(this))
{
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // Long labels go above their field rather than widening the form.
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_form->setContentsMargins(0, 0, 0, 0);
}

void ObjectForm::load(const topology::Topology &topology, const QString &path)
{
    m_path = path;
    // Filling the fields must not look like user edits.
    const QList<QWidget *> fields = findChildren<QWidget *>();
    std::vector<QSignalBlocker> blockers;
    blockers.reserve(size_t(fields.size()));
    for (QWidget *w : fields)
        blockers.emplace_back(w);
    fill(topology);
}

QLineEdit *ObjectForm::addLine(const QString &label, const QString &hint, const QString &whatsThis)
{
    auto *edit = new QLineEdit(this);
    edit->setPlaceholderText(hint);
    edit->setAccessibleName(label);
    edit->setWhatsThis(whatsThis);
    edit->setToolTip(whatsThis);
    m_form->addRow(tr("%1:").arg(label), edit);
    connect(edit, &QLineEdit::editingFinished, this, [this, edit] {
        if (edit->isModified()) {
            edit->setModified(false);
            emit edited();
        }
    });
    return edit;
}

QCheckBox *ObjectForm::addCheck(const QString &text, const QString &whatsThis)
{
    auto *check = new QCheckBox(text, this);
    check->setAccessibleName(text);
    check->setToolTip(whatsThis);
    check->setWhatsThis(whatsThis);
    m_form->addRow(check);
    connect(check, &QCheckBox::toggled, this, &ObjectForm::edited);
    return check;
}

QSpinBox *ObjectForm::addPort(const QString &label)
{
    auto *spin = new QSpinBox(this);
    spin->setRange(1, 65535);
    spin->setAccessibleName(label);
    spin->setKeyboardTracking(false);
    m_form->addRow(tr("%1:").arg(label), spin);
    connect(spin, &QSpinBox::valueChanged, this, &ObjectForm::edited);
    return spin;
}

QSpinBox *ObjectForm::addNumber(const QString &label, int min, int max, const QString &suffix,
                                const QString &whatsThis)
{
    auto *spin = new QSpinBox(this);
    spin->setRange(min, max);
    spin->setSuffix(suffix);
    spin->setAccessibleName(label);
    spin->setToolTip(whatsThis);
    spin->setWhatsThis(whatsThis);
    // One edit (and one draft save) when the user leaves the field or
    // presses Enter, not one per keystroke.
    spin->setKeyboardTracking(false);
    m_form->addRow(tr("%1:").arg(label), spin);
    connect(spin, &QSpinBox::valueChanged, this, &ObjectForm::edited);
    return spin;
}

void ObjectForm::addSection(const QString &title)
{
    auto *heading = new QLabel(title, this);
    QFont font = heading->font();
    font.setBold(true);
    heading->setFont(font);
    // A little air above the heading separates it from the previous group.
    heading->setContentsMargins(0, 12, 0, 0);
    m_form->addRow(heading);
}

QStringList ObjectForm::splitList(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

QString ObjectForm::joinList(const QStringList &list)
{
    return list.join(QStringLiteral(", "));
}

} // namespace fedgate::wizard
