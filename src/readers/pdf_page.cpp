// The PDF reader's page layout: lines, tables and paragraphs. See pdf_page.h.
//
// Lines: runs whose baselines lie close together, sorted left to right. A gap between runs is a
// space, or a tab when wide (as between table cells); each run is kept as a positioned piece.
//
// Ruled tables: the rules a page draws are joined into connected groups (a horizontal and a
// vertical rule touch when one ends on or crosses the other). A group with at least three
// distinct vertical positions and two horizontal ones is a grid: the horizontal positions are
// row boundaries, the vertical ones column boundaries, and a column boundary that a row's
// vertical rules do not cross merges the cells on either side (a column span). Every piece of
// text whose centre lies inside the grid goes to the cell holding it; a cell's lines are
// grouped into paragraphs as body text is.
//
// Borderless tables: a run of two or more lines split by wide gaps into several pieces, whose
// pieces start at the same few x positions (column anchors, each used by two lines or more),
// with wrapped lines in between that fit inside one column. Rows: when the rows are spaced
// apart (two or more gaps clearly wider than the line pitch), a wide gap starts a row;
// otherwise a line with text in the first column does. Lines starting with list markers
// (bullets, "1.", "a)", tick boxes) are lists, not tables. Anything weaker stays paragraphs,
// tabs kept.
//
// A first row set in bold over rows that are not is a header row. Tables are numbered
// "table N" through the document; body paragraphs keep their own "paragraph N" count; a cell's
// paragraph is cited as its cell ("table 1, row 2, cell 3"), with ", paragraph K" added when
// the cell holds more than one.
#include "readers/pdf_page.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <numeric>

#include "core/text.h"

