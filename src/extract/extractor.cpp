#include "extract/extractor.h"

#include <Poco/Exception.h>
#include <Poco/RegularExpression.h>

#include <algorithm>
#include <optional>
#include <set>

#include "core/text.h"
#include "extract/choice.h"
#include "extract/dates.h"
#include "extract/templates.h"
#include "model/answers.h"

namespace tfa::extract {

namespace {

const std::string kTicked = kChecked;
const std::string kEmptyBox = kUnchecked;

bool has_box(const std::string& s) {
    return s.find(kTicked) != std::string::npos || s.find(kEmptyBox) != std::string::npos;
}

// The value text of `s`: placeholder phrases and form-field blanks removed, white space folded.
std::string clean(const Vocab& v, std::string_view s) {
    std::string out = strip_placeholders(s);
    if (!out.empty() && out.size() <= v.longest_placeholder() && v.is_placeholder_key(text::match_key(out))) return {};
    return text::collapse_ws(out);
}

// Splits "Label: value" at the first colon when the part before it is short enough to be a
// label. Returns false when there is no such colon.
bool split_label(const std::string& s, std::string& label, std::string& value) {
    const size_t colon = s.find(':');
    if (colon == std::string::npos || colon == 0 || colon > 80) return false;
    // A time ("10:30") is not a label separator.
    if (colon + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[colon + 1])) &&
        std::isdigit(static_cast<unsigned char>(s[colon - 1])))
        return false;
    label = text::trim(s.substr(0, colon));
    value = text::trim(s.substr(colon + 1));
    return !label.empty();
}

Source make_source(const std::string& file, const Location& loc, const std::string& quote) {
    return Source{file, loc.where(), quote};
}

// The section a field opens for the labels after it ("Agency" after "Lead professional").
Section section_after(const std::string& field) {
    if (field == "lead_professional") return Section::Lead;
    if (field == "consent") return Section::Consent;
    if (field == "manager" || field == "closure_approved_by") return Section::Manager;
    return Section::None;
}

// Fields whose value may run over several paragraphs under their heading.
bool is_prose_field(const std::string& field) {
    return field == "voice_of_child" || field == "reason" || field == "analysis" || field == "consent_statement" ||
           field == "closure_reason";
}

class Walker {
public:
    Walker(const Document& doc, const Vocab& v, DocFacts& f, const std::vector<std::string>& bundle)
        : doc_(doc), v_(v), f_(f), active_(v.active(doc)) {
        for (size_t i = 0; i < active_.size(); ++i)
            if (!active_[i] && std::find(bundle.begin(), bundle.end(), v.templates()[i].name) != bundle.end())
                active_[i] = f_.bundle_templates = true;
        for (size_t i = 0; i < active_.size(); ++i)
            if (active_[i]) f_.templates.push_back(v.templates()[i].name);
        outcome_re_ = v.patterns("outcome", active_);
        action_re_ = v.patterns("action", active_);
        f_.date_style = v.date_style(active_);
    }

    // Where `b` (or `loc`) is, in this document, with the words quoted.
    Source source_of(const Block& b, const std::string& quote) const { return make_source(doc_.path, b.loc, quote); }
    Source source_of(const Location& loc, const std::string& quote) const { return make_source(doc_.path, loc, quote); }

    void run() {
        detect_types();
        detect_council();
        for (const auto& b : doc_.body) block(b);
        end_pending();
        close_group();
        infer_types();
        find_reference();
    }

private:
    // ---- document type and council --------------------------------------------------------
    void detect_types() {
        std::vector<std::string> candidates{doc_.title};
        int seen = 0;
        for (const auto& b : doc_.body) {
            if (b.is_table() || ++seen > 5) break;
            candidates.push_back(b.text);
        }
        for (const auto& c : candidates) {
            if (c.empty()) continue;
            const TitleRule* rule = nullptr;
            auto types = v_.types_of_title(text::match_key(c), active_, &rule);
            if (!types.empty()) {
                f_.types = types;
                f_.type_source = c;
                f_.type_from = "title";
                return;
            }
        }
        // "Smith - TAF meeting 3.docx", "case-closure-summary.pdf": the file's name.
        const std::string name = file_stem(doc_.path);
        const TitleRule* rule = nullptr;
        auto types = v_.types_of_title(text::match_key(name), active_, &rule, true);
        if (!types.empty()) {
            f_.types = types;
            f_.type_source = name;
            f_.type_from = "file name";
        }
    }

    // The file name without folder and extension, separators as spaces.
    static std::string file_stem(const std::string& path) {
        std::string n = path.substr(path.find_last_of('/') + 1);
        if (const size_t dot = n.rfind('.'); dot != std::string::npos && dot > 0) n.resize(dot);
        for (char& c : n)
            if (c == '_' || c == '-' || c == '.') c = ' ';
        return n;
    }

    void infer_types() {
        if (!f_.types.empty()) return;
        auto add = [&](DocType t) {
            if (!f_.is(t)) f_.types.push_back(t);
        };
        if (doc_.format == "csv") add(DocType::Evidence);
        for (const auto& t : f_.tables) {
            if (t.kind == "criteria" || t.kind == "members")
                add(DocType::Assessment);
            else if (auto kind = parse_doc_type(t.kind))
                add(*kind);  // plan, review, closure, evidence tables
        }
        if (f_.hit("review_date")) add(DocType::Review);
        if (f_.hit("closure_date")) add(DocType::Closure);
        if (f_.hit("plan_date")) add(DocType::Plan);
        if (f_.hit("assessment_completed") || f_.hit("assessment_started") || f_.hit("assessment_date"))
            add(DocType::Assessment);
        if (!f_.types.empty()) {
            f_.type_source = "(inferred from its contents)";
            f_.type_from = "content";
        }
    }

