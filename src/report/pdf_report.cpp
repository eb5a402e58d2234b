#include "report/pdf_report.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/text.h"

namespace tfa::report {

using pdf::Cell;
using pdf::CellText;
using pdf::Colour;
using pdf::Face;
using pdf::Flow;
using pdf::TextStyle;

std::string format_money(double amount, const std::string& currency) {
    const long long pence = std::llround(amount * 100);
    std::string whole = std::to_string(std::llabs(pence) / 100);
    for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) whole.insert(static_cast<size_t>(i), ",");
    std::string s =
        (pence < 0 ? "-" : "") + std::string(currency == "GBP" || currency.empty() ? "£" : currency + " ") + whole;
    if (pence % 100) {
        const long long p = std::llabs(pence) % 100;
        s += (p < 10 ? ".0" : ".") + std::to_string(p);
    }
    return s;
}

namespace {

// The text styles of the report, from the template's colours.
struct Styles {
    TextStyle body, small, muted, bold, h1, h2, title, cover, table_head, cell, cell_small, cell_bold, toc1, toc2,
        chrome;
    explicit Styles(const ReportTemplate& t) {
        const Colour text = t.colour("text"), muted_c = t.colour("muted"), primary = t.colour("primary");
        body = {Face::regular, 9.5, text, 1.35};
        small = {Face::regular, 8, text, 1.3};
        muted = {Face::regular, 8, muted_c, 1.3};
        bold = {Face::bold, 9.5, text, 1.35};
        h1 = {Face::bold, 16, primary, 1.25};
        h2 = {Face::bold, 12, primary, 1.25};
        title = {Face::bold, 24, t.colour("cover_text"), 1.2};
        cover = {Face::regular, 11, text, 1.4};
        table_head = {Face::bold, 8, t.colour("header_text"), 1.3};
        cell = {Face::regular, 8, text, 1.3};
        cell_small = {Face::regular, 7, muted_c, 1.3};
        cell_bold = {Face::bold, 8, text, 1.3};
        toc1 = {Face::bold, 10, text, 1.45};
        toc2 = {Face::regular, 9, text, 1.35};
        chrome = {Face::regular, 7.5, muted_c, 1.2};
    }
};

std::string num(size_t n) { return std::to_string(n); }

std::string percent(size_t part, size_t whole) {
    if (whole == 0) return "-";
    return std::to_string(
               static_cast<int>(std::lround(100.0 * static_cast<double>(part) / static_cast<double>(whole)))) +
           "%";
}

std::string spaced(std::string s) {
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

// The file name relative to the case's folder (the appendix lists full paths).
std::string short_file(const std::string& file, const std::string& folder) {
    if (!folder.empty() && file.size() > folder.size() + 1 && file.compare(0, folder.size(), folder) == 0 &&
        file[folder.size()] == '/')
        return file.substr(folder.size() + 1);
    const size_t slash = file.rfind('/');
    return slash == std::string::npos ? file : file.substr(slash + 1);
}

std::string base_name(const std::string& path) {
    const size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

struct Counts {
    size_t claimable = 0, not_claimable = 0, needs_review = 0;
    std::map<std::string, size_t> grades;
    std::map<rules::ReviewCause, size_t> causes;  // needs_review cases by cause
};

Counts count(const std::vector<AuditCase>& cases) {
    Counts c;
    for (const auto& a : cases) {
        const auto& v = a.result.verdict;
        if (v == rules::Verdict::Claimable)
            ++c.claimable;
        else if (v == rules::Verdict::NeedsReview)
            ++c.needs_review, ++c.causes[a.result.review_cause];
        else
            ++c.not_claimable;
        if (!a.result.grade.empty()) ++c.grades[a.result.grade];
    }
    return c;
}

class Composer {
public:
    Composer(const AuditReport& r, const ReportTemplate& t, Flow& f)
        : r_(r),
          t_(t),
          f_(f),
          s_(t),
          graded_(!r.pack->grades.empty()),
          routes_(r.pack->has_routes()),
          counts_(count(r.cases)) {
        vars_ = {{"title", t.say("title")},
                 {"organisation", t.say("organisation")},
                 {"pack", r.pack->name},
                 {"pack_title", r.pack->title},
                 {"version", r.pack->version},
                 {"as_of", r.as_of},
                 {"date", r.report_date},
                 {"cases", num(r.cases.size())},
                 {"population", num(r.sample.population_size)},
                 {"found", num(r.sample.found)},
                 {"population_definition", r.sample.population},
                 {"seed", std::to_string(r.sample.seed)},
                 {"payment", format_money(r.pack->results_payment, r.pack->currency)},
                 {"tool_version", r.tool_version}};
    }

    void compose(const std::vector<pdf::TocEntry>& toc) {
        cover();
        contents(toc);
        summary();
        cases_table();
        f_.new_page();
        f_.heading(say("findings_title"), s_.h1, 1, true);
        for (const auto& c : r_.cases) one_case(c);
        decisions();
        appendix();
    }

private:
    std::string say(const std::string& key, std::map<std::string, std::string> extra = {}) const {
        for (const auto& [k, v] : vars_) extra.emplace(k, v);
        return t_.say(key, extra);
    }

    void cover() {
        f_.new_page(false);
        const auto& g = f_.geometry();
        const double band = 230;
        f_.rect_at(0, g.height - band, g.width, band, t_.colour("primary"));
        f_.rect_at(0, g.height - band - 6, g.width, 6, t_.colour("accent"));
        double y = g.height - 90;
        for (const auto& l : f_.wrap(say("title"), s_.title, g.text_width())) {
            f_.text_at(g.left, y, l, s_.title);
            y -= s_.title.line_height();
        }
        TextStyle sub = s_.cover;
        sub.colour = t_.colour("cover_text");
        for (const auto& l : f_.wrap(say("subtitle"), sub, g.text_width())) {
            f_.text_at(g.left, y - 4, l, sub);
            y -= sub.line_height();
        }
        cover_facts(g.height - band - 50);
        signature_block();
    }

    void cover_facts(double y) {
        const auto& g = f_.geometry();
        const std::vector<std::pair<std::string, std::string>> facts = {
            {say("label_organisation"), say("organisation")},
            {say("label_date"), r_.report_date},
            {say("label_as_of"), r_.as_of},
            {say("label_pack"), r_.pack->title + " (" + r_.pack->name + " " + r_.pack->version + ")"},
            {say("label_population"),
             r_.sample.population + ": " + num(r_.sample.population_size) + " " + say("word_cases")},
            {say("label_sample"), sample_line()},
        };
        for (const auto& [label, value] : facts) {
            f_.text_at(g.left, y, label, {Face::bold, 10, t_.colour("muted"), 1.4});
            const auto lines = f_.wrap(value, s_.cover, g.text_width() - 130);
            for (const auto& l : lines) {
                f_.text_at(g.left + 130, y, l, s_.cover);
                y -= s_.cover.line_height();
            }
            y -= 6;
        }
    }

    std::string sample_line() const {
        if (r_.sample.census) return say("sample_census", {{"n", num(r_.sample.sample_size)}});
        return say("sample_drawn", {{"n", num(r_.sample.sample_size)}});
    }

    void signature_block() {
        const auto& g = f_.geometry();
        double y = g.bottom + 150;
        for (const auto& l : f_.wrap(say("signature_statement"), s_.body, g.text_width())) {
            f_.text_at(g.left, y, l, s_.body);
            y -= s_.body.line_height();
        }
        y -= 30;
        const double col = g.text_width() / 3;
        for (int i = 0; i < 3; ++i) {
            const std::string key = i == 0 ? "label_auditor" : i == 1 ? "label_signature" : "label_signed_date";
            const double x = g.left + i * col;
            f_.line_at(x, y, x + col - 18, y, t_.colour("text"), 0.6);
            f_.text_at(x, y - 12, say(key), s_.muted);
        }
    }

    void contents(const std::vector<pdf::TocEntry>& toc) {
        f_.new_page();
        f_.heading(say("contents_title"), s_.h1, 1, false, 20);
        for (const auto& e : toc) {
            if (e.level == 1) f_.space(4);
            f_.entry(e.text, std::to_string(e.page), e.level == 1 ? s_.toc1 : s_.toc2, e.level == 1 ? 0 : 14);
        }
    }

    // ---- executive summary -------------------------------------------------------------

    void summary() {
        f_.new_page();
        f_.heading(say("summary_title"), s_.h1, 1, true);
        f_.paragraph(say(r_.sample.census ? "summary_intro_census" : "summary_intro_sample"), s_.body);
        f_.space(8);
        pdf::Table t = table({0.55, 0.45}, {say("col_measure"), say("col_value")});
        auto row = [&](const std::string& a, const std::string& b) {
            t.rows.push_back({cell(a, s_.cell), cell(b, s_.cell_bold)});
        };
        row(say("label_found"), num(r_.sample.found));
        row(say("label_population_size"), num(r_.sample.population_size));
        row(say("label_checked"), num(r_.cases.size()));
        row(say("verdict_claimable"),
            num(counts_.claimable) + " (" + percent(counts_.claimable, r_.cases.size()) + ")");
        row(say("verdict_not_claimable"),
            num(counts_.not_claimable) + " (" + percent(counts_.not_claimable, r_.cases.size()) + ")");
        row(say("verdict_needs_review"),
            num(counts_.needs_review) + " (" + percent(counts_.needs_review, r_.cases.size()) + ")");
        for (const auto& [cause, n] : counts_.causes)
            row("    " + say(std::string("cause_") + rules::to_string(cause)), num(n));
        for (const auto& g : r_.pack->grades)
            row(say("label_grade", {{"grade", g.name}}),
                num(counts_.grades.count(g.name) ? counts_.grades.at(g.name) : 0));
        money_rows(row);
        f_.table(t);
        f_.space(6);
        f_.paragraph(say(r_.pack->results_payment > 0 ? "value_note" : "value_none"), s_.muted);
        chart();
    }

    template <class Row>
    void money_rows(Row& row) {
        if (r_.pack->results_payment <= 0) return;
        const double pay = r_.pack->results_payment;
        const size_t n = r_.cases.size();
        const size_t risk = counts_.not_claimable + counts_.needs_review;
        row(say("label_value_stake"), format_money(counts_.claimable * pay, r_.pack->currency) + " (" +
                                          num(counts_.claimable) + " × " + format_money(pay, r_.pack->currency) + ")");
        row(say("label_value_risk"), format_money(risk * pay, r_.pack->currency) + " (" + num(risk) + " × " +
                                         format_money(pay, r_.pack->currency) + ")");
        if (r_.sample.census || n == 0) return;
        const double scale = static_cast<double>(r_.sample.population_size) / static_cast<double>(n);
        const std::map<std::string, std::string> v = {{"n", num(n)}, {"population", num(r_.sample.population_size)}};
        row(say("label_value_stake_population", v),
            format_money(std::round(counts_.claimable * pay * scale), r_.pack->currency) + " " + say("scaled_note", v));
        row(say("label_value_risk_population", v),
            format_money(std::round(risk * pay * scale), r_.pack->currency) + " " + say("scaled_note", v));
    }

    void chart() {
        f_.heading(say("chart_title"), s_.h2, 2, false, 80);
        f_.paragraph(say("chart_note"), s_.muted);
        f_.space(6);
        pdf::BarChart c;
        c.label_style = s_.small;
        c.bar = t_.colour("bar");
        c.track = t_.colour("track");
        c.axis = t_.colour("muted");
        for (size_t i = 0; i < r_.pack->rules.size(); ++i) {
            size_t pass = 0, judged = 0;
            for (const auto& a : r_.cases) {
                if (i >= a.result.findings.size()) continue;
                const auto& st = a.result.findings[i].status;
                if (st == rules::Status::NotApplicable) continue;
                ++judged;
                if (st == rules::Status::Pass) ++pass;
            }
            pdf::Bar b;
            b.label = r_.pack->rules[i].id;
            b.has_value = judged > 0;
            b.value = judged ? static_cast<double>(pass) / static_cast<double>(judged) : 0;
            b.value_text =
                judged ? percent(pass, judged) + " (" + num(pass) + "/" + num(judged) + ")" : say("not_applicable");
            c.bars.push_back(std::move(b));
        }
        f_.bar_chart(c);
    }

    // ---- tables ------------------------------------------------------------------------

    Cell cell(const std::string& text, const TextStyle& style) const {
        Cell c;
        c.paras.push_back(CellText{text, style});
        return c;
    }

    pdf::Table table(std::vector<double> widths, const std::vector<std::string>& head) const {
        pdf::Table t;
        t.widths = std::move(widths);
        t.header_style.fill = t_.colour("header_fill");
        t.rule = t_.colour("rule");
        for (const auto& h : head) t.header.push_back(cell(h, s_.table_head));
        return t;
    }

    Colour verdict_colour(rules::Verdict v) const {
        using rules::Verdict;
        return t_.colour(v == Verdict::Claimable ? "pass" : v == Verdict::NeedsReview ? "review" : "fail");
    }

    Colour status_colour(rules::Status s) const {
        using rules::Status;
        return t_.colour(s == Status::Pass          ? "pass"
                         : s == Status::Fail        ? "fail"
                         : s == Status::Warn        ? "warn"
                         : s == Status::NeedsReview ? "review"
                                                    : "muted");
    }

    void cases_table() {
        f_.new_page();
        f_.heading(say("cases_title"), s_.h1, 1, true);
        f_.paragraph(say("cases_intro"), s_.body);
        f_.space(6);
        std::vector<double> w =
            routes_ ? std::vector<double>{0.34, 0.14, 0.18, 0.24, 0.10} : std::vector<double>{0.34, 0.16, 0.20, 0.12};
        std::vector<std::string> head = {say("col_case"), say("col_ref"), say("col_verdict")};
        if (routes_) head.push_back(say("col_route"));
        head.push_back(say("col_score"));
        if (graded_) {
            w.push_back(0.18);
            for (auto& x : w) x /= 1.18;
            head.push_back(say("col_grade"));
        }
        pdf::Table t = table(w, head);
        for (const auto& a : r_.cases) {
            const auto& res = a.result;
            TextStyle v = s_.cell_bold;
            v.colour = verdict_colour(res.verdict);
            std::vector<Cell> row = {cell(res.case_name, s_.cell),
                                     cell(res.family_ref.empty() ? "-" : res.family_ref, s_.cell),
                                     cell(say(std::string("verdict_") + to_string(res.verdict)), v)};
            if (routes_) row.push_back(cell(res.route.empty() ? "-" : spaced(res.route), s_.cell));
            row.push_back(cell(std::to_string(res.score), s_.cell));
            if (graded_) row.push_back(cell(res.grade.empty() ? "-" : res.grade, s_.cell_bold));
            t.rows.push_back(std::move(row));
        }
        f_.table(t);
    }

    // ---- one case ----------------------------------------------------------------------

    void one_case(const AuditCase& a) {
        const auto& res = a.result;
        const std::string title =
            res.case_name +
            (res.family_ref.empty() || res.family_ref == res.case_name ? "" : " (" + res.family_ref + ")");
        f_.heading(title, s_.h2, 2, true, 90);
        TextStyle v = s_.bold;
        v.colour = verdict_colour(res.verdict);
        std::string line = say("label_verdict") + ": " + say(std::string("verdict_") + to_string(res.verdict));
        if (routes_) line += "  ·  " + say("label_route") + ": " + (res.route.empty() ? "-" : spaced(res.route));
        line += "  ·  " + say("label_score") + ": " + std::to_string(res.score);
        if (graded_) line += "  ·  " + say("label_proposed_grade") + ": " + (res.grade.empty() ? "-" : res.grade);
        f_.paragraph(line, v);
        if (!res.notes.claimable_from.empty())
            f_.paragraph(say("label_claimable_from") + ": " + res.notes.claimable_from, s_.bold);
        if (!res.notes.verdict_with_decisions.empty())
            f_.paragraph(
                say("label_verdict_with_decisions") + ": " + say("verdict_" + res.notes.verdict_with_decisions),
                s_.bold);
        f_.paragraph(facts_line(a), s_.small);
        if (graded_ && !res.grade_basis.empty())
            f_.paragraph(say("label_grade_basis") + ": " + res.grade_basis, s_.muted);
        for (const auto& e : res.errors)
            f_.paragraph(say("label_unreadable") + ": " + short_file(e.file, a.folder) + ": " + e.error, s_.small);
        for (const auto& u : res.unrecognised) {
            std::string labels;
            for (const auto& l : u.labels) labels += (labels.empty() ? "" : ", ") + l;
            f_.paragraph(say("label_unrecognised") + ": " + short_file(u.file, a.folder) +
                             (labels.empty() ? "" : " (" + say("label_unmatched_labels") + ": " + labels + ")"),
                         s_.small);
        }
        f_.space(4);
        findings_table(a);
        fixes(res);
        f_.space(10);
    }

    // Two lines: where the case is held, and who leads it since when.
    std::string facts_line(const AuditCase& a) const {
        auto or_dash = [](const std::string& s) { return s.empty() ? std::string("-") : s; };
        std::string lead = or_dash(a.lead_agency);
        if (!a.lead_class.empty() && a.lead_class != "unknown") lead += " (" + a.lead_class + ")";
        return say("label_council") + ": " + or_dash(a.council) + "  ·  " + say("label_lead_agency") + ": " + lead +
               "\n" + say("label_lead") + ": " + or_dash(a.lead_professional) + "  ·  " + say("label_assessment") +
               ": " + or_dash(a.assessment_date) +
               (a.members.empty() ? "" : "\n" + say("label_members") + ": " + join(a.members));
    }

    static std::string join(const std::vector<std::string>& v) {
        std::string s;
        for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
        return s;
    }

    void findings_table(const AuditCase& a) {
        pdf::Table t = table({0.11, 0.10, 0.17, 0.62},
                             {say("col_status"), say("col_severity"), say("col_rule"), say("col_finding")});
        const auto& res = a.result;
        for (size_t i = 0; i < res.findings.size(); ++i) {
            const auto& fd = res.findings[i];
            TextStyle st = s_.cell_bold;
            st.colour = status_colour(fd.status);
            Cell rule = cell(fd.rule, s_.cell);
            const rules::Rule* def = r_.pack->find(fd.rule);
            if (graded_ && def) rule.paras.push_back(CellText{def->route, s_.cell_small});
            Cell body = cell(fd.message, s_.cell);
            for (const auto& e : fd.evidence) {
                if (e.file.empty() && e.quote.empty()) continue;
                std::string where = (e.file.empty() ? say("word_record") : short_file(e.file, a.folder)) +
                                    (e.where.empty() ? "" : ", " + e.where);
                body.paras.push_back(CellText{e.quote.empty() ? where : "“" + e.quote + "” — " + where, s_.cell_small});
            }
            if ((fd.status == rules::Status::Fail || fd.status == rules::Status::Warn ||
                 fd.status == rules::Status::NeedsReview) &&
                !fd.fix.empty()) {
                TextStyle fx = s_.cell;
                fx.colour = t_.colour("accent");
                body.paras.push_back(
                    CellText{say("label_fix") + ": " + fd.fix +
                                 (fd.fix_document.empty() ? "" : " (" + short_file(fd.fix_document, a.folder) + ")"),
                             fx});
            }
            for (const auto& d : res.notes.decisions)
                if (d.rule == fd.rule)
                    body.paras.push_back(CellText{say("label_decision") + ": " + d.decision + " (" + d.by + ", " +
                                                      d.at.substr(0, 10) + "): " + d.reason +
                                                      (d.stale ? " [" + say("word_stale") + "]" : ""),
                                                  s_.cell_small});
            t.rows.push_back({cell(say(std::string("status_") + to_string(fd.status)), st),
                              cell(to_string(fd.severity), s_.cell), rule, body});
            if (fd.status == rules::Status::Fail) {
                t.rows.back()[0].filled = true;
                t.rows.back()[0].fill = t_.colour("fail_fill");
            }
        }
        f_.table(t);
    }

    void fixes(const rules::CaseResult& res) {
        if (res.to_make_claimable.empty()) return;
        f_.space(6);
        f_.need(40);
        f_.paragraph(say("fix_title"), s_.bold);
        for (const auto& m : res.to_make_claimable)
            f_.paragraph("•  " + m.what + (m.document.empty() ? "" : " (" + m.document + ")"), s_.small, 8);
    }

    // ---- auditor decisions (from a claims ledger) ----------------------------------------

    void decisions() {
        if (!r_.ledger) return;
        f_.new_page();
        f_.heading(say("decisions_title"), s_.h1, 1, true);
        paragraphs(say("decisions_intro"));
        pdf::Table t = table(
            {0.16, 0.14, 0.12, 0.14, 0.12, 0.32},
            {say("col_ref"), say("col_rule"), say("col_decision"), say("col_by"), say("col_when"), say("col_reason")});
        for (const auto& c : r_.cases)
            for (const auto& d : c.result.notes.decisions)
                t.rows.push_back({cell(c.result.family_ref.empty() ? c.result.case_name : c.result.family_ref, s_.cell),
                                  cell(d.rule, s_.cell), cell(d.decision, s_.cell_bold), cell(d.by, s_.cell),
                                  cell(d.at.substr(0, 10), s_.cell),
                                  cell(d.reason + (d.stale ? " [" + say("word_stale") + "]" : ""), s_.cell)});
        if (t.rows.empty())
            f_.paragraph(say("decisions_none"), s_.body);
        else
            f_.table(t);
    }

    // ---- appendix ----------------------------------------------------------------------

    void appendix() {
        f_.new_page();
        f_.heading(say("appendix_title"), s_.h1, 1, true);
        f_.heading(say("methodology_title"), s_.h2, 2, true);
        paragraphs(say("methodology"));
        paragraphs(say("keyword_limits"));
        if (r_.pseudonymised) paragraphs(say("pseudonymised_note"));
        sampling();
        rule_definitions();
        input_files();
        tool();
    }

    // Wording with "\n" paragraph breaks, a little space after each paragraph.
    void paragraphs(const std::string& text) {
        for (const auto& p : text::split(text, '\n')) {
            f_.paragraph(p, s_.body);
            f_.space(5);
        }
    }

    void sampling() {
        const auto& sm = r_.sample;
        f_.heading(say("sampling_title"), s_.h2, 2, true);
        f_.paragraph(say(sm.census             ? "sampling_census"
                         : sm.stratify.empty() ? "sampling_random"
                                               : "sampling_stratified",
                         {{"stratify", sm.stratify}, {"n", num(sm.sample_size)}}),
                     s_.body);
        f_.space(6);
        pdf::Table t = table({0.35, 0.65}, {say("col_item"), say("col_value")});
        auto row = [&](const std::string& a, const std::string& b) {
            t.rows.push_back({cell(a, s_.cell), cell(b, s_.cell)});
        };
        row(say("label_population"), sm.population);
        row(say("label_found"), num(sm.found));
        row(say("label_population_size"), num(sm.population_size));
        row(say("label_checked"), num(sm.sample_size));
        row(say("label_seed"), std::to_string(sm.seed) + (sm.default_seed ? " (" + say("seed_default") + ")" : ""));
        if (!sm.stratify.empty()) row(say("label_stratified"), sm.stratify);
        f_.table(t);
        if (!sm.strata.empty()) {
            f_.space(6);
            pdf::Table st = table({0.6, 0.2, 0.2}, {say("col_stratum"), say("col_population"), say("col_sample")});
            for (const auto& s : sm.strata)
                st.rows.push_back(
                    {cell(s.key, s_.cell), cell(num(s.population), s_.cell), cell(num(s.sample), s_.cell)});
            f_.table(st);
        }
        if (!sm.census) {
            f_.space(6);
            f_.paragraph(say("drawn_order"), s_.small);
            std::string list;
            for (size_t i = 0; i < sm.drawn.size(); ++i) list += (i ? ", " : "") + num(i + 1) + ". " + sm.drawn[i];
            f_.paragraph(list, s_.small, 8);
        }
    }

    void rule_definitions() {
        f_.heading(say("rules_title"), s_.h2, 2, true);
        f_.paragraph(say("rules_intro"), s_.body);
        f_.space(6);
        pdf::Table t = table({0.2, 0.12, 0.18, 0.5},
                             {say("col_rule"), say("col_severity"), say("col_route"), say("col_definition")});
        for (const auto& rule : r_.pack->rules) {
            Cell def = cell(rule.title, s_.cell_bold);
            def.paras.push_back(CellText{say("label_citation") + ": " + rule.citation, s_.cell_small});
            t.rows.push_back({cell(rule.id, s_.cell), cell(to_string(rule.severity), s_.cell),
                              cell(spaced(rule.route), s_.cell), def});
        }
        f_.table(t);
    }

    void input_files() {
        f_.heading(say("files_title"), s_.h2, 2, true);
        f_.paragraph(say("files_intro", {{"files", num(r_.files.size())}}), s_.body);
        f_.space(6);
        pdf::Table t = table({0.43, 0.57}, {say("col_file"), say("col_sha256")});
        TextStyle hash = s_.cell_small;
        hash.size = 6.4;
        hash.colour = t_.colour("text");
        for (const auto& file : r_.files)
            t.rows.push_back(
                {cell(file.path, s_.cell_small), cell(file.sha256.empty() ? file.error : file.sha256, hash)});
        f_.table(t);
    }

    void tool() {
        f_.heading(say("tool_title"), s_.h2, 2, true);
        pdf::Table t = table({0.35, 0.65}, {say("col_item"), say("col_value")});
        auto row = [&](const std::string& a, const std::string& b) {
            t.rows.push_back({cell(a, s_.cell), cell(b, s_.cell)});
        };
        row(say("label_tool"), "tfaudit " + r_.tool_version);
        row(say("label_pack"), r_.pack->name + " " + r_.pack->version + " (" + base_name(r_.pack->file) + ")");
        row(say("label_as_of"), r_.as_of);
        row(say("label_command"), r_.command);
        row(say("label_template"), t_.name + " (" + base_name(t_.file) + ")");
        f_.table(t);
    }

    const AuditReport& r_;
    const ReportTemplate& t_;
    Flow& f_;
    Styles s_;
    bool graded_, routes_;
    Counts counts_;
    std::map<std::string, std::string> vars_;
};

bool same_toc(const std::vector<pdf::TocEntry>& a, const std::vector<pdf::TocEntry>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i].page != b[i].page || a[i].text != b[i].text || a[i].level != b[i].level) return false;
    return true;
}

}  // namespace

