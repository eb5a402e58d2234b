// The claim check kinds: what tf-2015 and sf-2022 need (docs/case-record.md, "How tf-2015
// judges a record"). Each check reads only the record, its parameters and the as-of date.
#include <algorithm>
#include <set>

#include "core/text.h"
#include "rules/check_util.h"
#include "core/calendar.h"
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

std::vector<std::string> names_of(const RulePack& p, const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    for (const auto& id : ids) out.push_back(criterion_name(p, id));
    return out;
}

// --- min_criteria: at least `min` criteria identified at assessment.
CheckOutcome min_criteria(const CheckInput& in) {
    const auto& r = in.record;
    const long min = param_int(in, "min");
    std::vector<EvidenceRef> ev;
    for (size_t i = 0; i < r.identified.size(); ++i)
        ev.push_back(cite(r.identified[i].src, path("identified", i), r.identified[i].evidence));
    if (ev.empty() && !r.criteria.empty()) ev.push_back(cite_key(r, "criteria", join(r.criteria, ", ")));
    std::map<std::string, std::string> v{{"count", std::to_string(r.criteria.size())},
                                         {"min", std::to_string(min)},
                                         {"criteria", r.criteria.empty() ? "none" : join(names_of(in.pack, r.criteria), ", ")}};
    if (static_cast<long>(r.criteria.size()) >= min) return pass_with(v, ev);
    return fail_with(v, ev);
}

// --- document_present: the document is there, dated, and not dated before the one it follows.
struct DocFacts {
    bool present;
    std::string date, date_key, before_name, before_date;
};

DocFacts doc_facts(const CaseRecord& r, const std::string& doc) {
    if (doc == "assessment") return {r.has_assessment, r.assessment_date, "assessment_date", "", ""};
    if (doc == "plan") return {r.has_plan, r.plan_date, "plan_date", "assessment", r.assessment_date};
    return {r.has_closure, r.closure_date, "closure_date", "plan", r.plan_date};
}

CheckOutcome document_present(const CheckInput& in) {
    const std::string doc = param_text(in, "document");
    const DocFacts f = doc_facts(in.record, doc);
    std::map<std::string, std::string> v{{"document", doc}, {"date", f.date}};
    std::vector<EvidenceRef> ev;
    if (!f.date.empty()) ev.push_back(cite_key(in.record, f.date_key, f.date));
    if (!f.present) return fail_with((v["problem"] = "no " + doc + " in the bundle", v));
    if (!day(f.date)) return fail_with((v["problem"] = "the " + doc + " has no date", v), ev);
    if (day(f.before_date) && *day(f.date) < *day(f.before_date)) {
        ev.push_back(cite_key(in.record, f.before_name + "_date", f.before_date));
        v["problem"] = "the " + doc + " (" + f.date + ") is dated before the " + f.before_name + " (" + f.before_date + ")";
        return fail_with(v, ev);
    }
    return pass_with(v, ev);
}

// --- field_present: a scalar record field is filled.
std::string field_value(const CaseRecord& r, const std::string& f) {
    if (f == "lead_professional") return r.lead_professional;
    if (f == "lead_agency") return r.lead_agency;
    if (f == "manager") return r.manager;
    if (f == "manager_date") return r.manager_date;
    if (f == "consent_signed_by") return r.consent_signed_by;
    if (f == "closure_reason") return r.closure_reason;
    if (f == "council") return r.council;
    if (f == "family_ref") return r.family_ref;
    return {};
}

CheckOutcome field_present(const CheckInput& in) {
    const std::string f = param_text(in, "field");
    const std::string value = field_value(in.record, f);
    std::map<std::string, std::string> v{{"field", f}, {"value", value}};
    if (value.empty()) return fail_with(v);
    return pass_with(v, {cite_key(in.record, f, value)});
}

