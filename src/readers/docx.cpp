// .docx (WordprocessingML) reader.
//
// Two stages: the container (zip → main part found through _rels/.rels, its relationships,
// styles, numbering) and the walk of the body into blocks. Headers, footers, footnotes,
// endnotes, comments and text boxes are read into Document::extras, each block marked with
// its part. Tracked changes are read as accepted: w:ins and w:moveTo kept, w:del and
// w:moveFrom dropped. Content controls left showing their placeholder are read as empty.
#include <algorithm>
#include <charconv>
#include <map>
#include <memory>
#include <mutex>
#include <utility>
#include <unordered_map>

#include "core/text.h"
#include "readers/reader.h"
#include "readers/xml.h"
#include "readers/zip.h"

namespace tfa {

namespace {

using xml::attr;
using xml::is;
using xml::name;

// The integer in `s`, clamped to [lo, hi]; `def` when `s` holds no number. Clamping here, before
// any arithmetic, keeps a hostile gridSpan or start value from overflowing a counter.
int int_val(std::string_view s, int lo, int hi, int def) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    long long v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec == std::errc::result_out_of_range) return s.front() == '-' ? lo : hi;
    if (r.ec != std::errc() || r.ptr == s.data()) return def;
    return static_cast<int>(std::clamp<long long>(v, lo, hi));
}

// Counters and levels: list numbers stay within these, so counting on can never overflow.
constexpr int kMaxListStart = 1000000000;
constexpr int kMaxGridSpan = 1000;

// ---------------------------------------------------------------------------------------
// Container stage: styles, numbering and relationships.

struct StyleInfo {
    std::string name;  // lower case
    std::string based_on;
    int outline = -1;    // w:outlineLvl, 0-based; -1 none
    std::string num_id;  // numbering from the style
    int num_level = 0;
    uint8_t em_set = 0;    // character styles: Emphasis flags their w:rPr turns on
    uint8_t em_clear = 0;  // ... and turns off (w:b w:val="0")
};

// A toggle property's value: absent or "1", "true", "on" → on; "0", "false", "off" → off.
bool toggle_on(const xmlNode* n) {
    const auto v = attr(n, "val", "1");
    return !(v == "0" || v == "false" || v == "off" || v == "none");
}

// The Emphasis flags a w:rPr sets and clears: w:b, w:u, w:strike, w:dstrike, w:highlight and
// a w:shd fill. w:rStyle is the caller's.
void run_emphasis(const xmlNode* rpr, uint8_t& set, uint8_t& clear) {
    for (const xmlNode* c = xml::first_el(rpr); c; c = xml::next_el(c)) {
        const auto nm = name(c);
        uint8_t flag = 0;
        bool on = false;
        if (nm == "b") {
            flag = Emphasis::Bold;
            on = toggle_on(c);
        } else if (nm == "u") {
            flag = Emphasis::Underline;
            on = toggle_on(c);
        } else if (nm == "strike" || nm == "dstrike") {
            flag = Emphasis::Strike;
            on = toggle_on(c);
        } else if (nm == "highlight") {
            flag = Emphasis::Highlight;
            on = toggle_on(c);
        } else if (nm == "shd") {
            const auto fill = attr(c, "fill");
            flag = Emphasis::Highlight;
            on = attr(c, "val") != "nil" && !fill.empty() && !text::iequals(fill, "auto") &&
                 !text::iequals(fill, "FFFFFF");
        } else {
            continue;
        }
        if (on) {
            set |= flag;
            clear &= static_cast<uint8_t>(~flag);
        } else {
            clear |= flag;
            set &= static_cast<uint8_t>(~flag);
        }
    }
}

struct Styles {
    std::unordered_map<std::string, StyleInfo> by_id;

    // Heading level 1-9 for a paragraph style, or 0.
    int heading_level(const std::string& id) const {
        std::string cur = id;
        for (int guard = 0; guard < 16 && !cur.empty(); ++guard) {
            auto it = by_id.find(cur);
            if (it == by_id.end()) break;
            const StyleInfo& s = it->second;
            if (text::starts_with(s.name, "heading ") && s.name.size() == 9 && s.name[8] >= '1' && s.name[8] <= '9')
                return s.name[8] - '0';
            if (s.name == "title") return 1;
            if (s.name == "subtitle") return 2;
            if (s.outline >= 0 && s.outline < 9) return s.outline + 1;
            cur = s.based_on;
        }
        return 0;
    }

    const StyleInfo* find(const std::string& id) const {
        auto it = by_id.find(id);
        return it == by_id.end() ? nullptr : &it->second;
    }

