#include "ledger/decisions.h"

#include <map>

namespace tfa::ledger {

bool valid_decision(const std::string& d) { return d == "agree" || d == "pass" || d == "fail" || d == "needs_review"; }

void apply_decisions(const rules::RulePack& pack, rules::CaseResult& result,
                     const std::vector<DecisionRow>& decisions) {
    if (decisions.empty()) return;
    std::map<std::string, size_t> index;  // rule → finding
    for (size_t i = 0; i < result.findings.size(); ++i) index[result.findings[i].rule] = i;
    std::map<std::string, const rules::Decision*> live;  // rule → its latest live decision
    for (const auto& row : decisions) {
        rules::Decision d = row.d;
        auto it = index.find(d.rule);
        d.stale = it == index.end() || (!row.finding_status.empty() &&
                                        rules::to_string(result.findings[it->second].status) != row.finding_status);
        result.notes.decisions.push_back(d);
    }
    for (const auto& d : result.notes.decisions)
        if (!d.stale) live[d.rule] = &d;
    if (result.findings.size() != pack.rules.size()) return;
    rules::CaseResult what_if = result;
    what_if.to_make_claimable.clear();
    what_if.route.clear();
    what_if.grade.clear();
    bool review = false;
    for (const auto& [rule, d] : live) {
        auto& f = what_if.findings[index[rule]];
        if (d->decision == "pass")
            f.status = rules::Status::Pass;
        else if (d->decision == "fail")
            f.status = rules::Status::Fail;
        else if (d->decision == "needs_review")
            review = true;
    }
    rules::finalize(pack, what_if);
    result.notes.verdict_with_decisions = review ? "needs_review" : rules::to_string(what_if.verdict);
}

}  // namespace tfa::ledger
