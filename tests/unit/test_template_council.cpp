// What a council template can say about its forms beyond labels (templates/README.md, "The
// format"): the order its dates are written in, its family reference's pattern, goal names that
// carry no criterion, and extra measures (with the way they improve) and benefit names. The test
// council is tests/data/council/thornmere.xml (invented) with its bundle thornmere-1.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "app/pipeline.h"
#include "extract/extractor.h"
#include "extract/templates.h"
#include "extract/vocab.h"
#include "extract_test_util.h"
#include "readers/reader.h"

using namespace tfa;
namespace fs = std::filesystem;

namespace {

const std::string kCouncil = std::string(TEST_DATA_DIR) + "/council";
const std::string kBundle = kCouncil + "/thornmere-1";

// The bundled templates, with Thornmere's when `with_council`.
const extract::Vocab& vocab(bool with_council) {
    static const extract::Vocab with = [] {
        auto t = extract::load_templates(test::kRoot + "/templates");
        REQUIRE(t.ok());
        auto mine = extract::load_template(kCouncil + "/thornmere.xml");
        INFO((mine ? "" : mine.error().str()));
        REQUIRE(mine.ok());
        auto all = std::move(t).value();
        all.push_back(std::move(mine).value());
        return extract::Vocab(std::move(all), {{"crime", "Crime and anti-social behaviour"},
                                               {"education", "School attendance"},
                                               {"health", "Health"},
                                               {"worklessness", "Worklessness and financial exclusion"}});
    }();
    return with_council ? with : test::vocab();
}

extract::DocFacts facts(const std::string& path, bool with_council) {
    auto doc = read_document(path);
    REQUIRE(doc.ok());
    return extract::extract_document(doc.value(), vocab(with_council));
}

extract::DocFacts facts_of(const std::string& name, const std::string& content, bool with_council = true) {
    auto doc = read_document(name, content);
    REQUIRE(doc.ok());
    return extract::extract_document(doc.value(), vocab(with_council));
}

CaseRecord bundle(bool with_council) {
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(kBundle)) files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    std::vector<extract::DocFacts> docs;
    for (const auto& f : files) docs.push_back(facts(f, with_council));
    return extract::build_record("thornmere-1", std::move(docs), vocab(with_council));
}

CaseRecord one(const std::string& name, const std::string& content, bool with_council = true) {
    std::vector<extract::DocFacts> docs{facts_of(name, content, with_council)};
    return extract::build_record("one", std::move(docs), vocab(with_council));
}

// A scratch template file with `body` inside <template>; its path.
std::string template_file(const std::string& name, const std::string& body) {
    const fs::path dir = fs::temp_directory_path() / "tfaudit-template-council-test";
    fs::create_directories(dir);
    const std::string path = (dir / (name + ".xml")).string();
    std::ofstream(path) << "<?xml version=\"1.0\"?>\n<template name=\"" << name << "\">\n" << body << "</template>\n";
    return path;
}

const std::string kHeader = "<p>Thornmere Borough Council - Early Help</p>";

}  // namespace

