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
    for (const auto& b : d.body) {
        CHECK(b.text.find("\xEF\xBF\xBF") == std::string::npos);  // no U+FFFF left
        CHECK(b.text.find("\xEF\xBF\xBD") == std::string::npos);  // nor U+FFFD
        CHECK(b.kind == BlockKind::Paragraph);
    }
}

TEST_CASE("pdf: table rows become lines with a tab between cells", "[pdf]") {
    const Document d = read_pdf_ok("pdf/report.pdf");
    CHECK(block_with(d, "Family reference").text == "Family reference\tTF-0001");
    CHECK(block_with(d, "Keyworker\t").text == "Keyworker\tZoë Łukasz");
    CHECK(block_with(d, "Budget").text == "Budget\t£1,250");
}

TEST_CASE("pdf: paragraphs in reading order with page numbers and document-wide paths", "[pdf]") {
    const Document d = read_pdf_ok("pdf/report.pdf");
    const char* order[] = {"Family Support Review", "This synthetic review", "The keyworker",
                           "Family reference",      "Keyworker\t",           "Budget",
                           "Effective official",    "Consent",               "Yes",
                           "The second page",       "Last line."};
    int prev = -1;
    for (const char* s : order) {
        const int i = index_of(d, s);
        INFO(s);
        CHECK(i > prev);
        prev = i;
    }
    CHECK(d.body.size() == 11);
    for (size_t i = 0; i < d.body.size(); ++i) {
        CHECK(d.body[i].loc.file == d.path);
        CHECK(d.body[i].loc.path == "paragraph " + std::to_string(i + 1));  // counted per document
    }
    CHECK(block_with(d, "Effective official").loc.page == 1);
    CHECK(block_with(d, "Consent").loc.page == 2);
    CHECK(block_with(d, "Consent").loc.where() == "page 2, paragraph 8");
    CHECK(d.body.back().loc.page == 2);
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
    for (size_t i = 0; i < enc.body.size(); ++i) CHECK(enc.body[i].text == plain.body[i].text);
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
    CHECK(d.body.size() == 11);
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
    for (const char* name : {"report", "xobject", "fonts", "encrypted-empty"}) {
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
