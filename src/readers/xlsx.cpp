// .xlsx: hard-data evidence (attendance, offences, benefit records) kept in Excel workbooks.
//
// Each worksheet, in workbook order, becomes one Table block: loc.path "table N" (N counts the
// worksheets; chart sheets are skipped), loc.part "". Cells are cited by their real place:
// "sheet NAME, row R, cell C" (B3 → row 3, cell 2). Rows without any value are left out; within
// a row, cells run from the sheet's first used column to the row's last value, gaps padded with
// empty cells so columns line up (a gap wider than 64 columns is one empty cell spanning it, so
// a stray value in column XFD does not make 16,384 cells). The first row kept is the header row. An empty worksheet
// gives an empty Table block (no rows), so "table N" is always the N-th worksheet.
//
// Values: shared strings (rich-text runs joined), inline strings, booleans (TRUE/FALSE), errors
// (#N/A), formula results (the cached <v>), numbers without float noise (15 significant digits:
// 0.1, 42). By the cell's number format (styles.xml cellXfs → numFmtId): dates as ISO 8601
// "2019-11-14", with "T09:30" when the serial has a time part (1900 system with its leap-year
// bug, or 1904 when workbookPr date1904 is set); time-only formats as "09:30" ("[h]" durations
// may pass 24 hours); percentages as "92%" / "92.5%". Merged ranges set col_span/row_span on
// their first cell and mark the other cells in rows that are kept `continued`.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>

#include "core/text.h"
#include "readers/reader.h"
#include "readers/xml.h"
#include "readers/zip.h"

namespace tfa {

namespace {

constexpr int kMaxCol = 16384;
constexpr int kMaxRow = 1048576;

enum class Fmt : uint8_t { General, Date, Time, Duration, Percent };

int to_int(std::string_view s, int def) {
    int v = def;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    return r.ec == std::errc() ? v : def;
}

// ---- number formats -------------------------------------------------------------------------

Fmt builtin_format(int id) {
    if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return Fmt::Date;
    if ((id >= 18 && id <= 21) || id == 45 || id == 47) return Fmt::Time;
    if (id == 46) return Fmt::Duration;
    if (id == 9 || id == 10) return Fmt::Percent;
    return Fmt::General;
}

// Classifies a custom format code by its first section, ignoring quoted text, escaped
// characters, fill/padding characters, [colour]/[$-locale] blocks and AM/PM markers.
Fmt custom_format(std::string_view code) {
    bool d = false, m = false, y = false, h = false, s = false, elapsed = false, pct = false;
    for (size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == ';') break;
        if (c == '"') {
            const size_t e = code.find('"', i + 1);
            if (e == std::string_view::npos) break;
            i = e;
            continue;
        }
        if (c == '\\' || c == '_' || c == '*') {
            ++i;
            continue;
        }
        if (c == '[') {
            const size_t e = code.find(']', i + 1);
            if (e == std::string_view::npos) break;
            const std::string low = text::lower(code.substr(i + 1, e - i - 1));
            if (!low.empty() && low.find_first_not_of("hms") == std::string::npos) {
                elapsed = true;
                h = h || low[0] == 'h';
                m = m || low[0] == 'm';
                s = s || low[0] == 's';
            }
            i = e;
            continue;
        }
        const char l = static_cast<char>(c | 0x20);
        if (l == 'a' && text::iequals(code.substr(i, 5), "am/pm")) {
            i += 4;
            continue;
        }
        if (l == 'a' && text::iequals(code.substr(i, 3), "a/p")) {
            i += 2;
            continue;
        }
        if (text::iequals(code.substr(i, 7), "general")) {
            i += 6;
            continue;
        }
        if (l == 'd')
            d = true;
        else if (l == 'y')
            y = true;
        else if (l == 'm')
            m = true;
        else if (l == 'h')
            h = true;
        else if (l == 's')
            s = true;
        else if (c == '%')
            pct = true;
    }
    if (d || y || (m && !h && !s && !elapsed)) return Fmt::Date;
    if (elapsed) return Fmt::Duration;
    if (h || s) return Fmt::Time;
    if (pct) return Fmt::Percent;
    return Fmt::General;
}

// ---- values ---------------------------------------------------------------------------------

std::string fmt_number(double v) {
    if (v == 0 || !std::isfinite(v)) return v == 0 ? "0" : (std::isnan(v) ? "NaN" : (v > 0 ? "INF" : "-INF"));
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 15);
    return std::string(buf, r.ptr);
}

