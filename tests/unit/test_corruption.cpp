// Corruption: every reader, fed truncated and bit-flipped copies of its own fixtures, answers
// with a document or an Error naming the file, never a crash, a hang or an exception.
#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>

#include "extract/extractor.h"
#include "extract/templates.h"
#include "golden.h"
#include "readers/reader.h"

using namespace tfa;
namespace fs = std::filesystem;

namespace {

// A fixed xorshift generator: the same mutations on every run.
struct Rng {
    uint64_t s;
    uint64_t next() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return s;
    }
};

const extract::Vocab& vocab() {
    static const extract::Vocab v = [] {
        auto t = extract::load_templates(std::string(TEST_DATA_DIR) + "/../../templates");
        REQUIRE(t.ok());
        return extract::Vocab(std::move(t).value(),
                              {{"crime", "Crime"}, {"education", "Education"}, {"health", "Health"}});
    }();
    return v;
}

// Reads the bytes; what reads is also taken through the extractor, which must cope with
// whatever damaged structure the reader salvaged.
void must_answer(const std::string& name, std::string_view bytes) {
    auto r = read_document(name, bytes);
    if (!r) {
        CHECK(r.error().file == name);
        CHECK_FALSE(r.error().message.empty());
        return;
    }
    const auto record = extract::build_record("x", {extract::extract_document(r.value(), vocab())}, vocab());
    CHECK(record.files.size() == 1);
}

}  // namespace

TEST_CASE("corruption: truncated and bit-flipped fixtures of every format are answered and extracted", "[corruption]") {
    size_t files = 0, runs = 0;
    for (const auto& e : fs::recursive_directory_iterator(TEST_DATA_DIR)) {
        const std::string path = e.path().string();
        if (!e.is_regular_file() || !reader_for(path) || e.file_size() > (256u << 10)) continue;
        const std::string bytes = test::read_all(path);
        if (bytes.empty()) continue;
        INFO(path);
        ++files;
        Rng rng{0x9E3779B97F4A7C15ull ^ bytes.size()};
        // Truncations at eight points.
        for (int k = 1; k <= 8; ++k, ++runs) must_answer(path, std::string_view(bytes).substr(0, bytes.size() * k / 9));
        // Sixteen copies with a few flipped bytes each.
        for (int k = 0; k < 16; ++k, ++runs) {
            std::string m = bytes;
            for (int f = 0; f < 4; ++f) m[rng.next() % m.size()] ^= static_cast<char>(1u << (rng.next() % 8));
            must_answer(path, m);
        }
    }
    CHECK(files > 30);
    CHECK(runs == files * 24);
}
