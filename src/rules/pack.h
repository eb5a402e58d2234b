// Rule packs: the claim and quality rules as data.
//
// A pack is an XML file (format in rules/README.md) holding the programme's criteria and
// money, pack-wide parameters, and rules. Each rule names one check kind from the closed set
// in rules/kinds.h and gives that kind's parameters; thresholds live here, never in code. A
// pack may extend another ("extends") and override a rule's parameters or severity, add rules
// or disable one. Packs are validated when loaded: every error names the file and line.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "rules/status.h"

namespace tfa::rules {

struct Criterion {
    std::string id, name;
};

// One parameter value as written, with where it was written (for errors). `assumption` is set
// when the pack marks the figure as not found in a national text (why it was chosen).
struct Param {
    std::string value;
    std::string file;
    int line = 0;
    std::string assumption;
};

// A criterion's hard-data outcome measure (a pack's <measures>): what an evidence row of
// `measure` for `criterion` must show once the outcome is achieved. A row meets it when its
// value is at least `at_least`, at most `at_most`, down `down_pct` % on the baseline (the
// member's latest row of the measure ending before the attachment), or contains `or_text`.
struct Measure {
    std::string criterion, measure;
    std::optional<double> at_least, at_most, down_pct;
    std::string or_text;
    bool required = false;           // hard-data="required": the sustain needs a row; else where-available
    bool baseline_required = false;  // baseline="required": a row before attachment must exist
    std::string source, assumption;  // the cited source; why the figure is assumed, if it is
    std::string file;
    int line = 0;

    // "at least 90", "at most 0", "down 60% on the baseline", "... or 'repayment plan'".
    std::string describe() const;
};

// One rule. `kind` is a name from kinds.h; `params` hold that kind's parameters after the
// pack-wide parameters were merged in, all validated against the kind's schema.
struct Rule {
    std::string id, title, kind;
    Severity severity = Severity::Major;
    std::string route;  // general | sustained_progress | continuous_employment | discretionary | compliance | quality
    std::string citation;  // the programme text the rule enforces
    std::string document;  // the document the evidence belongs in: assessment, plan, review, closure, evidence
    std::string message;   // failure template: "[{id}] {count} criteria identified; at least {min} required"
    std::string pass;      // pass template; empty: "[{id}] met: {title}"
    std::string fix;       // "to make claimable" template; empty: the failure message
    double weight = 0;
    std::map<std::string, Param> params;
    std::string file;  // where the rule was defined
    int line = 0;
};

// A proposed grade: the first grade (pack order) whose minimum score is reached and whose
// limit on failing blocker or major findings is kept applies (ffa-quality).
struct Grade {
    std::string name;
    double min_score = 0;
    int max_fails = -1;  // failing blocker/major findings allowed; -1: no limit
};

struct RulePack {
    std::string name, version, title, programme;
    std::string extends;  // the parent pack's name, if any
    std::string file;     // the file it was loaded from
    double attachment_fee = 0, results_payment = 0;
    std::string currency;
    std::string money_assumption;      // set when the pack marks its money figures as assumed
    std::string valid_from, valid_to;  // ISO; the attachment dates the pack covers (empty: open)
    std::vector<Measure> measures;     // hard-data outcome measures, by criterion
    std::vector<Criterion> criteria;
    std::map<std::string, Param> parameters;  // pack-wide defaults for rule parameters
    std::vector<Rule> rules;                  // in pack order (parent's first)
    std::vector<Grade> grades;                // empty: the pack proposes no grade

    // The rule with `id`, or null.
    const Rule* find(const std::string& id) const;
    // True if any rule belongs to a claim route (sustained_progress, continuous_employment, ...).
    bool has_routes() const;
    // The measures for `criterion` (pack order).
    std::vector<const Measure*> measures_for(const std::string& criterion) const;
};

// Loads and validates a pack. `name_or_path` is a pack name ("tf-2015" → rules_dir/tf-2015.xml)
// or, when it holds a '/' or ends in ".xml", a file path. Parents named by `extends` are
// resolved the same way (a relative path against the child's folder). Errors carry file and
// line; the first error stops loading.
Result<RulePack> load_pack(const std::string& name_or_path, const std::string& rules_dir);

// Validates one pack file and returns every error found in it (empty when it is good).
// Parents are loaded from `rules_dir`.
std::vector<Error> lint_pack(const std::string& path, const std::string& rules_dir);

// The pack files (*.xml) directly in `rules_dir`, sorted.
std::vector<std::string> list_pack_files(const std::string& rules_dir);

// True if `route` is a claim route (sustained_progress, continuous_employment, discretionary).
bool is_claim_route(const std::string& route);

}  // namespace tfa::rules

namespace tfa {
using rules::Criterion;
using rules::load_pack;
using rules::RulePack;
}  // namespace tfa