    // The Emphasis flags of character style `id`, through its w:basedOn chain (the nearest
    // style that sets or clears a flag decides it).
    uint8_t emphasis(std::string_view id) const {
        uint8_t flags = 0, decided = 0;
        std::string cur(id);
        for (int guard = 0; guard < 8 && !cur.empty(); ++guard) {
            const StyleInfo* s = find(cur);
            if (!s) break;
            flags |= static_cast<uint8_t>(s->em_set & ~decided);
            decided |= s->em_set | s->em_clear;
            cur = s->based_on;
        }
        return flags;
    }
};

Styles read_styles(const xmlDoc* doc) {
    Styles st;
    const xmlNode* root = xmlDocGetRootElement(const_cast<xmlDoc*>(doc));
    for (const xmlNode* s = xml::first_el(root); s; s = xml::next_el(s)) {
        if (!is(s, "style")) continue;
        if (attr(s, "type") == "character") {  // only what a run takes from it: its emphasis
            StyleInfo info;
            if (const xmlNode* b = xml::child(s, "basedOn")) info.based_on = std::string(attr(b, "val"));
            run_emphasis(xml::child(s, "rPr"), info.em_set, info.em_clear);
            if (info.em_set || info.em_clear || !info.based_on.empty())
                st.by_id.emplace(std::string(attr(s, "styleId")), std::move(info));
            continue;
        }
        if (attr(s, "type") != "paragraph") continue;
        StyleInfo info;
        if (const xmlNode* n = xml::child(s, "name")) info.name = text::lower(attr(n, "val"));
        if (const xmlNode* b = xml::child(s, "basedOn")) info.based_on = std::string(attr(b, "val"));
        if (const xmlNode* p = xml::child(s, "pPr")) {
            if (const xmlNode* o = xml::child(p, "outlineLvl")) info.outline = int_val(attr(o, "val"), -1, 9, 0);
            if (const xmlNode* np = xml::child(p, "numPr")) {
                if (const xmlNode* id = xml::child(np, "numId")) info.num_id = std::string(attr(id, "val"));
                if (const xmlNode* l = xml::child(np, "ilvl")) info.num_level = int_val(attr(l, "val"), 0, 8, 0);
            }
        }
        st.by_id.emplace(std::string(attr(s, "styleId")), std::move(info));
    }
    return st;
}

struct LevelFormat {
    std::string fmt = "bullet";  // w:numFmt
    std::string text;            // w:lvlText, e.g. "%1."
    int start = 1;
};

struct Numbering {
    std::map<std::string, std::map<int, LevelFormat>> abstract;  // abstractNumId → levels
    std::map<std::string, std::string> num_to_abstract;
    std::map<std::string, std::map<int, int>> start_override;  // numId → level → start

    const LevelFormat* level(const std::string& num_id, int lvl) const {
        auto a = num_to_abstract.find(num_id);
        if (a == num_to_abstract.end()) return nullptr;
        auto ab = abstract.find(a->second);
        if (ab == abstract.end()) return nullptr;
        auto l = ab->second.find(lvl);
        return l == ab->second.end() ? nullptr : &l->second;
    }
};

void read_levels(const xmlNode* parent, std::map<int, LevelFormat>& out) {
    for (const xmlNode* l = xml::first_el(parent); l; l = xml::next_el(l)) {
        if (!is(l, "lvl")) continue;
        LevelFormat f;
        if (const xmlNode* n = xml::child(l, "numFmt")) f.fmt = std::string(attr(n, "val"));
        if (const xmlNode* t = xml::child(l, "lvlText")) f.text = std::string(attr(t, "val"));
        if (const xmlNode* s = xml::child(l, "start"))
            f.start = int_val(attr(s, "val"), -kMaxListStart, kMaxListStart, 0);
        out[int_val(attr(l, "ilvl"), -1, 9, 0)] = f;
    }
}

Numbering read_numbering(const xmlDoc* doc) {
    Numbering nb;
    const xmlNode* root = xmlDocGetRootElement(const_cast<xmlDoc*>(doc));
    for (const xmlNode* n = xml::first_el(root); n; n = xml::next_el(n)) {
        if (is(n, "abstractNum")) {
            read_levels(n, nb.abstract[std::string(attr(n, "abstractNumId"))]);
        } else if (is(n, "num")) {
            const std::string id(attr(n, "numId"));
            if (const xmlNode* a = xml::child(n, "abstractNumId")) nb.num_to_abstract[id] = std::string(attr(a, "val"));
            for (const xmlNode* o = xml::first_el(n); o; o = xml::next_el(o)) {
                if (!is(o, "lvlOverride")) continue;
                if (const xmlNode* s = xml::child(o, "startOverride"))
                    nb.start_override[id][int_val(attr(o, "ilvl"), -1, 9, 0)] =
                        int_val(attr(s, "val"), -kMaxListStart, kMaxListStart, 0);
            }
        }
    }
    return nb;
}

