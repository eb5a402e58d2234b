#include "report/notes.h"

namespace tfa::report {

std::string decision_words(const rules::Decision& d) {
    std::string s = d.decision + " by " + d.by + " on " + d.at.substr(0, 10) + ": " + d.reason;
    if (d.stale) s += " (stale: its finding has changed since)";
    return s;
}

std::vector<const rules::Decision*> decisions_on(const rules::CaseResult& r, const std::string& rule) {
    std::vector<const rules::Decision*> out;
    for (const auto& d : r.notes.decisions)
        if (d.rule == rule) out.push_back(&d);
    return out;
}

std::string decisions_cell(const rules::CaseResult& r) {
    std::string s;
    for (const auto& d : r.notes.decisions) s += (s.empty() ? "" : "; ") + d.rule + ": " + decision_words(d);
    if (!r.notes.verdict_with_decisions.empty()) s += "; verdict with decisions: " + r.notes.verdict_with_decisions;
    return s;
}

}  // namespace tfa::report
