#include "TopologyView.h"

#include <QFontMetrics>
#include <QHash>
#include <QPainter>
#include <QPainterPath>

namespace fedgate::wizard {

namespace {
const QColor kSite(0xe3, 0xf2, 0xfd);
const QColor kSiteBorder(0x15, 0x65, 0xc0);
const QColor kFrontEnd(0x2e, 0x7d, 0x32);
const QColor kEdge(0xef, 0x6c, 0x00);
const QColor kEdgeOff(0xbd, 0xbd, 0xbd);
const QColor kPartner(0x6a, 0x1b, 0x9a);

void drawArrow(QPainter &p, QPointF from, QPointF to)
{
    p.drawLine(from, to);
    const QLineF line(to, from);
    QLineF head = line;
    head.setLength(8);
    head.setAngle(line.angle() + 25);
    p.drawLine(head);
    head.setAngle(line.angle() - 25);
    p.drawLine(head);
}
QString typeText(topology::PartnerType type)
{
    switch (type) {
    case topology::PartnerType::Federated:
        return TopologyView::tr("federated");
    case topology::PartnerType::PublicVerified:
        return TopologyView::tr("public, verified");
    case topology::PartnerType::PublicUnverified:
        break;
    }
    return TopologyView::tr("public, unverified");
}
} // namespace

TopologyView::TopologyView(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Topology picture"));
    setAccessibleDescription(tr("Sites, pools, XMPP federation routes and partners."));
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, Qt::white);
    setPalette(pal);
}

void TopologyView::setTopology(const topology::Topology &topology)
{
    if (topology == m_topology)
        return;
    m_topology = topology;
    update();
}

