// .html and .htm: case-system exports (label/value tables, h1-h3 sections, tick boxes).
//
// The bytes are converted to UTF-8 first (html_charset.h), then parsed by libxml2's recovering
// HTML parser, then the tree is walked without recursion (parent pointers and an explicit
// stack), so no nesting depth can exhaust the C++ stack.
//
// Blocks: h1-h6 become headings; p, div, section, blockquote, address, dt, dd, caption and
// other block elements paragraphs; pre keeps its white space; li a list item (ul/ol nesting,
// "1." markers honouring start=, value= and type=, "-" for ul); tables keep colspan/rowspan
// (a rowspan leaves `continued` placeholders in the rows below, as Word's vMerge does), rows in
// <thead> or made only of <th> are header rows, and cells hold blocks, nested tables included.
// Inline elements join the enclosing block's text with HTML white-space collapsing; <br> is
// "\n"; &nbsp; is a plain space that is not collapsed. <input type=checkbox|radio> becomes ☒
// or ☐; text inputs, <textarea> and the selected <option>s of a <select> give their values.
// script, style, head (except <title>, which gives Document::title), template, noscript and
// comments are skipped.
//
// Locations: body blocks "paragraph N" (every non-table block counts) and "table N"; cells
// "table N, row R, cell C" (placeholders count as cells); a cell's nested table "..., cell C,
// table 1"; a block in a cell that holds more than one block gets ", paragraph K".
#include <libxml/tree.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <unordered_map>

#include "core/text.h"
#include "readers/html_charset.h"
#include "readers/reader.h"
#include "readers/xml.h"

