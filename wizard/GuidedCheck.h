#pragma once

#include "topology/Topology.h"

#include <QLabel>
#include <QStringList>

// The guided-creation wizards check each page with the same core rules as
// the forms (topology::validate): the page's objects are put into a copy of
// the draft, and the errors found on them, in plain words, keep the page
// from being left.
namespace fedgate::wizard {

// Errors of validate(candidate) on `paths` or below them, minus the rules in
// `ignoredRules` (a later page fills those in), each as describeFinding().
QStringList pageErrors(const topology::Topology &candidate, const QStringList &paths,
                       const QStringList &ignoredRules = {});
// An error label for the bottom of a page (hidden while empty).
QLabel *makeErrorLabel(QWidget *parent);
// Shows `errors` in `label`; returns true when there are none.
bool showPageErrors(QLabel *label, const QStringList &errors);

} // namespace fedgate::wizard
