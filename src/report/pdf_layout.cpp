#include "report/pdf_layout.h"

#include <algorithm>
#include <cstdlib>

#include "core/text.h"

namespace tfa::report::pdf {

bool parse_colour(const std::string& hex, Colour& out) {
    if (hex.size() != 7 || hex[0] != '#') return false;
    char* end = nullptr;
    const long v = std::strtol(hex.c_str() + 1, &end, 16);
    if (end != hex.c_str() + 7) return false;
    out = Colour{((v >> 16) & 0xFF) / 255.0, ((v >> 8) & 0xFF) / 255.0, (v & 0xFF) / 255.0};
    return true;
}

namespace {

// The baseline of a line whose box starts at `top`.
double baseline(double top, const TextStyle& s) { return top - (s.line_height() - 0.25 * s.size); }

// Splits `word` into pieces no wider than `width`: after hyphens where possible, else between
// code points (at least one code point a piece).
std::vector<std::string> break_word(const std::string& word, double width,
                                    const std::function<double(const std::string&)>& w) {
    std::vector<std::string> parts;  // the word cut after each hyphen
    for (size_t start = 0; start < word.size();) {
        const size_t dash = word.find('-', start);
        const size_t end = dash == std::string::npos || dash + 1 >= word.size() ? word.size() : dash + 1;
        parts.push_back(word.substr(start, end - start));
        start = end;
    }
    std::vector<std::string> out;
    std::string cur;
    for (const auto& part : parts) {
        if (!cur.empty() && w(cur + part) <= width) {
            cur += part;
            continue;
        }
        if (!cur.empty()) out.push_back(cur);
        cur.clear();
        if (w(part) <= width) {
            cur = part;
            continue;
        }
        for (size_t i = 0; i < part.size();) {
            const size_t start = i;
            text::next_cp(part, i);
            const std::string cp = part.substr(start, i - start);
            if (!cur.empty() && w(cur + cp) > width) {
                out.push_back(cur);
                cur.clear();
            }
            cur += cp;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

// Greedy wrap of one paragraph without line breaks.
void wrap_para(const std::string& para, double width, const std::function<double(const std::string&)>& w, double space,
               std::vector<std::string>& out) {
    std::string line;
    double line_w = 0;
    for (const auto& word : text::split(para, ' ')) {
        if (word.empty()) continue;
        double ww = w(word);
        if (!line.empty() && line_w + space + ww <= width) {
            line += ' ' + word;
            line_w += space + ww;
            continue;
        }
        if (!line.empty()) out.push_back(line);
        line.clear();
        line_w = 0;
        if (ww > width) {
            auto pieces = break_word(word, width, w);
            for (size_t k = 0; k + 1 < pieces.size(); ++k) out.push_back(pieces[k]);
            line = pieces.back();
            ww = w(line);
        } else {
            line = word;
        }
        line_w = ww;
    }
    if (!line.empty() || out.empty()) out.push_back(line);
}

}  // namespace

Flow::Flow(Measure measure, Geometry geometry) : measure_(std::move(measure)), g_(geometry) {}

Page& Flow::page() {
    if (pages_.empty()) new_page();
    return pages_.back();
}

void Flow::new_page(bool chrome) {
    pages_.emplace_back();
    pages_.back().chrome = chrome;
    y_ = g_.height - g_.top;
    fresh_ = true;
}

void Flow::need(double height) {
    if (pages_.empty() || (!fresh_ && y_ - height < g_.bottom)) new_page();
}

void Flow::space(double height) {
    if (pages_.empty() || fresh_) return;  // no space at the top of a page
    y_ -= height;
    if (y_ < g_.bottom) new_page();
}

double Flow::width_of(const std::string& text, const TextStyle& style) const {
    return measure_(style.face, style.size, text);
}

std::vector<std::string> Flow::wrap(const std::string& text, const TextStyle& style, double width) const {
    std::vector<std::string> out;
    auto w = [&](const std::string& s) { return measure_(style.face, style.size, s); };
    const double space = w(" ");
    std::string clean = text;
    std::replace(clean.begin(), clean.end(), '\t', ' ');
    std::replace(clean.begin(), clean.end(), '\r', ' ');
    for (const auto& para : text::split(clean, '\n')) wrap_para(para, width, w, space, out);
    return out;
}

void Flow::heading(const std::string& text, const TextStyle& style, int level, bool toc, double keep) {
    const auto lines = wrap(text, style, g_.text_width());
    space(style.size * 0.8);
    need(lines.size() * style.line_height() + keep);
    if (toc) toc_.push_back(TocEntry{level, text, page_number()});
    for (const auto& l : lines) {
        page().texts.push_back(TextOp{g_.left, baseline(y_, style), style.face, style.size, style.colour, l});
        y_ -= style.line_height();
    }
    y_ -= style.size * 0.35;
    fresh_ = false;
}

void Flow::paragraph(const std::string& text, const TextStyle& style, double indent) {
    for (const auto& l : wrap(text, style, g_.text_width() - indent)) {
        need(style.line_height());
        if (!l.empty())
            page().texts.push_back(
                TextOp{g_.left + indent, baseline(y_, style), style.face, style.size, style.colour, l});
        y_ -= style.line_height();
        fresh_ = false;
    }
}

void Flow::entry(const std::string& left, const std::string& right, const TextStyle& style, double indent) {
    const double right_w = 40;
    const auto lines = wrap(left, style, g_.text_width() - indent - right_w);
    need(lines.size() * style.line_height());
    const double rx = g_.width - g_.right - width_of(right, style);
    page().texts.push_back(TextOp{rx, baseline(y_, style), style.face, style.size, style.colour, right});
    for (const auto& l : lines) {
        page().texts.push_back(TextOp{g_.left + indent, baseline(y_, style), style.face, style.size, style.colour, l});
        y_ -= style.line_height();
    }
    fresh_ = false;
}

void Flow::rule(const Colour& colour, double width) {
    need(4);
    page().lines.push_back(LineOp{g_.left, y_ - 2, g_.width - g_.right, y_ - 2, width, colour});
    y_ -= 4;
    fresh_ = false;
}

void Flow::text_at(double x, double y, const std::string& text, const TextStyle& style) {
    page().texts.push_back(TextOp{x, y, style.face, style.size, style.colour, text});
    fresh_ = false;
}

void Flow::line_at(double x1, double y1, double x2, double y2, const Colour& colour, double width) {
    page().lines.push_back(LineOp{x1, y1, x2, y2, width, colour});
}

void Flow::rect_at(double x, double y, double w, double h, const Colour& fill) {
    page().rects.push_back(RectOp{x, y, w, h, fill});
}

// ---- tables -------------------------------------------------------------------------------

struct Flow::CellLines {
    struct Line {
        std::string text;
        const TextStyle* style;
    };
    std::vector<Line> lines;
    const Cell* cell = nullptr;
};

namespace {

std::vector<double> column_x(const Table& t, const Geometry& g) {
    std::vector<double> x{g.left};
    for (double w : t.widths) x.push_back(x.back() + w * g.text_width());
    return x;
}

}  // namespace

void Flow::draw_row_part(const Table& t, const std::vector<CellLines>& cells, std::vector<size_t>& next, double top,
                         double height, bool header) {
    const auto x = column_x(t, g_);
    Page& p = page();
    for (size_t c = 0; c < cells.size() && c + 1 < x.size(); ++c) {
        const Cell* cell = cells[c].cell;
        if (cell && (cell->filled || header)) {
            const Colour fill = header ? t.header_style.fill : cell->fill;
            p.rects.push_back(RectOp{x[c], top - height, x[c + 1] - x[c], height, fill});
        }
        double ly = top - t.padding;
        const double limit = top - height + t.padding;
        while (next[c] < cells[c].lines.size()) {
            const auto& line = cells[c].lines[next[c]];
            if (ly - line.style->line_height() < limit - 0.01) break;
            if (!line.text.empty())
                p.texts.push_back(TextOp{x[c] + t.padding, baseline(ly, *line.style), line.style->face,
                                         line.style->size, line.style->colour, line.text});
            ly -= line.style->line_height();
            ++next[c];
        }
    }
    p.lines.push_back(LineOp{x.front(), top - height, x.back(), top - height, 0.4, t.rule});
}

double Flow::table_header(const Table& t, const std::vector<CellLines>& header) {
    if (header.empty()) return 0;
    double h = 0;
    for (const auto& c : header) {
        double ch = 0;
        for (const auto& l : c.lines) ch += l.style->line_height();
        h = std::max(h, ch);
    }
    h += 2 * t.padding;
    std::vector<size_t> next(header.size(), 0);
    draw_row_part(t, header, next, y_, h, true);
    y_ -= h;
    fresh_ = false;
    return h;
}

void Flow::table(const Table& t) {
    const auto x = column_x(t, g_);
    auto lay = [&](const std::vector<Cell>& row) {
        std::vector<CellLines> out(row.size());
        for (size_t c = 0; c < row.size() && c + 1 < x.size(); ++c) {
            out[c].cell = &row[c];
            const double w = x[c + 1] - x[c] - 2 * t.padding;
            for (const auto& para : row[c].paras)
                for (auto& l : wrap(para.text, para.style, w))
                    out[c].lines.push_back(CellLines::Line{std::move(l), &para.style});
        }
        return out;
    };
    const auto header = lay(t.header);
    auto height_from = [](const CellLines& c, size_t from) {
        double h = 0;
        for (size_t i = from; i < c.lines.size(); ++i) h += c.lines[i].style->line_height();
        return h;
    };
    double header_h = 0;
    for (const auto& c : header) header_h = std::max(header_h, height_from(c, 0));
    header_h += header.empty() ? 0 : 2 * t.padding;
    bool rows_on_page = false;
    for (const auto& row : t.rows) {
        auto cells = lay(row);
        std::vector<size_t> next(cells.size(), 0);
        if (!rows_on_page) {
            double first = 0;
            for (const auto& c : cells) first = std::max(first, c.lines.empty() ? 0 : c.lines[0].style->line_height());
            need(header_h + first + 2 * t.padding);
            table_header(t, header);
            rows_on_page = false;
        }
        for (bool started = false;;) {
            double rest = 0, next_line = 0;
            bool done = true;
            for (size_t c = 0; c < cells.size(); ++c) {
                rest = std::max(rest, height_from(cells[c], next[c]));
                if (next[c] < cells[c].lines.size())
                    next_line = std::max(next_line, cells[c].lines[next[c]].style->line_height());
                done = done && next[c] >= cells[c].lines.size();
            }
            if (done && started) break;
            const double avail = y_ - g_.bottom - 2 * t.padding;
            const double full = g_.height - g_.top - g_.bottom - header_h - 2 * t.padding;
            // A row that fits on a page of its own moves there whole; a taller one is split.
            const bool move = rest > avail && (rows_on_page && (!started && rest <= full ? true : avail < next_line));
            if (move) {
                new_page();
                table_header(t, header);
                rows_on_page = false;
                continue;
            }
            const double h = std::min(rest, avail) + 2 * t.padding;
            draw_row_part(t, cells, next, y_, h, false);
            y_ -= h;
            started = true;
            rows_on_page = true;
            fresh_ = false;
            if (done) break;
        }
    }
}

// ---- charts --------------------------------------------------------------------------------

void Flow::bar_chart(const BarChart& chart) {
    const double bar_x = g_.left + chart.label_width;
    const double value_w = 90;
    const double bar_w = g_.text_width() - chart.label_width - value_w;
    const TextStyle& ls = chart.label_style;
    for (const auto& b : chart.bars) {
        const auto label = wrap(b.label, ls, chart.label_width - 6);
        const double h = std::max(chart.bar_height, label.size() * ls.line_height());
        need(h + chart.gap);
        Page& p = page();
        double ly = y_;
        for (const auto& l : label) {
            p.texts.push_back(TextOp{g_.left, baseline(ly, ls), ls.face, ls.size, ls.colour, l});
            ly -= ls.line_height();
        }
        const double top = y_ - (ls.line_height() - chart.bar_height) / 2;
        p.rects.push_back(RectOp{bar_x, top - chart.bar_height, bar_w, chart.bar_height, chart.track});
        if (b.has_value && b.value > 0)
            p.rects.push_back(
                RectOp{bar_x, top - chart.bar_height, bar_w * std::min(1.0, b.value), chart.bar_height, chart.bar});
        p.texts.push_back(TextOp{bar_x + bar_w + 6, baseline(y_, ls), ls.face, ls.size, ls.colour, b.value_text});
        y_ -= h + chart.gap;
        fresh_ = false;
    }
    // Axis marks at 0, 50 and 100 per cent under the bars.
    need(ls.line_height());
    Page& p = page();
    for (int k = 0; k <= 2; ++k) {
        const double x = bar_x + bar_w * k / 2.0;
        p.lines.push_back(LineOp{x, y_ + chart.gap, x, y_ + chart.gap - 3, 0.5, chart.axis});
        const std::string t = std::to_string(k * 50) + "%";
        p.texts.push_back(TextOp{x - width_of(t, ls) / 2, baseline(y_, ls), ls.face, ls.size, chart.axis, t});
    }
    y_ -= ls.line_height();
}

std::vector<Page> Flow::take_pages() {
    std::vector<Page> out = std::move(pages_);
    pages_.clear();
    toc_.clear();
    fresh_ = true;
    return out;
}

}  // namespace tfa::report::pdf