void TopologyView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm = fontMetrics();
    const int lineHeight = fm.height();
    const QRectF area = rect().adjusted(10, 10, -10, -10);

    if (m_topology.sites.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(area, Qt::AlignCenter | Qt::TextWordWrap,
                   tr("No site yet. Add a site to start the topology."));
        return;
    }

    // Layout first, painting after: partners along the top (the Internet
    // side), sites below, so the partner links can be drawn under the sites.
    const qreal gap = 12;
    const qreal partnerHeight = lineHeight * 2 + 12;
    const qreal partnerBand = m_topology.partners.isEmpty() ? 0 : partnerHeight + 36;
    const qreal siteTop = area.top() + partnerBand;
    const int siteCount = m_topology.sites.size();
    const qreal siteWidth = (area.width() - gap * (siteCount - 1)) / siteCount;
    const qreal boxHeight = lineHeight * 2 + 10;

    struct PoolBox
    {
        QRectF rect;
        QString caption;
        QString name;
        QColor colour;
    };
    QList<QRectF> siteRects;
    QList<PoolBox> pools;
    QHash<QString, QRectF> edgeBoxes; // edge pool FQDN (lower case) -> box
    for (int i = 0; i < siteCount; ++i) {
        const topology::Site &site = m_topology.sites.at(i);
        const int count = site.frontEndPools.size() + site.edgePools.size();
        const QRectF siteRect(area.left() + i * (siteWidth + gap), siteTop, siteWidth,
                              lineHeight + 20 + count * (boxHeight + 8));
        siteRects.append(siteRect);
        qreal y = siteRect.top() + lineHeight + 14;
        for (const topology::FrontEndPool &fe : site.frontEndPools) {
            pools.append({QRectF(siteRect.left() + 8, y, siteRect.width() - 16, boxHeight),
                          tr("Front-end pool"), fe.fqdn, kFrontEnd});
            y += boxHeight + 8;
        }
        for (const topology::EdgePool &edge : site.edgePools) {
            const QRectF box(siteRect.left() + 8, y, siteRect.width() - 16, boxHeight);
            pools.append({box,
                          edge.xmppFederation ? tr("Edge pool, XMPP port %1").arg(edge.xmppPort)
                                              : tr("Edge pool, no XMPP"),
                          edge.externalFqdn.isEmpty() ? edge.fqdn : edge.externalFqdn,
                          edge.xmppFederation ? kEdge : kEdgeOff});
            edgeBoxes.insert(edge.fqdn.toLower(), box);
            y += boxHeight + 8;
        }
    }

    // Partners and their links to every edge pool that carries XMPP traffic.
    const int n = m_topology.partners.size();
    if (n > 0) {
        const qreal partnerWidth = qMin<qreal>(220, (area.width() - gap * (n - 1)) / n);
        const qreal left = area.center().x() - (n * partnerWidth + (n - 1) * gap) / 2;
        QList<QRectF> partnerBoxes;
        for (int i = 0; i < n; ++i)
            partnerBoxes.append(
                QRectF(left + i * (partnerWidth + gap), area.top(), partnerWidth, partnerHeight));
        p.setPen(QPen(kPartner, 1, Qt::DotLine));
        for (const topology::EdgePool *edge : m_topology.xmppRoutedEdgePools()) {
            const QRectF target = edgeBoxes.value(edge->fqdn.toLower());
            if (target.isNull())
                continue;
            for (const QRectF &box : std::as_const(partnerBoxes))
                p.drawLine(QPointF(box.center().x(), box.bottom()),
                           QPointF(target.center().x(), target.top()));
        }
        for (int i = 0; i < n; ++i) {
            const QRectF &box = partnerBoxes.at(i);
            const topology::XmppPartner &partner = m_topology.partners.at(i);
            p.setPen(QPen(kPartner, 1.2));
            p.setBrush(QColor(0xf3, 0xe5, 0xf5));
            p.drawRoundedRect(box, 6, 6);
            p.drawText(box.adjusted(6, 4, -6, -4), Qt::AlignCenter,
                       fm.elidedText(partner.domain, Qt::ElideMiddle, int(box.width() - 12)) +
                           QLatin1Char('\n') + typeText(partner.type));
        }
    }

    // Sites and their pools.
    QFont bold = font();
    bold.setBold(true);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    for (int i = 0; i < siteCount; ++i) {
        const QRectF &siteRect = siteRects.at(i);
        p.setPen(QPen(kSiteBorder, 1.5));
        p.setBrush(kSite);
        p.drawRoundedRect(siteRect, 8, 8);
        p.setFont(bold);
        const QRectF title(siteRect.left() + 8, siteRect.top() + 6, siteRect.width() - 16,
                           lineHeight);
        p.drawText(title, Qt::AlignLeft | Qt::AlignVCenter,
                   QFontMetrics(bold).elidedText(tr("Site %1").arg(m_topology.sites.at(i).name),
                                                 Qt::ElideRight, int(title.width())));
    }
    for (const PoolBox &pool : std::as_const(pools)) {
        p.setPen(QPen(pool.colour.darker(120), 1));
        p.setBrush(pool.colour);
        p.drawRoundedRect(pool.rect, 4, 4);
        p.setPen(Qt::white);
        const QRectF inner = pool.rect.adjusted(6, 4, -6, -4);
        p.setFont(small);
        p.drawText(
            QRectF(inner.left(), inner.top(), inner.width(), inner.height() / 2),
            Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(small).elidedText(pool.caption, Qt::ElideRight, int(inner.width())));
        p.setFont(bold);
        p.drawText(QRectF(inner.left(), inner.center().y(), inner.width(), inner.height() / 2),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   QFontMetrics(bold).elidedText(pool.name, Qt::ElideMiddle, int(inner.width())));
    }
    p.setFont(font());

    // Routes: from under each federating site to its edge pool, which may sit
    // in another site.
    qreal lane = 0;
    for (int i = 0; i < siteCount; ++i) {
        const topology::Site &site = m_topology.sites.at(i);
        const QRectF target = edgeBoxes.value(site.xmppFederationRoute.toLower());
        if (site.xmppFederationRoute.isEmpty() || target.isNull())
            continue;
        const QRectF &siteRect = siteRects.at(i);
        lane += 16;
        const QPointF from(siteRect.center().x() - 20, siteRect.bottom());
        const qreal laneY = qMax(siteRect.bottom(), target.bottom()) + lane;
        const QPointF to(target.center().x() + 20, target.bottom());
        p.setPen(QPen(kSiteBorder, 1.6, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        QPainterPath path(from);
        path.lineTo(from.x(), laneY);
        path.lineTo(to.x(), laneY);
        p.drawPath(path);
        p.setPen(QPen(kSiteBorder, 1.6));
        drawArrow(p, QPointF(to.x(), laneY), to);
        const QString label = tr("XMPP route of %1").arg(site.name);
        const qreal labelX =
            qMin(qMin(from.x(), to.x()) + 6, area.right() - fm.horizontalAdvance(label));
        p.drawText(QPointF(qMax(area.left(), labelX), laneY + lineHeight), label);
        lane += lineHeight;
    }

    // Legend along the bottom.
    const QList<QPair<QColor, QString>> legend = {
        {kFrontEnd, tr("front-end pool")},
        {kEdge, tr("edge pool with XMPP")},
        {kEdgeOff, tr("edge pool without XMPP")},
        {kPartner, tr("partner")},
    };
    p.setFont(small);
    const QFontMetrics smallMetrics(small);
    qreal x = area.left();
    qreal y = area.bottom() - 2 * lineHeight; // room for two rows
    for (const auto &[colour, text] : legend) {
        if (x > area.left() && x + 16 + smallMetrics.horizontalAdvance(text) > area.right()) {
            x = area.left();
            y += lineHeight;
        }
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        p.drawRoundedRect(QRectF(x, y + 2, 12, lineHeight - 4), 2, 2);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QPointF(x + 16, y + smallMetrics.ascent() + 1), text);
        x += 16 + smallMetrics.horizontalAdvance(text) + 14;
    }
}

} // namespace fedgate::wizard
