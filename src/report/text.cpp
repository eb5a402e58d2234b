// The text report, for people: one line per case, then each failing finding with its quote.
#include <ostream>
#include <set>

#include "report/notes.h"
#include "report/writer.h"
#include "core/text.h"
#include "rules/check_util.h"

namespace tfa::report {

namespace {

// Names and quotes come from documents and the file system: no control characters reach the terminal.
std::string safe(const std::string& s) { return text::terminal_safe(s); }

class TextWriter : public Writer {
public:
    TextWriter(std::ostream& out, bool colour) : out_(out), colour_(colour) {}

    void begin(const RunInfo& run) override {
        run_ = run;
        graded_ = !run.pack->grades.empty();
    }

    void write_case(const rules::CaseResult& r, const std::string&) override {
        out_ << paint(verdict_colour(r.verdict), pad(to_string(r.verdict), 14))
             << pad(r.family_ref.empty() ? "(no ref)" : safe(r.family_ref), 14)
             << pad(r.route.empty() ? "-" : r.route, 23) << "score " << pad(std::to_string(r.score), 4);
        if (graded_) out_ << "grade " << (r.grade.empty() ? "-" : r.grade) << "  ";
        out_ << safe(r.case_name) << "\n";
        if (!r.notes.claimable_from.empty())
            out_ << "    " << paint("36", "claimable from " + r.notes.claimable_from)
                 << " (the time the claim route needs has not yet passed)\n";
        shown_.clear();
        for (const auto& e : r.errors)
            out_ << "    " << paint("35", "? unreadable") << " " << safe(e.file) << ": " << safe(e.error) << "\n";
        for (const auto& u : r.unrecognised) {
            out_ << "    " << paint("35", "? of no type tfaudit recognises") << " " << safe(u.file);
            if (!u.labels.empty()) {
                std::string l;
                for (const auto& x : u.labels) l += (l.empty() ? "" : ", ") + x;
                out_ << " (labels that matched nothing: " << safe(l) << ")";
            }
            out_ << "\n";
        }
        if (graded_) {
            section(r, "compliance");
            section(r, "quality");
            section(r, "general");
        } else {
            section(r, "");
        }
        for (const auto& m : r.to_make_claimable)
            out_ << "    " << paint("36", "to make claimable:") << " " << safe(m.what) << " (" << safe(m.document)
                 << ")\n";
        if (graded_) out_ << "    grade basis: " << safe(r.grade_basis) << "\n";
        for (const auto& d : r.notes.decisions)
            if (!shown_.count(d.rule))
                out_ << "    decision on " << safe(d.rule) << ": " << safe(decision_words(d)) << "\n";
        if (!r.notes.verdict_with_decisions.empty())
            out_ << "    verdict with decisions: " << r.notes.verdict_with_decisions
                 << " (the findings above are as judged)\n";
    }

    void end(const RunSummary& s) override {
        out_ << s.cases << (s.cases == 1 ? " case" : " cases") << ": " << s.claimable << " claimable, "
             << s.not_claimable << " not claimable, " << s.needs_review << " needs review"
             << (s.review_causes.empty() ? std::string() : " (" + s.causes_in_words() + ")") << " (rule pack "
             << run_.pack->name << " " << run_.pack->version << ", as of " << run_.as_of << ")\n";
        out_.flush();
    }

private:
    // The failing, warning and auditor findings of rules on `route` (all when empty).
    void section(const rules::CaseResult& r, const std::string& route) {
        bool headed = route.empty();
        for (size_t i = 0; i < r.findings.size() && i < run_.pack->rules.size(); ++i) {
            const auto& f = r.findings[i];
            const auto& rule = run_.pack->rules[i];
            const bool auditor = rule.kind == "auditor_judgement";
            if (!route.empty() && rule.route != route) continue;
            using rules::Status;
            const bool shown = f.status == Status::Fail || f.status == Status::Warn || f.status == Status::NeedsReview;
            if (!shown && !auditor) continue;
            if (!headed) out_ << "    " << route << ":\n";
            headed = true;
            const char* mark = f.status == Status::Fail ? "x" : f.status == Status::Warn ? "!" : "?";
            const char* colour = f.status == Status::Fail ? "31" : f.status == Status::NeedsReview ? "35" : "33";
            out_ << "    " << paint(colour, mark) << " " << pad(to_string(f.severity), 8) << safe(f.message) << "\n";
            for (const auto& e : f.evidence) {
                if (e.file.empty() && e.quote.empty()) continue;
                out_ << "        " << (e.file.empty() ? "record" : safe(e.file))
                     << (e.where.empty() ? "" : ", " + safe(e.where));
                if (!e.quote.empty()) out_ << ": \"" << safe(e.quote) << "\"";
                out_ << "\n";
            }
            for (const auto* d : decisions_on(r, f.rule))
                out_ << "        " << paint("36", "decision:") << " " << safe(decision_words(*d)) << "\n";
            shown_.insert(f.rule);
        }
    }

    static const char* verdict_colour(rules::Verdict v) {
        return v == rules::Verdict::Claimable ? "32" : v == rules::Verdict::NeedsReview ? "35" : "31";
    }

    std::string paint(const char* code, const std::string& s) const {
        return colour_ ? "\x1b[" + std::string(code) + "m" + s + "\x1b[0m" : s;
    }

    static std::string pad(std::string s, size_t w) {
        if (s.size() < w)
            s.resize(w, ' ');
        else
            s += ' ';
        return s;
    }

    std::ostream& out_;
    bool colour_;
    RunInfo run_;
    bool graded_ = false;
    std::set<std::string> shown_;  // rules whose decisions were shown beside their finding
};

}  // namespace

std::unique_ptr<Writer> make_text_writer(std::ostream& out, const WriterOptions& opts) {
    return std::make_unique<TextWriter>(out, opts.colour);
}

}  // namespace tfa::report
