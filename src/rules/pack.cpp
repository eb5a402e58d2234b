// Rule pack loading and validation (format: rules/README.md).
#include "rules/pack.h"

#include <dirent.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include "core/calendar.h"
#include "core/files.h"
#include "core/text.h"
#include "readers/xml.h"
#include "rules/kinds.h"

namespace tfa::rules {

const Rule* RulePack::find(const std::string& id) const {
    for (const auto& r : rules)
        if (r.id == id) return &r;
    return nullptr;
}

bool is_claim_route(const std::string& route) {
    return route == "sustained_progress" || route == "continuous_employment" || route == "discretionary";
}

std::vector<const Measure*> RulePack::measures_for(const std::string& criterion) const {
    std::vector<const Measure*> out;
    for (const auto& m : measures)
        if (m.criterion == criterion) out.push_back(&m);
    return out;
}

std::string Measure::describe() const {
    auto num = [](double v) {
        std::ostringstream o;
        o << v;
        return o.str();
    };
    std::vector<std::string> parts;
    if (at_least) parts.push_back("at least " + num(*at_least));
    if (at_most) parts.push_back("at most " + num(*at_most));
    if (down_pct) parts.push_back("down " + num(*down_pct) + "% on the baseline");
    if (!or_text.empty()) parts.push_back("'" + or_text + "'");
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? (i + 1 == parts.size() ? " or " : ", ") : "") + parts[i];
    return out;
}

bool RulePack::has_routes() const {
    return std::any_of(rules.begin(), rules.end(), [](const Rule& r) { return is_claim_route(r.route); });
}

namespace {

const std::set<std::string> kRoutes = {"general",       "sustained_progress", "continuous_employment",
                                       "discretionary", "compliance",         "quality"};
// The hard-data measures a <measure> may judge (docs/case-record.md, evidence rows).
const std::set<std::string> kMeasures = {"attendance_pct", "incidents", "re_referral", "arrears", "sessions_attended"};
// Every kind provides these to its message templates.
const std::set<std::string> kCommonVars = {"id", "title", "severity"};
const std::set<std::string> kDocuments = {"assessment", "plan", "review", "closure", "evidence", "bundle"};
constexpr int kMaxExtends = 8;

int line_of(const xmlNode* n) { return n ? static_cast<int>(xmlGetLineNo(n)) : 0; }

// A record measure's form: a lower-case letter, then lower-case letters, digits and '_'.
bool is_measure_name(const std::string& m) {
    return !m.empty() && std::islower(static_cast<unsigned char>(m[0])) && std::all_of(m.begin(), m.end(), [](char c) {
        return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_';
    });
}

bool to_double(const std::string& s, double& out) {
    const std::string t = text::trim(s);
    if (t.empty()) return false;
    errno = 0;
    char* end = nullptr;
    out = std::strtod(t.c_str(), &end);
    return errno == 0 && *end == '\0' && out >= 0;
}

std::string dir_of(const std::string& path) {
    const size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? "." : path.substr(0, slash);
}

// Reads one pack file into a RulePack, merging it over its parent. Collects every error.
class Loader {
public:
    Loader(std::string rules_dir, std::vector<Error>& errors) : rules_dir_(std::move(rules_dir)), errors_(errors) {}

    // Loads `path` (and its parents) without resolving parameters.
    bool load(const std::string& path, RulePack& pack, int depth);

private:
    void err(const xmlNode* n, const std::string& msg) { errors_.push_back(Error{file_, msg, line_of(n)}); }
    bool check_attrs(const xmlNode* n, std::initializer_list<const char*> allowed);
    void check_children(const xmlNode* n, std::initializer_list<const char*> allowed, bool text_ok = false);
    std::string required(const xmlNode* n, const char* attr);
    void root(const xmlNode* n, RulePack& pack, int depth);
    void money(const xmlNode* n, RulePack& pack);
    void criteria(const xmlNode* n, RulePack& pack);
    void params(const xmlNode* n, std::map<std::string, Param>& out);
    void grades(const xmlNode* n, RulePack& pack);
    void measures(const xmlNode* n, RulePack& pack);
    std::string date_attr(const xmlNode* n, const char* attr);
    void scoring(const xmlNode* n);
    void rules(const xmlNode* n, RulePack& pack);
    void rule(const xmlNode* n, RulePack& pack);
    void rule_body(const xmlNode* n, Rule& r);
    void override_rule(const xmlNode* n, RulePack& pack);
    void disable(const xmlNode* n, RulePack& pack);
    double number(const xmlNode* n, const char* attr);
    Severity severity(const xmlNode* n, const std::string& word);

