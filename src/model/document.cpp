#include "model/document.h"

#include <algorithm>

#include "core/json_writer.h"
#include "core/text.h"

namespace tfa {

std::string location_step(std::string_view parent, const char* what, size_t n) {
    std::string out(parent);
    if (!out.empty()) out += ", ";
    out += what;
    out += ' ';
    out += std::to_string(n);
    return out;
}

std::string Location::where() const {
    std::string s;
    auto add = [&s](const std::string& x) {
        if (x.empty()) return;
        if (!s.empty()) s += ", ";
        s += x;
    };
    if (page > 0) add("page " + std::to_string(page));
    add(part);
    add(path);
    return s;
}

std::string Cell::text() const {
    std::string s;
    for (const auto& b : blocks) {
        if (!s.empty()) s += '\n';
        if (b.is_table()) {
            for (const auto& r : b.rows)
                for (const auto& c : r.cells) {
                    if (!s.empty() && s.back() != '\n') s += ' ';
                    s += c.text();
                }
        } else {
            s += b.text;
        }
    }
    return s;
}

const char* to_string(BlockKind k) {
    switch (k) {
        case BlockKind::Heading:
            return "heading";
        case BlockKind::Paragraph:
            return "paragraph";
        case BlockKind::ListItem:
            return "list_item";
        case BlockKind::Table:
            return "table";
    }
    return "?";
}

namespace {

// Every phrase here holds "here", "enter", "item" or "select": remove_phrases relies on it.
const char* const kPlaceholders[] = {
    "click here to enter text",
    "click or tap here to enter text",
    "click here to enter a date",
    "click or tap to enter a date",
    "choose an item",
    "click or tap here to enter a date",
    "enter text here",
    "type here",
    "insert text here",
    "select from drop down list",
    "select an item",
};

// Removes every placeholder phrase (case-insensitive) from `s`, keeping the rest.
// True if `s` contains `word` (lower-case ASCII), ignoring ASCII case.
bool icontains(std::string_view s, std::string_view word) {
    if (word.size() > s.size()) return false;
    for (size_t i = 0; i + word.size() <= s.size(); ++i) {
        size_t k = 0;
        while (k < word.size() && (s[i + k] | 0x20) == word[k]) ++k;
        if (k == word.size()) return true;
    }
    return false;
}

std::string remove_phrases(std::string_view s) {
    // Every phrase holds one of these words: most text holds none, and is returned at once.
    if (!icontains(s, "here") && !icontains(s, "enter") && !icontains(s, "item") && !icontains(s, "select"))
        return std::string(s);
    std::string low = text::lower(s);
    std::string out(s);
    for (const char* p : kPlaceholders) {
        const std::string_view pv(p);
        size_t at;
        while ((at = low.find(pv)) != std::string::npos) {
            size_t end = at + pv.size();
            if (end < low.size() && low[end] == '.') ++end;
            low.erase(at, end - at);
            out.erase(at, end - at);
        }
    }
    return out;
}

}  // namespace

std::string strip_placeholders(std::string_view s) {
    std::string v = text::trim(remove_phrases(s));
    // Legacy form fields leave runs of blanks, underscores or dots.
    if (std::all_of(v.begin(), v.end(), [](char c) { return c == '_' || c == '.' || c == ' '; })) return {};
    return v;
}

bool is_placeholder(std::string_view s) { return strip_placeholders(s).empty(); }

bool Block::is_empty_value() const {
    if (is_table()) return false;
    return is_placeholder(text);
}

bool tick_glyph(uint32_t cp, bool& checked) {
    switch (cp) {
        case 0x2612:  // ☒
        case 0x2611:  // ☑
        case 0x2713:  // ✓
        case 0x2714:  // ✔
        case 0x2717:  // ✗
        case 0x2718:  // ✘
        case 0x22A0:  // ⊠
            checked = true;
            return true;
        case 0x2610:  // ☐
        case 0x25A1:  // □
            checked = false;
            return true;
        default:
            return false;
    }
}

void index_checkboxes(Block& b) {
    b.boxes.clear();
    const std::string& in = b.text;
    // Fast path: every tick glyph is three bytes starting 0xE2.
    if (in.find('\xE2') == std::string::npos) return;
    std::string out;
    out.reserve(in.size());
    size_t i = 0;
    while (i < in.size()) {
        const size_t start = i;
        const uint32_t cp = text::next_cp(in, i);
        bool checked = false;
        if (tick_glyph(cp, checked)) {
            b.boxes.push_back({checked, out.size()});
            out += checked ? kChecked : kUnchecked;
        } else {
            out.append(in, start, i - start);
        }
    }
    if (out != in) b.text = std::move(out);  // a shared text already in this form stays shared
}

std::string emphasis_words(uint8_t flags) {
    static const char* const kWords[] = {"bold", "underline", "strike", "highlight"};
    std::string s;
    for (int i = 0; i < 4; ++i) {
        if (!(flags & (1u << i))) continue;
        if (!s.empty()) s += ' ';
        s += kWords[i];
    }
    return s;
}

void add_emphasis(std::vector<Emphasis>& spans, size_t begin, size_t end, uint8_t flags) {
    if (begin >= end || flags == 0) return;
    if (!spans.empty() && spans.back().end == begin && spans.back().flags == flags) {
        spans.back().end = static_cast<uint32_t>(end);
        return;
    }
    spans.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end), flags});
}