struct Rel {
    std::string type;    // last path segment of the Type URI ("header", "footnotes")
    std::string target;  // resolved part name, or the URL for external targets
    bool external = false;
};

std::map<std::string, Rel> read_rels(const ZipFile& zip, const std::string& part) {
    std::map<std::string, Rel> rels;
    const size_t slash = part.find_last_of('/');
    const std::string rels_part = (slash == std::string::npos ? "" : part.substr(0, slash + 1)) + "_rels/" +
                                  (slash == std::string::npos ? part : part.substr(slash + 1)) + ".rels";
    if (!zip.has(rels_part)) return rels;
    auto bytes = zip.read(rels_part);
    if (!bytes) return rels;
    auto doc = xml::parse("", rels_part, bytes.value());
    if (!doc) return rels;
    for (const xmlNode* r = xml::first_el(xmlDocGetRootElement(doc.value().get())); r; r = xml::next_el(r)) {
        Rel rel;
        const std::string_view type = attr(r, "Type");
        rel.type = std::string(type.substr(type.find_last_of('/') + 1));
        rel.external = attr(r, "TargetMode") == "External";
        rel.target = rel.external ? std::string(attr(r, "Target")) : resolve_part(part, attr(r, "Target"));
        rels.emplace(std::string(attr(r, "Id")), std::move(rel));
    }
    return rels;
}

// ---------------------------------------------------------------------------------------
// Walk stage.

// Where the blocks being read go, and how their locations are written.
struct Sink {
    std::vector<Block>* out;
    std::string part;    // "" for the body
    std::string prefix;  // the location of the cell this sink fills ("table 1, row 2, cell 1"), or ""
    int paragraphs = 0;
    int tables = 0;
};

void row_spans(Block& t);

struct FieldState {
    enum Phase { None, Instr, Result } phase = None;
    std::string instr;
    bool checkbox = false;
    bool checked = false;
};

class Walker {
public:
    Walker(const Styles& styles, const Numbering& numbering, std::vector<Block>& extras, Budget& budget)
        : styles_(styles), numbering_(numbering), extras_(extras), budget_(budget) {}

    void blocks(const xmlNode* parent, Sink& sink, int depth = 0);

private:
    void paragraph(const xmlNode* p, Sink& sink);
    void table(const xmlNode* tbl, Sink& sink, int depth);
    void rows(const xmlNode* parent, Block& t, const std::string& table_path, int depth);
    void cell(const xmlNode* tc, Row& row, const std::string& row_path, int depth);
    void inlines(const xmlNode* parent, std::string& out, FieldState& f);
    void run(const xmlNode* r, std::string& out, FieldState& f);
    void run_content(const xmlNode* r, std::string& out, FieldState& f);
    void text_box(const xmlNode* txbx);
    void list_marker(Block& b, const std::string& num_id, int lvl);
    uint8_t emphasis_of(const xmlNode* r) const;

    const Styles& styles_;
    const Numbering& numbering_;
    std::vector<Block>& extras_;
    Budget& budget_;
    int text_boxes_ = 0;
    std::string drop_cap_;  // text of a drop-cap paragraph waiting for the paragraph it starts
    std::map<std::string, std::vector<int>> counters_;  // numId → count per level
    std::vector<Emphasis>* emphasis_ = nullptr;         // the spans of the paragraph being read
};

void Walker::blocks(const xmlNode* parent, Sink& sink, int depth) {
    for (const xmlNode* n = xml::first_el(parent); n; n = xml::next_el(n)) {
        const auto nm = name(n);
        if (nm == "p") {
            paragraph(n, sink);
        } else if (nm == "tbl") {
            if (depth < 32) table(n, sink, depth + 1);
        } else if (nm == "sdt") {
            if (xml::child(xml::child(n, "sdtPr"), "showingPlcHdr")) continue;
            blocks(xml::child(n, "sdtContent"), sink, depth);
        } else if (nm == "customXml" || nm == "ins" || nm == "moveTo" || nm == "smartTag") {
            blocks(n, sink, depth);
        } else if (nm == "AlternateContent") {
            if (const xmlNode* c = xml::child(n, "Choice")) blocks(c, sink, depth);
        }
    }
}

