// Golden-file checks for tests. check_golden("docx/tables.txt", actual) compares `actual` with
// tests/golden/docx/tables.txt. On a mismatch it writes tests/golden/docx/tables.txt.actual
// beside it and fails; `scripts/accept-goldens.sh` (or TFAUDIT_ACCEPT=1 when running the
// tests) promotes the .actual files after review. A missing golden is written when accepting
// and fails otherwise.
#pragma once

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "readers/reader.h"

namespace tfa::test {

inline std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::string data_path(const std::string& rel) { return std::string(TEST_DATA_DIR) + "/" + rel; }

// The sample bundles listed in a pending file (samples/pending.txt): the first word of each
// line, '#' starting a comment. They are expected failures of the sample tests.
inline std::set<std::string> pending_samples(const std::string& path) {
    std::set<std::string> out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        line = line.substr(0, line.find('#'));
        std::istringstream words(line);
        std::string name;
        if (words >> name) out.insert(name);
    }
    return out;
}

// Reads the fixture tests/data/REL, which must read without error (the test stops otherwise).
inline Document read_ok(const std::string& rel) {
    auto r = read_document(data_path(rel));
    INFO(rel << ": " << (r ? "" : r.error().str()));
    REQUIRE(r.ok());
    return std::move(r).value();
}

// `s` with the absolute test-data folder replaced by "tests/data", so goldens do not depend on
// where the checkout lives.
inline std::string normalise_paths(std::string s) {
    const std::string from = TEST_DATA_DIR;
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at))
        s.replace(at, from.size(), "tests/data");
    return s;
}

inline void check_golden(const std::string& rel, const std::string& raw_actual) {
    const std::string actual = normalise_paths(raw_actual);
    const std::string path = std::string(TEST_GOLDEN_DIR) + "/" + rel;
    const char* accept = std::getenv("TFAUDIT_ACCEPT");
    std::ifstream probe(path, std::ios::binary);
    const bool exists = probe.good();
    probe.close();
    const std::string expected = exists ? read_all(path) : std::string();
    if (exists && expected == actual) {
        std::remove((path + ".actual").c_str());
        SUCCEED();
        return;
    }
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    if (accept && *accept == '1') {
        std::ofstream(path, std::ios::binary) << actual;
        WARN("golden written: " << rel);
        return;
    }
    std::ofstream(path + ".actual", std::ios::binary) << actual;
    INFO("golden " << rel << (exists ? " differs" : " is missing") << "; see " << path
                   << ".actual and promote it with scripts/accept-goldens.sh after review");
    CHECK(expected == actual);
}

}  // namespace tfa::test