    void detect_council() {
        const auto pats = v_.patterns("council", active_);
        auto scan = [&](const std::string& s) {
            for (const Pattern* p : pats) {
                std::vector<std::string> m;
                if (p->re->split(s, m) > 1) {
                    f_.council = text::collapse_ws(m[1]);
                    return true;
                }
            }
            return false;
        };
        for (const auto& b : doc_.extras)
            if (scan(b.text)) return;
        if (scan(doc_.title)) return;
        int n = 0;
        for (const auto& b : doc_.body) {
            if (++n > 8) break;
            if (!b.is_table() && scan(b.text)) return;
        }
        f_.council = v_.council(active_);
    }

    // ---- the family reference by the council's pattern ---------------------------------------
    // The first match of `p` in `s` that stands alone (no letter or digit touching it), or "".
    static std::string whole_match(const Pattern& p, const std::string& s) {
        try {
            return whole_match_or_throw(p, s);
        } catch (const Poco::Exception&) {
            return {};  // text PCRE refuses (a file name that is not UTF-8): no reference in it
        }
    }
    static std::string whole_match_or_throw(const Pattern& p, const std::string& s) {
        Poco::RegularExpression::Match m;
        auto alnum = [&s](size_t i) { return std::isalnum(static_cast<unsigned char>(s[i])) != 0; };
        for (size_t at = 0; at < s.size() && p.re->match(s, at, m) > 0; at = m.offset + std::max<size_t>(m.length, 1)) {
            if (m.offset == std::string::npos) break;
            const size_t end = m.offset + m.length;
            if (m.length > 0 && (m.offset == 0 || !alnum(m.offset - 1)) && (end >= s.size() || !alnum(end)))
                return s.substr(m.offset, m.length);
        }
        return {};
    }

    // With a council's <pattern name="reference">: the reference in the file's name, and, when no
    // label gave the family reference, the first one in the document's text.
    void find_reference() {
        const auto pats = v_.patterns("reference", active_);
        if (pats.empty()) return;
        const std::string name = doc_.path.substr(doc_.path.find_last_of('/') + 1);
        for (const Pattern* p : pats)
            if (f_.name_ref.empty() && !(f_.name_ref = whole_match(*p, name)).empty()) f_.name_ref_pattern = p;
        if (const Hit* h = f_.hit("family_ref"); h && !h->value.empty()) return;
        auto scan = [&](const Block& b) {
            for (const Pattern* p : pats) {
                if (const std::string ref = whole_match(*p, b.text); !ref.empty()) {
                    Hit h;
                    h.field = "family_ref";
                    h.label = "(reference pattern)";
                    h.value = ref;
                    h.src = source_of(b, ref);
                    h.pattern = p;
                    f_.hits.push_back(std::move(h));
                    return true;
                }
            }
            return false;
        };
        for (const auto& b : doc_.extras)
            if (found_in(b, scan)) return;
        for (const auto& b : doc_.body)
            if (found_in(b, scan)) return;
    }

    // Calls `scan` on `b` and the blocks inside it (table cells) until it returns true.
    template <class F>
    static bool found_in(const Block& b, F& scan) {
        if (!b.is_table()) return scan(b);
        for (const auto& row : b.rows)
            for (const auto& c : row.cells)
                for (const auto& inner : c.blocks)
                    if (found_in(inner, scan)) return true;
        return false;
    }

    // The table kind that "Label: value" paragraphs fill in this document (review, closure,
    // plan), from its types; "" when none.
    std::vector<std::string> paragraph_kinds() const {
        std::vector<std::string> k;
        for (DocType t : {DocType::Review, DocType::Closure, DocType::Plan, DocType::Evidence})
            if (f_.is(t)) k.push_back(to_string(t));
        return k;
    }

    // ---- walking ---------------------------------------------------------------------------
    void block(const Block& b) {
        switch (b.kind) {
            case BlockKind::Heading:
                heading(b);
                break;
            case BlockKind::Table:
                table(b);
                break;
            default:
                paragraph(b);
                break;
        }
    }

    void heading(const Block& b) {
        tab_open_ = false;
        end_pending();
        close_group();
        group_label_.clear();
        section_ = Section::None;
        section_label_.clear();
        // A heading is an outcome's or a section's ("Information sharing and consent"), else
        // perhaps a label whose value is the text under it ("Voice of the child").
        if (outcome_or_section(b.text)) return;
        if (const LabelRule* r = v_.field(text::match_key(b.text), section_, active_)) {
            // "Consent", "Lead professional" as a heading open their section; the fields under
            // it give the answer. Other fields' headings take the text under them as the value.
            if (const Section s = section_after(r->field); s != Section::None) {
                section_ = s;
                section_label_ = b.text;
                return;
            }
            start_pending(*r, b);
        }
    }

    // Opens the section of rule `s`, whose heading is `text` (kept for the hits under it).
    void open_section(const SectionRule& s, const std::string& text) {
        section_ = s.section;
        section_label_ = text::collapse_ws(text);
    }

    // A line standing alone (a heading, a one-cell table row): "Outcome N: X" names what the
    // table under it is about; a section label opens that section. True when it was either.
    bool outcome_or_section(const std::string& line) {
        std::string n, rest;
        if (match_numbered(outcome_re_, line, n, rest)) {
            group_label_ = rest;
            return true;
        }
        if (const SectionRule* s = v_.section(text::match_key(line), active_)) {
            open_section(*s, line);
            return true;
        }
        return false;
    }