void Walker::list_marker(Block& b, const std::string& num_id, int lvl) {
    const LevelFormat* f = numbering_.level(num_id, lvl);
    b.ordered = f && f->fmt != "bullet" && f->fmt != "none";
    if (!b.ordered) return;
    auto& c = counters_[num_id];
    if (c.size() <= static_cast<size_t>(lvl)) c.resize(static_cast<size_t>(lvl) + 1, 0);
    if (c[static_cast<size_t>(lvl)] == 0) {
        int start = f->start;
        auto so = numbering_.start_override.find(num_id);
        if (so != numbering_.start_override.end() && so->second.count(lvl)) start = so->second.at(lvl);
        c[static_cast<size_t>(lvl)] = start;
    } else if (c[static_cast<size_t>(lvl)] < kMaxListStart) {
        ++c[static_cast<size_t>(lvl)];
    }
    c.resize(static_cast<size_t>(lvl) + 1);  // deeper levels restart
    const int v = c[static_cast<size_t>(lvl)];
    std::string num;
    const char style = f->fmt == "lowerLetter"   ? 'a'
                       : f->fmt == "upperLetter" ? 'A'
                       : f->fmt == "lowerRoman"  ? 'i'
                       : f->fmt == "upperRoman"  ? 'I'
                                                 : '1';
    num = text::list_number(v, style);
    // Use the level's own punctuation: "%1." → "3.", "%1)" → "3)".
    const std::string pat = "%" + std::to_string(lvl + 1);
    const size_t at = f->text.find(pat);
    b.marker = at == std::string::npos ? num + "." : num + f->text.substr(at + pat.size(), 1);
    if (b.marker.back() != '.' && b.marker.back() != ')') b.marker = num + ".";
}

void Walker::paragraph(const xmlNode* p, Sink& sink) {
    Block b;
    std::string style, num_id;
    int lvl = 0, outline = -1;
    bool numbered = false;
    if (const xmlNode* ppr = xml::child(p, "pPr")) {
        if (const xmlNode* s = xml::child(ppr, "pStyle")) style = std::string(attr(s, "val"));
        if (const xmlNode* np = xml::child(ppr, "numPr")) {
            if (const xmlNode* id = xml::child(np, "numId")) num_id = std::string(attr(id, "val"));
            if (const xmlNode* l = xml::child(np, "ilvl")) lvl = int_val(attr(l, "val"), 0, 8, 0);
            numbered = true;
        }
        if (const xmlNode* o = xml::child(ppr, "outlineLvl")) outline = int_val(attr(o, "val"), -1, 9, 0);
    }
    if (!numbered && !style.empty()) {
        if (const StyleInfo* si = styles_.find(style); si && !si->num_id.empty()) {
            num_id = si->num_id;
            lvl = si->num_level;
        }
    }
    FieldState f;
    std::vector<Emphasis>* outer = std::exchange(emphasis_, &b.emphasis);  // a text box's paragraph nests
    inlines(p, b.text.mut(), f);
    emphasis_ = outer;
    if (!drop_cap_.empty()) {
        b.text.insert(0, drop_cap_);
        for (auto& e : b.emphasis) {
            e.begin += static_cast<uint32_t>(drop_cap_.size());
            e.end += static_cast<uint32_t>(drop_cap_.size());
        }
        drop_cap_.clear();
    }
    if (const xmlNode* fp = xml::child(xml::child(p, "pPr"), "framePr"); fp && attr(fp, "dropCap", "none") != "none") {
        // A drop cap is its own paragraph in the XML: it begins the next one.
        drop_cap_ = b.text;
        return;
    }
    std::string trimmed = text::trim(b.text);
    const size_t cut = b.emphasis.empty() || trimmed.empty() ? 0 : b.text.find(trimmed);
    b.text = std::move(trimmed);
    settle_emphasis(b, cut);
    index_checkboxes(b);
    if (b.text.empty()) return;

    int heading = styles_.heading_level(style);
    if (outline >= 0 && outline < 9) heading = outline + 1;
    if (heading > 0) {
        b.kind = BlockKind::Heading;
        b.level = heading;
    } else if (!num_id.empty() && num_id != "0") {
        b.kind = BlockKind::ListItem;
        b.level = std::clamp(lvl, 0, 8);
        list_marker(b, num_id, b.level);
    }
    budget_.blocks();
    budget_.text(b.text.size());
    b.loc.part = sink.part;
    b.loc.path = location_step(sink.prefix, "paragraph", ++sink.paragraphs);
    sink.out->push_back(std::move(b));
}

