#include "model/record.h"

#include <algorithm>
#include <functional>
#include <unordered_map>

#include "core/json_writer.h"

namespace tfa {

std::vector<std::string> CaseRecord::review_dates() const {
    std::vector<std::string> out;
    for (const auto& r : reviews)
        if (!r.date.empty()) out.push_back(r.date);
    std::sort(out.begin(), out.end());
    return out;
}

const std::vector<std::pair<const char*, std::string CaseRecord::*>>& text_fields() {
    using R = CaseRecord;
    static const std::vector<std::pair<const char*, std::string R::*>> v = {
        {"case", &R::case_name},
        {"family_ref", &R::family_ref},
        {"council", &R::council},
        {"assessment_started", &R::assessment_started},
        {"assessment_completed", &R::assessment_completed},
        {"assessment_date", &R::assessment_date},
        {"lead_professional", &R::lead_professional},
        {"lead_agency", &R::lead_agency},
        {"completed_by", &R::completed_by},
        {"reason", &R::reason},
        {"consent_date", &R::consent_date},
        {"consent_signed_by", &R::consent_signed_by},
        {"manager", &R::manager},
        {"manager_date", &R::manager_date},
        {"plan_date", &R::plan_date},
        {"closure_date", &R::closure_date},
        {"closure_reason", &R::closure_reason},
    };
    return v;
}

std::optional<std::string> text_field(const CaseRecord& r, const std::string& key) {
    for (const auto& [k, m] : text_fields())
        if (key == k) return r.*m;
    return std::nullopt;
}

FieldState CaseRecord::state(const std::string& key) const {
    auto it = states.find(key);
    return it == states.end() ? FieldState::NotFound : it->second;
}

namespace {

struct Out {
    JsonWriter& j;
    void s(const char* k, const std::string& v) {
        j.key(k);
        j.str_or_null(v);
    }
    void source(const Source& src) {
        j.key("source");
        if (src.empty()) {
            j.null();
            return;
        }
        j.begin_object();
        s("file", src.file);
        s("where", src.where);
        s("quote", src.quote);
        j.end_object();
    }
    template <class T, class F>
    void list(const std::vector<T>& v, F&& each) {
        j.begin_array();
        for (const auto& x : v) {
            j.begin_object();
            each(x);
            j.end_object();
        }
        j.end_array();
    }
};

void number_or_text(JsonWriter& j, const std::string& n) {
    if (!n.empty() && n.size() < 9 && std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; }))
        j.number(std::stol(n));
    else
        j.str_or_null(n);
}

void plan_outcomes(Out& o, const CaseRecord& r) {
    o.list(r.plan_outcomes, [&](const PlanOutcome& p) {
        o.s("criterion", p.criterion);
        o.s("need", p.need);
        o.s("outcome", p.outcome);
        o.j.key("actions");
        o.list(p.actions, [&](const Action& a) {
            o.s("what", a.what);
            o.s("who", a.who);
            o.s("by_when", a.by_when);
        });
        o.source(p.src);
    });
}

void reviews(Out& o, const CaseRecord& r) {
    o.list(r.reviews, [&](const Review& rv) {
        o.s("date", rv.date);
        o.j.key("number");
        number_or_text(o.j, rv.number);
        o.j.key("attendees");
        o.j.strings(rv.attendees);
        o.s("next_review", rv.next_review);
        o.j.key("outcomes");
        o.list(rv.outcomes, [&](const ReviewOutcome& x) {
            o.s("criterion", x.criterion);
            o.s("progress", x.progress);
            o.s("rating", x.rating);
            o.s("achieved", x.achieved);
            o.source(x.src);
        });
        o.source(rv.src);
    });
}

using KeyWriter = std::function<void(Out&, const CaseRecord&)>;