    std::string rules_dir_;
    std::vector<Error>& errors_;
    std::string file_;
    std::map<Severity, double> weights_;  // this file's <scoring> defaults
};

bool Loader::check_attrs(const xmlNode* n, std::initializer_list<const char*> allowed) {
    bool ok = true;
    for (const xmlAttr* a = n->properties; a; a = a->next) {
        const std::string name = reinterpret_cast<const char*>(a->name);
        if (std::none_of(allowed.begin(), allowed.end(), [&](const char* x) { return name == x; })) {
            err(n, "unknown attribute '" + name + "' on <" + std::string(xml::name(n)) + ">");
            ok = false;
        }
    }
    return ok;
}

void Loader::check_children(const xmlNode* n, std::initializer_list<const char*> allowed, bool text_ok) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (!text_ok && c->type == XML_TEXT_NODE && !text::trim(reinterpret_cast<const char*>(c->content)).empty())
            err(c, "unexpected text in <" + std::string(xml::name(n)) + ">");
        if (c->type != XML_ELEMENT_NODE) continue;
        const std::string_view name = xml::name(c);
        if (std::none_of(allowed.begin(), allowed.end(), [&](const char* x) { return name == x; }))
            err(c, "unknown element <" + std::string(name) + "> in <" + std::string(xml::name(n)) + ">");
    }
}

std::string Loader::required(const xmlNode* n, const char* attr) {
    const std::string v = text::trim(xml::attr(n, attr));
    if (v.empty()) err(n, "<" + std::string(xml::name(n)) + "> needs a non-empty '" + attr + "' attribute");
    return v;
}

double Loader::number(const xmlNode* n, const char* attr) {
    double v = 0;
    const std::string s(xml::attr(n, attr));
    if (!to_double(s, v)) err(n, "'" + std::string(attr) + "' is not a number >= 0: '" + s + "'");
    return v;
}

Severity Loader::severity(const xmlNode* n, const std::string& word) {
    if (auto s = parse_severity(word)) return *s;
    if (!word.empty()) err(n, "unknown severity '" + word + "' (blocker, major, minor or warning)");
    return Severity::Major;
}

bool Loader::load(const std::string& path, RulePack& pack, int depth) {
    const std::string saved = file_;
    file_ = path;
    if (!files::is_file(path)) {
        errors_.push_back(Error{path, "cannot read rule pack"});
        file_ = saved;
        return false;
    }
    auto doc = xml::load_data_file(path, "rule pack");
    if (!doc) {
        Error e = doc.error();
        // "malformed XML in rule pack: line 12: msg" → line 12.
        const size_t at = e.message.find(": line ");
        if (at != std::string::npos) {
            e.line = std::atoi(e.message.c_str() + at + 7);
            const size_t colon = e.message.find(": ", at + 7);
            if (colon != std::string::npos) e.message = e.message.substr(0, at) + ": " + e.message.substr(colon + 2);
        }
        errors_.push_back(e);
        file_ = saved;
        return false;
    }
    const xmlNode* r = xmlDocGetRootElement(doc.value().get());
    if (!xml::is(r, "pack"))
        err(r, "the root element must be <pack>, not <" + std::string(xml::name(r)) + ">");
    else
        root(r, pack, depth);
    file_ = saved;
    return true;
}

std::string resolve_path(const std::string& name_or_path, const std::string& rules_dir, const std::string& base_dir) {
    const bool is_path = name_or_path.find('/') != std::string::npos || text::ends_with(name_or_path, ".xml");
    if (!is_path) return rules_dir + "/" + name_or_path + ".xml";
    if (name_or_path[0] == '/' || base_dir.empty()) return name_or_path;
    return base_dir + "/" + name_or_path;
}

