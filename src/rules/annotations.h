// What is said about a case beside its findings: when it becomes claimable, and the auditor
// decisions on its findings. Filled by rules/claimable.h and by the ledger; writers show it.
#pragma once

#include <string>
#include <vector>

namespace tfa::rules {

// An auditor's decision on one finding of one case.
struct Decision {
    std::string rule;
    std::string decision;        // agree | pass | fail | needs_review
    std::string reason, by, at;  // at: ISO 8601 time
    bool stale = false;          // its finding no longer exists as it was when decided
};

struct Annotations {
    // For a case not claimable only because time has not passed: the ISO date it becomes
    // claimable (the sustain period or the employment weeks end). Empty otherwise.
    std::string claimable_from;
    // The case's decisions, oldest first (empty without a ledger).
    std::vector<Decision> decisions;
    // The verdict the decisions would give, when there are decisions; empty otherwise.
    std::string verdict_with_decisions;
};

}  // namespace tfa::rules
