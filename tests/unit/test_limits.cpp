// The per-document bounds of ReadOptions (max_cells, max_blocks, max_text_bytes): each one,
// when it bites, makes the document unreadable with an error naming it; under it, reading is
// unchanged. The hostile corpus (tests/hostile/) checks the same at full size.
#include <catch2/catch.hpp>

#include <string>

#include "golden.h"
#include "readers/reader.h"

using namespace tfa;

namespace {

std::string error_of(const std::string& path, const std::string& bytes, const ReadOptions& opts) {
    auto r = read_document(path, bytes, opts);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().file == path);
    return r.error().message;
}

Document read_ok(const std::string& path, const std::string& bytes, const ReadOptions& opts = {}) {
    auto r = read_document(path, bytes, opts);
    INFO((r.ok() ? "" : r.error().str()));
    REQUIRE(r.ok());
    return std::move(r).value();
}

ReadOptions with(size_t cells, size_t blocks, size_t text) {
    ReadOptions o;
    o.max_cells = cells;
    o.max_blocks = blocks;
    o.max_text_bytes = text;
    return o;
}

}  // namespace

TEST_CASE("limits: the default bounds are named with thousands separators and MB", "[limits]") {
    const ReadOptions o;
    const std::string many_fields(o.max_cells + 10, ',');
    CHECK(error_of("many.csv", many_fields + "\n", o) == "over the 200,000 table cells limit for one document");
    std::string lines;
    for (size_t i = 0; i <= o.max_blocks; ++i) lines += "x\n";
    CHECK(error_of("many.txt", lines, o) == "over the 200,000 blocks limit for one document");
    CHECK(error_of("big.txt", std::string(65u << 20, 'y'), o) == "over the 64 MB text limit for one document");
}

TEST_CASE("limits: csv cells and txt blocks stop at the bound, and read fully under it", "[limits]") {
    CHECK(error_of("a.csv", "a,b,c\nd,e,f\n", with(5, 100, 1000)) == "over the 5 table cells limit for one document");
    CHECK(read_ok("a.csv", "a,b,c\nd,e,f\n", with(8, 100, 1000)).body.at(0).rows.size() == 2);
    CHECK(error_of("a.txt", "one\ntwo\nthree\n", with(100, 2, 1000)) == "over the 2 blocks limit for one document");
    CHECK(error_of("a.txt", "one\ntwo\nthree\n", with(100, 100, 10)) ==
          "over the 10 bytes text limit for one document");
    CHECK(read_ok("a.txt", "one\n\n\n\ntwo\n", with(100, 2, 6)).body.size() == 2);  // blank lines cost nothing
}

TEST_CASE("limits: html cells, rowspan placeholders and blocks are charged", "[limits]") {
    const std::string table =
        "<table><tr><td rowspan=3>a</td><td>b</td></tr><tr><td>c</td></tr><tr><td>d</td></tr></table>";
    // 4 real cells, 2 placeholders, 3 rows.
    CHECK(read_ok("t.html", table, with(9, 100, 1000)).body.at(0).rows.size() == 3);
    CHECK(error_of("t.html", table, with(8, 100, 1000)) == "over the 8 table cells limit for one document");
    CHECK(error_of("p.html", "<p>one</p><p>two</p><p>three</p>", with(100, 2, 1000)) ==
          "over the 2 blocks limit for one document");
}

TEST_CASE("limits: an html rowspan ends after its rows, also across an empty row", "[limits]") {
    const Document d = read_ok("t.html",
                               "<table><tr><td rowspan=3>a</td><td>b</td></tr><tr><td>c</td></tr><tr></tr>"
                               "<tr><td>d</td></tr></table>");
    const auto& rows = d.body.at(0).rows;
    REQUIRE(rows.size() == 3);
    REQUIRE(rows[1].cells.size() == 2);
    CHECK(rows[1].cells[0].continued);
    CHECK(rows[1].cells[1].text() == "c");
    REQUIRE(rows[2].cells.size() == 1);  // the empty row used up the span's last row
    CHECK(rows[2].cells[0].text() == "d");
}

TEST_CASE("limits: a rowspan far to the right costs no scan of the columns before it", "[limits]") {
    std::string html = "<table><tr>";
    for (int i = 0; i < 1000; ++i) html += "<td colspan=1000>w</td>";
    html += "<td rowspan=5>far</td></tr><tr><td>next</td></tr></table>";
    const Document d = read_ok("far.html", html);
    const auto& rows = d.body.at(0).rows;
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].cells.back().row_span == 5);
    CHECK(rows[1].cells.size() == 1);  // the span is at column 1,000,000, not under "next"
}

TEST_CASE("limits: docx and odt fixtures read under the default bounds and stop under tiny ones", "[limits]") {
    for (const char* f : {"docx/tables_lists.docx", "odt/features.odt"}) {
        const auto bytes = load_file(test::data_path(f));
        REQUIRE(bytes.ok());
        read_ok(f, bytes.value());
        CHECK_THAT(error_of(f, bytes.value(), with(2, 100000, 1u << 20)),
                   Catch::Equals("over the 2 table cells limit for one document"));
        CHECK_THAT(error_of(f, bytes.value(), with(100000, 1, 1u << 20)),
                   Catch::Equals("over the 1 blocks limit for one document"));
    }
}
