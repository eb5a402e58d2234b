// When will a case be claimable? For a case that is not claimable only because time has not
// passed (a claim route's sustain period or employment weeks are still running, nothing else
// on that route fails, and nothing contradicts them), the date it becomes claimable.
//
// Two steps, because a batch settles duplicates after judging: claimable_from() gives the
// candidate date from the record and the route findings; settle_claimable() keeps it only
// when the final result is not_claimable for that reason alone.
#pragma once

#include <string>

#include "model/record.h"
#include "rules/check.h"
#include "rules/pack.h"

namespace tfa::rules {

// The earliest ISO date at which a claim route whose only failing rules are sustained or
// employment rules still waiting for time would pass; empty when there is none. `result`
// holds the findings of `record` (raw or final), one per rule of `pack`.
std::string claimable_from(const RulePack& pack, const CaseRecord& record, long as_of, const CaseResult& result);

// Clears result.notes.claimable_from unless the final verdict is not_claimable, no rule
// outside the claim routes fails and no recurrence or cue warning contradicts the progress.
void settle_claimable(const RulePack& pack, CaseResult& result);

}  // namespace tfa::rules
