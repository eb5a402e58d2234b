// The case-quality check kinds (ffa-quality): what a document can show about practice.
// Judgements a keyword cannot make are auditor_judgement rules: reported, never passed.
#include <algorithm>

#include "core/text.h"
#include "rules/check_util.h"
#include "core/calendar.h"
#include "rules/kinds.h"

namespace tfa::rules {

using namespace util;

namespace {

CheckOutcome outcome(bool ok, std::map<std::string, std::string> vars, std::vector<EvidenceRef> ev = {}) {
    CheckOutcome o;
    o.status = ok ? Status::Pass : Status::Fail;
    o.vars = std::move(vars);
    o.evidence = std::move(ev);
    return o;
}

// --- voice_of_child: the voice-of-the-child section holds text.
CheckOutcome voice_of_child(const CheckInput& in) {
    const auto& v = in.record.voice_of_child;
    std::vector<EvidenceRef> ev;
    if (v) ev.push_back(cite_key(in.record, "voice_of_child", *v ? "section filled" : "section empty"));
    const std::string problem =
        !v ? "the assessment has no voice-of-the-child section" : "the voice-of-the-child section is empty";
    return outcome(v.value_or(false), {{"problem", v.value_or(false) ? "" : problem}}, ev);
}

// The first name of a member ("Kayden" from "Kayden Price").
std::string first_name(const std::string& full) {
    const std::string t = text::trim(full);
    return t.substr(0, t.find(' '));
}

std::string plan_text(const CaseRecord& r) {
    std::string all;
    for (const auto& o : r.plan_outcomes) {
        all += o.need + "\n" + o.outcome + "\n";
        for (const auto& a : o.actions) all += a.what + "\n" + a.who + "\n";
    }
    return text::lower(all);
}

// --- children_in_plan: every child in the household (under `child_age` at assessment) is
// named somewhere in the plan.
CheckOutcome children_in_plan(const CheckInput& in) {
    const auto& r = in.record;
    if (r.plan_outcomes.empty()) return not_applicable("the plan has no outcomes to read");
    const long child_age = param_int(in, "child_age");
    const long on = day(r.assessment_date).value_or(in.as_of);
    const std::string plan = plan_text(r);
    std::vector<std::string> missing, children;
    std::vector<EvidenceRef> ev;
    for (size_t i = 0; i < r.members.size(); ++i) {
        auto dob = day(r.members[i].dob);
        if (!dob || (*dob <= on && cal::years_between(*dob, on) >= child_age)) continue;
        const std::string name = first_name(r.members[i].name);
        children.push_back(name);
        if (name.empty() || plan.find(text::lower(name)) != std::string::npos) continue;
        missing.push_back(r.members[i].name);
        ev.push_back(cite(r.members[i].src, path("members", i), r.members[i].name + ", " + r.members[i].dob));
    }
    if (children.empty()) return not_applicable("no child is listed with a date of birth");
    return outcome(missing.empty(), {{"missing", join(missing, ", ")}, {"children", join(children, ", ")}}, ev);
}

// --- action_smart: every action names who will do it and by when (a date).
CheckOutcome action_smart(const CheckInput& in) {
    const auto& r = in.record;
    std::vector<std::string> missing;
    std::vector<EvidenceRef> ev;
    size_t count = 0;
    for (size_t i = 0; i < r.plan_outcomes.size(); ++i) {
        for (size_t k = 0; k < r.plan_outcomes[i].actions.size(); ++k) {
            const Action& a = r.plan_outcomes[i].actions[k];
            ++count;
            std::vector<std::string> lack;
            if (text::trim(a.who).empty()) lack.push_back("no provider");
            if (!day(a.by_when)) lack.push_back("no date");
            if (lack.empty()) continue;
            missing.push_back("\"" + a.what + "\" (" + join(lack, ", ") + ")");
            ev.push_back(
                cite(r.plan_outcomes[i].src, path("plan_outcomes", i) + ".actions[" + std::to_string(k) + "]", a.what));
        }
    }
    if (count == 0) return not_applicable("the plan has no actions");
    return outcome(missing.empty(), {{"missing", join(missing, "; ")}, {"count", std::to_string(count)}}, ev);
}

int rank(const std::string& achieved) { return achieved == "yes" ? 2 : achieved == "partly" ? 1 : 0; }

// The longest run of consecutive reviews in which no outcome moved forward (and not all met).
size_t stalled_run(const std::vector<const Review*>& reviews) {
    size_t run = 0, best = 0;
    for (size_t i = 1; i < reviews.size(); ++i) {
        bool moved = false, all_met = true;
        for (const auto& o : reviews[i]->outcomes) {
            const ReviewOutcome* before = outcome_for(*reviews[i - 1], o.criterion);
            if (!before || rank(o.achieved) > rank(before->achieved)) moved = true;
            if (o.achieved != "yes") all_met = false;
        }
        run = moved || all_met ? 0 : run + 1;
        best = std::max(best, run);
    }
    return best;
}

// --- drift: open no longer than `max_open_months` (assessment to closure, else to the as-of
// date), and never `max_reviews_without_progress` reviews in a row without progress.
CheckOutcome drift(const CheckInput& in) {
    const auto& r = in.record;
    auto start = day(r.assessment_date);
    if (!start) start = day(r.plan_date);
    if (!start) return not_applicable("the case has no assessment or plan date");
    const long months = param_int(in, "max_open_months"), stall = param_int(in, "max_reviews_without_progress");
    const bool closed = closure_counts(r, in.as_of) && day(r.closure_date);
    const long end = closed ? *day(r.closure_date) : in.as_of;
    std::vector<std::string> problems;
    if (end > cal::add_months(*start, static_cast<int>(months)))
        problems.push_back(std::string(closed ? "was open" : "open") + " from " + cal::format(*start) + " to " +
                           cal::format(end) + ", over " + std::to_string(months) + " months");
    // A run of N stalled reviews after the first means N+1 reviews without progress.
    const size_t run = stalled_run(dated_reviews(r, in.as_of));
    if (run > 0 && static_cast<long>(run + 1) >= stall)
        problems.push_back(std::to_string(run + 1) + " reviews in a row without progress");
    std::vector<EvidenceRef> ev{cite_key(r, "assessment_date", cal::format(*start))};
    if (closed) ev.push_back(cite_key(r, "closure_date", r.closure_date));
    return outcome(problems.empty(), {{"problems", join(problems, "; ")}}, ev);
}

// --- manager_signoff: a manager signed the assessment off, with a date on or before as-of.
CheckOutcome manager_signoff(const CheckInput& in) {
    const auto& r = in.record;
    std::vector<EvidenceRef> ev;
    if (!r.manager.empty()) ev.push_back(cite_key(r, "manager", r.manager));
    if (!r.manager_date.empty()) ev.push_back(cite_key(r, "manager_date", r.manager_date));
    std::string problem;
    if (r.manager.empty())
        problem = "no manager named";
    else if (!day(r.manager_date))
        problem = "the sign-off is not dated";
    else if (*day(r.manager_date) > in.as_of)
        problem = "the sign-off is dated after the as-of date";
    return outcome(problem.empty(), {{"problem", problem}, {"manager", r.manager}}, ev);
}

// --- closure_outcomes_explicit: at closure, every criterion says achieved or not.
CheckOutcome closure_outcomes_explicit(const CheckInput& in) {
    const auto& r = in.record;
    if (!closure_counts(r, in.as_of) && !r.has_closure) return not_applicable("the case is not closed");
    std::vector<std::string> missing;
    std::vector<EvidenceRef> ev;
    for (const auto& c : all_criteria(r)) {
        const ClosureOutcome* co = nullptr;
        for (const auto& o : r.closure_outcomes)
            if (o.criterion == c) co = &o;
        if (co) ev.push_back(cite(co->src, "closure_outcomes." + c, co->evidence));
        if (!co || !co->achieved) missing.push_back(criterion_name(in.pack, c));
    }
    if (!r.closure_date.empty()) ev.insert(ev.begin(), cite_key(r, "closure_date", r.closure_date));
    return outcome(missing.empty(), {{"missing", join(missing, ", ")}}, ev);
}

// --- auditor_judgement: a question only a person can answer. Until the auditor's judgement
// for this rule is recorded (record.auditor_judgements) it is left to the auditor
// (not_applicable); then it passes or fails as judged.
CheckOutcome auditor_judgement(const CheckInput& in) {
    const std::string question = param_text(in, "question");
    for (const auto& a : in.record.auditor_judgements) {
        if (a.rule != in.rule.id || (a.judgement != "met" && a.judgement != "not_met")) continue;
        std::map<std::string, std::string> v{{"question", question},
                                             {"by", a.by},
                                             {"date", a.date},
                                             {"judgement", a.judgement == "met" ? "met" : "not met"}};
        return outcome(a.judgement == "met", v,
                       {EvidenceRef{"", "auditor_judgements." + a.rule, a.by + " " + a.date + ": " + a.judgement}});
    }
    CheckOutcome o = not_applicable("left to the auditor: " + question);
    if (!in.record.assessment_date.empty())
        o.evidence.push_back(cite_key(in.record, "assessment_date", in.record.assessment_date));
    return o;
}

}  // namespace

std::vector<Kind> quality_kinds() {
    using T = ParamType;
    return {
        {"voice_of_child", "assessment", {}, voice_of_child, "the voice-of-the-child section holds text", "problem"},
        {"children_in_plan",
         "plan",
         {{"child_age", T::Int, "a child is under this age"}},
         children_in_plan,
         "every child in the household is named in the plan",
         "missing children"},
        {"action_smart", "plan", {}, action_smart, "every action names a provider and a date", "missing count"},
        {"drift",
         "any",
         {{"max_open_months", T::Int, "months"}, {"max_reviews_without_progress", T::Int, "reviews"}},
         drift,
         "open no longer than MAX_OPEN_MONTHS; no run of reviews without progress",
         "problems"},
        {"manager_signoff", "assessment", {}, manager_signoff, "a manager signed off, dated", "problem manager"},
        {"closure_outcomes_explicit",
         "closure",
         {},
         closure_outcomes_explicit,
         "at closure every criterion says achieved or not",
         "missing"},
        {"auditor_judgement",
         "any",
         {{"question", T::Text, "what the auditor must judge"}},
         auditor_judgement,
         "a judgement left to the auditor (not_applicable until the auditor's judgement is recorded)",
         "question by date judgement"},
    };
}

}  // namespace tfa::rules