namespace {

bool ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Length of the white space (ASCII or U+00A0) starting at s[i], or 0.
size_t space_at(std::string_view s, size_t i) {
    if (ascii_space(s[i])) return 1;
    return s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0' ? 2 : 0;
}

// Length of the white space ending just before s[i], or 0.
size_t space_before(std::string_view s, size_t i) {
    if (ascii_space(s[i - 1])) return 1;
    return i >= 2 && s[i - 2] == '\xC2' && s[i - 1] == '\xA0' ? 2 : 0;
}

bool all_space(std::string_view s, size_t begin, size_t end) {
    while (begin < end) {
        const size_t n = space_at(s, begin);
        if (!n) return false;
        begin += n;
    }
    return true;
}

}  // namespace

void settle_emphasis(Block& b, size_t removed_front) {
    if (b.emphasis.empty()) return;
    const std::string_view t = b.text;
    std::vector<Emphasis>& v = b.emphasis;
    size_t kept = 0;  // compacted in place: v[0, kept) are settled
    for (size_t i = 0; i < v.size(); ++i) {
        const Emphasis e = v[i];
        size_t begin = e.begin > removed_front ? e.begin - removed_front : 0;
        size_t end = e.end > removed_front ? std::min<size_t>(e.end - removed_front, t.size()) : 0;
        while (begin < end && space_at(t, begin)) begin += space_at(t, begin);
        while (end > begin && space_before(t, end)) end -= space_before(t, end);
        if (begin >= end || e.flags == 0) continue;
        if (kept) {
            Emphasis& last = v[kept - 1];
            if (begin < last.end) continue;  // out of order: not what add_emphasis makes
            if (last.flags == e.flags && all_space(t, last.end, begin)) {
                last.end = static_cast<uint32_t>(end);
                continue;
            }
        }
        v[kept++] = {static_cast<uint32_t>(begin), static_cast<uint32_t>(end), e.flags};
    }
    v.resize(kept);
}

namespace {

void cell_line(std::string& out, const Cell& c);

void block_inline(std::string& out, const Block& b) {
    if (b.is_table()) {
        for (const auto& r : b.rows) {
            for (const auto& c : r.cells) {
                // A separator between cells, not at the start of a line or table cell.
                if (!out.empty() && out.back() != ' ' && out.back() != '\t' && out.back() != '\n') out += ' ';
                cell_line(out, c);
            }
        }
        return;
    }
    for (char ch : b.text) out += (ch == '\n' || ch == '\t') ? ' ' : ch;
}

// A cell's text on one line: its blocks joined by spaces.
void cell_line(std::string& out, const Cell& c) {
    bool first = true;
    for (const auto& b : c.blocks) {
        if (!first) out += ' ';
        first = false;
        block_inline(out, b);
    }
}

void block_text(std::string& out, const Block& b) {
    switch (b.kind) {
        case BlockKind::Table:
            for (const auto& r : b.rows) {
                bool first = true;
                for (const auto& c : r.cells) {
                    if (!first) out += '\t';
                    first = false;
                    if (!c.continued) cell_line(out, c);
                }
                out += '\n';
            }
            return;
        case BlockKind::ListItem:
            out.append(static_cast<size_t>(std::clamp(b.level, 0, 9)) * 2, ' ');  // never a negative count
            out += b.marker.empty() ? (b.ordered ? "1." : "-") : b.marker;
            out += ' ';
            break;
        default:
            break;
    }
    out += b.text;
    out += '\n';
}

}  // namespace