void Loader::root(const xmlNode* n, RulePack& pack, int depth) {
    check_attrs(n, {"name", "version", "title", "programme", "extends", "valid-from", "valid-to"});
    check_children(n, {"money", "criteria", "parameters", "measures", "scoring", "grades", "rules"});
    const std::string parent(text::trim(xml::attr(n, "extends")));
    if (!parent.empty()) {
        if (depth >= kMaxExtends) {
            err(n, "packs extend each other more than " + std::to_string(kMaxExtends) + " deep (a cycle?)");
            return;
        }
        const std::string ppath = resolve_path(parent, rules_dir_, dir_of(file_));
        const size_t before = errors_.size();
        if (!load(ppath, pack, depth + 1) || errors_.size() > before)
            err(n, "cannot load the pack it extends: " + parent);
        pack.extends = parent;
    }
    pack.file = file_;
    pack.name = required(n, "name");
    pack.version = required(n, "version");
    pack.title = required(n, "title");
    if (xml::has_attr(n, "programme") || parent.empty()) pack.programme = required(n, "programme");
    if (xml::has_attr(n, "valid-from")) pack.valid_from = date_attr(n, "valid-from");
    if (xml::has_attr(n, "valid-to")) pack.valid_to = date_attr(n, "valid-to");
    if (!pack.valid_from.empty() && !pack.valid_to.empty() && pack.valid_from > pack.valid_to)
        err(n, "valid-from " + pack.valid_from + " is after valid-to " + pack.valid_to);
    for (const xmlNode* c = xml::first_el(n); c; c = xml::next_el(c)) {
        if (xml::is(c, "scoring")) scoring(c);
    }
    for (const xmlNode* c = xml::first_el(n); c; c = xml::next_el(c)) {
        if (xml::is(c, "money"))
            money(c, pack);
        else if (xml::is(c, "criteria"))
            criteria(c, pack);
        else if (xml::is(c, "parameters"))
            params(c, pack.parameters);
        else if (xml::is(c, "measures"))
            measures(c, pack);
        else if (xml::is(c, "grades"))
            grades(c, pack);
        else if (xml::is(c, "rules"))
            rules(c, pack);
    }
    if (parent.empty() && pack.criteria.empty()) err(n, "the pack has no <criteria>");
}

std::string Loader::date_attr(const xmlNode* n, const char* attr) {
    const std::string v = text::trim(xml::attr(n, attr));
    if (!cal::parse(v)) err(n, "'" + std::string(attr) + "' is not a date (YYYY-MM-DD): '" + v + "'");
    return v;
}

// <measures><measure criterion=".." of=".." at-least|at-most|down-pct|or-text=".." hard-data=".."
// baseline=".." source=".." [assumption=".."]/></measures>: a child's measure replaces its
// parent's for the same criterion and measure.
void Loader::measures(const xmlNode* n, RulePack& pack) {
    check_attrs(n, {});
    check_children(n, {"measure"});
    for (const xmlNode* c = xml::first_el(n); c; c = xml::next_el(c)) {
        if (!xml::is(c, "measure")) continue;
        check_attrs(c, {"criterion", "of", "at-least", "at-most", "down-pct", "or-text", "hard-data", "baseline",
                        "source", "assumption", "declared-in"});
        check_children(c, {});
        Measure m;
        m.criterion = required(c, "criterion");
        m.measure = required(c, "of");
        m.source = required(c, "source");
        m.file = file_;
        m.line = line_of(c);
        // A measure a council's template declares (<value of="measure" means="...">) is named with
        // declared-in="TEMPLATE": the pack cannot see templates, so it checks only its form.
        const std::string declared(text::trim(xml::attr(c, "declared-in")));
        if (xml::has_attr(c, "declared-in") && declared.empty())
            err(c, "declared-in names the template that declares the measure; it is empty");
        if (!declared.empty() && !is_measure_name(m.measure))
            err(c, "measure '" + m.measure + "' must be lower-case letters, digits and '_', as its template writes it");
        if (declared.empty() && !m.measure.empty() && !kMeasures.count(m.measure))
            err(c, "unknown measure '" + m.measure +
                       "' (attendance_pct, incidents, re_referral, arrears or sessions_attended; a measure a "
                       "template declares needs declared-in=\"TEMPLATE\")");
        if (xml::has_attr(c, "at-least")) m.at_least = number(c, "at-least");
        if (xml::has_attr(c, "at-most")) m.at_most = number(c, "at-most");
        if (xml::has_attr(c, "down-pct")) m.down_pct = number(c, "down-pct");
        m.or_text = text::lower(text::trim(xml::attr(c, "or-text")));
        if (!m.at_least && !m.at_most && !m.down_pct && m.or_text.empty())
            err(c, "<measure> needs at-least, at-most, down-pct or or-text");
        const std::string hard(text::trim(xml::attr(c, "hard-data")));
        if (hard != "required" && hard != "where-available")
            err(c, "hard-data must be 'required' or 'where-available', not '" + hard + "'");
        m.required = hard == "required";
        const std::string base(text::trim(xml::attr(c, "baseline")));
        if (!base.empty() && base != "required" && base != "optional")
            err(c, "baseline must be 'required' or 'optional', not '" + base + "'");
        m.baseline_required = base == "required";
        m.assumption = text::trim(xml::attr(c, "assumption"));
        auto same = std::find_if(pack.measures.begin(), pack.measures.end(), [&](const Measure& x) {
            return x.criterion == m.criterion && x.measure == m.measure;
        });
        if (same != pack.measures.end())
            *same = m;
        else
            pack.measures.push_back(m);
    }
}

