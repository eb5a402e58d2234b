// .odt: OpenDocument text. content.xml holds the body; styles.xml the named styles (heading
// levels by style) and the master pages' headers and footers; meta.xml the title.
//
// What becomes what:
// - text:h → Heading (text:outline-level); text:p → Heading when its style, or a style up its
//   style:parent-style-name chain, has a default outline level or is named "Heading N" / "Title";
//   else Paragraph. Empty paragraphs are dropped.
// - text:list / text:list-item → ListItem, level = nesting depth (0-based), ordered/marker from
//   the list style (numbers counted per list, honouring continue-numbering and start-value).
//   Further paragraphs of the same item are Paragraphs; text:list-header paragraphs too.
// - table:table → Table. number-columns/rows-spanned set col_span/row_span; a covered cell below
//   a row span becomes one `continued` cell (as wide as the span), a covered cell beside a column
//   span in the same row is dropped (col_span accounts for it), as docx gridSpan does.
//   table:table-header-rows mark Row::header. Nested tables stay inside their cell.
// - Inline: spans and links joined, text:s → spaces, text:tab → "\t", text:line-break → "\n",
//   fields keep their shown result, note citations stay inline, tracked deletions (kept only in
//   text:tracked-changes) never appear, ODF white-space collapsing applied to character data.
// - Form controls (draw:control → office:forms): check boxes and radio buttons become ☒/☐
//   followed by their label; text fields insert their value.
// - Extras (ReadOptions::with_extras): "header N"/"footer N" from styles.xml master pages,
//   "footnote N"/"endnote N" (text:note bodies), "comment N" (office:annotation), "text box N"
//   (draw:text-box, draw:custom-shape text), grouped in that order.
//
// Locations: body "paragraph N" counts body-level non-table blocks, "table N" body tables;
// cells "table N, row R, cell C" (C counts the cells of the row as emitted); a cell's blocks get
// ", paragraph K" only when the cell holds more than one block; nested tables add ", table K".
// Limits: text:s counts and number-columns/rows-repeated are capped at 64 (hostile files could
// otherwise amplify a bounded content.xml into gigabytes), and every block, row, cell and
// paragraph's text a repeat produces is charged to the document's Budget, so repeats nested in
// repeated cells (64^depth) stop at the cells bound with an error naming it.
#include <algorithm>
#include <charconv>
#include <unordered_map>

#include "core/text.h"
#include "readers/reader.h"
#include "readers/xml.h"
#include "readers/zip.h"

namespace tfa {

namespace {

constexpr int kMaxRepeat = 64;

enum class Ns { Other, Office, Text, Table, Draw, Style, Form, Svg, Dc, Meta, Loext };

Ns ns_of(const xmlNode* n) {
    if (!n->ns || !n->ns->href) return Ns::Other;
    std::string_view h(reinterpret_cast<const char*>(n->ns->href));
    constexpr std::string_view oasis = "urn:oasis:names:tc:opendocument:xmlns:";
    if (h.compare(0, oasis.size(), oasis) == 0) {
        h.remove_prefix(oasis.size());
        const std::string_view seg = h.substr(0, h.find(':'));
        if (seg == "text") return Ns::Text;
        if (seg == "table") return Ns::Table;
        if (seg == "office") return Ns::Office;
        if (seg == "drawing") return Ns::Draw;
        if (seg == "style") return Ns::Style;
        if (seg == "form") return Ns::Form;
        if (seg == "svg-compatible") return Ns::Svg;
        if (seg == "meta") return Ns::Meta;
        return Ns::Other;
    }
    if (h == "http://purl.org/dc/elements/1.1/") return Ns::Dc;
    if (h.find("documentfoundation:names:experimental:office:xmlns:loext") != std::string_view::npos) return Ns::Loext;
    return Ns::Other;
}

int to_int(std::string_view s, int def) {
    int v = def;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    return r.ec == std::errc() ? v : def;
}

// List numbers stay within ±kMaxListNumber, so counting on from a hostile start-value cannot
// overflow.
constexpr int kMaxListNumber = 1000000000;

int list_number(std::string_view s, int def) { return std::clamp(to_int(s, def), -kMaxListNumber, kMaxListNumber); }

int clamp_count(std::string_view s, int cap) { return std::clamp(to_int(s, 1), 1, cap); }

bool is_blank(std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
        if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
            ++i;
            continue;
        }
        return false;
    }
    return true;
}

// ---- styles ---------------------------------------------------------------------------------

struct ParaStyle {
    std::string_view parent;
    std::string_view display;
    int outline = -1;  // style:default-outline-level: -1 absent, 0 present but empty (not a heading)
};

struct ListLevel {
    bool known = false;
    bool ordered = false;
    std::string format;  // style:num-format: "1", "a", "A", "i", "I"
    std::string prefix, suffix;
    std::string bullet;
    int start = 1;
};

struct ListStyle {
    ListLevel levels[10];
};

