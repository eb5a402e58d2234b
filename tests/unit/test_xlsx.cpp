#include <catch2/catch.hpp>

#include "golden.h"
#include "readers/reader.h"

using namespace tfa;
using tfa::test::data_path;

namespace {

std::string xlsx_error(const std::string& rel) {
    auto r = read_document(data_path(rel));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().file == data_path(rel));
    return r.error().message;
}

// The text of the cell at 1-based spreadsheet row/column, found by its location.
std::string at(const Block& t, const std::string& sheet, int row, int col) {
    const std::string want = "sheet " + sheet + ", row " + std::to_string(row) + ", cell " + std::to_string(col);
    for (const auto& r : t.rows)
        for (const auto& c : r.cells)
            if (c.loc.path == want) return c.text();
    return "<no cell " + want + ">";
}

}  // namespace

TEST_CASE("xlsx: sheets in workbook order, chart sheets skipped, empty sheet kept empty", "[xlsx]") {
    const Document d = test::read_ok("xlsx/evidence.xlsx");
    CHECK(d.format == "xlsx");
    CHECK(d.title == "Outcome Evidence – TF-0042");
    CHECK(d.warnings.empty());
    CHECK(d.extras.empty());
    REQUIRE(d.body.size() == 3);
    for (size_t i = 0; i < 3; ++i) {
        CHECK(d.body[i].is_table());
        CHECK(d.body[i].loc.path == "table " + std::to_string(i + 1));
        CHECK(d.body[i].loc.part.empty());
    }
    CHECK(d.body[2].rows.empty());  // "Empty"
    CHECK(d.body[0].rows[0].cells[0].loc.path == "sheet Attendance, row 1, cell 1");
    CHECK(d.body[1].rows[0].cells[0].loc.path == "sheet Offences & ASB, row 1, cell 2");
}

TEST_CASE("xlsx: shared, rich-text and inline strings, booleans, errors, formulas", "[xlsx]") {
    const Document d = test::read_ok("xlsx/evidence.xlsx");
    const Block& t = d.body[0];
    REQUIRE(t.rows.size() == 6);  // row 7 holds only formatted empty cells
    CHECK(t.rows[0].header);
    CHECK_FALSE(t.rows[1].header);
    CHECK(at(t, "Attendance", 1, 5) == "Attendance");
    CHECK(at(t, "Attendance", 2, 1) == "Zoë Łukasz");
    CHECK(at(t, "Attendance", 2, 7) == "Persistent absence");  // runs joined, phonetic run dropped
    CHECK(at(t, "Attendance", 3, 1) == "Kit Łukasz");          // inline string
    CHECK(at(t, "Attendance", 3, 2) == "TRUE");
    CHECK(at(t, "Attendance", 3, 5) == "42");           // formula: cached value
    CHECK(at(t, "Attendance", 3, 7) == "Kit Łukasz!");  // string formula result
    CHECK(at(t, "Attendance", 4, 1) == "#DIV/0!");
    CHECK(at(t, "Attendance", 4, 7) == "Line one\nline two");  // _x000D_ escape decoded, CR dropped
    const Block& tick = t.rows[4].cells[6].blocks.at(0);
    CHECK(tick.text == "☒ verified");
    REQUIRE(tick.boxes.size() == 1);
    CHECK(tick.boxes[0].checked);
}

TEST_CASE("xlsx: real row and column positions, gaps padded", "[xlsx]") {
    const Document d = test::read_ok("xlsx/evidence.xlsx");
    const Block& t = d.body[0];
    const Row& r3 = t.rows[2];  // A3 B3 D3 E3 G3: C3 and F3 padded
    REQUIRE(r3.cells.size() == 7);
    CHECK(r3.cells[2].blocks.empty());
    CHECK(r3.cells[2].loc.path == "sheet Attendance, row 3, cell 3");
    CHECK(r3.cells[3].loc.path == "sheet Attendance, row 3, cell 4");
    CHECK(r3.cells[3].text() == "92%");
    CHECK(r3.cells[3].blocks[0].loc.path == "sheet Attendance, row 3, cell 4");
    const Row& r6 = t.rows[5];  // F6 is formatted but empty: the row ends at E6
    CHECK(r6.cells.size() == 5);

    // Offences: data starts at column B, so cells start there; row 4 is absent.
    const Block& o = d.body[1];
    REQUIRE(o.rows.size() == 4);
    CHECK(o.rows[0].header);
    CHECK(o.rows[3].cells[0].loc.path == "sheet Offences & ASB, row 5, cell 2");
    CHECK(o.rows[3].cells[0].blocks.empty());
    CHECK(at(o, "Offences & ASB", 5, 3) == "2019-11-21");
    CHECK(at(o, "Offences & ASB", 3, 2) == "Budget £1,250");
    CHECK(o.rows[1].cells.size() == 2);  // D2 formatted but empty
}

TEST_CASE("xlsx: merged cells", "[xlsx]") {
    const Document d = test::read_ok("xlsx/evidence.xlsx");
    const Block& o = d.body[1];
    REQUIRE(o.rows[0].cells.size() == 2);
    CHECK(o.rows[0].cells[0].text() == "Offence");
    CHECK(o.rows[0].cells[0].col_span == 2);
    CHECK(o.rows[0].cells[1].continued);
    CHECK(o.rows[0].cells[1].loc.path == "sheet Offences & ASB, row 1, cell 3");
}

