#include <catch2/catch.hpp>

#include <string>

#include "golden.h"
#include "readers/html_charset.h"
#include "readers/reader.h"

using namespace tfa;

namespace {

// Reads tests/data/html/NAME under the stable display path "html/NAME" (the goldens hold it).
Document read_fixture(const std::string& name) {
    const auto bytes = load_file(test::data_path("html/" + name));
    REQUIRE(bytes.ok());
    auto doc = html_reader().read("html/" + name, bytes.value(), {});
    INFO(name << ": " << (doc.ok() ? "" : doc.error().str()));
    REQUIRE(doc.ok());
    return std::move(doc).value();
}

Document read_string(const std::string& html) {
    auto doc = html_reader().read("in.html", html, {});
    INFO((doc.ok() ? "" : doc.error().str()));
    REQUIRE(doc.ok());
    return std::move(doc).value();
}

const Block& only_block(const Cell& c) {
    REQUIRE(c.blocks.size() == 1);
    return c.blocks[0];
}

const Block& table_at(const Document& d, size_t i) {
    REQUIRE(i < d.body.size());
    REQUIRE(d.body[i].is_table());
    return d.body[i];
}

}  // namespace

TEST_CASE("html: case-system export, label/value table, entities and inputs", "[html]") {
    const Document d = read_fixture("case-export.html");
    CHECK(d.format == "html");
    CHECK(d.title == "Early Help Assessment \u2013 FAM-20417");
    CHECK(d.warnings.empty());

    REQUIRE(d.body.size() >= 3);
    CHECK(d.body[0].kind == BlockKind::Heading);
    CHECK(d.body[0].level == 1);
    CHECK(d.body[0].text == "Early Help Assessment");
    CHECK(d.body[0].loc.path == "paragraph 1");
    CHECK(d.body[1].level == 2);
    CHECK(d.body[1].text == "Family details");

    const Block& t = table_at(d, 2);
    CHECK(t.loc.path == "table 1");
    REQUIRE(t.rows.size() == 10);
    for (const Row& r : t.rows) {
        CHECK_FALSE(r.header);  // th label + td value is not a header row
        CHECK(r.cells.size() == 2);
    }
    CHECK(t.rows[0].cells[0].text() == "Family ID");
    CHECK(t.rows[0].cells[1].text() == "FAM-20417");
    CHECK(t.rows[0].cells[1].loc.path == "table 1, row 1, cell 2");
    CHECK(only_block(t.rows[0].cells[1]).loc.path == "table 1, row 1, cell 2");
    // Adjacent inline elements join with no space; a line break in the source is one space.
    CHECK(t.rows[2].cells[1].text() == "21 Nov 2019");
    // &nbsp; is a space that white-space collapsing leaves alone.
    CHECK(t.rows[3].cells[1].text() == "Priya Castellano (Family Support Worker)");
    CHECK(t.rows[4].cells[1].text() == "Brookfield Children's Centre & Family Hub");
    CHECK(t.rows[5].cells[1].text() == "\u00a31,250.00 \u2013 repayment plan agreed");
    CHECK(t.rows[6].cells[1].text() == "12 Larch Close\nMillbrook\nMB4 7QT");
    CHECK(t.rows[7].cells[1].text() == "Email");         // the selected option only
    CHECK(t.rows[8].cells[1].text() == "EH/2019/0815");  // <input type=text value=...>
    CHECK(t.rows[9].cells[1].blocks.empty());            // a cell holding only &nbsp;

    // Nothing from <head>, <style> or <script>.
    const std::string all = to_text(d);
    CHECK(all.find("secret") == std::string::npos);
    CHECK(all.find("border") == std::string::npos);
    CHECK(all.find("CaseSys") == std::string::npos);  // comment
}

