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

    // Partners along the top (the Internet side), sites below.
    const qreal partnerBand = m_topology.partners.isEmpty() ? 0 : lineHeight * 2 + 24;
    const qreal siteTop = area.top() + partnerBand + (partnerBand > 0 ? 30 : 0);
    const int siteCount = m_topology.sites.size();
    const qreal gap = 12;
    const qreal siteWidth = (area.width() - gap * (siteCount - 1)) / siteCount;
    const qreal boxHeight = lineHeight + 12;

    QHash<QString, QRectF> edgeBoxes; // edge pool FQDN (lower case) -> box
    QHash<QString, QPointF> siteAnchors;

    for (int i = 0; i < siteCount; ++i) {
        const topology::Site &site = m_topology.sites.at(i);
        const int pools = site.frontEndPools.size() + site.edgePools.size();
        const QRectF siteRect(area.left() + i * (siteWidth + gap), siteTop, siteWidth,
                              lineHeight * 2 + 16 + pools * (boxHeight + 8));
        p.setPen(QPen(kSiteBorder, 1.5));
        p.setBrush(kSite);
        p.drawRoundedRect(siteRect, 8, 8);
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.setPen(kSiteBorder);
        const QRectF title(siteRect.left() + 8, siteRect.top() + 6, siteRect.width() - 16,
                           lineHeight);
        p.drawText(title, Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(tr("Site %1").arg(site.name), Qt::ElideRight, int(title.width())));
        p.setFont(font());
        siteAnchors.insert(site.name, QPointF(siteRect.center().x(), siteRect.bottom()));

        qreal y = title.bottom() + 10;
        auto drawPool = [&](const QString &label, const QColor &colour) {
            const QRectF box(siteRect.left() + 10, y, siteRect.width() - 20, boxHeight);
            p.setPen(QPen(colour.darker(120), 1));
            p.setBrush(colour);
            p.drawRoundedRect(box, 4, 4);
            p.setPen(Qt::white);
            p.drawText(box.adjusted(6, 0, -6, 0), Qt::AlignLeft | Qt::AlignVCenter,
                       fm.elidedText(label, Qt::ElideMiddle, int(box.width() - 12)));
            y += boxHeight + 8;
            return box;
        };
        for (const topology::FrontEndPool &fe : site.frontEndPools)
            drawPool(tr("Front end %1").arg(fe.fqdn), kFrontEnd);
        for (const topology::EdgePool &edge : site.edgePools) {
            const QString label =
                edge.xmppFederation
                    ? tr("Edge %1 - XMPP %2")
                          .arg(edge.externalFqdn.isEmpty() ? edge.fqdn : edge.externalFqdn)
                          .arg(edge.xmppPort)
                    : tr("Edge %1").arg(edge.fqdn);
            edgeBoxes.insert(edge.fqdn.toLower(),
                             drawPool(label, edge.xmppFederation ? kEdge : kEdgeOff));
        }
    }

    // Routes: from the bottom of each federating site to its edge pool
    // (which may sit in another site).
    p.setPen(QPen(kSiteBorder, 1.6, Qt::DashLine));
    for (const topology::Site &site : m_topology.sites) {
        const QRectF target = edgeBoxes.value(site.xmppFederationRoute.toLower());
        if (site.xmppFederationRoute.isEmpty() || target.isNull())
            continue;
        const QPointF from = siteAnchors.value(site.name);
        const QPointF below(from.x(), from.y() + 18);
        const QPointF to(target.center().x(), target.bottom());
        QPainterPath path(from);
        path.lineTo(below);
        path.lineTo(QPointF(to.x(), below.y()));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        drawArrow(p, QPointF(to.x(), below.y()), to);
        p.drawText(QPointF(qMin(from.x(), to.x()) + 4, below.y() + lineHeight),
                   tr("XMPP route of %1").arg(site.name));
    }

    if (m_topology.partners.isEmpty())
        return;
    // Partners: one box each along the top, joined to every routed edge pool.
    const int n = m_topology.partners.size();
    const qreal partnerWidth = qMin<qreal>(200, (area.width() - gap * (n - 1)) / n);
    QList<QRectF> partnerBoxes;
    for (int i = 0; i < n; ++i) {
        const QRectF box(area.left() + i * (partnerWidth + gap), area.top(), partnerWidth,
                         lineHeight * 2 + 10);
        p.setPen(QPen(kPartner, 1.2));
        p.setBrush(QColor(0xf3, 0xe5, 0xf5));
        p.drawRoundedRect(box, 6, 6);
        const topology::XmppPartner &partner = m_topology.partners.at(i);
        p.drawText(box.adjusted(6, 4, -6, -4), Qt::AlignCenter,
                   fm.elidedText(partner.domain, Qt::ElideMiddle, int(box.width() - 12)) +
                       QLatin1Char('\n') + topology::toString(partner.type));
        partnerBoxes.append(box);
    }
    p.setPen(QPen(kPartner, 1, Qt::DotLine));
    for (const topology::EdgePool *edge : m_topology.xmppRoutedEdgePools()) {
        const QRectF target = edgeBoxes.value(edge->fqdn.toLower());
        if (target.isNull())
            continue;
        for (const QRectF &box : std::as_const(partnerBoxes))
            p.drawLine(QPointF(box.center().x(), box.bottom()),
                       QPointF(target.center().x(), target.top()));
    }
}

} // namespace fedgate::wizard
