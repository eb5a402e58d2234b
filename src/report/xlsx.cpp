// The workbook: the case list a performance team keeps in Excel, written with libxlsxwriter
// (constant-memory mode: rows stream to temporary files, so a batch of any size fits).
// Sheets: Cases (a row per case, header frozen, autofilter, verdicts coloured), Findings (a
// row per finding with its file, location and quote) and Summary. The finished workbook is
// copied to the writer's stream at end().
#include <unistd.h>

#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <ostream>
#include <map>
#include <sstream>

#include "report/notes.h"
#include "report/writer.h"
#include "rules/check_util.h"

namespace tfa::report {

namespace {

using rules::util::join;

class XlsxWriter : public Writer {
public:
    explicit XlsxWriter(std::ostream& out) : out_(out) {}
    ~XlsxWriter() override {
        if (wb_) workbook_close(wb_);
        if (!path_.empty()) std::remove(path_.c_str());
    }

    void begin(const RunInfo& run) override {
        run_ = run;
        const char* tmp = std::getenv("TMPDIR");
        std::string tmpl = std::string(tmp && *tmp ? tmp : "/tmp") + "/tfaudit-xlsx-XXXXXX";
        const int fd = ::mkstemp(&tmpl[0]);
        if (fd < 0) return;
        ::close(fd);
        path_ = tmpl;
        lxw_workbook_options opts{};
        opts.constant_memory = LXW_TRUE;
        wb_ = workbook_new_opt(path_.c_str(), &opts);
        if (!wb_) return;
        header_ = workbook_add_format(wb_);
        format_set_bold(header_);
        format_set_bg_color(header_, 0xD9E1F2);
        wrap_ = workbook_add_format(wb_);
        format_set_text_wrap(wrap_);
        format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
        verdict_fmt("claimable", 0xC6EFCE, 0x006100);
        verdict_fmt("not_claimable", 0xFFC7CE, 0x9C0006);
        verdict_fmt("needs_review", 0xFFEB9C, 0x9C5700);
        cases_ = workbook_add_worksheet(wb_, "Cases");
        findings_ = workbook_add_worksheet(wb_, "Findings");
        summary_ = workbook_add_worksheet(wb_, "Summary");
        heading(cases_, {"reference", "case", "verdict", "route", "score", "claimable_from", "blockers", "decisions"},
                {14, 22, 14, 22, 7, 14, 70, 50});
        heading(findings_,
                {"reference", "case", "rule", "status", "severity", "message", "file", "location", "quote", "decision"},
                {14, 22, 18, 14, 10, 60, 30, 24, 50, 40});
    }

    void write_case(const rules::CaseResult& r, const std::string&) override {
        if (!wb_) return;
        ++case_row_;
        std::vector<std::string> blockers;
        for (const auto& m : r.to_make_claimable)
            blockers.push_back(m.what + (m.document.empty() ? "" : " (" + m.document + ")"));
        for (const auto& e : r.errors) blockers.push_back("a readable " + e.file + " (" + e.error + ")");
        cell(cases_, case_row_, 0, r.family_ref);
        cell(cases_, case_row_, 1, r.case_name);
        const std::string verdict = rules::to_string(r.verdict);
        worksheet_write_string(cases_, case_row_, 2, verdict.c_str(),
                               verdicts_.count(verdict) ? verdicts_[verdict] : nullptr);
        cell(cases_, case_row_, 3, r.route);
        worksheet_write_number(cases_, case_row_, 4, r.score, nullptr);
        cell(cases_, case_row_, 5, r.notes.claimable_from);
        cell(cases_, case_row_, 6, join(blockers, "; "));
        cell(cases_, case_row_, 7, decisions_cell(r));
        for (const auto& f : r.findings) finding_row(r, f);
    }

