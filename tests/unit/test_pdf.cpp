// The PDF reader, on the fixtures made by tests/data/pdf/make-fixtures.sh.
#include <catch2/catch.hpp>

#include "golden.h"
#include "readers/reader.h"

using namespace tfa;
using tfa::test::data_path;

namespace {

Document read_pdf_ok(const std::string& rel) {
    auto r = read_document(data_path(rel));
    INFO(rel << ": " << (r ? "" : r.error().str()));
    REQUIRE(r.ok());
    return std::move(r).value();
}

Error read_pdf_error(const std::string& rel) {
    auto r = read_document(data_path(rel));
    REQUIRE_FALSE(r.ok());
    return r.error();
}

// The index of the first body block holding `needle`, or -1.
int index_of(const Document& d, const std::string& needle) {
    for (size_t i = 0; i < d.body.size(); ++i)
        if (d.body[i].text.find(needle) != std::string::npos) return static_cast<int>(i);
    return -1;
}

const Block& block_with(const Document& d, const std::string& needle) {
    const int i = index_of(d, needle);
    INFO("looking for: " << needle);
    REQUIRE(i >= 0);
    return d.body[static_cast<size_t>(i)];
}

// The body's tables, in order.
std::vector<const Block*> tables_of(const Document& d) {
    std::vector<const Block*> out;
    for (const auto& b : d.body)
        if (b.is_table()) out.push_back(&b);
    return out;
}

// A table's cell texts, row by row.
std::vector<std::vector<std::string>> cells_of(const Block& t) {
    std::vector<std::vector<std::string>> out;
    for (const auto& r : t.rows) {
        out.emplace_back();
        for (const auto& c : r.cells) out.back().push_back(c.text());
    }
    return out;
}

using Grid = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("pdf: text, Unicode and ligatures of a LibreOffice PDF", "[pdf]") {
    const Document d = read_pdf_ok("pdf/report.pdf");
    CHECK(d.format == "pdf");
    CHECK(d.pages == 2);
    CHECK(d.title == "Family Support Review");
    CHECK(d.warnings.empty());
    CHECK(d.extras.empty());
    CHECK(d.body.front().text == "Family Support Review");
    // Subset TrueType fonts whose codes only the ToUnicode CMap explains.
    CHECK(block_with(d, "Zoë").text ==
          "The keyworker Zoë Łukasz approved £1,250 for a fluffy toy library and first aid training.");
    // fi, fl, ff and ffi ligature glyphs (PoDoFo alone gives U+FFFF for these).
    CHECK(block_with(d, "workflows").text ==
          "This synthetic review describes the office workflows of a support team in the first quarter.");
    CHECK(block_with(d, "Effective").text == "Effective official offers finish the first page.");
    d.for_each([](const Block& b) {
        CHECK(b.text.find("\xEF\xBF\xBF") == std::string::npos);  // no U+FFFF left
        CHECK(b.text.find("\xEF\xBF\xBD") == std::string::npos);  // nor U+FFFD
        CHECK((b.kind == BlockKind::Paragraph || b.kind == BlockKind::Table));
    });
}

TEST_CASE("pdf: a bordered label/value table is a two-column table", "[pdf]") {
    const Document d = read_pdf_ok("pdf/report.pdf");
    const auto tables = tables_of(d);
    REQUIRE(tables.size() == 1);
    const Block& t = *tables[0];
    CHECK(cells_of(t) == Grid{{"Family reference", "TF-0001"}, {"Keyworker", "Zoë Łukasz"}, {"Budget", "£1,250"}});
    CHECK_FALSE(t.rows[0].header);  // nothing bold: no header row
    CHECK(t.loc.path == "table 1");
    CHECK(t.loc.page == 1);
    const Cell& c = t.rows[1].cells[1];
    CHECK(c.loc.path == "table 1, row 2, cell 2");
    CHECK(c.loc.page == 1);
    REQUIRE(c.blocks.size() == 1);
    CHECK(c.blocks[0].kind == BlockKind::Paragraph);
    CHECK(c.blocks[0].loc.path == "table 1, row 2, cell 2");  // a cell's only paragraph is the cell
    CHECK(c.blocks[0].loc.where() == "page 1, table 1, row 2, cell 2");
    // Plain text keeps a tab between cells.
    CHECK(to_text(d).find("Keyworker\tZoë Łukasz\n") != std::string::npos);
}

TEST_CASE("pdf: paragraphs in reading order with page numbers and document-wide paths", "[pdf]") {
    const Document d = read_pdf_ok("pdf/report.pdf");
    const char* order[] = {"Family Support Review", "This synthetic review", "The keyworker",
                           "Effective official",    "Consent",               "Yes",
                           "The second page",       "Last line."};
    int prev = -1;
    for (const char* s : order) {
        const int i = index_of(d, s);
        INFO(s);
        CHECK(i > prev);
        prev = i;
    }
    REQUIRE(d.body.size() == 9);
    CHECK(d.body[3].is_table());  // between the paragraph before it and the one after
    int n = 0;
    for (size_t i = 0; i < d.body.size(); ++i) {
        CHECK(d.body[i].loc.file == d.path);
        if (d.body[i].is_table()) continue;
        CHECK(d.body[i].loc.path == "paragraph " + std::to_string(++n));  // counted per document
    }
    CHECK(block_with(d, "Effective official").loc.path == "paragraph 4");  // tables not counted
    CHECK(block_with(d, "Effective official").loc.page == 1);
    CHECK(block_with(d, "Consent").loc.page == 2);
    CHECK(block_with(d, "Consent").loc.where() == "page 2, paragraph 5");
    CHECK(d.body.back().loc.page == 2);
}

TEST_CASE("pdf: a ruled table with wrapped cells is read cell by cell", "[pdf]") {
    const Document d = read_pdf_ok("pdf/tables.pdf");
    CHECK(d.warnings.empty());
    const auto tables = tables_of(d);
    REQUIRE(tables.size() == 3);
    const Block& t = *tables[0];
    // Cells wrap over two and three lines, and their lines interleave on the page; each cell's
    // lines join with a space (a hyphen at a line end after a letter is kept and joined).
    CHECK(cells_of(t) == Grid{{"Criterion", "Family member", "Measure", "Period start", "Value"},
                              {"Staying safe in the community after dark", "Artem Petrenko", "Incidents", "15/10/2018", "4"},
                              {"Getting a good education", "Sofia Petrenko-Harrington", "Attendance (%) over the autumn term",
                               "15/10/2018", "81.3"}});
    CHECK(t.rows[0].header);  // bold over plain rows
    CHECK_FALSE(t.rows[1].header);
    CHECK(t.loc.where() == "page 2, table 1");
    CHECK(t.rows[2].cells[2].blocks.at(0).loc.where() == "page 2, table 1, row 3, cell 3");
    for (const auto& r : t.rows)
        for (const auto& c : r.cells) CHECK(c.col_span == 1);
    // The label/value table: a wrapped label ("Lead / practitioner") stays one cell.
    CHECK(cells_of(*tables[1]) == Grid{{"Family ID", "FF-1001"}, {"Lead practitioner", "Priya Raman"}});
    CHECK(block_with(d, "Family details.").loc.where() == "page 2, paragraph 1");
    CHECK(block_with(d, "Next steps").loc.where() == "page 2, paragraph 2");
}

TEST_CASE("pdf: a borderless table is found from its columns, and a bulleted list is not a table", "[pdf]") {
    const Document d = read_pdf_ok("pdf/tables.pdf");
    const auto tables = tables_of(d);
    REQUIRE(tables.size() == 3);
    const Block& t = *tables[2];
    // The last row's first cell wraps over three lines, centred on the other cells' line.
    CHECK(cells_of(t) == Grid{{"Action", "Who", "By when"},
                              {"Weekly walking group", "Family support worker", "31/12/2018"},
                              {"Referral to Talking Therapies for low mood and anxiety", "GP", "10/12/2018"}});
    CHECK(t.loc.where() == "page 2, table 3");
    // The list after it stays text with a tab after each bullet.
    const Block& list = block_with(d, "First point");
    CHECK(list.kind == BlockKind::Paragraph);
    CHECK(list.text.rfind("•\tFirst point with a short text.", 0) == 0);
    CHECK(d.body.back().text == "Last line.");
}

TEST_CASE("pdf: a single line with a tab stays a paragraph", "[pdf]") {
    const Document d = read_pdf_ok("pdf/fonts.pdf");
    CHECK(tables_of(d).empty());
    CHECK(d.body[2].text == "Yes a\tb");
}

TEST_CASE("pdf: wrapped lines join into one paragraph", "[pdf]") {
    const Document d = read_pdf_ok("pdf/report.pdf");
    const Block& b = block_with(d, "The second page");
    CHECK(b.text ==
          "The second page closes the review with a final note about efficient staff. This paragraph is "
          "long enough to wrap over several lines of the page, so that the reader has to join wrapped "
          "lines back into one paragraph while keeping the paragraphs before and after it apart from it.");
    CHECK(block_with(d, "Last line.").text == "Last line.");
}

TEST_CASE("pdf: tick glyphs become indexed tick boxes", "[pdf]") {
    const Document d = read_pdf_ok("pdf/report.pdf");
    const Block& b = block_with(d, "Yes");
    CHECK(b.text == "☒ Yes ☐ No");
    REQUIRE(b.boxes.size() == 2);
    CHECK(b.boxes[0].checked);
    CHECK(b.boxes[0].offset == 0);
    CHECK_FALSE(b.boxes[1].checked);
    CHECK(b.boxes[1].offset == b.text.find("☐"));
}

TEST_CASE("pdf: an empty user password opens without asking", "[pdf]") {
    const Document plain = read_pdf_ok("pdf/report.pdf");
    const Document enc = read_pdf_ok("pdf/encrypted-empty.pdf");
    CHECK(enc.pages == 2);
    CHECK(enc.title == "Family Support Review");  // AES padding of decrypted strings dropped
    REQUIRE(enc.body.size() == plain.body.size());
    CHECK(to_text(enc) == to_text(plain));
}

TEST_CASE("pdf: form XObjects, TJ kerning, hex strings, quote operators, /Differences", "[pdf]") {
    const Document d = read_pdf_ok("pdf/xobject.pdf");
    CHECK(d.pages == 1);
    REQUIRE(d.body.size() == 4);
    CHECK(d.body[0].text == "Form XObject test");
    // 14 pt leading at 11 pt: one paragraph of four lines. Small TJ kerning joins "Ke"+"rned";
    // -250 is a word gap. The hex string and the ' operator's lines follow in order; code 0x80 is
    // the /fi glyph by its /Differences name.
    CHECK(d.body[1].text == "Kerned words Hex string Next line by quote Ligature: find the file");
    CHECK(d.body[2].text == "Text inside a form XObject. Second form line.");  // drawn with Do
    CHECK(d.body[3].text == "After the form.");
}

TEST_CASE("pdf: composite Identity-H fonts, CMap ranges, widths and Wingdings tick boxes", "[pdf]") {
    const Document d = read_pdf_ok("pdf/fonts.pdf");
    REQUIRE(d.body.size() == 5);
    // Two-byte codes through bfchar, a ligature target, bfrange with start and array forms, and
    // a range of 4096 codes (code 1001 is U+4E01).
    CHECK(d.body[0].text == "fluffy Yes \u4E01");
    // Wingdings codes FD and A8 map to private-use U+F0FD and U+F0A8: a ticked and an empty box.
    CHECK(d.body[1].text == "☒ Yes ☐ No");
    REQUIRE(d.body[1].boxes.size() == 2);
    CHECK(d.body[1].boxes[0].checked);
    CHECK_FALSE(d.body[1].boxes[1].checked);
    // Pieces placed by Td: with /DW widths, a 3 pt gap is a space and a wide one a tab.
    CHECK(d.body[2].text == "Yes a\tb");
    CHECK(d.body[3].text == "☒ ☐");
    CHECK(d.body[3].boxes.size() == 2);
    // A wrapped line ending in a hyphen joins without a space and keeps the hyphen.
    CHECK(d.body[4].text == "We agreed a follow-up visit in May.");
}

TEST_CASE("pdf: a scanned page among text pages is named in a warning", "[pdf]") {
    const Document d = read_pdf_ok("pdf/mixed.pdf");
    CHECK(d.pages == 3);
    CHECK(d.body.size() == 9);
    REQUIRE(d.warnings.size() == 1);
    CHECK(d.warnings[0] == "page 3: no text layer: cannot be read without OCR");
}

TEST_CASE("pdf: bad inputs give one-line errors naming the file", "[pdf]") {
    SECTION("a scan has no text layer") {
        const Error e = read_pdf_error("pdf/scan.pdf");
        CHECK(e.file == data_path("pdf/scan.pdf"));
        CHECK(e.message == "no text layer: cannot be read without OCR");
    }
    SECTION("a user password is needed") {
        const Error e = read_pdf_error("pdf/encrypted-user.pdf");
        CHECK(e.file == data_path("pdf/encrypted-user.pdf"));
        CHECK(e.message == "encrypted: a password is needed to open it");
    }
    SECTION("a truncated file") {
        const Error e = read_pdf_error("pdf/truncated.pdf");
        CHECK(e.file == data_path("pdf/truncated.pdf"));
        CHECK(e.message.rfind("damaged PDF: ", 0) == 0);
        CHECK(e.message.find("EOF") != std::string::npos);  // PoDoFo's reason
        CHECK(e.str() == data_path("pdf/truncated.pdf") + ": " + e.message);
    }
    SECTION("random bytes") {
        const Error e = read_pdf_error("pdf/random.pdf");
        CHECK(e.file == data_path("pdf/random.pdf"));
        CHECK(e.message.rfind("damaged PDF: ", 0) == 0);
        CHECK(e.message.find("not a PDF") != std::string::npos);
    }
    SECTION("empty and tiny inputs") {
        for (std::string_view bytes : {std::string_view(""), std::string_view("%PDF-1.4\n"),
                                       std::string_view("%PDF-1.4\n%%EOF\n")}) {
            auto r = read_document("x.pdf", bytes);
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().file == "x.pdf");
            CHECK(r.error().message.rfind("damaged PDF: ", 0) == 0);
        }
    }
}