namespace tfa::pdf {

namespace {

// Work limits for hostile pages: rules considered for grids, lines considered for tables.
constexpr size_t kMaxRules = 3000;
constexpr size_t kMaxTableCells = 20000;
constexpr size_t kBorderlessBudget = 200000;  // lines looked at in search of borderless tables

bool ends_with_space(const std::string& s) { return !s.empty() && s.back() == ' '; }
bool starts_with_space(const std::string& s) { return !s.empty() && s.front() == ' '; }

struct Piece {
    double x0 = 0, x1 = 0;
    double size = 0;
    bool bold = false;
    char sep = 0;  // what goes before it on its line: 0, ' ' or '\t'
    std::string text;
};

struct Line {
    double y = 0, size = 0;
    std::vector<Piece> pieces;
    std::string text;
    bool used = false;  // taken whole into a table
};

// A line of text as paragraphs are made from it, with the spans of it set in a bold font.
struct TextLine {
    double y = 0, size = 0;
    std::string text;
    std::vector<Emphasis> bold;
};

// A paragraph's text and its bold spans.
struct Para {
    std::string text;
    std::vector<Emphasis> emphasis;
};

// The text of pieces (a line, or the part of a line in one cell): joined with their
// separators, trimmed, runs of spaces made one.
std::string assemble(const std::vector<const Piece*>& ps) {
    std::string raw;
    for (size_t k = 0; k < ps.size(); ++k) {
        if (k > 0 && ps[k]->sep) raw += ps[k]->sep;
        raw += ps[k]->text;
    }
    const std::string t = text::trim(raw);
    std::string out;
    out.reserve(t.size());
    for (char c : t)
        if (!(c == ' ' && !out.empty() && (out.back() == ' ' || out.back() == '\t'))) out += c;
    return out;
}

std::string assemble(const std::vector<Piece>& ps) {
    std::vector<const Piece*> ptrs;
    ptrs.reserve(ps.size());
    for (const auto& p : ps) ptrs.push_back(&p);
    return assemble(ptrs);
}

// The spans of `text` (assembled from `ps`) that bold pieces gave: each piece's words found in
// order from where the last one ended. A font named Bold is the only emphasis a PDF tells.
std::vector<Emphasis> bold_in(const std::string& text, const std::vector<const Piece*>& ps) {
    std::vector<Emphasis> out;
    if (std::none_of(ps.begin(), ps.end(), [](const Piece* p) { return p->bold; })) return out;
    size_t cursor = 0;
    for (const Piece* p : ps) {
        const std::string w = text::trim(p->text);
        if (w.empty()) continue;
        const size_t at = text.find(w, cursor);
        if (at == std::string::npos) continue;
        cursor = at + w.size();
        if (p->bold) add_emphasis(out, at, cursor, Emphasis::Bold);
    }
    return out;
}

std::vector<Emphasis> bold_in(const std::string& text, const std::vector<Piece>& ps) {
    std::vector<const Piece*> ptrs;
    for (const auto& p : ps) ptrs.push_back(&p);
    return bold_in(text, ptrs);
}

// Appends `line` to `para` (after `sep` when not empty), moving its bold spans along.
void append_line(Para& para, const std::string& sep, const TextLine& line) {
    para.text += sep;
    const size_t shift = para.text.size();
    para.text += line.text;
    for (const auto& e : line.bold) add_emphasis(para.emphasis, shift + e.begin, shift + e.end, e.flags);
}

std::vector<Line> build_lines(std::vector<Run>& runs) {
    std::vector<size_t> order(runs.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(), [&runs](size_t a, size_t b) { return runs[a].y > runs[b].y; });
    std::vector<Line> lines;
    std::vector<size_t> members;
    for (size_t i = 0; i < order.size();) {
        // A line: runs whose baselines lie within a third of the font size of its first run.
        const Run& head = runs[order[i]];
        members.clear();
        members.push_back(order[i]);  // the head itself, whatever its numbers: the loop always advances
        size_t j = i + 1;
        while (j < order.size() &&
               head.y - runs[order[j]].y <= 0.35 * std::max(1.0, std::min(head.size, runs[order[j]].size)))
            members.push_back(order[j++]);
        i = j;
        std::stable_sort(members.begin(), members.end(),
                         [&runs](size_t a, size_t b) { return runs[a].x0 < runs[b].x0; });
        Line line;
        line.y = head.y;
        double prev_x1 = 0;
        for (size_t k = 0; k < members.size(); ++k) {
            Run& r = runs[members[k]];
            line.size = std::max(line.size, r.size);
            Piece p;
            p.x0 = r.x0;
            p.x1 = r.x1;
            p.size = r.size;
            p.bold = r.bold;
            if (k > 0) {
                // A wide gap separates cells even after a run's trailing space ("Date " then
                // "Sustained" two columns on); a narrow one is a word space unless one is there.
                const double gap = r.x0 - prev_x1;
                const bool spaced = ends_with_space(line.pieces.back().text) || starts_with_space(r.text);
                if (gap > std::max(0.5 * r.size, 1.5 * r.space) + (spaced ? r.space : 0.0))
                    p.sep = '\t';
                else if (!spaced && gap > 0.12 * r.size)
                    p.sep = ' ';
            }
            p.text = std::move(r.text);
            line.pieces.push_back(std::move(p));
            prev_x1 = std::max(prev_x1, r.x1);
            if (k == 0) prev_x1 = r.x1;
        }
        line.text = assemble(line.pieces);
        if (!line.text.empty()) lines.push_back(std::move(line));
    }
    return lines;
}

// Groups lines into paragraphs: a new one starts after a vertical gap wider than a normal
// line pitch, or where the font size changes (a heading and its text). Wrapped lines are
// joined with a space.
std::vector<Para> paragraphs_of(const std::vector<TextLine>& lines) {
    std::vector<Para> out;
    const TextLine* prev = nullptr;
    for (const auto& line : lines) {
        bool fresh = !prev;
        if (!fresh) {
            const double size = std::max(prev->size, line.size);
            const double gap = prev->y - line.y;
            const double ratio = line.size / std::max(0.1, prev->size);
            fresh = gap > 1.45 * size || gap < 0 || ratio > 1.1 || ratio < 0.9;
        }
        if (fresh) {
            out.emplace_back();
            append_line(out.back(), "", line);
        } else {
            // A line ending in a hyphen after a letter goes on without a space, keeping the
            // hyphen: "follow-" + "up" is "follow-up" (Word breaks compounds there), and
            // TeX's "manip-" + "ulation" stays readable as "manip-ulation".
            const std::string& t = out.back().text;
            const bool hyphen =
                t.size() >= 2 && t.back() == '-' && std::isalpha(static_cast<unsigned char>(t[t.size() - 2]));
            append_line(out.back(), !hyphen && !ends_with_space(t) ? " " : "", line);
        }
        prev = &line;
    }
    return out;
}

Block paragraph(Para para, std::string path, int page) {
    Block b;
    b.kind = BlockKind::Paragraph;
    b.text = std::move(para.text);
    b.emphasis = std::move(para.emphasis);
    b.loc = {"", std::move(path), page};
    settle_emphasis(b);
    index_checkboxes(b);
    return b;
}

// ---------------------------------------------------------------------------------------------
// Tables in the making

// A table found on the page, before it becomes a Block: cells hold their lines of text.
struct Draft {
    struct DCell {
        int col_span = 1;
        std::vector<TextLine> lines;
        bool any_bold = false, any_plain = false;
    };
    std::vector<std::vector<DCell>> rows;
    size_t anchor = 0;  // index of the first line it took: where it goes in reading order
    double top = 0;
};

Block to_block(Draft& d, int page, Counters& n) {
    Block t;
    t.kind = BlockKind::Table;
    const std::string tpath = location_step("", "table", ++n.tables);
    t.loc = {"", tpath, page};
    // A bold first row over plain rows is a header.
    bool first_bold = !d.rows.empty(), later_plain = false;
    for (size_t r = 0; r < d.rows.size(); ++r)
        for (const auto& c : d.rows[r]) {
            if (r == 0 && c.any_plain) first_bold = false;
            if (r > 0 && c.any_plain) later_plain = true;
        }
    bool first_any = false;
    if (!d.rows.empty())
        for (const auto& c : d.rows[0]) first_any = first_any || c.any_bold;
    for (size_t r = 0; r < d.rows.size(); ++r) {
        Row row;
        row.header = r == 0 && first_bold && first_any && later_plain;
        const std::string rpath = location_step(tpath, "row", r + 1);
        for (size_t c = 0; c < d.rows[r].size(); ++c) {
            Draft::DCell& dc = d.rows[r][c];
            Cell cell;
            cell.col_span = dc.col_span;
            cell.loc = {"", location_step(rpath, "cell", c + 1), page};
            auto paras = paragraphs_of(dc.lines);
            for (size_t k = 0; k < paras.size(); ++k) {
                std::string path = paras.size() == 1 ? cell.loc.path : location_step(cell.loc.path, "paragraph", k + 1);
                cell.blocks.push_back(paragraph(std::move(paras[k]), std::move(path), page));
            }
            row.cells.push_back(std::move(cell));
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

// Adds a line of a cell's text; pieces of one cell on one line split by another cell's are
// joined with a space, their bold spans moved along.
void add_cell_line(Draft::DCell& dc, TextLine line) {
    if (!dc.lines.empty() && std::fabs(dc.lines.back().y - line.y) < 0.01) {
        Para joined{dc.lines.back().text, dc.lines.back().bold};
        append_line(joined, " ", line);
        dc.lines.back().text = std::move(joined.text);
        dc.lines.back().bold = std::move(joined.emphasis);
    } else {
        dc.lines.push_back(std::move(line));
    }
}

// ---------------------------------------------------------------------------------------------
// Ruled tables

struct Grid {
    std::vector<double> xs;  // column boundaries, left to right
    std::vector<double> ys;  // row boundaries, top to bottom
    std::vector<Rule> verticals;
};

constexpr double kTol = 2.0;  // points: how far apart rules may be and still touch

bool touch(const Rule& a, const Rule& b) {
    const bool av = a.vertical(), bv = b.vertical();
    if (av && bv) return std::fabs(a.x0 - b.x0) <= kTol && a.y0 <= b.y1 + kTol && b.y0 <= a.y1 + kTol;
    if (!av && !bv) return std::fabs(a.y0 - b.y0) <= kTol && a.x0 <= b.x1 + kTol && b.x0 <= a.x1 + kTol;
    const Rule& v = av ? a : b;
    const Rule& h = av ? b : a;
    return v.x0 >= h.x0 - kTol && v.x0 <= h.x1 + kTol && h.y0 >= v.y0 - kTol && h.y0 <= v.y1 + kTol;
}

// Sorted values, those within 3 points of one another made one (their mean).
std::vector<double> cluster(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    std::vector<double> out;
    size_t i = 0;
    while (i < v.size()) {
        size_t j = i + 1;  // always advances, even past a value that is not finite
        double sum = v[i];
        while (j < v.size() && v[j] - v[i] <= 3.0) sum += v[j++];
        out.push_back(sum / static_cast<double>(j - i));
        i = j;
    }
    return out;
}

std::vector<Grid> find_grids(const std::vector<Rule>& all) {
    std::vector<Rule> rules;
    for (const auto& r : all) {
        if (rules.size() >= kMaxRules) break;
        if (r.x1 - r.x0 + r.y1 - r.y0 >= 1.0) rules.push_back(r);
    }
    std::vector<size_t> parent(rules.size());
    std::iota(parent.begin(), parent.end(), size_t{0});
    auto find = [&parent](size_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    };
    for (size_t i = 0; i < rules.size(); ++i)
        for (size_t j = i + 1; j < rules.size(); ++j)
            if (touch(rules[i], rules[j])) parent[find(i)] = find(j);
    std::vector<std::vector<size_t>> groups(rules.size());
    for (size_t i = 0; i < rules.size(); ++i) groups[find(i)].push_back(i);
    std::vector<Grid> grids;
    for (const auto& g : groups) {
        if (g.size() < 4) continue;
        Grid grid;
        std::vector<double> xs, ys;
        for (size_t i : g) {
            if (rules[i].vertical()) {
                xs.push_back(rules[i].x0);
                grid.verticals.push_back(rules[i]);
            } else {
                ys.push_back(rules[i].y0);
            }
        }
        grid.xs = cluster(xs);
        grid.ys = cluster(ys);
        std::reverse(grid.ys.begin(), grid.ys.end());
        if (grid.xs.size() < 3 || grid.ys.size() < 2) continue;
        grids.push_back(std::move(grid));
    }
    std::sort(grids.begin(), grids.end(), [](const Grid& a, const Grid& b) { return a.ys.front() > b.ys.front(); });
    return grids;
}

// Takes the text inside a grid into a Draft; false when the grid holds no text.
bool take_grid(const Grid& g, std::vector<Line>& lines, Draft& d) {
    const size_t nrows = g.ys.size() - 1, ncols = g.xs.size() - 1;
    if (nrows * ncols > kMaxTableCells) return false;
    // Per row, which column boundaries the row's vertical rules cross: the cells of the row.
    std::vector<std::vector<size_t>> cell_of(nrows, std::vector<size_t>(ncols, 0));
    d.rows.assign(nrows, {});
    for (size_t r = 0; r < nrows; ++r) {
        const double mid = (g.ys[r] + g.ys[r + 1]) / 2;
        size_t cell = 0;
        d.rows[r].push_back({});
        for (size_t c = 0; c < ncols; ++c) {
            if (c > 0) {
                bool crossed = false;
                for (const auto& v : g.verticals)
                    if (std::fabs(v.x0 - g.xs[c]) <= 3.0 && v.y0 - kTol <= mid && mid <= v.y1 + kTol) {
                        crossed = true;
                        break;
                    }
                if (crossed) {
                    ++cell;
                    d.rows[r].push_back({});
                } else {
                    ++d.rows[r][cell].col_span;
                }
            }
            cell_of[r][c] = cell;
        }
    }
    const double left = g.xs.front(), right = g.xs.back(), top = g.ys.front(), bottom = g.ys.back();
    bool any = false;
    for (size_t li = 0; li < lines.size(); ++li) {
        Line& line = lines[li];
        if (line.used || line.y >= top || line.y <= bottom) continue;
        size_t r = 0;
        while (r + 1 < nrows && line.y <= g.ys[r + 1]) ++r;
        // The pieces of this line in each cell, in order.
        std::vector<std::pair<size_t, std::vector<const Piece*>>> parts;
        std::vector<Piece> rest;
        std::vector<Piece> taken;
        for (const auto& p : line.pieces) {
            const double cx = (p.x0 + p.x1) / 2;
            if (cx <= left || cx >= right) {
                rest.push_back(p);
                continue;
            }
            taken.push_back(p);
        }
        if (taken.empty()) continue;
        for (const auto& p : taken) {
            const double cx = (p.x0 + p.x1) / 2;
            size_t c = 0;
            while (c + 1 < ncols && cx >= g.xs[c + 1]) ++c;
            const size_t cell = cell_of[r][c];
            if (parts.empty() || parts.back().first != cell) parts.push_back({cell, {}});
            parts.back().second.push_back(&p);
        }
        for (auto& [cell, ps] : parts) {
            Draft::DCell& dc = d.rows[r][cell];
            const std::string t = assemble(ps);
            if (t.empty()) continue;
            double size = 0;
            for (const Piece* p : ps) {
                size = std::max(size, p->size);
                if (text::trim(p->text).empty()) continue;
                (p->bold ? dc.any_bold : dc.any_plain) = true;
            }
            // Pieces of one cell on one line split by another cell's: join them.
            TextLine piece_line{line.y, size, t, bold_in(t, ps)};
            add_cell_line(dc, std::move(piece_line));
        }
        if (!any) d.anchor = li;
        any = true;
        if (rest.empty()) {
            line.used = true;
        } else {
            line.pieces = std::move(rest);
            line.pieces.front().sep = 0;
            line.text = assemble(line.pieces);
            if (line.text.empty()) line.used = true;
        }
    }
    d.top = top;
    return any;
}

// ---------------------------------------------------------------------------------------------
// Borderless tables

// A line's cells: its pieces split at tabs.
struct Span {
    double x0 = 0, x1 = 0;
    size_t first = 0, end = 0;  // pieces [first, end)
};

std::vector<Span> spans_of(const Line& line) {
    std::vector<Span> out;
    for (size_t k = 0; k < line.pieces.size(); ++k) {
        const Piece& p = line.pieces[k];
        if (out.empty() || p.sep == '\t')
            out.push_back({p.x0, p.x1, k, k + 1});
        else {
            out.back().x1 = std::max(out.back().x1, p.x1);
            out.back().end = k + 1;
        }
    }
    // Pieces that are only spaces do not make a cell.
    out.erase(std::remove_if(out.begin(), out.end(),
                             [&line](const Span& s) {
                                 for (size_t k = s.first; k < s.end; ++k)
                                     if (!text::trim(line.pieces[k].text).empty()) return false;
                                 return true;
                             }),
              out.end());
    return out;
}

std::string span_text(const Line& line, const Span& s) {
    std::vector<const Piece*> ps;
    for (size_t k = s.first; k < s.end; ++k) ps.push_back(&line.pieces[k]);
    return assemble(ps);
}

// A list marker or tick box: "•", "-", "1.", "a)", "(iv)", "☐".
bool is_marker(const std::string& s) {
    static const char* kBullets[] = {"•", "◦", "▪", "▫", "‣", "⁃", "∙", "·", "-", "–", "—", "*", "o", "\uF0B7",
                                     "☐", "☒", "☑", "✓", "✔", "✗", "✘", "■", "□", "●", "○", "►", "➢", "→"};
    for (const char* b : kBullets)
        if (s == b) return true;
    std::string t = s;
    if (t.size() >= 3 && t.front() == '(' && t.back() == ')')
        t = t.substr(1, t.size() - 2);
    else if (t.size() >= 2 && (t.back() == '.' || t.back() == ')'))
        t.pop_back();
    else
        return false;
    if (t.empty() || t.size() > 4) return false;
    for (char c : t)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.') return false;
    return true;
}

// Tries a borderless table starting at line `i`; on success fills `d`, marks its lines used
// and returns the number of lines taken.
size_t try_borderless(std::vector<Line>& lines, size_t i, Draft& d, size_t& budget) {
    struct Member {
        size_t line;
        std::vector<Span> spans;
        double gap;  // from the previous member
    };
    std::vector<Member> region;
    const double size = lines[i].size;
    const double half = 0.75 * size;  // closer than this, two lines belong to one row
    {
        auto spans = spans_of(lines[i]);
        if (spans.empty() || is_marker(span_text(lines[i], spans[0]))) return 0;
        // A header's first line may hold one cell, its other cells half a line lower
        // (vertically centred under a wrapped header cell).
        if (spans.size() < 2) {
            if (i + 1 >= lines.size() || lines[i + 1].used || lines[i].y - lines[i + 1].y > half ||
                spans_of(lines[i + 1]).size() < 2)
                return 0;
        }
        region.push_back({i, std::move(spans), 0});
    }
    const double near = std::max(3.0, 0.6 * size);
    // Where the region's cells start. A row (its lines within half a pitch of one another)
    // whose cells start nowhere the region's do, the left margin aside, begins another table:
    // a label/value table stacked over a table of outcomes.
    double left = region.front().spans.front().x0;
    std::vector<double> starts_so_far;
    auto meets = [&](const std::vector<Span>& spans) {
        return std::any_of(spans.begin(), spans.end(), [&](const Span& s) {
            if (std::fabs(s.x0 - left) <= near) return false;
            return std::any_of(starts_so_far.begin(), starts_so_far.end(),
                               [&](double x) { return std::fabs(x - s.x0) <= near; });
        });
    };
    auto add_starts = [&](const std::vector<Span>& spans) {
        for (const auto& s : spans) {
            left = std::min(left, s.x0);
            starts_so_far.push_back(s.x0);
        }
    };
    add_starts(region.front().spans);
    for (size_t j = i + 1; j < lines.size() && region.size() < 2000 && budget > 0; ++j, --budget) {
        const Line& l = lines[j];
        if (l.used) break;
        const double ratio = l.size / std::max(0.1, size);
        const double gap = lines[region.back().line].y - l.y;
        if (ratio > 1.1 || ratio < 0.9 || gap <= 0 || gap > 3.0 * size) break;
        auto spans = spans_of(l);
        if (spans.empty()) break;
        if (spans.size() >= 2 && is_marker(span_text(l, spans[0]))) break;
        if (gap > half && region.size() >= 2) {
            // A new row: its lines' cell starts, together.
            std::vector<Span> row = spans;
            for (size_t k = j + 1; k < lines.size() && !lines[k].used && lines[k - 1].y - lines[k].y <= half; ++k) {
                auto more = spans_of(lines[k]);
                row.insert(row.end(), more.begin(), more.end());
            }
            const bool several = row.size() >= 2;
            if (several && !meets(row)) break;
        }
        if (spans.size() >= 2) add_starts(spans);
        region.push_back({j, std::move(spans), gap});
    }
    // Column anchors: the starts of the cells of lines with several cells.
    struct Anchor {
        double x;
        std::vector<size_t> members;
    };
    std::vector<std::pair<double, size_t>> starts;  // x0, member
    for (size_t m = 0; m < region.size(); ++m)
        if (region[m].spans.size() >= 2)
            for (const auto& s : region[m].spans) starts.push_back({s.x0, m});
    std::sort(starts.begin(), starts.end());
    const double tol = std::max(3.0, 0.6 * size);
    std::vector<Anchor> anchors;
    for (const auto& [x, m] : starts) {
        if (anchors.empty() || x - anchors.back().x > tol) anchors.push_back({x, {}});
        auto& mem = anchors.back().members;
        if (std::find(mem.begin(), mem.end(), m) == mem.end()) mem.push_back(m);
    }
    // An anchor only one such line has is supported by an indented one-cell line starting on
    // it (a header cell wrapped over lines above and below its row: "Sustained" / "since") and
    // by a word starting on it inside a wider cell of another line (a header cell filled to its
    // edge, "Achieved" then "Date achieved" only a word space on).
    for (auto& a : anchors) {
        if (a.members.size() != 1) continue;
        for (size_t m = 0; m < region.size() && a.members.size() < 2; ++m) {
            if (m == a.members.front()) continue;
            const Line& l = lines[region[m].line];
            const auto& spans = region[m].spans;
            bool on = spans.size() == 1 && spans[0].x0 > left + tol && std::fabs(spans[0].x0 - a.x) <= tol;
            for (const auto& s : spans)
                for (size_t k = s.first + 1; k < s.end && !on; ++k)
                    on = (l.pieces[k].sep == ' ' || ends_with_space(l.pieces[k - 1].text)) &&
                         std::fabs(l.pieces[k].x0 - a.x) <= tol && !text::trim(l.pieces[k].text).empty();
            if (on) a.members.push_back(m);
        }
    }
    std::vector<double> cols;
    for (const auto& a : anchors)
        if (a.members.size() >= 2) cols.push_back(a.x);
    if (cols.size() < 2) return 0;
    auto column_of = [&cols, tol](double x) {
        size_t c = 0;
        while (c + 1 < cols.size() && x >= cols[c + 1] - tol) ++c;
        return c;
    };
    // A one-cell line whose words run on across a column edge splits where a word starts on a
    // column's anchor ("Reason for closure Outcomes achieved": the value starts on the column
    // the other rows' values start on, only a word space after the label).
    for (auto& m : region) {
        if (m.spans.size() != 1) continue;
        const Line& l = lines[m.line];
        const Span whole = m.spans[0];
        std::vector<Span> parts{{whole.x0, whole.x1, whole.first, whole.first + 1}};
        for (size_t k = whole.first + 1; k < whole.end; ++k) {
            const double x = l.pieces[k].x0;
            const size_t c = column_of(x);
            const bool on_anchor = c > column_of(parts.back().x0) && std::fabs(x - cols[c]) <= tol;
            if (on_anchor && !text::trim(l.pieces[k].text).empty())
                parts.push_back({x, l.pieces[k].x1, k, k + 1});
            else {
                parts.back().end = k + 1;
                parts.back().x1 = std::max(parts.back().x1, l.pieces[k].x1);
            }
        }
        if (parts.size() > 1) m.spans = std::move(parts);
    }
    // Cut the region at the first line that does not fit the columns: text left of the first
    // column, or a single cell wider than its column.
    size_t keep = 0, multi = 0, last_multi = 0;
    for (size_t m = 0; m < region.size(); ++m) {
        const auto& spans = region[m].spans;
        if (spans.front().x0 < cols.front() - tol) break;
        if (spans.size() == 1) {
            const size_t c = column_of(spans[0].x0);
            if (c + 1 < cols.size() && spans[0].x1 > cols[c + 1] - 0.25 * size) break;
        } else {
            ++multi;
            last_multi = m;
        }
        keep = m + 1;
    }
    if (multi < 2) return 0;
    // Single-cell lines after the last line of several cells are the last row's wrapped text
    // only when they follow closely; the paragraph after a table is further away.
    for (size_t m = last_multi + 1; m < keep; ++m)
        if (region[m].gap > 1.45 * size) {
            keep = m;
            break;
        }
    region.resize(keep);
    // Rows.
    double pitch = 1e9;
    for (size_t m = 1; m < region.size(); ++m) pitch = std::min(pitch, region[m].gap);
    size_t big = 0;
    for (size_t m = 1; m < region.size(); ++m)
        if (region[m].gap > 1.25 * pitch + 0.5) ++big;
    const bool padded = big >= 2;
    d.rows.clear();
    for (size_t m = 0; m < region.size(); ++m) {
        const Line& l = lines[region[m].line];
        const auto& spans = region[m].spans;
        const bool col0 = column_of(spans.front().x0) == 0;
        // A line closer than half a pitch to the one before belongs to its row (cells centred
        // on a neighbour that wraps: "TF2 School" / "attendance" around "Yes").
        const bool fresh = m == 0 || (padded ? region[m].gap > 1.25 * pitch + 0.5 : col0 && region[m].gap > half);
        if (fresh) d.rows.emplace_back(cols.size());
        auto& row = d.rows.back();
        // Each cell's pieces: a piece starting on a column's anchor starts that column's cell
        // even without a wide gap before it (a cell filled to its edge).
        std::vector<std::pair<size_t, Span>> cells;
        for (const auto& s : spans) {
            cells.push_back({column_of(s.x0), {s.x0, s.x1, s.first, s.first + 1}});
            for (size_t k = s.first + 1; k < s.end; ++k) {
                const double x = l.pieces[k].x0;
                const size_t c = column_of(x);
                if (c > cells.back().first && std::fabs(x - cols[c]) <= tol)
                    cells.push_back({c, {x, x, k, k + 1}});
                else
                    cells.back().second.end = k + 1;
            }
        }
        for (const auto& [col, s] : cells) {
            Draft::DCell& dc = row[col];
            const std::string t = span_text(l, s);
            if (t.empty()) continue;
            for (size_t k = s.first; k < s.end; ++k)
                if (!text::trim(l.pieces[k].text).empty()) (l.pieces[k].bold ? dc.any_bold : dc.any_plain) = true;
            std::vector<const Piece*> cell_pieces;
            for (size_t k = s.first; k < s.end; ++k) cell_pieces.push_back(&l.pieces[k]);
            TextLine piece_line{l.y, l.size, t, bold_in(t, cell_pieces)};
            add_cell_line(dc, std::move(piece_line));
        }
    }
    for (const auto& m : region) lines[m.line].used = true;
    d.anchor = i;
    d.top = lines[i].y;
    return region.size();
}

}  // namespace

bool has_text(const std::vector<Run>& runs) {
    for (const auto& r : runs)
        if (!text::trim(r.text).empty()) return true;
    return false;
}

void layout_page(std::vector<Run>& runs, const std::vector<Rule>& all_rules, int page, Counters& counters,
                 std::vector<Block>& out) {
    // Numbers that are not finite cannot be placed or compared (a NaN breaks sorting): such
    // runs and rules are dropped before anything else looks at them.
    runs.erase(std::remove_if(runs.begin(), runs.end(),
                              [](const Run& r) { return !std::isfinite(r.x0 + r.x1 + r.y + r.size + r.space); }),
               runs.end());
    std::vector<Rule> rules;
    for (const Rule& r : all_rules)
        if (std::isfinite(r.x0 + r.x1 + r.y0 + r.y1)) rules.push_back(r);
    std::vector<Line> lines = build_lines(runs);
    std::vector<Draft> drafts;
    for (const Grid& g : find_grids(rules)) {
        Draft d;
        if (take_grid(g, lines, d)) drafts.push_back(std::move(d));
    }
    size_t budget = kBorderlessBudget;
    for (size_t i = 0; i < lines.size() && budget > 0; ++i, --budget) {
        if (lines[i].used) continue;
        Draft d;
        if (const size_t n = try_borderless(lines, i, d, budget)) {
            drafts.push_back(std::move(d));
            i += n - 1;
        }
    }
    std::stable_sort(drafts.begin(), drafts.end(), [](const Draft& a, const Draft& b) {
        return a.anchor != b.anchor ? a.anchor < b.anchor : a.top > b.top;
    });
    // Reading order: body lines and tables by their first line; paragraphs do not run on
    // across a table.
    std::vector<TextLine> pending;
    auto flush = [&]() {
        for (auto& p : paragraphs_of(pending))
            out.push_back(paragraph(std::move(p), location_step("", "paragraph", ++counters.paragraphs), page));
        pending.clear();
    };
    size_t next = 0;
    for (size_t i = 0; i <= lines.size(); ++i) {
        while (next < drafts.size() && (i == lines.size() || drafts[next].anchor <= i)) {
            flush();
            out.push_back(to_block(drafts[next++], page, counters));
        }
        if (i < lines.size() && !lines[i].used)
            pending.push_back({lines[i].y, lines[i].size, lines[i].text, bold_in(lines[i].text, lines[i].pieces)});
    }
    flush();
}

}  // namespace tfa::pdf
