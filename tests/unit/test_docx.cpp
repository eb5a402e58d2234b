#include <catch2/catch.hpp>

#include "golden.h"
#include "readers/reader.h"

using namespace tfa;
using tfa::test::data_path;
using tfa::test::read_ok;

namespace {

const Block* find_text(const std::vector<Block>& blocks, const std::string& needle) {
    for (const auto& b : blocks) {
        if (b.text.find(needle) != std::string::npos) return &b;
        for (const auto& r : b.rows)
            for (const auto& c : r.cells)
                if (const Block* f = find_text(c.blocks, needle)) return f;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("docx: runs, content controls, tracked changes and fields", "[docx]") {
    const Document d = test::read_ok("docx/assessment.docx");
    CHECK(d.format == "docx");
    CHECK(d.title == "Early Help Assessment");
    REQUIRE(d.body.size() >= 3);
    CHECK(d.body[0].kind == BlockKind::Heading);
    CHECK(d.body[0].level == 1);
    CHECK(d.body[1].text == "Family ID:\tFF-0001");  // four runs joined, tab kept
    const Block& t = d.body[2];
    REQUIRE(t.is_table());
    CHECK(t.loc.path == "table 1");
    CHECK(t.rows[0].cells[1].text() == "Zoë Łukasz");  // value inside a content control
    CHECK(t.rows[1].cells[1].text() == "14/11/2019");  // w:del dropped, w:ins kept
    CHECK(t.rows[2].cells[1].text().empty());          // placeholder content control is empty
    CHECK(t.rows[1].cells[1].loc.path == "table 1, row 2, cell 2");
    const Block* heading2 = find_text(d.body, "Household");
    REQUIRE(heading2);
    CHECK(heading2->kind == BlockKind::Heading);
    CHECK(heading2->level == 2);  // a custom style based on Heading 2
    CHECK(find_text(d.body, "Budget £1,250\nsecond line"));
    CHECK(find_text(d.body, "linked text 2 March 2020"));  // hyperlink text, field result
    CHECK_FALSE(find_text(d.body, "DATE"));                // field instruction dropped
    CHECK_FALSE(find_text(d.body, "deleted"));
}

TEST_CASE("docx: tick boxes of every kind with their states", "[docx]") {
    const Document d = test::read_ok("docx/assessment.docx");
    const Block* w14 = find_text(d.body, "Yes ☐ No");
    REQUIRE(w14);
    REQUIRE(w14->boxes.size() == 2);
    CHECK(w14->boxes[0].checked);  // w14:checkbox checked
    CHECK_FALSE(w14->boxes[1].checked);
    CHECK(w14->text.substr(w14->boxes[0].offset, 3) == "☒");

    const Block* legacy = find_text(d.body, "☐ Yes ☒ No");  // FORMCHECKBOX fields
    REQUIRE(legacy);
    REQUIRE(legacy->boxes.size() == 2);
    CHECK_FALSE(legacy->boxes[0].checked);
    CHECK(legacy->boxes[1].checked);

    const Block* glyphs = find_text(d.body, "School");
    REQUIRE(glyphs);
    REQUIRE(glyphs->boxes.size() == 4);  // ✔ ✗ ☐ and a Wingdings checked box
    CHECK(glyphs->boxes[0].checked);
    CHECK(glyphs->boxes[1].checked);
    CHECK_FALSE(glyphs->boxes[2].checked);
    CHECK(glyphs->boxes[3].checked);
}

TEST_CASE("docx: merged cells, nested tables, header rows and lists", "[docx]") {
    const Document d = test::read_ok("docx/tables_lists.docx");
    const Block& t = d.body.at(1);
    REQUIRE(t.is_table());
    CHECK(t.rows[0].header);
    CHECK_FALSE(t.rows[1].header);
    CHECK(t.rows[1].cells[0].row_span == 2);
    CHECK(t.rows[1].cells[1].col_span == 2);
    CHECK(t.rows[2].cells[0].continued);
    const Cell& with_nested = t.rows[2].cells[1];
    REQUIRE(with_nested.blocks.size() == 2);
    CHECK(with_nested.blocks[1].is_table());
    CHECK(with_nested.blocks[1].loc.path == "table 1, row 3, cell 2, table 1");
    CHECK(with_nested.blocks[1].rows[0].cells[1].loc.path == "table 1, row 3, cell 2, table 1, row 1, cell 2");

    const Block* sub = find_text(d.body, "Sub point");
    REQUIRE(sub);
    CHECK(sub->kind == BlockKind::ListItem);
    CHECK(sub->level == 1);
    CHECK(sub->marker == "a)");
    const Block* second = find_text(d.body, "Second outcome");
    REQUIRE(second);
    CHECK(second->marker == "2.");  // the counter continues after the sub-list
    const Block* bullet = find_text(d.body, "A bullet");
    REQUIRE(bullet);
    CHECK_FALSE(bullet->ordered);
}

TEST_CASE("docx: headers, footers, notes, comments and text boxes are kept apart", "[docx]") {
    const Document d = test::read_ok("docx/parts.docx");
    REQUIRE(d.body.size() == 2);
    CHECK(d.body[0].text == "Body with a note and a comment");
    CHECK(d.body[1].text == "After the box");
    std::vector<std::string> parts;
    for (const auto& b : d.extras) parts.push_back(b.loc.part + ": " + b.text);
    CHECK(parts == std::vector<std::string>{"header 1: Fernshire County Council", "footer 1: OFFICIAL-SENSITIVE",
                                            "footnote 1: Attendance figure from the school.",
                                            "endnote 1: Endnote text.", "comment 1: Check this date.",
                                            "text box 1: Text inside a box"});
}

TEST_CASE("docx: the main part is found through _rels/.rels", "[docx]") {
    const Document d = test::read_ok("docx/alternate_path.docx");
    REQUIRE(d.body.size() == 1);
    CHECK(d.body[0].text == "Main part in an unusual place");
}

TEST_CASE("docx: text and block goldens", "[docx][golden]") {
    for (const char* name : {"assessment", "tables_lists", "parts"}) {
        const Document d = test::read_ok(std::string("docx/") + name + ".docx");
        tfa::test::check_golden(std::string("docx/") + name + ".txt", to_text(d));
        tfa::test::check_golden(std::string("docx/") + name + ".json", to_json(d));
    }
}
