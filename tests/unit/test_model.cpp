#include <catch2/catch.hpp>

#include "model/document.h"

using namespace tfa;

TEST_CASE("model: Word's unfilled placeholders are empty values", "[model]") {
    for (const char* p : {"Click here to enter text.", "Click or tap here to enter text.",
                          "Click here to enter a date.", "Click or tap to enter a date.", "Choose an item.",
                          "CLICK OR TAP HERE TO ENTER A DATE.", "Enter text here", "Type here", "Insert text here",
                          "Select from drop down list", "Select an item", "     ", "_____", "", " ... "}) {
        INFO(p);
        CHECK(is_placeholder(p));
    }
    CHECK_FALSE(is_placeholder("Zoë Kowalska"));
    CHECK_FALSE(is_placeholder("Here is the plan"));
    CHECK(strip_placeholders("14/11/2019 Click here to enter text.") == "14/11/2019");
    CHECK(strip_placeholders("  Ada Byrne ") == "Ada Byrne");
}

TEST_CASE("model: tick glyphs become checked or unchecked boxes with offsets", "[model]") {
    Block b;
    b.text = "☑ Yes ☐ No ✔ ✗ X";
    index_checkboxes(b);
    REQUIRE(b.boxes.size() == 4);
    CHECK(b.text == "☒ Yes ☐ No ☒ ☒ X");
    CHECK(b.boxes[0].checked);
    CHECK_FALSE(b.boxes[1].checked);
    CHECK(b.text.substr(b.boxes[1].offset, 3) == "☐");
}

TEST_CASE("model: locations read as a citation", "[model]") {
    Location l{"", "table 2, row 3, cell 1", 4};
    CHECK(l.where() == "page 4, table 2, row 3, cell 1");
    Location h{"header 1", "paragraph 1", 0};
    CHECK(h.where() == "header 1, paragraph 1");
}

TEST_CASE("model: a block's shared text reads as a string and is copied only when changed", "[model]") {
    auto s = std::make_shared<const std::string>("Family hub");
    Block a, b;
    a.text = BlockText::shared(s);
    b.text = BlockText::shared(s);
    CHECK(a.text == "Family hub");
    CHECK(a.text.find("hub") == 7);
    CHECK(std::string_view(a.text) == "Family hub");
    const std::string& ref = a.text;
    CHECK(ref.data() == s->data());
    a.text += " north";  // copy on write: b and the shared string are untouched
    CHECK_FALSE(a.text.is_shared());
    CHECK(a.text == "Family hub north");
    CHECK(b.text == "Family hub");
    CHECK(*s == "Family hub");
    b.text = "Own text";
    CHECK_FALSE(b.text.is_shared());
    CHECK(b.text.size() == 8);
    Block c;
    c.text = BlockText::shared(nullptr);
    CHECK(c.text.empty());
}