namespace tfa {

namespace {

enum class Tag : uint8_t {
    Inline,   // span, b, a, font, label and unknown elements: text joins the enclosing block
    Skip,     // nothing inside is read
    Head,     // skipped, except its <title>
    Title,    // Document::title
    Block,    // a paragraph boundary; inside a list item or heading it continues that block
    Para,     // always a paragraph of its own
    Heading,  // h1-h6
    Pre,      // white space kept
    List,     // ul, ol, dir, menu
    Item,     // li
    Table,
    Group,  // thead, tbody, tfoot
    Row,
    Cell,
    Br,
    Hr,
    Input,
    Textarea,
    Select,
};

Tag classify(std::string_view name) {
    static const std::unordered_map<std::string_view, Tag> kTags = {
        {"html", Tag::Block},     {"body", Tag::Block},    {"p", Tag::Block},
        {"div", Tag::Block},      {"section", Tag::Block}, {"article", Tag::Block},
        {"main", Tag::Block},     {"header", Tag::Block},  {"footer", Tag::Block},
        {"nav", Tag::Block},      {"aside", Tag::Block},   {"form", Tag::Block},
        {"fieldset", Tag::Block}, {"center", Tag::Block},  {"blockquote", Tag::Block},
        {"address", Tag::Block},  {"figure", Tag::Block},  {"figcaption", Tag::Block},
        {"details", Tag::Block},  {"summary", Tag::Block}, {"hgroup", Tag::Block},
        {"dialog", Tag::Block},   {"dl", Tag::Block},      {"noframes", Tag::Block},
        {"dt", Tag::Para},        {"dd", Tag::Para},       {"caption", Tag::Para},
        {"legend", Tag::Para},    {"h1", Tag::Heading},    {"h2", Tag::Heading},
        {"h3", Tag::Heading},     {"h4", Tag::Heading},    {"h5", Tag::Heading},
        {"h6", Tag::Heading},     {"pre", Tag::Pre},       {"listing", Tag::Pre},
        {"xmp", Tag::Pre},        {"plaintext", Tag::Pre}, {"ul", Tag::List},
        {"ol", Tag::List},        {"dir", Tag::List},      {"menu", Tag::List},
        {"li", Tag::Item},        {"table", Tag::Table},   {"thead", Tag::Group},
        {"tbody", Tag::Group},    {"tfoot", Tag::Group},   {"tr", Tag::Row},
        {"td", Tag::Cell},        {"th", Tag::Cell},       {"br", Tag::Br},
        {"hr", Tag::Hr},          {"input", Tag::Input},   {"textarea", Tag::Textarea},
        {"select", Tag::Select},  {"head", Tag::Head},     {"title", Tag::Title},
        {"script", Tag::Skip},    {"style", Tag::Skip},    {"template", Tag::Skip},
        {"noscript", Tag::Skip},  {"iframe", Tag::Skip},   {"object", Tag::Skip},
        {"embed", Tag::Skip},     {"applet", Tag::Skip},   {"svg", Tag::Skip},
        {"math", Tag::Skip},      {"canvas", Tag::Skip},   {"audio", Tag::Skip},
        {"video", Tag::Skip},     {"button", Tag::Skip},   {"option", Tag::Skip},
        {"optgroup", Tag::Skip},  {"datalist", Tag::Skip}, {"map", Tag::Skip},
        {"colgroup", Tag::Skip},  {"col", Tag::Skip},      {"frameset", Tag::Skip},
        {"frame", Tag::Skip},     {"noembed", Tag::Skip},  {"param", Tag::Skip},
    };
    const auto it = kTags.find(name);
    return it == kTags.end() ? Tag::Inline : it->second;
}

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The Emphasis flag an inline element's name gives: b, strong; u; s, strike, del; mark.
uint8_t tag_emphasis(std::string_view name) {
    switch (name.size()) {
        case 1:
            return name[0] == 'b'   ? Emphasis::Bold
                   : name[0] == 'u' ? Emphasis::Underline
                   : name[0] == 's' ? Emphasis::Strike
                                    : 0;
        case 3:
            return name == "del" ? Emphasis::Strike : 0;
        case 4:
            return name == "mark" ? Emphasis::Highlight : 0;
        case 6:
            return name == "strong" ? Emphasis::Bold : name == "strike" ? Emphasis::Strike : 0;
        default:
            return 0;
    }
}

// The flags inside an element with inline CSS `style`, given the flags around it:
// font-weight, text-decoration(-line) and background(-color) set or clear them.
uint8_t css_emphasis(std::string_view style, uint8_t flags) {
    const std::string css = text::lower(style);
    for (const std::string& decl : text::split(css, ';')) {
        const size_t colon = decl.find(':');
        if (colon == std::string::npos) continue;
        const std::string prop = text::trim(std::string_view(decl).substr(0, colon));
        std::string value = text::trim(std::string_view(decl).substr(colon + 1));
        if (const size_t imp = value.find("!important"); imp != std::string::npos)
            value = text::trim(value.substr(0, imp));
        auto decide = [&flags](uint8_t flag, bool on) {
            flags = on ? static_cast<uint8_t>(flags | flag) : static_cast<uint8_t>(flags & ~flag);
        };
        if (prop == "font-weight") {
            decide(Emphasis::Bold,
                   value == "bold" || value == "bolder" || (value.size() == 3 && value >= "600" && value <= "900"));
        } else if (prop == "text-decoration" || prop == "text-decoration-line") {
            const bool under = value.find("underline") != std::string::npos;
            const bool strike = value.find("line-through") != std::string::npos;
            if (under || strike || value == "none") {
                decide(Emphasis::Underline, under);
                decide(Emphasis::Strike, strike);
            }
        } else if (prop == "background" || prop == "background-color") {
            static const char* const kNone[] = {"transparent",
                                                "none",
                                                "white",
                                                "#fff",
                                                "#ffffff",
                                                "inherit",
                                                "initial",
                                                "unset",
                                                "rgb(255, 255, 255)",
                                                "rgb(255,255,255)"};
            bool none = value.empty();
            for (const char* k : kNone) none = none || value == k;
            decide(Emphasis::Highlight, !none);
        }
    }
    return flags;
}

// A non-negative integer attribute ("3", " 2 "), or `def` when absent or not a number.
int int_attr(const xmlNode* n, std::string_view name, int def) {
    const std::string_view v = xml::attr(n, name);
    size_t i = 0;
    while (i < v.size() && is_ws(v[i])) ++i;
    if (i >= v.size() || v[i] < '0' || v[i] > '9') return def;
    long x = 0;
    for (; i < v.size() && v[i] >= '0' && v[i] <= '9'; ++i) x = std::min(x * 10 + (v[i] - '0'), 1000000L);
    return static_cast<int>(x);
}

// A signed integer attribute (start= and value= may be negative), or `def`.
int signed_attr(const xmlNode* n, std::string_view name, int def) {
    const std::string_view v = xml::attr(n, name);
    size_t i = 0;
    while (i < v.size() && is_ws(v[i])) ++i;
    const bool neg = i < v.size() && v[i] == '-';
    if (neg) ++i;
    if (i >= v.size() || v[i] < '0' || v[i] > '9') return def;
    long x = 0;
    for (; i < v.size() && v[i] >= '0' && v[i] <= '9'; ++i) x = std::min(x * 10 + (v[i] - '0'), 1000000L);
    return static_cast<int>(neg ? -x : x);
}

// Text of all text descendants of `n`, without recursion.
void descendant_text(const xmlNode* n, std::string& out) {
    const xmlNode* c = n->children;
    while (c) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            out += reinterpret_cast<const char*>(c->content);
        if (c->type == XML_ELEMENT_NODE && c->children) {
            c = c->children;
            continue;
        }
        while (c != n && !c->next) c = c->parent;
        if (c == n) break;
        c = c->next;
    }
}

std::string ordinal_marker(int n, char type) {
    std::string s;
    if ((type == 'a' || type == 'A') && n > 0) {
        for (int k = n; k > 0; k = (k - 1) / 26) s.insert(s.begin(), static_cast<char>(type + (k - 1) % 26));
    } else if ((type == 'i' || type == 'I') && n > 0 && n < 4000) {
        static const char* const kRoman[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
        static const int kValue[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        for (int k = 0, v = n; k < 13; ++k)
            for (; v >= kValue[k]; v -= kValue[k]) s += kRoman[k];
        if (type == 'I')
            for (char& c : s) c = static_cast<char>(c - 'a' + 'A');
    } else {
        s = std::to_string(n);
    }
    s += '.';
    return s;
}

// What block the text being gathered will become.
struct Ctx {
    BlockKind kind = BlockKind::Paragraph;
    int level = 0;
    bool ordered = false;
    std::string marker;
    size_t owner = 0;   // index of the li whose item this is (its `used` says it was emitted)
    bool used = false;  // li only: its list item was emitted, later text is plain paragraphs
    bool pre = false;   // <pre>: leading spaces of the first line are kept
};

// The body or one table cell: where blocks go.
struct Container {
    std::vector<Block> blocks;
    std::string prefix;  // "" for the body, "table 1, row 2, cell 3" for a cell
    int paragraphs = 0;
    int tables = 0;
    std::string text;                // inline text of the block being gathered
    std::vector<Emphasis> emphasis;  // its bold, underline, strike and highlight spans
    bool space = false;              // collapsed white space waiting to be written before more text
    size_t ctx_base = 0;
    size_t list_base = 0;
};

struct List {
    bool ordered = false;
    int next = 1;
    char type = '1';
};

// A rowspan that starts in a grid column (TableBuild::carry, by column). Rows are counted by
// the number of rows kept when they close (an empty row does not advance it), and a span covers
// the rows up to `until`: nothing is counted down per row, so a row costs nothing for the spans
// it does not reach.
struct Carry {
    int until = 0;  // the last row (by rows kept) this span covers
    int span = 1;
    int seen_row = -1;  // the row that opened it or last placed a placeholder for it
};

struct TableBuild {
    Block block;
    std::string prefix;  // "table 2", "table 1, row 1, cell 2, table 1"
    int number = 0;
    size_t level = 0;  // containers.size() at the table's start: it holds rows, not cells
    // Only the rowspans still open, by grid column: a rowspan at column 1,000,000 costs one
    // entry, not a million, and each row visits only the open ones.
    std::map<int, Carry> carry;
    int closed_row = -1;  // rows kept when the last row closed: a span is used up for that row
    Row row;
    bool row_open = false;
    bool all_th = true;
    int real_cells = 0;
    int col = 0;  // next grid column
    bool in_head = false;
    Cell cell;
};

enum class Act : uint8_t { Block, List, Pre, Table, Group, Row, Cell, Textarea, Emphasis };

struct Frame {
    const xmlNode* node;
    Act act;
    uint8_t outer_flags = 0;  // Act::Emphasis: the flags to restore when the element ends
};

class Builder {
public:
    Builder(Document& doc, const ReadOptions& opts) : doc_(doc), budget_(opts) {
        containers_.emplace_back();
        ctxs_.emplace_back();
    }

    void run(const xmlNode* root) {
        const xmlNode* n = root;
        int depth = 0;
        while (n) {
            if (visit(n) && n->children) {
                n = n->children;
                max_depth_ = std::max(max_depth_, ++depth);
                continue;
            }
            for (;;) {
                if (n->type == XML_ELEMENT_NODE && !frames_.empty() && frames_.back().node == n) leave();
                if (n == root) return;
                if (n->next) {
                    n = n->next;
                    break;
                }
                n = n->parent;
                --depth;
            }
        }
    }

    void finish() {
        while (!frames_.empty()) leave();  // only if the tree walk stopped early
        flush(containers_.front());
        doc_.body = std::move(containers_.front().blocks);
    }

    int max_depth() const { return max_depth_; }
    bool too_nested() const { return too_nested_; }
    static constexpr size_t kMaxTableNesting = 16;

private:
    Container& top() { return containers_.back(); }

    // True when the innermost open table is directly open here (not inside one of its cells).
    bool in_table_rows() const { return !tables_.empty() && tables_.back().level == containers_.size(); }

    bool visit(const xmlNode* n) {
        switch (n->type) {
            case XML_TEXT_NODE:
            case XML_CDATA_SECTION_NODE:
                if (n->content) {
                    Container& c = top();
                    const size_t start = c.text.size();
                    add_text(reinterpret_cast<const char*>(n->content));
                    if (flags_) add_emphasis(c.emphasis, start, c.text.size(), flags_);
                }
                return false;
            case XML_ELEMENT_NODE:
                return enter(n);
            default:
                return false;  // comments, processing instructions, DTD, entity refs
        }
    }

    bool enter(const xmlNode* n) {
        const std::string_view name = xml::name(n);
        Tag tag = classify(name);
        if (tag == Tag::Table && tables_.size() >= kMaxTableNesting) {
            // Each level repeats the path of the ones around it: past this depth the locations
            // alone would grow quadratically, so deeper tables are read as plain blocks.
            tag = Tag::Block;
            too_nested_ = true;
        }
        if ((tag == Tag::Group || tag == Tag::Row || tag == Tag::Cell) && !in_table_rows())
            tag = Tag::Block;  // stray table parts outside a table: plain blocks
        switch (tag) {
            case Tag::Inline:
                inline_emphasis(n, name);
                return true;
            case Tag::Skip:
                return false;
            case Tag::Head:
                for (const xmlNode* c = xml::first_el(n); c; c = xml::next_el(c))
                    if (xml::is(c, "title")) take_title(c);
                return false;
            case Tag::Title:
                take_title(n);
                return false;
            case Tag::Br:
                top().text += '\n';
                top().space = false;
                return false;
            case Tag::Hr:
                flush(top());
                return false;
            case Tag::Input:
                input(n);
                return false;
            case Tag::Select:
                select(n);
                return false;
            case Tag::Textarea:
                top().space = true;
                ++pre_;
                pre_start_ = true;
                frames_.push_back({n, Act::Textarea});
                return true;
            case Tag::Block:
            case Tag::Pre:
                flush(top());
                push_inherited_ctx();
                if (tag == Tag::Pre) {
                    ctxs_.back().pre = true;
                    ++pre_;
                    pre_start_ = true;
                }
                frames_.push_back({n, tag == Tag::Pre ? Act::Pre : Act::Block});
                return true;
            case Tag::Para:
            case Tag::Heading: {
                flush(top());
                Ctx c;
                if (tag == Tag::Heading) {
                    c.kind = BlockKind::Heading;
                    c.level = name[1] - '0';
                }
                c.owner = ctxs_.size();
                ctxs_.push_back(std::move(c));
                frames_.push_back({n, Act::Block});
                return true;
            }
            case Tag::List: {
                flush(top());
                List l;
                l.ordered = name == "ol";
                if (l.ordered) {
                    l.next = signed_attr(n, "start", 1);
                    const std::string_view t = xml::attr(n, "type");
                    if (t.size() == 1 && std::string_view("1aAiI").find(t[0]) != std::string_view::npos) l.type = t[0];
                }
                lists_.push_back(l);
                frames_.push_back({n, Act::List});
                return true;
            }
            case Tag::Item: {
                flush(top());
                Ctx c;
                c.kind = BlockKind::ListItem;
                c.owner = ctxs_.size();
                const size_t base = top().list_base;
                if (lists_.size() > base) {
                    List& l = lists_.back();
                    c.level = static_cast<int>(std::min<size_t>(lists_.size() - base - 1, 8));
                    c.ordered = l.ordered;
                    if (l.ordered) {
                        l.next = signed_attr(n, "value", l.next);
                        c.marker = ordinal_marker(l.next, l.type);
                        ++l.next;
                    } else {
                        c.marker = "-";
                    }
                } else {
                    c.marker = "-";
                }
                ctxs_.push_back(std::move(c));
                frames_.push_back({n, Act::Block});
                return true;
            }
            case Tag::Table: {
                Container& c = top();
                flush(c);
                TableBuild t;
                t.block.kind = BlockKind::Table;
                t.number = ++c.tables;
                t.prefix = location_step(c.prefix, "table", t.number);
                t.level = containers_.size();
                tables_.push_back(std::move(t));
                frames_.push_back({n, Act::Table});
                return true;
            }
            case Tag::Group: {
                TableBuild& t = tables_.back();
                close_row(t);
                t.carry.clear();  // rowspans end with their row group
                t.in_head = name == "thead";
                frames_.push_back({n, Act::Group});
                return true;
            }
            case Tag::Row:
                close_row(tables_.back());
                open_row(tables_.back());
                frames_.push_back({n, Act::Row});
                return true;
            case Tag::Cell:
                open_cell(n, name == "th");
                return true;
        }
        return true;
    }

    void leave() {
        const Act act = frames_.back().act;
        frames_.pop_back();
        switch (act) {
            case Act::Pre:
                --pre_;
                [[fallthrough]];
            case Act::Block:
                flush(top());
                ctxs_.pop_back();
                break;
            case Act::List:
                flush(top());
                lists_.pop_back();
                break;
            case Act::Textarea:
                --pre_;
                top().space = true;
                break;
            case Act::Emphasis:
                flags_ = frames_.back().outer_flags;
                break;
            case Act::Group: {
                TableBuild& t = tables_.back();
                close_row(t);
                t.carry.clear();
                t.in_head = false;
                break;
            }
            case Act::Row:
                close_row(tables_.back());
                break;
            case Act::Cell:
                close_cell();
                break;
            case Act::Table:
                close_table();
                break;
        }
    }

    // An inline element that turns emphasis on or off (<b>, <mark>, style="font-weight: bold")
    // sets flags_ until it ends.
    void inline_emphasis(const xmlNode* n, std::string_view name) {
        uint8_t flags = flags_ | tag_emphasis(name);
        if (n->properties && xml::has_attr(n, "style")) flags = css_emphasis(xml::attr(n, "style"), flags);
        if (flags == flags_) return;
        frames_.push_back({n, Act::Emphasis, flags_});
        flags_ = flags;
    }

    // Neutral blocks (div, p, ...) inside a list item not yet written or a heading continue it.
    void push_inherited_ctx() {
        const Ctx& up = ctxs_.back();
        const bool inherit = up.kind == BlockKind::Heading || (up.kind == BlockKind::ListItem && !ctxs_[up.owner].used);
        if (inherit) {
            Ctx c = up;
            c.used = false;
            ctxs_.push_back(std::move(c));
        } else {
            Ctx c;
            c.owner = ctxs_.size();
            ctxs_.push_back(std::move(c));
        }
    }

    void take_title(const xmlNode* n) {
        if (!doc_.title.empty()) return;
        std::string t;
        descendant_text(n, t);
        doc_.title = text::collapse_ws(t);
    }

    // --- inline text -------------------------------------------------------------------

    void write_pending_space(Container& c) {
        if (c.space && !c.text.empty() && c.text.back() != '\n') c.text += ' ';
        c.space = false;
    }

    // Appends a run of text with no collapsible white space; U+00A0 becomes a plain space.
    static void append_run(std::string& out, std::string_view run) {
        size_t at;
        while ((at = run.find("\xC2\xA0")) != std::string_view::npos) {
            out.append(run.data(), at);
            out += ' ';
            run.remove_prefix(at + 2);
        }
        out.append(run.data(), run.size());
    }

    void add_text(std::string_view s) {
        Container& c = top();
        if (pre_ > 0) {
            add_pre_text(c, s);
            return;
        }
        size_t i = 0;
        while (i < s.size()) {
            if (is_ws(s[i])) {
                c.space = true;
                ++i;
                continue;
            }
            size_t j = i;
            while (j < s.size() && !is_ws(s[j])) ++j;
            write_pending_space(c);
            append_run(c.text, s.substr(i, j - i));
            i = j;
        }
    }

    void add_pre_text(Container& c, std::string_view s) {
        if (pre_start_) {
            pre_start_ = false;
            if (!s.empty() && s[0] == '\r') s.remove_prefix(1);
            if (!s.empty() && s[0] == '\n') s.remove_prefix(1);
        }
        if (s.empty()) return;
        write_pending_space(c);
        size_t i = 0;
        while (i < s.size()) {
            const size_t j = s.find('\r', i);
            append_run(c.text, s.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
            if (j == std::string_view::npos) break;
            c.text += '\n';
            i = j + 1;
            if (i < s.size() && s[i] == '\n') ++i;
        }
    }

    void input(const xmlNode* n) {
        Container& c = top();
        const std::string_view type = xml::attr(n, "type", "text");
        if (text::iequals(type, "checkbox") || text::iequals(type, "radio")) {
            write_pending_space(c);
            c.text += xml::has_attr(n, "checked") ? kChecked : kUnchecked;
            return;
        }
        static const char* const kValueTypes[] = {"text",     "email", "tel",  "date", "datetime-local",
                                                  "datetime", "month", "week", "time", "number",
                                                  "search",   "url",   ""};
        bool value_type = false;
        for (const char* t : kValueTypes) value_type = value_type || text::iequals(type, t);
        if (!value_type) return;  // hidden, password, submit, button, file, image, ...
        const std::string_view v = xml::attr(n, "value");
        if (v.empty()) return;
        c.space = true;
        add_text(v);
        c.space = true;
    }

    void select(const xmlNode* n) {
        std::string chosen;
        auto take = [&](const xmlNode* o) {
            if (!xml::is(o, "option") || !xml::has_attr(o, "selected")) return;
            std::string t;
            descendant_text(o, t);
            if (!chosen.empty()) chosen += ", ";
            chosen += t;
        };
        for (const xmlNode* o = xml::first_el(n); o; o = xml::next_el(o)) {
            if (xml::is(o, "optgroup"))
                for (const xmlNode* g = xml::first_el(o); g; g = xml::next_el(g)) take(g);
            else
                take(o);
        }
        if (chosen.empty()) return;
        Container& c = top();
        c.space = true;
        const int pre = pre_;
        pre_ = 0;
        add_text(chosen);
        pre_ = pre;
        c.space = true;
    }

    // --- blocks ----------------------------------------------------------------------------

    void flush(Container& c) {
        c.space = false;
        pre_start_ = false;
        std::string& s = c.text;
        size_t e = s.size();
        while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\n' || s[e - 1] == '\t')) --e;
        s.resize(e);
        const Ctx& x = ctxs_.back();
        size_t b = 0;
        while (b < s.size() && (s[b] == ' ' || s[b] == '\n' || s[b] == '\t')) ++b;
        if (x.pre && b < s.size()) {  // drop leading blank lines only, keep the indent
            const size_t nl = s.rfind('\n', b);
            b = nl == std::string::npos ? 0 : nl + 1;
        }
        if (b) s.erase(0, b);
        if (s.empty()) {
            c.emphasis.clear();
            return;
        }

        Block blk;
        if (x.kind == BlockKind::Heading) {
            blk.kind = BlockKind::Heading;
            blk.level = x.level;
        } else if (x.kind == BlockKind::ListItem && !ctxs_[x.owner].used) {
            blk.kind = BlockKind::ListItem;
            blk.level = x.level;
            blk.ordered = x.ordered;
            blk.marker = x.marker;
            ctxs_[x.owner].used = true;
        }
        budget_.blocks();
        budget_.text(s.size());
        blk.text = std::move(s);
        s.clear();
        blk.emphasis.swap(c.emphasis);
        settle_emphasis(blk, b);
        index_checkboxes(blk);
        blk.loc.path = location_step(c.prefix, "paragraph", ++c.paragraphs);
        c.blocks.push_back(std::move(blk));
    }

    // --- tables ----------------------------------------------------------------------------

    void open_row(TableBuild& t) {
        t.row = Row();
        t.row_open = true;
        t.all_th = true;
        t.real_cells = 0;
        t.col = 0;
    }

    // Placeholders for the rowspans from above that cover the next grid columns.
    void place_carries(TableBuild& t) {
        const int r = static_cast<int>(t.block.rows.size());
        for (auto it = t.carry.find(t.col); it != t.carry.end(); it = t.carry.find(t.col)) {
            Carry& k = it->second;
            if (k.until < r) {
                t.carry.erase(it);  // a span that has ended
                break;
            }
            if (k.seen_row == r || t.closed_row == r) break;
            budget_.cells();
            Cell p;
            p.continued = true;
            p.col_span = k.span;
            p.loc = {"", cell_path(t), 0};
            t.row.cells.push_back(std::move(p));
            k.seen_row = r;
            t.col += k.span;
        }
    }

    std::string cell_path(const TableBuild& t) const {
        return location_step(location_step(t.prefix, "row", t.block.rows.size() + 1), "cell", t.row.cells.size() + 1);
    }

    void close_row(TableBuild& t) {
        if (!t.row_open) return;
        t.row_open = false;
        place_carries(t);
        t.closed_row = static_cast<int>(t.block.rows.size());  // rowspans this row did not reach still use it up
        if (t.real_cells == 0) return;
        budget_.cells();  // a row costs as much as a cell
        t.row.header = t.in_head || t.all_th;
        t.block.rows.push_back(std::move(t.row));
        t.row = Row();
    }

    void open_cell(const xmlNode* n, bool th) {
        TableBuild& t = tables_.back();
        if (!t.row_open) open_row(t);
        place_carries(t);
        budget_.cells();
        t.cell = Cell();
        t.cell.col_span = std::clamp(int_attr(n, "colspan", 1), 1, 1000);
        t.cell.row_span = std::clamp(int_attr(n, "rowspan", 1), 1, 65534);
        t.cell.loc = {"", cell_path(t), 0};
        if (!th) t.all_th = false;
        if (t.cell.row_span > 1) {
            const int r = static_cast<int>(t.block.rows.size());
            t.carry[t.col] = {r + t.cell.row_span - 1, t.cell.col_span, r};
        }
        t.col += t.cell.col_span;
        ++t.real_cells;
        Container c;
        c.prefix = t.cell.loc.path;
        c.ctx_base = ctxs_.size();
        c.list_base = lists_.size();
        containers_.push_back(std::move(c));
        ctxs_.emplace_back();
        ctxs_.back().owner = ctxs_.size() - 1;
        frames_.push_back({n, Act::Cell});
    }

    void close_cell() {
        Container& c = top();
        flush(c);
        if (c.blocks.size() == 1 && !c.blocks[0].is_table()) {
            c.blocks[0].loc.path = c.prefix;
        } else if (c.blocks.size() > 1) {
            int k = 0;  // renumber: only the paragraphs, tables keep "table K"
            for (Block& b : c.blocks)
                if (!b.is_table()) b.loc.path = location_step(c.prefix, "paragraph", ++k);
        }
        TableBuild& t = tables_.back();
        t.cell.blocks = std::move(c.blocks);
        ctxs_.resize(c.ctx_base);
        lists_.resize(c.list_base);
        containers_.pop_back();
        t.row.cells.push_back(std::move(t.cell));
        t.cell = Cell();
    }

    void close_table() {
        TableBuild t = std::move(tables_.back());
        tables_.pop_back();
        close_row(t);
        Container& c = top();
        flush(c);  // stray text inside <table> but outside cells goes before it, as in browsers
        if (t.block.rows.empty()) {
            if (c.tables == t.number) --c.tables;
            return;
        }
        t.block.loc = {"", std::move(t.prefix), 0};
        c.blocks.push_back(std::move(t.block));
    }

    Document& doc_;
    Budget budget_;
    std::vector<Container> containers_;
    std::vector<Ctx> ctxs_;
    std::vector<List> lists_;
    std::vector<TableBuild> tables_;
    std::vector<Frame> frames_;
    int pre_ = 0;
    bool pre_start_ = false;
    uint8_t flags_ = 0;  // Emphasis flags of the inline elements around the text being read
    int max_depth_ = 0;
    bool too_nested_ = false;
};

bool blank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return is_ws(c); });
}

class HtmlReader final : public Reader {
public:
    const char* format() const override { return "html"; }

