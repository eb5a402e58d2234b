// Words for a case's notes (claimable_from, auditor decisions), shared by the writers.
#pragma once

#include <string>
#include <vector>

#include "rules/check.h"

namespace tfa::report {

// "pass by A. Auditor on 2026-11-30: the school letter shows 96 %", with " (stale: its
// finding has changed since)" for a stale decision.
std::string decision_words(const rules::Decision& d);

// The case's decisions on `rule`.
std::vector<const rules::Decision*> decisions_on(const rules::CaseResult& r, const std::string& rule);

// Every decision as "RULE: words", joined with "; " (for one-cell formats).
std::string decisions_cell(const rules::CaseResult& r);

}  // namespace tfa::report
