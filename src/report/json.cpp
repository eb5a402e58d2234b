// The JSON report: the stable contract of issue 4, streamed case by case.
#include <ostream>

#include "core/text.h"
#include "report/notes.h"
#include "report/writer.h"

namespace tfa::report {

namespace {

using text::json_quote;

std::string str_or_null(const std::string& s) { return s.empty() ? "null" : json_quote(s); }

std::string evidence_json(const std::vector<rules::EvidenceRef>& ev) {
    std::string s = "[";
    for (size_t i = 0; i < ev.size(); ++i)
        s += std::string(i ? ", " : "") + "{\"file\": " + str_or_null(ev[i].file) +
             ", \"where\": " + str_or_null(ev[i].where) + ", \"quote\": " + str_or_null(ev[i].quote) + "}";
    return s + "]";
}

std::string finding_json(const rules::Finding& f) {
    return "{\"rule\": " + json_quote(f.rule) + ", \"status\": " + json_quote(to_string(f.status)) +
           ", \"severity\": " + json_quote(to_string(f.severity)) + ", \"message\": " + json_quote(f.message) +
           ", \"evidence\": " + evidence_json(f.evidence) + "}";
}

// A list of one-line items at the case's depth: "[\n        item,\n        item\n      ]".
template <class T, class F>
std::string list(const std::vector<T>& items, F one) {
    if (items.empty()) return "[]";
    std::string s = "[";
    for (size_t i = 0; i < items.size(); ++i) s += std::string(i ? "," : "") + "\n        " + one(items[i]);
    return s + "\n      ]";
}

class JsonWriter : public Writer {
public:
    explicit JsonWriter(std::ostream& out) : out_(out) {}
    bool wants_record() const override { return true; }

    void begin(const RunInfo& run) override {
        out_ << "{\n  \"as_of\": " << json_quote(run.as_of) << ",\n  \"rule_pack\": " << json_quote(run.pack->name)
             << ",\n  \"cases\": [";
    }

    void write_case(const rules::CaseResult& r, const std::string& record_json) override {
        out_ << (first_ ? "\n" : ",\n") << "    {\n";
        first_ = false;
        out_ << "      \"case\": " << json_quote(r.case_name) << ",\n";
        out_ << "      \"family_ref\": " << str_or_null(r.family_ref) << ",\n";
        out_ << "      \"verdict\": " << json_quote(to_string(r.verdict)) << ",\n";
        out_ << "      \"route\": " << str_or_null(r.route) << ",\n";
        out_ << "      \"score\": " << r.score << ",\n";
        out_ << "      \"needs_review_cause\": " << str_or_null(to_string(r.review_cause)) << ",\n";
        if (!r.notes.claimable_from.empty())
            out_ << "      \"claimable_from\": " << json_quote(r.notes.claimable_from) << ",\n";
        if (!r.notes.decisions.empty()) {
            out_ << "      \"decisions\": " << list(r.notes.decisions, [](const rules::Decision& d) {
                return "{\"rule\": " + json_quote(d.rule) + ", \"decision\": " + json_quote(d.decision) +
                       ", \"reason\": " + json_quote(d.reason) + ", \"by\": " + json_quote(d.by) +
                       ", \"at\": " + json_quote(d.at) + ", \"stale\": " + (d.stale ? "true" : "false") + "}";
            }) << ",\n";
            out_ << "      \"verdict_with_decisions\": " << str_or_null(r.notes.verdict_with_decisions) << ",\n";
        }
        if (!r.grade.empty() || !r.grade_basis.empty())
            out_ << "      \"grade\": " << str_or_null(r.grade)
                 << ",\n      \"grade_basis\": " << json_quote(r.grade_basis) << ",\n";
        out_ << "      \"findings\": " << list(r.findings, finding_json) << ",\n";
        out_ << "      \"to_make_claimable\": " << list(r.to_make_claimable, [](const rules::Missing& m) {
            return "{\"what\": " + json_quote(m.what) + ", \"document\": " + str_or_null(m.document) + "}";
        }) << ",\n";
        out_ << "      \"errors\": " << list(r.errors, [](const rules::CaseError& e) {
            return "{\"file\": " + json_quote(e.file) + ", \"error\": " + json_quote(e.error) + "}";
        }) << ",\n";
        out_ << "      \"record\": " << (record_json.empty() ? "null" : record_json) << "\n    }";
    }

    void end(const RunSummary& sum) override {
        out_ << (first_ ? "]" : "\n  ]") << ",\n  \"summary\": {\"cases\": " << sum.cases
             << ", \"claimable\": " << sum.claimable << ", \"not_claimable\": " << sum.not_claimable
             << ", \"needs_review\": " << sum.needs_review << ", \"needs_review_by_cause\": {";
        bool first = true;
        for (const auto& [cause, n] : sum.review_causes) {
            out_ << (first ? "" : ", ") << json_quote(cause) << ": " << n;
            first = false;
        }
        out_ << "}}\n}\n";
        out_.flush();
    }

private:
    std::ostream& out_;
    bool first_ = true;
};

}  // namespace

std::unique_ptr<Writer> make_json_writer(std::ostream& out, const WriterOptions&) {
    return std::make_unique<JsonWriter>(out);
}

}  // namespace tfa::report
