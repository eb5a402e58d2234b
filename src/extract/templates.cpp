#include "extract/templates.h"

#include "model/schema.h"

#include <Poco/Exception.h>
#include <Poco/RegularExpression.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <fstream>
#include <map>
#include <sstream>

#include "core/files.h"
#include "core/text.h"
#include "readers/reader.h"
#include "readers/xml.h"

namespace tfa::extract {

std::string Origin::str() const { return tmpl + " (" + file + ":" + std::to_string(line) + ")"; }

const std::vector<std::string>& field_names() {
    static const std::vector<std::string> v = [] {
        std::vector<std::string> names;
        for (const auto& f : template_fields()) names.push_back(f.name);
        return names;
    }();
    return v;
}

namespace {
constexpr std::array<std::pair<Section, const char*>, 14> kSections{{{Section::Consent, "consent"},
                                                                     {Section::Manager, "manager"},
                                                                     {Section::Criteria, "criteria"},
                                                                     {Section::VoiceOfChild, "voice_of_child"},
                                                                     {Section::Household, "household"},
                                                                     {Section::Plan, "plan"},
                                                                     {Section::Review, "review"},
                                                                     {Section::Closure, "closure"},
                                                                     {Section::Evidence, "evidence"},
                                                                     {Section::Analysis, "analysis"},
                                                                     {Section::Professionals, "professionals"},
                                                                     {Section::Lead, "lead"},
                                                                     {Section::Employment, "employment"},
                                                                     {Section::Other, "other"}}};
}  // namespace

const char* to_string(Section s) {
    for (const auto& [x, w] : kSections)
        if (x == s) return w;
    return "";
}

std::optional<Section> parse_section(std::string_view word) {
    for (const auto& [x, w] : kSections)
        if (word == w) return x;
    return std::nullopt;
}

const std::vector<std::string>& section_names() {
    static const std::vector<std::string> v = [] {
        std::vector<std::string> words;
        for (const auto& [x, w] : kSections) words.push_back(w);
        return words;
    }();
    return v;
}

const std::vector<std::string>& table_kinds() {
    static const std::vector<std::string> v = {"members", "criteria", "plan",         "review",
                                               "closure", "evidence", "professionals"};
    return v;
}

const std::vector<std::string>& columns_of(const std::string& table) {
    static const std::map<std::string, std::vector<std::string>> m = {
        {"members", {"name", "forename", "surname", "relationship", "dob", "gender", "school"}},
        {"criteria", {"criterion", "identified", "evidence", "members"}},
        {"plan", {"need", "criterion", "outcome", "action", "who", "by_when", "progress"}},
        {"review", {"outcome", "need", "criterion", "progress", "rating", "achieved"}},
        {"closure", {"criterion", "outcome", "need", "achieved", "date_achieved", "sustained_since", "evidence"}},
        {"evidence", {"criterion", "member", "measure", "period_start", "period_end", "value", "date"}},
        {"professionals", {"agency", "name", "contact"}},
    };
    static const std::vector<std::string> none;
    auto it = m.find(table);
    return it == m.end() ? none : it->second;
}

namespace {
constexpr std::array<std::pair<DocType, const char*>, 5> kDocTypes{{{DocType::Assessment, "assessment"},
                                                                    {DocType::Plan, "plan"},
                                                                    {DocType::Review, "review"},
                                                                    {DocType::Closure, "closure"},
                                                                    {DocType::Evidence, "evidence"}}};
}  // namespace

const char* to_string(DocType t) {
    for (const auto& [x, w] : kDocTypes)
        if (x == t) return w;
    return "?";
}

std::optional<DocType> parse_doc_type(std::string_view word) {
    for (const auto& [x, w] : kDocTypes)
        if (word == w) return x;
    return std::nullopt;
}

const std::vector<std::string>& document_types() {
    static const std::vector<std::string> v = [] {
        std::vector<std::string> words;
        for (const auto& [x, w] : kDocTypes) words.push_back(w);
        return words;
    }();
    return v;
}

const std::vector<std::string>& pattern_names() {
    static const std::vector<std::string> v = {"outcome", "action",         "who",      "by_when",
                                               "council", "criterion_code", "reference"};
    return v;
}

namespace {

bool in(const std::vector<std::string>& set, const std::string& v) {
    return std::find(set.begin(), set.end(), v) != set.end();
}

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}

// The closest name in `set` to `v` by edit distance, for "did you mean" hints.
std::string closest(const std::vector<std::string>& set, const std::string& v) {
    std::string best;
    size_t best_d = 4;
    for (const auto& s : set) {
        std::vector<size_t> prev(v.size() + 1), cur(v.size() + 1);
        for (size_t j = 0; j <= v.size(); ++j) prev[j] = j;
        for (size_t i = 1; i <= s.size(); ++i) {
            cur[0] = i;
            for (size_t j = 1; j <= v.size(); ++j)
                cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (s[i - 1] == v[j - 1] ? 0 : 1)});
            prev.swap(cur);
        }
        if (prev[v.size()] < best_d) {
            best_d = prev[v.size()];
            best = s;
        }
    }
    return best;
}