// One writer per record key; record_keys() gives the order. A key of the schema with no writer
// here is caught by the schema test.
const std::unordered_map<std::string, KeyWriter>& writers() {
    auto text = [](std::string CaseRecord::*m) { return [m](Out& o, const CaseRecord& r) { o.j.str_or_null(r.*m); }; };
    auto flag = [](bool CaseRecord::*m) { return [m](Out& o, const CaseRecord& r) { o.j.boolean(r.*m); }; };
    static const std::unordered_map<std::string, KeyWriter> w = [&] {
        std::unordered_map<std::string, KeyWriter> m = {
            {"documents",
             [](Out& o, const CaseRecord& r) {
                 o.j.begin_array();
                 for (size_t i = 0; i < r.files.size(); ++i) {
                     o.j.begin_object();
                     o.s("file", r.files[i]);
                     o.s("type", i < r.doc_types.size() ? r.doc_types[i] : "");
                     o.s("type_from", i < r.doc_type_from.size() ? r.doc_type_from[i] : "");
                     o.j.end_object();
                 }
                 o.j.end_array();
             }},
            {"criteria", [](Out& o, const CaseRecord& r) { o.j.strings(r.criteria); }},
            {"criteria_added", [](Out& o, const CaseRecord& r) { o.j.strings(r.criteria_added); }},
            {"identified",
             [](Out& o, const CaseRecord& r) {
                 o.list(r.identified, [&](const Identified& c) {
                     o.s("criterion", c.criterion);
                     o.s("evidence", c.evidence);
                     o.s("members", c.members);
                     o.source(c.src);
                 });
             }},
            {"consent_given", [](Out& o, const CaseRecord& r) { o.j.boolean(r.consent_given); }},
            {"consent_scope", [](Out& o, const CaseRecord& r) { o.j.strings(r.consent_scope); }},
            {"voice_of_child", [](Out& o, const CaseRecord& r) { o.j.boolean(r.voice_of_child); }},
            {"plan_outcomes", plan_outcomes},
            {"review_dates", [](Out& o, const CaseRecord& r) { o.j.strings(r.review_dates()); }},
            {"reviews", reviews},
            {"closure_outcomes",
             [](Out& o, const CaseRecord& r) {
                 o.list(r.closure_outcomes, [&](const ClosureOutcome& c) {
                     o.s("criterion", c.criterion);
                     o.j.key("achieved");
                     o.j.boolean(c.achieved);
                     o.s("date_achieved", c.date_achieved);
                     o.s("sustained_since", c.sustained_since);
                     o.s("evidence", c.evidence);
                     o.source(c.src);
                 });
             }},
            {"evidence",
             [](Out& o, const CaseRecord& r) {
                 o.list(r.evidence, [&](const Evidence& e) {
                     o.s("criterion", e.criterion);
                     o.s("member", e.member);
                     o.s("measure", e.measure);
                     o.s("period_start", e.period_start);
                     o.s("period_end", e.period_end);
                     o.s("value", e.value);
                     o.s("better", e.better);
                     o.source(e.src);
                 });
             }},
            {"members",
             [](Out& o, const CaseRecord& r) {
                 o.list(r.members, [&](const Member& m) {
                     o.s("name", m.name);
                     o.s("relationship", m.relationship);
                     o.s("dob", m.dob);
                     o.source(m.src);
                 });
             }},
            {"discretionary",
             [](Out& o, const CaseRecord& r) {
                 if (!r.discretionary) {
                     o.j.null();
                     return;
                 }
                 o.j.begin_object();
                 o.s("approver", r.discretionary->approver);
                 o.s("date", r.discretionary->date);
                 o.s("rationale", r.discretionary->rationale);
                 o.source(r.discretionary->src);
                 o.j.end_object();
             }},
            {"auditor_judgements",
             [](Out& o, const CaseRecord& r) {
                 o.list(r.auditor_judgements, [&](const AuditorJudgement& a) {
                     o.s("rule", a.rule);
                     o.s("judgement", a.judgement);
                     o.s("by", a.by);
                     o.s("date", a.date);
                 });
             }},
            {"has_assessment", flag(&CaseRecord::has_assessment)},
            {"has_plan", flag(&CaseRecord::has_plan)},
            {"has_closure", flag(&CaseRecord::has_closure)},
            {"unreadable",
             [](Out& o, const CaseRecord& r) {
                 o.list(r.unreadable, [&](const Unreadable& u) {
                     o.s("file", u.file);
                     o.s("reason", u.reason);
                 });
             }},
            {"warnings",
             [](Out& o, const CaseRecord& r) {
                 o.list(r.warnings, [&](const ReaderWarning& w) {
                     o.s("file", w.file);
                     o.s("where", w.where);
                     o.s("message", w.message);
                     o.j.key("loses_content");
                     o.j.boolean(w.loses_content);
                 });
             }},
            {"unrecognised",
             [](Out& o, const CaseRecord& r) {
                 o.list(r.unrecognised, [&](const Unrecognised& u) {
                     o.s("file", u.file);
                     o.j.key("labels");
                     o.j.strings(u.labels);
                 });
             }},
            {"states",
             [](Out& o, const CaseRecord& r) {
                 o.j.begin_object();
                 for (const auto& [k, st] : r.states) {
                     o.j.field(k, to_string(st));
                 }
                 o.j.end_object();
             }},
            {"sources",
             [](Out& o, const CaseRecord& r) {
                 o.j.begin_object();
                 for (const auto& [k, src] : r.sources) {
                     o.j.key(k);
                     o.j.begin_object();
                     o.s("file", src.file);
                     o.s("where", src.where);
                     o.s("quote", src.quote);
                     o.j.end_object();
                 }
                 o.j.end_object();
             }},
        };
        for (const auto& [key, member] : text_fields()) m.emplace(key, text(member));
        return m;
    }();
    return w;
}

}  // namespace

bool has_json_writer(const std::string& key) { return writers().count(key) > 0; }

std::string to_json(const CaseRecord& r, int indent, bool with_sources, bool with_bundle) {
    JsonWriter j(indent);
    Out o{j};
    j.begin_object();
    for (const auto& k : record_keys()) {
        const std::string key = k.key;
        if (!with_bundle && (key == "case" || key == "documents")) continue;
        if (!with_sources && key == "sources") continue;
        j.key(key);
        writers().at(key)(o, r);
    }
    j.end_object();
    return j.take();
}

}  // namespace tfa