    void paragraph(const Block& b) {
        const std::string marked = marked_answer(b);
        const std::string& t = marked.empty() ? b.text.str() : marked;
        if (tab_table(b)) return;
        if (section_ == Section::Consent) {
            f_.consent_text += t + "\n";
            if (f_.consent_src.empty()) f_.consent_src = source_of(b, t);
            if (!f_.consent_tick && (text::starts_with(t, kTicked) || text::starts_with(t, kEmptyBox)))
                f_.consent_tick = text::starts_with(t, kTicked);
        }
        std::string n, rest;
        if (match_numbered(outcome_re_, t, n, rest)) {
            end_pending();
            start_group(b, n, rest);
            return;
        }
        if (match_numbered(action_re_, t, n, rest)) {
            end_pending();
            add_action(b, n, rest);
            return;
        }
        if (section_ == Section::Criteria && !pending_.rule) {
            if (!names_label(t) && listed_criterion(b)) return;
            section_ = Section::None;  // the list of criteria has ended
            section_label_.clear();
        }
        // "Label: value" pairs, several per paragraph when tabs separate them.
        bool any = false;
        for (const auto& part : text::split(t, '\t')) {
            std::string label, value;
            if (!split_label(part, label, value)) continue;
            if (labelled(b, label, value)) any = true;
        }
        if (any) return;
        if (statement_answer(b, t)) return;
        // A label on its own ("Voice of the child:"), whose value follows.
        const std::string key = text::match_key(t);
        if (t.size() < 80) {
            if (const LabelRule* r = v_.field(key, section_, active_);
                r && (text::ends_with(text::trim(t), ":") || is_prose_field(r->field))) {
                end_pending();
                start_pending(*r, b);
                return;
            }
            // A section heading written as a paragraph (PDF text has no headings).
            if (const SectionRule* s = v_.section(key, active_)) {
                end_pending();
                open_section(*s, t);
                return;
            }
        }
        if (pending_.rule) {
            if (!pending_.value.empty()) pending_.value += "\n";
            pending_.value += t;
            if (pending_.src.quote.empty()) pending_.src = source_of(b, t);
            return;
        }
        std::string label, value;
        if (split_label(t, label, value) && label.size() < 40) f_.unmatched.emplace_back(label, source_of(b, t));
    }

    // One "Label: value" from a paragraph. Returns true when the label meant something.
    bool labelled(const Block& b, const std::string& label, const std::string& value) {
        const std::string key = text::match_key(label);
        // Inside an open group ("Outcome 2", then "Progress: ..."), columns come first.
        if (group_open_) {
            const ColumnRule* c = v_.column(group_.kind, key, active_);
            if (c && (!group_number_.empty() || !group_row_.cells.count(c->column))) {
                group_cell(*c, b, value);
                return true;
            }
        }
        if (const LabelRule* r = v_.field(key, section_, active_)) {
            end_pending();
            add_hit(*r, label, value, source_of(b, value));
            return true;
        }
        // Repeated "Criterion: ... / Outcome achieved: ..." runs are rows of the document's table.
        for (const auto& kind : paragraph_kinds()) {
            if (const ColumnRule* c = v_.column(kind, key, active_)) {
                end_pending();
                if (!group_open_ || group_.kind != kind || group_row_.cells.count(c->column)) {
                    close_group();
                    open_group(kind, b);
                }
                group_cell(*c, b, value);
                return true;
            }
        }
        if (const SectionRule* s = v_.section(key, active_)) {
            open_section(*s, label);
            return true;
        }
        return criterion_answer(label, value, source_of(b, text::collapse_ws(b.text)));
    }

    // A long statement and its answer: "I consent to my information being shared with
    // government departments for the national evaluation: Yes", "... ☒ Yes ☐ No", or the
    // statement alone, ending in a colon, with the answer after it. True when it was one.
    bool statement_answer(const Block& b, const std::string& t) {
        std::string label, value;
        const size_t box = std::min(t.find(kTicked), t.find(kEmptyBox));
        const size_t colon = t.rfind(':', box == std::string::npos ? std::string::npos : box);
        if (colon != std::string::npos && colon > 0) {
            label = t.substr(0, colon);
            value = text::trim(t.substr(colon + 1));
        } else if (box != std::string::npos && box > 0) {
            label = t.substr(0, box);
            value = t.substr(box);
        } else {
            return false;
        }
        const std::string key = text::match_key(label);
        if (std::count(key.begin(), key.end(), ' ') < 2) return false;  // a statement is several words
        const LabelRule* r = v_.statement(key, section_, active_);
        if (!r) return false;
        end_pending();
        if (value.empty()) {
            start_pending(*r, b);
            return true;
        }
        add_hit(*r, text::collapse_ws(label), value, source_of(b, value));
        return true;
    }

    // "Staying safe in the community: Yes – 3 ASB reports" in an assessment: a criterion named by
    // its name, theme or code (never a cue word) answered yes or no. True when it was one.
    bool criterion_answer(const std::string& label, const std::string& value, const Source& src) {
        if (!f_.is(DocType::Assessment) || group_open_) return false;
        const std::string id = v_.criterion(label, false);
        if (id.empty()) return false;
        std::string rest = text::trim(value);
        const std::optional<bool> yes = leading_answer(rest);
        if (!yes) return false;
        ListedCriterion c;
        c.criterion = id;
        c.identified = *yes;
        c.evidence = clean(v_, trim_dashes(rest));
        c.src = src;
        f_.listed.push_back(std::move(c));
        return true;
    }

