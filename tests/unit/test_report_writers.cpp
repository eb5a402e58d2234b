// The report writers over the same results: goldens for each format, byte-identical JSON for
// the same input and as-of date, valid JSON and RFC 4180 CSV, and records read back from JSON.
#include <sstream>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "golden.h"
#include "report/batch.h"
#include "report/writer.h"
#include "rules_test_util.h"

using namespace tfa;
using namespace tfa::test;

namespace {

// The golden batch: claimable, not claimable (consent), needs review, employment route, and a
// duplicate pair.
std::vector<CaseRecord> golden_records() {
    std::vector<CaseRecord> out;
    for (const char* f :
         {"TF-ELIGIBLE.pass", "TF-CONSENT.fail", "TF-ELIGIBLE.na", "TF-EMPLOYMENT.pass", "TF-RECURRENCE.review"}) {
        auto r = fixture(f)[0];
        r.case_name = f;
        r.family_ref = std::string("FF-") + std::to_string(2000 + out.size());
        out.push_back(r);
    }
    auto dup = fixture("TF-PLAN.fail")[0];
    dup.case_name = "TF-PLAN.fail";  // same family reference as the first case
    dup.family_ref = "FF-2000";
    out.push_back(dup);
    return out;
}

std::string run(const std::string& format, const std::string& pack_name = "tf-2015") {
    const auto p = pack(pack_name);
    std::ostringstream out;
    auto w = report::make_writer(format, out, {});
    REQUIRE(w);
    report::Batch batch(p, as_of(), *w);
    for (const auto& r : golden_records()) batch.add(r);
    batch.finish();
    return out.str();
}

}  // namespace

TEST_CASE("writer goldens: text, json, csv, cases-csv, junit", "[rules][report]") {
    check_golden("check/batch.txt", run("text"));
    check_golden("check/batch.json", run("json"));
    check_golden("check/batch.csv", run("csv"));
    check_golden("check/batch.cases.csv", run("cases-csv"));
    check_golden("check/batch.junit.xml", run("junit"));
    check_golden("check/quality.txt", run("text", "ffa-quality"));
}

TEST_CASE("the same input and as-of date give byte-identical JSON", "[rules][report]") {
    const std::string a = run("json"), b = run("json");
    CHECK(a == b);
}

TEST_CASE("the JSON report is valid JSON with the contract's keys", "[rules][report]") {
    Poco::JSON::Parser parser;
    auto root = parser.parse(run("json")).extract<Poco::JSON::Object::Ptr>();
    CHECK(root->getValue<std::string>("as_of") == "2020-06-30");
    CHECK(root->getValue<std::string>("rule_pack") == "tf-2015");
    auto cases = root->getArray("cases");
    REQUIRE(cases->size() == 6);
    auto first = cases->getObject(0);
    for (const char* k : {"case", "family_ref", "verdict", "route", "score", "findings", "errors", "record"})
        CHECK(first->has(k));
    CHECK(first->getValue<std::string>("verdict") == "not_claimable");  // FF-2000 is in the batch twice
    auto finding = first->getArray("findings")->getObject(0);
    for (const char* k : {"rule", "status", "severity", "message", "evidence"}) CHECK(finding->has(k));
    CHECK(first->getObject("record")->getValue<std::string>("family_ref") == "FF-2000");
    CHECK(cases->getObject(2)->getValue<std::string>("verdict") == "needs_review");
    CHECK(cases->getObject(2)->getArray("errors")->getObject(0)->getValue<std::string>("error") == "no text layer");
}

TEST_CASE("an empty batch is still a valid report", "[rules][report]") {
    const auto p = pack("tf-2015");
    for (const char* f : {"json", "junit", "text", "csv", "cases-csv"}) {
        std::ostringstream out;
        auto w = report::make_writer(f, out, {});
        report::Batch batch(p, as_of(), *w);
        CHECK(batch.finish().cases == 0);
        if (std::string(f) == "json")
            CHECK(out.str() ==
                  "{\n  \"as_of\": \"2020-06-30\",\n  \"rule_pack\": \"tf-2015\",\n  \"cases\": [],\n"
                  "  \"summary\": {\"cases\": 0, \"claimable\": 0, \"not_claimable\": 0, \"needs_review\": 0, "
                  "\"needs_review_by_cause\": {}}\n}\n");
    }
}

TEST_CASE("CSV fields are quoted per RFC 4180", "[rules][report]") {
    CHECK(report::csv_field("plain") == "plain");
    CHECK(report::csv_field("a,b") == "\"a,b\"");
    CHECK(report::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(report::csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(report::make_writer("pdf", std::cout, {}) == nullptr);
}

TEST_CASE("a record read back from its JSON is the same record", "[rules][report]") {
    for (const auto& r : golden_records()) {
        const std::string json = to_json(r, 0);
        auto back = records_from_json("mem", json);
        REQUIRE(back.ok());
        REQUIRE(back.value().size() == 1);
        CHECK(to_json(back.value()[0], 0) == json);
    }
}

TEST_CASE("bad record JSON is an error, never an exception", "[rules][report]") {
    for (const char* bad :
         {"", "{", "[1, 2", "42", "\"x\"", "{\"criteria\": 5}", "{\"reviews\": [{\"outcomes\": \"no\"}]}"}) {
        INFO(bad);
        auto r = records_from_json("bad.json", bad);
        if (!r.ok()) CHECK(r.error().file == "bad.json");
    }
    CHECK(!load_records("/nonexistent/records.json").ok());
}