class Loader {
public:
    Loader(std::string path, std::vector<Error>& errors) : path_(std::move(path)), errors_(errors) {}

    Template load(const xmlNode* root) {
        Template t;
        t.file = path_;
        if (xml::name(root) != "template") {
            fail(root, "the root element must be <template>, not <" + std::string(xml::name(root)) + ">");
            return t;
        }
        check_attrs(root, {"name", "council", "description"});
        t.name = std::string(xml::attr(root, "name"));
        if (t.name.empty()) fail(root, "<template> needs a name attribute");
        t.council = std::string(xml::attr(root, "council"));
        t.description = std::string(xml::attr(root, "description"));
        tmpl_ = t.name;
        for (const xmlNode* n = xml::first_el(root); n; n = xml::next_el(n)) element(n, t);
        return t;
    }

private:
    void fail(const xmlNode* n, const std::string& msg) {
        errors_.push_back(Error{path_, msg, n ? static_cast<int>(xmlGetLineNo(const_cast<xmlNode*>(n))) : 0});
    }

    Origin origin(const xmlNode* n) const {
        return Origin{tmpl_, path_, static_cast<int>(xmlGetLineNo(const_cast<xmlNode*>(n)))};
    }

    void check_attrs(const xmlNode* n, std::initializer_list<const char*> allowed) {
        for (const xmlAttr* a = n->properties; a; a = a->next) {
            const std::string an = reinterpret_cast<const char*>(a->name);
            bool ok = false;
            for (const char* x : allowed) ok = ok || an == x;
            if (!ok) fail(n, "unknown attribute '" + an + "' on <" + std::string(xml::name(n)) + ">");
        }
    }

    // The trimmed text of an element that must hold text only.
    std::string text_of(const xmlNode* n) {
        if (xml::first_el(n)) fail(n, "<" + std::string(xml::name(n)) + "> holds text, not elements");
        std::string s = text::collapse_ws(xml::text_of(n));
        if (s.empty()) fail(n, "<" + std::string(xml::name(n)) + "> is empty");
        return s;
    }

    // Children named `child` of `n` as texts; any other child is an error.
    std::vector<std::pair<std::string, const xmlNode*>> terms(const xmlNode* n,
                                                              std::initializer_list<const char*> kinds) {
        std::vector<std::pair<std::string, const xmlNode*>> out;
        for (const xmlNode* c = xml::first_el(n); c; c = xml::next_el(c)) {
            bool ok = false;
            for (const char* k : kinds) ok = ok || xml::name(c) == k;
            if (!ok) {
                std::string list;
                for (const char* k : kinds) list += (list.empty() ? "<" : ", <") + std::string(k) + ">";
                fail(c, "unknown element <" + std::string(xml::name(c)) + "> in <" + std::string(xml::name(n)) +
                            ">; expected " + list);
                continue;
            }
            check_attrs(c, {});
            out.emplace_back(text_of(c), c);
        }
        return out;
    }

    void need_in(const xmlNode* n, const char* what, const std::string& v, const std::vector<std::string>& set) {
        if (in(set, v)) return;
        std::string msg = "unknown " + std::string(what) + " '" + v + "'";
        const std::string hint = closest(set, v);
        msg += hint.empty() ? " (known: " + join(set) + ")" : "; did you mean '" + hint + "'?";
        fail(n, msg);
    }

