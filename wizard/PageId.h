#pragma once

// The pages of the main window, in navigation order.
namespace fedgate::wizard {

enum class PageId
{
    Home,
    Topology,
    Partners,
    Policies,
    Users,
    Certificates,
    Dns
};

} // namespace fedgate::wizard