TEST_CASE("html: household table with colspan header, thead rows and rowspan", "[html]") {
    const Document d = read_fixture("case-export.html");
    REQUIRE(d.body.size() >= 5);
    CHECK(d.body[3].text == "Household members");
    const Block& t = table_at(d, 4);
    CHECK(t.loc.path == "table 2");
    REQUIRE(t.rows.size() == 5);
    CHECK(t.rows[0].header);
    REQUIRE(t.rows[0].cells.size() == 1);
    CHECK(t.rows[0].cells[0].col_span == 4);
    CHECK(t.rows[0].cells[0].text() == "Household members");
    CHECK(t.rows[1].header);
    CHECK(t.rows[1].cells.size() == 4);
    CHECK(t.rows[1].cells[2].text() == "Date of birth");
    CHECK_FALSE(t.rows[2].header);
    CHECK(t.rows[2].cells[0].text() == "Zo\u00eb \u0141ukasz");
    CHECK(t.rows[2].cells[3].row_span == 2);
    CHECK(t.rows[2].cells[3].text() == "n/a");
    // The row below holds a placeholder where the rowspan covers it, so columns line up.
    REQUIRE(t.rows[3].cells.size() == 4);
    CHECK(t.rows[3].cells[3].continued);
    CHECK(t.rows[3].cells[3].blocks.empty());
    CHECK(t.rows[3].cells[3].loc.path == "table 2, row 4, cell 4");
    CHECK(t.rows[3].cells[2].text() == "17-08-1984");
    REQUIRE(t.rows[4].cells.size() == 4);
    CHECK_FALSE(t.rows[4].cells[3].continued);
    CHECK(t.rows[4].cells[3].text() == "Millbrook Academy");
}

TEST_CASE("html: tick boxes from inputs and glyphs, nested table locations", "[html]") {
    const Document d = read_fixture("case-export.html");
    REQUIRE(d.body.size() >= 7);
    const Block& t = table_at(d, 6);
    CHECK(t.loc.path == "table 3");
    REQUIRE(t.rows.size() == 4);
    CHECK(t.rows[0].header);  // all <th>, no <thead>

    const Block& crime = only_block(t.rows[1].cells[1]);
    CHECK(crime.text == "\u2610 Yes \u2612 No");
    REQUIRE(crime.boxes.size() == 2);
    CHECK_FALSE(crime.boxes[0].checked);
    CHECK(crime.boxes[0].offset == 0);
    CHECK(crime.boxes[1].checked);
    CHECK(crime.boxes[1].offset == 8);  // "☐ Yes " is 3 + 5 bytes

    const Block& school = only_block(t.rows[2].cells[1]);
    CHECK(school.text == "\u2612 Yes");
    REQUIRE(school.boxes.size() == 1);
    CHECK(school.boxes[0].checked);

    // Glyphs typed as text: ☑ is normalised to ☒.
    const Block& health = only_block(t.rows[3].cells[1]);
    CHECK(health.text == "\u2612 Yes \u2610 No");
    REQUIRE(health.boxes.size() == 2);
    CHECK(health.boxes[0].checked);
    CHECK_FALSE(health.boxes[1].checked);

    // A cell holding a paragraph and a nested table.
    const Cell& ev = t.rows[3].cells[2];
    REQUIRE(ev.blocks.size() == 2);
    CHECK(ev.blocks[0].text == "GP letter dated 02.10.19");
    CHECK(ev.blocks[0].loc.path == "table 3, row 4, cell 3, paragraph 1");
    const Block& inner = ev.blocks[1];
    REQUIRE(inner.is_table());
    CHECK(inner.loc.path == "table 3, row 4, cell 3, table 1");
    REQUIRE(inner.rows.size() == 2);
    CHECK_FALSE(inner.rows[0].header);
    const Cell& tick = inner.rows[1].cells[1];
    CHECK(tick.loc.path == "table 3, row 4, cell 3, table 1, row 2, cell 2");
    CHECK(only_block(tick).text == "\u2612");  // ✓ ticks the box
    CHECK(only_block(tick).boxes.size() == 1);

    // Radio buttons in a paragraph; white space inside the paragraph collapsed.
    REQUIRE(d.body.size() >= 12);
    const Block& consent = d.body[8];
    CHECK(consent.loc.path == "paragraph 6");
    CHECK(consent.text ==
          "I agree that information may be shared with government departments for the purpose of the "
          "Troubled Families Programme. \u2612Yes \u2610No");
    REQUIRE(consent.boxes.size() == 2);
    CHECK(consent.boxes[0].checked);
    CHECK(consent.text.substr(consent.boxes[0].offset, 3) == kChecked);
    CHECK(consent.text.substr(consent.boxes[1].offset, 3) == kUnchecked);
    CHECK(d.body[9].text == "Signed: Zo\u00eb \u0141ukasz Date: 21/11/2019");
    // <textarea> keeps its line breaks.
    CHECK(d.body[11].text == "Maja says:\n\"I want Mum to feel better.\"");
}