// A text style (family "text", what text:span names): the Emphasis flags its
// style:text-properties turn on and off, and the style it inherits the rest from.
struct TextStyle {
    std::string_view parent;
    uint8_t set = 0;
    uint8_t clear = 0;
};

using ParaMap = std::unordered_map<std::string_view, ParaStyle>;
using ListMap = std::unordered_map<std::string_view, ListStyle>;
using TextMap = std::unordered_map<std::string_view, TextStyle>;

// Style names point into the parsed documents, which outlive the maps.
struct StyleSet {
    ParaMap para;
    ListMap lists;
    TextMap text;
};

// Reads fo:font-weight, style:text-underline-style, style:text-line-through-style and
// fo:background-color of a style:text-properties into the flags they set and clear.
void text_emphasis(const xmlNode* props, TextStyle& t) {
    auto decide = [&t](uint8_t flag, bool on) {
        if (on)
            t.set |= flag;
        else
            t.clear |= flag;
    };
    if (xml::has_attr(props, "font-weight")) {
        const std::string_view w = xml::attr(props, "font-weight");
        decide(Emphasis::Bold, w == "bold" || w == "bolder" || (w.size() == 3 && w >= "600" && w <= "900"));
    }
    if (xml::has_attr(props, "text-underline-style"))
        decide(Emphasis::Underline, xml::attr(props, "text-underline-style") != "none");
    if (xml::has_attr(props, "text-line-through-style"))
        decide(Emphasis::Strike, xml::attr(props, "text-line-through-style") != "none");
    if (xml::has_attr(props, "background-color")) {
        const std::string_view bg = xml::attr(props, "background-color");
        decide(Emphasis::Highlight, bg != "transparent" && !text::iequals(bg, "#ffffff"));
    }
}

void load_styles(const xmlNode* container, StyleSet& set) {
    for (const xmlNode* s = xml::first_el(container); s; s = xml::next_el(s)) {
        const Ns ns = ns_of(s);
        if (ns == Ns::Style && xml::is(s, "style")) {
            if (xml::attr(s, "family") == "text") {
                TextStyle t;
                t.parent = xml::attr(s, "parent-style-name");
                if (const xmlNode* tp = xml::child(s, "text-properties")) text_emphasis(tp, t);
                set.text[xml::attr(s, "name")] = t;
                continue;
            }
            if (xml::attr(s, "family") != "paragraph") continue;
            ParaStyle p;
            p.parent = xml::attr(s, "parent-style-name");
            p.display = xml::attr(s, "display-name");
            if (xml::has_attr(s, "default-outline-level"))
                p.outline = std::clamp(to_int(xml::attr(s, "default-outline-level"), 0), 0, 9);
            set.para[xml::attr(s, "name")] = p;
        } else if (ns == Ns::Text && xml::is(s, "list-style")) {
            ListStyle ls;
            for (const xmlNode* l = xml::first_el(s); l; l = xml::next_el(l)) {
                const int lv = to_int(xml::attr(l, "level"), 0);
                if (lv < 1 || lv > 10) continue;
                ListLevel& L = ls.levels[lv - 1];
                L.known = true;
                if (xml::is(l, "list-level-style-number")) {
                    L.format = std::string(xml::attr(l, "num-format"));
                    L.ordered = !L.format.empty();
                    L.prefix = std::string(xml::attr(l, "num-prefix"));
                    L.suffix = std::string(xml::attr(l, "num-suffix"));
                    L.start = list_number(xml::attr(l, "start-value"), 1);
                } else if (xml::is(l, "list-level-style-bullet")) {
                    L.bullet = std::string(xml::attr(l, "bullet-char"));
                }
            }
            set.lists[xml::attr(s, "name")] = std::move(ls);
        }
    }
}

// "Heading_20_2", "Heading 2", "heading2" → 2; "Title" → 1; else 0.
int level_from_name(std::string_view n) {
    if (text::iequals(n, "Title")) return 1;
    if (n.size() < 8 || !text::iequals(n.substr(0, 7), "heading")) return 0;
    n.remove_prefix(7);
    if (text::starts_with(n, "_20_"))
        n.remove_prefix(4);
    else if (!n.empty() && n[0] == ' ')
        n.remove_prefix(1);
    if (n.size() != 1 || n[0] < '1' || n[0] > '9') return 0;
    return n[0] - '0';
}

// ---- reading --------------------------------------------------------------------------------

struct Control {
    enum Kind { Box, Value } kind = Value;
    bool checked = false;
    std::string text;  // the label of a box, the value of a field
};

// Where blocks go: a vector, the part it belongs to, and the path prefix of the enclosing cell.
struct Sink {
    std::vector<Block>& out;
    const std::string& part;
    std::string prefix;  // "" at the top of a part, else the cell's path
    int paras = 0;
    int tables = 0;
};

