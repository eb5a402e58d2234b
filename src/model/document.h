// The document model every reader fills and every later stage reads.
//
// A Document is an ordered list of Blocks for the body, and a second list for the parts kept
// apart from it (headers, footers, footnotes, endnotes, comments, text boxes). Every Block
// carries the Location it came from, set by the reader, so that findings can cite it.
// Tick boxes are first-class: a block's text holds U+2612 (checked) or U+2610 (unchecked) where
// a tick box stands, and `boxes` records each one with its state and byte offset in `text`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/block_text.h"

namespace tfa {

// Where a block sits in its document (Document::path names the file). `path` reads like "table 2, row 3, cell 1,
// paragraph 1" or "paragraph 14"; `part` names the part outside the body ("header 1", "footnote 3", "comment 2", "text
// box 1", "sheet Attendance"), empty for the body. `page` is 1-based for PDF, 0 elsewhere.
struct Location {
    std::string part;
    std::string path;
    int page = 0;

    // "part, path" or "page 2, paragraph 3": what a finding prints after the file name.
    std::string where() const;
};

// The one builder of location paths: `parent` (empty at the top of a part) then "WHAT N", as in
// "table 2, row 3, cell 1, paragraph 2". Every reader builds its paths with it.
std::string location_step(std::string_view parent, const char* what, size_t n);

struct Checkbox {
    bool checked = false;
    size_t offset = 0;  // byte offset of the glyph in Block::text
};

// Run formatting that can carry an answer: "**Yes** / No", "Yes / ~~No~~", a highlighted
// option. A span covers Block::text[begin, end) (byte offsets); a block's spans are in text
// order, do not overlap, carry at least one flag and never begin or end with white space.
// Neighbours with equal flags separated only by white space are one span.
struct Emphasis {
    enum Flag : uint8_t { Bold = 1, Underline = 2, Strike = 4, Highlight = 8 };
    uint32_t begin = 0;
    uint32_t end = 0;
    uint8_t flags = 0;
};

// "bold", "underline strike", ...: the flags as words, in the order of Emphasis::Flag.
std::string emphasis_words(uint8_t flags);

struct Block;

struct Cell {
    std::vector<Block> blocks;
    int col_span = 1;        // columns this cell spans (gridSpan, colspan, number-columns-spanned)
    int row_span = 1;        // rows this cell spans, on the cell that starts the span
    bool continued = false;  // a vertically merged continuation: a placeholder, no content
    Location loc;

    // The cell's text: its blocks' text joined by newlines.
    std::string text() const;
};

struct Row {
    std::vector<Cell> cells;
    bool header = false;
};

enum class BlockKind { Heading, Paragraph, ListItem, Table };

const char* to_string(BlockKind k);

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    int level = 0;         // heading level 1-9; list nesting level 0-8
    bool ordered = false;  // list items: numbered rather than bulleted
    std::string marker;    // list items: "1.", "a)", "•" when known
    BlockText text;        // inline text, tabs and line breaks kept ("\t", "\n"); may be shared
    std::vector<Checkbox> boxes;
    std::vector<Emphasis> emphasis;  // bold, underline, strike, highlight in `text`; often empty
    std::vector<Row> rows;           // tables only
    Location loc;

    bool is_table() const { return kind == BlockKind::Table; }
    // True when the text holds nothing but unfilled placeholders, blanks and underscores.
    bool is_empty_value() const;
};

// A problem a reader read past. `lost`: some of the document's content may not have been read
// (a part, a page, rows or cells past a bound, a damaged stream), so a verdict resting on the
// document is for a person to check. A reader says `lost = false` only for a note that leaves
// nothing unread (an encoding guessed, a page named twice and read once): the default is the
// safe one.
struct ReadWarning {
    std::string message;
    bool lost = true;
    ReadWarning(std::string m, bool l = true) : message(std::move(m)), lost(l) {}  // NOLINT: implicit
    ReadWarning(const char* m, bool l = true) : message(m), lost(l) {}             // NOLINT
};

struct Document {
    std::string path;    // as given by the user
    std::string format;  // "docx", "odt", "html", "pdf", "xlsx", "txt", "csv"
    std::string title;   // document properties title, <title>, or empty
    std::vector<Block> body;
    std::vector<Block> extras;          // headers, footers, notes, comments, text boxes: loc.part set
    std::vector<ReadWarning> warnings;  // damage read past, one line each
    int pages = 0;                      // PDF page count, 0 elsewhere

    // Calls f(block) for every block in reading order, descending into table cells.
    template <class F>
    void for_each(F&& f) const {
        for (const auto& b : body) visit(b, f);
    }

    template <class F>
    static void visit(const Block& b, F& f) {
        f(b);
        for (const auto& r : b.rows)
            for (const auto& c : r.cells)
                for (const auto& cb : c.blocks) visit(cb, f);
    }
};

// Plain text in reading order: blocks separated by newlines, table cells by tabs and rows by
// newlines; then the notes, comments and text boxes, each part after a marker line
// "--- footnote 1 ---". Headers and footers are left out (they are in to_json).
std::string to_text(const Document& doc);

// The block model as JSON with locations (deterministic key order, two-space indent).
std::string to_json(const Document& doc);

// True when `s` is only placeholder text ("Click here to enter text.", "Choose an item.", ...),
// form-field blanks (spaces, underscores, dots) or nothing at all.
bool is_placeholder(std::string_view s);

// `s` with placeholder phrases removed and white space trimmed: the value a field holds.
std::string strip_placeholders(std::string_view s);

// The glyphs used in Block::text for tick boxes.
inline constexpr const char* kChecked = "\u2612";    // ☒
inline constexpr const char* kUnchecked = "\u2610";  // ☐

// If the code point is a tick glyph, sets `checked` and returns true. ☒ ☑ ✓ ✔ ✗ ✘ are
// checked, ☐ unchecked. (✗ ticks a box in these forms: "✗ Yes" means the box is marked.)
bool tick_glyph(uint32_t cp, bool& checked);

// Records, while a reader builds a block's text, that text[begin, end) carries `flags`. Spans
// must be added in text order; one that touches the previous span with the same flags extends
// it. Empty ranges and zero flags are ignored. Allocates only when a span is kept.
void add_emphasis(std::vector<Emphasis>& spans, size_t begin, size_t end, uint8_t flags);

// Puts b.emphasis in the form Emphasis documents, once the reader has finished b.text: shifts
// the spans back by `removed_front` (bytes the reader cut from the front of the text after
// recording them), clips them to the text, trims white space at their ends, drops empty ones
// and merges equal neighbours. Returns at once when there is no emphasis.
void settle_emphasis(Block& b, size_t removed_front = 0);

// Builds `boxes` from the tick glyphs in `text`, normalising each glyph to ☒ or ☐.
void index_checkboxes(Block& b);

}  // namespace tfa
