#include "PageHeader.h"

#include <QLabel>
#include <QVBoxLayout>

namespace fedgate::wizard {

PageHeader::PageHeader(const QString &title, const QString &help, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 6);
    auto *titleLabel = new QLabel(title, this);
    QFont font = titleLabel->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    titleLabel->setFont(font);
    titleLabel->setAccessibleName(title);
    layout->addWidget(titleLabel);

    auto *helpLabel = new QLabel(help, this);
    helpLabel->setObjectName(QStringLiteral("help"));
    helpLabel->setWordWrap(true);
    helpLabel->setAccessibleName(tr("Help"));
    helpLabel->setAccessibleDescription(help);
    helpLabel->setStyleSheet(QStringLiteral("color: palette(dark);"));
    layout->addWidget(helpLabel);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setAccessibleName(tr("Result of the last action"));
    m_message->hide();
    layout->addWidget(m_message);
}

void PageHeader::showMessage(const QString &text, Tone tone)
{
    static const char *const colours[] = {"#e3f2fd", "#e8f5e9", "#fff8e1", "#ffebee"};
    static const char *const borders[] = {"#90caf9", "#a5d6a7", "#ffe082", "#ef9a9a"};
    const int i = static_cast<int>(tone);
    m_message->setStyleSheet(
        QStringLiteral("QLabel { background: %1; border: 1px solid %2; border-radius: 4px;"
                       " padding: 6px; color: #212121; }")
            .arg(QLatin1String(colours[i]), QLatin1String(borders[i])));
    m_message->setText(text);
    m_message->show();
}

void PageHeader::clearMessage()
{
    m_message->clear();
    m_message->hide();
}

QString PageHeader::message() const
{
    return m_message->text();
}

} // namespace fedgate::wizard