void Walker::table(const xmlNode* tbl, Sink& sink, int depth) {
    budget_.blocks();
    Block t;
    t.kind = BlockKind::Table;
    t.loc.part = sink.part;
    t.loc.path = location_step(sink.prefix, "table", ++sink.tables);
    rows(tbl, t, t.loc.path, depth);
    row_spans(t);
    if (!t.rows.empty()) sink.out->push_back(std::move(t));
}

// Row spans: a cell that restarts a vertical merge spans the continued cells below it in the
// same grid column. One pass from the bottom row up, carrying for each grid column how many
// continued cells run down from the row below: linear in the cells, however wide the table.
void row_spans(Block& t) {
    std::unordered_map<int, int> below, here;  // grid column → continued cells from this row down
    for (size_t r = t.rows.size(); r-- > 0;) {
        here.clear();
        int g = 0;
        for (Cell& cell : t.rows[r].cells) {
            const auto it = below.find(g);
            const int run = it == below.end() ? 0 : it->second;
            if (cell.continued) {
                here[g] = run + 1;
                if (cell.row_span == -1) cell.row_span = 1;
            } else if (cell.row_span == -1) {
                cell.row_span = run + 1;
            }
            g += cell.col_span;  // col_span ≤ kMaxGridSpan and cells are budgeted: no overflow
        }
        std::swap(below, here);
    }
}

void Walker::rows(const xmlNode* parent, Block& t, const std::string& table_path, int depth) {
    for (const xmlNode* tr = xml::first_el(parent); tr; tr = xml::next_el(tr)) {
        const auto nm = name(tr);
        if (nm == "sdt") {
            rows(xml::child(tr, "sdtContent"), t, table_path, depth);
            continue;
        }
        if (nm == "customXml" || nm == "ins") {
            rows(tr, t, table_path, depth);
            continue;
        }
        if (nm != "tr") continue;
        budget_.cells();  // a row costs as much as a cell
        Row row;
        const std::string row_path = location_step(table_path, "row", t.rows.size() + 1);
        if (const xmlNode* trpr = xml::child(tr, "trPr")) {
            row.header = xml::child(trpr, "tblHeader") != nullptr;
            if (xml::child(trpr, "del")) continue;  // a deleted row
            if (const xmlNode* gb = xml::child(trpr, "gridBefore")) {
                const int n = int_val(attr(gb, "val"), 0, 64, 0);
                for (int k = 0; k < n; ++k) {
                    budget_.cells();
                    Cell empty;
                    empty.loc = {"", location_step(row_path, "cell", row.cells.size() + 1), 0};
                    empty.row_span = 1;
                    row.cells.push_back(std::move(empty));
                }
            }
        }
        for (const xmlNode* tc = xml::first_el(tr); tc; tc = xml::next_el(tc)) {
            if (is(tc, "tc")) {
                cell(tc, row, row_path, depth);
            } else if (is(tc, "sdt") || is(tc, "customXml")) {
                const xmlNode* content = is(tc, "sdt") ? xml::child(tc, "sdtContent") : tc;
                for (const xmlNode* c = xml::first_el(content); c; c = xml::next_el(c))
                    if (is(c, "tc")) cell(c, row, row_path, depth);
            }
        }
        t.rows.push_back(std::move(row));
    }
}

void Walker::cell(const xmlNode* tc, Row& row, const std::string& row_path, int depth) {
    budget_.cells();
    Cell c;
    c.row_span = -1;  // computed by table()
    c.loc.path = location_step(row_path, "cell", row.cells.size() + 1);
    if (const xmlNode* pr = xml::child(tc, "tcPr")) {
        if (const xmlNode* gs = xml::child(pr, "gridSpan")) c.col_span = int_val(attr(gs, "val"), 1, kMaxGridSpan, 1);
        if (const xmlNode* vm = xml::child(pr, "vMerge")) c.continued = attr(vm, "val", "continue") != "restart";
    }
    Sink s{&c.blocks, "", c.loc.path, 0, 0};
    blocks(tc, s, depth);
    // A cell with a single paragraph is cited as the cell itself.
    if (c.blocks.size() == 1 && !c.blocks[0].is_table()) c.blocks[0].loc.path = c.loc.path;
    row.cells.push_back(std::move(c));
}

// Appends the text of the m:t elements under an Office Math element, in document order.
void collect_math(const xmlNode* n, std::string& out) {
    for (const xmlNode* k = xml::first_el(n); k; k = xml::next_el(k)) {
        if (is(k, "t"))
            xml::append_text(k, out);
        else
            collect_math(k, out);
    }
}