Result<std::string> audit_pdf(const AuditReport& report, const ReportTemplate& tmpl, const pdf::FontFiles& fonts) {
    auto renderer = pdf::Renderer::open(fonts);
    if (!renderer) return renderer.error();
    pdf::Renderer& rd = *renderer.value();
    auto measure = [&rd](Face f, double size, std::string_view s) { return rd.measure(f, size, s); };
    // Lay out until the table of contents holds the pages its own length leads to (3 passes:
    // without it, with its entries, then with their final page numbers).
    std::vector<pdf::TocEntry> toc;
    std::vector<pdf::Page> pages;
    for (int pass = 0; pass < 4; ++pass) {
        Flow flow(measure, pdf::Geometry{});
        Composer(report, tmpl, flow).compose(toc);
        const auto found = flow.toc();
        pages = flow.take_pages();
        if (pass > 0 && same_toc(found, toc)) break;
        toc = found;
    }
    const Styles s(tmpl);
    pdf::DocInfo info;
    const std::map<std::string, std::string> vars = {
        {"title", tmpl.say("title")}, {"organisation", tmpl.say("organisation")}, {"as_of", report.as_of},
        {"pack", report.pack->name},  {"version", report.pack->version},          {"date", report.report_date}};
    info.title = tmpl.say("title", vars);
    info.author = tmpl.say("organisation", vars);
    info.subject = report.pack->title;
    info.date = report.pdf_date;
    info.header_left = tmpl.say("header_left", vars);
    info.header_right = tmpl.say("header_right", vars);
    info.footer_left = tmpl.say("footer_left", vars);
    info.page_label = tmpl.say("page_label", vars);
    info.chrome_style = s.chrome;
    info.rule = tmpl.colour("rule");
    return rd.render(pages, info);
}

}  // namespace tfa::report