    // The yes or no that `rest` opens with ("Yes – 3 ASB reports", "No", "☒ Yes ☐ No"), taking
    // the answer's word off `rest`; nullopt when it opens with neither.
    std::optional<bool> leading_answer(std::string& rest) const {
        if (has_box(rest))
            return rest.find(kTicked) != std::string::npos && v_.value("answer", after_tick(rest)) != "no";
        const auto [a, end] = opening_answer(v_, rest);
        if (a != "yes" && a != "no") return std::nullopt;
        rest = rest.substr(end);
        return a == "yes";
    }

    // The words after the first ticked box: "☒ Yes ☐ No" → "Yes".
    static std::string after_tick(const std::string& s) {
        const size_t at = s.find(kTicked);
        if (at == std::string::npos) return {};
        const size_t from = at + std::string(kTicked).size();
        const size_t next = std::min(s.find(kTicked, from), s.find(kEmptyBox, from));
        return text::trim(s.substr(from, next == std::string::npos ? std::string::npos : next - from));
    }

    // `s` without leading dashes, colons and white space ("– evidence" → "evidence").
    static std::string trim_dashes(std::string s) {
        for (;;) {
            s = text::trim(s);
            if (!s.empty() && (s[0] == '-' || s[0] == ':' || s[0] == ','))
                s.erase(0, 1);
            else if (s.rfind("\u2013", 0) == 0 || s.rfind("\u2014", 0) == 0)
                s.erase(0, 3);
            else
                return s;
        }
    }

    void add_hit(const LabelRule& r, const std::string& label, const std::string& raw, Source src) {
        Hit h;
        h.field = r.field;
        h.label = label;
        h.rule = &r;
        h.section = section_label_;
        h.value = r.field == "attendees" ? text::trim(strip_placeholders(raw)) : clean(v_, raw);
        src.quote = text::collapse_ws(raw);
        h.src = std::move(src);
        f_.hits.push_back(std::move(h));
        if (const Section s = section_after(r.field); s != Section::None) {
            section_ = s;
            section_label_ = label;
        }
    }

    void start_pending(const LabelRule& r, const Block& b) {
        pending_ = Hit{};
        pending_.field = r.field;
        pending_.label = b.text;
        pending_.rule = &r;
        pending_.section = section_label_;
        pending_.src = source_of(b, "");
    }

    void end_pending() {
        if (!pending_.rule) return;
        Hit h = std::move(pending_);
        pending_ = Hit{};
        h.src.quote = text::collapse_ws(h.value);
        h.value = clean(v_, h.value);
        f_.hits.push_back(std::move(h));
    }

    bool match_numbered(const std::vector<const Pattern*>& pats, const std::string& t, std::string& n,
                        std::string& rest) {
        for (const Pattern* p : pats) {
            std::vector<std::string> m;
            if (p->re->split(t, m) < 2) continue;
            // The first capture is the (outcome) number, the last the text; a middle one
            // (action 1.2's "2") is the action's own number, not needed.
            n = m[1];
            rest = text::trim(m.back());
            return true;
        }
        return false;
    }

    // A table cell's value: tick and answer columns keep their text as written (☒, "Yes",
    // "Not met"), every other column is cleaned of placeholders.
    std::string column_value(const std::string& column, const std::string& raw) const {
        if (column == "identified" || column == "achieved") return text::collapse_ws(raw);
        // A plan's action, who and when cells keep their lines: several actions in one cell.
        if (column == "action" || column == "who" || column == "by_when") {
            std::string out;
            for (const auto& line : text::split(raw, '\n')) {
                const std::string c = clean(v_, line);
                if (!c.empty()) out += (out.empty() ? "" : "\n") + c;
            }
            return out;
        }
        return clean(v_, raw);
    }

    // ---- tables that arrive as tab-separated lines (PDF text has no table structure) -------
    // A line whose tab-separated cells name a table's columns starts a table; the tabbed
    // lines after it are its rows. Returns true when `b` was taken as part of such a table.
    bool tab_table(const Block& b) {
        if (b.text.find('\t') == std::string::npos) {
            tab_open_ = false;
            return false;
        }
        std::vector<GridCell> row;
        for (const auto& c : text::split(b.text, '\t')) row.push_back({nullptr, text::trim(c)});
        if (tab_open_) {
            Table& t = f_.tables.back();
            Row r;
            r.group = group_label_;
            for (size_t i = 0; i < row.size() && i < tab_cols_.size(); ++i)
                if (!tab_cols_[i].empty()) r.cells[tab_cols_[i]] = column_value(tab_cols_[i], row[i].text);
            r.src = source_of(b, text::collapse_ws(b.text));
            t.rows.push_back(std::move(r));
            return true;
        }
        std::vector<std::string> cols;
        const std::string kind = table_kind(row, cols);
        if (kind.empty()) return false;
        end_pending();
        close_group();
        Table t;
        t.kind = kind;
        t.src = source_of(b, "");
        for (const auto& c : cols)
            if (!c.empty()) t.columns.push_back(c);
        f_.tables.push_back(std::move(t));
        tab_cols_ = cols;
        tab_open_ = true;
        return true;
    }

    // ---- groups: "Outcome N" paragraphs and the labelled lines under them -------------------
    void open_group(const std::string& kind, const Block& b) {
        group_open_ = true;
        group_ = Table{};
        group_.kind = kind;
        group_.src = source_of(b, b.text);
        group_row_ = Row{};
        group_row_.src = source_of(b, b.text);
        group_row_.group = group_label_;
    }

