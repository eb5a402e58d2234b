// A small layout engine for the PDF reports: text measured with the real font metrics, word
// wrap, page breaks, headings collected for a table of contents, and tables that break
// across pages repeating their header row. It lays out into a display list (pages of
// positioned text, rectangles and lines in PDF points, origin bottom-left); pdf_render.h
// turns the list into a PDF. Layout is linear in the amount of text: each word is measured
// once, and nothing is ever laid out twice within a pass.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tfa::report::pdf {

enum class Face { regular, bold };

struct Colour {
    double r = 0, g = 0, b = 0;
};

// "#1F3A5F" → colour; false (and `out` unchanged) for anything else.
bool parse_colour(const std::string& hex, Colour& out);

struct TextOp {
    double x = 0, y = 0;  // baseline start
    Face face = Face::regular;
    double size = 10;
    Colour colour;
    std::string text;  // UTF-8, one line
};

struct RectOp {
    double x = 0, y = 0, w = 0, h = 0;  // (x, y) is the lower-left corner
    Colour fill;
};

struct LineOp {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0, width = 0.5;
    Colour colour;
};

// One page of the display list. Drawn in order: rectangles, lines, text.
struct Page {
    std::vector<RectOp> rects;
    std::vector<LineOp> lines;
    std::vector<TextOp> texts;
    bool chrome = true;  // running header and page number
};

// Measures UTF-8 text: its advance width in points at `size`.
using Measure = std::function<double(Face, double size, std::string_view text)>;

struct TextStyle {
    Face face = Face::regular;
    double size = 10;
    Colour colour;
    double leading = 1.3;  // line height as a multiple of size
    double line_height() const { return size * leading; }
};

// A4 in points, with the margins of the text block.
struct Geometry {
    double width = 595.276, height = 841.89;
    double left = 56.7, right = 56.7, top = 70.9, bottom = 62.4;
    double text_width() const { return width - left - right; }
};

// A paragraph inside a table cell.
struct CellText {
    std::string text;
    TextStyle style;
};

struct Cell {
    std::vector<CellText> paras;
    bool filled = false;  // draw `fill` behind the cell
    Colour fill;
};

struct Table {
    std::vector<double> widths;  // fractions of the text width, summing to 1
    Cell header_style;           // fill for the header row
    std::vector<Cell> header;    // repeated at the top of every page the table reaches
    std::vector<std::vector<Cell>> rows;
    double padding = 3;
    Colour rule;  // hairlines between rows
};

// One bar of a bar chart: a label, a value in [0, 1] and the text after the bar.
struct Bar {
    std::string label, value_text;
    double value = 0;
    bool has_value = true;  // false: no bar, only the text (e.g. "not applicable")
};

struct BarChart {
    std::vector<Bar> bars;
    double label_width = 110, bar_height = 9, gap = 5;
    TextStyle label_style;
    Colour bar, track, axis;
};

// A heading as placed: the table of contents is built from these.
struct TocEntry {
    int level = 1;
    std::string text;
    int page = 0;  // 1-based
};

// Flows blocks down pages. Each method places its block at the cursor, breaking pages as
// needed; nothing is drawn outside the text block of the Geometry.
class Flow {
public:
    Flow(Measure measure, Geometry geometry);

    // Starts a new page (always, even when the current one is empty). `chrome`: running
    // header and page number on it.
    void new_page(bool chrome = true);
    // Breaks the page unless `height` points are left.
    void need(double height);
    void space(double height);
    // A heading, kept with at least `keep` points of what follows, recorded for the table of
    // contents when `toc` is true.
    void heading(const std::string& text, const TextStyle& style, int level, bool toc, double keep = 60);
    // A wrapped paragraph, indented by `indent` points from the left margin. "\n" breaks lines.
    void paragraph(const std::string& text, const TextStyle& style, double indent = 0);
    // A table; rows taller than what is left on a page are split between lines.
    void table(const Table& t);
    void bar_chart(const BarChart& chart);
    // A table-of-contents line: `left` wrapped, indented by `indent`, with `right` aligned to
    // the right margin on its first line.
    void entry(const std::string& left, const std::string& right, const TextStyle& style, double indent);
    // A horizontal rule across the text block.
    void rule(const Colour& colour, double width = 0.5);
    // Text placed at an absolute position on the current page (cover page, signature lines).
    void text_at(double x, double y, const std::string& text, const TextStyle& style);
    void line_at(double x1, double y1, double x2, double y2, const Colour& colour, double width = 0.5);
    void rect_at(double x, double y, double w, double h, const Colour& fill);

    // The lines of `text` wrapped to `width` points ("\n" forces a break; a word wider than
    // the line is broken between characters).
    std::vector<std::string> wrap(const std::string& text, const TextStyle& style, double width) const;
    double width_of(const std::string& text, const TextStyle& style) const;

    int page_number() const { return static_cast<int>(pages_.size()); }
    double cursor() const { return y_; }
    const Geometry& geometry() const { return g_; }
    const std::vector<TocEntry>& toc() const { return toc_; }
    // The pages laid out so far; the Flow is empty afterwards.
    std::vector<Page> take_pages();

private:
    struct CellLines;
    Page& page();
    double table_header(const Table& t, const std::vector<CellLines>& header);
    void draw_row_part(const Table& t, const std::vector<CellLines>& cells, std::vector<size_t>& next, double top,
                       double height, bool header);

    Measure measure_;
    Geometry g_;
    std::vector<Page> pages_;
    std::vector<TocEntry> toc_;
    double y_ = 0;
    bool fresh_ = true;  // nothing placed on the current page yet
};

}  // namespace tfa::report::pdf
