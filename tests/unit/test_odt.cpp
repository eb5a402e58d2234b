#include <catch2/catch.hpp>

#include <chrono>

#include "golden.h"
#include "readers/reader.h"

using namespace tfa;
using tfa::test::data_path;

namespace {

Document odt_ok(const std::string& rel, const ReadOptions& opts = {}) {
    auto r = read_document(data_path(rel), opts);
    INFO(rel << ": " << (r ? "" : r.error().str()));
    REQUIRE(r.ok());
    return std::move(r).value();
}

std::string odt_error(const std::string& rel, const ReadOptions& opts = {}) {
    auto r = read_document(data_path(rel), opts);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().file == data_path(rel));  // every error names the file
    return r.error().message;
}

const Block* find(const std::vector<Block>& blocks, const std::string& needle) {
    for (const auto& b : blocks) {
        if (!b.is_table() && b.text.find(needle) != std::string::npos) return &b;
        for (const auto& r : b.rows)
            for (const auto& c : r.cells)
                if (const Block* f = find(c.blocks, needle)) return f;
    }
    return nullptr;
}

bool anywhere(const Document& d, const std::string& needle) { return find(d.body, needle) || find(d.extras, needle); }

std::vector<const Block*> part(const Document& d, const std::string& name) {
    std::vector<const Block*> out;
    for (const auto& b : d.extras)
        if (b.loc.part == name) out.push_back(&b);
    return out;
}

}  // namespace

TEST_CASE("odt: paragraphs, spans, spacing elements, fields and title", "[odt]") {
    const Document d = odt_ok("odt/features.odt");
    CHECK(d.format == "odt");
    CHECK(d.title == "Early Help Assessment – Family TF-0042");
    CHECK(d.warnings.empty());
    const Block* id = find(d.body, "Family ID");
    REQUIRE(id);
    CHECK(id->text == "Family ID: TF-0042");  // spans joined
    CHECK(id->kind == BlockKind::Paragraph);
    CHECK(id->loc.path == "paragraph 3");  // the empty paragraph before it is not counted
    CHECK(id->loc.part.empty());
    const Block* sp = find(d.body, "Spacing:");
    REQUIRE(sp);
    // text:s c=3, text:tab, text:line-break; soft page break ignored; ODF white-space
    // collapsing in character data; hyperlink text kept.
    CHECK(sp->text == "Spacing:   three\ttab\nnew line and collapsed white space, see the plan.");
    const Block* date = find(d.body, "Date of assessment");
    REQUIRE(date);
    CHECK(date->text == "Date of assessment: 14/11/2019, page 1i");  // field results, endnote citation
    CHECK(find(d.body, "Lead professional: Zoë Łukasz1 (keyworker)"));
    CHECK(find(d.body, "Inside a section."));
    CHECK_FALSE(anywhere(d, "IMAGE-TITLE"));  // image titles are not text
}

TEST_CASE("odt: headings by outline level, style and parent style chain", "[odt]") {
    const Document d = odt_ok("odt/features.odt");
    REQUIRE(d.body.size() > 3);
    CHECK(d.body[0].kind == BlockKind::Heading);  // "Title" style
    CHECK(d.body[0].level == 1);
    CHECK(d.body[0].text == "Early Help Assessment");
    CHECK(d.body[1].kind == BlockKind::Heading);  // text:h outline-level 1
    CHECK(d.body[1].text == "Family details");
    const Block* chained = find(d.body, "What we are worried about");
    REQUIRE(chained);
    CHECK(chained->kind == BlockKind::Heading);  // P1 → Section Title → Heading 2
    CHECK(chained->level == 2);
    const Block* h3 = find(d.body, "Plan outcomes");
    REQUIRE(h3);
    CHECK(h3->kind == BlockKind::Heading);
    CHECK(h3->level == 3);
    const Block* cleared = find(d.body, "Styled but not a heading");
    REQUIRE(cleared);
    CHECK(cleared->kind == BlockKind::Paragraph);  // empty default-outline-level stops the chain
}