TEST_CASE("pdf: forms drawing forms without end are cut short with a warning", "[pdf]") {
    const Document d = read_pdf_ok("pdf/forms-bomb.pdf");
    REQUIRE_FALSE(d.body.empty());
    CHECK(d.body.front().text == "Text before the forms.");
    REQUIRE(d.warnings.size() == 1);
    CHECK(d.warnings[0].rfind("page 1: ", 0) == 0);
    CHECK(d.warnings[0].find("too many forms drawn") != std::string::npos);
}

TEST_CASE("pdf: every prefix of a PDF is read or refused, never a crash", "[pdf]") {
    const std::string bytes = tfa::test::read_all(data_path("pdf/xobject.pdf"));
    REQUIRE(bytes.size() > 1000);
    for (size_t n = 0; n < bytes.size(); n += 37) {
        auto r = read_document("cut.pdf", std::string_view(bytes).substr(0, n));
        if (!r.ok()) CHECK(r.error().file == "cut.pdf");
    }
    // Corrupted content streams: flip bytes after the header.
    std::string b = bytes;
    for (size_t i = 200; i < b.size(); i += 53) {
        b[i] = static_cast<char>(b[i] ^ 0x5A);
        auto r = read_document("flip.pdf", b);
        if (!r.ok()) CHECK(r.error().file == "flip.pdf");
    }
}

TEST_CASE("pdf: golden text and JSON", "[pdf]") {
    for (const char* name : {"report", "xobject", "fonts", "encrypted-empty", "tables"}) {
        const std::string rel = std::string("pdf/") + name + ".pdf";
        // A path relative to the data directory, so the goldens do not depend on the checkout.
        auto bytes = load_file(data_path(rel));
        REQUIRE(bytes.ok());
        auto r = read_document(rel, bytes.value());
        REQUIRE(r.ok());
        tfa::test::check_golden(std::string("pdf/") + name + ".txt", to_text(r.value()));
        tfa::test::check_golden(std::string("pdf/") + name + ".json", to_json(r.value()));
    }
}