    void element(const xmlNode* n, Template& t) {
        const std::string nm(xml::name(n));
        if (nm == "match") {
            check_attrs(n, {});
            for (auto& [v, c] : terms(n, {"contains", "format"})) {
                if (xml::name(c) == "contains")
                    t.match_phrases.push_back(text::match_key(v));
                else
                    t.match_formats.push_back(text::lower(v));
            }
        } else if (nm == "placeholder") {
            check_attrs(n, {});
            t.placeholders.push_back(text::match_key(text_of(n)));
        } else if (nm == "field") {
            check_attrs(n, {"name", "context"});
            const std::string field(xml::attr(n, "name")), ctx(xml::attr(n, "context"));
            need_in(n, "field", field, field_names());
            if (!ctx.empty()) need_in(n, "context section", ctx, section_names());
            const Section context = parse_section(ctx).value_or(Section::None);
            for (auto& [v, c] : terms(n, {"label", "statement"}))
                t.labels.push_back({field, context, v, text::match_key(v), origin(c), xml::name(c) == "statement"});
        } else if (nm == "section") {
            check_attrs(n, {"name"});
            const std::string s(xml::attr(n, "name"));
            need_in(n, "section", s, section_names());
            const Section section = parse_section(s).value_or(Section::Other);
            for (auto& [v, c] : terms(n, {"label"})) t.sections.push_back({section, v, text::match_key(v), origin(c)});
        } else if (nm == "table") {
            table(n, t);
        } else if (nm == "document") {
            check_attrs(n, {"type"});
            std::vector<DocType> types;
            for (const auto& ty : text::split(text::collapse_ws(xml::attr(n, "type")), ' ')) {
                need_in(n, "document type", ty, document_types());
                if (auto t = parse_doc_type(ty)) types.push_back(*t);
            }
            for (auto& [v, c] : terms(n, {"title", "file-name"}))
                t.titles.push_back({types, v, text::match_key(v), origin(c), xml::name(c) == "file-name"});
        } else if (nm == "criterion") {
            check_attrs(n, {"id", "set"});
            const std::string id(xml::attr(n, "id")), set(xml::attr(n, "set"));
            if (id.empty()) fail(n, "<criterion> needs an id");
            if (set.empty()) fail(n, "<criterion> needs a set (the vocabulary its rule packs use, e.g. tf or sf)");
            for (auto& [v, c] : terms(n, {"name", "theme", "code", "cue"}))
                t.criteria.push_back({id, std::string(xml::name(c)), set, v, text::match_key(v), origin(c)});
        } else if (nm == "value") {
            value(n, t);
        } else if (nm == "date-format") {
            date_format(n, t);
        } else if (nm == "no-criterion") {
            check_attrs(n, {});
            for (auto& [v, c] : terms(n, {"goal"})) t.no_criterion.push_back({v, text::match_key(v), origin(c)});
        } else if (nm == "pattern") {
            check_attrs(n, {"name"});
            const std::string pname(xml::attr(n, "name"));
            need_in(n, "pattern", pname, pattern_names());
            Pattern p{pname, text_of(n), nullptr, origin(n)};
            try {
                p.re = std::make_shared<Poco::RegularExpression>(
                    p.source, Poco::RegularExpression::RE_CASELESS | Poco::RegularExpression::RE_UTF8);
            } catch (const Poco::Exception& e) {
                fail(n, "bad pattern '" + p.source + "': " + e.message());
            }
            // A reference pattern that matches empty text would find a "reference" everywhere.
            Poco::RegularExpression::Match m;
            if (p.re && pname == "reference" && p.re->match("", 0, m) > 0)
                fail(n, "reference pattern '" + p.source + "' matches empty text; it must match a whole reference");
            t.patterns.push_back(std::move(p));
        } else {
            fail(n, "unknown element <" + nm +
                        ">; expected one of <match>, <placeholder>, <field>, <section>, "
                        "<table>, <document>, <criterion>, <no-criterion>, <value>, <date-format>, <pattern>");
        }
    }