TEST_CASE("odt: lists with levels, ordered and bullet markers, continued numbering", "[odt]") {
    const Document d = odt_ok("odt/features.odt");
    struct Want {
        const char* text;
        int level;
        bool ordered;
        const char* marker;
    };
    const Want want[] = {
        {"Attend school every day", 0, false, "•"},
        {"Morning routine chart", 1, false, "•"},  // private-use bullet shown as •
        {"Reduce rent arrears", 0, false, "•"},
        {"Outcome 1: attendance above 90%", 0, true, "1."},
        {"Action 1.1: school meeting", 1, true, "a)"},
        {"Action 1.2: daily check-in", 1, true, "b)"},
        {"Deep item", 2, true, "i."},
        {"Outcome 2: no police call-outs", 0, true, "2."},
        {"Outcome 3: continues numbering", 0, true, "3."},
        {"Restarted at seven", 0, true, "7."},
        {"Only a nested item", 1, true, "a)"},
    };
    for (const auto& w : want) {
        INFO(w.text);
        const Block* b = find(d.body, w.text);
        REQUIRE(b);
        CHECK(b->kind == BlockKind::ListItem);
        CHECK(b->level == w.level);
        CHECK(b->ordered == w.ordered);
        CHECK(b->marker == w.marker);
    }
    const Block* cont = find(d.body, "Continuation paragraph");
    REQUIRE(cont);
    CHECK(cont->kind == BlockKind::Paragraph);  // second paragraph of a list item
    CHECK(find(d.body, "Attend school")->loc.path == "paragraph 16");
}

TEST_CASE("odt: tables with header rows, spans, covered cells and nested tables", "[odt]") {
    const Document d = odt_ok("odt/features.odt");
    std::vector<const Block*> tables;
    for (const auto& b : d.body)
        if (b.is_table()) tables.push_back(&b);
    REQUIRE(tables.size() == 2);
    const Block& t1 = *tables[0];
    CHECK(t1.loc.path == "table 1");
    REQUIRE(t1.rows.size() == 4);
    CHECK(t1.rows[0].header);
    CHECK_FALSE(t1.rows[1].header);
    CHECK(t1.rows[0].cells[2].text() == "Date of birth");
    CHECK(t1.rows[1].cells[0].text() == "Zoë Łukasz");
    CHECK(t1.rows[1].cells[0].loc.path == "table 1, row 2, cell 1");
    // Row 3: a two-column span (its covered neighbour dropped) and a two-row span.
    REQUIRE(t1.rows[2].cells.size() == 2);
    CHECK(t1.rows[2].cells[0].col_span == 2);
    CHECK(t1.rows[2].cells[0].text() == "Spans two columns");
    CHECK(t1.rows[2].cells[1].row_span == 2);
    CHECK(t1.rows[2].cells[1].loc.path == "table 1, row 3, cell 2");
    // Row 4: the cell under the row span is a continued placeholder.
    REQUIRE(t1.rows[3].cells.size() == 3);
    CHECK(t1.rows[3].cells[2].continued);
    CHECK(t1.rows[3].cells[2].blocks.empty());
    CHECK(t1.rows[3].cells[1].blocks.empty());  // an empty paragraph is no block
    // A cell with two paragraphs cites each.
    REQUIRE(t1.rows[3].cells[0].blocks.size() == 2);
    CHECK(t1.rows[3].cells[0].blocks[1].loc.path == "table 1, row 4, cell 1, paragraph 2");
    CHECK(t1.rows[3].cells[0].text() == "Kit Łukasz\nSecond paragraph");

    const Block& t2 = *tables[1];
    CHECK(t2.loc.path == "table 2");
    REQUIRE(t2.rows.size() == 3);
    CHECK(t2.rows[0].cells[0].col_span == 2);
    CHECK(t2.rows[0].cells[0].row_span == 2);
    REQUIRE(t2.rows[1].cells.size() == 2);  // one continued cell as wide as the block, then Right 2
    CHECK(t2.rows[1].cells[0].continued);
    CHECK(t2.rows[1].cells[0].col_span == 2);
    CHECK(t2.rows[1].cells[1].text() == "Right 2");
    // Nested table inside a cell.
    const Cell& holder = t2.rows[2].cells[1];
    REQUIRE(holder.blocks.size() == 1);
    const Block& inner = holder.blocks[0];
    REQUIRE(inner.is_table());
    CHECK(inner.loc.path == "table 2, row 3, cell 2, table 1");
    REQUIRE(inner.rows.size() == 2);
    CHECK(inner.rows[1].cells[1].text() == "Inner D");
    CHECK(inner.rows[1].cells[1].loc.path == "table 2, row 3, cell 2, table 1, row 2, cell 2");
    // A cell holding a paragraph, a table and a list: paragraphs numbered, the table not.
    const Cell& mixed = t2.rows[2].cells[2];
    REQUIRE(mixed.blocks.size() == 3);
    CHECK(mixed.blocks[0].loc.path == "table 2, row 3, cell 3, paragraph 1");
    CHECK(mixed.blocks[1].loc.path == "table 2, row 3, cell 3, table 1");
    CHECK(mixed.blocks[2].loc.path == "table 2, row 3, cell 3, paragraph 2");
    CHECK(mixed.blocks[2].kind == BlockKind::ListItem);
    // Checkbox glyph inside a cell.
    REQUIRE(t2.rows[2].cells[0].blocks.size() == 1);
    CHECK(t2.rows[2].cells[0].blocks[0].boxes.size() == 1);
    // Body paragraphs after the tables keep counting non-table blocks only.
    CHECK(find(d.body, "Closing paragraph.")->loc.path == "paragraph 30");
}

