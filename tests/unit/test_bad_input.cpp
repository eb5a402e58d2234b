// Every kind of bad input gets a one-line error naming the file and the problem.
#include <catch2/catch.hpp>

#include <chrono>

#include "golden.h"
#include "readers/reader.h"

using namespace tfa;
using tfa::test::data_path;

namespace {

std::string error_of(const std::string& rel, const ReadOptions& opts = {}) {
    const std::string path = data_path(rel);
    auto r = read_document(path, opts);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().file == path);
    CHECK(r.error().str().find('\n') == std::string::npos);
    return r.error().message;
}

}  // namespace

TEST_CASE("bad input: missing file", "[bad]") { CHECK(error_of("bad/does-not-exist.docx") == "no such file"); }

TEST_CASE("bad input: unsupported formats are refused by name", "[bad]") {
    CHECK(error_of("bad/legacy.doc") == "unsupported format (.doc)");
    CHECK(error_of("bad/letter.rtf") == "unsupported format (.rtf)");
    CHECK(error_of("bad/scan.png") == "unsupported format (.png)");
}

TEST_CASE("bad input: not a zip, empty, truncated", "[bad]") {
    CHECK(error_of("bad/not_a_zip.docx") == "not a zip archive");
    CHECK(error_of("bad/empty.docx") == "not a zip archive");
    CHECK_THAT(error_of("bad/truncated.docx"), Catch::StartsWith("damaged or truncated zip archive"));
}

TEST_CASE("bad input: zip without a main document part", "[bad]") {
    CHECK_THAT(error_of("bad/no_main_part.docx"), Catch::StartsWith("no main document part"));
}

TEST_CASE("bad input: malformed XML names the part and line", "[bad]") {
    CHECK_THAT(error_of("bad/malformed.docx"), Catch::StartsWith("malformed XML in word/document.xml: line 2"));
}

TEST_CASE("bad input: entity-expansion bomb and external entities are refused quickly", "[bad]") {
    const auto t0 = std::chrono::steady_clock::now();
    CHECK_THAT(error_of("bad/entity_bomb.docx"), Catch::Contains("entity"));
    CHECK_THAT(error_of("bad/xxe.docx"), Catch::Contains("DOCTYPE"));
    // Not a timing test of speed: a bomb that expanded would take minutes and gigabytes.
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(20));
}

TEST_CASE("bad input: zip bombs are refused, also when the sizes lie", "[bad]") {
    CHECK_THAT(error_of("bad/zip_bomb.docx"), Catch::Contains("possible zip bomb"));
    CHECK_THAT(error_of("bad/zip_bomb_lying.docx"), Catch::Contains("inflates past the limit"));
    ReadOptions small;
    small.max_entry_bytes = 1024;
    CHECK_THAT(error_of("docx/assessment.docx", small), Catch::Contains("possible zip bomb"));
}

TEST_CASE("bad input: a PDF encrypted in a way the reader cannot decrypt says so, not damaged", "[bad]") {
    // A security handler other than the standard one (every standard one is read: test_pdf.cpp).
    CHECK_THAT(error_of("pdf/encrypted-unknown-handler.pdf"),
               Catch::StartsWith("encrypted with a method this reader cannot decrypt"));
    CHECK_THAT(error_of("pdf/truncated.pdf"), Catch::StartsWith("damaged PDF"));
}
