// The PDF reader, on the fixtures made by tests/data/pdf/make-fixtures.sh.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>

#include "golden.h"
#include "readers/reader.h"

using namespace tfa;
using tfa::test::data_path;

namespace {

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

// A PDF built from object bodies (object 1 is the catalog), with a correct xref table.
std::string make_pdf(const std::vector<std::string>& objects) {
    std::string out = "%PDF-1.7\n";
    std::vector<size_t> offsets;
    for (size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    char line[32];
    for (size_t off : offsets) {
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
        out += line;
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return out;
}

std::string stream_obj(const std::string& dict, const std::string& data) {
    return "<< /Length " + std::to_string(data.size()) + " " + dict + " >>\nstream\n" + data + "\nendstream";
}

// A one-page form: objects 1-4 are the catalog, pages, page and Helvetica; 5 the content;
// `more` are objects 6 on. `page_extra` goes into the page dictionary (/Annots, /Rotate).
std::string make_form(const std::string& content, const std::string& page_extra, const std::vector<std::string>& more) {
    std::vector<std::string> objs = {
        "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [] >> >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R " +
            page_extra + " >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream_obj("", content),
    };
    objs.insert(objs.end(), more.begin(), more.end());
    return make_pdf(objs);
}

Document read_bytes_ok(const std::string& bytes) {
    auto r = read_document("form.pdf", bytes);
    INFO((r ? "" : r.error().str()));
    REQUIRE(r.ok());
    return std::move(r).value();
}

size_t count_of(const std::string& s, const std::string& needle) {
    size_t n = 0;
    for (size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("pdf: text, Unicode and ligatures of a LibreOffice PDF", "[pdf]") {
    const Document d = test::read_ok("pdf/report.pdf");
    CHECK(d.format == "pdf");
    CHECK(d.pages == 2);
    CHECK(d.title == "Family Support Review");
    CHECK(d.warnings.empty());
    CHECK(d.extras.empty());
    CHECK(d.body.front().text == "Family Support Review");
    // Subset TrueType fonts whose codes only the ToUnicode CMap explains.
    CHECK(block_with(d, "Zoë").text ==
          "The keyworker Zoë Łukasz approved £1,250 for a fluffy toy library and first aid training.");
    // fi, fl, ff and ffi ligature glyphs (multi-character ToUnicode targets).
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
    const Document d = test::read_ok("pdf/report.pdf");
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
    const Document d = test::read_ok("pdf/report.pdf");
    const char* order[] = {"Family Support Review",
                           "This synthetic review",
                           "The keyworker",
                           "Effective official",
                           "Consent",
                           "Yes",
                           "The second page",
                           "Last line."};
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
    const Document d = test::read_ok("pdf/tables.pdf");
    CHECK(d.warnings.empty());
    const auto tables = tables_of(d);
    REQUIRE(tables.size() == 3);
    const Block& t = *tables[0];
    // Cells wrap over two and three lines, and their lines interleave on the page; each cell's
    // lines join with a space (a hyphen at a line end after a letter is kept and joined).
    CHECK(cells_of(t) ==
          Grid{{"Criterion", "Family member", "Measure", "Period start", "Value"},
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
    const Document d = test::read_ok("pdf/tables.pdf");
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
    const Document d = test::read_ok("pdf/fonts.pdf");
    CHECK(tables_of(d).empty());
    CHECK(d.body[2].text == "Yes a\tb");
}

TEST_CASE("pdf: wrapped lines join into one paragraph", "[pdf]") {
    const Document d = test::read_ok("pdf/report.pdf");
    const Block& b = block_with(d, "The second page");
    CHECK(b.text ==
          "The second page closes the review with a final note about efficient staff. This paragraph is "
          "long enough to wrap over several lines of the page, so that the reader has to join wrapped "
          "lines back into one paragraph while keeping the paragraphs before and after it apart from it.");
    CHECK(block_with(d, "Last line.").text == "Last line.");
}

TEST_CASE("pdf: tick glyphs become indexed tick boxes", "[pdf]") {
    const Document d = test::read_ok("pdf/report.pdf");
    const Block& b = block_with(d, "Yes");
    CHECK(b.text == "☒ Yes ☐ No");
    REQUIRE(b.boxes.size() == 2);
    CHECK(b.boxes[0].checked);
    CHECK(b.boxes[0].offset == 0);
    CHECK_FALSE(b.boxes[1].checked);
    CHECK(b.boxes[1].offset == b.text.find("☐"));
}

TEST_CASE("pdf: an empty user password opens without asking, under every standard security handler", "[pdf]") {
    const Document plain = test::read_ok("pdf/report.pdf");
    // AES-256 (R6), AES-128 (R4), 128-bit RC4 (R3) and 40-bit RC4 (R2).
    for (const char* name : {"encrypted-empty", "encrypted-aes128", "encrypted-rc4-128", "encrypted-rc4-40"}) {
        INFO(name);
        const Document enc = test::read_ok(std::string("pdf/") + name + ".pdf");
        CHECK(enc.pages == 2);
        CHECK(enc.title == "Family Support Review");  // a decrypted string, no padding left
        CHECK(enc.warnings.empty());
        REQUIRE(enc.body.size() == plain.body.size());
        CHECK(to_text(enc) == to_text(plain));
        CHECK(block_with(enc, "Zoë").text ==
              "The keyworker Zoë Łukasz approved £1,250 for a fluffy toy library and first aid training.");
    }
}

TEST_CASE("pdf: form XObjects, TJ kerning, hex strings, quote operators, /Differences", "[pdf]") {
    const Document d = test::read_ok("pdf/xobject.pdf");
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
    const Document d = test::read_ok("pdf/fonts.pdf");
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
    const Document d = test::read_ok("pdf/mixed.pdf");
    CHECK(d.pages == 3);
    CHECK(d.body.size() == 9);
    REQUIRE(d.warnings.size() == 1);
    CHECK(d.warnings[0].message == "page 3: no text layer: cannot be read without OCR");
    CHECK(d.warnings[0].lost);
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
        CHECK(e.message == "encrypted: needs a password to open");
    }
    SECTION("a truncated file") {
        const Error e = read_pdf_error("pdf/truncated.pdf");
        CHECK(e.file == data_path("pdf/truncated.pdf"));
        CHECK(e.message.rfind("damaged PDF: ", 0) == 0);
        CHECK(e.message.find("trailer") != std::string::npos);  // qpdf's reason: no trailer found
        CHECK(e.str() == data_path("pdf/truncated.pdf") + ": " + e.message);
    }
    SECTION("random bytes") {
        const Error e = read_pdf_error("pdf/random.pdf");
        CHECK(e.file == data_path("pdf/random.pdf"));
        CHECK(e.message.rfind("damaged PDF: ", 0) == 0);
        CHECK(e.message.rfind("damaged PDF: not a PDF file (no %PDF- header): ", 0) == 0);
    }
    SECTION("empty and tiny inputs") {
        for (std::string_view bytes :
             {std::string_view(""), std::string_view("%PDF-1.4\n"), std::string_view("%PDF-1.4\n%%EOF\n")}) {
            auto r = read_document("x.pdf", bytes);
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().file == "x.pdf");
            CHECK(r.error().message.rfind("damaged PDF: ", 0) == 0);
        }
    }
}

TEST_CASE("pdf: forms drawing forms without end are cut short with a warning", "[pdf]") {
    const Document d = test::read_ok("pdf/forms-bomb.pdf");
    REQUIRE_FALSE(d.body.empty());
    CHECK(d.body.front().text == "Text before the forms.");
    REQUIRE(d.warnings.size() == 1);
    CHECK(d.warnings[0].message ==
          "over the 10,000 form XObject draws budget for one document: page 1 read in part, the content after it not "
          "read");
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

TEST_CASE("pdf: a filled-in form's field values are read into the page's text", "[pdf]") {
    const Document d = test::read_ok("pdf/form.pdf");
    CHECK(d.warnings.empty());
    // A text field (a field with a kid widget: /FT, /V, /DA inherited) right of its label.
    CHECK(block_with(d, "Family reference").text == "Family reference: FF-2001");
    // Check boxes, each before its word: /V and /AS give the state; "Off" is unticked.
    const Block& consent = block_with(d, "Consent given");
    CHECK(consent.text == "Consent given: ☒ Yes ☐ No");
    REQUIRE(consent.boxes.size() == 2);
    CHECK(consent.boxes[0].checked);
    CHECK(consent.boxes[0].offset == consent.text.find("☒"));
    CHECK_FALSE(consent.boxes[1].checked);
    CHECK(consent.boxes[1].offset == consent.text.find("☐"));
    // A hidden field is not read; nor is a push button's caption (drawn only in its appearance).
    const std::string text = to_text(d);
    CHECK(text.find("HIDDEN") == std::string::npos);
    CHECK(text.find("Print form") == std::string::npos);
    // The appearance streams draw the values again; they are not page content.
    CHECK(count_of(text, "FF-2001") == 1);
    CHECK(count_of(text, "Education") == 1);
    // A multi-line value keeps its line break.
    CHECK(block_with(d, "Notes:").text == "Notes: First line of the notes\nSecond line");
    // A choice field's export value "edu" shows as its display text.
    CHECK(block_with(d, "Lead agency").text == "Lead agency: Education");
    // Radio buttons: the parent's /V names the chosen kid.
    const Block& risk = block_with(d, "Risk level");
    CHECK(risk.text == "Risk level: ☐ Low ☒ High");
    REQUIRE(risk.boxes.size() == 2);
    CHECK_FALSE(risk.boxes[0].checked);
    CHECK(risk.boxes[1].checked);
    // A UTF-16BE value.
    CHECK(block_with(d, "Keyworker").text == "Keyworker: Zoë Łukasz");
    // Reading order: the fields' lines among the labels.
    const char* order[] = {"Early Help Assessment", "Please complete", "Family reference", "Consent given", "Notes:",
                           "Lead agency",           "Risk level",      "Keyworker",        "End of form."};
    int prev = -1;
    for (const char* s : order) {
        const int i = index_of(d, s);
        INFO(s);
        CHECK(i > prev);
        prev = i;
    }
    CHECK(d.body.size() == 9);
}

TEST_CASE("pdf: an encrypted form's values read as the plain form's", "[pdf]") {
    const Document plain = test::read_ok("pdf/form.pdf");
    const Document enc = test::read_ok("pdf/form-encrypted.pdf");
    CHECK(enc.warnings.empty());
    CHECK(to_text(enc) == to_text(plain));
}

TEST_CASE("pdf: a PDF holding only filled-in form fields is read", "[pdf]") {
    const Document d = test::read_ok("pdf/form-only.pdf");
    CHECK(d.warnings.empty());  // not "no text on any page"
    REQUIRE(d.body.size() == 2);
    CHECK(d.body[0].text == "FF-3003");
    CHECK(d.body[1].text == "☒");
    REQUIRE(d.body[1].boxes.size() == 1);
    CHECK(d.body[1].boxes[0].checked);

    SECTION("fields over a scanned page: read, and the page named as needing OCR") {
        const std::string scan = make_pdf(
            {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
             "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >>"
             " /Contents 5 0 R /Annots [6 0 R] >>",
             stream_obj("/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8",
                        "\x10\x20\x30\x40"),
             stream_obj("", "q 500 0 0 700 47 70 cm /Im1 Do Q"),
             "<< /Type /Annot /Subtype /Widget /Rect [72 700 300 718] /FT /Tx /V (FF-3004) >>"});
        const Document s = read_bytes_ok(scan);
        REQUIRE(s.body.size() == 1);
        CHECK(s.body[0].text == "FF-3004");
        REQUIRE(s.warnings.size() == 1);
        CHECK(s.warnings[0].message == "page 1: no text layer: cannot be read without OCR");
    }
}

TEST_CASE("pdf: form fields that the content already draws are not read twice", "[pdf]") {
    // A form flattened into the content but for its widgets: the value drawn inside the widget's
    // rectangle, and a tick glyph drawn where a check box lies.
    const std::string bytes = make_form(
        "BT /F1 11 Tf 72 700 Td (Family reference:) Tj ET BT /F1 11 Tf 180 700 Td (FF-4004) Tj ET\n"
        "BT /F1 11 Tf 72 670 Td (Consent:) Tj ET BT /F1 11 Tf 130 670 Td (\\342\\230\\220 Yes) Tj ET",
        "/Annots [6 0 R 7 0 R]",
        {"<< /Type /Annot /Subtype /Widget /Rect [176 695 300 713] /FT /Tx /V (FF-4004) >>",
         "<< /Type /Annot /Subtype /Widget /Rect [129 667 139 677] /FT /Btn /V /Yes /AS /Yes >>"});
    const Document d = read_bytes_ok(bytes);
    const std::string text = to_text(d);
    CHECK(count_of(text, "FF-4004") == 1);
    CHECK(block_with(d, "Family reference").text == "Family reference:\tFF-4004");
}

TEST_CASE("pdf: form field values on a rotated page, field types and states", "[pdf]") {
    SECTION("a rotated page keeps a value beside its label") {
        // Content turned a quarter (as landscape pages are made), so that it reads across once the
        // page is shown turned: the label at (72, 700) and the field at (158, 695)-(300, 713) in
        // the turned frame lie at (142, 72) and (129, 158)-(147, 300) on the page.
        const std::string bytes = make_form(
            "q 0 1 -1 0 842 0 cm BT /F1 11 Tf 72 700 Td (Family reference:) Tj ET Q", "/Rotate 90 /Annots [6 0 R]",
            {"<< /Type /Annot /Subtype /Widget /Rect [147 300 129 158] /FT /Tx /V (FF-5005)"
             " /DA (/Helv 11 Tf 0 g) >>"});
        CHECK(read_bytes_ok(bytes).body.at(0).text == "Family reference: FF-5005");
    }
    SECTION("states: /AS without /V, /V without /AS, strings for names, a password, a signature, empty values") {
        const std::string bytes = make_form(
            "", "/Annots [6 0 R 7 0 R 8 0 R 9 0 R 10 0 R 11 0 R 12 0 R 13 0 R]",
            {"<< /Type /Annot /Subtype /Widget /Rect [72 700 82 710] /FT /Btn /AS /On >>",
             "<< /Type /Annot /Subtype /Widget /Rect [72 650 82 660] /FT /Btn /V /Off >>",
             "<< /Type /Annot /Subtype /Widget /Rect [72 600 82 610] /FT /Btn /V (Yes) >>",
             "<< /Type /Annot /Subtype /Widget /Rect [72 550 300 568] /FT /Tx /Ff 8192 /V (secret) >>",
             "<< /Type /Annot /Subtype /Widget /Rect [72 500 300 518] /FT /Sig /V (sig) >>",
             "<< /Type /Annot /Subtype /Widget /Rect [72 450 300 468] /FT /Tx /V () >>",
             "<< /Type /Annot /Subtype /Widget /Rect [72 400 300 418] /FT /Ch /V [(a) (b)] /Opt [[(a) (Alpha)] (b)] >>",
             "<< /Type /Annot /Subtype /Link /Rect [72 350 300 368] /FT /Tx /V (link) >>"});
        const Document d = read_bytes_ok(bytes);
        REQUIRE(d.body.size() == 4);
        CHECK(d.body[0].text == "☒");
        CHECK(d.body[1].text == "☐");
        CHECK(d.body[2].text == "☒");
        CHECK(d.body[3].text == "Alpha, b");
        CHECK(to_text(d).find("secret") == std::string::npos);
    }
}

TEST_CASE("pdf: a form field value that cannot be decoded is a warning, the rest is read", "[pdf]") {
    const std::string bytes =
        make_form("BT /F1 11 Tf 72 750 Td (Form) Tj ET", "/Annots [6 0 R 7 0 R]",
                  {"<< /Type /Annot /Subtype /Widget /Rect [72 700 300 718] /FT /Tx /V 8 0 R >>",
                   "<< /Type /Annot /Subtype /Widget /Rect [72 650 300 668] /FT /Tx /V (FF-7007) >>",
                   stream_obj("/Filter /FlateDecode", "this is not deflate data at all")});
    const Document d = read_bytes_ok(bytes);
    REQUIRE(d.body.size() == 2);
    CHECK(d.body[0].text == "Form");
    CHECK(d.body[1].text == "FF-7007");
    REQUIRE(d.warnings.size() == 1);
    CHECK(d.warnings[0].message == "page 1: 1 form field could not be read");
}

TEST_CASE("pdf: hostile form fields are read safely and quickly", "[pdf]") {
    // /Parent cycles, a widget listed 50,000 times, a field with 50,000 kids, and widgets missing
    // or mangling every key.
    std::string many, kids;
    for (int i = 0; i < 50000; ++i) many += "6 0 R ";
    for (int i = 0; i < 50000; ++i) kids += "7 0 R ";
    const std::string bytes = make_form(
        "", "/Annots [" + many + " 7 0 R 8 0 R 9 0 R 10 0 R 11 0 R 12 0 R 13 0 R 14 0 R 15 0 R null 42 (x) 99 0 R]",
        {"<< /Type /Annot /Subtype /Widget /Rect [72 700 300 718] /Parent 16 0 R /V (FF-6006) >>",  // 6: FT up a cycle
         "<< /Type /Annot /Subtype /Widget /Rect [72 650 300 668] /Parent 7 0 R /Kids [" + kids +
             "] >>",  // 7: its own parent
         "<< /Type /Annot /Subtype /Widget /FT /Tx /V (no rect) >>",
         "<< /Type /Annot /Subtype /Widget /Rect [72 600 300] /FT /Tx /V (short rect) >>",
         "<< /Type /Annot /Subtype /Widget /Rect [/a /b /c /d] /FT /Tx /V (name rect) >>",
         "<< /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /FT /Tx /V (no area) >>",
         "<< /Type /Annot /Subtype /Widget /Rect [72 550 300 568] /FT (Tx) /V (string type) >>",
         "<< /Type /Annot /Subtype /Widget /Rect [72 500 300 518] /FT /Tx /V 42 /DA (Tf) /Q 99 /F (x) >>",
         "<< /Type /Annot /Subtype /Widget /Rect [72 450 300 468] /FT /Ch /V << /A 1 >> /Opt 7 /DA (1e308 Tf) >>",
         "<< /Type /Annot /Subtype /Widget /Rect [1e30 -1e30 1e31 1e31] /FT /Tx /V (huge) /DA (/Helv 9e9 Tf) >>",
         "<< /FT /Tx /Parent 17 0 R >>",  // 16
         "<< /Parent 16 0 R >>"});        // 17
    const auto start = std::chrono::steady_clock::now();
    const Document d = read_bytes_ok(bytes);
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    CHECK(ms < 20000);  // a hang guard, not a speed test
    const std::string text = to_text(d);
    CHECK(count_of(text, "FF-6006") == 1);  // listed 50,000 times, shown once
    for (const char* s : {"no rect", "short rect", "name rect", "no area", "string type", "42"})
        CHECK(text.find(s) == std::string::npos);

    SECTION("every prefix and byte flip of a form is read or refused, never a crash") {
        const std::string form = tfa::test::read_all(data_path("pdf/form.pdf"));
        REQUIRE(form.size() > 5000);
        for (size_t n = 0; n < form.size(); n += 41) {
            auto r = read_document("cut.pdf", std::string_view(form).substr(0, n));
            if (!r.ok()) CHECK(r.error().file == "cut.pdf");
        }
        std::string b = form;
        for (size_t i = 200; i < b.size(); i += 47) {
            b[i] = static_cast<char>(b[i] ^ 0x5A);
            auto r = read_document("flip.pdf", b);
            if (!r.ok()) CHECK(r.error().file == "flip.pdf");
        }
    }
}

TEST_CASE("pdf: golden text and JSON", "[pdf]") {
    for (const char* name :
         {"report", "xobject", "fonts", "encrypted-empty", "tables", "form", "form-only", "wrapped-cells", "one-row"}) {
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