struct ListCtx {
    const ListStyle* style = nullptr;
    std::vector<int>* counters = nullptr;
};

class OdtParser {
public:
    OdtParser(const std::string& path, const ReadOptions& opts) : path_(path), opts_(opts), budget_(opts) {}

    const std::string& path_;
    const ReadOptions& opts_;
    Budget budget_;          // every repeat re-walks its element, so repeats nested in repeats are charged too
    StyleSet common_;        // styles.xml office:styles
    StyleSet auto_content_;  // content.xml office:automatic-styles
    StyleSet auto_styles_;   // styles.xml office:automatic-styles (headers, footers)
    const StyleSet* autos_ = &auto_content_;
    std::unordered_map<std::string_view, Control> controls_;
    std::unordered_map<std::string_view, std::vector<int>> list_counters_;  // by list style name
    std::vector<Block> extras_;
    int footnotes_ = 0, endnotes_ = 0, comments_ = 0, boxes_ = 0;
    const std::string empty_part_;

    // --- styles ---
    const ParaStyle* para_style(std::string_view name) const {
        if (auto it = autos_->para.find(name); it != autos_->para.end()) return &it->second;
        if (auto it = common_.para.find(name); it != common_.para.end()) return &it->second;
        return nullptr;
    }
    const ListStyle* list_style(std::string_view name) const {
        if (name.empty()) return nullptr;
        if (auto it = autos_->lists.find(name); it != autos_->lists.end()) return &it->second;
        if (auto it = common_.lists.find(name); it != common_.lists.end()) return &it->second;
        return nullptr;
    }
    const TextStyle* text_style(std::string_view name) const {
        if (auto it = autos_->text.find(name); it != autos_->text.end()) return &it->second;
        if (auto it = common_.text.find(name); it != common_.text.end()) return &it->second;
        return nullptr;
    }
    // The flags of text inside a span of style `name`, given the flags around it: the nearest
    // style up the parent chain that sets or clears a flag decides it.
    uint8_t span_emphasis(std::string_view name, uint8_t around) const {
        uint8_t decided = 0;
        for (int guard = 0; guard < 8 && !name.empty(); ++guard) {
            const TextStyle* t = text_style(name);
            if (!t) break;
            around = static_cast<uint8_t>((around & ~(t->clear & ~decided)) | (t->set & ~decided));
            decided |= t->set | t->clear;
            name = t->parent;
        }
        return around;
    }

    int heading_level(std::string_view name) const {
        for (int guard = 0; guard < 16 && !name.empty(); ++guard) {
            const ParaStyle* s = para_style(name);
            if (!s) return level_from_name(name);
            if (s->outline >= 0) return s->outline;
            if (int l = level_from_name(name)) return l;
            if (int l = level_from_name(s->display)) return l;
            name = s->parent;
        }
        return 0;
    }

    // --- form controls ---
    void load_controls(const xmlNode* n) {
        for (const xmlNode* c = xml::first_el(n); c; c = xml::next_el(c)) {
            if (ns_of(c) != Ns::Form) continue;
            const std::string_view id = xml::attr(c, "id");
            const std::string_view nm = xml::name(c);
            if (nm == "form") {
                load_controls(c);
                continue;
            }
            if (id.empty()) continue;
            Control ctl;
            if (nm == "checkbox") {
                ctl.kind = Control::Box;
                const std::string_view st =
                    xml::has_attr(c, "current-state") ? xml::attr(c, "current-state") : xml::attr(c, "state");
                ctl.checked = st == "checked";
                ctl.text = std::string(xml::attr(c, "label"));
            } else if (nm == "radio") {
                ctl.kind = Control::Box;
                const std::string_view st =
                    xml::has_attr(c, "current-selected") ? xml::attr(c, "current-selected") : xml::attr(c, "selected");
                ctl.checked = st == "true";
                ctl.text = std::string(xml::attr(c, "label"));
            } else if (nm == "listbox" || nm == "combobox") {
                ctl.text = std::string(xml::attr(c, "current-value"));
                for (const xmlNode* o = xml::first_el(c); o && ctl.text.empty(); o = xml::next_el(o))
                    if (xml::is(o, "option") &&
                        (xml::attr(o, "current-selected") == "true" || xml::attr(o, "selected") == "true"))
                        ctl.text = std::string(xml::attr(o, "label"));
            } else {
                ctl.text = std::string(xml::has_attr(c, "current-value") ? xml::attr(c, "current-value")
                                                                         : xml::attr(c, "value"));
            }
            controls_.emplace(id, std::move(ctl));
        }
    }

    // --- inline text ---
    struct Inline {
        std::string& out;
        size_t collapsed = std::string::npos;       // position of the last space made by collapsing
        std::vector<Emphasis>* emphasis = nullptr;  // the block's spans
        uint8_t flags = 0;                          // Emphasis flags of the span being read
    };