    // <value of="KIND" means="VALUE" [better="higher|lower"]><word>...</word></value>
    void value(const xmlNode* n, Template& t) {
        check_attrs(n, {"of", "means", "better"});
        const std::string what(xml::attr(n, "of")), means(xml::attr(n, "means")), better(xml::attr(n, "better"));
        need_in(n, "value kind", what, {"scope", "measure", "benefit", "achieved", "answer", "rating"});
        if (means.empty()) fail(n, "<value> needs a means attribute");
        if (xml::has_attr(n, "better")) {
            if (what != "measure")
                fail(n, "better=\"" + better + "\" is for measures (<value of=\"measure\">), not " + what);
            else if (better != "higher" && better != "lower")
                fail(n, "better must be 'higher' or 'lower' (which way the measure improves), not '" + better + "'");
        }
        // A measure's name is a record value the rule packs name: lower-case letters, digits, '_'.
        if (what == "measure" && !means.empty() &&
            (!std::islower(static_cast<unsigned char>(means[0])) ||
             !std::all_of(means.begin(), means.end(), [](char c) {
                 return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) ||
                        c == '_';
             })))
            fail(n,
                 "measure name '" + means + "' must be lower-case letters, digits and '_' (e.g. youth_club_sessions)");
        for (auto& [v, c] : terms(n, {"word"}))
            t.values.push_back({what, means, v, text::match_key(v), origin(c), better});
    }

    // <date-format [pivot="NN"]>dd.mm.yy</date-format>
    void date_format(const xmlNode* n, Template& t) {
        check_attrs(n, {"pivot"});
        DateFormat f;
        f.text = text_of(n);
        f.origin = origin(n);
        std::string why;
        if (!f.text.empty() && !dates::read_format(f.text, f.format, why)) fail(n, "bad date format " + why);
        if (xml::has_attr(n, "pivot")) {
            const std::string p = text::trim(xml::attr(n, "pivot"));
            const bool digits = !p.empty() && p.size() <= 2 && std::all_of(p.begin(), p.end(), [](char c) {
                return std::isdigit(static_cast<unsigned char>(c));
            });
            if (!digits)
                fail(n, "pivot must be a two-digit year 0-99 (two-digit years up to it are 20yy), not '" + p + "'");
            else
                f.pivot = std::atoi(p.c_str());
        }
        for (const auto& g : t.date_formats) {
            if (f.pivot >= 0 && g.pivot >= 0 && f.pivot != g.pivot)
                fail(n, "pivot " + std::to_string(f.pivot) + " differs from pivot " + std::to_string(g.pivot) +
                            " of the date format on line " + std::to_string(g.origin.line) + "; a council has one");
            if (f.format.matters() && g.format.matters() && f.format.sep == g.format.sep &&
                f.format.order != g.format.order)
                fail(n, "date format '" + f.text + "' reads '" + std::string(1, f.format.sep) +
                            "' dates in another order than '" + g.text + "' on line " + std::to_string(g.origin.line) +
                            ": tfaudit could not tell which a date is");
        }
        t.date_formats.push_back(std::move(f));
    }

    void table(const xmlNode* n, Template& t) {
        check_attrs(n, {"kind"});
        const std::string kind(xml::attr(n, "kind"));
        need_in(n, "table kind", kind, table_kinds());
        for (const xmlNode* c = xml::first_el(n); c; c = xml::next_el(c)) {
            if (xml::name(c) != "column") {
                fail(c, "unknown element <" + std::string(xml::name(c)) + "> in <table>; expected <column>");
                continue;
            }
            check_attrs(c, {"name"});
            const std::string col(xml::attr(c, "name"));
            need_in(c, ("column of a " + kind + " table").c_str(), col, columns_of(kind));
            for (auto& [v, l] : terms(c, {"label"})) t.columns.push_back({kind, col, v, text::match_key(v), origin(l)});
        }
    }

    std::string path_;
    std::string tmpl_;
    std::vector<Error>& errors_;
};

