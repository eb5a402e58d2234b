// The claim check kinds: what tf-2015 and sf-2022 need (docs/case-record.md, "How tf-2015
// judges a record"). Each check reads only the record, its parameters, the pack's criteria and
// measures, and the as-of date.
#include <algorithm>
#include <cstdlib>
#include <set>

#include "core/calendar.h"
#include "core/text.h"
#include "rules/check_util.h"
#include "rules/kinds.h"

namespace tfa::rules {

using namespace util;

namespace {

CheckOutcome fail_with(std::map<std::string, std::string> vars, std::vector<EvidenceRef> ev = {}) {
    CheckOutcome o;
    o.status = Status::Fail;
    o.vars = std::move(vars);
    o.evidence = std::move(ev);
    return o;
}

CheckOutcome pass_with(std::map<std::string, std::string> vars, std::vector<EvidenceRef> ev = {}) {
    CheckOutcome o;
    o.vars = std::move(vars);
    o.evidence = std::move(ev);
    return o;
}

// A NeedsReview outcome: `reason` says what a person must decide.
CheckOutcome review_with(const std::string& reason, std::vector<EvidenceRef> ev = {}) {
    CheckOutcome o;
    o.status = Status::NeedsReview;
    o.vars["reason"] = reason;
    o.evidence = std::move(ev);
    return o;
}

std::vector<std::string> names_of(const RulePack& p, const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    for (const auto& id : ids) out.push_back(criterion_name(p, id));
    return out;
}

// The criteria a claim must show progress on: those identified, and those added later unless
// the pack's added_must_be_achieved says no.
std::vector<std::string> claim_criteria(const CheckInput& in) {
    if (param_text(in, "added_must_be_achieved") == "no") return in.record.criteria;
    return all_criteria(in.record);
}

// The earliest of the assessment's dates: when the family was attached.
std::optional<long> attached_on(const CaseRecord& r) {
    std::optional<long> out;
    for (const auto* iso : {&r.assessment_started, &r.assessment_completed, &r.assessment_date})
        if (auto d = day(*iso); d && (!out || *d < *out)) out = d;
    return out;
}

// --- min_criteria: at least `min` criteria (count=headlines) or needs (count=needs) identified
// at assessment. A need counts when the assessment gives evidence for it.
CheckOutcome min_criteria(const CheckInput& in) {
    const auto& r = in.record;
    const long min = param_int(in, "min");
    const bool needs = param_text(in, "count") == "needs";
    std::vector<EvidenceRef> ev;
    for (size_t i = 0; i < r.identified.size(); ++i)
        ev.push_back(cite(r.identified[i].src, path("identified", i), r.identified[i].evidence));
    if (ev.empty() && !r.criteria.empty()) ev.push_back(cite_key(r, "criteria", join(r.criteria, ", ")));
    size_t n = r.criteria.size();
    std::vector<std::string> unevidenced;
    if (needs && !r.identified.empty()) {
        n = 0;
        for (const auto& i : r.identified) {
            if (text::trim(i.evidence).empty())
                unevidenced.push_back(criterion_name(in.pack, i.criterion));
            else
                ++n;
        }
    }
    const char* one = needs ? "need" : "criterion";
    const char* many = needs ? "needs" : "criteria";
    std::string detail = r.criteria.empty() ? "none" : join(names_of(in.pack, r.criteria), ", ");
    if (!unevidenced.empty()) detail += "; without evidence: " + join(unevidenced, ", ");
    std::map<std::string, std::string> v{{"count", std::to_string(n)},
                                         {"counted", plural(static_cast<long>(n), one, many)},
                                         {"min", std::to_string(min)},
                                         {"criteria", detail}};
    if (static_cast<long>(n) >= min) return pass_with(v, ev);
    return fail_with(v, ev);
}

// --- document_present: the document is there, dated, and not dated before the one it
// follows (a plan is compared with the earlier of the assessment's start and completion).
struct DocFacts {
    bool present;
    std::string date, date_key, before_name, before_key;
    std::optional<long> before;
};

DocFacts doc_facts(const CaseRecord& r, const std::string& doc) {
    if (doc == "assessment") return {r.has_assessment, r.assessment_date, "assessment_date", "", "", std::nullopt};
    if (doc == "plan") {
        const auto on = attached_on(r);
        const bool started = on && day(r.assessment_started) == on;
        return {r.has_plan, r.plan_date, "plan_date", "assessment", started ? "assessment_started" : "assessment_date",
                on};
    }
    return {r.has_closure, r.closure_date, "closure_date", "plan", "plan_date", day(r.plan_date)};
}

CheckOutcome document_present(const CheckInput& in) {
    const std::string doc = param_text(in, "document");
    const DocFacts f = doc_facts(in.record, doc);
    std::map<std::string, std::string> v{{"document", doc}, {"date", f.date}};
    std::vector<EvidenceRef> ev;
    if (!f.date.empty()) ev.push_back(cite_key(in.record, f.date_key, f.date));
    if (!f.present) return fail_with((v["problem"] = "no " + doc + " in the bundle", v));
    if (!day(f.date)) return fail_with((v["problem"] = "the " + doc + " has no date", v), ev);
    if (f.before && *day(f.date) < *f.before) {
        ev.push_back(cite_key(in.record, f.before_key, cal::format(*f.before)));
        v["problem"] = "the " + doc + " (" + f.date + ") is dated before the " + f.before_name + " began (" +
                       cal::format(*f.before) + ")";
        return fail_with(v, ev);
    }
    return pass_with(v, ev);
}

// --- field_present: a scalar record field is filled.
std::string field_value(const CaseRecord& r, const std::string& f) { return text_field(r, f).value_or(""); }

CheckOutcome field_present(const CheckInput& in) {
    const std::string f = param_text(in, "field");
    const std::string value = field_value(in.record, f);
    std::map<std::string, std::string> v{{"field", f}, {"value", value}};
    if (value.empty()) return fail_with(v);
    return pass_with(v, {cite_key(in.record, f, value)});
}

// The words for a consent scope id.
std::string scope_words(const std::string& s) {
    if (s == "central_government") return "central government";
    if (s == "dwp") return "the DWP";
    if (s == "national_evaluation") return "the national evaluation";
    if (s == "troubled_families_programme") return "the Troubled Families programme";
    if (s == "government_departments") return "government departments";
    if (s == "local_partners") return "local partner agencies";
    return s;
}

std::string scopes_in_words(const std::vector<std::string>& ids) {
    std::vector<std::string> w;
    for (const auto& s : ids) w.push_back(scope_words(s));
    return join_and(w);
}

// --- consent: given, dated on or before the as-of date, naming a scope from the list.
CheckOutcome consent(const CheckInput& in) {
    const auto& r = in.record;
    const auto scopes = param_list(in, "scopes");
    std::vector<EvidenceRef> ev;
    if (r.consent_given) ev.push_back(cite_key(r, "consent_given", *r.consent_given ? "yes" : "no"));
    if (!r.consent_date.empty()) ev.push_back(cite_key(r, "consent_date", r.consent_date));
    std::map<std::string, std::string> v{{"date", r.consent_date}, {"scope", scopes_in_words(r.consent_scope)}};
    const bool scoped = std::any_of(r.consent_scope.begin(), r.consent_scope.end(), [&](const std::string& s) {
        return std::find(scopes.begin(), scopes.end(), s) != scopes.end();
    });
    if (!r.consent_given)
        v["problem"] = "consent to share is not answered";
    else if (!*r.consent_given)
        v["problem"] = "consent to share was refused";
    else if (r.consent_date.empty() || !day(r.consent_date))
        v["problem"] = "consent is not dated";
    else if (*day(r.consent_date) > in.as_of)
        v["problem"] = "consent is dated " + r.consent_date + ", after the as-of date";
    else if (!scoped && r.consent_scope.empty())
        v["problem"] = "the consent statement names no one it covers: the family must consent to sharing with " +
                       scope_words(scopes.front());
    else if (!scoped)
        v["problem"] = "the consent covers " + v["scope"] + " only: the family must also consent to sharing with " +
                       scope_words(scopes.front());
    if (v.count("problem")) return fail_with(v, ev);
    v["problem"] = "";
    return pass_with(v, ev);
}

// --- criteria_in_plan: every identified criterion is the criterion of some plan outcome.
CheckOutcome criteria_in_plan(const CheckInput& in) {
    const auto& r = in.record;
    if (r.criteria.empty()) return not_applicable("no criteria were identified at assessment");
    std::vector<std::string> missing;
    std::vector<EvidenceRef> ev;
    for (const auto& c : r.criteria) {
        bool found = false;
        for (size_t i = 0; i < r.plan_outcomes.size(); ++i) {
            if (r.plan_outcomes[i].criterion != c) continue;
            if (!found)
                ev.push_back(cite(r.plan_outcomes[i].src, path("plan_outcomes", i), r.plan_outcomes[i].outcome));
            found = true;
        }
        if (!found) missing.push_back(criterion_name(in.pack, c));
    }
    std::map<std::string, std::string> v{{"missing", join(missing, ", ")}, {"count", std::to_string(missing.size())}};
    if (missing.empty()) return pass_with(v, ev);
    return fail_with(v, ev);
}

// --- outcome_actions: every plan outcome has at least one action.
CheckOutcome outcome_actions(const CheckInput& in) {
    const auto& r = in.record;
    if (r.plan_outcomes.empty()) return not_applicable("the plan has no outcomes to link");
    std::vector<std::string> missing;
    std::vector<EvidenceRef> ev;
    for (size_t i = 0; i < r.plan_outcomes.size(); ++i) {
        const auto& o = r.plan_outcomes[i];
        if (!o.actions.empty()) continue;
        const std::string label =
            o.criterion.empty() ? "outcome " + std::to_string(i + 1) : criterion_name(in.pack, o.criterion);
        missing.push_back(label);
        ev.push_back(cite(o.src, path("plan_outcomes", i), o.outcome.empty() ? o.need : o.outcome));
    }
    const long n = static_cast<long>(r.plan_outcomes.size());
    std::map<std::string, std::string> v{{"missing", join(missing, ", ")},
                                         {"count", std::to_string(n)},
                                         {"outcomes", plural(n, "plan outcome", "plan outcomes")}};
    if (missing.empty()) return pass_with(v);
    return fail_with(v, ev);
}

// --- progress: every criterion (identified, and added unless the pack says otherwise)
// achieved at closure, else at the latest review.
CheckOutcome progress(const CheckInput& in) {
    const auto& r = in.record;
    std::vector<std::string> unmet;
    std::vector<EvidenceRef> ev;
    for (const auto& c : claim_criteria(in)) {
        const std::string name = criterion_name(in.pack, c);
        if (const ClosureOutcome* co = closure_for(r, c, in.as_of)) {
            ev.push_back(cite(co->src, "closure_outcomes." + c, co->evidence));
            if (!co->achieved.value_or(false)) unmet.push_back(name + " (not achieved at closure)");
            continue;
        }
        const Review* latest = nullptr;
        for (const Review* rv : dated_reviews(r, in.as_of))
            if (outcome_for(*rv, c)) latest = rv;
        if (!latest) {
            unmet.push_back(name + " (no closure or review records it)");
            continue;
        }
        const ReviewOutcome* o = outcome_for(*latest, c);
        ev.push_back(cite(o->src.empty() ? latest->src : o->src, "review " + latest->date + "." + c, o->progress));
        if (o->achieved != "yes")
            unmet.push_back(name + " (latest review " + latest->date + ": " +
                            (o->achieved.empty() ? "not stated" : o->achieved) + ")");
    }
    std::map<std::string, std::string> v{{"unmet", join(unmet, "; ")}};
    if (unmet.empty()) return pass_with(v, ev);
    return fail_with(v, ev);
}

// --- The timeline of one criterion: when it was achieved, when something showed it was not
// (a review saying no or partly, a recurrence cue, a hard-data row missing the pack's measure,
// a closure saying not achieved), and the dated evidence that it held.
struct Event {
    enum Kind { Break, Achieved, Hold } kind;
    long day;
    EvidenceRef ev;
    std::string what;  // for breaks: what showed it ("review 2019-05-01 says no")
};

const char* const kClosureNotAchieved = "the closure says not achieved";

bool employment_measure(const std::string& m) {
    return m == "benefit" || m == "benefit_end" || m == "employment_start" || m == "weeks_in_work";
}

// A number in a hard-data value: "94.5", "94.5%", "0"; yes/no and nil/none/cleared as 1/0.
std::optional<double> value_number(const std::string& value) {
    const std::string v = text::lower(text::trim(value));
    if (v == "yes") return 1;
    if (v == "no" || v == "none" || v == "nil" || v == "cleared") return 0;
    char* end = nullptr;
    const double d = std::strtod(v.c_str(), &end);
    if (end == v.c_str()) return std::nullopt;
    return d;
}

// The member's baseline for measure `m`: their latest row of it ending on or before the attachment.
std::optional<double> baseline_of(const CaseRecord& r, const Evidence& e, std::optional<long> attached) {
    std::optional<long> best;
    std::optional<double> value;
    for (const auto& x : r.evidence) {
        auto d = day(x.period_end);
        if (x.measure != e.measure || x.member != e.member || x.criterion != e.criterion || !d || !attached ||
            *d > *attached)
            continue;
        if (!best || *d > *best) best = d, value = value_number(x.value);
    }
    return value;
}

// Whether row `e` meets measure `m`: true, false, or nullopt when it cannot tell (no number,
// no baseline for a down-pct measure).
std::optional<bool> meets(const CaseRecord& r, const Measure& m, const Evidence& e) {
    if (!m.or_text.empty() && text::lower(e.value).find(m.or_text) != std::string::npos) return true;
    const auto v = value_number(e.value);
    if (!v) return std::nullopt;
    std::optional<bool> out;
    auto either = [&](bool ok) { out = out.value_or(false) || ok; };
    if (m.at_least) either(*v >= *m.at_least);
    if (m.at_most) either(*v <= *m.at_most);
    if (m.down_pct) {
        const auto base = baseline_of(r, e, attached_on(r));
        if (base && day(e.period_end) && *day(e.period_end) > attached_on(r).value_or(0))
            either(*v <= *base * (1 - *m.down_pct / 100));
    }
    return out;
}

// Whether row `e`, after the attachment, is better than the member's baseline the way its
// measure improves (`better`: fewer incidents, higher attendance); the same counts only at
// nought for a lower-is-better measure. Nullopt when the measure has no direction, the value is
// no number or there is no baseline to compare with.
std::optional<bool> improved(const CaseRecord& r, const Evidence& e) {
    if (e.better != "higher" && e.better != "lower") return std::nullopt;
    const auto v = value_number(e.value);
    const auto attached = attached_on(r);
    const auto d = day(e.period_end);
    if (!v || !attached || !d || *d <= *attached) return std::nullopt;
    const auto base = baseline_of(r, e, attached);
    if (!base) return std::nullopt;
    if (e.better == "lower") return *v < *base || (*v == 0 && *base == 0);
    return *v > *base;
}

const Measure* measure_of(const RulePack& p, const Evidence& e) {
    for (const Measure* m : p.measures_for(e.criterion))
        if (m->measure == e.measure) return m;
    return nullptr;
}

std::string row_words(const Evidence& e) {
    return e.measure + " " + e.value + (e.member.empty() ? "" : " (" + e.member + ")") + " to " + e.period_end;
}

void review_events(const CheckInput& in, const std::string& c, const std::vector<std::string>& cues,
                   std::vector<Event>& out) {
    for (const Review* rv : dated_reviews(in.record, in.as_of)) {
        const ReviewOutcome* o = outcome_for(*rv, c);
        if (!o) continue;
        const long d = *day(rv->date);
        const EvidenceRef ev = cite(o->src.empty() ? rv->src : o->src, "review " + rv->date + "." + c, o->progress);
        std::string cue;
        if (has_cue(o->progress, cues, &cue))
            out.push_back({Event::Break, d, ev, "review " + rv->date + " says \"" + cue + "\""});
        if (o->achieved == "yes") {
            out.push_back({Event::Achieved, d, ev, ""});
            out.push_back({Event::Hold, d, ev, ""});
        } else if (o->achieved == "no" || o->achieved == "partly") {
            out.push_back(
                {Event::Break, d, ev,
                 "review " + rv->date + " says " + (o->achieved == "no" ? "not achieved" : "partly achieved")});
        }
    }
}

void evidence_events(const CheckInput& in, const std::string& c, const std::vector<std::string>& cues,
                     std::vector<Event>& out) {
    const auto& r = in.record;
    for (size_t i = 0; i < r.evidence.size(); ++i) {
        const Evidence& e = r.evidence[i];
        if (e.criterion != c || employment_measure(e.measure) || !counts(e.period_end, in.as_of)) continue;
        const long d = *day(e.period_end);
        const EvidenceRef ev = cite(e.src, path("evidence", i), row_words(e));
        std::string cue;
        if (has_cue(e.value, cues, &cue)) {
            out.push_back({Event::Break, d, ev, "evidence to " + e.period_end + " says \"" + e.value + "\""});
            continue;
        }
        // The pack's measure for the criterion judges the row; with none, the measure's direction
        // against the member's baseline; with neither, the row shows the criterion held.
        const Measure* m = measure_of(in.pack, e);
        const auto better = m ? std::nullopt : improved(r, e);
        const auto ok = m ? meets(r, *m, e) : better.value_or(true);
        if (ok && *ok)
            out.push_back({Event::Hold, d, ev, ""});
        else if (ok && m)
            out.push_back({Event::Break, d, ev, row_words(e) + " misses the measure (" + m->describe() + ")"});
        else if (ok)
            out.push_back(
                {Event::Break, d, ev, row_words(e) + " is no better than the baseline (" + e.better + " is better)"});
    }
}

// Every event of criterion `c` up to the as-of date, by day (breaks before achievements on a day).
std::vector<Event> timeline(const CheckInput& in, const std::string& c) {
    const auto& r = in.record;
    const auto cues = param_list(in, "recurrence_cues");
    std::vector<Event> out;
    review_events(in, c, cues, out);
    evidence_events(in, c, cues, out);
    if (const ClosureOutcome* co = closure_for(r, c, in.as_of)) {
        const EvidenceRef ev = cite(co->src, "closure_outcomes." + c, co->evidence);
        const bool closed = counts(r.closure_date, in.as_of);
        const long closed_on = closed ? *day(r.closure_date) : 0;
        if (!co->achieved.value_or(false)) {
            if (closed) out.push_back({Event::Break, closed_on, ev, kClosureNotAchieved});
        } else {
            auto since = day(co->date_achieved);
            if (!since) since = day(co->sustained_since);
            if (since && *since <= in.as_of) {
                // The closure's date is when it was achieved: reviews saying yes before it do not start the clock.
                out.erase(std::remove_if(out.begin(), out.end(),
                                         [&](const Event& e) { return e.kind == Event::Achieved && e.day < *since; }),
                          out.end());
                out.push_back({Event::Achieved, *since, ev, ""});
            }
            if (closed)
                out.push_back({Event::Achieved, closed_on, ev, ""}), out.push_back({Event::Hold, closed_on, ev, ""});
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Event& a, const Event& b) { return a.day != b.day ? a.day < b.day : a.kind < b.kind; });
    return out;
}

// The hard data the pack requires for `c` that no row after `start` shows, and baselines it
// requires that no row before the attachment gives.
std::vector<std::string> missing_hard_data(const CheckInput& in, const std::string& c, long start) {
    const auto& r = in.record;
    std::vector<std::string> out;
    for (const Measure* m : in.pack.measures_for(c)) {
        bool after = false, rows = false, base = false;
        for (const auto& e : r.evidence) {
            if (e.criterion != c || e.measure != m->measure || !counts(e.period_end, in.as_of)) continue;
            rows = true;
            const long d = *day(e.period_end);
            if (d > start) after = true;
            if (attached_on(r) && d <= *attached_on(r)) base = true;
        }
        if (m->required && !after)
            out.push_back("no " + m->measure + " row after " + cal::format(start) + " (the pack requires hard data)");
        if (m->baseline_required && rows && !base)
            out.push_back("no " + m->measure + " baseline from before the attachment (the pack requires one)");
    }
    return out;
}

// Where the clock starts for criterion `c`: the closure (from=closure, failing when a break
// falls in the `months` after it), else the first achievement on or after the last break.
// Returns the problem when there is no start; sets `start`.
std::string sustain_start(const CheckInput& in, const std::string& c, const std::vector<Event>& events,
                          const Event* last_break, long months, std::optional<long>& start,
                          std::vector<EvidenceRef>& ev) {
    const auto& r = in.record;
    if (param_text(in, "from") == "closure") {
        const ClosureOutcome* co = closure_for(r, c, in.as_of);
        if (!co || !co->achieved.value_or(false) || !counts(r.closure_date, in.as_of))
            return "not achieved at a dated closure";
        start = day(r.closure_date);
        ev.push_back(cite(co->src, "closure_outcomes." + c, co->evidence));
        const long until = cal::add_months(*start, static_cast<int>(months));
        for (const auto& e : events) {
            if (e.kind != Event::Break || e.day <= *start || e.day > until) continue;
            ev.push_back(e.ev);
            return "not held throughout the " + std::to_string(months) + " months after closure (" + r.closure_date +
                   "): " + e.what;
        }
        return {};
    }
    for (const auto& e : events)
        if (e.kind == Event::Achieved && (!last_break || e.day >= last_break->day)) {
            start = e.day;
            ev.push_back(e.ev);
            return {};
        }
    if (std::none_of(events.begin(), events.end(), [](const Event& e) { return e.kind == Event::Achieved; }))
        return "never recorded as achieved";
    ev.push_back(last_break->ev);
    if (last_break->what == kClosureNotAchieved) return "not achieved at closure";
    return "not achieved again after " + last_break->what;
}

// True if a break fell on or after the first achievement (the clock restarted).
bool relapsed(const CheckInput& in, const std::vector<Event>& events, const Event* last_break) {
    if (param_text(in, "from") == "closure" || !last_break) return false;
    auto first = std::find_if(events.begin(), events.end(), [](const Event& e) { return e.kind == Event::Achieved; });
    return first != events.end() && last_break->day >= first->day;
}

// --- sustained: each criterion held `months` on dated evidence, from the latest achievement
// that follows the last break (from=achieved), or throughout the months after closure
// (from=closure). Returns the shortfall, empty when it held.
std::string sustain_problem(const CheckInput& in, const std::string& c, long months, std::vector<EvidenceRef>& ev) {
    const auto events = timeline(in, c);
    const Event* last_break = nullptr;
    for (const auto& e : events)
        if (e.kind == Event::Break) last_break = &e;
    std::optional<long> start;
    if (auto p = sustain_start(in, c, events, last_break, months, start, ev); !p.empty()) return p;
    const bool relapse = relapsed(in, events, last_break);
    if (relapse) ev.push_back(last_break->ev);
    const Event* latest = nullptr;
    for (const auto& e : events)
        if (e.kind == Event::Hold && e.day >= *start && (!latest || e.day >= latest->day)) latest = &e;
    if (latest && latest->day != *start) ev.push_back(latest->ev);
    const auto lacking = missing_hard_data(in, c, *start);
    const long need = cal::add_months(*start, static_cast<int>(months));
    const bool long_enough = latest && latest->day >= need;
    if (long_enough && lacking.empty()) return {};
    std::string p =
        "held from " + cal::format(*start) + " to " + cal::format(latest ? latest->day : *start) + " on dated evidence";
    if (!long_enough) p += " (needs evidence on or after " + cal::format(need) + ")";
    if (relapse) p += ", counted from the achievement after " + last_break->what;
    if (!lacking.empty()) p += (long_enough ? "; " : "; also ") + join(lacking, "; ");
    return p;
}

CheckOutcome sustained(const CheckInput& in) {
    const long months = param_int(in, "months");
    std::vector<std::string> shortfall;
    std::vector<EvidenceRef> ev;
    for (const auto& c : claim_criteria(in)) {
        const std::string p = sustain_problem(in, c, months, ev);
        if (!p.empty()) shortfall.push_back(criterion_name(in.pack, c) + ": " + p);
    }
    std::map<std::string, std::string> v{{"months", std::to_string(months)}, {"short", join(shortfall, "; ")}};
    if (shortfall.empty()) return pass_with(v, ev);
    return fail_with(v, ev);
}

// --- employment: an adult who left an out-of-work benefit, after the family was attached,
// in work for the weeks that benefit requires (continuously, or WEEKS within a WINDOW).
struct JobFacts {
    std::string benefit, unknown_benefit;
    std::optional<long> benefit_end, start_day;
    std::vector<const Evidence*> weeks_rows;
    std::vector<EvidenceRef> ev;
};

// The pack's key for a recorded benefit: the key itself ("JSA") or its name in benefit_names
// ("UC=Universal Credit"), case-insensitive; empty when none matches.
std::string benefit_key(const CheckInput& in, const std::string& value,
                        const std::map<std::string, WeeksNeeded>& weeks) {
    const std::string v = text::lower(text::trim(value));
    for (const auto& [k, w] : weeks)
        if (v == text::lower(k)) return k;
    for (const auto& item : param_list(in, "benefit_names")) {
        const size_t eq = item.find('=');
        if (eq == std::string::npos) continue;
        const std::string key = text::trim(item.substr(0, eq)), name = text::lower(text::trim(item.substr(eq + 1)));
        if (!name.empty() && v.find(name) != std::string::npos) return key;
    }
    return {};
}

JobFacts job_facts(const CheckInput& in, const std::string& who, const std::map<std::string, WeeksNeeded>& weeks) {
    JobFacts f;
    const auto& r = in.record;
    for (size_t i = 0; i < r.evidence.size(); ++i) {
        const Evidence& e = r.evidence[i];
        if (e.member != who) continue;
        const EvidenceRef ref = cite(e.src, path("evidence", i), e.measure + ": " + e.value);
        if (e.measure == "benefit" && f.benefit.empty()) {
            f.benefit = benefit_key(in, e.value, weeks);
            if (f.benefit.empty() || !weeks.count(f.benefit)) f.unknown_benefit = e.value, f.benefit.clear();
            f.ev.push_back(ref);
        } else if (e.measure == "benefit_end" && counts(e.value, in.as_of)) {
            f.benefit_end = day(e.value);
            f.ev.push_back(ref);
        } else if (e.measure == "employment_start" && counts(e.value, in.as_of) && !f.start_day) {
            f.start_day = day(e.value);
            f.ev.push_back(ref);
        } else if (e.measure == "weeks_in_work" && counts(e.period_end, in.as_of)) {
            f.weeks_rows.push_back(&e);
            f.ev.push_back(cite(e.src, path("evidence", i), "weeks_in_work " + e.value + " to " + e.period_end));
        }
    }
    if (!f.benefit.empty()) f.unknown_benefit.clear();
    return f;
}

bool is_adult(const CheckInput& in, const std::string& who, long adult_age) {
    const auto& r = in.record;
    const long on = day(r.assessment_date).value_or(in.as_of);
    for (const auto& m : r.members)
        if (m.name == who && day(m.dob)) return cal::years_between(*day(m.dob), on) >= adult_age;
    return false;
}

// Weeks in work evidenced from `start`: each row counts the weeks it records, never more than
// the weeks its period spans (from `start` at the earliest); with a window, only the part of
// each row inside the last `window` weeks before the latest row's end counts.
long weeks_evidenced(const JobFacts& f, long start, long window) {
    long latest = start;
    for (const Evidence* e : f.weeks_rows) latest = std::max(latest, *day(e->period_end));
    const long from = window > 0 ? std::max(start, latest - window * 7) : start;
    long total = 0;
    for (const Evidence* e : f.weeks_rows) {
        const long end = *day(e->period_end);
        const long begin = std::max(day(e->period_start).value_or(start), from);
        if (end <= begin) continue;
        const long elapsed = (end - begin) / 7;
        const auto recorded = value_number(e->value);
        total += recorded ? std::min(elapsed, static_cast<long>(*recorded)) : elapsed;
    }
    return std::min(total, (latest - from) / 7);
}

// One member's employment: the weeks counted, or the reason it does not count.
std::string job_problem(const CheckInput& in, const std::string& m, const JobFacts& f,
                        const std::map<std::string, WeeksNeeded>& weeks, long& got) {
    if (!f.unknown_benefit.empty())
        return "'" + f.unknown_benefit + "' recorded, but the pack sets no weeks in work for it";
    if (f.benefit.empty()) return "no out-of-work benefit recorded";
    if (!f.benefit_end) return "no date the " + f.benefit + " ended";
    if (!f.start_day) return "no employment start date";
    if (!is_adult(in, m, param_int(in, "adult_age"))) return "not shown to be an adult";
    if (auto a = attached_on(in.record); a && *f.start_day < *a)
        return "work began " + cal::format(*f.start_day) + ", before the family was attached (" + cal::format(*a) + ")";
    const WeeksNeeded need = weeks.at(f.benefit);
    got = weeks_evidenced(f, *f.start_day, need.window);
    return {};
}

CheckOutcome employment(const CheckInput& in) {
    const auto weeks = param_weeks(in, "weeks");
    std::set<std::string> who;
    for (const auto& e : in.record.evidence)
        if (e.measure == "benefit" || e.measure == "employment_start") who.insert(e.member);
    std::vector<std::string> notes;
    std::vector<EvidenceRef> ev;
    for (const auto& m : who) {
        const JobFacts f = job_facts(in, m, weeks);
        ev.insert(ev.end(), f.ev.begin(), f.ev.end());
        const std::string name = m.empty() ? "an unnamed member" : m;
        long got = 0;
        if (auto p = job_problem(in, m, f, weeks, got); !p.empty()) {
            notes.push_back(name + ": " + p);
            continue;
        }
        const WeeksNeeded need = weeks.at(f.benefit);
        const std::string wanted =
            std::to_string(need.weeks) + (need.window ? " in the last " + std::to_string(need.window) + " weeks" : "");
        if (got >= need.weeks)
            return pass_with({{"detail", name + ": off " + f.benefit + " from " + cal::format(*f.benefit_end) + ", " +
                                             plural(got, "week", "weeks") + " in work from " +
                                             cal::format(*f.start_day) + " (at least " + wanted + " required)"}},
                             ev);
        notes.push_back(name + ": " + plural(got, "week", "weeks") + " in work evidenced after " + f.benefit + ", " +
                        wanted + " required");
    }
    if (notes.empty()) notes.push_back("no adult's benefit and employment are recorded");
    return fail_with({{"detail", join(notes, "; ")}}, ev);
}

// --- date_order: assessment <= plan <= reviews <= closure. Dates after the as-of date are
// left out of the judgement and listed as information.
struct Dated {
    std::string what, iso, key;
};

std::vector<Dated> sequence(const CaseRecord& r) {
    std::vector<Dated> s;
    if (day(r.assessment_date)) s.push_back({"assessment", r.assessment_date, "assessment_date"});
    if (day(r.plan_date)) s.push_back({"plan", r.plan_date, "plan_date"});
    for (const auto& rv : r.reviews)
        if (day(rv.date)) s.push_back({"review", rv.date, ""});
    if (day(r.closure_date)) s.push_back({"closure", r.closure_date, "closure_date"});
    return s;
}

std::vector<Dated> event_dates(const CaseRecord& r) {
    std::vector<Dated> s = sequence(r);
    auto add = [&](const char* what, const std::string& iso, const std::string& key) {
        if (day(iso)) s.push_back({what, iso, key});
    };
    add("assessment started", r.assessment_started, "assessment_started");
    add("consent", r.consent_date, "consent_date");
    add("manager sign-off", r.manager_date, "manager_date");
    for (const auto& o : r.closure_outcomes) add("outcome achieved", o.date_achieved, "");
    for (const auto& e : r.evidence) {
        add("evidence period end", e.period_end, "");
        if (e.measure == "benefit_end" || e.measure == "employment_start") add(e.measure.c_str(), e.value, "");
    }
    return s;
}

CheckOutcome date_order(const CheckInput& in) {
    const auto& r = in.record;
    std::vector<Dated> seq;
    for (const auto& d : sequence(r))
        if (*day(d.iso) <= in.as_of) seq.push_back(d);
    const auto all = event_dates(r);
    if (all.empty()) return not_applicable("the record holds no dates");
    std::vector<std::string> problems, later;
    std::vector<EvidenceRef> ev;
    for (size_t i = 0; i + 1 < seq.size(); ++i)
        for (size_t j = i + 1; j < seq.size(); ++j)
            if (seq[j].what != seq[i].what && *day(seq[j].iso) < *day(seq[i].iso)) {
                problems.push_back(seq[j].what + " " + seq[j].iso + " is before " + seq[i].what + " " + seq[i].iso);
                if (!seq[j].key.empty()) ev.push_back(cite_key(r, seq[j].key, seq[j].iso));
            }
    for (const auto& d : all)
        if (*day(d.iso) > in.as_of) later.push_back(d.what + " " + d.iso);
    for (auto* v : {&problems, &later}) {
        std::sort(v->begin(), v->end());
        v->erase(std::unique(v->begin(), v->end()), v->end());
    }
    std::map<std::string, std::string> v{
        {"problems", join(problems, "; ")},
        {"later", later.empty() ? ""
                                : "; left out of the judgement as dated after the as-of date (information only): " +
                                      join(later, ", ")}};
    if (problems.empty()) return pass_with(v);
    return fail_with(v, ev);
}

// A plan under `max_gap_weeks` old with no review and no closure: no review is due yet.
std::optional<std::string> review_not_due(const CheckInput& in, long max_weeks) {
    const auto& r = in.record;
    const auto plan = day(r.plan_date);
    const bool closed = closure_counts(r, in.as_of) && day(r.closure_date);
    if (!dated_reviews(r, in.as_of).empty() || closed || !plan || *plan + max_weeks * 7 <= in.as_of)
        return std::nullopt;
    return "no review is due yet: the plan of " + r.plan_date + " is under " + std::to_string(max_weeks) + " weeks old";
}

std::vector<EvidenceRef> review_refs(const std::vector<const Review*>& reviews) {
    std::vector<EvidenceRef> ev;
    for (const Review* rv : reviews)
        ev.push_back(cite(rv->src, "review " + rv->date,
                          "review " + (rv->number.empty() ? "" : rv->number + " ") + "held " + rv->date));
    return ev;
}

// --- review_count: at least `min_reviews` review documents (not applicable while the first is
// not yet due).
CheckOutcome review_count(const CheckInput& in) {
    const long min = param_int(in, "min_reviews");
    if (auto why = review_not_due(in, param_int(in, "max_gap_weeks"))) return not_applicable(*why);
    const auto reviews = dated_reviews(in.record, in.as_of);
    const long n = static_cast<long>(reviews.size());
    std::map<std::string, std::string> v{{"count", std::to_string(n)},
                                         {"reviews", plural(n, "review", "reviews")},
                                         {"min", plural(min, "review", "reviews")}};
    if (n >= min) return pass_with(v, review_refs(reviews));
    return fail_with(v);
}

// True if review `rv` records every outcome it lists as achieved (the case then waits out the
// sustain period, and the wait to closure is not a missed review).
bool all_achieved(const Review& rv) {
    return !rv.outcomes.empty() && std::all_of(rv.outcomes.begin(), rv.outcomes.end(),
                                               [](const ReviewOutcome& o) { return o.achieved == "yes"; });
}

// --- review_gaps: no gap between the plan, the reviews and the closure longer than
// `max_gap_weeks`; the wait from a review recording everything achieved to the closure does not count.
CheckOutcome review_gaps(const CheckInput& in) {
    const auto& r = in.record;
    const long max_weeks = param_int(in, "max_gap_weeks");
    const auto reviews = dated_reviews(r, in.as_of);
    if (reviews.empty()) return not_applicable("no review to measure gaps between");
    const long n = static_cast<long>(reviews.size());
    std::map<std::string, std::string> v{
        {"count", std::to_string(n)}, {"reviews", plural(n, "review", "reviews")}, {"max", std::to_string(max_weeks)}};
    std::vector<std::pair<long, std::string>> points;
    if (auto plan = day(r.plan_date); plan && *plan <= in.as_of) points.push_back({*plan, "plan " + r.plan_date});
    for (const Review* rv : reviews) points.push_back({*day(rv->date), "review " + rv->date});
    const bool closed = closure_counts(r, in.as_of) && day(r.closure_date);
    if (closed && !all_achieved(*reviews.back())) points.push_back({*day(r.closure_date), "closure " + r.closure_date});
    std::sort(points.begin(), points.end());
    std::vector<std::string> gaps;
    for (size_t i = 1; i < points.size(); ++i)
        if (points[i].first - points[i - 1].first > max_weeks * 7)
            gaps.push_back(std::to_string((points[i].first - points[i - 1].first) / 7) + " weeks from " +
                           points[i - 1].second + " to " + points[i].second);
    v["gaps"] = join(gaps, "; ");
    if (gaps.empty()) return pass_with(v, review_refs(reviews));
    return fail_with(v, review_refs(reviews));
}

// --- duplicate_ref: no other bundle in the batch has the same family reference.
CheckOutcome duplicate_ref(const CheckInput& in) {
    const auto& r = in.record;
    if (!in.batch) return not_applicable("judged alone, without a batch");
    if (r.family_ref.empty()) return not_applicable("the record has no family reference");
    std::vector<std::string> others;
    if (auto it = in.batch->find(r.family_ref); it != in.batch->end()) {
        const std::string self = r.case_name.empty() ? r.family_ref : r.case_name;
        bool self_seen = false;
        for (const auto& n : it->second) {
            if (n == self && !self_seen)
                self_seen = true;
            else
                others.push_back(n);
        }
    }
    std::map<std::string, std::string> v{{"ref", r.family_ref}, {"others", join(others, ", ")}};
    const std::vector<EvidenceRef> ev{cite_key(r, "family_ref", r.family_ref)};
    if (others.empty()) return pass_with(v, ev);
    return fail_with(v, ev);
}

// --- dependent_child: a member under `child_age` at the assessment date; a young person under
// `young_person_age` (16-18) counts only if in education or training (or unemployed), which the
// record cannot show: a person confirms it.
CheckOutcome dependent_child(const CheckInput& in) {
    const auto& r = in.record;
    const long child = param_int(in, "child_age"), young = param_int(in, "young_person_age");
    const long on = day(r.assessment_date).value_or(day(r.plan_date).value_or(in.as_of));
    std::vector<std::string> young_people;
    std::vector<EvidenceRef> young_ev;
    for (size_t i = 0; i < r.members.size(); ++i) {
        const auto& m = r.members[i];
        auto dob = day(m.dob);
        if (!dob) continue;
        const int age = *dob > on ? 0 : cal::years_between(*dob, on);
        const EvidenceRef ev = cite(m.src, path("members", i), m.name + ", " + m.dob);
        if (age < child)
            return pass_with({{"child", m.name + " (" + std::to_string(age) + " at " + cal::format(on) + ")"}}, {ev});
        if (age < young) young_people.push_back(m.name + " (" + std::to_string(age) + ")"), young_ev.push_back(ev);
    }
    if (!young_people.empty())
        return review_with("confirm " + join_and(young_people) + (young_people.size() == 1 ? " is" : " are") +
                               " in education or training, or unemployed: only then a dependent child",
                           young_ev);
    const long n = static_cast<long>(r.members.size());
    return fail_with({{"members", plural(n, "member", "members")},
                      {"child_age", std::to_string(child)},
                      {"young_person_age", std::to_string(young)}});
}

// --- recurrence: a review or hard data shows an achieved problem came back (a review saying
// not achieved, a cue word, a row missing the pack's measure) within `months` of its first
// achievement. A person decides whether the claim stands: needs review.
CheckOutcome recurrence(const CheckInput& in) {
    const long months = param_int(in, "months");
    std::vector<std::string> found;
    std::vector<EvidenceRef> ev;
    bool any = false;
    for (const auto& c : all_criteria(in.record)) {
        auto a = achieved_on(in.record, c, in.as_of, nullptr);
        if (!a) continue;
        any = true;
        const long until = cal::add_months(*a, static_cast<int>(months));
        for (const auto& e : timeline(in, c)) {
            if (e.kind != Event::Break || e.day <= *a || e.day > until) continue;
            if (e.what.find("partly") != std::string::npos) continue;  // not a recurrence, only unfinished
            found.push_back(criterion_name(in.pack, c) + ": " + e.what);
            ev.push_back(e.ev);
            break;
        }
    }
    if (!any) return not_applicable("no problem is recorded as achieved");
    std::map<std::string, std::string> v{{"detail", join(found, "; ")}, {"months", std::to_string(months)}};
    if (found.empty()) return pass_with(v);
    return review_with("a met problem recurred within " + std::to_string(months) + " months of being achieved (" +
                           join(found, "; ") + "): a person decides whether the claim stands",
                       ev);
}

// --- text_cue: cue words in the closure evidence, review progress or hard-data notes; a match
// fails, or (on_match=review) asks a person.
CheckOutcome text_cue(const CheckInput& in) {
    const auto& r = in.record;
    const auto cues = param_list(in, "cues");
    const std::string where = param_text(in, "in");
    std::vector<std::pair<std::string, EvidenceRef>> texts;
    if (where == "closure_evidence")
        for (const auto& o : r.closure_outcomes)
            texts.push_back({o.evidence, cite(o.src, "closure_outcomes." + o.criterion, o.evidence)});
    if (where == "review_progress")
        for (const auto& rv : r.reviews)
            for (const auto& o : rv.outcomes)
                texts.push_back({o.progress, cite(o.src, "review " + rv.date + "." + o.criterion, o.progress)});
    if (where == "evidence")
        for (size_t i = 0; i < r.evidence.size(); ++i)
            texts.push_back({r.evidence[i].value, cite(r.evidence[i].src, path("evidence", i), r.evidence[i].value)});
    const char* what = where == "evidence"          ? "hard-data"
                       : where == "review_progress" ? "review progress"
                                                    : "closure evidence";
    if (texts.empty()) return not_applicable("the record has no " + std::string(what) + " text");
    for (const auto& [t, ev] : texts) {
        std::string cue;
        if (!has_cue(t, cues, &cue)) continue;
        if (param_text(in, "on_match") == "review")
            return review_with("the " + std::string(what) + " says \"" + cue + "\" (" + t +
                                   "): a person confirms the outcome was met, not left behind",
                               {ev});
        return fail_with({{"cue", cue}, {"quote", t}}, {ev});
    }
    return pass_with({{"cue", ""}, {"quote", ""}});
}

// --- closure_reason: a closure for a reason that puts the outcomes in doubt (a step-up to
// social care, disengagement, a move away) asks a person.
CheckOutcome closure_reason(const CheckInput& in) {
    const auto& r = in.record;
    if (r.closure_reason.empty()) return not_applicable("no closure reason is recorded");
    const EvidenceRef ev = cite_key(r, "closure_reason", r.closure_reason);
    std::string cue;
    if (has_cue(r.closure_reason, param_list(in, "cues"), &cue))
        return review_with("the case was closed \"" + r.closure_reason + "\": a person confirms the outcomes stand",
                           {ev});
    return pass_with({{"reason", r.closure_reason}}, {ev});
}

// --- attendance: each child with attendance data has at least `terms` termly rows after the
// attachment (a row spanning more than 16 weeks is not a term, one row per term, and rows
// before the attachment are baselines), and the latest `terms` are all at least `min_pct`.
CheckOutcome attendance(const CheckInput& in) {
    const auto& r = in.record;
    const std::string crit = param_text(in, "criterion");
    const auto all = all_criteria(r);
    if (std::find(all.begin(), all.end(), crit) == all.end())
        return not_applicable("criterion " + crit + " was not identified");
    const double min = param_num(in, "min_pct");
    const long terms = param_int(in, "terms");
    std::map<std::string, std::map<long, size_t>> by_member;  // member -> term end -> row
    for (size_t i = 0; i < r.evidence.size(); ++i) {
        const Evidence& e = r.evidence[i];
        if (e.measure != "attendance_pct" || !counts(e.period_end, in.as_of)) continue;
        const auto start = day(e.period_start);
        if (start && *day(e.period_end) - *start > 16 * 7) continue;
        if (const auto a = attached_on(r); a && *day(e.period_end) <= *a) continue;
        by_member[e.member].emplace(*day(e.period_end), i);
    }
    std::vector<std::string> problems;
    std::vector<EvidenceRef> ev;
    for (auto& [m, rows] : by_member) {
        if (static_cast<long>(rows.size()) < terms) {
            problems.push_back(m + ": " + plural(static_cast<long>(rows.size()), "termly row", "termly rows") + ", " +
                               std::to_string(terms) + " needed");
            continue;
        }
        auto it = rows.end();
        std::advance(it, -terms);
        for (; it != rows.end(); ++it) {
            const Evidence& e = r.evidence[it->second];
            ev.push_back(cite(e.src, path("evidence", it->second), e.value + "% to " + e.period_end));
            if (std::atof(e.value.c_str()) < min)
                problems.push_back(m + ": " + e.value + "% to " + e.period_end + ", under " + fmt_num(min) + "%");
        }
    }
    if (by_member.empty()) problems.push_back("no termly attendance figures");
    std::map<std::string, std::string> v{
        {"min", fmt_num(min)}, {"terms", std::to_string(terms)}, {"problems", join(problems, "; ")}};
    if (problems.empty()) return pass_with(v, ev);
    return fail_with(v, ev);
}

// --- programme_window: the family was attached (assessed) inside the pack's valid-from /
// valid-to dates.
CheckOutcome programme_window(const CheckInput& in) {
    const auto& r = in.record;
    if (in.pack.valid_from.empty() && in.pack.valid_to.empty())
        return not_applicable("the pack sets no valid-from or valid-to");
    const auto on = attached_on(r);
    if (!on) return not_applicable("the assessment is not dated");
    const std::string from = in.pack.valid_from.empty() ? "the start" : in.pack.valid_from;
    const std::string to = in.pack.valid_to.empty() ? "now" : in.pack.valid_to;
    std::map<std::string, std::string> v{
        {"date", cal::format(*on)}, {"from", from}, {"to", to}, {"pack", in.pack.name}};
    const bool started = day(r.assessment_started) == on;
    const std::vector<EvidenceRef> ev{
        cite_key(r, started ? "assessment_started" : "assessment_date", cal::format(*on))};
    const bool before = !in.pack.valid_from.empty() && *on < *day(in.pack.valid_from);
    const bool after = !in.pack.valid_to.empty() && *on > *day(in.pack.valid_to);
    if (before || after) return fail_with(v, ev);
    return pass_with(v, ev);
}

// --- discretionary: a claim made by discretion ("equivalent progress") is recognised when
// the pack allows it and it names an approver, a date and a rationale; a person still confirms it.
CheckOutcome discretionary(const CheckInput& in) {
    const auto& r = in.record;
    if (!r.discretionary) return not_applicable("no discretionary claim is recorded");
    const Discretionary& d = *r.discretionary;
    const std::vector<EvidenceRef> ev{cite(d.src, "discretionary", d.rationale.empty() ? d.approver : d.rationale)};
    std::vector<std::string> lack;
    if (text::trim(d.approver).empty()) lack.push_back("a named approver");
    if (!day(d.date)) lack.push_back("a date");
    if (text::trim(d.rationale).empty()) lack.push_back("a rationale");
    std::map<std::string, std::string> v{{"approver", d.approver}, {"date", d.date}, {"rationale", d.rationale}};
    if (param_text(in, "allowed") != "yes")
        v["problem"] = "the pack does not allow discretionary claims";
    else if (!lack.empty())
        v["problem"] = "the discretionary claim lacks " + join_and(lack);
    else if (*day(d.date) > in.as_of)
        v["problem"] = "the discretionary claim was signed off " + d.date + ", after the as-of date";
    if (v.count("problem")) return fail_with(v, ev);
    return review_with("a discretionary claim (equivalent progress) signed off by " + d.approver + " on " + d.date +
                           ": \"" + d.rationale + "\"; a person confirms it",
                       ev);
}

}  // namespace

std::vector<Kind> claim_kinds() {
    using T = ParamType;
    const ParamSpec added{"added_must_be_achieved", T::Choice, "yes|no"};
    return {
        {"min_criteria",
         "assessment",
         {{"min", T::Int, "criteria needed"}, {"count", T::Choice, "headlines|needs"}},
         min_criteria,
         "at least MIN criteria (count=headlines) or evidenced needs (count=needs) identified at assessment",
         "count counted min criteria"},
        {"document_present",
         "document",
         {{"document", T::Choice, "assessment|plan|closure"}},
         document_present,
         "the document is present, dated, and not dated before the one it follows",
         "document date problem"},
        {"field_present",
         "assessment",
         {{"field", T::Choice,
           "lead_professional|lead_agency|manager|manager_date|consent_signed_by|closure_reason|council|family_ref"}},
         field_present,
         "a record field is filled",
         "field value"},
        {"consent",
         "assessment",
         {{"scopes", T::List, "consent scopes that name central government"}},
         consent,
         "consent given, dated on or before the as-of date, naming one of SCOPES",
         "date scope problem"},
        {"criteria_in_plan",
         "plan",
         {},
         criteria_in_plan,
         "every identified criterion is a plan outcome's criterion",
         "missing count"},
        {"outcome_actions",
         "plan",
         {},
         outcome_actions,
         "every plan outcome has at least one action",
         "missing count outcomes"},
        {"progress",
         "any",
         {added},
         progress,
         "every criterion achieved at closure, else at the latest review",
         "unmet"},
        {"sustained",
         "any",
         {{"months", T::Int, "months held"},
          {"from", T::Choice, "achieved|closure"},
          added,
          {"recurrence_cues", T::List, "words that break the sustain"}},
         sustained,
         "each criterion held MONTHS on dated evidence from its latest achievement after a break (or throughout, from "
         "closure)",
         "months short"},
        {"employment",
         "any",
         {{"weeks", T::WeeksMap, "BENEFIT:WEEKS or BENEFIT:WEEKS/WINDOW, ..."},
          {"adult_age", T::Int, "age of an adult"},
          {"benefit_names", T::List, "KEY=benefit name, ..."}},
         employment,
         "an adult off an out-of-work benefit, after attachment, in work for the weeks it requires",
         "detail"},
        {"date_order",
         "any",
         {},
         date_order,
         "assessment <= plan <= reviews <= closure; later dates reported, not judged",
         "problems later"},
        {"review_count",
         "any",
         {{"min_reviews", T::Int, "reviews needed"}, {"max_gap_weeks", T::Int, "the first review is due after"}},
         review_count,
         "at least MIN_REVIEWS review documents",
         "count reviews min"},
        {"review_gaps",
         "any",
         {{"max_gap_weeks", T::Int, "longest gap"}},
         review_gaps,
         "no gap over MAX_GAP_WEEKS between plan, reviews and closure",
         "count reviews max gaps"},
        {"duplicate_ref",
         "any",
         {},
         duplicate_ref,
         "no other bundle in the batch has the family reference",
         "ref others"},
        {"dependent_child",
         "assessment",
         {{"child_age", T::Int, "under this age"}, {"young_person_age", T::Int, "or under this age, if in education"}},
         dependent_child,
         "a member under CHILD_AGE at assessment (YOUNG_PERSON_AGE: needs review)",
         "child members child_age young_person_age"},
        {"recurrence",
         "any",
         {{"months", T::Int, "window"}, {"recurrence_cues", T::List, "words"}},
         recurrence,
         "no achieved problem recurs within MONTHS (needs review when one does)",
         "detail months"},
        {"text_cue",
         "any",
         {{"cues", T::List, "words"},
          {"in", T::Choice, "closure_evidence|review_progress|evidence"},
          {"on_match", T::Choice, "fail|review"}},
         text_cue,
         "none of the cue words appears in the chosen text",
         "cue quote"},
        {"closure_reason",
         "closure",
         {{"cues", T::List, "reasons that need review"}},
         closure_reason,
         "the closure reason is not one that needs review",
         "reason"},
        {"attendance",
         "any",
         {{"criterion", T::Text, "criterion id"}, {"min_pct", T::Number, "percent"}, {"terms", T::Int, "terms"}},
         attendance,
         "the latest TERMS termly attendance figures are at least MIN_PCT",
         "min terms problems"},
        {"programme_window",
         "assessment",
         {},
         programme_window,
         "the attachment falls between the pack's valid-from and valid-to",
         "date from to pack"},
        {"discretionary",
         "any",
         {{"allowed", T::Choice, "yes|no"}},
         discretionary,
         "a discretionary claim names approver, date and rationale (then needs review)",
         "approver date rationale problem"},
    };
}

}  // namespace tfa::rules
