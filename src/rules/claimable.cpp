#include "rules/claimable.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "core/calendar.h"
#include "core/text.h"
#include "rules/check_util.h"
#include "rules/kinds.h"

namespace tfa::rules {

using util::day;

namespace {

// The day every criterion will have been held `months` from when it was achieved (or from
// closure), when each is achieved and at least one is still waiting; nullopt when a
// criterion is not achieved or its period has already run (evidence, not time, is missing).
std::optional<long> sustained_until(const Rule& rule, const CaseRecord& r, long as_of) {
    const long months = std::atol(rule.params.at("months").value.c_str());
    const bool from_closure = rule.params.count("from") && rule.params.at("from").value == "closure";
    long until = 0;
    bool waiting = false;
    for (const auto& c : util::all_criteria(r)) {
        std::optional<long> start;
        if (from_closure) {
            const ClosureOutcome* co = util::closure_for(r, c, as_of);
            if (co && co->achieved.value_or(false) && util::counts(r.closure_date, as_of)) start = day(r.closure_date);
        } else {
            start = util::achieved_on(r, c, as_of, nullptr);
        }
        if (!start) return std::nullopt;
        const long need = cal::add_months(*start, static_cast<int>(months));
        until = std::max(until, need);
        waiting = waiting || need > as_of;
    }
    if (!waiting) return std::nullopt;
    return until;
}

// The first day an adult who left an out-of-work benefit and started work will have been in
// work for the weeks that benefit requires; nullopt when no one's facts are complete and
// waiting only for time.
std::optional<long> employed_until(const Rule& rule, const CaseRecord& r, long as_of) {
    std::map<std::string, long> weeks;
    for (const auto& item : text::split(rule.params.at("weeks").value, ',')) {
        const auto colon = item.find(':');
        if (colon != std::string::npos)
            weeks[text::lower(text::trim(item.substr(0, colon)))] = std::atol(item.c_str() + colon + 1);
    }
    const long adult = rule.params.count("adult_age") ? std::atol(rule.params.at("adult_age").value.c_str()) : 18;
    const long on = day(r.assessment_date).value_or(as_of);
    std::optional<long> best;
    std::set<std::string> who;
    for (const auto& e : r.evidence)
        if (e.measure == "employment_start") who.insert(e.member);
    for (const auto& m : who) {
        long need = -1;
        std::optional<long> ended, start;
        for (const auto& e : r.evidence) {
            if (e.member != m) continue;
            if (e.measure == "benefit" && need < 0 && weeks.count(text::lower(text::trim(e.value))))
                need = weeks[text::lower(text::trim(e.value))];
            if (e.measure == "benefit_end" && util::counts(e.value, as_of)) ended = day(e.value);
            if (e.measure == "employment_start" && util::counts(e.value, as_of) && !start) start = day(e.value);
        }
        bool is_adult = false;
        for (const auto& p : r.members)
            if (p.name == m && day(p.dob)) is_adult = cal::years_between(*day(p.dob), on) >= adult;
        if (need < 0 || !ended || !start || !is_adult) continue;
        const long until = *start + need * 7;
        if (until > as_of && (!best || until < *best)) best = until;
    }
    return best;
}

}  // namespace

std::string claimable_from(const RulePack& pack, const CaseRecord& record, long as_of, const CaseResult& result) {
    if (result.findings.size() != pack.rules.size()) return {};
    std::vector<std::string> routes;
    for (const auto& r : pack.rules)
        if (is_claim_route(r.route) && std::find(routes.begin(), routes.end(), r.route) == routes.end())
            routes.push_back(r.route);
    std::optional<long> best;
    for (const auto& route : routes) {
        std::optional<long> until;
        bool ok = true, any_time = false;
        for (size_t i = 0; ok && i < pack.rules.size(); ++i) {
            const Rule& rule = pack.rules[i];
            if (rule.route != route) continue;
            if (result.findings[i].status == Status::NeedsReview) ok = false;  // undecided: not time alone
            if (!ok || result.findings[i].status != Status::Fail) continue;
            std::optional<long> d;
            if (rule.kind == "sustained")
                d = sustained_until(rule, record, as_of);
            else if (rule.kind == "employment")
                d = employed_until(rule, record, as_of);
            ok = d.has_value();
            if (ok) until = std::max(until.value_or(0), *d), any_time = true;
        }
        if (ok && any_time && (!best || *until < *best)) best = until;
    }
    return best ? cal::format(*best) : std::string();
}

void settle_claimable(const RulePack& pack, CaseResult& result) {
    auto& from = result.notes.claimable_from;
    if (from.empty()) return;
    if (result.verdict != Verdict::NotClaimable || result.findings.size() != pack.rules.size()) return from.clear();
    for (size_t i = 0; i < pack.rules.size(); ++i) {
        const Rule& rule = pack.rules[i];
        const Status st = result.findings[i].status;
        if ((st == Status::Fail || st == Status::NeedsReview) && !is_claim_route(rule.route)) return from.clear();
        if (st == Status::Warn && (rule.kind == "recurrence" || rule.kind == "text_cue")) return from.clear();
    }
}

}  // namespace tfa::rules
