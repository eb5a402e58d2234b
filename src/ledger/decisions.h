// Auditor decisions beside a case's findings: the findings stay as judged; the decisions are
// attached to the result (notes.decisions) with the verdict they would give shown apart.
#pragma once

#include <vector>

#include "ledger/ledger.h"
#include "rules/check.h"
#include "rules/pack.h"

namespace tfa::ledger {

// True if `decision` is one of agree, pass, fail, needs_review.
bool valid_decision(const std::string& decision);

// Attaches `decisions` (the case's, oldest first) to `result`. A decision is stale when the
// case has no finding of its rule, or the finding's status differs from the one decided on.
// For the latest live decision on each rule, pass and fail set that finding's status and
// needs_review sends the case to review; the verdict this gives is
// notes.verdict_with_decisions. The findings and verdict of `result` are not changed.
void apply_decisions(const rules::RulePack& pack, rules::CaseResult& result, const std::vector<DecisionRow>& decisions);

}  // namespace tfa::ledger