TEST_CASE("html: lists with nesting, ordered markers, start= and value=", "[html]") {
    const Document d = read_fixture("lists.html");
    CHECK(d.title == "Family Plan");
    REQUIRE(d.body.size() == 15);
    CHECK(d.body[0].kind == BlockKind::Heading);
    struct Want {
        int level;
        bool ordered;
        const char* marker;
        const char* text;
    };
    const Want want[] = {
        {0, true, "1.", "Outcome 1: improve school attendance"},
        {1, false, "-", "Action 1.1: attendance officer to visit weekly"},
        {1, false, "-", "Action 1.2: breakfast club place"},  // <li><p>..</p></li> is still the item
        {1, false, "-", "Action 1.3: review in 6 weeks"},
        {2, true, "a.", "first check"},
        {2, true, "b.", "second check"},
        {0, true, "2.", "Outcome 2: reduce rent arrears"},
        {0, true, "7.", "seventh"},
        {0, true, "10.", "tenth"},
        {0, true, "11.", "eleventh"},
        {0, false, "-", "Needs met"},
        {0, false, "-", "Family declined"},
    };
    for (size_t i = 0; i < std::size(want); ++i) {
        const Block& b = d.body[i + 1];
        INFO("item " << i << ": " << b.text);
        CHECK(b.kind == BlockKind::ListItem);
        CHECK(b.level == want[i].level);
        CHECK(b.ordered == want[i].ordered);
        CHECK(b.marker == want[i].marker);
        CHECK(b.text == want[i].text);
        CHECK(b.loc.path == "paragraph " + std::to_string(i + 2));
    }
    CHECK(d.body[13].kind == BlockKind::Paragraph);
    CHECK(d.body[13].text == "Keyworker");
    CHECK(d.body[14].text == "Ola Brightwater");
}

TEST_CASE("html: headings, inline spacing, line breaks, pre, glyph ticks", "[html]") {
    const Document d = read_fixture("blocks.html");
    CHECK(d.title == "Review Meeting Record");
    REQUIRE(d.body.size() == 16);
    CHECK(d.body[0].kind == BlockKind::Paragraph);
    CHECK(d.body[0].text == "Bare text in the body.");
    for (int h = 1; h <= 6; ++h) {
        CHECK(d.body[static_cast<size_t>(h)].kind == BlockKind::Heading);
        CHECK(d.body[static_cast<size_t>(h)].level == h);
    }
    CHECK(d.body[7].text == "Text in a div withno gap and one gap.");
    CHECK(d.body[8].text == "A paragraph inside the div.");
    CHECK(d.body[9].text == "Tail text of the div.");
    CHECK(d.body[10].text == "First line\nsecond line");  // a trailing <br> adds nothing
    CHECK(d.body[11].text == "A quote from the family.");
    CHECK(d.body[12].text == "  RAG   Red\n  Next  Amber");
    CHECK(d.body[13].text == "12 Larch Close, Millbrook");
    const Block& ticks = d.body[14];
    CHECK(ticks.text == "Ticks: \u2612 done, \u2610 not done, \u2612 met, \u2612 marked.");
    REQUIRE(ticks.boxes.size() == 4);
    CHECK(ticks.boxes[0].checked);
    CHECK(ticks.boxes[0].offset == 7);
    CHECK_FALSE(ticks.boxes[1].checked);
    CHECK(ticks.boxes[2].checked);
    CHECK(ticks.boxes[3].checked);
    for (const auto& bx : ticks.boxes) CHECK(ticks.text.substr(bx.offset, 3) == (bx.checked ? kChecked : kUnchecked));
    // <p>   </p> gives no block; &nbsp;&nbsp; is two spaces; entities decoded.
    CHECK(d.body[15].text == "Last  paragraph <end> \u00a9 \u00a9");
    CHECK(d.body[15].loc.path == "paragraph 16");
}