// --- consent: given, dated on or before the as-of date, naming a scope from the list.
CheckOutcome consent(const CheckInput& in) {
    const auto& r = in.record;
    const auto scopes = param_list(in, "scopes");
    std::vector<EvidenceRef> ev;
    if (r.consent_given) ev.push_back(cite_key(r, "consent_given", *r.consent_given ? "yes" : "no"));
    if (!r.consent_date.empty()) ev.push_back(cite_key(r, "consent_date", r.consent_date));
    std::map<std::string, std::string> v{{"date", r.consent_date}, {"scope", join(r.consent_scope, ", ")}};
    const bool scoped = std::any_of(r.consent_scope.begin(), r.consent_scope.end(), [&](const std::string& s) {
        return std::find(scopes.begin(), scopes.end(), s) != scopes.end();
    });
    if (!r.consent_given) v["problem"] = "consent to share is not answered";
    else if (!*r.consent_given) v["problem"] = "consent to share was refused";
    else if (r.consent_date.empty() || !day(r.consent_date)) v["problem"] = "consent is not dated";
    else if (*day(r.consent_date) > in.as_of) v["problem"] = "consent is dated " + r.consent_date + ", after the as-of date";
    else if (!scoped)
        v["problem"] = "the consent statement does not name central government (it names: " +
                       (r.consent_scope.empty() ? std::string("nothing recognised") : v["scope"]) + ")";
    if (v.count("problem")) return fail_with(v, ev);
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
            if (!found) ev.push_back(cite(r.plan_outcomes[i].src, path("plan_outcomes", i), r.plan_outcomes[i].outcome));
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
        const std::string label = o.criterion.empty() ? "outcome " + std::to_string(i + 1) : criterion_name(in.pack, o.criterion);
        missing.push_back(label);
        ev.push_back(cite(o.src, path("plan_outcomes", i), o.outcome.empty() ? o.need : o.outcome));
    }
    std::map<std::string, std::string> v{{"missing", join(missing, ", ")},
                                         {"count", std::to_string(r.plan_outcomes.size())}};
    if (missing.empty()) return pass_with(v);
    return fail_with(v, ev);
}

// --- progress: every criterion (identified or added) achieved at closure, else at the latest review.
CheckOutcome progress(const CheckInput& in) {
    const auto& r = in.record;
    std::vector<std::string> unmet;
    std::vector<EvidenceRef> ev;
    for (const auto& c : all_criteria(r)) {
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
            unmet.push_back(name + " (latest review " + latest->date + ": " + (o->achieved.empty() ? "not stated" : o->achieved) + ")");
    }
    std::map<std::string, std::string> v{{"unmet", join(unmet, "; ")}};
    if (unmet.empty()) return pass_with(v, ev);
    return fail_with(v, ev);
}

// --- sustained: each criterion held `months` from when it was achieved (or from closure) to
// the latest dated evidence that it still holds.
struct Hold {
    long day;
    EvidenceRef ev;
};

std::vector<Hold> holds_for(const CaseRecord& r, const std::string& c, long as_of) {
    std::vector<Hold> out;
    for (const Review* rv : dated_reviews(r, as_of)) {
        const ReviewOutcome* o = outcome_for(*rv, c);
        if (o && o->achieved == "yes")
            out.push_back({*day(rv->date), cite(o->src.empty() ? rv->src : o->src, "review " + rv->date + "." + c, o->progress)});
    }
    const ClosureOutcome* co = closure_for(r, c, as_of);
    if (co && co->achieved.value_or(false) && counts(r.closure_date, as_of))
        out.push_back({*day(r.closure_date), cite(co->src, "closure_outcomes." + c, co->evidence)});
    for (size_t i = 0; i < r.evidence.size(); ++i) {
        const Evidence& e = r.evidence[i];
        if (e.criterion != c || e.measure == "benefit" || !counts(e.period_end, as_of)) continue;
        out.push_back({*day(e.period_end), cite(e.src, path("evidence", i), e.measure + " " + e.value + " to " + e.period_end)});
    }
    return out;
}

std::string sustain_problem(const CheckInput& in, const std::string& c, long months, std::vector<EvidenceRef>& ev) {
    const auto& r = in.record;
    const bool from_closure = param_text(in, "from") == "closure";
    std::optional<long> start;
    EvidenceRef sev;
    if (from_closure) {
        const ClosureOutcome* co = closure_for(r, c, in.as_of);
        if (!co || !co->achieved.value_or(false) || !counts(r.closure_date, in.as_of)) return "not achieved at a dated closure";
        start = day(r.closure_date);
        sev = cite(co->src, "closure_outcomes." + c, co->evidence);
    } else {
        start = achieved_on(r, c, in.as_of, &sev);
        if (!start) return "never recorded as achieved";
    }
    ev.push_back(sev);
    std::optional<Hold> latest;
    for (auto& h : holds_for(r, c, in.as_of))
        if (h.day >= *start && (!latest || h.day > latest->day)) latest = h;
    if (latest && latest->day != *start) ev.push_back(latest->ev);
    const long need = cal::add_months(*start, static_cast<int>(months));
    if (latest && latest->day >= need) return {};
    const std::string upto = latest ? cal::format(latest->day) : cal::format(*start);
    return "held from " + cal::format(*start) + " to " + upto + " on dated evidence (needs evidence on or after " + cal::format(need) + ")";
}