    void start_group(const Block& b, const std::string& n, const std::string& text) {
        close_group();
        const auto kinds = paragraph_kinds();
        std::string kind = kinds.empty() ? "plan" : kinds.front();
        if (f_.is(DocType::Plan)) kind = "plan";
        if (f_.is(DocType::Review)) kind = "review";
        open_group(kind, b);
        group_number_ = n;
        group_row_.cells["outcome"] = clean(v_, text);
    }

    void group_cell(const ColumnRule& c, const Block& b, const std::string& value) {
        if (c.column == "outcome" && group_row_.cells.count("outcome")) {
            group_row_.cells["outcome_detail"] = clean(v_, value);
            return;
        }
        group_row_.cells[c.column] = column_value(c.column, value);
        if (group_row_.src.quote.empty()) group_row_.src = source_of(b, b.text);
    }

    void add_action(const Block& b, const std::string& n, const std::string& text) {
        if (!group_open_ || (!group_number_.empty() && n != group_number_)) {
            // An action naming another outcome: attach it there if that outcome was seen.
            for (auto& t : f_.tables)
                for (auto& r : t.rows)
                    if (r.cells.count("number") && r.cells["number"] == n) {
                        r.actions.push_back(parse_action(text));
                        return;
                    }
            if (!group_open_) {
                open_group("plan", b);
                group_number_ = n;
            }
        }
        group_row_.actions.push_back(parse_action(text));
    }

    Action parse_action(const std::string& t) const {
        Action a;
        std::string what = t;
        for (const Pattern* p : v_.patterns("who", active_)) {
            std::vector<std::string> m;
            if (p->re->split(t, m) > 1) {
                a.who = text::trim(m[1]);
                break;
            }
        }
        for (const Pattern* p : v_.patterns("by_when", active_)) {
            std::vector<std::string> m;
            if (p->re->split(t, m) > 1) {
                const auto d = f_.parse_date(m[1]);
                a.by_when = d.status == dates::Status::Ok ? d.iso : text::trim(m[1]);
                break;
            }
        }
        if (!a.who.empty() || !a.by_when.empty()) {
            const size_t paren = what.find('(');
            if (paren != std::string::npos) what = what.substr(0, paren);
        }
        a.what = clean(v_, what);
        return a;
    }

    void close_group() {
        if (!group_open_) return;
        group_open_ = false;
        if (!group_number_.empty()) group_row_.cells["number"] = group_number_;
        group_number_.clear();
        group_.rows.push_back(std::move(group_row_));
        // Consecutive groups of one kind make one table.
        if (!f_.tables.empty() && f_.tables.back().kind == group_.kind && f_.tables.back().columns.empty()) {
            for (auto& r : group_.rows) f_.tables.back().rows.push_back(std::move(r));
        } else {
            f_.tables.push_back(std::move(group_));
        }
        group_ = Table{};
        group_row_ = Row{};
    }

    // True when `t` is a known section heading or field label, or "Label: value" with one.
    bool names_label(const std::string& t) const {
        const std::string key = text::match_key(t);
        if (v_.section(key, active_) || v_.field(key, section_, active_)) return true;
        std::string label, value;
        return split_label(t, label, value) && v_.field(text::match_key(label), section_, active_) != nullptr;
    }

    // ---- criteria written as list items or paragraphs ---------------------------------------
    // Returns false when `b` names no criterion (it is then not part of the list).
    bool listed_criterion(const Block& b) {
        std::string t = b.text;
        ListedCriterion c;
        c.src = source_of(b, t);
        if (has_box(t)) {
            c.identified = t.find(kTicked) != std::string::npos;
            for (const auto& g : {kTicked, kEmptyBox})
                for (size_t at; (at = t.find(g)) != std::string::npos;) t.erase(at, g.size());
        }
        std::string head = t, detail;
        std::string label, value;
        if (split_label(t, label, value)) {
            head = label;
            detail = value;
        }
        c.criterion = v_.criterion(head);
        if (c.criterion.empty()) c.criterion = v_.criterion(t);
        if (c.criterion.empty()) return false;
        // "Crime: No", "Crime: Yes – 3 ASB reports": the answer decides, the rest is the evidence.
        if (!has_box(b.text) && !detail.empty()) {
            std::string rest = text::trim(detail);
            if (const auto yes = leading_answer(rest)) {
                c.identified = *yes;
                detail = trim_dashes(rest);
            }
        }
        // "(family member: Name)" at the end of the detail names who it concerns.
        const std::string low = text::lower(detail);
        const size_t fm = low.rfind("(family member");
        if (fm != std::string::npos) {
            const size_t colon = detail.find(':', fm);
            const size_t close = detail.find(')', fm);
            if (colon != std::string::npos && close != std::string::npos && colon < close)
                c.members = text::trim(detail.substr(colon + 1, close - colon - 1));
            detail = text::trim(detail.substr(0, fm));
        }
        c.evidence = clean(v_, detail);
        f_.listed.push_back(std::move(c));
        return true;
    }

    // ---- tables ----------------------------------------------------------------------------
    struct GridCell {
        const Cell* cell = nullptr;
        std::string text;
    };