TEST_CASE("html: broken markup is recovered", "[html]") {
    const Document d = read_fixture("broken.html");
    const std::string t = to_text(d);
    CHECK(t.find("Family ref: FAM-3310") != std::string::npos);
    CHECK(t.find("Date of closure: 30/06/2020") != std::string::npos);
    CHECK(t.find("Attendance\tYes") != std::string::npos);
    CHECK(t.find("After the broken bits") != std::string::npos);
    bool table = false;
    for (const auto& b : d.body)
        if (b.is_table()) {
            table = true;
            CHECK(b.rows.size() == 2);
        }
    CHECK(table);
}

TEST_CASE("html: script, style, noscript, template, buttons and hidden inputs are skipped", "[html]") {
    const Document d = read_fixture("scripts.html");
    CHECK(d.title == "Page with scripts");
    REQUIRE(d.body.size() == 1);
    CHECK(d.body[0].text == "Visible text only.");
}

TEST_CASE("html: charsets", "[html]") {
    const std::string body =
        "Rent arrears: \u00a3420 \u2013 \u201cagreed\u201d with the family\u2019s keyworker "
        "(\u20ac0 owed abroad).";
    SECTION("windows-1252 declared") {
        const Document d = read_fixture("cp1252-declared.html");
        CHECK(d.title == "Claim Evidence \u2013 \u00a3");
        REQUIRE(d.body.size() == 2);
        CHECK(d.body[0].text == body);
        CHECK(d.body[1].text == "Caf\u00e9 visit: Ren\u00e9e Sch\u00f6n");
        CHECK(d.warnings.empty());
    }
    SECTION("windows-1252 undeclared") {
        const Document d = read_fixture("cp1252-undeclared.html");
        REQUIRE(d.body.size() == 2);
        CHECK(d.body[0].text == body);
        REQUIRE(d.warnings.size() == 1);
        CHECK(d.warnings[0].message == "no charset declared and not UTF-8: read as Windows-1252");
        CHECK_FALSE(d.warnings[0].lost);  // every byte read
    }
    SECTION("iso-8859-1 declared through http-equiv reads as Windows-1252") {
        const Document d = read_fixture("latin1-declared.html");
        REQUIRE(d.body.size() == 2);
        CHECK(d.body[0].text == "Family ref: FAM-0042 \u00b7 Ren\u00e9e Sch\u00f6n \u00a315");
        CHECK(d.body[1].text == "\u201cQuoted\u201d note \u00bd done");
    }
    SECTION("UTF-16LE with a byte-order mark") {
        const Document d = read_fixture("utf16le-bom.html");
        CHECK(d.title == "Whole Family Plan");
        REQUIRE(d.body.size() == 2);
        CHECK(d.body[1].text == "Zo\u00eb \u0141ukasz \u2612 consent \u2610 declined \U0001F600");
        REQUIRE(d.body[1].boxes.size() == 2);
        CHECK(d.body[1].boxes[0].checked);
        CHECK_FALSE(d.body[1].boxes[1].checked);
    }
    SECTION("UTF-8 undeclared, with and without a BOM") {
        CHECK(read_string("<p>Zo\u00eb \u0141ukasz</p>").body.at(0).text == "Zo\u00eb \u0141ukasz");
        CHECK(read_string("\xEF\xBB\xBF<p>Zo\u00eb</p>").body.at(0).text == "Zo\u00eb");
    }
    SECTION("a UTF-8 BOM wins over a meta that says otherwise") {
        const Document d = read_string("\xEF\xBB\xBF<meta charset=windows-1252><p>\u00a35</p>");
        CHECK(d.body.at(0).text == "\u00a35");
    }
    SECTION("UTF-8 declared with a stray invalid byte keeps the rest of the page") {
        const Document d = read_string("<meta charset=utf-8><p>a \xE9 b</p><p>after</p>");
        REQUIRE(d.body.size() == 2);
        CHECK(d.body[0].text == "a \uFFFD b");
        CHECK(d.body[1].text == "after");
        CHECK(d.warnings.size() == 1);
    }
    SECTION("Windows-1252 bytes undefined in the code page do not stop the parser") {
        const Document d = read_string("<meta charset=windows-1252><p>a \x81 b \x93q\x94</p><p>after</p>");
        REQUIRE(d.body.size() == 2);
        CHECK(d.body[0].text == "a \uFFFD b \u201cq\u201d");
    }
    SECTION("other charsets go through iconv") {
        const Document d = read_string("<meta charset=\"iso-8859-2\"><p>\xA3ukasz</p>");
        CHECK(d.body.at(0).text == "\u0141ukasz");
    }
    SECTION("UTF-16BE without a BOM") {
        const std::string be = std::string("\0<\0p\0>\0Z\0o\0\xEB\0<\0/\0p\0>", 20);
        CHECK(read_string(be).body.at(0).text == "Zo\u00eb");
    }
    SECTION("an unknown label falls back") {
        const Document d = read_string("<meta charset=klingon><p>caf\xE9</p>");
        CHECK(d.body.at(0).text == "caf\u00e9");
        REQUIRE(d.warnings.size() == 1);
        CHECK(d.warnings[0].message == "unknown charset \"klingon\": not UTF-8: read as Windows-1252");
    }
}