CheckOutcome sustained(const CheckInput& in) {
    const long months = param_int(in, "months");
    std::vector<std::string> shortfall;
    std::vector<EvidenceRef> ev;
    for (const auto& c : all_criteria(in.record)) {
        const std::string p = sustain_problem(in, c, months, ev);
        if (!p.empty()) shortfall.push_back(criterion_name(in.pack, c) + ": " + p);
    }
    std::map<std::string, std::string> v{{"months", std::to_string(months)}, {"short", join(shortfall, "; ")}};
    if (shortfall.empty()) return pass_with(v, ev);
    return fail_with(v, ev);
}

// --- employment: an adult who was on an out-of-work benefit is in continuous work for the
// weeks that benefit requires.
struct JobFacts {
    std::string benefit, start;
    std::optional<long> benefit_end, start_day, latest;
    std::vector<EvidenceRef> ev;
};

JobFacts job_facts(const CheckInput& in, const std::string& who, const std::map<std::string, long>& weeks) {
    JobFacts f;
    const auto& r = in.record;
    for (size_t i = 0; i < r.evidence.size(); ++i) {
        const Evidence& e = r.evidence[i];
        if (e.member != who) continue;
        const EvidenceRef ref = cite(e.src, path("evidence", i), e.measure + ": " + e.value);
        const std::string up = text::lower(e.value);
        if (e.measure == "benefit" && f.benefit.empty()) {
            for (const auto& [b, w] : weeks)
                if (text::iequals(b, e.value)) f.benefit = b;
            if (!f.benefit.empty()) f.ev.push_back(ref);
        } else if (e.measure == "benefit_end" && counts(e.value, in.as_of)) {
            f.benefit_end = day(e.value);
            f.ev.push_back(ref);
        } else if (e.measure == "employment_start" && counts(e.value, in.as_of) && !f.start_day) {
            f.start_day = day(e.value);
            f.ev.push_back(ref);
        } else if (e.measure == "weeks_in_work" && counts(e.period_end, in.as_of)) {
            if (!f.latest || *day(e.period_end) > *f.latest) f.latest = day(e.period_end);
            f.ev.push_back(ref);
        }
    }
    return f;
}

bool is_adult(const CheckInput& in, const std::string& who, long adult_age) {
    const auto& r = in.record;
    const long on = day(r.assessment_date).value_or(in.as_of);
    for (const auto& m : r.members)
        if (m.name == who && day(m.dob)) return cal::years_between(*day(m.dob), on) >= adult_age;
    return false;
}

CheckOutcome employment(const CheckInput& in) {
    const auto weeks = param_weeks(in, "weeks");
    const long adult_age = param_int(in, "adult_age");
    std::set<std::string> who;
    for (const auto& e : in.record.evidence)
        if (e.measure == "benefit" || e.measure == "employment_start") who.insert(e.member);
    std::vector<std::string> notes;
    std::vector<EvidenceRef> ev;
    for (const auto& m : who) {
        JobFacts f = job_facts(in, m, weeks);
        ev.insert(ev.end(), f.ev.begin(), f.ev.end());
        const std::string name = m.empty() ? "an unnamed member" : m;
        if (f.benefit.empty()) { notes.push_back(name + ": no out-of-work benefit recorded"); continue; }
        if (!f.benefit_end) { notes.push_back(name + ": no date the " + f.benefit + " ended"); continue; }
        if (!f.start_day) { notes.push_back(name + ": no employment start date"); continue; }
        if (!is_adult(in, m, adult_age)) { notes.push_back(name + ": not shown to be an adult"); continue; }
        const long need = weeks.at(f.benefit);
        const long got = f.latest && *f.latest > *f.start_day ? (*f.latest - *f.start_day) / 7 : 0;
        if (got >= need)
            return pass_with({{"detail", name + ": off " + f.benefit + ", " + std::to_string(got) + " weeks in work from " +
                                             cal::format(*f.start_day) + " (at least " + std::to_string(need) + " required)"}}, ev);
        notes.push_back(name + ": " + std::to_string(got) + " weeks in work evidenced after " + f.benefit + ", " +
                        std::to_string(need) + " required");
    }
    if (notes.empty()) notes.push_back("no adult's benefit and employment are recorded");
    return fail_with({{"detail", join(notes, "; ")}}, ev);
}

