// The JSON report: the stable contract of issue 4, streamed case by case. The layout (one case,
// one finding, one decision a line) is the core JsonWriter's; this file only says what goes in.
#include <functional>
#include <ostream>

#include "core/json_writer.h"
#include "report/notes.h"
#include "report/writer.h"

namespace tfa::report {

namespace {

using Layout = JsonWriter::Layout;

// {"file": ..., "where": ..., "quote": ...} for each piece of evidence, on one line.
void evidence(JsonWriter& j, const std::vector<rules::EvidenceRef>& ev) {
    j.begin_array(Layout::Inline);
    for (const auto& e : ev) {
        j.begin_object(Layout::Inline);
        j.key("file");
        j.str_or_null(e.file);
        j.key("where");
        j.str_or_null(e.where);
        j.key("quote");
        j.str_or_null(e.quote);
        j.end_object();
    }
    j.end_array();
}

void finding(JsonWriter& j, const rules::Finding& f) {
    j.key("rule");
    j.str(f.rule);
    j.key("status");
    j.str(to_string(f.status));
    j.key("severity");
    j.str(to_string(f.severity));
    j.key("message");
    j.str(f.message);
    j.key("evidence");
    evidence(j, f.evidence);
}

void decision(JsonWriter& j, const rules::Decision& d) {
    j.key("rule");
    j.str(d.rule);
    j.key("decision");
    j.str(d.decision);
    j.key("reason");
    j.str(d.reason);
    j.key("by");
    j.str(d.by);
    j.key("at");
    j.str(d.at);
    j.key("stale");
    j.boolean(d.stale);
}

void missing(JsonWriter& j, const rules::Missing& m) {
    j.key("what");
    j.str(m.what);
    j.key("document");
    j.str_or_null(m.document);
}

void error(JsonWriter& j, const rules::CaseError& e) {
    j.key("file");
    j.str(e.file);
    j.key("error");
    j.str(e.error);
}

// `key`: a list of one-line objects, one a line; `one` writes an object's members.
template <class T, class F>
void list(JsonWriter& j, const char* key, const std::vector<T>& items, F one) {
    j.key(key);
    j.begin_array();
    for (const auto& x : items) {
        j.begin_object(Layout::Inline);
        one(j, x);
        j.end_object();
    }
    j.end_array();
}

class JsonReport : public Writer {
public:
    JsonReport(std::ostream& out, std::function<void(JsonWriter&)> head) : out_(out), head_(std::move(head)) {}
    bool wants_record() const override { return true; }

    void begin(const RunInfo& run) override {
        j_.begin_object();
        if (head_) head_(j_);
        j_.key("as_of");
        j_.str(run.as_of);
        j_.key("rule_pack");
        j_.str(run.pack->name);
        j_.key("cases");
        j_.begin_array();
        out_ << j_.take();
    }

    void write_case(const rules::CaseResult& r, const std::string& record_json) override {
        j_.begin_object();
        j_.key("case");
        j_.str(r.case_name);
        j_.key("family_ref");
        j_.str_or_null(r.family_ref);
        j_.key("verdict");
        j_.str(to_string(r.verdict));
        j_.key("route");
        j_.str_or_null(r.route);
        j_.key("score");
        j_.number(r.score);
        j_.key("needs_review_cause");
        j_.str_or_null(to_string(r.review_cause));
        notes(r);
        if (!r.grade.empty() || !r.grade_basis.empty()) {
            j_.key("grade");
            j_.str_or_null(r.grade);
            j_.key("grade_basis");
            j_.str(r.grade_basis);
        }
        list(j_, "findings", r.findings, finding);
        list(j_, "to_make_claimable", r.to_make_claimable, missing);
        list(j_, "errors", r.errors, error);
        j_.key("record");
        record_json.empty() ? j_.null() : j_.raw(record_json);
        j_.end_object();
        out_ << j_.take();
    }

    void end(const RunSummary& sum) override {
        j_.end_array();
        j_.key("summary");
        j_.begin_object(Layout::Inline);
        j_.key("cases");
        j_.number(sum.cases);
        j_.key("claimable");
        j_.number(sum.claimable);
        j_.key("not_claimable");
        j_.number(sum.not_claimable);
        j_.key("needs_review");
        j_.number(sum.needs_review);
        j_.key("needs_review_by_cause");
        j_.begin_object(Layout::Inline);
        for (const auto& [cause, n] : sum.review_causes) {
            j_.key(cause);
            j_.number(n);
        }
        j_.end_object();
        j_.end_object();
        j_.end_object();
        out_ << j_.take() << "\n";
        out_.flush();
    }

private:
    // The ledger's notes on the case: when it becomes claimable, the auditors' decisions.
    void notes(const rules::CaseResult& r) {
        if (!r.notes.claimable_from.empty()) {
            j_.key("claimable_from");
            j_.str(r.notes.claimable_from);
        }
        if (r.notes.decisions.empty()) return;
        list(j_, "decisions", r.notes.decisions, decision);
        j_.key("verdict_with_decisions");
        j_.str_or_null(r.notes.verdict_with_decisions);
    }

    std::ostream& out_;
    std::function<void(JsonWriter&)> head_;
    JsonWriter j_;
};

}  // namespace

std::unique_ptr<Writer> make_json_writer(std::ostream& out, const WriterOptions& opts) {
    return std::make_unique<JsonReport>(out, opts.json_head);
}

}  // namespace tfa::report
