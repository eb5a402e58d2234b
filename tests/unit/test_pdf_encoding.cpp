// The PDF reader's character decoding (readers/pdf_encoding.h): range tables, ToUnicode CMaps,
// /W widths, glyph names and base encodings.
#include <catch2/catch.hpp>

#include <string>

#include "readers/pdf_encoding.h"

using namespace tfa::pdf;

namespace {

std::string text_of(const UnicodeMap& m, uint32_t code) {
    std::string out;
    return m.lookup(code, out) ? out : "<none>";
}

}  // namespace

TEST_CASE("pdf encoding: a range index finds codes by binary search, the last range added winning", "[pdf][encoding]") {
    RangeIndex idx;
    idx.add(0, 0xFFFFFFFFu, 0);  // every code
    idx.add(10, 20, 1);
    idx.add(15, 30, 2);  // overlaps the one before, and wins where they meet
    idx.add(100, 100, 3);
    idx.finish();
    CHECK(idx.find(0) == 0);
    CHECK(idx.find(9) == 0);
    CHECK(idx.find(10) == 1);
    CHECK(idx.find(14) == 1);
    CHECK(idx.find(15) == 2);
    CHECK(idx.find(30) == 2);
    CHECK(idx.find(31) == 0);
    CHECK(idx.find(100) == 3);
    CHECK(idx.find(0xFFFFFFFFu) == 0);
    CHECK(idx.size() == 6);  // 0-9, 10-14, 15-30, 31-99, 100 and 101-max

    RangeIndex disjoint;
    disjoint.add(50, 60, 7);
    disjoint.add(1, 2, 8);
    disjoint.finish();
    CHECK(disjoint.find(0) == -1);
    CHECK(disjoint.find(2) == 8);
    CHECK(disjoint.find(3) == -1);
    CHECK(disjoint.find(55) == 7);
    CHECK(disjoint.find(61) == -1);
    CHECK(RangeIndex().find(5) == -1);
}

TEST_CASE("pdf encoding: a ToUnicode CMap's bfchar, bfrange (both forms) and codespace", "[pdf][encoding]") {
    const UnicodeMap m = UnicodeMap::parse(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        "3 beginbfchar <0003> <0020> <0100> <0066006C> <0200> /space endbfchar\n"
        "3 beginbfrange\n"
        "<0010> <0029> <0061>\n"
        "<0050> <0052> [<0059> <0065> <0073> <0021>]\n"  // one element more than the range
        "<1000> <FFFF> <4E00>\n"                         // a wide range: one entry
        "endbfrange\n"
        "1 beginbfchar <D83D> <D83DDE00> endbfchar\n"  // a surrogate pair target
        "endcmap");
    CHECK(m.code_bytes() == 2);
    CHECK(m.space_code() == 3);
    CHECK(text_of(m, 3) == " ");
    CHECK(text_of(m, 0x100) == "fl");      // a ligature: two characters
    CHECK(text_of(m, 0x200) == "<none>");  // a glyph name target is skipped
    CHECK(text_of(m, 0x10) == "a");
    CHECK(text_of(m, 0x29) == "z");
    CHECK(text_of(m, 0x2A) == "<none>");
    CHECK(text_of(m, 0x50) == "Y");
    CHECK(text_of(m, 0x52) == "s");
    CHECK(text_of(m, 0x53) == "<none>");
    CHECK(text_of(m, 0x1001) == "\u4E01");
    CHECK(text_of(m, 0x8000) == "\uBE00");  // 0x4E00 + (0x8000 - 0x1000)
    CHECK(text_of(m, 0xD83D) == "\U0001F600");
}

TEST_CASE("pdf encoding: a broken CMap parses as far as it goes", "[pdf][encoding]") {
    CHECK(UnicodeMap::parse("").empty());
    CHECK(UnicodeMap::parse("beginbfrange <00").empty());
    CHECK(UnicodeMap::parse("beginbfrange <0010> <0001> <0041> endbfrange").empty());  // hi < lo
    const UnicodeMap m = UnicodeMap::parse("beginbfchar <41> <0041> (literal) <42> endbfchar beginbfrange <43> <45");
    CHECK(text_of(m, 0x41) == "A");
    CHECK(m.code_bytes() == 0);
}

TEST_CASE("pdf encoding: widths are ranges, the later one winning", "[pdf][encoding]") {
    WidthMap w;
    w.add(0, 0xFFFFFFFFu, 500);
    w.add(65, 65, 722);
    w.add(60, 70, 250);
    w.finish();
    CHECK(w.get(0, 1000) == 500);
    CHECK(w.get(65, 1000) == 250);
    CHECK(w.get(71, 1000) == 500);
    CHECK(w.entries() == 3);
    WidthMap empty;
    empty.finish();
    CHECK(empty.get(65, 1000) == 1000);
}

TEST_CASE("pdf encoding: glyph names, base encodings and the standard fonts' widths", "[pdf][encoding]") {
    CHECK(glyph_code_point("eacute") == 0xE9);
    CHECK(glyph_code_point("fi") == 0xFB01);
    CHECK(glyph_code_point("f_f_i") == 0xFB03);
    CHECK(glyph_code_point("uni00A3") == 0xA3);
    CHECK(glyph_code_point("u1F600") == 0x1F600);
    CHECK(glyph_code_point("Lslash") == 0x141);
    CHECK(glyph_code_point("g123") == 0);
    CHECK(glyph_code_point("uniZZZZ") == 0);
    CHECK(base_encoding("WinAnsiEncoding")[0x80] == 0x20AC);
    CHECK(base_encoding("MacRomanEncoding")[0x8E] == 0xE9);
    CHECK(base_encoding("StandardEncoding")[0x27] == 0x2019);
    CHECK(base_encoding("StandardEncoding")[0xAE] == 0xFB01);
    CHECK(base_encoding("PDFDocEncoding")[0xA0] == 0x20AC);
    CHECK(base_encoding("Symbol")[0x61] == 0x3B1);
    CHECK(base_encoding("ZapfDingbats")[0x34] == 0x2714);
    CHECK(base_encoding("Nonsense")[0x41] == 0x41);
    CHECK(base14_width("Helvetica", ' ') == 278);
    CHECK(base14_width("Helvetica-Bold", 'A') == 722);
    CHECK(base14_width("Courier", 'i') == 600);
    CHECK(base14_width("Arial", 'A') == -1);
    CHECK(base14_width("Helvetica", 0x4E00) == -1);
}

TEST_CASE("pdf encoding: glyph text is cleaned", "[pdf][encoding]") {
    CHECK(clean_glyph("\xEF\xAC\x81", false) == "fi");  // U+FB01
    CHECK(clean_glyph("\xEF\xBF\xBF", false).empty());  // U+FFFF
    CHECK(clean_glyph("\t", false) == " ");
    CHECK(clean_glyph("\xEF\x83\xBD", true) == "\u2612");  // Wingdings U+F0FD: a ticked box
    CHECK(clean_glyph("\xC3\xBD", false) == "\u00FD");     // the same code outside Wingdings
}
