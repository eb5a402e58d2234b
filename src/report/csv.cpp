// CSV reports (RFC 4180, CRLF line ends): one row per finding, or one row per case.
#include <ostream>

#include "report/notes.h"
#include "report/writer.h"
#include "rules/check_util.h"

namespace tfa::report {

namespace {

void row(std::ostream& out, const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << csv_field(fields[i]);
    out << "\r\n";
}

// Evidence fields joined with " | " when a finding has several pieces.
std::vector<std::string> evidence_fields(const std::vector<rules::EvidenceRef>& ev) {
    std::vector<std::string> file, where, quote;
    for (const auto& e : ev) {
        file.push_back(e.file);
        where.push_back(e.where);
        quote.push_back(e.quote);
    }
    using rules::util::join;
    return {join(file, " | "), join(where, " | "), join(quote, " | ")};
}

class CsvWriter : public Writer {
public:
    explicit CsvWriter(std::ostream& out) : out_(out) {}
    void begin(const RunInfo&) override {
        row(out_, {"case", "family_ref", "verdict", "route", "score", "rule", "status", "severity", "message", "file",
                   "where", "quote", "claimable_from", "decision"});
    }
    void write_case(const rules::CaseResult& r, const std::string&) override {
        for (const auto& f : r.findings) {
            auto ev = evidence_fields(f.evidence);
            std::vector<std::string> ds;
            for (const auto* d : decisions_on(r, f.rule)) ds.push_back(decision_words(*d));
            row(out_, {r.case_name, r.family_ref, to_string(r.verdict), r.route, std::to_string(r.score), f.rule,
                       to_string(f.status), to_string(f.severity), f.message, ev[0], ev[1], ev[2],
                       r.notes.claimable_from, rules::util::join(ds, "; ")});
        }
        for (const auto& e : r.errors)
            row(out_, {r.case_name, r.family_ref, to_string(r.verdict), r.route, std::to_string(r.score), "unreadable",
                       "error", "", e.error, e.file, "", "", r.notes.claimable_from, ""});
    }
    void end(const RunSummary&) override { out_.flush(); }

private:
    std::ostream& out_;
};

class CasesCsvWriter : public Writer {
public:
    explicit CasesCsvWriter(std::ostream& out) : out_(out) {}
    void begin(const RunInfo& run) override {
        graded_ = !run.pack->grades.empty();
        std::vector<std::string> h{"case", "family_ref", "verdict", "route", "score"};
        if (graded_) h.push_back("grade");
        h.push_back("missing");
        h.push_back("claimable_from");
        h.push_back("decisions");
        row(out_, h);
    }
    void write_case(const rules::CaseResult& r, const std::string&) override {
        std::vector<std::string> missing;
        for (const auto& m : r.to_make_claimable) missing.push_back(m.what + " (" + m.document + ")");
        for (const auto& e : r.errors) missing.push_back("a readable " + e.file + " (" + e.error + ")");
        std::vector<std::string> f{r.case_name, r.family_ref, to_string(r.verdict), r.route, std::to_string(r.score)};
        if (graded_) f.push_back(r.grade);
        f.push_back(rules::util::join(missing, "; "));
        f.push_back(r.notes.claimable_from);
        f.push_back(decisions_cell(r));
        row(out_, f);
    }
    void end(const RunSummary&) override { out_.flush(); }

private:
    std::ostream& out_;
    bool graded_ = false;
};

}  // namespace

std::unique_ptr<Writer> make_csv_writer(std::ostream& out, const WriterOptions&) {
    return std::make_unique<CsvWriter>(out);
}
std::unique_ptr<Writer> make_cases_csv_writer(std::ostream& out, const WriterOptions&) {
    return std::make_unique<CasesCsvWriter>(out);
}

}  // namespace tfa::report