// Maps a w:sym character in a symbol font to a tick glyph, or 0.
uint32_t symbol_tick(std::string_view font, uint32_t ch) {
    if (ch >= 0xF000) ch -= 0xF000;
    const std::string f = text::lower(font);
    if (f.find("wingdings 2") != std::string::npos) {
        if (ch == 0x53 || ch == 0x54 || ch == 0x4F) return 0x2612;
        if (ch == 0xA3 || ch == 0x2A) return 0x2610;
        if (ch == 0x50 || ch == 0x52) return 0x2713;
        return 0;
    }
    if (f.find("wingdings") != std::string::npos) {
        if (ch == 0xFE || ch == 0xFD) return 0x2612;
        if (ch == 0xA8 || ch == 0x6F || ch == 0x71) return 0x2610;
        if (ch == 0xFC) return 0x2713;
        if (ch == 0xFB) return 0x2717;
        return 0;
    }
    return 0;
}

// The Emphasis flags of run `r`: its character style's, then its own w:rPr over them.
uint8_t Walker::emphasis_of(const xmlNode* r) const {
    const xmlNode* rpr = xml::first_el(r);  // w:rPr comes first when present
    if (!is(rpr, "rPr")) return 0;
    uint8_t set = 0, clear = 0;
    run_emphasis(rpr, set, clear);
    uint8_t flags = 0;
    if (const xmlNode* rs = xml::child(rpr, "rStyle")) flags = styles_.emphasis(attr(rs, "val"));
    return static_cast<uint8_t>((flags & ~clear) | set);
}

void Walker::run(const xmlNode* r, std::string& out, FieldState& f) {
    const uint8_t emphasis = emphasis_ ? emphasis_of(r) : 0;
    const size_t start = out.size();
    run_content(r, out, f);
    if (emphasis) add_emphasis(*emphasis_, start, out.size(), emphasis);
}

void Walker::run_content(const xmlNode* r, std::string& out, FieldState& f) {
    for (const xmlNode* c = xml::first_el(r); c; c = xml::next_el(c)) {
        const auto nm = name(c);
        if (nm == "t") {
            if (f.phase != FieldState::Instr) xml::append_text(c, out);
        } else if (nm == "tab" || nm == "ptab") {
            if (f.phase != FieldState::Instr) out += '\t';
        } else if (nm == "br" || nm == "cr") {
            if (f.phase != FieldState::Instr) out += '\n';
        } else if (nm == "noBreakHyphen") {
            out += '-';
        } else if (nm == "sym") {
            uint32_t ch = static_cast<uint32_t>(std::strtoul(std::string(attr(c, "char")).c_str(), nullptr, 16));
            if (uint32_t tick = symbol_tick(attr(c, "font"), ch)) text::append_utf8(out, tick);
        } else if (nm == "instrText") {
            if (f.phase == FieldState::Instr) xml::append_text(c, f.instr);
        } else if (nm == "fldChar") {
            const auto type = attr(c, "fldCharType");
            if (type == "begin") {
                f = FieldState{};
                f.phase = FieldState::Instr;
                if (const xmlNode* ff = xml::child(c, "ffData")) {
                    if (const xmlNode* cb = xml::child(ff, "checkBox")) {
                        f.checkbox = true;
                        const xmlNode* st = xml::child(cb, "checked");
                        if (!st) st = xml::child(cb, "default");
                        const auto v = attr(st, "val", st ? "1" : "0");
                        f.checked = st && v != "0" && v != "false";
                    }
                }
            } else if (type == "separate") {
                f.phase = FieldState::Result;
                if (f.checkbox || f.instr.find("FORMCHECKBOX") != std::string::npos) {
                    out += f.checked ? kChecked : kUnchecked;
                    f.checkbox = false;
                    f.instr.clear();
                }
            } else if (type == "end") {
                if (f.phase == FieldState::Instr && (f.checkbox || f.instr.find("FORMCHECKBOX") != std::string::npos))
                    out += f.checked ? kChecked : kUnchecked;
                f = FieldState{};
            }
        } else if (nm == "drawing" || nm == "pict" || nm == "object" || nm == "AlternateContent") {
            // Text boxes inside drawings and VML shapes go to the extras; an image's
            // description (its alt text) stays in the text, in brackets.
            const xmlNode* scope = c;
            if (nm == "AlternateContent") scope = xml::child(c, "Choice");
            std::vector<const xmlNode*> stack{scope};
            while (!stack.empty()) {
                const xmlNode* n = stack.back();
                stack.pop_back();
                if (!n) continue;
                if (is(n, "txbxContent")) {
                    text_box(n);
                    continue;
                }
                if (is(n, "docPr")) {
                    const std::string descr = text::collapse_ws(attr(n, "descr"));
                    if (!descr.empty()) out += "[" + descr + "]";
                }
                for (const xmlNode* k = xml::first_el(n); k; k = xml::next_el(k)) stack.push_back(k);
            }
        } else if (nm == "ruby") {
            if (const xmlNode* base = xml::child(c, "rubyBase")) inlines(base, out, f);
        }
    }
}