void Loader::money(const xmlNode* n, RulePack& pack) {
    check_attrs(n, {"attachment-fee", "results-payment", "currency", "assumption"});
    check_children(n, {});
    pack.money_assumption = text::trim(xml::attr(n, "assumption"));
    pack.attachment_fee = number(n, "attachment-fee");
    pack.results_payment = number(n, "results-payment");
    pack.currency = required(n, "currency");
}

void Loader::criteria(const xmlNode* n, RulePack& pack) {
    check_attrs(n, {});
    check_children(n, {"criterion"});
    pack.criteria.clear();
    std::set<std::string> seen;
    for (const xmlNode* c = xml::first_el(n); c; c = xml::next_el(c)) {
        if (!xml::is(c, "criterion")) continue;
        check_attrs(c, {"id", "name"});
        Criterion k{required(c, "id"), required(c, "name")};
        if (!k.id.empty() && !seen.insert(k.id).second) err(c, "duplicate criterion id '" + k.id + "'");
        pack.criteria.push_back(k);
    }
}

void Loader::params(const xmlNode* n, std::map<std::string, Param>& out) {
    check_attrs(n, {});
    check_children(n, {"param"});
    for (const xmlNode* c = xml::first_el(n); c; c = xml::next_el(c)) {
        if (!xml::is(c, "param")) continue;
        check_attrs(c, {"name", "value", "assumption"});
        check_children(c, {});
        const std::string name = required(c, "name");
        if (!xml::has_attr(c, "value")) err(c, "<param> needs a 'value' attribute");
        if (!name.empty())
            out[name] =
                Param{std::string(xml::attr(c, "value")), file_, line_of(c), text::trim(xml::attr(c, "assumption"))};
    }
}

void Loader::grades(const xmlNode* n, RulePack& pack) {
    check_attrs(n, {});
    check_children(n, {"grade"});
    pack.grades.clear();
    for (const xmlNode* c = xml::first_el(n); c; c = xml::next_el(c)) {
        if (!xml::is(c, "grade")) continue;
        check_attrs(c, {"name", "min-score", "max-fails"});
        Grade g{required(c, "name"), number(c, "min-score"), -1};
        if (xml::has_attr(c, "max-fails")) g.max_fails = static_cast<int>(number(c, "max-fails"));
        pack.grades.push_back(g);
    }
}

void Loader::scoring(const xmlNode* n) {
    check_attrs(n, {"blocker", "major", "minor", "warning"});
    check_children(n, {});
    for (const char* s : {"blocker", "major", "minor", "warning"})
        if (xml::has_attr(n, s)) weights_[*parse_severity(s)] = number(n, s);
}

void Loader::rules(const xmlNode* n, RulePack& pack) {
    check_attrs(n, {});
    check_children(n, {"rule", "override", "disable"});
    for (const xmlNode* c = xml::first_el(n); c; c = xml::next_el(c)) {
        if (xml::is(c, "rule"))
            rule(c, pack);
        else if (xml::is(c, "override"))
            override_rule(c, pack);
        else if (xml::is(c, "disable"))
            disable(c, pack);
    }
}

