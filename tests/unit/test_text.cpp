#include <catch2/catch.hpp>

#include "core/text.h"

using namespace tfa;

TEST_CASE("match_key folds case, punctuation, white space and trailing colons", "[text]") {
    CHECK(text::match_key("Date of Birth:") == "date of birth");
    CHECK(text::match_key("  date  of\tbirth ") == "date of birth");
    CHECK(text::match_key("Child's views") == "childs views");
    CHECK(text::match_key("Family ref.") == "family ref");
    CHECK(text::match_key("Zoë – Łukasz") == "zoë łukasz");
}

TEST_CASE("cp1252 bytes decode to UTF-8", "[text]") {
    CHECK(text::cp1252_to_utf8("\xA3"
                               "5 \x80"
                               "3 caf\xE9") == "£5 €3 café");
    CHECK_FALSE(text::is_valid_utf8("caf\xE9"));
    CHECK(text::is_valid_utf8("café"));
}

TEST_CASE("trim and collapse handle non-breaking spaces", "[text]") {
    CHECK(text::trim("\xC2\xA0 x y \xC2\xA0") == "x y");
    CHECK(text::collapse_ws(" a \n\t b\xC2\xA0\xC2\xA0"
                            "c ") == "a b c");
    CHECK(text::collapse_ws("already clean text") == "already clean text");
    CHECK(text::collapse_ws("two  spaces") == "two spaces");
    CHECK(text::collapse_ws("x") == "x");
    CHECK(text::collapse_ws("x ") == "x");
    CHECK(text::collapse_ws(" ") == "");
    CHECK(text::collapse_ws("") == "");
    CHECK(text::collapse_ws("Zoë  Łukasz") == "Zoë Łukasz");
}

TEST_CASE("extension is lower case without the dot", "[text]") {
    CHECK(text::extension("a/b/Plan.DOCX") == "docx");
    CHECK(text::extension("a.b/noext").empty());
}

TEST_CASE("text: one list numbering for docx and odt: letters past z, roman numerals past xii", "[text]") {
    CHECK(tfa::text::list_number(3, '1') == "3");
    CHECK(tfa::text::list_number(26, 'a') == "z");
    CHECK(tfa::text::list_number(27, 'a') == "aa");
    CHECK(tfa::text::list_number(28, 'A') == "AB");
    CHECK(tfa::text::list_number(27, 'i') == "xxvii");
    CHECK(tfa::text::list_number(14, 'I') == "XIV");
    CHECK(tfa::text::list_number(0, 'a') == "0");
    CHECK(tfa::text::list_number(4000, 'i') == "4000");
}

TEST_CASE("text: bytes that are not UTF-8 are shown as hex escapes and valid text is kept", "[text]") {
    CHECK(text::show_invalid_bytes("plan-caf\xE9.docx") == "plan-caf\\xe9.docx");
    CHECK(text::show_invalid_bytes("caf\xC3\xA9 \xEF\xBF\xBD") == "caf\xC3\xA9 \xEF\xBF\xBD");
    // A sequence cut short: each byte shown, the text after it kept.
    CHECK(text::show_invalid_bytes("a\xE2\x82"
                                   "b") == "a\\xe2\\x82b");
    CHECK(text::show_invalid_bytes("\xFF\xFE") == "\\xff\\xfe");
    CHECK(text::show_invalid_bytes("") == "");
}
