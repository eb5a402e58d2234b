// The evaluator: rules → findings → route, verdict, score, grade, to_make_claimable.
#include "rules/check.h"

#include <algorithm>
#include <cmath>

#include "rules/check_util.h"
#include "rules/kinds.h"
#include "rules/relies.h"

namespace tfa::rules {

std::string fill(const std::string& tmpl, const std::map<std::string, std::string>& vars) {
    std::string out;
    for (size_t i = 0; i < tmpl.size();) {
        const size_t close = tmpl[i] == '{' ? tmpl.find('}', i) : std::string::npos;
        if (close != std::string::npos) {
            auto it = vars.find(tmpl.substr(i + 1, close - i - 1));
            if (it != vars.end()) {
                out += it->second;
                i = close + 1;
                continue;
            }
        }
        out += tmpl[i++];
    }
    return out;
}

namespace {

// A rule whose document could not be read and is not otherwise present cannot be judged:
// it is not_applicable, and the case goes to review (the unreadable list makes it so).
std::string unreadable_reason(const Kind& k, const Rule& rule, const CaseRecord& r) {
    if (r.unreadable.empty()) return {};
    std::string reads = k.reads;
    if (reads == "document") reads = rule.params.count("document") ? rule.params.at("document").value : "";
    const bool missing = (reads == "assessment" && !r.has_assessment) || (reads == "plan" && !r.has_plan) ||
                         (reads == "closure" && !r.has_closure);
    if (!missing) return {};
    return "cannot judge: no readable " + reads + " (unreadable: " + util::unreadable_list(r) + ")";
}

// The bundle's document of type `doc` ("plan" matches "plan+assessment"), else `doc`.
std::string document_for(const CaseRecord& r, const std::string& doc) {
    for (size_t i = 0; i < r.files.size() && i < r.doc_types.size(); ++i)
        if (r.doc_types[i].find(doc) != std::string::npos) return r.files[i];
    return doc;
}

std::string route_words(const std::string& route) {
    std::string s = route;
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

}  // namespace

Finding check_rule(const RulePack& pack, const Rule& rule, const CaseRecord& record, long as_of,
                   const BatchRefs* batch) {
    const Kind* k = find_kind(rule.kind);
    CheckOutcome o;
    bool undecided = false;
    if (!k)
        o = util::not_applicable("unknown kind " + rule.kind);
    else if (auto why = unreadable_reason(*k, rule, record); !why.empty())
        o = util::not_applicable(why);
    else
        o = k->fn(CheckInput{pack, rule, record, as_of, batch});
    if (o.status == Status::Fail) {
        if (auto why = undecided_reason(rule, record); !why.empty()) {
            o.status = Status::NeedsReview;
            o.vars["reason"] = why;
            undecided = true;
        }
    }
    o.vars["id"] = rule.id;
    o.vars["title"] = rule.title;
    o.vars["severity"] = to_string(rule.severity);
    Finding f;
    f.rule = rule.id;
    f.undecided = undecided;
    f.status = o.status;
    f.severity = rule.severity;
    for (auto& e : o.evidence) {
        const bool seen = std::any_of(f.evidence.begin(), f.evidence.end(), [&](const EvidenceRef& x) {
            return x.file == e.file && x.where == e.where && x.quote == e.quote;
        });
        if (!seen) f.evidence.push_back(std::move(e));
    }
    if (o.status == Status::Fail) {
        if (rule.severity == Severity::Warning) f.status = Status::Warn;
        f.message = fill(rule.message, o.vars);
        f.fix = rule.fix.empty() ? f.message : fill(rule.fix, o.vars);
        f.fix_document = document_for(record, rule.document);
    } else if (o.status == Status::Pass) {
        f.message = fill(rule.pass.empty() ? "[{id}] met: {title}" : rule.pass, o.vars);
    } else if (o.status == Status::NeedsReview) {
        if (rule.severity == Severity::Warning) f.status = Status::Warn;
        f.message = fill("[{id}] needs review: {reason}", o.vars);
        f.fix = f.message;
        f.fix_document = document_for(record, rule.document);
    } else {
        f.message = fill("[{id}] not applicable: {reason}", o.vars);
    }
    return f;
}

CaseResult judge_rules(const RulePack& pack, const CaseRecord& record, long as_of, const BatchRefs* batch) {
    CaseResult res;
    res.case_name = record.case_name.empty() ? record.family_ref : record.case_name;
    res.family_ref = record.family_ref;
    for (const auto& rule : pack.rules) res.findings.push_back(check_rule(pack, rule, record, as_of, batch));
    for (const auto& u : record.unreadable) res.errors.push_back({u.file, u.reason});
    // A reader that read past something may have left out what a rule needed: the case is for a
    // person to check, never a silent pass or fail.
    for (const auto& w : record.warnings)
        if (w.loses_content)
            res.errors.push_back({w.file, kReaderWarning + (w.where.empty() ? "" : w.where + ": ") + w.message});
    res.unrecognised = record.unrecognised;
    return res;
}

namespace {

// The first claim route (pack order) whose rules all pass (or do not apply, at least one
// passing); empty when none does.
std::string passing_route(const RulePack& pack, const CaseResult& res) {
    std::vector<std::string> routes;
    for (const auto& r : pack.rules)
        if (is_claim_route(r.route) && std::find(routes.begin(), routes.end(), r.route) == routes.end())
            routes.push_back(r.route);
    for (const auto& route : routes) {
        bool ok = true, any_pass = false;
        for (size_t i = 0; i < pack.rules.size(); ++i) {
            if (pack.rules[i].route != route) continue;
            const Status st = res.findings[i].status;
            any_pass = any_pass || st == Status::Pass;
            if (st != Status::Pass && st != Status::NotApplicable) ok = false;
        }
        if (ok && any_pass) return route;
    }
    return {};
}

int score_of(const RulePack& pack, const CaseResult& res) {
    double total = 0, lost = 0;
    for (size_t i = 0; i < pack.rules.size(); ++i) {
        const Status st = res.findings[i].status;
        if (st == Status::NotApplicable || pack.rules[i].severity == Severity::Warning) continue;
        total += pack.rules[i].weight;
        if (st == Status::Fail) lost += pack.rules[i].weight;
    }
    if (total <= 0) return 100;
    return static_cast<int>(std::lround(100.0 * (total - lost) / total));
}

// The proposed grade comes from the quality findings alone (all findings when the pack has no
// quality rules); compliance failures are listed apart in the basis.
void grade(const RulePack& pack, CaseResult& res) {
    if (pack.grades.empty()) return;
    const bool has_quality =
        std::any_of(pack.rules.begin(), pack.rules.end(), [](const Rule& r) { return r.route == "quality"; });
    double total = 0, lost = 0;
    int serious = 0;
    std::vector<std::string> quality, compliance, judged;
    for (size_t i = 0; i < pack.rules.size(); ++i) {
        const Rule& rule = pack.rules[i];
        const Finding& f = res.findings[i];
        if (rule.kind == "auditor_judgement" && f.status == Status::NotApplicable) judged.push_back(f.rule);
        const bool graded = !has_quality || rule.route == "quality";
        const bool failing = f.status == Status::Fail || f.status == Status::Warn;
        if (failing) (graded ? quality : compliance).push_back(f.rule + " (" + to_string(f.severity) + ")");
        if (!graded || f.status == Status::NotApplicable || rule.severity == Severity::Warning) continue;
        total += rule.weight;
        if (f.status == Status::Fail) lost += rule.weight, serious += rule.severity != Severity::Minor;
    }
    const double score = total > 0 ? 100.0 * (total - lost) / total : 100.0;
    for (const auto& g : pack.grades) {
        if (score < g.min_score || (g.max_fails >= 0 && serious > g.max_fails)) continue;
        res.grade = g.name;
        break;
    }
    auto list = [](const std::vector<std::string>& v) { return v.empty() ? std::string("none") : util::join(v, ", "); };
    res.grade_basis = "quality score " + std::to_string(std::lround(score)) +
                      "; quality findings failing: " + list(quality) +
                      "; compliance findings failing (reported apart, not graded): " + list(compliance);
    if (!judged.empty()) {
        if (!res.grade.empty()) res.grade += " (provisional)";
        res.grade_basis += "; provisional until the auditor's judgements are recorded: " + util::join(judged, ", ");
    }
}

}  // namespace

namespace {

// How a set of blocker findings stands: Fail when any fails on evidence, else NeedsReview when
// any could not be decided, else Pass.
Status blockers_status(const RulePack& pack, const CaseResult& res, const std::string& route) {
    Status st = Status::Pass;
    for (size_t i = 0; i < pack.rules.size(); ++i) {
        const Rule& rule = pack.rules[i];
        if (rule.severity != Severity::Blocker || rule.route != route) continue;
        if (res.findings[i].status == Status::Fail) return Status::Fail;
        if (res.findings[i].status == Status::NeedsReview) st = Status::NeedsReview;
    }
    return st;
}

// The verdict: needs review when a document was unreadable; else not claimable when a blocker
// outside the claim routes fails on evidence or every claim route has one that does; needs
// review when what stands between the case and a claim is something tfaudit could not decide;
// else claimable.
Verdict verdict_of(const RulePack& pack, const CaseResult& res) {
    if (!res.errors.empty()) return Verdict::NeedsReview;
    std::vector<std::string> common, routes;
    for (const auto& r : pack.rules) {
        auto& list = is_claim_route(r.route) ? routes : common;
        if (std::find(list.begin(), list.end(), r.route) == list.end()) list.push_back(r.route);
    }
    Status all = Status::Pass;
    for (const auto& c : common) {
        const Status st = blockers_status(pack, res, c);
        if (st == Status::Fail) return Verdict::NotClaimable;
        if (st == Status::NeedsReview) all = Status::NeedsReview;
    }
    if (!routes.empty() && res.route.empty()) {
        bool undecided = false;
        for (const auto& r : routes) undecided = undecided || blockers_status(pack, res, r) == Status::NeedsReview;
        if (!undecided) return Verdict::NotClaimable;
        all = Status::NeedsReview;
    }
    return all == Status::NeedsReview ? Verdict::NeedsReview : Verdict::Claimable;
}

}  // namespace

namespace {

// The blockers still standing, as things to add: the common ones, then the first claim route's
// (pack order), then each other route as one alternative ("or instead, by the ... route: ...").
void list_missing(const RulePack& pack, CaseResult& res) {
    std::vector<std::string> routes;
    std::map<std::string, std::vector<Missing>> by_route;
    for (size_t i = 0; i < pack.rules.size(); ++i) {
        const Rule& rule = pack.rules[i];
        const Finding& f = res.findings[i];
        if ((f.status != Status::Fail && f.status != Status::NeedsReview) || rule.severity != Severity::Blocker)
            continue;
        if (!is_claim_route(rule.route)) {
            res.to_make_claimable.push_back({f.fix, f.fix_document});
            continue;
        }
        if (!by_route.count(rule.route)) routes.push_back(rule.route);
        by_route[rule.route].push_back({f.fix, f.fix_document});
    }
    for (size_t k = 0; k < routes.size(); ++k) {
        const auto& items = by_route[routes[k]];
        if (k == 0) {
            for (const auto& m : items)
                res.to_make_claimable.push_back({"(" + route_words(routes[k]) + " route) " + m.what, m.document});
            continue;
        }
        std::vector<std::string> whats;
        for (const auto& m : items) whats.push_back(m.what);
        res.to_make_claimable.push_back(
            {"or instead, by the " + route_words(routes[k]) + " route: " + util::join(whats, "; "),
             items.front().document});
    }
}

}  // namespace

namespace {

ReviewCause review_cause_of(const RulePack& pack, const CaseResult& res) {
    if (res.verdict != Verdict::NeedsReview) return ReviewCause::None;
    bool unreadable = false, warned = false;
    for (const auto& e : res.errors) (e.error.rfind(kReaderWarning, 0) == 0 ? warned : unreadable) = true;
    if (unreadable) return ReviewCause::UnreadableDocument;
    if (warned) return ReviewCause::ReaderWarning;
    for (size_t i = 0; i < pack.rules.size() && i < res.findings.size(); ++i)
        if (res.findings[i].status == Status::NeedsReview && res.findings[i].undecided &&
            pack.rules[i].severity == Severity::Blocker)
            return ReviewCause::LayoutNotUnderstood;
    return ReviewCause::Judgement;
}

}  // namespace

void finalize(const RulePack& pack, CaseResult& res) {
    res.route = passing_route(pack, res);
    std::vector<size_t> excused;
    for (size_t i = 0; i < pack.rules.size(); ++i) {
        const Rule& rule = pack.rules[i];
        Finding& f = res.findings[i];
        const bool other_route = !res.route.empty() && is_claim_route(rule.route) && rule.route != res.route;
        if (other_route && (f.status == Status::Fail || f.status == Status::NeedsReview)) {
            f.status = Status::NotApplicable;
            excused.push_back(i);
        }
    }
    res.score = score_of(pack, res);
    res.verdict = verdict_of(pack, res);
    res.review_cause = review_cause_of(pack, res);
    // "Claimable by the ... route" only when the case is; otherwise the route is only met.
    for (size_t i : excused)
        res.findings[i].message =
            "[" + pack.rules[i].id + "] not required: " +
            (res.verdict == Verdict::Claimable ? "claimable by the " + route_words(res.route) + " route"
                                               : "the " + route_words(res.route) + " route's rules are met");
    if (res.verdict != Verdict::Claimable) list_missing(pack, res);
    grade(pack, res);
}

CaseResult check_case(const RulePack& pack, const CaseRecord& record, long as_of, const BatchRefs* batch) {
    CaseResult res = judge_rules(pack, record, as_of, batch);
    finalize(pack, res);
    return res;
}

}  // namespace tfa::rules