    void append_chars(Inline& in, const char* s) {
        std::string& out = in.out;
        for (; *s; ++s) {
            const char c = *s;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                // ODF: runs of white space in character data are one space; none at the start.
                if (out.empty() || in.collapsed == out.size() - 1 || out.back() == ' ') continue;
                in.collapsed = out.size();
                out += ' ';
            } else {
                out += c;
            }
        }
    }

    void inline_children(const xmlNode* n, Inline& in) {
        for (const xmlNode* c = n->children; c; c = c->next) {
            if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
                if (!c->content) continue;
                const size_t start = in.out.size();
                append_chars(in, reinterpret_cast<const char*>(c->content));
                if (in.flags && in.emphasis) add_emphasis(*in.emphasis, start, in.out.size(), in.flags);
                continue;
            }
            if (c->type != XML_ELEMENT_NODE) continue;  // entity references are never expanded
            inline_element(c, in);
        }
    }

    void inline_element(const xmlNode* c, Inline& in) {
        const std::string_view nm = xml::name(c);
        switch (ns_of(c)) {
            case Ns::Text:
                if (nm == "s") {
                    in.out.append(static_cast<size_t>(clamp_count(xml::attr(c, "c", "1"), kMaxRepeat)), ' ');
                } else if (nm == "tab") {
                    in.out += '\t';
                } else if (nm == "line-break") {
                    in.out += '\n';
                } else if (nm == "note") {
                    note(c, in);
                } else if (nm == "soft-page-break" || nm == "tracked-changes" || nm == "change" ||
                           nm == "change-start" || nm == "change-end" || nm == "number" || nm == "ruby-text" ||
                           nm == "bookmark" || nm == "bookmark-start" || nm == "bookmark-end") {
                    // nothing shown (deletions live in text:tracked-changes only)
                } else if (nm == "span" && xml::has_attr(c, "style-name")) {
                    const uint8_t around = in.flags;
                    in.flags = span_emphasis(style_of(c), around);
                    inline_children(c, in);
                    in.flags = around;
                } else {
                    inline_children(c, in);  // span, a, meta, fields (date, page-number, ...) show their text
                }
                return;
            case Ns::Office:
                if (nm == "annotation") annotation(c);
                return;
            case Ns::Draw:
                if (nm == "control") {
                    control(c, in);
                } else if (nm == "a" || nm == "g") {
                    inline_children(c, in);
                } else {
                    shape(c);
                }
                return;
            case Ns::Svg:
            case Ns::Dc:
            case Ns::Meta:
            case Ns::Style:
            case Ns::Form:
            case Ns::Table:
                return;
            default:
                inline_children(c, in);
                return;
        }
    }

    void control(const xmlNode* c, Inline& in) {
        auto it = controls_.find(xml::attr(c, "control"));
        if (it == controls_.end()) return;
        const Control& ctl = it->second;
        if (ctl.kind == Control::Box) {
            if (!in.out.empty() && in.out.back() != ' ' && in.out.back() != '\t' && in.out.back() != '\n')
                in.out += ' ';
            in.out += ctl.checked ? kChecked : kUnchecked;
            if (!ctl.text.empty()) {
                in.out += ' ';
                in.out += ctl.text;
            }
        } else {
            in.out += ctl.text;
        }
    }

    // --- extras ---
    void add_extras(std::vector<Block>&& blocks) {
        for (auto& b : blocks) extras_.push_back(std::move(b));
    }

    void part_blocks(const xmlNode* container, const std::string& part) {
        std::vector<Block> blocks;
        Sink s{blocks, part, {}};
        this->blocks(container, s, ListCtx{}, 0);
        add_extras(std::move(blocks));
    }

    void note(const xmlNode* n, Inline& in) {
        const xmlNode* cit = nullptr;
        const xmlNode* body = nullptr;
        for (const xmlNode* c = xml::first_el(n); c; c = xml::next_el(c)) {
            if (xml::is(c, "note-citation"))
                cit = c;
            else if (xml::is(c, "note-body"))
                body = c;
        }
        if (cit) inline_children(cit, in);
        const bool end = xml::attr(n, "note-class") == "endnote";
        const int k = end ? ++endnotes_ : ++footnotes_;
        if (!opts_.with_extras || !body) return;
        part_blocks(body, (end ? "endnote " : "footnote ") + std::to_string(k));
    }

    void annotation(const xmlNode* n) {
        const int k = ++comments_;
        if (!opts_.with_extras) return;
        part_blocks(n, "comment " + std::to_string(k));  // dc:creator, dc:date are skipped
    }

    // draw:frame (text box, image, object), draw:custom-shape and other shapes holding text.
    void shape(const xmlNode* n) {
        if (xml::is(n, "frame")) {
            for (const xmlNode* c = xml::first_el(n); c; c = xml::next_el(c))
                if (ns_of(c) == Ns::Draw && xml::is(c, "text-box")) text_box(c);
            return;
        }
        if (xml::is(n, "image") || xml::is(n, "object") || xml::is(n, "object-ole")) return;
        if (xml::child(n, "p") || xml::child(n, "list") || xml::child(n, "h")) text_box(n);
        for (const xmlNode* c = xml::first_el(n); c; c = xml::next_el(c))  // groups, nested shapes
            if (ns_of(c) == Ns::Draw && !xml::is(c, "text-box")) shape(c);
    }

    void text_box(const xmlNode* n) {
        const int k = ++boxes_;
        if (!opts_.with_extras) return;
        part_blocks(n, "text box " + std::to_string(k));
    }

    // --- blocks ---
    static std::string_view style_of(const xmlNode* n) { return xml::attr(n, "style-name"); }

    Block& new_block(Sink& s, BlockKind kind) {
        budget_.blocks();
        Block& b = s.out.emplace_back();
        b.kind = kind;
        b.loc.part = s.part;
        return b;
    }

    void set_para_path(Sink& s, Block& b) {
        ++s.paras;
        b.loc.path = s.prefix.empty() ? location_step("", "paragraph", s.paras) : s.prefix;
    }

    // Builds a paragraph-like block; drops it again when it turns out empty.
    Block* para(const xmlNode* p, Sink& s, BlockKind kind, int level) {
        Block& b = new_block(s, kind);
        b.level = level;
        Inline in{b.text.mut(), std::string::npos, &b.emphasis};
        inline_children(p, in);
        if (in.collapsed != std::string::npos && in.collapsed + 1 == b.text.size()) b.text.pop_back();
        settle_emphasis(b);
        index_checkboxes(b);
        if (b.boxes.empty() && is_blank(b.text)) {
            s.out.pop_back();
            return nullptr;
        }
        budget_.text(b.text.size());
        set_para_path(s, b);
        return &b;
    }

    void heading_or_para(const xmlNode* p, Sink& s, bool is_h) {
        int level = heading_level(style_of(p));
        if (is_h) {
            const int ol = to_int(xml::attr(p, "outline-level"), 0);
            level = ol > 0 ? ol : (level > 0 ? level : 1);
        }
        if (level > 0)
            para(p, s, BlockKind::Heading, std::min(level, 9));
        else
            para(p, s, BlockKind::Paragraph, 0);
    }

    static std::string format_number(int v, std::string_view fmt) {
        return text::list_number(v, fmt.size() == 1 ? fmt[0] : '1');
    }

    void list(const xmlNode* l, Sink& s, ListCtx ctx, int depth) {
        if (const ListStyle* st = list_style(style_of(l))) ctx.style = st;
        std::vector<int> own;
        const bool top = !ctx.counters;
        std::vector<int>* counters = ctx.counters;
        const std::string_view key = style_of(l);
        if (!counters) {
            // A top-level list restarts numbering unless it says it continues an earlier one.
            const bool cont = xml::attr(l, "continue-numbering") == "true" || xml::has_attr(l, "continue-list");
            auto it = list_counters_.find(key);
            if (cont && it != list_counters_.end()) own = it->second;
            counters = &own;
        }
        ctx.counters = counters;
        const int lv = std::min(depth, 9);
        for (const xmlNode* item = xml::first_el(l); item; item = xml::next_el(item)) {
            if (ns_of(item) != Ns::Text) continue;
            const bool header = xml::is(item, "list-header");
            if (!header && !xml::is(item, "list-item")) continue;
            bool first = true;
            std::string number;  // text:number: the label as last laid out, when saved
            if (const xmlNode* num = xml::child(item, "number")) number = text::trim(xml::text_of(num));
            for (const xmlNode* c = xml::first_el(item); c; c = xml::next_el(c)) {
                if (ns_of(c) != Ns::Text) {
                    if (ns_of(c) == Ns::Table && xml::is(c, "table")) table(c, s);
                    continue;
                }
                if (xml::is(c, "list")) {
                    list(c, s, ctx, depth + 1);
                } else if (xml::is(c, "p") || xml::is(c, "h")) {
                    const bool is_h = xml::is(c, "h");
                    if (!first || header || is_h || heading_level(style_of(c)) > 0) {
                        heading_or_para(c, s, is_h);
                        first = false;
                        continue;
                    }
                    first = false;
                    // The item's own number counts even when its paragraph is empty.
                    const ListLevel* L = ctx.style ? &ctx.style->levels[lv] : nullptr;
                    int value = 0;
                    if (L && L->ordered) {
                        if (static_cast<int>(counters->size()) <= lv) counters->resize(lv + 1, 0);
                        if (counters->size() > static_cast<size_t>(lv + 1)) counters->resize(lv + 1);
                        int& ctr = (*counters)[lv];
                        if (xml::has_attr(item, "start-value"))
                            ctr = list_number(xml::attr(item, "start-value"), 1);
                        else
                            ctr = ctr == 0 ? L->start : std::min(ctr + 1, kMaxListNumber);
                        value = ctr;
                    } else if (counters->size() > static_cast<size_t>(lv + 1)) {
                        counters->resize(lv + 1);
                    }
                    Block* b = para(c, s, BlockKind::ListItem, lv);
                    if (!b) continue;
                    b->ordered = L && L->ordered;
                    if (!number.empty()) {
                        b->marker = number;
                    } else if (L && L->ordered) {
                        b->marker = L->prefix + format_number(value, L->format) + L->suffix;
                    } else if (L && L->known) {
                        const std::string_view bc = L->bullet;
                        size_t i = 0;
                        const uint32_t cp = bc.empty() ? 0 : text::next_cp(bc, i);
                        // OpenSymbol/Wingdings bullets sit in the private use area: show "•".
                        b->marker = (bc.empty() || (cp >= 0xE000 && cp <= 0xF8FF)) ? "\u2022" : std::string(bc);
                    }
                } else if (xml::is(c, "soft-page-break") || xml::is(c, "number")) {
                } else {
                    blocks_one(c, s, ctx, depth);
                }
            }
        }
        if (top) list_counters_[key] = std::move(own);
    }

    // text:numbered-paragraph (ODF 1.2): a list item outside text:list.
    void numbered_paragraph(const xmlNode* n, Sink& s) {
        const int lv = std::clamp(to_int(xml::attr(n, "level"), 1), 1, 10) - 1;
        const ListStyle* st = list_style(style_of(n));
        std::string number;
        if (const xmlNode* num = xml::child(n, "number")) number = text::trim(xml::text_of(num));
        for (const xmlNode* c = xml::first_el(n); c; c = xml::next_el(c)) {
            if (!(xml::is(c, "p") || xml::is(c, "h"))) continue;
            Block* b = para(c, s, BlockKind::ListItem, std::min(lv, 9));
            if (!b) continue;
            b->ordered = st && st->levels[lv].ordered;
            b->marker = number;
        }
    }

    void blocks_one(const xmlNode* c, Sink& s, const ListCtx& ctx, int depth) {
        const std::string_view nm = xml::name(c);
        switch (ns_of(c)) {
            case Ns::Text:
                if (nm == "p" || nm == "h")
                    heading_or_para(c, s, nm == "h");
                else if (nm == "list")
                    list(c, s, ListCtx{}, 0);
                else if (nm == "numbered-paragraph")
                    numbered_paragraph(c, s);
                else if (nm == "tracked-changes" || nm == "soft-page-break" || nm == "sequence-decls" ||
                         nm == "variable-decls" || nm == "user-field-decls" || nm == "dde-connection-decls" ||
                         nm == "index-title-template" || nm == "table-of-content-source" ||
                         nm == "alphabetical-index-source" || nm == "illustration-index-source" ||
                         nm == "table-index-source" || nm == "object-index-source" || nm == "user-index-source" ||
                         nm == "bibliography-source" || nm == "note-citation")
                    return;
                else
                    blocks(c, s, ctx, depth);  // section, index-body, table-of-content, note-body, ...
                return;
            case Ns::Table:
                if (nm == "table") table(c, s);
                return;
            case Ns::Draw:
                if (nm == "a")
                    blocks(c, s, ctx, depth);
                else
                    shape(c);
                return;
            case Ns::Office:
                if (nm == "annotation") annotation(c);
                return;
            default:
                return;  // office:forms, dc:creator, svg:title, ...
        }
    }

    void blocks(const xmlNode* parent, Sink& s, const ListCtx& ctx, int depth) {
        for (const xmlNode* c = xml::first_el(parent); c; c = xml::next_el(c)) blocks_one(c, s, ctx, depth);
    }

    // --- tables ---
    struct Span {
        int until_row = 0;  // last row index this vertical span covers
        int start_col = 0;
        int width = 1;
    };

    struct TableState {
        Block* block;
        std::string path;
        const std::string& part;
        std::vector<Span> cover;  // by grid column
        int row = 0;
    };

    void table(const xmlNode* t, Sink& s) {
        ++s.tables;
        std::string tpath = location_step(s.prefix, "table", s.tables);
        Block& b = new_block(s, BlockKind::Table);
        b.loc.path = tpath;
        // Only b.rows grows below (cell content goes into the cells, notes into extras_), so
        // the reference into s.out stays valid.
        TableState st{&b, std::move(tpath), s.part, {}, 0};
        rows(t, st, false);
    }

    void rows(const xmlNode* parent, TableState& st, bool header) {
        for (const xmlNode* c = xml::first_el(parent); c; c = xml::next_el(c)) {
            if (ns_of(c) != Ns::Table) continue;
            const std::string_view nm = xml::name(c);
            if (nm == "table-row") {
                const int rep = clamp_count(xml::attr(c, "number-rows-repeated", "1"), kMaxRepeat);
                for (int i = 0; i < rep; ++i) row(c, st, header);
            } else if (nm == "table-header-rows") {
                rows(c, st, true);
            } else if (nm == "table-rows" || nm == "table-row-group") {
                rows(c, st, header);
            }
        }
    }

    void row(const xmlNode* r, TableState& st, bool header) {
        const int R = ++st.row;
        budget_.cells();  // a row costs as much as a cell
        Row& row = st.block->rows.emplace_back();
        row.header = header;
        const std::string rpath = location_step(st.path, "row", R);
        int col = 0;      // grid column of the next cell
        int h_until = 0;  // columns before this are covered by a column span in this row
        auto add_cell = [&]() -> Cell& {
            budget_.cells();
            Cell& cell = row.cells.emplace_back();
            cell.loc.part = st.part;
            cell.loc.path = location_step(rpath, "cell", row.cells.size());
            return cell;
        };
        for (const xmlNode* c = xml::first_el(r); c; c = xml::next_el(c)) {
            if (ns_of(c) != Ns::Table) continue;
            const bool covered = xml::is(c, "covered-table-cell");
            if (!covered && !xml::is(c, "table-cell")) continue;
            const int rep = clamp_count(xml::attr(c, "number-columns-repeated", "1"), kMaxRepeat);
            for (int i = 0; i < rep; ++i) {
                if (covered) {
                    const Span* sp = col < static_cast<int>(st.cover.size()) ? &st.cover[col] : nullptr;
                    if (col < h_until) {
                        // beside a column span in this row: col_span accounts for it
                    } else if (sp && sp->until_row >= R) {
                        if (sp->start_col == col) {
                            Cell& cell = add_cell();
                            cell.continued = true;
                            cell.col_span = sp->width;
                        }
                    } else {
                        add_cell().continued = true;  // a stray covered cell: keep the grid honest
                    }
                    ++col;
                    continue;
                }
                Cell& cell = add_cell();
                cell.col_span = clamp_count(xml::attr(c, "number-columns-spanned", "1"), 1024);
                cell.row_span = clamp_count(xml::attr(c, "number-rows-spanned", "1"), 1 << 16);
                if (cell.row_span > 1) {
                    if (static_cast<int>(st.cover.size()) < col + cell.col_span) st.cover.resize(col + cell.col_span);
                    for (int k = 0; k < cell.col_span; ++k)
                        st.cover[col + k] = {R + cell.row_span - 1, col, cell.col_span};
                }
                Sink cs{cell.blocks, st.part, cell.loc.path};
                blocks(c, cs, ListCtx{}, 0);
                if (cell.blocks.size() > 1) {
                    int k = 0;
                    for (auto& b : cell.blocks)
                        if (!b.is_table()) b.loc.path = location_step(cell.loc.path, "paragraph", ++k);
                }
                // The covered cells that follow stand for the rest of a column span.
                h_until = col + cell.col_span;
                ++col;
            }
        }
    }
};

