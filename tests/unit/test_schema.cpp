// The one schema of the case record (src/model/schema.h): every key has a JSON writer and a
// reader, template fields fill record keys, and docs/case-record.md's key table is the one the
// schema renders (a mismatch writes docs/case-record.keys.actual.md to compare and copy).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "extract/templates.h"
#include "model/record.h"
#include "model/record_json.h"
#include "model/schema.h"

using namespace tfa;

namespace {
const std::string kRoot = std::string(TFAUDIT_SOURCE_DIR);

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
}  // namespace

TEST_CASE("schema: every record key has a JSON writer and reader, and a meaning", "[schema]") {
    for (const auto& k : record_keys()) {
        INFO(k.key);
        CHECK(has_json_writer(k.key));
        CHECK(has_json_reader(k.key));
        CHECK(std::string(k.meaning).size() > 5);
    }
    CHECK(record_key("lead_professional") != nullptr);
    CHECK(record_key("no_such_key") == nullptr);
}

TEST_CASE("schema: template field names come from it, and each fills a record key or steers the extractor",
          "[schema]") {
    CHECK(extract::field_names().size() == template_fields().size());
    for (const auto& f : template_fields()) {
        INFO(f.name);
        if (*f.fills) CHECK(record_key(f.fills) != nullptr);
    }
}

TEST_CASE("schema: docs/case-record.md's key table is the one the schema renders", "[schema]") {
    const std::string doc = read_all(kRoot + "/docs/case-record.md");
    const std::string begin = "<!-- record-keys:begin (generated from src/model/schema.cpp) -->\n";
    const std::string end = "<!-- record-keys:end -->";
    const size_t b = doc.find(begin), e = doc.find(end);
    REQUIRE(b != std::string::npos);
    REQUIRE(e != std::string::npos);
    const std::string table = doc.substr(b + begin.size(), e - b - begin.size());
    if (table != record_keys_markdown())
        std::ofstream(kRoot + "/docs/case-record.keys.actual.md") << record_keys_markdown();
    CHECK(table == record_keys_markdown());
}

TEST_CASE("schema: the text fields read by the writer, reader, states and field_present are schema keys", "[schema]") {
    for (const auto& [key, member] : text_fields()) {
        INFO(key);
        const RecordKey* k = record_key(key);
        REQUIRE(k != nullptr);
        CHECK((k->type == KeyType::Text || k->type == KeyType::Date));
    }
    CaseRecord r;
    r.lead_professional = "Ada Byrne";
    CHECK(text_field(r, "lead_professional") == std::optional<std::string>("Ada Byrne"));
    CHECK(!text_field(r, "criteria"));
}

TEST_CASE("schema: field states have their words", "[schema]") {
    for (auto st : {FieldState::Found, FieldState::Blank, FieldState::No, FieldState::NotFound, FieldState::Unreadable})
        CHECK(parse_field_state(to_string(st)) == st);
    CHECK(!parse_field_state("missing"));
    CHECK(unknown(FieldState::NotFound));
    CHECK(!unknown(FieldState::Blank));
}