// Days since 1970-01-01 → y-m-d (H. Hinnant's civil_from_days).
void civil(long long z, int& y, unsigned& m, unsigned& d) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long yy = static_cast<long long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(yy + (m <= 2));
}

void append2(std::string& out, unsigned v) {
    out += static_cast<char>('0' + v / 10 % 10);
    out += static_cast<char>('0' + v % 10);
}

void append_time(std::string& out, long long secs, bool elapsed) {
    const long long hours = secs / 3600;
    if (elapsed && hours >= 100)
        out += std::to_string(hours);
    else
        append2(out, static_cast<unsigned>(elapsed ? hours : hours % 24));
    out += ':';
    append2(out, static_cast<unsigned>(secs / 60 % 60));
    if (secs % 60) {
        out += ':';
        append2(out, static_cast<unsigned>(secs % 60));
    }
}

// Serial day number (fraction = time of day) → ISO 8601, following Excel's calendar.
std::string serial_text(double v, Fmt f, bool date1904) {
    if (!std::isfinite(v) || v < 0 || v >= 2958466.0) return fmt_number(v);
    const long long total = std::llround(v * 86400.0);
    const long long days = total / 86400, secs = total % 86400;
    std::string out;
    if (f == Fmt::Time || f == Fmt::Duration) {
        append_time(out, f == Fmt::Duration ? total : secs, f == Fmt::Duration);
        return out;
    }
    if (!date1904 && days == 0) {  // Excel's "1900-01-00": only the time means anything
        append_time(out, secs, false);
        return out;
    }
    int y;
    unsigned m, d;
    if (date1904) {
        civil(days - 24107, y, m, d);  // 1904-01-01 is day -24107 from 1970-01-01
    } else if (days == 60) {
        y = 1900, m = 2, d = 29;  // the day Excel believes in (Lotus 1-2-3 compatibility)
    } else {
        civil(days + (days < 60 ? -25568 : -25569), y, m, d);  // 1899-12-31 / 1899-12-30 bases
    }
    out = std::to_string(y);
    out += '-';
    append2(out, m);
    out += '-';
    append2(out, d);
    if (secs) {
        out += 'T';
        append_time(out, secs, false);
    }
    return out;
}

// OOXML escapes characters XML cannot carry as _xHHHH_ (Excel writes CR as _x000D_).
void unescape_ooxml(std::string& s) {
    if (s.find("_x") == std::string::npos && s.find('\r') == std::string::npos) return;
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
            unsigned cp = 0;
            const auto r = std::from_chars(s.data() + i + 2, s.data() + i + 6, cp, 16);
            if (r.ec == std::errc() && r.ptr == s.data() + i + 6) {
                if (cp != '\r') text::append_utf8(out, cp);
                i += 6;
                continue;
            }
        }
        if (s[i] != '\r') out += s[i];
    }
    s = std::move(out);
}

// Text of a string item (<si> or <is>): <t>, or the <t> of every <r> run; phonetic runs skipped.
std::string string_item(const xmlNode* si) {
    std::string out;
    for (const xmlNode* c = xml::first_el(si); c; c = xml::next_el(c)) {
        if (xml::is(c, "t"))
            out += xml::text_of(c);
        else if (xml::is(c, "r"))
            if (const xmlNode* t = xml::child(c, "t")) out += xml::text_of(t);
    }
    unescape_ooxml(out);
    return out;
}

// "B3" → column 2, row 3. Returns false when malformed.
bool parse_ref(std::string_view ref, int& col, int& row) {
    size_t i = 0;
    int c = 0;
    for (; i < ref.size() && i < 4; ++i) {
        const char ch = static_cast<char>(ref[i] & ~0x20);
        if (ch < 'A' || ch > 'Z') break;
        c = c * 26 + (ch - 'A' + 1);
    }
    if (i == 0 || c > kMaxCol) return false;
    int r = 0;
    const auto res = std::from_chars(ref.data() + i, ref.data() + ref.size(), r);
    if (res.ec != std::errc() || res.ptr != ref.data() + ref.size() || r < 1 || r > kMaxRow) return false;
    col = c;
    row = r;
    return true;
}

