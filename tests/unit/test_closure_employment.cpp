// A closure's employment section fills the hard data a CSV's benefit and work rows fill, with
// the same field states, and the employment route judges both alike (issue 10, item 1).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract_test_util.h"
#include "rules/check.h"
#include "rules_test_util.h"

using namespace tfa;
using tfa::test::html;
using tfa::test::vocab;

namespace {

CaseRecord bundle(std::vector<std::pair<std::string, std::string>> docs) {
    std::vector<extract::DocFacts> facts;
    for (const auto& [name, content] : docs) facts.push_back(test::facts_of(name, content));
    return extract::build_record("case", std::move(facts), vocab());
}

// An assessment of 1 August 2019: Dana Price (an adult) and her son.
const std::pair<std::string, std::string> kAssessment{
    "01 assessment.html", html("<p>Family ID: QA-1</p><p>Date assessment completed: 01/08/2019</p>"
                               "<table><tr><th>Name</th><th>Relationship</th><th>Date of birth</th></tr>"
                               "<tr><td>Dana Price</td><td>Mother</td><td>12/03/1985</td></tr>"
                               "<tr><td>Leo Price</td><td>Son</td><td>04/06/2010</td></tr></table>")};

// A closure of 16 March 2020 with `body` after its date and reason.
std::pair<std::string, std::string> closure(const std::string& body) {
    return {"03 closure.html", html("<p>Family ID: QA-1</p><p>Closure date: 16/03/2020</p>"
                                    "<p>Reason for closure: Outcomes achieved</p>" +
                                        body,
                                    "Case Closure Summary")};
}

const char* kIntoWork =
    "<h2>Into work</h2><p>Adult: Dana Price</p><p>Benefit claimed before: Jobseeker's Allowance</p>"
    "<p>Date started work: 02.09.19</p><p>Employer: Tidewell Foods</p><p>Weeks in work: 26</p>";

const Evidence* row(const CaseRecord& r, const std::string& measure) {
    for (const auto& e : r.evidence)
        if (e.measure == measure) return &e;
    return nullptr;
}

rules::Status employment_status(const CaseRecord& r) {
    static const rules::RulePack p = test::pack("tf-2015");
    // The rule's own finding, before the routes (another route may make it not applicable).
    return test::finding(rules::judge_rules(p, r, test::as_of(), nullptr), "TF-EMPLOYMENT").status;
}

}  // namespace

TEST_CASE("closure employment: 'Label: value' paragraphs under 'Into work' give the benefit and work rows",
          "[extract][employment]") {
    const auto r = bundle({kAssessment, closure(kIntoWork)});
    REQUIRE(r.evidence.size() == 4);
    const Evidence* b = row(r, "benefit");
    REQUIRE(b);
    CHECK(b->member == "Dana Price");
    CHECK(b->criterion == "worklessness");
    CHECK(b->value == "Jobseeker's Allowance");
    CHECK(b->period_end == "2019-09-02");  // left for work: the benefit ended when work began
    REQUIRE(row(r, "benefit_end"));
    CHECK(row(r, "benefit_end")->value == "2019-09-02");
    REQUIRE(row(r, "employment_start"));
    CHECK(row(r, "employment_start")->value == "2019-09-02");
    const Evidence* w = row(r, "weeks_in_work");
    REQUIRE(w);
    CHECK(w->value == "26");
    CHECK(w->period_start == "2019-09-02");
    CHECK(w->period_end == "2020-03-16");  // counted to the closure's date
    // Every row cites the closure, quoting the whole entry (the employer with it).
    for (const auto& e : r.evidence) {
        CHECK(e.src.file == "03 closure.html");
        CHECK_THAT(e.src.quote, Catch::Contains("Employer: Tidewell Foods"));
    }
    CHECK(r.state("evidence") == FieldState::Found);
}

TEST_CASE("closure employment: the employment route judges a closure's section as it judges a CSV",
          "[extract][employment][rules]") {
    const auto from_closure = bundle({kAssessment, closure(kIntoWork)});
    const auto from_csv = bundle({kAssessment,
                                  closure(""),
                                  {"hard data.csv",
                                   "Criterion,Family member,Measure,Period start,Period end,Value\n"
                                   "Worklessness,Dana Price,Benefit,2018-01-01,2019-09-02,JSA\n"
                                   "Worklessness,Dana Price,Employment start date,,,2019-09-02\n"
                                   "Worklessness,Dana Price,Weeks in work,2019-09-02,2020-03-16,26\n"}});
    CHECK(employment_status(from_csv) == rules::Status::Pass);
    CHECK(employment_status(from_closure) == rules::Status::Pass);
    // Without the section the route has nothing to go on.
    CHECK(employment_status(bundle({kAssessment, closure("")})) == rules::Status::Fail);
    // Too few weeks fail in both.
    std::string short_weeks = kIntoWork;
    short_weeks.replace(short_weeks.find("Weeks in work: 26"), 17, "Weeks in work: 20 weeks");
    const auto short_closure = bundle({kAssessment, closure(short_weeks)});
    CHECK(row(short_closure, "weeks_in_work")->value == "20");
    CHECK(employment_status(short_closure) == rules::Status::Fail);
}