TEST_CASE("xlsx: dates, times, durations and the 1900 leap-year bug", "[xlsx]") {
    const Document d = test::read_ok("xlsx/evidence.xlsx");
    const Block& t = d.body[0];
    CHECK(at(t, "Attendance", 2, 3) == "2019-11-14");        // built-in 14
    CHECK(at(t, "Attendance", 2, 4) == "2019-12-20");        // custom dd/mm/yyyy
    CHECK(at(t, "Attendance", 4, 3) == "2019-11-14T09:30");  // built-in 22, time part kept
    CHECK(at(t, "Attendance", 4, 4) == "12:00");             // h:mm AM/PM, time only
    CHECK(at(t, "Attendance", 4, 5) == "36:00");             // [h]:mm, a duration
    CHECK(at(t, "Attendance", 5, 1) == "1900-02-28");        // serial 59
    CHECK(at(t, "Attendance", 5, 2) == "1900-02-29");        // serial 60: Excel's phantom day
    CHECK(at(t, "Attendance", 5, 3) == "1900-03-01");        // serial 61
    CHECK(at(t, "Attendance", 5, 4) == "1900-01-01");        // serial 1
    CHECK(at(t, "Attendance", 6, 1) == "2019-11-14");        // [$-809]dd mmmm yyyy;@
    CHECK(at(t, "Attendance", 6, 3) == "7");                 // "Day "General: quoted d/y ignored
}

TEST_CASE("xlsx: the 1904 date system", "[xlsx]") {
    const Document d = test::read_ok("xlsx/date1904.xlsx");
    REQUIRE(d.body.size() == 1);
    CHECK(at(d.body[0], "Dates", 2, 1) == "2019-11-14");  // serial 42321 in 1904
    CHECK(at(d.body[0], "Dates", 3, 1) == "1904-01-01");  // serial 0 in 1904
}

TEST_CASE("xlsx: numbers without float noise and percentages", "[xlsx]") {
    const Document d = test::read_ok("xlsx/evidence.xlsx");
    const Block& t = d.body[0];
    CHECK(at(t, "Attendance", 2, 5) == "92.5%");         // 0.92500000000000004 with 0.00%
    CHECK(at(t, "Attendance", 3, 4) == "92%");           // 0.92 with 0%
    CHECK(at(t, "Attendance", 5, 6) == "33.3%");         // custom 0.0%
    CHECK(at(t, "Attendance", 5, 5) == "12.5");          // 0.0"%": a quoted % is not a percent
    CHECK(at(t, "Attendance", 2, 6) == "0.1");           // 0.10000000000000001
    CHECK(at(t, "Attendance", 4, 2) == "3");             // 3.0
    CHECK(at(t, "Attendance", 4, 6) == "0");             // -0
    CHECK(at(t, "Attendance", 6, 2) == "12345.678");     // scientific format: the number
    CHECK(at(t, "Attendance", 6, 4) == "123456789012");  // no exponent, no ".0"
    CHECK(at(t, "Attendance", 6, 5) == "0.001");         // 1E-3
}

TEST_CASE("xlsx: golden text and block model", "[xlsx]") {
    for (const char* name : {"evidence", "date1904"}) {
        // Read under the relative name so the goldens do not depend on the checkout path.
        const std::string rel = std::string("xlsx/") + name + ".xlsx";
        auto bytes = load_file(data_path(rel));
        REQUIRE(bytes.ok());
        auto r = read_document(rel, bytes.value());
        REQUIRE(r.ok());
        tfa::test::check_golden(std::string("xlsx/") + name + ".txt", to_text(r.value()));
        tfa::test::check_golden(std::string("xlsx/") + name + ".json", to_json(r.value()));
    }
}

TEST_CASE("xlsx: bad inputs are errors naming the file", "[xlsx]") {
    CHECK(xlsx_error("xlsx/not-a-zip.xlsx") == "not a zip archive");
    CHECK(xlsx_error("xlsx/no-workbook.xlsx") == "no workbook (xl/workbook.xml): not an Excel workbook");
    CHECK(xlsx_error("xlsx/malformed-sheet.xlsx").find("malformed XML in xl/worksheets/sheet1.xml") == 0);
    CHECK(xlsx_error("xlsx/doctype-sheet.xlsx").find("DOCTYPE") != std::string::npos);
    // An .odt renamed .xlsx has no workbook either.
    auto bytes = load_file(data_path("odt/features.odt"));
    REQUIRE(bytes.ok());
    auto r = read_document("renamed.xlsx", bytes.value());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().str() == "renamed.xlsx: no workbook (xl/workbook.xml): not an Excel workbook");
}

TEST_CASE("xlsx: a shared string is shared by the cells that show it, never copied", "[xlsx]") {
    const Document d = test::read_ok("xlsx/shared-repeat.xlsx");
    REQUIRE(d.body.size() == 1);
    const Block& t = d.body[0];
    REQUIRE(t.rows.size() == 3);
    // Shared string 0 ("Session kept ✓") is shown in A1, A2, A3 and B3.
    std::vector<const Block*> kept;
    for (const auto& r : t.rows)
        for (const auto& c : r.cells)
            if (c.text() == "Session kept \u2612") kept.push_back(&c.blocks.front());
    REQUIRE(kept.size() == 4);
    for (const Block* b : kept) {
        CHECK(b->text.is_shared());
        CHECK(b->text.data() == kept.front()->text.data());  // one copy of the bytes
        // The tick is indexed in each cell although the text is shared.
        REQUIRE(b->boxes.size() == 1);
        CHECK(b->boxes[0].checked);
        CHECK(b->boxes[0].offset == std::string("Session kept ").size());
    }
    CHECK(t.rows[0].cells[1].blocks.front().text.data() == t.rows[1].cells[1].blocks.front().text.data());
    CHECK(t.rows[0].cells[1].text() == "Family hub");
}