struct Rel {
    std::string_view type;  // last segment of the Type URI
    std::string target;     // resolved part name
};

std::unordered_map<std::string, Rel> read_rels(const ZipFile& zip, const std::string& path, const std::string& part,
                                               xml::DocPtr& keep) {
    std::unordered_map<std::string, Rel> rels;
    const size_t slash = part.find_last_of('/');
    const std::string rels_part = (slash == std::string::npos ? "" : part.substr(0, slash + 1)) + "_rels/" +
                                  (slash == std::string::npos ? part : part.substr(slash + 1)) + ".rels";
    if (!zip.has(rels_part)) return rels;
    auto bytes = zip.read(rels_part);
    if (!bytes) return rels;
    auto doc = xml::parse(path, rels_part, bytes.value());
    if (!doc) return rels;
    keep = std::move(doc.value());
    for (const xmlNode* r = xml::first_el(xmlDocGetRootElement(keep.get())); r; r = xml::next_el(r)) {
        if (!xml::is(r, "Relationship") || xml::attr(r, "TargetMode") == "External") continue;
        std::string_view type = xml::attr(r, "Type");
        type = type.substr(type.find_last_of('/') + 1);
        rels[std::string(xml::attr(r, "Id"))] = {type, resolve_part(part, xml::attr(r, "Target"))};
    }
    return rels;
}

struct Styles {
    std::vector<Fmt> xf;  // by cellXfs index
    Fmt of(int s) const { return s >= 0 && static_cast<size_t>(s) < xf.size() ? xf[s] : Fmt::General; }
};

Styles read_styles(const xmlNode* root) {
    Styles st;
    std::unordered_map<int, Fmt> custom;
    if (const xmlNode* nf = xml::child(root, "numFmts"))
        for (const xmlNode* f = xml::first_el(nf); f; f = xml::next_el(f))
            if (xml::is(f, "numFmt"))
                custom[to_int(xml::attr(f, "numFmtId"), -1)] = custom_format(xml::attr(f, "formatCode"));
    if (const xmlNode* xfs = xml::child(root, "cellXfs"))
        for (const xmlNode* x = xml::first_el(xfs); x; x = xml::next_el(x)) {
            if (!xml::is(x, "xf")) continue;
            const int id = to_int(xml::attr(x, "numFmtId"), 0);
            auto it = custom.find(id);
            st.xf.push_back(it != custom.end() ? it->second : builtin_format(id));
        }
    return st;
}

// A shared string as the cells showing it will hold it: tick glyphs already in the form
// index_checkboxes gives them, so that indexing a cell's boxes never makes it a copy.
std::shared_ptr<const std::string> shared_text(std::string s) {
    Block b;
    b.text = std::move(s);
    index_checkboxes(b);
    return std::make_shared<const std::string>(std::move(b.text.mut()));
}

struct RawCell {
    int col;
    BlockText text;
};
struct RawRow {
    int row;
    std::vector<RawCell> cells;
};

class XlsxReader final : public Reader {
public:
    const char* format() const override { return "xlsx"; }

