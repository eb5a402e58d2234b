// .txt and .csv: hard-data extracts. UTF-8 with or without a BOM, else Windows-1252.
// A .txt becomes one paragraph per non-empty line; a .csv one table whose first row is the
// header row (RFC 4180 quoting, comma or semicolon separated).
#include "core/text.h"
#include "readers/reader.h"

namespace tfa {

namespace {

std::string decode(std::string_view bytes, std::vector<ReadWarning>& warnings) {
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
        // UTF-16: decode the BMP (hard-data exports from Excel use it).
        const bool le = bytes[0] == '\xFF';
        std::string out;
        for (size_t i = 2; i + 1 < bytes.size(); i += 2) {
            const auto lo = static_cast<unsigned char>(bytes[i + (le ? 0 : 1)]);
            const auto hi = static_cast<unsigned char>(bytes[i + (le ? 1 : 0)]);
            text::append_utf8(out, static_cast<uint32_t>(hi << 8 | lo));
        }
        return out;
    }
    if (text::is_valid_utf8(bytes)) return std::string(bytes);
    warnings.push_back({"not UTF-8: read as Windows-1252", false});  // every byte read
    return text::cp1252_to_utf8(bytes);
}

// Calls f(line) for each line of `s`, accepting \n, \r\n and \r. No list of lines is built:
// a file of nothing but line breaks costs no memory.
template <class F>
void for_each_line(std::string_view s, F&& f) {
    size_t b = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\n' || s[i] == '\r') {
            f(s.substr(b, i - b));
            if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
            b = i + 1;
        }
    }
    if (b < s.size()) f(s.substr(b));
}

char sniff_separator(std::string_view s) {
    const size_t eol = s.find_first_of("\r\n");
    const std::string_view first = s.substr(0, eol);
    size_t commas = 0, semis = 0, tabs = 0;
    bool quoted = false;
    for (char c : first) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        commas += c == ',';
        semis += c == ';';
        tabs += c == '\t';
    }
    if (tabs > commas && tabs > semis) return '\t';
    return semis > commas ? ';' : ',';
}

// RFC 4180 records: quoted fields may hold separators, doubled quotes and newlines. Every field
// is charged as a table cell and every record as a row when it is made, so a file of
// separators stops at the cells bound instead of making millions of empty fields.
std::vector<std::vector<std::string>> parse_csv(std::string_view s, char sep, Budget& budget) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, any = false;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < s.size() && s[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == '"' && field.empty()) {
            quoted = true;
            any = true;
        } else if (c == sep) {
            budget.cells();
            budget.text(field.size());
            row.push_back(text::trim(field));
            field.clear();
            any = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
            if (any || !field.empty()) {
                budget.cells(2);  // the last field and the row
                budget.text(field.size());
                row.push_back(text::trim(field));
                rows.push_back(std::move(row));
            }
            row.clear();
            field.clear();
            any = false;
        } else {
            field += c;
            any = true;
        }
    }
    if (any || !field.empty()) {
        budget.cells(2);
        budget.text(field.size());
        row.push_back(text::trim(field));
        rows.push_back(std::move(row));
    }
    return rows;
}

class TextReader final : public Reader {
public:
    const char* format() const override { return "txt"; }

    Result<Document> read(const std::string& path, std::string_view bytes, const ReadOptions& opts) const override {
        Document doc;
        doc.path = path;
        doc.format = text::extension(path) == "csv" ? "csv" : "txt";
        if (bytes.find('\0') != std::string_view::npos && bytes.substr(0, 2) != "\xFF\xFE" &&
            bytes.substr(0, 2) != "\xFE\xFF")
            return Error{path, "binary data in a text file"};
        const std::string s = decode(bytes, doc.warnings);
        Budget budget(opts);
        if (doc.format == "csv")
            read_csv(doc, s, budget);
        else
            read_txt(doc, s, budget);
        return doc;
    }

private:
    static void read_txt(Document& doc, const std::string& s, Budget& budget) {
        int n = 0;
        for_each_line(s, [&](std::string_view line) {
            std::string t = text::trim(line);
            if (t.empty()) return;
            budget.blocks();
            budget.text(t.size());
            Block b;
            b.text = std::move(t);
            b.loc = {"", location_step("", "paragraph", ++n), 0};
            index_checkboxes(b);
            doc.body.push_back(std::move(b));
        });
    }

    static void read_csv(Document& doc, const std::string& s, Budget& budget) {
        Block t;
        t.kind = BlockKind::Table;
        t.loc = {"", "table 1", 0};
        const auto rows = parse_csv(s, sniff_separator(s), budget);
        for (size_t r = 0; r < rows.size(); ++r) {
            Row row;
            row.header = r == 0;
            for (size_t c = 0; c < rows[r].size(); ++c) {
                Cell cell;
                cell.loc = {"", location_step(location_step("table 1", "row", r + 1), "cell", c + 1), 0};
                Block p;
                p.text = rows[r][c];
                p.loc = cell.loc;
                index_checkboxes(p);
                cell.blocks.push_back(std::move(p));
                row.cells.push_back(std::move(cell));
            }
            t.rows.push_back(std::move(row));
        }
        if (!t.rows.empty()) doc.body.push_back(std::move(t));
    }
};

}  // namespace

const Reader& text_reader() {
    static const TextReader r;
    return r;
}

}  // namespace tfa
