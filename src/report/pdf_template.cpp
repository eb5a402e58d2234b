#include "report/pdf_template.h"

#include "core/files.h"

#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "core/text.h"
#include "readers/xml.h"
#include "rules/check.h"

namespace tfa::report {

const std::vector<std::string>& template_text_keys() {
    static const std::vector<std::string> v = {"title",
                                               "subtitle",
                                               "organisation",
                                               "header_left",
                                               "header_right",
                                               "footer_left",
                                               "page_label",
                                               "signature_statement",
                                               "label_auditor",
                                               "label_signature",
                                               "label_signed_date",
                                               "contents_title",
                                               "summary_title",
                                               "summary_intro_census",
                                               "summary_intro_sample",
                                               "value_note",
                                               "value_none",
                                               "scaled_note",
                                               "chart_title",
                                               "chart_note",
                                               "not_applicable",
                                               "cases_title",
                                               "cases_intro",
                                               "findings_title",
                                               "fix_title",
                                               "appendix_title",
                                               "methodology_title",
                                               "methodology",
                                               "keyword_limits",
                                               "pseudonymised_note",
                                               "sampling_title",
                                               "sampling_census",
                                               "sampling_random",
                                               "sampling_stratified",
                                               "drawn_order",
                                               "seed_default",
                                               "rules_title",
                                               "rules_intro",
                                               "files_title",
                                               "files_intro",
                                               "tool_title",
                                               "sample_census",
                                               "sample_drawn",
                                               "word_cases",
                                               "word_record",
                                               "label_organisation",
                                               "label_date",
                                               "label_as_of",
                                               "label_pack",
                                               "label_population",
                                               "label_sample",
                                               "label_found",
                                               "label_population_size",
                                               "label_checked",
                                               "label_grade",
                                               "label_value_stake",
                                               "label_value_risk",
                                               "label_value_stake_population",
                                               "label_value_risk_population",
                                               "label_verdict",
                                               "label_route",
                                               "label_score",
                                               "label_proposed_grade",
                                               "label_grade_basis",
                                               "label_unreadable",
                                               "label_council",
                                               "label_lead_agency",
                                               "label_lead",
                                               "label_members",
                                               "label_assessment",
                                               "label_fix",
                                               "label_seed",
                                               "label_stratified",
                                               "label_citation",
                                               "label_tool",
                                               "label_command",
                                               "label_template",
                                               "col_measure",
                                               "col_value",
                                               "col_case",
                                               "col_ref",
                                               "col_verdict",
                                               "col_route",
                                               "col_score",
                                               "col_grade",
                                               "col_status",
                                               "col_severity",
                                               "col_rule",
                                               "col_finding",
                                               "col_item",
                                               "col_stratum",
                                               "col_population",
                                               "col_sample",
                                               "col_definition",
                                               "col_file",
                                               "col_sha256",
                                               "verdict_claimable",
                                               "verdict_not_claimable",
                                               "verdict_needs_review",
                                               "status_pass",
                                               "status_fail",
                                               "status_warn",
                                               "status_not_applicable",
                                               "status_needs_review",
                                               "cause_unreadable_document",
                                               "cause_layout_not_understood",
                                               "cause_reader_warning",
                                               "cause_judgement",
                                               "label_unrecognised",
                                               "label_unmatched_labels",
                                               "label_claimable_from",
                                               "label_decision",
                                               "label_verdict_with_decisions",
                                               "word_stale",
                                               "decisions_title",
                                               "decisions_intro",
                                               "decisions_none",
                                               "col_decision",
                                               "col_by",
                                               "col_when",
                                               "col_reason"};
    return v;
}

const std::vector<std::string>& template_colour_keys() {
    static const std::vector<std::string> v = {"primary",     "accent",      "text",       "muted", "rule",
                                               "header_fill", "header_text", "cover_text", "pass",  "fail",
                                               "warn",        "review",      "fail_fill",  "bar",   "track"};
    return v;
}

std::string ReportTemplate::say(const std::string& key, const std::map<std::string, std::string>& vars) const {
    auto it = text.find(key);
    return it == text.end() ? std::string() : rules::fill(it->second, vars);
}

pdf::Colour ReportTemplate::colour(const std::string& key) const {
    auto it = colours.find(key);
    return it == colours.end() ? pdf::Colour{} : it->second;
}

namespace {

int line_of(const xmlNode* n) { return n ? static_cast<int>(xmlGetLineNo(const_cast<xmlNode*>(n))) : 0; }

// Wording as written in XML: white space collapsed within paragraphs; a blank line starts a
// new paragraph ("\n").
std::string wording(const std::string& raw) {
    std::string out, para;
    for (const auto& line : text::split(raw, '\n')) {
        const std::string t = text::collapse_ws(line);
        if (t.empty()) {
            if (!para.empty()) out += (out.empty() ? "" : "\n") + para;
            para.clear();
        } else {
            para += (para.empty() ? "" : " ") + t;
        }
    }
    if (!para.empty()) out += (out.empty() ? "" : "\n") + para;
    return out;
}

bool known(const std::vector<std::string>& keys, const std::string& k) {
    return std::find(keys.begin(), keys.end(), k) != keys.end();
}

Status read_entries(const std::string& path, const xmlNode* root, ReportTemplate& t) {
    for (const xmlNode* n = xml::first_el(root); n; n = xml::next_el(n)) {
        const std::string key(xml::attr(n, "key"));
        if (xml::is(n, "text")) {
            if (!known(template_text_keys(), key)) return Error{path, "unknown text key '" + key + "'", line_of(n)};
            t.text[key] = wording(xml::text_of(n));
        } else if (xml::is(n, "colour")) {
            if (!known(template_colour_keys(), key)) return Error{path, "unknown colour key '" + key + "'", line_of(n)};
            pdf::Colour c;
            const std::string value(xml::attr(n, "value"));
            if (!pdf::parse_colour(value, c))
                return Error{path, "colour '" + key + "' wants #RRGGBB, not '" + value + "'", line_of(n)};
            t.colours[key] = c;
        } else {
            return Error{path, "unknown element <" + std::string(xml::name(n)) + ">", line_of(n)};
        }
    }
    return std::nullopt;
}

Result<ReportTemplate> load_one(const std::string& name, const std::string& dir, int depth) {
    const bool is_path = text::ends_with(name, ".xml");
    const std::string path = is_path ? name : dir + "/" + name + ".xml";
    if (!files::is_file(path)) return Error{path, "no such report template"};
    auto doc = xml::load_data_file(path, "the report template");
    if (!doc) return doc.error();
    const xmlNode* root = xmlDocGetRootElement(doc.value().get());
    if (!xml::is(root, "report-template"))
        return Error{path, "the root element must be <report-template>", line_of(root)};
    ReportTemplate t;
    const std::string parent(xml::attr(root, "extends"));
    if (!parent.empty()) {
        if (depth > 8) return Error{path, "templates extend each other in a loop", line_of(root)};
        // A parent given as a file is found beside this template; a parent name, in `dir`.
        const bool parent_is_path = text::ends_with(parent, ".xml") && parent.find('/') == std::string::npos;
        const std::string here = path.find('/') != std::string::npos ? path.substr(0, path.rfind('/')) : ".";
        auto p = load_one(parent_is_path ? here + "/" + parent : parent, dir, depth + 1);
        if (!p) return p.error();
        t = std::move(p.value());
    }
    t.name = std::string(xml::attr(root, "name", is_path ? path : name));
    t.file = path;
    if (auto e = read_entries(path, root, t)) return *e;
    return t;
}

}  // namespace

Result<ReportTemplate> load_report_template(const std::string& name, const std::string& dir) {
    auto t = load_one(name, dir, 0);
    if (!t) return t;
    for (const auto& k : template_text_keys())
        if (!t.value().text.count(k)) return Error{t.value().file, "missing text key '" + k + "'"};
    for (const auto& k : template_colour_keys())
        if (!t.value().colours.count(k)) return Error{t.value().file, "missing colour key '" + k + "'"};
    return t;
}

std::vector<std::string> list_report_templates(const std::string& dir) {
    std::vector<std::string> out;
    if (DIR* d = opendir(dir.c_str())) {
        while (dirent* e = readdir(d)) {
            const std::string f = e->d_name;
            if (!text::ends_with(f, ".xml") || f == "agencies.xml") continue;
            out.push_back(f.substr(0, f.size() - 4));
        }
        closedir(d);
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace tfa::report