    // Lays the table out on its grid: a vertically merged continuation takes the text of the
    // cell above; the extra columns of a horizontal span are empty. The text so repeated is
    // bounded per document (kMaxRepeated): past it a continuation reads as empty, so one large
    // cell merged down thousands of rows is not copied into every one of them.
    static constexpr size_t kMaxRepeated = 16u << 20;
    std::vector<std::vector<GridCell>> layout(const Block& t) const {
        std::vector<std::vector<GridCell>> grid;
        for (size_t r = 0; r < t.rows.size(); ++r) {
            std::vector<GridCell> row;
            for (const auto& c : t.rows[r].cells) {
                const size_t col = row.size();
                if (c.continued && r > 0 && col < grid[r - 1].size() &&
                    (repeated_ += grid[r - 1][col].text.size()) <= kMaxRepeated)
                    row.push_back(grid[r - 1][col]);
                else
                    row.push_back({&c, cell_text(c)});
                for (int k = 1; k < c.col_span && k < 64; ++k) row.push_back({});
            }
            grid.push_back(std::move(row));
        }
        return grid;
    }

    // A cell's text, an answer marked by emphasis written as tick boxes ("**YES** / NO" →
    // "☒ YES ☐ NO").
    static std::string cell_text(const Cell& c) {
        std::string m = marked_answer(c);
        return m.empty() ? c.text() : m;
    }

    // A table whose header has Yes and No columns ("Criterion | Yes | No | Evidence") with a mark
    // under one of them in each row: the answer columns become one, "Yes/No", holding the
    // answer as tick boxes ("☒ Yes ☐ No"), so that it reads as any other answer.
    static std::vector<std::vector<GridCell>> answer_columns(std::vector<std::vector<GridCell>> grid) {
        if (grid.size() < 2) return grid;
        std::vector<std::string> headers;
        std::vector<size_t> answers;
        for (size_t i = 0; i < grid[0].size(); ++i) {
            headers.push_back(text::trim(grid[0][i].text));
            if (is_answer_word(headers.back())) answers.push_back(i);
        }
        if (answers.size() < 2) return grid;
        auto collapse = [&](std::vector<GridCell>& row, const std::string& first_text) {
            if (row.size() <= answers.back()) return;
            row[answers[0]].text = first_text;
            for (size_t k = answers.size(); k-- > 1;) row.erase(row.begin() + static_cast<long>(answers[k]));
        };
        for (size_t r = 1; r < grid.size(); ++r) {
            std::vector<std::string> cells;
            for (const auto& g : grid[r]) cells.push_back(g.text);
            collapse(grid[r], tick_notation(parse_column_choice(headers, cells)));
        }
        collapse(grid[0], "Yes/No");
        return grid;
    }

    void table(const Block& t) {
        tab_open_ = false;
        end_pending();
        close_group();
        const auto grid = answer_columns(layout(t));
        if (grid.empty()) return;
        size_t header_row = 0;
        std::string kind;
        std::vector<std::string> cols;
        for (size_t r = 0; r < grid.size() && r < 2 && kind.empty(); ++r) {
            kind = table_kind(grid[r], cols);
            header_row = r;
        }
        if (!kind.empty()) {
            typed_table(t, grid, header_row, kind, cols);
        } else {
            for (size_t r = 0; r < grid.size(); ++r) {
                // Labels across a row with their values in the row beneath.
                if (r + 1 < grid.size() && section_ != Section::Criteria) {
                    const auto rules = label_header(grid[r]);
                    if (!rules.empty() && label_header(grid[r + 1]).empty()) {
                        vertical_pairs(grid[r], grid[r + 1], rules);
                        ++r;
                        continue;
                    }
                }
                label_row(grid[r]);
            }
        }
        // Tables nested in cells are read too.
        for (const auto& row : t.rows)
            for (const auto& c : row.cells)
                for (const auto& b : c.blocks)
                    if (b.is_table()) table(b);
    }

    // The kind of table a header row names, with the column of each grid position; "" when
    // fewer than two columns of any one kind are recognised.
    std::string table_kind(const std::vector<GridCell>& row, std::vector<std::string>& cols) const {
        std::map<std::string, std::set<std::string>> found;
        size_t non_empty = 0;
        for (const auto& c : row) {
            if (c.text.empty()) continue;
            ++non_empty;
            for (const ColumnRule* r : v_.columns(text::match_key(c.text), active_)) found[r->table].insert(r->column);
        }
        std::string best;
        size_t score = 1;
        // Ties go to the kind this document is about (a review's Outcome/Progress table).
        const auto preferred = paragraph_kinds();
        for (const auto& [k, set] : found) {
            const bool pref = std::find(preferred.begin(), preferred.end(), k) != preferred.end();
            const size_t s = set.size() * 2 + (pref ? 1 : 0);
            if (set.size() >= 2 && s > score) {
                score = s;
                best = k;
            }
        }
        if (best.empty() || found[best].size() * 2 < non_empty) return {};
        cols.assign(row.size(), "");
        for (size_t i = 0; i < row.size(); ++i)
            if (const ColumnRule* r = v_.column(best, text::match_key(row[i].text), active_)) cols[i] = r->column;
        return best;
    }

    // Two header cells naming one column ("Goal" and "Outcome" both the goal): the first keeps it;
    // a later one whose cells are achieved words or marked options ("Met / Partly met / Not met")
    // is the Achieved? column when the table has none, else it is not read.
    std::vector<std::string> settle_duplicates(const std::vector<std::vector<GridCell>>& grid, size_t header_row,
                                               const std::string& kind, std::vector<std::string> cols) const {
        const auto& known = columns_of(kind);
        const bool has_achieved = std::find(known.begin(), known.end(), "achieved") != known.end();
        for (size_t i = 0; i < cols.size(); ++i) {
            if (cols[i].empty() || std::find(cols.begin(), cols.begin() + i, cols[i]) == cols.begin() + i) continue;
            size_t answers = 0, filled = 0;
            for (size_t r = header_row + 1; r < grid.size(); ++r) {
                if (i >= grid[r].size() || text::trim(grid[r][i].text).empty()) continue;
                ++filled;
                const std::string& v = grid[r][i].text;
                if (parse_choice(v).state != Choice::State::NotAChoice || !v_.value("achieved", v).empty()) ++answers;
            }
            const bool free = std::find(cols.begin(), cols.end(), "achieved") == cols.end();
            cols[i] = has_achieved && free && filled > 0 && answers * 2 >= filled ? "achieved" : "";
        }
        return cols;
    }