// A measure given both directions (better="higher" and "lower") by `ts`, or nullopt.
std::optional<Error> direction_conflict(const std::vector<const Template*>& ts) {
    std::map<std::string, const ValueTerm*> seen;
    for (const Template* t : ts)
        for (const auto& v : t->values) {
            if (v.what != "measure" || v.better.empty()) continue;
            auto [it, fresh] = seen.emplace(v.value, &v);
            if (fresh || it->second->better == v.better) continue;
            return Error{v.origin.file,
                         "measure '" + v.value + "' is better " + v.better + " here and better " + it->second->better +
                             " in " + it->second->origin.file + ":" + std::to_string(it->second->origin.line) +
                             ": a measure improves one way",
                         v.origin.line};
        }
    return std::nullopt;
}

Result<Template> load_one(const std::string& path, std::vector<Error>& errors) {
    auto doc = xml::load_data_file(path, "template");
    if (!doc) {
        // "malformed XML in template: line 3: ..." → "path:3: malformed XML: ..."
        Error e = doc.error();
        const std::string prefix = "malformed XML in template: line ";
        if (text::starts_with(e.message, prefix)) {
            const std::string rest = e.message.substr(prefix.size());
            e.line = std::atoi(rest.c_str());
            e.message = "malformed XML: " + rest.substr(rest.find(": ") + 2);
        }
        errors.push_back(e);
        return e;
    }
    const size_t before = errors.size();
    Loader l(path, errors);
    Template t = l.load(xmlDocGetRootElement(doc.value().get()));
    // A label that is both a section's and a field's: a heading or row holding it would open the
    // section and silently lose the field's value (or the reverse).
    for (const auto& sec : t.sections)
        for (const auto& f : t.labels)
            if (!f.statement && f.key == sec.key)
                errors.push_back(Error{path,
                                       "label '" + sec.label + "' names both section '" + to_string(sec.section) +
                                           "' and field '" + f.field + "' (line " + std::to_string(f.origin.line) +
                                           "): keep it in one (a field's label opens its section itself)",
                                       sec.origin.line});
    for (const auto& g : t.no_criterion)
        for (const auto& c : t.criteria)
            if (c.kind != "cue" && c.key == g.key)
                errors.push_back(Error{path,
                                       "goal '" + g.name + "' is listed as carrying no criterion and is also the " +
                                           c.kind + " of criterion '" + c.criterion + "' (line " +
                                           std::to_string(c.origin.line) + "): keep it in one",
                                       g.origin.line});
    if (auto e = direction_conflict({&t}); e) errors.push_back(*e);
    if (errors.size() > before) return errors[before];
    return t;
}

}  // namespace

Result<Template> load_template(const std::string& path) {
    std::vector<Error> errors;
    return load_one(path, errors);
}

Result<std::vector<Template>> load_templates(const std::string& dir) {
    const auto files = files::files_ending(dir, ".xml");
    if (files.empty()) return Error{dir, "no template files (*.xml) in the templates folder"};
    std::vector<Template> out;
    std::map<std::string, std::string> names;
    for (const auto& f : files) {
        auto t = load_template(f);
        if (!t) return t.error();
        if (names.count(t->name)) return Error{f, "template name '" + t->name + "' is also used by " + names[t->name]};
        names[t->name] = f;
        out.push_back(std::move(t).value());
    }
    std::vector<const Template*> all;
    for (const auto& t : out) all.push_back(&t);
    if (auto e = direction_conflict(all)) return *e;
    return out;
}

std::vector<Error> lint_templates(const std::vector<std::string>& paths) {
    std::vector<Error> errors;
    std::vector<std::string> files;
    for (const auto& p : paths) {
        const auto in_dir = files::files_ending(p, ".xml");
        if (!in_dir.empty())
            files.insert(files.end(), in_dir.begin(), in_dir.end());
        else
            files.push_back(p);
    }
    std::map<std::string, std::string> names;
    std::vector<Template> loaded;
    for (const auto& f : files) {
        auto t = load_one(f, errors);
        if (!t) continue;
        if (names.count(t->name))
            errors.push_back(Error{f, "template name '" + t->name + "' is also used by " + names[t->name], 1});
        names[t->name] = f;
        loaded.push_back(std::move(t).value());
    }
    std::vector<const Template*> all;
    for (const auto& t : loaded) all.push_back(&t);
    if (auto e = direction_conflict(all)) errors.push_back(*e);
    return errors;
}

}  // namespace tfa::extract