TEST_CASE("council template: the new elements load, and mistakes in them are reported with file and line",
          "[templates][council]") {
    auto t = extract::load_template(kCouncil + "/thornmere.xml");
    REQUIRE(t.ok());
    REQUIRE(t->date_formats.size() == 2);
    CHECK(t->date_formats[0].format.order == dates::Order::MonthDayYear);
    CHECK(t->date_formats[0].pivot == 30);
    CHECK(t->date_formats[1].format.order == dates::Order::YearMonthDay);
    CHECK(t->date_formats[1].format.two_digit_year);
    REQUIRE(t->no_criterion.size() == 2);
    CHECK(t->no_criterion[1].name == "Getting on together");
    CHECK(extract::lint_templates({kCouncil + "/thornmere.xml"}).empty());

    const std::string bad =
        template_file("bad-formats",
                      "  <date-format>dd/mm/yyyy</date-format>\n"                           // 3
                      "  <date-format>mm/dd/yy</date-format>\n"                             // 4
                      "  <date-format>dd/mm</date-format>\n"                                // 5
                      "  <date-format pivot=\"1950\">dd.mm.yy</date-format>\n"              // 6
                      "  <date-format>dd.qq.yyyy</date-format>\n"                           // 7
                      "  <pattern name=\"reference\">\\d*</pattern>\n"                      // 8
                      "  <value of=\"scope\" means=\"dwp\" better=\"higher\">"              // 9
                      "<word>DWP</word></value>\n"                                          //
                      "  <value of=\"measure\" means=\"gym\" better=\"more\">"              // 10
                      "<word>gym</word></value>\n"                                          //
                      "  <value of=\"measure\" means=\"Youth Club\">"                       // 11
                      "<word>youth club</word></value>\n"                                   //
                      "  <no-criterion><goal>Health</goal><name>x</name></no-criterion>\n"  // 12
                      "  <criterion id=\"health\" set=\"tf\"><name>Health</name></criterion>\n"
                      "  <value of=\"measure\" means=\"naps\" better=\"higher\"><word>naps</word></value>\n"
                      "  <value of=\"measure\" means=\"naps\" better=\"lower\"><word>nap</word></value>\n");
    const auto errors = extract::lint_templates({bad});
    std::vector<std::pair<int, std::string>> got;
    for (const auto& e : errors) got.emplace_back(e.line, e.message);
    INFO([&] {
        std::string s;
        for (const auto& e : errors) s += e.str() + "\n";
        return s;
    }());
    auto has = [&](int line, const std::string& words) {
        return std::any_of(got.begin(), got.end(),
                           [&](const auto& g) { return g.first == line && g.second.find(words) != std::string::npos; });
    };
    CHECK(has(4, "reads '/' dates in another order than 'dd/mm/yyyy' on line 3"));
    CHECK(has(5, "needs a day, a month and a year"));
    CHECK(has(6, "pivot must be a two-digit year"));
    CHECK(has(7, "'q' is neither a part"));
    CHECK(has(8, "matches empty text"));
    CHECK(has(9, "better=\"higher\" is for measures"));
    CHECK(has(10, "better must be 'higher' or 'lower'"));
    CHECK(has(11, "measure name 'Youth Club' must be lower-case"));
    CHECK(has(12, "unknown element <name> in <no-criterion>"));
    CHECK(has(12, "goal 'Health' is listed as carrying no criterion and is also the name of criterion 'health'"));
    CHECK(has(15, "measure 'naps' is better lower here and better higher in"));
    CHECK(errors.front().str().rfind(bad + ":", 0) == 0);
}

TEST_CASE("council template: a direction given both ways by two templates is a load error", "[templates][council]") {
    const fs::path dir = fs::temp_directory_path() / "tfaudit-template-council-dirs";
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::ofstream((dir / "a.xml").string())
        << "<template name=\"a\"><value of=\"measure\" means=\"incidents\" better=\"lower\"><word>incidents</word>"
           "</value></template>\n";
    std::ofstream((dir / "b.xml").string())
        << "<template name=\"b\"><match><contains>B Council</contains></match>"
           "<value of=\"measure\" means=\"incidents\" better=\"higher\"><word>call-outs</word></value></template>\n";
    const auto t = extract::load_templates(dir.string());
    REQUIRE_FALSE(t.ok());
    CHECK_THAT(t.error().message, Catch::Contains("measure 'incidents' is better higher here and better lower in"));
    CHECK(extract::lint_templates({dir.string()}).size() == 1);
    fs::remove_all(dir);
}