    void end(const RunSummary& s) override {
        if (!wb_) return;
        if (case_row_ > 0) worksheet_autofilter(cases_, 0, 0, case_row_, 7);
        if (finding_row_ > 0) worksheet_autofilter(findings_, 0, 0, finding_row_, 9);
        worksheet_set_column(summary_, 0, 0, 24, nullptr);
        worksheet_set_column(summary_, 1, 1, 40, nullptr);
        const std::vector<std::pair<std::string, std::string>> rows = {
            {"rule pack", run_.pack->name + " " + run_.pack->version}, {"as of", run_.as_of}};
        lxw_row_t row = 0;
        for (const auto& [k, v] : rows) {
            worksheet_write_string(summary_, row, 0, k.c_str(), header_);
            cell(summary_, row++, 1, v);
        }
        const std::vector<std::pair<std::string, size_t>> counts = {{"cases", s.cases},
                                                                    {"claimable", s.claimable},
                                                                    {"not claimable", s.not_claimable},
                                                                    {"needs review", s.needs_review},
                                                                    {"claimable later (claimable_from)", later_}};
        for (const auto& [k, n] : counts) {
            worksheet_write_string(summary_, row, 0, k.c_str(), header_);
            worksheet_write_number(summary_, row++, 1, static_cast<double>(n), nullptr);
        }
        const lxw_error e = workbook_close(wb_);
        wb_ = nullptr;
        if (e != LXW_NO_ERROR) return;
        std::ifstream in(path_, std::ios::binary);
        out_ << in.rdbuf();
        out_.flush();
    }

private:
    void verdict_fmt(const std::string& verdict, lxw_color_t bg, lxw_color_t fg) {
        lxw_format* f = workbook_add_format(wb_);
        format_set_bg_color(f, bg);
        format_set_font_color(f, fg);
        verdicts_[verdict] = f;
    }

    void heading(lxw_worksheet* ws, const std::vector<const char*>& names, const std::vector<double>& widths) {
        for (size_t i = 0; i < names.size(); ++i) {
            worksheet_set_column(ws, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i), widths[i], nullptr);
            worksheet_write_string(ws, 0, static_cast<lxw_col_t>(i), names[i], header_);
        }
        worksheet_freeze_panes(ws, 1, 0);
    }

    void cell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& s) {
        if (!s.empty()) worksheet_write_string(ws, row, col, s.c_str(), nullptr);
    }

    void finding_row(const rules::CaseResult& r, const rules::Finding& f) {
        ++finding_row_;
        std::vector<std::string> file, where, quote, decided;
        for (const auto& e : f.evidence) file.push_back(e.file), where.push_back(e.where), quote.push_back(e.quote);
        for (const auto* d : decisions_on(r, f.rule)) decided.push_back(decision_words(*d));
        const std::vector<std::string> v{r.family_ref,
                                         r.case_name,
                                         f.rule,
                                         rules::to_string(f.status),
                                         rules::to_string(f.severity),
                                         f.message,
                                         join(file, " | "),
                                         join(where, " | "),
                                         join(quote, " | "),
                                         join(decided, "; ")};
        for (size_t i = 0; i < v.size(); ++i) cell(findings_, finding_row_, static_cast<lxw_col_t>(i), v[i]);
        if (!r.notes.claimable_from.empty() && f.rule == r.findings.front().rule) ++later_;
    }

    std::ostream& out_;
    RunInfo run_;
    std::string path_;
    lxw_workbook* wb_ = nullptr;
    lxw_worksheet *cases_ = nullptr, *findings_ = nullptr, *summary_ = nullptr;
    lxw_format *header_ = nullptr, *wrap_ = nullptr;
    std::map<std::string, lxw_format*> verdicts_;
    lxw_row_t case_row_ = 0, finding_row_ = 0;
    size_t later_ = 0;
};

}  // namespace

std::unique_ptr<Writer> make_xlsx_writer(std::ostream& out, const WriterOptions&) {
    return std::make_unique<XlsxWriter>(out);
}

}  // namespace tfa::report