TEST_CASE("odt: form check boxes and tick glyphs with their states", "[odt]") {
    const Document d = odt_ok("odt/features.odt");
    const Block* consent = find(d.body, "Consent to share with DWP");
    REQUIRE(consent);
    CHECK(consent->text == "Consent to share with DWP: ☒ Yes ☐ No");
    REQUIRE(consent->boxes.size() == 2);
    CHECK(consent->boxes[0].checked);
    CHECK_FALSE(consent->boxes[1].checked);
    CHECK(consent->text.compare(consent->boxes[1].offset, 3, kUnchecked) == 0);
    const Block* declined = find(d.body, "Family declined");
    REQUIRE(declined);
    REQUIRE(declined->boxes.size() == 1);
    CHECK_FALSE(declined->boxes[0].checked);  // current-state wins over the initial state
    const Block* glyphs = find(d.body, "School attendance");
    REQUIRE(glyphs);
    REQUIRE(glyphs->boxes.size() == 4);
    CHECK(glyphs->boxes[0].checked);
    CHECK_FALSE(glyphs->boxes[1].checked);
    CHECK(glyphs->boxes[2].checked);  // ✓
    CHECK(glyphs->boxes[3].checked);  // ✗ marks a box in these forms
    CHECK(glyphs->text == "School attendance ☒ Yes ☐ No ☒ ☒");
}

TEST_CASE("odt: tracked deletions never appear, insertions stay", "[odt]") {
    const Document d = odt_ok("odt/features.odt");
    CHECK_FALSE(anywhere(d, "DELETED"));
    const Block* status = find(d.body, "Status:");
    REQUIRE(status);
    CHECK(status->text == "Status: engaged with support.");
}

TEST_CASE("odt: notes, comments, text boxes, headers and footers go to extras", "[odt]") {
    const Document d = odt_ok("odt/features.odt");
    auto fn = part(d, "footnote 1");
    REQUIRE(fn.size() == 1);
    CHECK(fn[0]->text == "Family keyworker since 2019.");
    CHECK(fn[0]->loc.path == "paragraph 1");
    CHECK(fn[0]->loc.where() == "footnote 1, paragraph 1");
    auto en = part(d, "endnote 1");
    REQUIRE(en.size() == 1);
    CHECK(en[0]->text == "Assessment started late.");
    auto cm = part(d, "comment 1");
    REQUIRE(cm.size() == 1);
    CHECK(cm[0]->text == "Check the amount with finance.");  // no author or date
    const Block* budget = find(d.body, "Budget");
    REQUIRE(budget);
    CHECK(budget->text == "Budget £1,250 agreed at panel.");  // comment text does not leak
    CHECK_FALSE(find(d.body, "finance"));
    CHECK_FALSE(find(d.body, "Family keyworker since"));
    auto tb = part(d, "text box 1");
    REQUIRE(tb.size() == 2);
    CHECK(tb[0]->text == "Worry: rent arrears of £1,250.");
    CHECK(tb[1]->loc.path == "paragraph 2");
    CHECK(find(d.body, "Paragraph with a text box.")->text == "Paragraph with a text box.");
    auto hd = part(d, "header 1");
    REQUIRE(hd.size() == 1);
    CHECK(hd[0]->text == "Hertmoor Council – Early Help\tOFFICIAL");
    auto ft = part(d, "footer 1");
    REQUIRE(ft.size() == 1);
    CHECK(ft[0]->text == "Page 1 of 2");
    CHECK(part(d, "header 2").empty());  // hidden left header and an empty header are skipped
    CHECK_FALSE(anywhere(d, "Hidden left header"));
    // Grouped: headers, footers, footnotes, endnotes, comments, text boxes.
    std::vector<std::string> order;
    for (const auto& b : d.extras)
        if (order.empty() || order.back() != b.loc.part) order.push_back(b.loc.part);
    CHECK(order ==
          std::vector<std::string>{"header 1", "footer 1", "footnote 1", "endnote 1", "comment 1", "text box 1"});
}

TEST_CASE("odt: extras can be switched off", "[odt]") {
    ReadOptions o;
    o.with_extras = false;
    const Document d = odt_ok("odt/features.odt", o);
    CHECK(d.extras.empty());
    CHECK(find(d.body, "Lead professional: Zoë Łukasz1 (keyworker)"));  // citation still inline
}