TEST_CASE("council template: dates are read in the order the council declares, only in its documents",
          "[templates][council][dates]") {
    const std::string body = "<h1>Family Plan</h1><p>Plan date: 04/03/2019</p>";
    // Thornmere's documents write month first; another council's the same text is day first.
    CHECK(one("p.html", test::html(kHeader + body, "Family Plan")).plan_date == "2019-04-03");
    CHECK(one("p.html", test::html(body, "Family Plan")).plan_date == "2019-03-04");
    CHECK(one("p.html", test::html(kHeader + body, "Family Plan"), false).plan_date == "2019-03-04");
    // A date impossible in the declared order is flagged, never read day first.
    const auto bad =
        one("p.html", test::html(kHeader + "<h1>Family Plan</h1><p>Plan date: 25/03/2019</p>", "Family Plan"));
    CHECK(bad.plan_date.empty());
    REQUIRE(bad.unreadable.size() == 1);
    CHECK_THAT(bad.unreadable[0].reason, Catch::StartsWith("impossible date '25/03/2019'"));
    CHECK(bad.state("plan_date") == FieldState::Unreadable);

    const CaseRecord r = bundle(true);
    CHECK(r.plan_date == "2019-04-03");
    REQUIRE(r.plan_outcomes.size() == 2);
    REQUIRE(r.plan_outcomes[0].actions.size() == 1);
    CHECK(r.plan_outcomes[0].actions[0].by_when == "2019-05-31");
    REQUIRE(r.reviews.size() == 1);
    CHECK(r.reviews[0].date == "2019-06-12");  // yy.mm.dd
    // Without the template, 05/31/2019 is no date and 19.06.12 is 19 June 2012.
    const CaseRecord plain = bundle(false);
    CHECK(plain.plan_date == "2019-03-04");
    REQUIRE(plain.reviews.size() == 1);
    CHECK(plain.reviews[0].date == "2012-06-19");
}

TEST_CASE("council template: the reference pattern finds the family reference in documents and file names",
          "[templates][council]") {
    const auto f = facts(kBundle + "/TBC-KD42 family plan.html", true);
    CHECK(f.name_ref == "TBC-KD42");
    const extract::Hit* h = f.hit("family_ref");
    REQUIRE(h);
    CHECK(h->value == "TBC-KD42");
    CHECK(h->src.where == "paragraph 3");
    CHECK_THAT(extract::explain(f), Catch::Contains("reference pattern thornmere ("));
    CHECK_THAT(extract::explain(f), Catch::Contains("  dates: '.' dates year, month, day; '/' dates month, day, year; "
                                                    "two-digit years up to 30 are 20yy\n"));
    // The generic rule does not take "TBC-KD42" (two digits) for a reference.
    CHECK(extract::reference_in_name("TBC-KD42 family plan.html").empty());
    CHECK(facts(kBundle + "/TBC-KD42 family plan.html", false).hit("family_ref") == nullptr);

    CHECK(bundle(true).family_ref == "TBC-KD42");
    CHECK(bundle(false).family_ref.empty());

    // Documents that do not carry it in their text: the reference their file names share.
    std::vector<extract::DocFacts> docs;
    for (const char* name : {"TBC-MR07 review 2.html", "TBC-MR07 review 3.html"})
        docs.push_back(facts_of(name, test::html(kHeader + "<h1>Review</h1><p>Review date: 19.09.02</p>", "Review")));
    const CaseRecord r = extract::build_record("c", std::move(docs), vocab(true));
    CHECK(r.family_ref == "TBC-MR07");
    CHECK(r.sources.at("family_ref").where == "file name");
    // A file name that is not UTF-8 gives no reference from the pattern, and no failure.
    CHECK(facts_of("TBC-MR07 \xff\xfe.html", test::html(kHeader + "<p>x</p>")).name_ref.empty());
    // The pattern must stand alone: not inside a longer word.
    CHECK(facts_of("x.html", test::html(kHeader + "<p>See XTBC-MR071 only</p>")).hit("family_ref") == nullptr);
}

TEST_CASE("council template: a goal it names as carrying no criterion gets none, even with a cue word in it",
          "[templates][council]") {
    const CaseRecord r = bundle(true);
    REQUIRE(r.plan_outcomes.size() == 2);
    CHECK(r.plan_outcomes[0].need == "Family life");
    CHECK(r.plan_outcomes[0].criterion.empty());
    CHECK(r.plan_outcomes[1].criterion == "education");
    // The review row repeating that goal links to it, and so has no criterion either.
    REQUIRE(r.reviews.size() == 1);
    REQUIRE(r.reviews[0].outcomes.size() == 2);
    CHECK(r.reviews[0].outcomes[0].criterion.empty());
    CHECK(r.reviews[0].outcomes[1].criterion == "education");
    // Without the template the cue word "school" in the goal labels it education.
    const CaseRecord plain = bundle(false);
    REQUIRE(plain.plan_outcomes.size() == 2);
    CHECK(plain.plan_outcomes[0].criterion == "education");
    // A criterion column still names one; a heading "Getting on together: ..." does not.
    CHECK(vocab(true).carries_no_criterion("Getting on together (parents)"));
    CHECK_FALSE(vocab(true).carries_no_criterion("Getting on at school"));
}

