#include "model/record.h"

#include <algorithm>

#include "core/text.h"

namespace tfa {

std::vector<std::string> CaseRecord::review_dates() const {
    std::vector<std::string> out;
    for (const auto& r : reviews)
        if (!r.date.empty()) out.push_back(r.date);
    std::sort(out.begin(), out.end());
    return out;
}

namespace {

// A small pretty-printing JSON writer with deterministic layout.
class Json {
public:
    explicit Json(int indent) : depth_(indent) {}
    std::string take() { return std::move(s_); }

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }

    void key(const char* k) {
        item();
        s_ += '"';
        s_ += k;
        s_ += "\": ";
        pending_value_ = true;
    }
    void str_or_null(const std::string& v) { v.empty() ? raw("null") : raw(text::json_quote(v)); }
    void str(const std::string& v) { raw(text::json_quote(v)); }
    void boolean(const std::optional<bool>& v) { raw(!v ? "null" : (*v ? "true" : "false")); }
    void raw(const std::string& v) {
        if (!pending_value_) item();
        pending_value_ = false;
        s_ += v;
    }
    void strings(const std::vector<std::string>& v) {
        std::string a = "[";
        for (size_t i = 0; i < v.size(); ++i) a += (i ? ", " : "") + text::json_quote(v[i]);
        raw(a + "]");
    }

private:
    void open(char c) {
        if (!pending_value_) item();
        pending_value_ = false;
        s_ += c;
        ++depth_;
        first_ = true;
    }
    void close(char c) {
        --depth_;
        if (!first_) nl();
        s_ += c;
        first_ = false;
    }
    void item() {
        if (!first_) s_ += ',';
        if (!s_.empty()) nl();
        first_ = false;
    }
    void nl() {
        s_ += '\n';
        s_.append(static_cast<size_t>(depth_) * 2, ' ');
    }
    std::string s_;
    int depth_;
    bool first_ = true;
    bool pending_value_ = false;
};

}  // namespace

std::string to_json(const CaseRecord& r, int indent, bool with_sources, bool with_bundle) {
    Json j(indent);
    j.begin_object();
    auto s = [&](const char* k, const std::string& v) {
        j.key(k);
        j.str_or_null(v);
    };
    if (with_bundle) {
        s("case", r.case_name);
        j.key("documents");
        j.begin_array();
        for (size_t i = 0; i < r.files.size(); ++i) {
            j.begin_object();
            s("file", r.files[i]);
            s("type", i < r.doc_types.size() ? r.doc_types[i] : "");
            j.end_object();
        }
        j.end_array();
    }
    s("family_ref", r.family_ref);
    s("council", r.council);
    s("assessment_started", r.assessment_started);
    s("assessment_completed", r.assessment_completed);
    s("assessment_date", r.assessment_date);
    s("lead_professional", r.lead_professional);
    s("lead_agency", r.lead_agency);
    j.key("criteria");
    j.strings(r.criteria);
    j.key("criteria_added");
    j.strings(r.criteria_added);
    j.key("consent_given");
    j.boolean(r.consent_given);
    s("consent_date", r.consent_date);
    s("consent_signed_by", r.consent_signed_by);
    j.key("consent_scope");
    j.strings(r.consent_scope);
    s("manager", r.manager);
    s("manager_date", r.manager_date);
    j.key("voice_of_child");
    j.boolean(r.voice_of_child);
    s("plan_date", r.plan_date);
    j.key("plan_outcomes");
    j.begin_array();
    for (const auto& o : r.plan_outcomes) {
        j.begin_object();
        s("criterion", o.criterion);
        s("need", o.need);
        s("outcome", o.outcome);
        j.key("actions");
        j.begin_array();
        for (const auto& a : o.actions) {
            j.begin_object();
            s("what", a.what);
            s("who", a.who);
            s("by_when", a.by_when);
            j.end_object();
        }
        j.end_array();
        j.end_object();
    }
    j.end_array();
    j.key("review_dates");
    j.strings(r.review_dates());
    j.key("reviews");
    j.begin_array();
    for (const auto& rv : r.reviews) {
        j.begin_object();
        s("date", rv.date);
        j.key("number");
        if (!rv.number.empty() && rv.number.size() < 9 &&
            std::all_of(rv.number.begin(), rv.number.end(), [](char c) { return c >= '0' && c <= '9'; }))
            j.raw(std::to_string(std::stoi(rv.number)));
        else
            j.str_or_null(rv.number);
        j.key("attendees");
        j.strings(rv.attendees);
        s("next_review", rv.next_review);
        j.key("outcomes");
        j.begin_array();
        for (const auto& o : rv.outcomes) {
            j.begin_object();
            s("criterion", o.criterion);
            s("progress", o.progress);
            s("rating", o.rating);
            s("achieved", o.achieved);
            j.end_object();
        }
        j.end_array();
        j.end_object();
    }
    j.end_array();
    s("closure_date", r.closure_date);
    s("closure_reason", r.closure_reason);
    j.key("closure_outcomes");
    j.begin_array();
    for (const auto& o : r.closure_outcomes) {
        j.begin_object();
        s("criterion", o.criterion);
        j.key("achieved");
        j.boolean(o.achieved);
        s("date_achieved", o.date_achieved);
        s("sustained_since", o.sustained_since);
        s("evidence", o.evidence);
        j.end_object();
    }
    j.end_array();
    j.key("evidence");
    j.begin_array();
    for (const auto& e : r.evidence) {
        j.begin_object();
        s("criterion", e.criterion);
        s("member", e.member);
        s("measure", e.measure);
        s("period_start", e.period_start);
        s("period_end", e.period_end);
        s("value", e.value);
        j.end_object();
    }
    j.end_array();
    j.key("members");
    j.begin_array();
    for (const auto& m : r.members) {
        j.begin_object();
        s("name", m.name);
        s("relationship", m.relationship);
        s("dob", m.dob);
        j.end_object();
    }
    j.end_array();
    if (!r.identified.empty()) {  // written when filled, as the reader reads it when present
        j.key("identified");
        j.begin_array();
        for (const auto& i : r.identified) {
            j.begin_object();
            s("criterion", i.criterion);
            s("evidence", i.evidence);
            s("members", i.members);
            j.end_object();
        }
        j.end_array();
    }
    if (r.discretionary) {
        j.key("discretionary");
        j.begin_object();
        s("approver", r.discretionary->approver);
        s("date", r.discretionary->date);
        s("rationale", r.discretionary->rationale);
        j.end_object();
    }
    if (!r.auditor_judgements.empty()) {
        j.key("auditor_judgements");
        j.begin_array();
        for (const auto& a : r.auditor_judgements) {
            j.begin_object();
            s("rule", a.rule);
            s("judgement", a.judgement);
            s("by", a.by);
            s("date", a.date);
            j.end_object();
        }
        j.end_array();
    }
    j.key("unreadable");
    j.begin_array();
    for (const auto& u : r.unreadable) {
        j.begin_object();
        s("file", u.file);
        s("reason", u.reason);
        j.end_object();
    }
    j.end_array();
    if (with_sources) {
        j.key("sources");
        j.begin_object();
        for (const auto& [k, src] : r.sources) {
            j.key(k.c_str());
            j.begin_object();
            s("file", src.file);
            s("where", src.where);
            s("quote", src.quote);
            j.end_object();
        }
        j.end_object();
    }
    j.end_object();
    return j.take();
}

}  // namespace tfa