    Result<Document> read(const std::string& path, std::string_view bytes, const ReadOptions& opts) const override {
        auto zr = ZipFile::open(path, bytes, opts);
        if (!zr) return zr.error();
        const ZipFile& zip = *zr.value();

        // The workbook part, through the package relationships; xl/workbook.xml by default.
        std::string wb_part;
        xml::DocPtr pkg_rels_doc;
        for (const auto& [id, rel] : read_rels(zip, path, "", pkg_rels_doc))
            if (rel.type == "officeDocument") wb_part = rel.target;
        if (wb_part.empty() || !zip.has(wb_part)) wb_part = "xl/workbook.xml";
        if (!zip.has(wb_part)) return Error{path, "no workbook (xl/workbook.xml): not an Excel workbook"};
        auto wb_bytes = zip.read(wb_part);
        if (!wb_bytes) return wb_bytes.error();
        auto wb = xml::parse(path, wb_part, wb_bytes.value());
        if (!wb) return wb.error();
        const xmlNode* wroot = xmlDocGetRootElement(wb.value().get());
        if (!xml::is(wroot, "workbook")) return Error{path, wb_part + " is not a SpreadsheetML workbook"};

        Document doc;
        doc.path = path;
        doc.format = "xlsx";

        xml::DocPtr wb_rels_doc;
        const auto rels = read_rels(zip, path, wb_part, wb_rels_doc);
        std::string sst_part, styles_part;
        for (const auto& [id, rel] : rels) {
            if (rel.type == "sharedStrings")
                sst_part = rel.target;
            else if (rel.type == "styles")
                styles_part = rel.target;
        }

        // Shared strings are shared by the cells that show them, never copied into each.
        std::vector<std::shared_ptr<const std::string>> sst;
        if (!sst_part.empty()) {
            if (auto d = parse_aux_part(zip, sst_part, doc)) {
                const xmlNode* root = xmlDocGetRootElement(d.get());
                sst.reserve(static_cast<size_t>(std::clamp(to_int(xml::attr(root, "uniqueCount"), 0), 0, 1 << 20)));
                for (const xmlNode* si = xml::first_el(root); si; si = xml::next_el(si))
                    if (xml::is(si, "si")) sst.push_back(shared_text(string_item(si)));
            }
        }
        Styles styles;
        if (!styles_part.empty())
            if (auto d = parse_aux_part(zip, styles_part, doc)) styles = read_styles(xmlDocGetRootElement(d.get()));

        bool date1904 = false;
        if (const xmlNode* pr = xml::child(wroot, "workbookPr")) {
            const auto v = xml::attr(pr, "date1904");
            date1904 = v == "1" || v == "true";
        }

        Budget budget(opts);
        int tables = 0;
        if (const xmlNode* sheets = xml::child(wroot, "sheets")) {
            for (const xmlNode* sh = xml::first_el(sheets); sh; sh = xml::next_el(sh)) {
                if (!xml::is(sh, "sheet")) continue;
                const std::string name = text::sanitize_utf8(xml::attr(sh, "name"));
                auto it = rels.find(std::string(xml::attr(sh, "id")));
                if (it == rels.end() || !zip.has(it->second.target)) {
                    doc.warnings.push_back("sheet " + name + ": its part is missing");
                    continue;
                }
                auto sb = zip.read(it->second.target);
                if (!sb) return sb.error();
                auto sd = xml::parse(path, it->second.target, sb.value());
                if (!sd) return sd.error();
                const xmlNode* root = xmlDocGetRootElement(sd.value().get());
                if (!xml::is(root, "worksheet")) continue;  // chart sheets, dialog sheets
                Block& t = doc.body.emplace_back();
                t.kind = BlockKind::Table;
                t.loc = {"", location_step("", "table", ++tables), 0};
                read_sheet(root, name, sst, styles, date1904, t, doc, budget);
            }
        }

        if (zip.has("docProps/core.xml"))
            if (auto d = parse_aux_part(zip, "docProps/core.xml", doc))
                if (const xmlNode* t = xml::child(xmlDocGetRootElement(d.get()), "title"))
                    doc.title = text::collapse_ws(xml::text_of(t));
        return doc;
    }

private:
    // A row of the table being built: its cells and the grid column each starts at (a gap
    // wider than kMaxPad empty columns is one empty cell spanning it, not a cell per column).
    struct GridRow {
        int number = 0;              // the sheet's row number
        std::vector<int> start_col;  // by cell
        int end = 0;                 // the grid column after the last cell; 0 while empty
    };
    static constexpr int kMaxPad = 64;