    void typed_table(const Block& t, const std::vector<std::vector<GridCell>>& grid, size_t header_row,
                     const std::string& kind, const std::vector<std::string>& header_cols) {
        const std::vector<std::string> cols = settle_duplicates(grid, header_row, kind, header_cols);
        Table out;
        out.kind = kind;
        out.src = source_of(t, "");
        for (const auto& c : cols)
            if (!c.empty()) out.columns.push_back(c);
        for (size_t r = header_row + 1; r < grid.size(); ++r) {
            Row row;
            row.group = group_label_;
            bool any = false;
            for (size_t i = 0; i < grid[r].size() && i < cols.size(); ++i) {
                if (cols[i].empty() || !grid[r][i].cell) continue;
                std::string v = column_value(cols[i], grid[r][i].text);
                if (!v.empty()) any = true;
                row.cells[cols[i]] = std::move(v);
            }
            if (!any) continue;
            const Location& loc = t.rows[r].cells.empty() ? t.loc : t.rows[r].cells.front().loc;
            std::string quote;
            for (const auto& g : grid[r])
                if (g.cell && !g.text.empty()) quote += (quote.empty() ? "" : " | ") + text::collapse_ws(g.text);
            Location row_loc = loc;
            row_loc.path = location_step(t.loc.path, "row", r + 1);
            row.src = source_of(row_loc, quote);
            out.rows.push_back(std::move(row));
        }
        f_.tables.push_back(std::move(out));
    }

    // A row of a label/value table: "Label | value | Label | value", or "Label: value" in a cell.
    void label_row(const std::vector<GridCell>& row) {
        std::vector<size_t> filled;
        for (size_t i = 0; i < row.size(); ++i)
            if (row[i].cell && !text::trim(row[i].text).empty()) filled.push_back(i);
        if (filled.empty()) return;
        if (filled.size() == 1) {
            // A line standing alone: a one-cell row, or a row whose only text is not a field's
            // label. "Lead professional | (empty)" is a blank field, not a heading.
            const std::string& t = row[filled[0]].text;
            const size_t cells =
                std::count_if(row.begin(), row.end(), [](const GridCell& g) { return g.cell != nullptr; });
            const LabelRule* r = v_.field(text::match_key(t), section_, active_);
            if ((cells == 1 || !r) && outcome_or_section(t)) return;
            if (cells == 1 && r && section_after(r->field) != Section::None) {
                section_ = section_after(r->field);
                section_label_ = t;
                return;
            }
        }
        if (section_ == Section::Criteria && filled.size() >= 1) {
            criteria_row(row, filled);
            return;
        }
        for (size_t k = 0; k < filled.size(); ++k) {
            const GridCell& c = row[filled[k]];
            std::string label = text::trim(c.text), value;
            const Location& loc = c.cell->loc;
            std::string l2, v2;
            const LabelRule* rule = v_.field(text::match_key(label), section_, active_);
            if (!rule && label.find('\n') != std::string::npos && lines_of_labels(label, loc)) continue;
            if (!rule && split_label(label, l2, v2) && (rule = v_.field(text::match_key(l2), section_, active_))) {
                add_hit(*rule, l2, v2, source_of(loc, v2));
                continue;
            }
            if (!rule) rule = v_.statement(text::match_key(label), section_, active_);
            if (!rule && k + 1 < filled.size() &&
                criterion_answer(label, row[filled[k + 1]].text, source_of(loc, text::collapse_ws(label)))) {
                ++k;
                continue;
            }
            if (!rule) {
                if (const SectionRule* s = v_.section(text::match_key(label), active_)) {
                    open_section(*s, label);
                    continue;
                }
                // A label we failed to know: the first cell of a label/value row, or any label of
                // a row of pairs ("Label | value | Label | value"), whose value is then skipped.
                const bool pairs = filled.size() >= 4 && filled.size() % 2 == 0 && k % 2 == 0;
                if ((k == 0 && filled.size() == 2) || pairs) {
                    if (label.size() < 60 && looks_like_label(label))
                        f_.unmatched.emplace_back(label, source_of(loc, label));
                    if (pairs) ++k;
                }
                continue;
            }
            // The value is in the next cell on the grid (empty cells count: an empty value).
            size_t next = filled[k] + 1;
            while (next < row.size() && !row[next].cell) ++next;
            if (next < row.size()) {
                value = row[next].text;
                add_hit(*rule, label, value, source_of(row[next].cell->loc, value));
                if (k + 1 < filled.size() && filled[k + 1] == next) ++k;
            } else {
                add_hit(*rule, label, "", source_of(loc, ""));
            }
        }
    }

    // Label-like text: starts with a letter and is not a date or a number.
    bool looks_like_label(const std::string& s) const {
        const std::string t = text::trim(s);
        if (t.empty() || !std::isalpha(static_cast<unsigned char>(t[0]))) return false;
        return f_.parse_date(t).status != dates::Status::Ok;
    }

