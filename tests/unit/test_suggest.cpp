// `tfaudit templates suggest`: a draft template for a council with no template, from its
// documents (tests/data/suggest/wickhollow-1, a council whose labels the templates do not know).
// The draft must lint clean and, used as it is, fill record fields that were empty without it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "extract/extractor.h"
#include "extract/suggest.h"
#include "extract/templates.h"
#include "extract/vocab.h"
#include "golden.h"
#include "readers/reader.h"

using namespace tfa;
namespace fs = std::filesystem;

namespace {

const std::string kRoot = std::string(TEST_DATA_DIR) + "/../..";
const std::string kBundle = std::string(TEST_DATA_DIR) + "/suggest/wickhollow-1";

const std::vector<std::pair<std::string, std::string>> kCriteria{
    {"crime", "Crime and anti-social behaviour"},      {"education", "School attendance"},
    {"children_in_need", "Children who need help"},    {"worklessness", "Worklessness and financial exclusion"},
    {"domestic_abuse", "Domestic violence and abuse"}, {"health", "Health"}};

std::vector<extract::Template> bundled() {
    auto t = extract::load_templates(kRoot + "/templates");
    REQUIRE(t.ok());
    return std::move(t).value();
}

std::vector<std::string> bundle_files() {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(kBundle)) out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<extract::SuggestDoc> read_bundle(const extract::Vocab& v) {
    std::vector<extract::SuggestDoc> docs;
    for (const auto& f : bundle_files()) {
        auto doc = read_document(f);
        REQUIRE(doc.ok());
        extract::SuggestDoc d{std::move(doc.value()), {}};
        d.facts = extract::extract_document(d.doc, v);
        docs.push_back(std::move(d));
    }
    return docs;
}

CaseRecord record_with(const extract::Vocab& v) {
    std::vector<extract::DocFacts> facts;
    for (auto& d : read_bundle(v)) facts.push_back(std::move(d.facts));
    return extract::build_record("wickhollow-1", std::move(facts), v);
}

// The draft for the bundle, written to a file of its own in a fresh folder.
std::string draft_file(const std::string& draft) {
    const fs::path dir = fs::temp_directory_path() / ("tfaudit-suggest-test-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string path = (dir / "wickhollow.xml").string();
    std::ofstream(path) << draft;
    return path;
}

}  // namespace

TEST_CASE("suggest: label likeness is 1 for the same words and low for unrelated ones", "[suggest]") {
    CHECK(extract::label_likeness("date of birth", "date of birth") == 1.0);
    CHECK(extract::label_likeness("assessment began", "date assessment started") >= extract::kSure);
    CHECK(extract::label_likeness("lead profesional", "lead professional") >= 0.9);
    CHECK(extract::label_likeness("venue", "date assessment completed") < extract::kSure);
}

TEST_CASE("suggest: the draft for a council with no template lints clean and fills empty fields", "[suggest]") {
    const extract::Vocab before(bundled(), kCriteria);
    const std::string draft = extract::suggest_template(read_bundle(before), before, "");
    INFO(draft);
    // What it found, each guess with its place and how sure it is.
    CHECK_THAT(draft, Catch::Contains("<template name=\"wickhollow\" council=\"Wickhollow Borough Council\""));
    CHECK_THAT(draft, Catch::Contains("<match><contains>Wickhollow Borough Council</contains></match>"));
    CHECK_THAT(draft, Catch::Contains("<field name=\"family_ref\"><label>Household number</label></field>"));
    CHECK_THAT(draft, Catch::Contains("\"Household number\" at agreed-goals.html, table 1, row 1, cell 1"));
    CHECK_THAT(draft, Catch::Contains("<field name=\"lead_professional\"><label>Named worker</label></field>"));
    // A column the shared vocabulary already knows ("Steps") is not proposed again.
    CHECK_THAT(draft, !Catch::Contains("<label>Steps</label>"));
    CHECK_THAT(draft, Catch::Contains("<document type=\"review\"><title>Catch-up Meeting</title></document>"));
    // The reference pattern and the date formats are rules too, each with its comment.
    CHECK_THAT(draft, Catch::Contains("\"WBC/0193\" in 4 of 4 documents (file names or first blocks), sure 1.00 -->\n"
                                      "  <pattern name=\"reference\">WBC/\\d{4}</pattern>"));
    CHECK_THAT(draft, Catch::Contains("dd/mm/yyyy: 9 times"));
    CHECK_THAT(draft, Catch::Contains("can only be day first, sure 0.90 -->\n  <date-format>dd/mm/yyyy</date-format>"));
    CHECK_THAT(draft, Catch::Contains(", sure 0."));
    // Unsure guesses stay comments.
    CHECK_THAT(draft, Catch::Contains("<!-- not sure enough to use: <field"));

    const std::string path = draft_file(draft);
    const auto errors = extract::lint_templates({path});
    for (const auto& e : errors) FAIL_CHECK(e.str());
    CHECK(errors.empty());

    auto t = bundled();
    auto mine = extract::load_template(path);
    REQUIRE(mine.ok());
    t.push_back(std::move(mine).value());
    const extract::Vocab after(std::move(t), kCriteria);
    const CaseRecord without = record_with(before), with = record_with(after);
    CHECK(without.family_ref.empty());
    CHECK(with.family_ref == "WBC/0193");
    CHECK(without.lead_professional.empty());
    CHECK(with.lead_professional == "Tamsin Ferrell");
    CHECK(with.lead_agency == "Wickhollow Household Support");
    CHECK(without.assessment_started.empty());
    CHECK(with.assessment_started == "2019-02-04");
    CHECK(without.plan_date.empty());
    CHECK(with.plan_date == "2019-02-25");

    // The draft's reference pattern alone finds the reference, with the label's rule taken out.
    auto loaded = extract::load_template(path);
    REQUIRE(loaded.ok());
    CHECK(loaded->date_formats.size() == 1);
    auto no_label = std::move(loaded).value();
    no_label.labels.erase(std::remove_if(no_label.labels.begin(), no_label.labels.end(),
                                         [](const extract::LabelRule& l) { return l.field == "family_ref"; }),
                          no_label.labels.end());
    auto t2 = bundled();
    t2.push_back(std::move(no_label));
    const extract::Vocab by_pattern(std::move(t2), kCriteria);
    const CaseRecord r2 = record_with(by_pattern);
    CHECK(r2.family_ref == "WBC/0193");
    CHECK(r2.sources.at("family_ref").quote == "WBC/0193");
    fs::remove_all(fs::path(path).parent_path());
}

TEST_CASE("suggest: documents with nothing to guess still give a draft that lints", "[suggest]") {
    const extract::Vocab v(bundled(), kCriteria);
    const std::string draft = extract::suggest_template({}, v, "empty");
    CHECK_THAT(draft, Catch::Contains("<template name=\"empty\""));
    CHECK_THAT(draft, Catch::Contains("no council name found"));
    const std::string path = draft_file(draft);
    CHECK(extract::lint_templates({path}).empty());
    fs::remove_all(fs::path(path).parent_path());
}

TEST_CASE("suggest: a date format's order comes from dates that can only be read one way", "[suggest]") {
    const extract::Vocab v(bundled(), kCriteria);
    auto docs_of = [&](const std::vector<std::string>& dates) {
        std::vector<extract::SuggestDoc> docs;
        for (size_t i = 0; i < dates.size(); ++i) {
            const std::string name = "review-" + std::to_string(i) + ".html";
            auto doc = read_document(name, "<html><body><p>Meeting held: " + dates[i] + "</p></body></html>");
            REQUIRE(doc.ok());
            extract::SuggestDoc d{std::move(doc.value()), {}};
            d.facts = extract::extract_document(d.doc, v);
            docs.push_back(std::move(d));
        }
        return docs;
    };
    const std::string month_first = extract::suggest_template(docs_of({"03/04/2019", "11/25/2019"}), v, "m");
    INFO(month_first);
    CHECK_THAT(month_first, Catch::Contains("month first: 11/25/2019 at review-1.html, paragraph 1 can only be month "
                                            "first, sure 0.90 -->\n  <date-format>mm/dd/yyyy</date-format>"));
    const std::string unsure = extract::suggest_template(docs_of({"03/04/19"}), v, "u");
    CHECK_THAT(unsure, Catch::Contains("day first (the UK order) assumed, sure 0.60 -->\n  <date-format>dd/mm/yy"));
    const std::string both = extract::suggest_template(docs_of({"25/11/2019", "11/25/2019"}), v, "b");
    CHECK_THAT(both, Catch::Contains("<!-- not sure enough to use: <date-format>"));
    for (const auto& draft : {month_first, unsure, both}) {
        const std::string path = draft_file(draft);
        for (const auto& e : extract::lint_templates({path})) FAIL_CHECK(e.str());
        fs::remove_all(fs::path(path).parent_path());
    }
}