    static void read_sheet(const xmlNode* ws, const std::string& name,
                           const std::vector<std::shared_ptr<const std::string>>& sst, const Styles& styles,
                           bool date1904, Block& t, Document& doc, Budget& budget) {
        std::vector<RawRow> raw;
        int min_col = kMaxCol + 1;
        bool bad_index = false;
        if (const xmlNode* data = xml::child(ws, "sheetData")) {
            int next_row = 1;
            for (const xmlNode* r = xml::first_el(data); r; r = xml::next_el(r)) {
                if (!xml::is(r, "row")) continue;
                int rn = std::clamp(to_int(xml::attr(r, "r"), next_row), 1, kMaxRow);
                next_row = rn + 1;
                RawRow row{rn, {}};
                int next_col = 1;
                for (const xmlNode* c = xml::first_el(r); c; c = xml::next_el(c)) {
                    if (!xml::is(c, "c")) continue;
                    int col = next_col, crow = rn;
                    if (xml::has_attr(c, "r") && parse_ref(xml::attr(c, "r"), col, crow) && crow != rn) col = next_col;
                    next_col = std::min(col + 1, kMaxCol);
                    BlockText v;
                    if (!cell_value(c, sst, styles, date1904, v, bad_index)) continue;
                    if (!row.cells.empty() && col <= row.cells.back().col) continue;  // out of order: keep first
                    // A shared string is held once, but every cell that shows it is read by the
                    // extraction: the text budget counts it per cell, to bound the work.
                    budget.cells();
                    budget.text(v.size());
                    min_col = std::min(min_col, col);
                    row.cells.push_back({col, std::move(v)});
                }
                if (!row.cells.empty() && (raw.empty() || raw.back().row < rn)) raw.push_back(std::move(row));
            }
        }
        if (bad_index) doc.warnings.push_back("sheet " + name + ": shared string index out of range");
        std::vector<GridRow> grid;
        grid.reserve(raw.size());
        const std::string cell_prefix = "sheet " + name + ", row ";
        for (auto& rr : raw) {
            GridRow& g = grid.emplace_back();
            g.number = rr.row;
            Row& row = t.rows.emplace_back();
            row.header = t.rows.size() == 1;
            const std::string rpath = cell_prefix + std::to_string(rr.row) + ", cell ";
            for (auto& rc : rr.cells) {
                pad_to(row, g, rc.col, min_col, rpath, budget);
                Cell& cell = add_cell(row, g, rc.col, rpath, budget);
                Block& b = cell.blocks.emplace_back();
                b.text = std::move(rc.text);
                b.loc = cell.loc;
                index_checkboxes(b);
            }
        }
        merges(ws, min_col, grid, cell_prefix, t, budget);
    }

    // The grid column after the last cell of `g`, or `min_col` for an empty row.
    static int end_col(const GridRow& g, int min_col) { return g.start_col.empty() ? min_col : g.end; }

    // Appends a cell at grid column `col`, `width` columns wide.
    static Cell& add_cell(Row& row, GridRow& g, int col, const std::string& rpath, Budget& budget, int width = 1) {
        budget.cells();
        Cell& cell = row.cells.emplace_back();
        cell.loc = {"", rpath + std::to_string(col), 0};
        cell.col_span = width;
        g.start_col.push_back(col);
        g.end = col + width;
        return cell;
    }

    // Empty cells from the row's end up to grid column `col` (exclusive), so columns line up.
    static void pad_to(Row& row, GridRow& g, int col, int min_col, const std::string& rpath, Budget& budget) {
        const int from = end_col(g, min_col);
        if (col - from > kMaxPad) {
            add_cell(row, g, from, rpath, budget, col - from);
            return;
        }
        for (int c = from; c < col; ++c) add_cell(row, g, c, rpath, budget);
    }

    // The cell of row `g` that starts at grid column `col`, padding the row out to it; null when
    // `col` falls inside a wide gap's single empty cell.
    static Cell* cell_at(Row& row, GridRow& g, int col, int min_col, const std::string& cell_prefix, Budget& budget) {
        if (col >= end_col(g, min_col)) {
            const std::string rpath = cell_prefix + std::to_string(g.number) + ", cell ";
            pad_to(row, g, col, min_col, rpath, budget);
            return &add_cell(row, g, col, rpath, budget);
        }
        const auto it = std::lower_bound(g.start_col.begin(), g.start_col.end(), col);
        if (it == g.start_col.end() || *it != col) return nullptr;
        return &row.cells[static_cast<size_t>(it - g.start_col.begin())];
    }