    // A cell of several lines, each "Label: value". Returns true when any line was a field.
    bool lines_of_labels(const std::string& text, const Location& loc) {
        bool any = false;
        for (const auto& line : text::split(text, '\n')) {
            std::string l, v;
            if (!split_label(line, l, v)) continue;
            if (const LabelRule* r = v_.field(text::match_key(l), section_, active_)) {
                add_hit(*r, l, v, source_of(loc, v));
                any = true;
            }
        }
        return any;
    }

    // The field each cell of `row` labels, when at least two cells are field labels and every
    // other filled cell is too: a row of labels whose values are in the row beneath.
    std::vector<const LabelRule*> label_header(const std::vector<GridCell>& row) const {
        std::vector<const LabelRule*> rules(row.size(), nullptr);
        size_t labels = 0;
        for (size_t i = 0; i < row.size(); ++i) {
            if (!row[i].cell || text::trim(row[i].text).empty()) continue;
            rules[i] = v_.field(text::match_key(row[i].text), section_, active_);
            if (!rules[i]) return {};
            ++labels;
        }
        if (labels < 2) return {};
        return rules;
    }

    // Pairs a row of labels with the values under them, column by column.
    void vertical_pairs(const std::vector<GridCell>& labels, const std::vector<GridCell>& values,
                        const std::vector<const LabelRule*>& rules) {
        for (size_t i = 0; i < rules.size() && i < values.size(); ++i) {
            if (!rules[i]) continue;
            const GridCell& v = values[i];
            const Location& loc = v.cell ? v.cell->loc : labels[i].cell->loc;
            add_hit(*rules[i], text::trim(labels[i].text), v.cell ? v.text : std::string(), source_of(loc, v.text));
        }
    }

    // A row under a criteria heading with no recognised header: criterion, then tick or answer.
    void criteria_row(const std::vector<GridCell>& row, const std::vector<size_t>& filled) {
        const GridCell& first = row[filled[0]];
        ListedCriterion c;
        c.criterion = v_.criterion(first.text);
        c.src = source_of(first.cell->loc, text::collapse_ws(first.text));
        if (c.criterion.empty()) {
            f_.unmatched.emplace_back(text::collapse_ws(first.text), c.src);
            return;
        }
        c.identified = true;
        for (size_t k = 1; k < filled.size(); ++k) {
            const std::string& s = row[filled[k]].text;
            if (const auto yes = read_yes_no(v_, s); yes || has_box(s)) {
                c.identified = yes.value_or(false);
            } else if (c.evidence.empty()) {
                c.evidence = clean(v_, s);
            }
        }
        f_.listed.push_back(std::move(c));
    }

    const Document& doc_;
    const Vocab& v_;
    mutable size_t repeated_ = 0;  // text layout() has repeated into merged continuations
    DocFacts& f_;
    Active active_;
    std::vector<const Pattern*> outcome_re_, action_re_;
    Section section_ = Section::None;
    std::string section_label_;  // the heading that opened section_ from a <section> label, or ""
    std::string group_label_;    // text after "Outcome N:" in the last heading, for the table under it
    Hit pending_;
    bool group_open_ = false;
    Table group_;
    Row group_row_;
    std::string group_number_;
    bool tab_open_ = false;
    std::vector<std::string> tab_cols_;
};

}  // namespace

bool DocFacts::is(DocType type) const { return std::find(types.begin(), types.end(), type) != types.end(); }

std::string DocFacts::type_words(const char* sep) const {
    std::string out;
    for (DocType t : types) out += (out.empty() ? "" : sep) + std::string(to_string(t));
    return out.empty() ? "unknown" : out;
}

const Hit* DocFacts::hit(const std::string& field) const {
    const Hit* any = nullptr;
    for (const auto& h : hits) {
        if (h.field != field) continue;
        if (!h.value.empty()) return &h;
        if (!any) any = &h;
    }
    return any;
}

std::string DocFacts::date() const {
    for (const char* f : {"assessment_completed", "assessment_date", "assessment_started", "plan_date", "review_date",
                          "closure_date"}) {
        const Hit* h = hit(f);
        if (!h) continue;
        const auto d = parse_date(h->value);
        if (d.status == dates::Status::Ok) return d.iso;
    }
    return {};
}

DocFacts extract_document(const Document& doc, const Vocab& vocab, const std::vector<std::string>& bundle_templates) {
    DocFacts f;
    f.path = doc.path;
    f.format = doc.format;
    f.warnings = doc.warnings;
    Walker w(doc, vocab, f, bundle_templates);
    w.run();
    return f;
}

namespace {

// The council template called `name`, or null (the shared vocabulary is no council's).
const Template* council_template(const Vocab& v, const std::string& name) {
    for (const auto& t : v.templates())
        if (t.name == name) return t.always() ? nullptr : &t;
    return nullptr;
}

}  // namespace

bool names_no_council(const DocFacts& f, const Vocab& vocab) {
    if (!f.error.empty() || !f.council.empty()) return false;
    return std::none_of(f.templates.begin(), f.templates.end(),
                        [&](const std::string& n) { return council_template(vocab, n) != nullptr; });
}

std::vector<std::string> bundle_council(const std::vector<DocFacts>& docs, const Vocab& vocab) {
    std::vector<std::string> names;
    std::set<std::string> councils;
    for (const auto& d : docs) {
        if (d.bundle_templates) continue;
        for (const auto& n : d.templates) {
            const Template* t = council_template(vocab, n);
            if (!t) continue;
            councils.insert(t->council.empty() ? t->name : t->council);
            if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
        }
    }
    if (councils.size() != 1) return {};
    return names;
}

DocFacts unreadable_document(const std::string& path, const std::string& error) {
    DocFacts f;
    f.path = path;
    f.error = error;
    return f;
}

}  // namespace tfa::extract