TEST_CASE("odt: a document made by LibreOffice", "[odt]") {
    const Document d = odt_ok("odt/libreoffice.odt");
    CHECK(d.title == "Family Plan – TF-0107");  // meta.xml dc:title
    REQUIRE(!d.body.empty());
    CHECK(d.body[0].kind == BlockKind::Heading);
    CHECK(d.body[0].text == "Family Plan");
    const Block* lead = find(d.body, "Lead professional");
    REQUIRE(lead);
    CHECK(lead->text == "Lead professional: Zoë Łukasz (Family Support Worker)");
    const Block* h2 = find(d.body, "Household");
    REQUIRE(h2);
    CHECK(h2->kind == BlockKind::Heading);
    CHECK(h2->level == 2);
    const Block* table = nullptr;
    for (const auto& b : d.body)
        if (b.is_table()) table = &b;
    REQUIRE(table);
    REQUIRE(table->rows.size() == 4);
    CHECK(table->rows[2].cells[0].col_span == 2);
    CHECK(table->rows[2].cells[0].text() == "Budget agreed: £1,250");
    CHECK(table->rows[2].cells[1].row_span == 2);
    CHECK(table->rows[3].cells.back().continued);
    const Block* o1 = find(d.body, "Outcome 1");
    REQUIRE(o1);
    CHECK(o1->kind == BlockKind::ListItem);
    CHECK(o1->ordered);
    const Block* a21 = find(d.body, "Action 2.1");
    REQUIRE(a21);
    CHECK(a21->level == 1);
    CHECK_FALSE(a21->ordered);
    const Block* consent = find(d.body, "Yes");
    REQUIRE(consent);
    REQUIRE(consent->boxes.size() == 2);
    CHECK(consent->boxes[0].checked);
    CHECK_FALSE(consent->boxes[1].checked);
}

TEST_CASE("odt: golden text and block model", "[odt]") {
    for (const char* name : {"features", "libreoffice"}) {
        // Read under the relative name so the goldens do not depend on the checkout path.
        const std::string rel = std::string("odt/") + name + ".odt";
        auto bytes = load_file(data_path(rel));
        REQUIRE(bytes.ok());
        auto r = read_document(rel, bytes.value());
        REQUIRE(r.ok());
        const Document& doc = r.value();
        tfa::test::check_golden(std::string("odt/") + name + ".txt", to_text(doc));
        tfa::test::check_golden(std::string("odt/") + name + ".json", to_json(doc));
    }
}

TEST_CASE("odt: bad inputs are errors naming the file", "[odt]") {
    CHECK(odt_error("odt/not-a-zip.odt") == "not a zip archive");
    CHECK(odt_error("odt/truncated.odt").find("zip") != std::string::npos);
    CHECK(odt_error("odt/no-content.odt") == "no content.xml: not an OpenDocument text");
    CHECK(odt_error("odt/malformed.odt").find("malformed XML in content.xml") == 0);
    CHECK(odt_error("odt/spreadsheet.odt") == "not an OpenDocument text: this is an OpenDocument spreadsheet");
}

TEST_CASE("odt: entity-expansion bomb refused fast", "[odt]") {
    const auto t0 = std::chrono::steady_clock::now();
    const std::string m = odt_error("odt/entity-bomb.odt");
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    CHECK((m.find("entity") != std::string::npos || m.find("DOCTYPE") != std::string::npos));
    CHECK(ms < 10000);  // a hang guard, not a speed test: an expanding bomb takes minutes
}

TEST_CASE("odt: zip bombs refused by size, ratio and counted inflation", "[odt]") {
    {
        // 8 MiB entry, small size limit; ratio check disabled to test the size bound itself.
        ReadOptions o;
        o.max_entry_bytes = 256u << 10;
        o.max_ratio = 1e9;
        const std::string m = odt_error("odt/zip-bomb.odt", o);
        CHECK(m.find("content.xml") != std::string::npos);
        CHECK(m.find("zip bomb") != std::string::npos);
    }
    {
        // Default limits: 2 MiB of white space at ~1000:1 is over max_ratio.
        const std::string m = odt_error("odt/high-ratio.odt");
        CHECK(m.find("zip bomb") != std::string::npos);
        // With the ratio check lifted it is a valid, small document.
        ReadOptions o;
        o.max_ratio = 1e9;
        const Document d = odt_ok("odt/high-ratio.odt", o);
        REQUIRE(d.body.size() == 1);
        CHECK(d.body[0].text == "padded");
    }
    {
        // Declared size 100 bytes, real 4 MiB: caught while inflating.
        const std::string m = odt_error("odt/lying-size.odt");
        CHECK(m.find("inflates past the limit") != std::string::npos);
    }
}
