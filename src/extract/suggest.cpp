#include "extract/suggest.h"

#include <Poco/RegularExpression.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "core/text.h"
#include "extract/dates.h"

namespace tfa::extract {

namespace {

// ---- likeness ------------------------------------------------------------------------------

// Words councils use for the same thing on their forms. A guess, not a rule: the draft says how
// sure it is and a person decides.
const std::map<std::string, std::string>& synonyms() {
    static const std::map<std::string, std::string> m{{"goal", "outcome"},
                                                      {"goals", "outcome"},
                                                      {"aim", "outcome"},
                                                      {"met", "achieved"},
                                                      {"began", "started"},
                                                      {"begun", "started"},
                                                      {"opened", "started"},
                                                      {"finished", "completed"},
                                                      {"closed", "closure"},
                                                      {"service", "agency"},
                                                      {"team", "agency"},
                                                      {"organisation", "agency"},
                                                      {"ref", "reference"},
                                                      {"no", "number"},
                                                      {"came", "present"},
                                                      {"attended", "present"},
                                                      {"person", "member"},
                                                      {"indicator", "measure"},
                                                      {"result", "value"},
                                                      {"figure", "value"},
                                                      {"start", "started"},
                                                      {"end", "ended"},
                                                      {"update", "progress"},
                                                      {"issue", "criterion"},
                                                      {"approval", "authorisation"},
                                                      {"approved", "authorised"},
                                                      {"apply", "identified"},
                                                      {"know", "evidence"},
                                                      {"written", "completed"},
                                                      {"recorded", "completed"},
                                                      {"checked", "authorised"},
                                                      {"area", "criterion"},
                                                      {"problem", "criterion"},
                                                      {"born", "dob"},
                                                      {"steps", "action"},
                                                      {"actions", "action"},
                                                      {"when", "by_when"},
                                                      {"whom", "who"},
                                                      {"responsible", "who"},
                                                      {"role", "relationship"},
                                                      {"measured", "measure"},
                                                      {"sustained", "sustained"}};
    return m;
}

const std::set<std::string>& stop_words() {
    static const std::set<std::string> s{"of",  "the", "on",   "by",   "to",  "a",    "an",   "and",
                                         "in",  "for", "date", "is",   "are", "we",   "our",  "this",
                                         "did", "do",  "how",  "what", "s",   "will", "does", "up"};
    return s;
}

std::string stem(std::string w) {
    if (auto it = synonyms().find(w); it != synonyms().end()) return it->second;
    if (w.size() > 4 && text::ends_with(w, "s")) w.pop_back();
    if (auto it = synonyms().find(w); it != synonyms().end()) return it->second;
    return w;
}

std::set<std::string> words_of(const std::string& key) {
    std::set<std::string> out;
    for (const auto& w : text::split(key, ' '))
        if (!w.empty() && !stop_words().count(w)) out.insert(stem(w));
    return out;
}

size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

std::string fixed2(double v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

// ---- what the templates know -----------------------------------------------------------------

bool is_date_field(const std::string& f) {
    return f.find("date") != std::string::npos || f == "assessment_started" || f == "assessment_completed" ||
           f == "next_review";
}

struct Knowledge {
    std::vector<const LabelRule*> labels;
    std::vector<const ColumnRule*> columns;
    std::vector<const TitleRule*> titles;
    std::set<std::string> shared_keys;  // labels and sections every document already knows
};

Knowledge knowledge(const Vocab& v) {
    Knowledge k;
    for (const auto& t : v.templates()) {
        for (const auto& l : t.labels) {
            k.labels.push_back(&l);
            if (t.always()) k.shared_keys.insert(l.key);
        }
        for (const auto& c : t.columns) k.columns.push_back(&c);
        for (const auto& ti : t.titles) k.titles.push_back(&ti);
        if (t.always())
            for (const auto& s : t.sections) k.shared_keys.insert(s.key);
    }
    return k;
}

// ---- what the documents hold ----------------------------------------------------------------

std::string file_name(const std::string& path) {
    const size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string where(const SuggestDoc& d, const Location& loc) { return file_name(d.doc.path) + ", " + loc.where(); }

// Keeps "--" out of XML comments.
std::string comment_safe(std::string s) {
    for (size_t i; (i = s.find("--")) != std::string::npos;) s.replace(i, 2, "- -");
    if (!s.empty() && s.back() == '-') s += ' ';
    return s;
}

struct LabelSeen {
    std::string label, value, place;
    bool has_value = false;
    std::string section;  // the section the label sits in, by its heading's likeness to known ones
};

// The section a heading opens: a known section label, or the one it is most like (0.5 or more).
std::string section_of(const Vocab& v, const Active& active, const std::string& heading) {
    const std::string key = text::match_key(heading);
    if (const SectionRule* r = v.section(key, active)) return to_string(r->section);
    std::string best;
    double sure = 0.5;
    for (const auto& t : v.templates())
        for (const auto& s : t.sections)
            if (const double l = label_likeness(key, s.key); l >= sure) best = to_string(s.section), sure = l;
    return best;
}

bool label_like(const std::string& s) {
    if (s.empty() || s.size() > 60) return false;
    if (dates::parse(s).status != dates::Status::None) return false;
    return std::none_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// A table of label | value pairs: every row an even number of cells, each even cell label-like,
// and a first row that is not a header of column names (every cell label-like, half of them like
// a known column: "First name | Last name | Relationship | Born").
bool pairs_table(const Block& t, const Knowledge& k) {
    if (t.rows.size() >= 2) {
        size_t labels = 0, columns = 0;
        for (const auto& c : t.rows[0].cells) {
            const std::string s = text::collapse_ws(c.text());
            if (!label_like(s)) break;
            ++labels;
            double best = 0;
            for (const ColumnRule* col : k.columns) best = std::max(best, label_likeness(text::match_key(s), col->key));
            if (best >= 0.6) ++columns;
        }
        if (labels == t.rows[0].cells.size() && 2 * columns >= labels) return false;
    }
    for (const auto& r : t.rows) {
        if (r.cells.size() < 2 || r.cells.size() % 2) return false;
        for (size_t i = 0; i < r.cells.size(); i += 2) {
            const std::string s = text::collapse_ws(r.cells[i].text());
            if (!s.empty() && !label_like(s)) return false;
        }
    }
    return true;
}

void labels_in(const SuggestDoc& d, const Vocab& v, const Knowledge& k, std::vector<LabelSeen>& out) {
    const Active active = v.active(d.doc);
    std::string section;
    for (const auto& b : d.doc.body) {
        if (!b.is_table()) {
            if (b.kind == BlockKind::Heading) section = section_of(v, active, b.text);
            continue;
        }
        if (!pairs_table(b, k)) continue;
        for (const auto& r : b.rows)
            for (size_t i = 0; i + 1 < r.cells.size(); i += 2) {
                const std::string l = text::collapse_ws(r.cells[i].text());
                if (l.empty()) continue;
                out.push_back({l, text::collapse_ws(r.cells[i + 1].text()), where(d, r.cells[i].loc), true, section});
            }
    }
    for (const auto& [label, src] : d.facts.unmatched) {
        LabelSeen s{text::collapse_ws(label), "", file_name(d.doc.path) + ", " + src.where, false, ""};
        const std::string q = text::collapse_ws(src.quote);
        if (q.size() > s.label.size() + 1 && text::starts_with(q, s.label)) {
            s.value = text::trim(q.substr(s.label.size() + 1));
            s.has_value = true;
        }
        out.push_back(s);
    }
}

// ---- the guesses ----------------------------------------------------------------------------

struct Guess {
    std::string what;  // the XML element(s)
    std::string why;   // the comment
    double sure = 0;
};

// The type a title or file name names by its words, or "".
std::string type_from_words(const std::string& s) {
    const std::string k = text::match_key(s);
    static const std::vector<std::pair<const char*, const char*>> words{
        {"clos", "closure"},      {"review", "review"},     {"meeting", "review"},    {"plan", "plan"},
        {"assess", "assessment"}, {"evidence", "evidence"}, {"hard data", "evidence"}};
    for (const auto& [w, t] : words)
        if (k.find(w) != std::string::npos) return t;
    return "";
}

// A document's type by its title's or file name's words, else as the extractor inferred it.
std::string type_of_doc(const SuggestDoc& d) {
    std::string t = type_from_words(d.doc.title + " " + file_name(d.doc.path));
    if (t.empty() && !d.facts.types.empty()) t = to_string(d.facts.types[0]);
    return t;
}

// The document type a field belongs to, when it belongs to one ("" for fields of any document).
std::string type_of_field(const std::string& f) {
    if (text::starts_with(f, "closure_")) return "closure";
    if (text::starts_with(f, "review_") || f == "attendees" || f == "apologies" || f == "next_review") return "review";
    if (f == "plan_date") return "plan";
    if (text::starts_with(f, "assessment_")) return "assessment";
    return "";
}

// The field a label is most like. Fields already found in the document (`taken`) are left for
// other labels; a field of the document's own type fits better, one of another type worse.
const LabelRule* best_label(const Knowledge& k, const LabelSeen& s, const std::string& ref_token,
                            const std::string& doc_type, const std::set<std::string>& taken, double& sure) {
    const std::string key = text::match_key(s.label);
    const bool is_date = s.has_value && dates::parse(s.value).status == dates::Status::Ok;
    const LabelRule* best = nullptr;
    sure = 0;
    for (const LabelRule* r : k.labels) {
        if (s.has_value && !s.value.empty() && is_date != is_date_field(r->field)) continue;
        if (taken.count(r->field)) continue;
        double v = label_likeness(key, r->key);
        if (const std::string t = type_of_field(r->field); !t.empty() && !doc_type.empty())
            v += t == doc_type ? 0.15 : -0.15;
        // A rule for one section fits a label in that section better, and one elsewhere worse.
        if (r->context != Section::None) v += to_string(r->context) == s.section ? 0.15 : -0.2;
        v = std::min(v, 1.0);
        if (r->field == "family_ref" && !ref_token.empty() && s.value == ref_token) v = std::max(v, 0.9);
        if (v > sure || (v == sure && best && r->context == Section::None && best->context != Section::None)) {
            sure = v;
            best = r;
        }
    }
    return best;
}

// The vocabulary set ("tf", "sf") whose criterion ids best cover the rule pack's.
std::string criteria_set(const Vocab& v) {
    std::map<std::string, std::set<std::string>> ids;
    for (const auto& t : v.templates())
        for (const auto& c : t.criteria)
            if (std::count(v.criteria_order().begin(), v.criteria_order().end(), c.criterion))
                ids[c.set].insert(c.criterion);
    std::string best;
    for (const auto& [set, in] : ids)
        if (best.empty() || in.size() > ids[best].size()) best = set;
    return best;
}

// The criterion a term is most like (a problem named in the council's own words), or null.
const CriterionTerm* best_criterion(const Vocab& v, const std::string& key, double& sure) {
    const CriterionTerm* best = nullptr;
    const std::string set = criteria_set(v);
    sure = 0;
    for (const auto& t : v.templates())
        for (const auto& c : t.criteria) {
            if (c.kind == "cue" || c.set != set) continue;
            if (const double l = label_likeness(key, c.key); l > sure) best = &c, sure = l;
        }
    return best;
}

Guess criterion_guess(const LabelSeen& s, const CriterionTerm& c, double sure) {
    Guess g;
    g.sure = sure;
    g.what = "<criterion id=\"" + c.criterion + "\" set=\"" + c.set + "\"><name>" + text::xml_escape(s.label) +
             "</name></criterion>";
    g.why = "\"" + s.label + "\" at " + s.place + ": a problem like \"" + c.term + "\" (" + c.criterion + "), sure " +
            fixed2(sure);
    return g;
}

Guess field_guess(const LabelSeen& s, const LabelRule* r, double sure) {
    Guess g;
    g.sure = sure;
    const std::string ctx =
        r && r->context != Section::None ? " context=\"" + std::string(to_string(r->context)) + "\"" : "";
    if (r)
        g.what = "<field name=\"" + r->field + "\"" + ctx + "><label>" + text::xml_escape(s.label) + "</label></field>";
    g.why = "\"" + s.label + "\" at " + s.place + (s.has_value ? ", value \"" + s.value + "\"" : "") +
            (r ? ": like \"" + r->label + "\" (" + r->origin.tmpl + ")" : ": like no known label") + ", sure " +
            fixed2(sure);
    return g;
}

// A guess for each label no template knows, once per label: a field, or (for a label with no
// value, as in a criteria table's first column) a headline problem in the council's words.
std::vector<Guess> field_guesses(const std::vector<SuggestDoc>& docs, const Vocab& v, const Knowledge& k,
                                 const std::string& ref) {
    std::vector<Guess> out;
    std::set<std::string> done;
    for (const auto& d : docs) {
        std::set<std::string> matched, taken;
        for (const auto& h : d.facts.hits) {
            matched.insert(text::match_key(h.label));
            if (!text::trim(h.value).empty()) taken.insert(h.field);
        }
        const std::string doc_type = type_of_doc(d);
        std::vector<LabelSeen> seen;
        labels_in(d, v, k, seen);
        for (const auto& s : seen) {
            const std::string key = text::match_key(s.label);
            if (key.empty() || k.shared_keys.count(key) || matched.count(key) || !done.insert(key).second) continue;
            double sure = 0, csure = 0;
            const LabelRule* r = best_label(k, s, ref, doc_type, taken, sure);
            const CriterionTerm* c = s.has_value ? nullptr : best_criterion(v, key, csure);
            if (c && csure > sure) {
                out.push_back(criterion_guess(s, *c, csure));
                continue;
            }
            if (r && sure >= kSure) taken.insert(r->field);
            out.push_back(field_guess(s, r, sure));
        }
    }
    return out;
}

// What each column of a table holds under its header: 1 dates (every line of every filled cell
// is one), 0 something else, -1 nothing.
std::vector<int> dated_columns(const Block& t) {
    std::vector<int> out(t.rows[0].cells.size(), -1);
    for (size_t r = 1; r < t.rows.size(); ++r)
        for (size_t i = 0; i < t.rows[r].cells.size() && i < out.size(); ++i)
            for (const auto& line : text::split(t.rows[r].cells[i].text(), '\n')) {
                if (text::trim(line).empty()) continue;
                const bool date = dates::parse(line).status == dates::Status::Ok;
                out[i] = out[i] == -1 ? date : (out[i] && date);
            }
    return out;
}

bool is_date_column(const std::string& c) {
    return c == "date_achieved" || c == "sustained_since" || c == "by_when" || c == "period_start" ||
           c == "period_end" || c == "dob" || c == "date";
}

// How alike a header cell is to a column rule, 0 when what the column holds rules it out.
double column_likeness(const std::string& head, int dated, const ColumnRule& c) {
    if (dated != -1 && (dated == 1) != is_date_column(c.column)) return 0;
    return label_likeness(text::match_key(head), c.key);
}

// The kind whose columns the header cells are most like; the document's own type counts extra.
std::string kind_of(const std::vector<std::string>& heads, const std::vector<int>& dated, const Knowledge& k,
                    const std::string& doc_type, double& score) {
    std::map<std::string, double> by_kind;
    for (const auto& kind : table_kinds())
        for (size_t i = 0; i < heads.size(); ++i) {
            double best = 0;
            for (const ColumnRule* c : k.columns)
                if (c->table == kind) best = std::max(best, column_likeness(heads[i], dated[i], *c));
            if (best >= 0.4) by_kind[kind] += best;
        }
    if (by_kind.count(doc_type)) by_kind[doc_type] += 1.0;
    std::string kind;
    score = 0;
    for (const auto& [kd, s] : by_kind)
        if (s > score) kind = kd, score = s;
    return kind;
}

// Each header cell's column of `kind`, the likeliest pairs first, a column and a cell used once.
std::vector<std::pair<const ColumnRule*, double>> map_columns(const std::vector<std::string>& heads,
                                                              const std::vector<int>& dated, const Knowledge& k,
                                                              const std::string& kind) {
    struct Cand {
        size_t cell;
        const ColumnRule* col;
        double v;
    };
    std::vector<Cand> cands;
    for (size_t i = 0; i < heads.size(); ++i)
        for (const ColumnRule* c : k.columns)
            if (c->table == kind)
                if (const double v = column_likeness(heads[i], dated[i], *c); v >= 0.4) cands.push_back({i, c, v});
    std::stable_sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) { return a.v > b.v; });
    std::vector<std::pair<const ColumnRule*, double>> out(heads.size(), {nullptr, 0.0});
    std::set<std::string> used;
    for (const auto& c : cands)
        if (!out[c.cell].first && !used.count(c.col->column)) {
            out[c.cell] = {c.col, c.v};
            used.insert(c.col->column);
        }
    return out;
}

// The guess for one table's header row, or none (fewer than two columns guessed).
std::optional<Guess> table_guess(const SuggestDoc& d, const Block& b, const Knowledge& k) {
    std::vector<std::string> heads;
    for (const auto& c : b.rows[0].cells) heads.push_back(text::collapse_ws(c.text()));
    const std::vector<int> dated = dated_columns(b);
    double score = 0;
    const std::string kind = kind_of(heads, dated, k, type_of_doc(d), score);
    if (kind.empty()) return std::nullopt;
    const auto cols = map_columns(heads, dated, k, kind);
    std::string xml, notes;
    size_t n = 0;
    for (size_t i = 0; i < heads.size(); ++i) {
        const auto& [c, sure] = cols[i];
        if (!c) {
            notes += "\n       \"" + heads[i] + "\": no column guessed";
            continue;
        }
        ++n;
        xml += "\n    <!-- \"" + comment_safe(heads[i]) + "\" like \"" + comment_safe(c->label) + "\", sure " +
               fixed2(sure) + " -->\n    <column name=\"" + c->column + "\"><label>" + text::xml_escape(heads[i]) +
               "</label></column>";
    }
    if (n < 2) return std::nullopt;
    Guess g;
    g.sure = std::min(1.0, score / static_cast<double>(heads.size()));
    g.what = "<table kind=\"" + kind + "\">" + xml + "\n  </table>";
    g.why = "table header row at " + where(d, b.rows[0].cells[0].loc) + ": " + std::to_string(n) + " of " +
            std::to_string(heads.size()) + " columns like " + kind + " columns, sure " + fixed2(g.sure) +
            comment_safe(notes);
    return g;
}

// A guess for each table of three or more columns the extractor did not read, once per layout.
std::vector<Guess> table_guesses(const std::vector<SuggestDoc>& docs, const Knowledge& k) {
    std::vector<Guess> out;
    std::set<std::string> done;
    for (const auto& d : docs) {
        std::set<std::string> read;
        for (const auto& t : d.facts.tables) read.insert(t.src.where);
        for (const auto& b : d.doc.body) {
            if (!b.is_table() || b.rows.size() < 2 || b.rows[0].cells.size() < 3 || pairs_table(b, k)) continue;
            bool known = false;
            for (const auto& w : read) known = known || text::starts_with(w, b.loc.where());
            if (known) continue;
            auto g = table_guess(d, b, k);
            if (g && done.insert(g->what).second) out.push_back(std::move(*g));
        }
    }
    return out;
}

// A document's title: its properties' title, else its first short line; `place` says which.
std::string title_of(const Document& doc, std::string& place) {
    place = "document properties";
    if (!doc.title.empty()) return doc.title;
    for (size_t i = 0; i < doc.body.size() && i < 3; ++i) {
        const Block& b = doc.body[i];
        if (!b.is_table() && !text::trim(b.text).empty() && b.text.size() < 80) {
            place = b.loc.where();
            return text::collapse_ws(b.text);
        }
    }
    return "";
}

// A guess for each title that did not name its document's type.
std::vector<Guess> title_guesses(const std::vector<SuggestDoc>& docs) {
    std::vector<Guess> out;
    std::set<std::string> done;
    for (const auto& d : docs) {
        // A title that named the type needs nothing; one whose type came from the file name or the
        // content is a title the templates do not know.
        if (d.facts.type_from == "title" || d.doc.format == "csv" || !d.facts.error.empty()) continue;
        std::string place;
        const std::string title = title_of(d.doc, place);
        if (title.empty() || !done.insert(text::match_key(title)).second) continue;
        Guess g;
        std::string type = type_from_words(title), how = "the title's words";
        g.sure = 0.8;
        if (type.empty() && !d.facts.types.empty() && !d.facts.type_from.empty())
            type = to_string(d.facts.types[0]), how = "the " + d.facts.type_from + " (as the extractor read it)",
            g.sure = 0.7;
        if (type.empty()) type = type_from_words(file_name(d.doc.path)), how = "the file name", g.sure = 0.7;
        if (type.empty() && !d.facts.types.empty())
            type = to_string(d.facts.types[0]), how = "what the document holds", g.sure = 0.6;
        if (type.empty()) continue;
        g.what = "<document type=\"" + type + "\"><title>" + text::xml_escape(title) + "</title></document>";
        g.why = "\"" + title + "\" (" + file_name(d.doc.path) + ", " + place + "): " + type + " from " + how +
                ", sure " + fixed2(g.sure);
        out.push_back(std::move(g));
    }
    return out;
}

// ---- council, reference, dates ---------------------------------------------------------------

std::string council_in(const std::string& line) {
    static const Poco::RegularExpression re(
        "((?:[A-Z][\\w'-]+ )+(?:Metropolitan Borough |Borough |District |County |City )?Council)");
    std::vector<std::string> m;
    if (re.split(line, m) >= 2) return m[1];
    return "";
}

// The council's name and where it was seen: the line most documents share in their page headers
// and footers (or first lines) that names a council.
std::pair<std::string, std::string> council_of(const std::vector<SuggestDoc>& docs) {
    std::map<std::string, std::set<std::string>> seen;  // council name → documents
    std::map<std::string, std::string> first_place;
    for (const auto& d : docs) {
        auto look = [&](const Block& b, const std::string& part) {
            for (const auto& line : text::split(b.text, '\n')) {
                const std::string c = council_in(text::collapse_ws(line));
                if (c.empty()) continue;
                seen[c].insert(d.doc.path);
                if (!first_place.count(c)) first_place[c] = file_name(d.doc.path) + ", " + part;
            }
        };
        for (const auto& b : d.doc.extras) look(b, b.loc.where());
        size_t n = 0;
        for (const auto& b : d.doc.body) {
            if (++n > 12) break;
            if (!b.is_table()) look(b, b.loc.where());
        }
    }
    std::string best;
    for (const auto& [c, ds] : seen)
        if (best.empty() || ds.size() > seen[best].size()) best = c;
    if (best.empty()) return {"", ""};
    return {best, first_place[best] + " (in " + std::to_string(seen[best].size()) + " of " +
                      std::to_string(docs.size()) + " documents)"};
}

// The reference-like token most documents carry (file name or first blocks), and its pattern.
struct RefSeen {
    std::string token, pattern;
    size_t docs = 0;
};

RefSeen reference_of(const std::vector<SuggestDoc>& docs) {
    static const Poco::RegularExpression re("\\b([A-Z]{1,6}(?:[-/ ]?[A-Z0-9]+)*[-/ ]?\\d{3,}(?:[-/]\\d+)*)\\b");
    std::map<std::string, std::set<std::string>> seen;
    for (const auto& d : docs) {
        std::string text = file_name(d.doc.path);
        size_t n = 0;
        d.doc.for_each([&](const Block& b) {
            if (++n < 40) text += "\n" + b.text;
        });
        Poco::RegularExpression::Match m;
        for (size_t at = 0; re.match(text, at, m) > 0; at = m.offset + m.length) {
            const std::string tok = text.substr(m.offset, m.length);
            if (std::any_of(tok.begin(), tok.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
                seen[tok].insert(d.doc.path);
        }
    }
    RefSeen best;
    for (const auto& [tok, ds] : seen)
        if (ds.size() > best.docs) best = {tok, "", ds.size()};
    for (size_t i = 0; i < best.token.size();) {
        if (std::isdigit(static_cast<unsigned char>(best.token[i]))) {
            size_t j = i;
            while (j < best.token.size() && std::isdigit(static_cast<unsigned char>(best.token[j]))) ++j;
            best.pattern += "\\d{" + std::to_string(j - i) + "}";
            i = j;
        } else {
            best.pattern += best.token[i] == '/' || best.token[i] == '-' ? std::string(1, best.token[i])
                            : std::isalpha(static_cast<unsigned char>(best.token[i]))
                                ? std::string(1, best.token[i])
                                : "\\" + std::string(1, best.token[i]);
            ++i;
        }
    }
    return best.docs >= 2 ? best : RefSeen{};
}

struct DateFormat {
    const char* name;
    const char* re;
    char sep;  // '/', '-', '.' for an all-number format with the day and month first; 0: none
};

// One format seen in the documents: how often, an example, and whether tfaudit reads them all.
struct FormatSeen {
    const DateFormat* f = nullptr;
    size_t count = 0;
    std::string example, place;
    bool read = true;
};

// What the all-number dates with one separator show of their order: a first number over 12 can
// only be a day, a second one only a day too (month first).
struct OrderSeen {
    size_t day_first = 0, month_first = 0;
    std::string day_example, month_example;
};

const std::vector<DateFormat>& known_formats() {
    static const std::vector<DateFormat> formats{
        {"weekday dd(th) Month yyyy",
         "\\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+ \\d{4}\\b", 0},
        {"dd(th) Month yyyy",
         "(?<!day )\\b\\d{1,2}(?:st|nd|rd|th)? "
         "(?:January|February|March|April|May|June|July|August|September|October|November|December) \\d{4}\\b",
         0},
        {"dd Mon yyyy", "\\b\\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec) \\d{4}\\b", 0},
        {"dd/mm/yyyy", "\\b\\d{1,2}/\\d{1,2}/\\d{4}\\b", '/'},
        {"dd/mm/yy", "\\b\\d{1,2}/\\d{1,2}/\\d{2}\\b(?!/)", '/'},
        {"dd.mm.yyyy", "\\b\\d{1,2}\\.\\d{1,2}\\.\\d{4}\\b", '.'},
        {"dd.mm.yy", "\\b\\d{1,2}\\.\\d{1,2}\\.\\d{2}\\b(?!\\.)", '.'},
        {"dd-mm-yyyy", "\\b\\d{1,2}-\\d{1,2}-\\d{4}\\b", '-'},
        {"yyyy-mm-dd (ISO)", "\\b\\d{4}-\\d{2}-\\d{2}\\b", 0}};
    return formats;
}

// Every known format the documents' paragraphs use, and per separator what their numbers show.
std::vector<FormatSeen> formats_seen(const std::vector<SuggestDoc>& docs, std::map<char, OrderSeen>& orders) {
    std::vector<FormatSeen> out;
    for (const auto& f : known_formats()) {
        const Poco::RegularExpression re(f.re);
        FormatSeen seen;
        seen.f = &f;
        for (const auto& d : docs)
            d.doc.for_each([&](const Block& b) {
                if (b.is_table()) return;
                Poco::RegularExpression::Match m;
                for (size_t at = 0; re.match(b.text, at, m) > 0; at = m.offset + m.length) {
                    const std::string s = b.text.substr(m.offset, m.length);
                    if (!seen.count++) seen.example = s, seen.place = where(d, b.loc);
                    seen.read = seen.read && dates::parse(s).status == dates::Status::Ok;
                    if (!f.sep) continue;
                    const auto parts = text::split(s, f.sep);
                    OrderSeen& o = orders[f.sep];
                    if (std::atoi(parts[0].c_str()) > 12 && !o.day_first++)
                        o.day_example = s + " at " + where(d, b.loc);
                    if (std::atoi(parts[1].c_str()) > 12 && !o.month_first++)
                        o.month_example = s + " at " + where(d, b.loc);
                }
            });
        if (seen.count) out.push_back(seen);
    }
    return out;
}

// The <date-format> elements for the formats seen, each with where it came from and how sure it
// is: an all-number format's order from the dates that can only be read one way, else day first
// (the UK order, what tfaudit reads anyway); formats with month names need none.
std::vector<Guess> date_guesses(const std::vector<SuggestDoc>& docs) {
    std::map<char, OrderSeen> orders;
    std::vector<Guess> out;
    for (const auto& fs : formats_seen(docs, orders)) {
        Guess g;
        g.why = std::string(fs.f->name) + ": " + std::to_string(fs.count) + " times, e.g. \"" + fs.example + "\" at " +
                fs.place + (fs.read ? "; tfaudit reads them" : "; tfaudit does NOT read them all");
        std::string format = fs.f->name;
        if (!fs.f->sep) {
            if (text::starts_with(format, "yyyy-mm-dd")) {
                g.what = "<date-format>yyyy-mm-dd</date-format>";
                g.sure = 1.0;
            } else {
                g.why += " (month names: no <date-format> needed)";
            }
            out.push_back(std::move(g));
            continue;
        }
        const OrderSeen& o = orders[fs.f->sep];
        if (o.month_first && !o.day_first) {
            format = "mm" + std::string(1, fs.f->sep) + "dd" + format.substr(5);
            g.why += "; month first: " + o.month_example + " can only be month first";
            g.sure = 0.9;
        } else if (o.day_first && !o.month_first) {
            g.why += "; day first: " + o.day_example + " can only be day first";
            g.sure = 0.9;
        } else if (o.day_first && o.month_first) {
            g.why += "; both orders: " + o.day_example + " is day first, " + o.month_example + " month first";
            g.sure = 0.3;
        } else {
            g.why += "; no date shows the order: day first (the UK order) assumed";
            g.sure = 0.6;
        }
        g.why += ", sure " + fixed2(g.sure);
        g.what = "<date-format>" + format + "</date-format>";
        out.push_back(std::move(g));
    }
    return out;
}

// The reference pattern as a rule: sure as the share of documents that carry the token.
Guess reference_guess(const RefSeen& ref, size_t docs) {
    Guess g;
    if (!ref.docs) {
        g.why = "no token shared by the documents: add <pattern name=\"reference\"> if the council has a scheme";
        return g;
    }
    g.sure = docs ? static_cast<double>(ref.docs) / static_cast<double>(docs) : 0;
    g.why = "\"" + ref.token + "\" in " + std::to_string(ref.docs) + " of " + std::to_string(docs) +
            " documents (file names or first blocks), sure " + fixed2(g.sure);
    g.what = "<pattern name=\"reference\">" + text::xml_escape(ref.pattern) + "</pattern>";
    return g;
}

std::string slug(const std::string& council) {
    std::string s;
    for (char c : text::lower(council.substr(0, council.find(' '))))
        if (std::isalnum(static_cast<unsigned char>(c))) s += c;
    return s.empty() ? "new-council" : s;
}

void write_guesses(std::string& out, const char* heading, const std::vector<Guess>& gs) {
    out += "\n  <!-- " + std::string(heading) + " -->\n";
    if (gs.empty()) out += "  <!-- (none) -->\n";
    for (const auto& g : gs) {
        out += "  <!-- " + comment_safe(g.why) + " -->\n";
        if (g.what.empty()) continue;
        if (g.sure >= kSure)
            out += "  " + g.what + "\n";
        else
            out += "  <!-- not sure enough to use: " + comment_safe(g.what) + " -->\n";
    }
}

}  // namespace

double label_likeness(const std::string& a, const std::string& b) {
    const auto wa = words_of(a), wb = words_of(b);
    double jac = 0;
    if (!wa.empty() && !wb.empty()) {
        size_t both = 0;
        for (const auto& w : wa) both += wb.count(w);
        jac = static_cast<double>(both) / static_cast<double>(wa.size() + wb.size() - both);
    }
    const size_t longest = std::max(a.size(), b.size());
    const double ed = longest ? 1.0 - static_cast<double>(edit_distance(a, b)) / static_cast<double>(longest) : 0;
    return std::max(jac, ed);
}

std::string suggest_template(const std::vector<SuggestDoc>& docs, const Vocab& vocab, const std::string& name) {
    const Knowledge k = knowledge(vocab);
    const auto [council, council_place] = council_of(docs);
    const RefSeen ref = reference_of(docs);
    const std::string tname = name.empty() ? slug(council) : name;
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<!-- Draft template written by `tfaudit templates suggest` from " + std::to_string(docs.size()) +
           " documents. Every rule below is a guess, with where it came from and how sure it is (0-1);\n"
           "     guesses under " +
           fixed2(kSure) +
           " are left as comments. Check each one, then run\n"
           "     `tfaudit templates lint` on this file and `tfaudit extract` (explain option) on the bundle. -->\n";
    out += "<template name=\"" + text::xml_escape(tname) + "\" council=\"" + text::xml_escape(council) +
           "\"\n          description=\"Draft for " + text::xml_escape(council.empty() ? "a new council" : council) +
           " (tfaudit templates suggest)\">\n";
    if (!council.empty())
        out += "  <!-- council: \"" + comment_safe(council) + "\" at " + comment_safe(council_place) +
               " -->\n  <match><contains>" + text::xml_escape(council) + "</contains></match>\n";
    else
        out +=
            "  <!-- no council name found in page headers or first lines: add <match><contains>...</contains></match> "
            "-->\n";
    write_guesses(out, "document titles that named no type", title_guesses(docs));
    write_guesses(out, "labels that matched no field", field_guesses(docs, vocab, k, ref.token));
    write_guesses(out, "table header rows not read as tables", table_guesses(docs, k));
    write_guesses(out, "family reference", {reference_guess(ref, docs.size())});
    write_guesses(out, "date formats seen", date_guesses(docs));
    out += "</template>\n";
    return out;
}

}  // namespace tfa::extract