TEST_CASE("html: charset sniffing of meta elements", "[html]") {
    using html::canonical_charset;
    using html::declared_charset;
    CHECK(declared_charset("<meta charset=\"Windows-1252\">") == "windows-1252");
    CHECK(declared_charset("<META CHARSET=utf-8>") == "utf-8");
    CHECK(declared_charset("<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>") == "iso-8859-1");
    CHECK(declared_charset("<meta content=\"text/html;charset=koi8-r\" http-equiv=\"content-type\">") == "koi8-r");
    CHECK(declared_charset("<meta name=\"description\" content=\"charset=x\"><p>").empty());
    CHECK(declared_charset("<!-- <meta charset=utf-16> --><meta charset=latin1>") == "latin1");
    CHECK(declared_charset("<div title='<meta charset=x>'>").empty());
    CHECK(declared_charset(std::string(5000, ' ') + "<meta charset=utf-8>").empty());  // too far in
    CHECK(canonical_charset("ISO-8859-1") == "windows-1252");
    CHECK(canonical_charset("us-ascii") == "windows-1252");
    CHECK(canonical_charset("utf-16") == "UTF-8");
    CHECK(canonical_charset(" UTF8 ") == "UTF-8");
    CHECK(canonical_charset("iso-8859-2") == "iso-8859-2");
    CHECK(canonical_charset("no-such-charset").empty());
}

TEST_CASE("html: empty, text-free and binary input", "[html]") {
    CHECK(read_fixture("empty.html").body.empty());
    const Document none = read_fixture("no-text.html");
    CHECK(none.body.empty());
    CHECK(none.warnings.empty());
    CHECK(read_string("   \n\t ").body.empty());
    CHECK(read_string("<!-- only a comment -->").body.empty());

    const std::string bin("PK\x03\x04\0\0\x14\0binary", 14);
    auto r = html_reader().read("x.html", bin, {});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "not an HTML document (binary data)");
    CHECK(r.error().file == "x.html");
}