TEST_CASE("closure employment: a label/value table under an 'Employment' heading, the adult named with a role",
          "[extract][employment]") {
    const auto r = bundle({kAssessment, closure("<h2>Employment</h2><table>"
                                                "<tr><td>Adult</td><td>Dana Price (mother)</td></tr>"
                                                "<tr><td>Benefit claimed before</td><td>Universal Credit</td></tr>"
                                                "<tr><td>Date benefit ended</td><td>30/08/2019</td></tr>"
                                                "<tr><td>Date started work</td><td>02/09/2019</td></tr>"
                                                "<tr><td>Employer</td><td>Tidewell Foods</td></tr>"
                                                "<tr><td>Weeks in work</td><td>27</td></tr></table>")});
    REQUIRE(row(r, "benefit"));
    CHECK(row(r, "benefit")->member == "Dana Price");
    CHECK(row(r, "benefit")->value == "Universal Credit");
    CHECK(row(r, "benefit_end")->value == "2019-08-30");  // the date the section gives
    CHECK(row(r, "employment_start")->value == "2019-09-02");
    CHECK(row(r, "weeks_in_work")->value == "27");
    CHECK_THAT(row(r, "benefit")->src.where, Catch::Contains("table"));
    CHECK(employment_status(r) == rules::Status::Pass);
}

TEST_CASE("closure employment: two adults are two entries", "[extract][employment]") {
    const auto r = bundle({kAssessment, closure("<h2>Into work</h2><p>Adult: Dana Price</p><p>Benefit: ESA</p>"
                                                "<p>Start date: 02.09.19</p><p>Weeks worked: 14</p>"
                                                "<p>Adult: Sam Price</p><p>Benefit: JSA</p>"
                                                "<p>Start date: 07.10.19</p>")});
    std::vector<std::string> who;
    for (const auto& e : r.evidence)
        if (e.measure == "employment_start") who.push_back(e.member + " " + e.value);
    CHECK(who == std::vector<std::string>{"Dana Price 2019-09-02", "Sam Price 2019-10-07"});
}

TEST_CASE("closure employment: field states as for other fields", "[extract][employment][states]") {
    // No section anywhere: not found.
    CHECK(bundle({kAssessment, closure("")}).state("evidence") == FieldState::NotFound);
    // The labels are there, their values empty: blank, the source the closure's label.
    const auto blank = bundle({kAssessment, closure("<h2>Into work</h2><table><tr><td>Adult</td><td></td></tr>"
                                                    "<tr><td>Date started work</td><td>TBC</td></tr></table>")});
    CHECK(blank.evidence.empty());
    CHECK(blank.state("evidence") == FieldState::Blank);
    REQUIRE(blank.sources.count("evidence"));
    CHECK(blank.sources.at("evidence").file == "03 closure.html");
    // The closure answers that no adult moved into work: no.
    const auto no = bundle({kAssessment, closure("<table><tr><td>Has an adult moved into work?</td><td>No</td></tr>"
                                                 "</table>")});
    CHECK(no.evidence.empty());
    CHECK(no.state("evidence") == FieldState::No);
    // "Yes" names no one (not an adult called "Yes"): the entry's other fields give the rows.
    const auto yes = bundle({kAssessment, closure("<h2>Into work</h2><table>"
                                                  "<tr><td>Has an adult moved into work?</td><td>Yes</td></tr>"
                                                  "<tr><td>Benefit</td><td>JSA</td></tr>"
                                                  "<tr><td>Date started work</td><td>02.09.19</td></tr></table>")});
    REQUIRE(row(yes, "benefit"));
    CHECK(row(yes, "benefit")->member.empty());
    CHECK(yes.state("evidence") == FieldState::Found);
    // An impossible start date: unreadable, and listed.
    const auto bad =
        bundle({kAssessment, closure("<h2>Into work</h2><p>Adult: Dana Price</p>"
                                     "<p>Benefit claimed before: JSA</p><p>Date started work: 31.04.19</p>")});
    CHECK(bad.state("evidence") == FieldState::Unreadable);
    REQUIRE_FALSE(bad.unreadable.empty());
    CHECK_THAT(bad.unreadable.back().reason, Catch::Contains("31.04.19"));
}

TEST_CASE("closure employment: the labels mean nothing outside the section or outside a closure",
          "[extract][employment]") {
    // The same lines with no employment heading.
    std::string no_heading = kIntoWork;
    no_heading.erase(0, std::string("<h2>Into work</h2>").size());
    CHECK(bundle({kAssessment, closure(no_heading)}).evidence.empty());
    // An assessment's employment section is history, not the outcome: not read, and no state.
    const auto r = bundle({{"01 assessment.html", html(std::string("<p>Family ID: QA-1</p>") + kIntoWork)}});
    CHECK(r.evidence.empty());
    CHECK(r.state("evidence") == FieldState::NotFound);
}