std::string to_text(const Document& doc) {
    std::string out;
    for (const auto& b : doc.body) block_text(out, b);
    std::string part;
    for (const auto& b : doc.extras) {
        // Headers and footers repeat on every page and carry no case content of their own:
        // they are in the block model (--blocks) but not in the plain text.
        if (text::starts_with(b.loc.part, "header") || text::starts_with(b.loc.part, "footer")) continue;
        if (b.loc.part != part) {
            part = b.loc.part;
            // "text box 2" is written "textbox 2" so that the marker is one word and a number.
            std::string marker = part;
            if (text::starts_with(marker, "text box")) marker.erase(4, 1);
            out += "--- " + marker + " ---\n";
        }
        block_text(out, b);
    }
    return out;
}

namespace {

using Layout = JsonWriter::Layout;

void write_blocks(JsonWriter& j, const std::vector<Block>& blocks);

// "checkboxes": [{"checked": true, "offset": 0}, ...] on one line.
void write_boxes(JsonWriter& j, const Block& b) {
    j.key("checkboxes");
    j.begin_array(Layout::Inline);
    for (const auto& box : b.boxes) {
        j.begin_object(Layout::Inline);
        j.key("checked");
        j.boolean(box.checked);
        j.key("offset");
        j.number(box.offset);
        j.end_object();
    }
    j.end_array();
}

// "emphasis": [{"style": "bold", "offset": 4, "text": "Yes"}, ...] on one line.
void write_emphasis(JsonWriter& j, const Block& b) {
    j.key("emphasis");
    j.begin_array(Layout::Inline);
    for (const Emphasis& e : b.emphasis) {
        j.begin_object(Layout::Inline);
        j.key("style");
        j.str(emphasis_words(e.flags));
        j.key("offset");
        j.number(e.begin);
        j.key("text");
        j.str(std::string_view(b.text).substr(e.begin, e.end - e.begin));
        j.end_object();
    }
    j.end_array();
}

// A table's rows, one a line: {"header": true, "cells": [ one cell a line ]}; each cell
// {"where": ..., "blocks": [ one block a line ]}.
void write_rows(JsonWriter& j, const Block& b) {
    j.key("rows");
    j.begin_array();
    for (const auto& row : b.rows) {
        j.begin_object(Layout::Inline);
        if (row.header) {
            j.key("header");
            j.boolean(true);
        }
        j.key("cells");
        j.begin_array();
        for (const auto& cell : row.cells) {
            j.begin_object(Layout::Inline);
            j.key("where");
            j.str(cell.loc.where());
            if (cell.col_span > 1) {
                j.key("col_span");
                j.number(cell.col_span);
            }
            if (cell.row_span > 1) {
                j.key("row_span");
                j.number(cell.row_span);
            }
            if (cell.continued) {
                j.key("continued");
                j.boolean(true);
            }
            j.key("blocks");
            write_blocks(j, cell.blocks);
            j.end_object();
        }
        j.end_array();
        j.end_object();
    }
    j.end_array();
}

void write_block(JsonWriter& j, const Block& b) {
    j.begin_object();
    j.key("kind");
    j.str(to_string(b.kind));
    j.key("where");
    j.str(b.loc.where());
    if (b.kind == BlockKind::Heading || b.kind == BlockKind::ListItem) {
        j.key("level");
        j.number(b.level);
    }
    if (b.kind == BlockKind::ListItem) {
        j.key("ordered");
        j.boolean(b.ordered);
        if (!b.marker.empty()) {
            j.key("marker");
            j.str(b.marker);
        }
    }
    if (b.is_table()) {
        write_rows(j, b);
    } else {
        j.key("text");
        j.str(b.text);
        if (b.is_empty_value() && !b.text.empty()) {
            j.key("placeholder");
            j.boolean(true);
        }
        if (!b.boxes.empty()) write_boxes(j, b);
        if (!b.emphasis.empty()) write_emphasis(j, b);
    }
    j.end_object();
}

void write_blocks(JsonWriter& j, const std::vector<Block>& blocks) {
    j.begin_array();
    for (const auto& b : blocks) write_block(j, b);
    j.end_array();
}

}  // namespace

std::string to_json(const Document& doc) {
    JsonWriter j;
    j.begin_object();
    j.key("file");
    j.str(doc.path);
    j.key("format");
    j.str(doc.format);
    if (!doc.title.empty()) {
        j.key("title");
        j.str(doc.title);
    }
    if (doc.pages > 0) {
        j.key("pages");
        j.number(doc.pages);
    }
    j.key("warnings");
    std::vector<std::string> warnings;
    for (const auto& w : doc.warnings) warnings.push_back(w.message);
    j.strings(warnings);
    j.key("blocks");
    write_blocks(j, doc.body);
    j.key("extras");
    write_blocks(j, doc.extras);
    j.end_object();
    return j.take() + "\n";
}

}  // namespace tfa
