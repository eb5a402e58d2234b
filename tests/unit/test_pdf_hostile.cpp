// The PDF reader on its hostile regression corpus (tests/data/pdf/hostile, made by
// tests/data/pdf/make-hostile-fixtures.py): files that crashed or hung the reader, or made it
// work without bound. Each must give a clean outcome; the time limits are hang guards, far
// above what a read takes, not speed tests (bench/ measures speed).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "golden.h"
#include "core/text.h"
#include "readers/reader.h"

using namespace tfa;
using tfa::test::data_path;

namespace {

constexpr long kHangGuardMs = 60'000;

// Reads tests/data/REL, failing the test if it takes longer than the hang guard.
Result<Document> read_guarded(const std::string& rel) {
    const auto start = std::chrono::steady_clock::now();
    auto r = read_document(data_path(rel));
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    INFO(rel);
    CHECK(ms < kHangGuardMs);
    return r;
}

Document read_guarded_ok(const std::string& rel) {
    auto r = read_guarded(rel);
    INFO(rel << ": " << (r ? "" : r.error().str()));
    REQUIRE(r.ok());
    return std::move(r).value();
}

std::vector<std::string> lines_of(const Document& d) { return text::split(to_text(d), '\n'); }

size_t count_of(const std::string& s, const std::string& needle) {
    size_t n = 0;
    for (size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("pdf hostile: a Type0 font whose DescendantFonts names a missing object reads its text", "[pdf][hostile]") {
    // This crashed PoDoFo's font loading (segfault). A number and an empty array in its place too.
    const Document d = read_guarded_ok("pdf/hostile/type0-missing-descendant.pdf");
    CHECK(d.warnings.empty());
    const auto lines = lines_of(d);
    REQUIRE(lines.size() >= 4);
    CHECK(lines[0] == "Family reference: FF-8001");
    CHECK(lines[1] == "Safe");
    CHECK(lines[2] == "Safe");
    CHECK(lines[3] == "Safe");
}

TEST_CASE("pdf hostile: a text matrix overflowing to infinity is dropped, not laid out", "[pdf][hostile]") {
    // This hung the line builder (an infinite baseline made a line of no runs, forever).
    const Document d = read_guarded_ok("pdf/hostile/matrix-overflow.pdf");
    const std::string text = to_text(d);
    CHECK(text.rfind("Before the overflow.\n", 0) == 0);
    CHECK(text.find("After the overflow.") != std::string::npos);
    CHECK(text.find("Lost") == std::string::npos);  // placed at an overflowing position
    CHECK(text.find("inf") == std::string::npos);
    CHECK(text.find("nan") == std::string::npos);
}

TEST_CASE("pdf hostile: /W ranges over the whole code space are stored as ranges", "[pdf][hostile]") {
    const Document d = read_guarded_ok("pdf/hostile/huge-widths.pdf");
    CHECK(d.warnings.empty());
    CHECK(to_text(d) == "Wide\n");
}

TEST_CASE("pdf hostile: 20,000 overlapping ToUnicode ranges, the last one given winning", "[pdf][hostile]") {
    const Document d = read_guarded_ok("pdf/hostile/huge-tounicode.pdf");
    CHECK(d.warnings.empty());
    // 0000-0002 from the range over every code given after the 20,000 small ones; 0010-0011
    // from bfchar, last; 0100-0101 from an array range given after the wide one.
    CHECK(to_text(d) == "\u4E00\u4E01\u4E02OKXY\n");
}

TEST_CASE("pdf hostile: a page tree claiming /Count 2147483647 has the pages it holds", "[pdf][hostile]") {
    const Document d = read_guarded_ok("pdf/hostile/count-huge.pdf");
    CHECK(d.pages == 1);
    CHECK(d.warnings.empty());
    CHECK(to_text(d) == "The only page.\n");
}

TEST_CASE("pdf hostile: form XObject fan-out stops at one budget of form draws for the whole document",
          "[pdf][hostile]") {
    const Document d = read_guarded_ok("pdf/hostile/form-fanout.pdf");
    CHECK(d.pages == 2000);
    REQUIRE(d.warnings.size() == 1);
    CHECK(d.warnings[0].message ==
          "over the 10,000 form XObject draws budget for one document: page 1 read in part, the content after it not "
          "read");
    const std::string text = to_text(d);
    CHECK(text.rfind("Page text before the forms.\n", 0) == 0);
    CHECK(count_of(text, "Page text before the forms.") == 1);  // later pages' content not read
}

TEST_CASE("pdf hostile: pages sharing content stop at one operator budget for the whole document", "[pdf][hostile]") {
    const Document d = read_guarded_ok("pdf/hostile/operator-fanout.pdf");
    CHECK(d.pages == 1500);
    REQUIRE(d.warnings.size() == 1);
    CHECK(d.warnings[0].message ==
          "over the 2,000,000 content operators budget for one document: page 998 read in part, the content after it "
          "not read");
    // 2,004 operators a page: 997 pages in full, and the text that starts page 998.
    CHECK(count_of(to_text(d), "Page text.") == 998);
    CHECK(d.body.back().loc.page == 998);
}

TEST_CASE("pdf hostile: 4,000 choice widgets sharing 10,000 options read the options once", "[pdf][hostile]") {
    const Document d = read_guarded_ok("pdf/hostile/many-choice-widgets.pdf");
    CHECK(d.warnings.empty());
    const auto lines = lines_of(d);
    REQUIRE_FALSE(lines.empty());
    CHECK(lines[0] == "Lead agency:\tDisplay 00042");  // the export value shown as its display text
    CHECK(count_of(to_text(d), "none") == 4000);
}

TEST_CASE("pdf hostile: AES-128 with an empty user password is read, and a user password is asked for",
          "[pdf][hostile]") {
    // PoDoFo could not decrypt the first ("encrypted with a method this reader cannot decrypt").
    const Document d = read_guarded_ok("pdf/encrypted-aes128.pdf");
    CHECK(d.warnings.empty());
    CHECK(d.body.front().text == "Family Support Review");
    CHECK(to_text(d).find("Keyworker\tZoë Łukasz\n") != std::string::npos);
    auto r = read_guarded("pdf/encrypted-user.pdf");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "encrypted: needs a password to open");
}

TEST_CASE("pdf hostile: a repaired cross-reference table is read, the repair in the warnings, nothing on stderr",
          "[pdf][hostile]") {
    // Everything written to stderr while reading goes to a file instead (qpdf must print nothing).
    std::fflush(stderr);
    const int saved = dup(2);
    std::FILE* capture = std::tmpfile();
    REQUIRE(capture);
    dup2(fileno(capture), 2);
    auto r = read_guarded("pdf/hostile/xref-damaged.pdf");
    auto bad = read_guarded("pdf/truncated.pdf");
    std::fflush(stderr);
    dup2(saved, 2);
    close(saved);
    const long printed = std::ftell(capture);
    std::fclose(capture);
    CHECK(printed == 0);

    INFO((r ? "" : r.error().str()));
    REQUIRE(r.ok());
    const Document& d = r.value();
    CHECK(to_text(d) == "Read after repair.\n");
    // qpdf's account of the repair, in one warning.
    REQUIRE(d.warnings.size() == 1);
    CHECK(d.warnings[0].message ==
          "damaged PDF, read past: file is damaged; expected n n obj (object 1 0); "
          "Attempting to reconstruct cross-reference table");
    REQUIRE_FALSE(bad.ok());
}

TEST_CASE("pdf hostile: a stream over the decoded size limit is named in a warning", "[pdf][hostile]") {
    ReadOptions small;
    small.max_entry_bytes = 16;  // smaller than the page's content stream (46 bytes)
    auto r = read_document(data_path("pdf/hostile/count-huge.pdf"), small);
    REQUIRE(r.ok());
    REQUIRE(r.value().warnings.size() == 2);
    CHECK(r.value().warnings[0].message ==
          "page 1: the content stream: over the 16 bytes limit for one decoded stream, not read");
    CHECK(r.value().warnings[1].message == "no text on any page");
}