    Result<Document> read(const std::string& path, std::string_view bytes, const ReadOptions& opts) const override {
        if (bytes.size() > opts.max_file_bytes) return Error{path, "file too large"};
        Document doc;
        doc.path = path;
        doc.format = "html";
        html::Decoded in;
        html::decode(bytes, in);
        if (in.binary) return Error{path, "not an HTML document (binary data)"};
        // A byte the charset cannot have, replaced: a character shown as U+FFFD, nothing unread.
        if (!in.warning.empty()) doc.warnings.push_back({in.warning, false});
        const std::string_view s = in.text();
        if (blank(s)) return doc;  // an empty page is a document with nothing in it
        auto parsed = xml::parse_html(path, s, "UTF-8");
        if (!parsed) return parsed.error();
        Builder b(doc, opts);
        for (const xmlNode* n = parsed.value()->children; n; n = n->next) b.run(n);
        b.finish();
        if (b.too_nested())
            doc.warnings.push_back("tables nested more than " + std::to_string(Builder::kMaxTableNesting) +
                                   " deep: the deeper ones read as paragraphs");
        // libxml2 stops reading at 256 nested elements unless parse_html could lift the limit.
        if (b.max_depth() >= 256 && b.max_depth() <= 258 && s.size() > (256u << 10))
            doc.warnings.push_back("elements nested more than 256 deep: the rest of the page was not read");
        return doc;
    }
};

}  // namespace

const Reader& html_reader() {
    static const HtmlReader r;
    return r;
}

}  // namespace tfa