// The elements a <rule> or <override> may hold.
void Loader::rule_body(const xmlNode* n, Rule& r) {
    for (const xmlNode* c = xml::first_el(n); c; c = xml::next_el(c)) {
        const std::string_view name = xml::name(c);
        if (name == "param") {
            check_attrs(c, {"name", "value", "assumption"});
            const std::string p = required(c, "name");
            if (!xml::has_attr(c, "value")) err(c, "<param> needs a 'value' attribute");
            if (!p.empty())
                r.params[p] = Param{std::string(xml::attr(c, "value")), file_, line_of(c),
                                    text::trim(xml::attr(c, "assumption"))};
            continue;
        }
        check_attrs(c, {});
        check_children(c, {}, true);
        const std::string t = text::collapse_ws(xml::text_of(c));
        if (name == "title")
            r.title = t;
        else if (name == "citation")
            r.citation = t;
        else if (name == "message")
            r.message = t;
        else if (name == "pass")
            r.pass = t;
        else if (name == "fix")
            r.fix = t;
    }
}

void Loader::rule(const xmlNode* n, RulePack& pack) {
    check_attrs(n, {"id", "kind", "severity", "route", "weight", "document"});
    check_children(n, {"title", "citation", "param", "message", "pass", "fix"});
    Rule r;
    r.file = file_;
    r.line = line_of(n);
    r.id = required(n, "id");
    r.kind = required(n, "kind");
    r.severity = severity(n, required(n, "severity"));
    r.route = xml::has_attr(n, "route") ? std::string(xml::attr(n, "route")) : "general";
    r.document = xml::has_attr(n, "document") ? std::string(xml::attr(n, "document")) : "bundle";
    if (xml::has_attr(n, "weight"))
        r.weight = number(n, "weight");
    else if (weights_.count(r.severity))
        r.weight = weights_[r.severity];
    else
        r.weight = -1;  // reported when the pack is resolved
    rule_body(n, r);
    if (!r.id.empty() && pack.find(r.id)) {
        err(n, "duplicate rule id '" + r.id + "' (use <override rule=\"" + r.id + "\"> to change an inherited rule)");
        return;
    }
    pack.rules.push_back(std::move(r));
}

void Loader::override_rule(const xmlNode* n, RulePack& pack) {
    check_attrs(n, {"rule", "severity", "route", "weight", "document"});
    check_children(n, {"title", "citation", "param", "message", "pass", "fix"});
    const std::string id = required(n, "rule");
    auto it = std::find_if(pack.rules.begin(), pack.rules.end(), [&](const Rule& r) { return r.id == id; });
    if (it == pack.rules.end()) {
        if (!id.empty()) err(n, "<override> names rule '" + id + "', which the pack does not have");
        return;
    }
    if (xml::has_attr(n, "severity")) it->severity = severity(n, std::string(xml::attr(n, "severity")));
    if (xml::has_attr(n, "route")) it->route = xml::attr(n, "route");
    if (xml::has_attr(n, "document")) it->document = xml::attr(n, "document");
    if (xml::has_attr(n, "weight"))
        it->weight = number(n, "weight");
    else if (xml::has_attr(n, "severity") && weights_.count(it->severity))
        it->weight = weights_[it->severity];
    rule_body(n, *it);
    it->file = file_;
    it->line = line_of(n);
}

void Loader::disable(const xmlNode* n, RulePack& pack) {
    check_attrs(n, {"rule"});
    check_children(n, {});
    const std::string id = required(n, "rule");
    auto it = std::find_if(pack.rules.begin(), pack.rules.end(), [&](const Rule& r) { return r.id == id; });
    if (it == pack.rules.end()) {
        if (!id.empty()) err(n, "<disable> names rule '" + id + "', which the pack does not have");
        return;
    }
    pack.rules.erase(it);
}

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& x : v) out += (out.empty() ? "" : ", ") + x;
    return out;
}

// Every {name} in a rule's message, pass and fix templates must be a value its kind provides.
void check_placeholders(const Kind& k, const Rule& r,
                        const std::function<void(const std::string&, const std::string&, int)>& bad) {
    const std::vector<std::string> provided = text::split(k.vars, ' ');
    for (const auto* tmpl : {&r.message, &r.pass, &r.fix}) {
        for (size_t open = tmpl->find('{'); open != std::string::npos; open = tmpl->find('{', open + 1)) {
            const size_t close = tmpl->find('}', open);
            if (close == std::string::npos) {
                bad("unclosed '{' in \"" + *tmpl + "\"", r.file, r.line);
                break;
            }
            const std::string name = tmpl->substr(open + 1, close - open - 1);
            if (kCommonVars.count(name) || std::find(provided.begin(), provided.end(), name) != provided.end())
                continue;
            bad("kind " + r.kind + " provides no {" + name + "} (it provides: " + joined(provided) +
                    ", id, title, severity)",
                r.file, r.line);
        }
    }
}

