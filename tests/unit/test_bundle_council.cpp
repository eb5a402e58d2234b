// A bundle whose documents match a council template applies it to its documents that name no
// council (a hard-data CSV), when the bundle's documents match one council only (issue 10, item 1).
// tests/data/bundle-council: Quarrowby's CSV columns ("Strand", "Household member", "Outcome
// measure", ...) are known only to its template.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "app/pipeline.h"
#include "extract/extractor.h"
#include "extract/templates.h"
#include "extract/vocab.h"
#include "extract_test_util.h"
#include "readers/reader.h"

using namespace tfa;
namespace fs = std::filesystem;

namespace {

const std::string kData = std::string(TEST_DATA_DIR) + "/bundle-council";

const std::vector<std::pair<std::string, std::string>> kCriteria = {
    {"crime", "Crime and anti-social behaviour"}, {"education", "School attendance"}, {"health", "Health"}};

// The bundled templates with the two test councils'.
const extract::Vocab& vocab() {
    static const extract::Vocab v = [] {
        auto t = extract::load_templates(test::kRoot + "/templates");
        REQUIRE(t.ok());
        auto all = std::move(t).value();
        auto extra = extract::load_templates(kData + "/templates");
        REQUIRE(extra.ok());
        for (auto& x : extra.value()) all.push_back(std::move(x));
        return extract::Vocab(std::move(all), kCriteria);
    }();
    return v;
}

extract::DocFacts facts(const std::string& rel, const std::vector<std::string>& bundle_templates = {}) {
    auto doc = read_document(kData + "/" + rel);
    REQUIRE(doc.ok());
    return extract::extract_document(doc.value(), vocab(), bundle_templates);
}

// Pipeline options whose templates folder `dir` (made afresh) holds the bundled templates and
// the test councils'.
app::PipelineOptions options_with_councils(const fs::path& dir) {
    fs::remove_all(dir);
    fs::copy(test::kRoot + "/templates", dir, fs::copy_options::recursive);
    for (const auto& f : fs::directory_iterator(kData + "/templates")) fs::copy(f.path(), dir / f.path().filename());
    app::PipelineOptions po;
    po.templates_dir = dir.string();
    po.criteria = kCriteria;
    return po;
}

// The cases of a bundle folder, through the pipeline, with the test councils' templates added.
std::vector<CaseRecord> cases_of(const std::string& bundle) {
    const fs::path dir = fs::temp_directory_path() / "tfaudit-bundle-council";
    const app::PipelineOptions po = options_with_councils(dir);
    std::vector<CaseRecord> out;
    const Status s =
        app::for_each_case({kData + "/" + bundle}, po, [&](CaseRecord&& r) { out.push_back(std::move(r)); });
    fs::remove_all(dir);
    REQUIRE_FALSE(s);
    return out;
}

}  // namespace

TEST_CASE("bundle council: a CSV names no council, so alone it is read with the shared vocabulary only",
          "[extract][templates][bundle-council]") {
    const auto csv = facts("quarrowby-1/outcomes.csv");
    CHECK(extract::names_no_council(csv, vocab()));
    CHECK(csv.tables.empty());  // no column it knows
    const auto assessment = facts("quarrowby-1/assessment.txt");
    CHECK_FALSE(extract::names_no_council(assessment, vocab()));
    CHECK(extract::bundle_council({assessment, csv}, vocab()) == std::vector<std::string>{"quarrowby"});
}

TEST_CASE("bundle council: with the bundle's council template the CSV's own column names are read",
          "[extract][templates][bundle-council]") {
    const auto csv = facts("quarrowby-1/outcomes.csv", {"quarrowby"});
    CHECK(csv.bundle_templates);
    CHECK(csv.council == "Quarrowby Borough Council");
    REQUIRE(csv.tables.size() == 1);
    CHECK(csv.tables[0].kind == "evidence");
    CHECK(csv.tables[0].columns.size() == 6);
    CHECK_THAT(extract::explain(csv), Catch::Contains("from the bundle's other documents"));
}

TEST_CASE("bundle council: a bundle whose documents match one council applies its template to the CSV",
          "[extract][templates][bundle-council][pipeline]") {
    const auto out = cases_of("quarrowby-1");
    REQUIRE(out.size() == 1);
    const auto& r = out[0];
    CHECK(r.family_ref == "QBC-0091");
    REQUIRE(r.evidence.size() == 1);
    CHECK(r.evidence[0].criterion == "education");
    CHECK(r.evidence[0].member == "Leo Marsh");
    CHECK(r.evidence[0].measure == "attendance_pct");  // the template's measure word
    CHECK(r.evidence[0].period_start == "2019-04-08");
    CHECK(r.evidence[0].period_end == "2019-07-19");
    CHECK(r.evidence[0].value == "96.2");
    CHECK_THAT(r.evidence[0].src.file, Catch::EndsWith("outcomes.csv"));
    CHECK(r.state("evidence") == FieldState::Found);
}

TEST_CASE("bundle council: with two councils' templates matched, neither is applied to the CSV",
          "[extract][templates][bundle-council][pipeline]") {
    // Which council the CSV is from is not known: it stays as the shared vocabulary reads it.
    std::vector<extract::DocFacts> docs{facts("mixed-1/assessment.txt"), facts("mixed-1/plan.txt"),
                                        facts("mixed-1/outcomes.csv")};
    CHECK(extract::bundle_council(docs, vocab()).empty());
    const auto out = cases_of("mixed-1");
    REQUIRE(out.size() == 1);
    CHECK(out[0].evidence.empty());
    CHECK(out[0].state("evidence") == FieldState::NotFound);
}

TEST_CASE("bundle council: extract --explain shows the CSV as its case reads it", "[extract][bundle-council]") {
    const fs::path dir = fs::temp_directory_path() / "tfaudit-bundle-council-explain";
    const app::PipelineOptions po = options_with_councils(dir);
    std::string text;
    const Status s = app::for_each_document({kData + "/quarrowby-1"}, po,
                                            [&](const extract::DocFacts& f) { text += extract::explain(f); });
    fs::remove_all(dir);
    REQUIRE_FALSE(s);
    CHECK_THAT(text, Catch::Contains("evidence at") && Catch::Contains("from the bundle's other documents"));
}