const xmlNode* office_child(const xmlNode* n, std::string_view local) {
    for (const xmlNode* c = xml::first_el(n); c; c = xml::next_el(c))
        if (ns_of(c) == Ns::Office && xml::is(c, local)) return c;
    return nullptr;
}

int part_rank(std::string_view part) {
    static const std::string_view order[] = {"header", "footer", "footnote", "endnote", "comment", "text box"};
    for (int i = 0; i < 6; ++i)
        if (text::starts_with(part, order[i])) return i;
    return 6;
}

int part_number(std::string_view part) {
    const size_t sp = part.rfind(' ');
    return sp == std::string_view::npos ? 0 : to_int(part.substr(sp + 1), 0);
}

std::string describe_mimetype(std::string_view mt) {
    constexpr std::string_view od = "application/vnd.oasis.opendocument.";
    if (text::starts_with(mt, od)) {
        std::string kind(mt.substr(od.size()));
        if (kind == "graphics") kind = "drawing";
        return "an OpenDocument " + kind;
    }
    return "mimetype " + text::sanitize_utf8(mt.substr(0, 80));
}

class OdtReader final : public Reader {
public:
    const char* format() const override { return "odt"; }

    Result<Document> read(const std::string& path, std::string_view bytes, const ReadOptions& opts) const override {
        auto zr = ZipFile::open(path, bytes, opts);
        if (!zr) return zr.error();
        const ZipFile& zip = *zr.value();

        if (zip.has("mimetype")) {
            auto mt = zip.read("mimetype");
            if (!mt) return mt.error();
            const std::string m = text::trim(mt.value());
            if (!text::starts_with(m, "application/vnd.oasis.opendocument.text"))
                return Error{path, "not an OpenDocument text: this is " + describe_mimetype(m)};
        }
        if (!zip.has("content.xml")) return Error{path, "no content.xml: not an OpenDocument text"};
        auto content_bytes = zip.read("content.xml");
        if (!content_bytes) return content_bytes.error();
        auto content = xml::parse(path, "content.xml", content_bytes.value());
        if (!content) {
            if (zip.has("META-INF/manifest.xml")) {
                auto man = zip.read("META-INF/manifest.xml");
                if (man && man.value().find("encryption-data") != std::string::npos)
                    return Error{path, "password-protected (encrypted) OpenDocument: cannot read it"};
            }
            return content.error();
        }
        std::string().swap(content_bytes.value());

        Document doc;
        doc.path = path;
        doc.format = "odt";
        OdtParser P(path, opts);

        // styles.xml and meta.xml are optional: damage there is a warning, not a failure.
        xml::DocPtr styles;
        if (zip.has("styles.xml")) {
            auto sb = zip.read("styles.xml");
            if (sb) {
                auto sd = xml::parse(path, "styles.xml", sb.value());
                if (sd)
                    styles = std::move(sd.value());
                else
                    doc.warnings.push_back(sd.error().message + " (heading styles, headers and footers not read)");
            } else {
                doc.warnings.push_back(sb.error().message + " (heading styles, headers and footers not read)");
            }
        }
        const xmlNode* sroot = styles ? xmlDocGetRootElement(styles.get()) : nullptr;
        if (sroot) {
            if (const xmlNode* s = office_child(sroot, "styles")) load_styles(s, P.common_);
            if (const xmlNode* s = office_child(sroot, "automatic-styles")) load_styles(s, P.auto_styles_);
        }
        const xmlNode* root = xmlDocGetRootElement(content.value().get());
        if (const xmlNode* s = office_child(root, "styles")) load_styles(s, P.common_);  // flat-style content
        if (const xmlNode* s = office_child(root, "automatic-styles")) load_styles(s, P.auto_content_);

        const xmlNode* body = office_child(root, "body");
        const xmlNode* textel = body ? office_child(body, "text") : nullptr;
        if (!textel) {
            const xmlNode* other = body ? xml::first_el(body) : nullptr;
            if (other && ns_of(other) == Ns::Office)
                return Error{path, "not an OpenDocument text: content.xml holds an office:" +
                                       std::string(xml::name(other)) + " body"};
            return Error{path, "content.xml has no office:text body: not an OpenDocument text"};
        }
        if (const xmlNode* forms = office_child(textel, "forms")) P.load_controls(forms);

        if (opts.with_extras && sroot) {
            // Master pages' headers and footers, read with styles.xml's automatic styles.
            P.autos_ = &P.auto_styles_;
            int headers = 0, footers = 0;
            if (const xmlNode* ms = office_child(sroot, "master-styles")) {
                for (const xmlNode* mp = xml::first_el(ms); mp; mp = xml::next_el(mp)) {
                    if (!xml::is(mp, "master-page")) continue;
                    for (const xmlNode* h = xml::first_el(mp); h; h = xml::next_el(h)) {
                        const std::string_view nm = xml::name(h);
                        const bool is_header = text::starts_with(nm, "header");
                        if ((!is_header && !text::starts_with(nm, "footer")) || text::ends_with(nm, "-style")) continue;
                        if (xml::attr(h, "display") == "false") continue;
                        std::vector<Block> blocks;
                        const std::string part = is_header ? "header " + std::to_string(headers + 1)
                                                           : "footer " + std::to_string(footers + 1);
                        Sink s{blocks, part, {}};
                        P.blocks(h, s, ListCtx{}, 0);
                        if (blocks.empty()) continue;
                        ++(is_header ? headers : footers);
                        P.add_extras(std::move(blocks));
                    }
                }
            }
            P.autos_ = &P.auto_content_;
        }

        Sink s{doc.body, P.empty_part_, {}};
        P.blocks(textel, s, ListCtx{}, 0);

        std::stable_sort(P.extras_.begin(), P.extras_.end(), [](const Block& a, const Block& b) {
            const int ra = part_rank(a.loc.part), rb = part_rank(b.loc.part);
            if (ra != rb) return ra < rb;
            return part_number(a.loc.part) < part_number(b.loc.part);
        });
        doc.extras = std::move(P.extras_);

        if (zip.has("meta.xml")) {
            auto mb = zip.read("meta.xml");
            if (mb) {
                if (auto md = xml::parse(path, "meta.xml", mb.value())) {
                    const xmlNode* meta = office_child(xmlDocGetRootElement(md.value().get()), "meta");
                    for (const xmlNode* c = meta ? xml::first_el(meta) : nullptr; c; c = xml::next_el(c))
                        if (ns_of(c) == Ns::Dc && xml::is(c, "title")) doc.title = text::collapse_ws(xml::text_of(c));
                } else {
                    doc.warnings.push_back(md.error().message + " (title not read)");
                }
            } else {
                doc.warnings.push_back(mb.error().message + " (title not read)");
            }
        }
        return doc;
    }
};

}  // namespace

const Reader& odt_reader() {
    static const OdtReader r;
    return r;
}

}  // namespace tfa