void Walker::inlines(const xmlNode* parent, std::string& out, FieldState& f) {
    for (const xmlNode* n = xml::first_el(parent); n; n = xml::next_el(n)) {
        const auto nm = name(n);
        if (nm == "r") {
            run(n, out, f);
        } else if (nm == "del" || nm == "moveFrom" || nm == "pPr" || nm == "rPr") {
            continue;
        } else if (nm == "sdt") {
            const xmlNode* pr = xml::child(n, "sdtPr");
            if (xml::child(pr, "showingPlcHdr")) continue;
            if (const xmlNode* cb = xml::child(pr, "checkbox")) {
                const xmlNode* st = xml::child(cb, "checked");
                const auto v = attr(st, "val", "0");
                out += (st && (v == "1" || v == "true")) ? kChecked : kUnchecked;
                continue;
            }
            inlines(xml::child(n, "sdtContent"), out, f);
        } else if (nm == "oMath" || nm == "oMathPara") {
            collect_math(n, out);
        } else {
            // w:ins, w:moveTo, w:hyperlink, w:smartTag, w:customXml, w:fldSimple, w:bdo, w:dir...
            inlines(n, out, f);
        }
    }
}

void Walker::text_box(const xmlNode* txbx) {
    Sink s{&extras_, "text box " + std::to_string(++text_boxes_), "", 0, 0};
    blocks(txbx, s, 1);
}

// ---------------------------------------------------------------------------------------
// Parsed styles and numbering, shared between documents whose parts are byte-identical: a
// council's forms all carry the same styles.xml, and parsing it again for every document
// would cost as much as the body. Keyed by the part's size and hash; bounded.

template <class T>
class PartCache {
public:
    std::shared_ptr<const T> find(uint64_t key) {
        std::lock_guard<std::mutex> lk(m_);
        auto it = map_.find(key);
        return it == map_.end() ? nullptr : it->second;
    }
    void put(uint64_t key, std::shared_ptr<const T> v) {
        std::lock_guard<std::mutex> lk(m_);
        if (map_.size() >= 256) map_.clear();
        map_.emplace(key, std::move(v));
    }

private:
    std::mutex m_;
    std::unordered_map<uint64_t, std::shared_ptr<const T>> map_;
};

PartCache<Styles>& style_cache() {
    static PartCache<Styles> c;
    return c;
}

PartCache<Numbering>& numbering_cache() {
    static PartCache<Numbering> c;
    return c;
}

// Reads `part` through `cache`: parsed once per distinct content. Damage is a warning, null.
template <class T, class Parse>
std::shared_ptr<const T> cached_part(PartCache<T>& cache, const ZipFile& zip, const std::string& part, Document& doc,
                                     Parse parse) {
    const auto bytes = read_aux_bytes(zip, part, doc);
    if (!bytes) return nullptr;
    const uint64_t key = std::hash<std::string>{}(*bytes) * 1000003u ^ bytes->size();
    if (auto hit = cache.find(key)) return hit;
    auto d = xml::parse(doc.path, part, *bytes);
    if (!d) {
        doc.warnings.push_back(d.error().message);
        return nullptr;
    }
    auto v = std::make_shared<const T>(parse(d.value().get()));
    cache.put(key, v);
    return v;
}

// ---------------------------------------------------------------------------------------

class DocxReader final : public Reader {
public:
    const char* format() const override { return "docx"; }