// --- date_order: assessment <= plan <= reviews <= closure, and nothing after the as-of date.
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
    const auto seq = sequence(r);
    const auto all = event_dates(r);
    if (all.empty()) return not_applicable("the record holds no dates");
    std::vector<std::string> problems;
    std::vector<EvidenceRef> ev;
    for (size_t i = 0; i + 1 < seq.size(); ++i)
        for (size_t j = i + 1; j < seq.size(); ++j)
            if (seq[j].what != seq[i].what && *day(seq[j].iso) < *day(seq[i].iso)) {
                problems.push_back(seq[j].what + " " + seq[j].iso + " is before " + seq[i].what + " " + seq[i].iso);
                if (!seq[j].key.empty()) ev.push_back(cite_key(r, seq[j].key, seq[j].iso));
            }
    for (const auto& d : all)
        if (*day(d.iso) > in.as_of) {
            problems.push_back(d.what + " " + d.iso + " is after the as-of date");
            if (!d.key.empty()) ev.push_back(cite_key(r, d.key, d.iso));
        }
    std::sort(problems.begin(), problems.end());
    problems.erase(std::unique(problems.begin(), problems.end()), problems.end());
    std::map<std::string, std::string> v{{"problems", join(problems, "; ")}};
    if (problems.empty()) return pass_with(v);
    return fail_with(v, ev);
}

// --- review_gaps: at least `min_reviews` reviews; no gap between plan, reviews and closure
// longer than `max_gap_weeks`.
CheckOutcome review_gaps(const CheckInput& in) {
    const auto& r = in.record;
    const long max_weeks = param_int(in, "max_gap_weeks"), min_reviews = param_int(in, "min_reviews");
    const auto reviews = dated_reviews(r, in.as_of);
    std::map<std::string, std::string> v{{"count", std::to_string(reviews.size())}, {"max", std::to_string(max_weeks)},
                                         {"min", std::to_string(min_reviews)}};
    const auto plan = day(r.plan_date);
    const bool closed = closure_counts(r, in.as_of) && day(r.closure_date);
    if (reviews.empty() && !closed && plan && *plan + max_weeks * 7 > in.as_of)
        return not_applicable("no review is due yet: the plan of " + r.plan_date + " is under " + std::to_string(max_weeks) + " weeks old");
    std::vector<std::pair<long, std::string>> points;
    if (plan && *plan <= in.as_of) points.push_back({*plan, "plan " + r.plan_date});
    for (const Review* rv : reviews) points.push_back({*day(rv->date), "review " + rv->date});
    if (closed) points.push_back({*day(r.closure_date), "closure " + r.closure_date});
    std::sort(points.begin(), points.end());
    std::vector<std::string> gaps;
    for (size_t i = 1; i < points.size(); ++i)
        if (points[i].first - points[i - 1].first > max_weeks * 7)
            gaps.push_back(std::to_string((points[i].first - points[i - 1].first) / 7) + " weeks from " + points[i - 1].second +
                           " to " + points[i].second);
    v["gaps"] = join(gaps, "; ");
    std::vector<EvidenceRef> ev;
    for (const Review* rv : reviews)
        ev.push_back(cite(rv->src, "review " + rv->date, "review " + (rv->number.empty() ? "" : rv->number + " ") + "held " + rv->date));
    if (static_cast<long>(reviews.size()) < min_reviews) v["gaps"] = "too few reviews" + (gaps.empty() ? "" : "; " + v["gaps"]);
    if (static_cast<long>(reviews.size()) >= min_reviews && gaps.empty()) return pass_with(v, ev);
    return fail_with(v, ev);
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
            if (n == self && !self_seen) self_seen = true;
            else others.push_back(n);
        }
    }
    std::map<std::string, std::string> v{{"ref", r.family_ref}, {"others", join(others, ", ")}};
    const std::vector<EvidenceRef> ev{cite_key(r, "family_ref", r.family_ref)};
    if (others.empty()) return pass_with(v, ev);
    return fail_with(v, ev);
}

// --- dependent_child: a member under `child_age`, or under `young_person_age` (16–18, whose
// education status the record cannot show), at the assessment date.
CheckOutcome dependent_child(const CheckInput& in) {
    const auto& r = in.record;
    const long child = param_int(in, "child_age"), young = param_int(in, "young_person_age");
    const long on = day(r.assessment_date).value_or(day(r.plan_date).value_or(in.as_of));
    for (size_t i = 0; i < r.members.size(); ++i) {
        const auto& m = r.members[i];
        auto dob = day(m.dob);
        if (!dob) continue;
        const int age = *dob > on ? 0 : cal::years_between(*dob, on);
        if (age < child || age < young)
            return pass_with({{"child", m.name + " (" + std::to_string(age) + " at " + cal::format(on) + ")"}},
                             {cite(m.src, path("members", i), m.name + ", " + m.dob)});
    }
    return fail_with({{"child", ""}, {"count", std::to_string(r.members.size())}});
}