TEST_CASE("html: deep nesting neither overflows the stack nor loses the page", "[html]") {
    SECTION("100,000 nested divs") {
        std::string s = "<p>before</p>";
        for (int i = 0; i < 100000; ++i) s += "<div>";
        s += "deep";
        const Document d = read_string(s);
        REQUIRE_FALSE(d.body.empty());
        CHECK(d.body[0].text == "before");
    }
    SECTION("20,000 nested divs with text after them") {
        std::string s = "<p>before</p>";
        for (int i = 0; i < 20000; ++i) s += "<div>";
        s += "deep";
        for (int i = 0; i < 20000; ++i) s += "</div>";
        s += "<p>after</p>";
        const Document d = read_string(s);
        REQUIRE(d.body.size() == 3);
        CHECK(d.body[1].text == "deep");
        CHECK(d.body[2].text == "after");
    }
    SECTION("nested tables stop nesting at a fixed depth") {
        std::string s;
        for (int i = 0; i < 5000; ++i) s += "<table><tr><td>";
        s += "x";
        const Document d = read_string(s);
        REQUIRE(d.body.size() == 1);
        CHECK(d.warnings.size() == 1);
        CHECK(to_text(d).find('x') != std::string::npos);
    }
}

TEST_CASE("html: table edge cases", "[html]") {
    SECTION("rowspan and colspan together keep the grid") {
        const Document d = read_string(
            "<table><tr><td rowspan=3 colspan=2>A</td><td>B</td></tr><tr><td>C</td></tr>"
            "<tr><td>D</td></tr><tr><td>E</td><td>F</td><td>G</td></tr></table>");
        const Block& t = table_at(d, 0);
        REQUIRE(t.rows.size() == 4);
        REQUIRE(t.rows[1].cells.size() == 2);
        CHECK(t.rows[1].cells[0].continued);
        CHECK(t.rows[1].cells[0].col_span == 2);
        CHECK(t.rows[1].cells[1].text() == "C");
        CHECK(t.rows[1].cells[1].loc.path == "table 1, row 2, cell 2");
        CHECK(t.rows[2].cells[0].continued);
        CHECK(t.rows[3].cells.size() == 3);
        CHECK_FALSE(t.rows[3].cells[0].continued);
    }
    SECTION("cells holding blocks and lists") {
        const Document d =
            read_string("<table><tr><td><h3>Need</h3><p>one</p><ul><li>x</li></ul></td><td>  </td></tr></table>");
        const Block& t = table_at(d, 0);
        const Cell& c = t.rows[0].cells[0];
        REQUIRE(c.blocks.size() == 3);
        CHECK(c.blocks[0].kind == BlockKind::Heading);
        CHECK(c.blocks[0].level == 3);
        CHECK(c.blocks[2].kind == BlockKind::ListItem);
        CHECK(c.blocks[2].level == 0);
        CHECK(c.blocks[2].loc.path == "table 1, row 1, cell 1, paragraph 3");
        CHECK(t.rows[0].cells[1].blocks.empty());
    }
    SECTION("text loose inside a table goes before it, as browsers show it") {
        const Document d = read_string("<table>stray<tr><td>a</td></tr></table>");
        REQUIRE(d.body.size() == 2);
        CHECK(d.body[0].text == "stray");
        CHECK(d.body[0].loc.path == "paragraph 1");
        CHECK(d.body[1].loc.path == "table 1");
    }
    SECTION("tables without cells are dropped without using a number") {
        const Document d = read_string("<table></table><table><tr><td>a</td></tr></table>");
        REQUIRE(d.body.size() == 1);
        CHECK(d.body[0].loc.path == "table 1");
    }
}

TEST_CASE("html: goldens", "[html]") {
    for (const char* name : {"case-export", "lists", "blocks", "broken", "cp1252-declared", "utf16le-bom"}) {
        const Document d = read_fixture(std::string(name) + ".html");
        test::check_golden(std::string("html/") + name + ".txt", to_text(d));
        test::check_golden(std::string("html/") + name + ".json", to_json(d));
    }
}