TEST_CASE("council template: a declared measure keeps its name and direction, and benefit names give their key",
          "[templates][council]") {
    const CaseRecord r = bundle(true);
    REQUIRE(r.evidence.size() >= 4);
    CHECK(r.evidence[0].measure == "youth_club_sessions");
    CHECK(r.evidence[0].better == "higher");
    CHECK(r.evidence[1].value == "9");
    CHECK(r.evidence[2].measure == "benefit");
    CHECK(r.evidence[2].value == "UC");  // "Credyd Cynhwysol", by the council's word
    CHECK(r.evidence[3].value == "UC");  // "Universal Credit", by the shared vocabulary
    CHECK(r.evidence[2].better.empty());
    // The shared vocabulary gives the built-in measures their direction.
    const CaseRecord csv = one("e.csv",
                               "member,measure,period start,period end,value\r\n"
                               "Mia,Attendance (%),01/09/2019,20/12/2019,94.5%\r\n"
                               "Mia,ASB incidents,01/09/2019,20/12/2019,0\r\n"
                               "Mia,Benefit,01/09/2019,20/12/2019,Jobseeker's Allowance\r\n",
                               false);
    REQUIRE(csv.evidence.size() == 4);  // and the benefit_end its period end gives
    CHECK(csv.evidence[0].better == "higher");
    CHECK(csv.evidence[1].better == "lower");
    CHECK(csv.evidence[2].value == "JSA");
    // Without the council's template, its measure is the words as written, with no direction.
    const CaseRecord plain = bundle(false);
    CHECK(plain.evidence[0].measure == "youth club sessions");
    CHECK(plain.evidence[0].better.empty());
}

TEST_CASE("council template: a flat folder is grouped by the references its pattern finds in file names",
          "[templates][council]") {
    const fs::path dir = fs::temp_directory_path() / "tfaudit-template-council-flat";
    fs::remove_all(dir);
    fs::create_directories(dir / "templates");
    fs::create_directories(dir / "cases");
    fs::copy_file(kCouncil + "/thornmere.xml", dir / "templates" / "thornmere.xml");
    fs::copy_file(kBundle + "/TBC-KD42 family plan.html", dir / "cases" / "TBC-KD42 family plan.html");
    fs::copy_file(kBundle + "/TBC-KD42 review 1.html", dir / "cases" / "TBC-KD42 review 1.html");
    // Family MR07's documents carry its reference only in their file names.
    for (const char* n : {"TBC-MR07 review 2.html", "TBC-MR07 review 3.html"})
        std::ofstream((dir / "cases" / n).string())
            << test::html(kHeader + "<h1>Review</h1><p>Review date: 19.09.02</p>", "Review");
    // A CSV names no council: its bundle's council template applies, month-first dates and all.
    std::ofstream((dir / "cases" / "TBC-MR07 data.csv").string())
        << "Member,Measure,Period start,Period end,Value\r\nJay,Youth club sessions,06/01/2019,09/30/2019,7\r\n";
    app::PipelineOptions po;
    po.templates_dir = (dir / "templates").string();  // council templates only: added to the bundled ones
    po.criteria = {{"crime", "Crime"}, {"education", "Education"}};
    std::vector<CaseRecord> cases;
    const Status s =
        app::for_each_case({(dir / "cases").string()}, po, [&](CaseRecord&& r) { cases.push_back(std::move(r)); });
    REQUIRE_FALSE(s);
    std::sort(cases.begin(), cases.end(),
              [](const CaseRecord& a, const CaseRecord& b) { return a.case_name < b.case_name; });
    REQUIRE(cases.size() == 2);
    CHECK(cases[0].case_name == "TBC-KD42");
    CHECK(cases[0].files.size() == 2);
    CHECK(cases[1].case_name == "TBC-MR07");
    CHECK(cases[1].family_ref == "TBC-MR07");
    CHECK(cases[1].files.size() == 3);
    REQUIRE(cases[1].evidence.size() == 1);
    CHECK(cases[1].evidence[0].period_start == "2019-06-01");
    CHECK(cases[1].evidence[0].period_end == "2019-09-30");
    fs::remove_all(dir);
}