// --- recurrence (warning): a review or hard data says an achieved problem came back within
// `months` of being achieved.
std::string recurred(const CheckInput& in, const std::string& c, long from, long until, const std::vector<std::string>& cues,
                     std::vector<EvidenceRef>& ev) {
    const auto& r = in.record;
    for (const Review* rv : dated_reviews(r, in.as_of)) {
        const long d = *day(rv->date);
        const ReviewOutcome* o = outcome_for(*rv, c);
        if (!o || d <= from || d > until) continue;
        std::string cue;
        if (o->achieved == "no" || has_cue(o->progress, cues, &cue)) {
            ev.push_back(cite(o->src.empty() ? rv->src : o->src, "review " + rv->date + "." + c, o->progress));
            return "review " + rv->date + (cue.empty() ? " says not achieved" : " says \"" + cue + "\"");
        }
    }
    for (size_t i = 0; i < r.evidence.size(); ++i) {
        const Evidence& e = r.evidence[i];
        auto d = day(e.period_end);
        if (e.criterion != c || !d || *d <= from || *d > until || *d > in.as_of || !has_cue(e.value, cues)) continue;
        ev.push_back(cite(e.src, path("evidence", i), e.value));
        return "evidence to " + e.period_end + " says \"" + e.value + "\"";
    }
    return {};
}

CheckOutcome recurrence(const CheckInput& in) {
    const long months = param_int(in, "months");
    const auto cues = param_list(in, "cues");
    std::vector<std::string> found;
    std::vector<EvidenceRef> ev;
    bool any = false;
    for (const auto& c : all_criteria(in.record)) {
        auto a = achieved_on(in.record, c, in.as_of, nullptr);
        if (!a) continue;
        any = true;
        const std::string what = recurred(in, c, *a, cal::add_months(*a, static_cast<int>(months)), cues, ev);
        if (!what.empty()) found.push_back(criterion_name(in.pack, c) + ": " + what);
    }
    if (!any) return not_applicable("no problem is recorded as achieved");
    std::map<std::string, std::string> v{{"detail", join(found, "; ")}, {"months", std::to_string(months)}};
    if (found.empty()) return pass_with(v);
    return fail_with(v, ev);
}

// --- text_cue (warning): cue words in the closure evidence, review progress or hard-data notes.
CheckOutcome text_cue(const CheckInput& in) {
    const auto& r = in.record;
    const auto cues = param_list(in, "cues");
    const std::string where = param_text(in, "in");
    std::vector<std::pair<std::string, EvidenceRef>> texts;
    if (where == "closure_evidence")
        for (const auto& o : r.closure_outcomes) texts.push_back({o.evidence, cite(o.src, "closure_outcomes." + o.criterion, o.evidence)});
    if (where == "review_progress")
        for (const auto& rv : r.reviews)
            for (const auto& o : rv.outcomes) texts.push_back({o.progress, cite(o.src, "review " + rv.date + "." + o.criterion, o.progress)});
    if (where == "evidence")
        for (size_t i = 0; i < r.evidence.size(); ++i) texts.push_back({r.evidence[i].value, cite(r.evidence[i].src, path("evidence", i), r.evidence[i].value)});
    if (texts.empty()) return not_applicable("the record has no " + std::string(where == "evidence" ? "hard-data" : where == "review_progress" ? "review progress" : "closure evidence") + " text");
    for (const auto& [t, ev] : texts) {
        std::string cue;
        if (has_cue(t, cues, &cue)) return fail_with({{"cue", cue}, {"quote", t}}, {ev});
    }
    return pass_with({{"cue", ""}});
}