// Checks one rule once the whole pack is merged, and fills its parameters from the pack's.
void resolve_rule(RulePack& pack, Rule& r, std::vector<Error>& errors) {
    auto bad = [&](const std::string& msg, const std::string& file, int line) {
        errors.push_back(Error{file, "rule " + (r.id.empty() ? std::string("?") : r.id) + ": " + msg, line});
    };
    if (!kRoutes.count(r.route))
        bad("unknown route '" + r.route +
                "' (general, sustained_progress, continuous_employment, discretionary, compliance or quality)",
            r.file, r.line);
    if (!kDocuments.count(r.document)) bad("unknown document '" + r.document + "'", r.file, r.line);
    if (r.title.empty()) bad("no <title>", r.file, r.line);
    if (r.citation.empty()) bad("no <citation> of the programme text it enforces", r.file, r.line);
    if (r.message.empty())
        bad("no <message>", r.file, r.line);
    else if (r.message.find("{id}") == std::string::npos && r.message.find(r.id) == std::string::npos)
        bad("the <message> does not name the rule (write {id})", r.file, r.line);
    if (r.weight < 0)
        bad("no weight, and the pack's <scoring> gives none for '" + std::string(to_string(r.severity)) + "'", r.file,
            r.line);
    const Kind* k = find_kind(r.kind);
    if (!k) {
        if (!r.kind.empty()) bad("unknown kind '" + r.kind + "' (tfaudit rules kinds lists them)", r.file, r.line);
        return;
    }
    for (const auto& [name, p] : r.params)
        if (std::none_of(k->params.begin(), k->params.end(),
                         [&, &n = name](const ParamSpec& s) { return n == s.name; }))  // clang 14: no binding captures
            bad("kind " + r.kind + " has no parameter '" + name + "'", p.file, p.line);
    for (const auto& spec : k->params) {
        if (!r.params.count(spec.name)) {
            auto it = pack.parameters.find(spec.name);
            if (it == pack.parameters.end()) {
                bad("kind " + r.kind + " needs parameter '" + spec.name + "' (" + spec.help + ")", r.file, r.line);
                continue;
            }
            r.params[spec.name] = it->second;
        }
        const Param& p = r.params[spec.name];
        if (auto e = validate_param(spec, p.value); !e.empty())
            bad("parameter '" + std::string(spec.name) + "': " + e, p.file, p.line);
    }
    check_placeholders(*k, r, bad);
}

std::vector<Error> load_all(const std::string& name_or_path, const std::string& rules_dir, RulePack& pack) {
    std::vector<Error> errors;
    const std::string path = resolve_path(name_or_path, rules_dir, "");
    Loader loader(rules_dir, errors);
    if (!loader.load(path, pack, 0)) return errors;
    for (auto& r : pack.rules) resolve_rule(pack, r, errors);
    for (const auto& m : pack.measures)
        if (std::none_of(pack.criteria.begin(), pack.criteria.end(),
                         [&](const Criterion& c) { return c.id == m.criterion; }))
            errors.push_back(
                Error{m.file, "<measure> names criterion '" + m.criterion + "', which the pack does not have", m.line});
    if (pack.rules.empty() && errors.empty()) errors.push_back(Error{path, "the pack has no rules"});
    return errors;
}

}  // namespace

Result<RulePack> load_pack(const std::string& name_or_path, const std::string& rules_dir) {
    RulePack pack;
    auto errors = load_all(name_or_path, rules_dir, pack);
    if (!errors.empty()) return errors.front();
    return pack;
}

std::vector<Error> lint_pack(const std::string& path, const std::string& rules_dir) {
    RulePack pack;
    return load_all(path, rules_dir, pack);
}

std::vector<std::string> list_pack_files(const std::string& rules_dir) {
    return files::files_ending(rules_dir, ".xml");
}

}  // namespace tfa::rules