    // Applies <mergeCells> to the rows kept. Each merge visits only the kept rows it covers
    // (found by binary search), and every cell it marks is charged, so thousands of merges cost
    // what they cover, not the sheet's height each.
    static void merges(const xmlNode* ws, int min_col, std::vector<GridRow>& grid, const std::string& cell_prefix,
                       Block& t, Budget& budget) {
        const xmlNode* mc = xml::child(ws, "mergeCells");
        if (!mc || t.rows.empty()) return;
        auto first_row = [&](int r) {
            return static_cast<size_t>(
                std::lower_bound(grid.begin(), grid.end(), r, [](const GridRow& g, int n) { return g.number < n; }) -
                grid.begin());
        };
        for (const xmlNode* m = xml::first_el(mc); m; m = xml::next_el(m)) {
            const std::string_view ref = xml::attr(m, "ref");
            const size_t colon = ref.find(':');
            int c1, r1, c2, r2;
            if (colon == std::string_view::npos || !parse_ref(ref.substr(0, colon), c1, r1) ||
                !parse_ref(ref.substr(colon + 1), c2, r2) || c2 < c1 || r2 < r1 || c1 < min_col)
                continue;
            c2 = std::min(c2, c1 + 255);  // a merge across the whole sheet must not pad 16k cells
            int rows_kept = 0;
            const size_t a = first_row(r1);
            for (size_t i = a; i < grid.size() && grid[i].number <= r2; ++i) {
                ++rows_kept;
                const int r = grid[i].number;
                for (int c = c1; c <= c2; ++c) {
                    if (r == r1 && c == c1) continue;
                    budget.cells();
                    if (Cell* cell = cell_at(t.rows[i], grid[i], c, min_col, cell_prefix, budget))
                        cell->continued = true;
                }
                if (rows_kept > 4096) break;
            }
            if (a == grid.size() || grid[a].number != r1) continue;
            Cell* anchor = cell_at(t.rows[a], grid[a], c1, min_col, cell_prefix, budget);
            if (!anchor) continue;
            anchor->continued = false;
            anchor->col_span = c2 - c1 + 1;
            anchor->row_span = std::max(1, rows_kept);
        }
    }

    // The shown value of <c>; false when the cell holds none.
    static bool cell_value(const xmlNode* c, const std::vector<std::shared_ptr<const std::string>>& sst,
                           const Styles& styles, bool date1904, BlockText& out, bool& bad_index) {
        const std::string_view type = xml::attr(c, "t", "n");
        if (type == "inlineStr") {
            const xmlNode* is = xml::child(c, "is");
            if (!is) return false;
            out = string_item(is);
            return !out.empty();
        }
        const xmlNode* v = xml::child(c, "v");
        if (!v) return false;
        std::string raw = xml::text_of(v);
        if (type == "s") {
            const int i = to_int(text::trim(raw), -1);
            if (i < 0 || static_cast<size_t>(i) >= sst.size()) {
                bad_index = true;
                return false;
            }
            out = BlockText::shared(sst[static_cast<size_t>(i)]);
        } else if (type == "b") {
            out = text::trim(raw) == "1" ? "TRUE" : "FALSE";
        } else if (type == "str" || type == "e" || type == "d") {
            unescape_ooxml(raw);
            out = std::move(raw);
        } else {
            const std::string s = text::trim(raw);
            double d = 0;
            const auto r = std::from_chars(s.data(), s.data() + s.size(), d);
            if (s.empty()) return false;
            if (r.ec != std::errc() || r.ptr != s.data() + s.size()) {
                out = s;  // not a number after all: keep what is there
                return true;
            }
            const Fmt f = styles.of(to_int(xml::attr(c, "s"), 0));
            switch (f) {
                case Fmt::Date:
                case Fmt::Time:
                case Fmt::Duration:
                    out = serial_text(d, f, date1904);
                    break;
                case Fmt::Percent:
                    out = fmt_number(d * 100) + "%";
                    break;
                default:
                    out = fmt_number(d);
            }
        }
        return !out.empty();
    }
};

}  // namespace

const Reader& xlsx_reader() {
    static const XlsxReader r;
    return r;
}

}  // namespace tfa