// --- attendance: the latest `terms` termly attendance figures of each child with attendance
// data are all at least `min_pct` (for cases where the criterion was identified).
CheckOutcome attendance(const CheckInput& in) {
    const auto& r = in.record;
    const std::string crit = param_text(in, "criterion");
    const auto all = all_criteria(r);
    if (std::find(all.begin(), all.end(), crit) == all.end()) return not_applicable("criterion " + crit + " was not identified");
    const double min = param_num(in, "min_pct");
    const long terms = param_int(in, "terms");
    std::map<std::string, std::vector<std::pair<long, size_t>>> by_member;
    for (size_t i = 0; i < r.evidence.size(); ++i) {
        const Evidence& e = r.evidence[i];
        if (e.measure == "attendance_pct" && counts(e.period_end, in.as_of)) by_member[e.member].push_back({*day(e.period_end), i});
    }
    std::vector<std::string> problems;
    std::vector<EvidenceRef> ev;
    for (auto& [m, rows] : by_member) {
        std::sort(rows.begin(), rows.end());
        if (static_cast<long>(rows.size()) < terms) { problems.push_back(m + ": " + std::to_string(rows.size()) + " term(s) of data"); continue; }
        for (size_t k = rows.size() - static_cast<size_t>(terms); k < rows.size(); ++k) {
            const Evidence& e = r.evidence[rows[k].second];
            ev.push_back(cite(e.src, path("evidence", rows[k].second), e.value + "% to " + e.period_end));
            if (std::atof(e.value.c_str()) < min) problems.push_back(m + ": " + e.value + "% to " + e.period_end);
        }
    }
    if (by_member.empty()) problems.push_back("no attendance figures");
    std::map<std::string, std::string> v{{"min", fmt_num(min)},
                                         {"terms", std::to_string(terms)}, {"problems", join(problems, "; ")}};
    if (problems.empty()) return pass_with(v, ev);
    return fail_with(v, ev);
}

}  // namespace

std::vector<Kind> claim_kinds() {
    using T = ParamType;
    return {
        {"min_criteria", "assessment", {{"min", T::Int, "criteria needed"}}, min_criteria, "at least MIN criteria identified at assessment"},
        {"document_present", "document", {{"document", T::Choice, "assessment|plan|closure"}}, document_present,
         "the document is present, dated, and not dated before the one it follows"},
        {"field_present", "assessment", {{"field", T::Choice, "lead_professional|lead_agency|manager|manager_date|consent_signed_by|closure_reason|council|family_ref"}}, field_present, "a record field is filled"},
        {"consent", "assessment", {{"scopes", T::List, "consent scopes that name central government"}}, consent,
         "consent given, dated on or before the as-of date, naming one of SCOPES"},
        {"criteria_in_plan", "plan", {}, criteria_in_plan, "every identified criterion is a plan outcome's criterion"},
        {"outcome_actions", "plan", {}, outcome_actions, "every plan outcome has at least one action"},
        {"progress", "any", {}, progress, "every criterion achieved at closure, else at the latest review"},
        {"sustained", "any", {{"months", T::Int, "months held"}, {"from", T::Choice, "achieved|closure"}}, sustained,
         "each criterion held MONTHS on dated evidence from when it was achieved (or from closure)"},
        {"employment", "any", {{"weeks", T::WeeksMap, "BENEFIT:WEEKS, ..."}, {"adult_age", T::Int, "age of an adult"}}, employment,
         "an adult off an out-of-work benefit in work for the weeks it requires"},
        {"date_order", "any", {}, date_order, "assessment <= plan <= reviews <= closure; no date after the as-of date"},
        {"review_gaps", "any", {{"max_gap_weeks", T::Int, "longest gap"}, {"min_reviews", T::Int, "reviews needed"}}, review_gaps,
         "at least MIN_REVIEWS reviews, no gap over MAX_GAP_WEEKS"},
        {"duplicate_ref", "any", {}, duplicate_ref, "no other bundle in the batch has the family reference"},
        {"dependent_child", "assessment", {{"child_age", T::Int, "under this age"}, {"young_person_age", T::Int, "or under this age"}},
         dependent_child, "a member under CHILD_AGE (or YOUNG_PERSON_AGE) at assessment"},
        {"recurrence", "any", {{"months", T::Int, "window"}, {"cues", T::List, "words"}}, recurrence,
         "no achieved problem recurs within MONTHS (review says no, or a cue word)"},
        {"text_cue", "any", {{"cues", T::List, "words"}, {"in", T::Choice, "closure_evidence|review_progress|evidence"}}, text_cue,
         "none of the cue words appears in the chosen text"},
        {"attendance", "any", {{"criterion", T::Text, "criterion id"}, {"min_pct", T::Number, "percent"}, {"terms", T::Int, "terms"}},
         attendance, "the latest TERMS attendance figures are at least MIN_PCT"},
    };
}

}  // namespace tfa::rules
