#pragma once

#include "topology/Topology.h"

#include <QWidget>

// A picture of the topology: each site as a box holding its front-end and
// edge pools, the XMPP federation routes from sites to edge pools, and the
// partners on the Internet side reached through the routed edge pools.
// Painted from the model on every change, so it always shows the draft.
namespace fedgate::wizard {

class TopologyView : public QWidget
{
    Q_OBJECT
public:
    explicit TopologyView(QWidget *parent = nullptr);

    void setTopology(const topology::Topology &topology);
    QSize minimumSizeHint() const override { return {320, 260}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    topology::Topology m_topology;
};

} // namespace fedgate::wizard