    Result<Document> read(const std::string& path, std::string_view bytes, const ReadOptions& opts) const override {
        auto zip_r = ZipFile::open(path, bytes, opts);
        if (!zip_r) return zip_r.error();
        const ZipFile& zip = *zip_r.value();

        std::string main_part = find_main_part(zip);
        if (main_part.empty() || !zip.has(main_part))
            return Error{path, "no main document part (word/document.xml): not a Word document"};
        auto main_bytes = zip.read(main_part);
        if (!main_bytes) return main_bytes.error();
        auto main_doc = xml::parse(path, main_part, main_bytes.value());
        if (!main_doc) return main_doc.error();
        const xmlNode* root = xmlDocGetRootElement(main_doc.value().get());
        const xmlNode* body = xml::child(root, "body");
        if (!is(root, "document") || !body) return Error{path, main_part + " is not a WordprocessingML document"};

        Document doc;
        doc.path = path;
        doc.format = "docx";
        const auto rels = read_rels(zip, main_part);
        std::shared_ptr<const Styles> styles;
        std::shared_ptr<const Numbering> numbering;
        for (const auto& [id, rel] : rels) {
            if (rel.external) continue;
            if (rel.type == "styles") styles = cached_part(style_cache(), zip, rel.target, doc, read_styles);
            if (rel.type == "numbering")
                numbering = cached_part(numbering_cache(), zip, rel.target, doc, read_numbering);
        }
        if (!styles) styles = std::make_shared<const Styles>();
        if (!numbering) numbering = std::make_shared<const Numbering>();
        read_title(zip, doc);

        std::vector<Block> boxes;
        Budget budget(opts);
        Walker w(*styles, *numbering, boxes, budget);
        Sink body_sink{&doc.body, "", "", 0, 0};
        w.blocks(body, body_sink);

        if (opts.with_extras) read_extras(zip, rels, w, doc);
        for (auto& b : boxes) doc.extras.push_back(std::move(b));
        return doc;
    }

private:
    static std::string find_main_part(const ZipFile& zip) {
        const auto rels = read_rels(zip, "");
        for (const auto& [id, rel] : rels)
            if (rel.type == "officeDocument" && !rel.external) return rel.target;
        return zip.has("word/document.xml") ? "word/document.xml" : "";
    }

    static void read_title(const ZipFile& zip, Document& doc) {
        if (!zip.has("docProps/core.xml")) return;
        auto d = parse_aux_part(zip, "docProps/core.xml", doc);
        if (!d) return;
        if (const xmlNode* t = xml::child(xmlDocGetRootElement(d.get()), "title"))
            doc.title = text::trim(xml::text_of(t));
    }

    static void read_extras(const ZipFile& zip, const std::map<std::string, Rel>& rels, Walker& w, Document& doc) {
        // Headers and footers in part-name order, so "header 1" is header1.xml.
        std::vector<std::pair<std::string, std::string>> hf;  // (type, target)
        const Rel* notes[3] = {nullptr, nullptr, nullptr};
        for (const auto& [id, rel] : rels) {
            if (rel.external) continue;
            if (rel.type == "header" || rel.type == "footer") hf.emplace_back(rel.type, rel.target);
            if (rel.type == "footnotes") notes[0] = &rel;
            if (rel.type == "endnotes") notes[1] = &rel;
            if (rel.type == "comments") notes[2] = &rel;
        }
        std::sort(hf.begin(), hf.end(), [](const auto& a, const auto& b) {
            return a.first != b.first
                       ? a.first > b.first
                       : (a.second.size() != b.second.size() ? a.second.size() < b.second.size() : a.second < b.second);
        });
        // A part that several relationships name is one header: read it once.
        hf.erase(std::unique(hf.begin(), hf.end()), hf.end());
        int n_header = 0, n_footer = 0;
        for (const auto& [type, target] : hf) {
            auto d = parse_aux_part(zip, target, doc);
            if (!d) continue;
            const std::string part = type + " " + std::to_string(type == "header" ? ++n_header : ++n_footer);
            Sink s{&doc.extras, part, "", 0, 0};
            w.blocks(xmlDocGetRootElement(d.get()), s);
        }
        static const char* kItem[3] = {"footnote", "endnote", "comment"};
        for (int k = 0; k < 3; ++k) {
            if (!notes[k]) continue;
            auto d = parse_aux_part(zip, notes[k]->target, doc);
            if (!d) continue;
            int count = 0;
            for (const xmlNode* n = xml::first_el(xmlDocGetRootElement(d.get())); n; n = xml::next_el(n)) {
                if (name(n) != kItem[k]) continue;
                const auto type = attr(n, "type");
                if (type == "separator" || type == "continuationSeparator" || type == "continuationNotice") continue;
                Sink s{&doc.extras, std::string(kItem[k]) + " " + std::to_string(++count), "", 0, 0};
                w.blocks(n, s);
            }
        }
    }
};

}  // namespace

const Reader& docx_reader() {
    static const DocxReader r;
    return r;
}

}  // namespace tfa
