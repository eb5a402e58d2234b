// Shared helpers for the extractor tests: the bundled templates compiled for tf-2015's
// criteria, and one-document records read from content written in the test.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/templates.h"
#include "extract/vocab.h"
#include "readers/reader.h"

namespace tfa::test {

inline const std::string kRoot = std::string(TEST_DATA_DIR) + "/../..";

inline const extract::Vocab& vocab() {
    static const extract::Vocab v = [] {
        auto t = extract::load_templates(kRoot + "/templates");
        REQUIRE(t.ok());
        return extract::Vocab(std::move(t).value(), {{"crime", "Crime and anti-social behaviour"},
                                                     {"education", "School attendance"},
                                                     {"children_in_need", "Children who need help"},
                                                     {"worklessness", "Worklessness and financial exclusion"},
                                                     {"domestic_abuse", "Domestic violence and abuse"},
                                                     {"health", "Health"}});
    }();
    return v;
}

// The facts of `content` read as a document named `name`.
inline extract::DocFacts facts_of(const std::string& name, const std::string& content) {
    auto doc = read_document(name, content);
    INFO(name << ": " << (doc ? "" : doc.error().str()));
    REQUIRE(doc.ok());
    return extract::extract_document(doc.value(), vocab());
}

// Reads `content` as a document named `name` and builds a one-document record.
inline CaseRecord record_of(const std::string& name, const std::string& content) {
    std::vector<extract::DocFacts> facts{facts_of(name, content)};
    return extract::build_record("case", std::move(facts), vocab());
}

// An HTML page titled `title` with `body`.
inline std::string html(const std::string& body, const std::string& title = "Early Help Assessment") {
    return "<html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>" + body + "</body></html>";
}

}  // namespace tfa::test
