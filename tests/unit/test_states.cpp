// Field states (found, blank, no, not_found, unreadable), the verdicts that follow from them,
// and the generic reading that decides them: statement labels, criteria answered Yes/No by
// name or theme, types from file names, blank label/value rows. Documents are written here.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "extract_test_util.h"
#include "core/calendar.h"
#include "model/record_json.h"
#include "rules/check.h"
#include "rules/relies.h"
#include "status_words.h"

using namespace tfa;
using test::html;
using test::record_of;
using test::vocab;

namespace {

rules::RulePack tf2015() {
    auto p = rules::load_pack("tf-2015", test::kRoot + "/rules");
    REQUIRE(p.ok());
    return p.value();
}

const rules::Finding& finding(const rules::CaseResult& r, const std::string& id) {
    for (const auto& f : r.findings)
        if (f.rule == id) return f;
    FAIL("no finding " << id);
    return r.findings.front();
}

CaseRecord bundle(std::vector<std::pair<std::string, std::string>> docs) {
    std::vector<extract::DocFacts> facts;
    for (const auto& [name, content] : docs) facts.push_back(test::facts_of(name, content));
    return extract::build_record("case", std::move(facts), vocab());
}

}  // namespace

TEST_CASE("states: found, blank, no and not_found for scalar fields", "[states]") {
    const auto r = record_of("a.html", html("<table><tr><td>Family ID</td><td>FF-0042</td></tr>"
                                            "<tr><td>Lead professional</td><td></td></tr>"
                                            "<tr><td>Agency</td><td>TBC</td></tr>"
                                            "<tr><td>Consent given</td><td>No</td></tr></table>"));
    CHECK(r.state("family_ref") == FieldState::Found);
    CHECK(r.state("lead_professional") == FieldState::Blank);
    CHECK(r.state("lead_agency") == FieldState::Blank);  // "TBC" is a non-answer
    CHECK(r.lead_agency.empty());
    CHECK(r.state("consent_given") == FieldState::No);
    CHECK(r.state("manager") == FieldState::NotFound);
    // A blank field's source is its empty label.
    CHECK(r.sources.at("lead_professional").where == "table 1, row 2, cell 2");
}

TEST_CASE("states: unanswered tick boxes are blank, and an unreadable document makes the rest unreadable", "[states]") {
    const auto r = record_of("a.html", html("<p>Consent given: &#9744; Yes &#9744; No</p>"));
    CHECK(!r.consent_given);
    CHECK(r.state("consent_given") == FieldState::Blank);

    std::vector<extract::DocFacts> facts{
        test::facts_of("a.html", html("<p>Family ID: FF-1</p>")),
        extract::unreadable_document("scan.pdf", "no text layer: cannot be read without OCR")};
    const auto u = extract::build_record("case", std::move(facts), vocab());
    CHECK(u.state("family_ref") == FieldState::Found);
    CHECK(u.state("lead_professional") == FieldState::Unreadable);
}

TEST_CASE("states: an impossible date makes its field unreadable", "[states]") {
    const auto r = record_of("a.html", html("<p>Date of assessment: 31/02/2019</p>"));
    CHECK(r.state("assessment_date") == FieldState::Unreadable);
    CHECK(r.unreadable.size() == 1);
}

TEST_CASE("states: the JSON round trip keeps states, warnings, unrecognised documents and row sources", "[states]") {
    auto r = bundle({{"a.html", html("<p>Family ID: FF-7</p><p>Lead professional:</p>")},
                     {"notes.html", html("<p>Colour of door: blue</p>", "Notes")}});
    r.warnings.push_back({"a.html", "page 2", "no text layer: cannot be read without OCR"});
    REQUIRE(r.unrecognised.size() == 1);
    CHECK(r.unrecognised[0].file == "notes.html");
    CHECK(r.unrecognised[0].labels == std::vector<std::string>{"Colour of door"});
    const std::string json = to_json(r, 0, true, true);
    auto back = records_from_json("r.json", json);
    REQUIRE(back.ok());
    REQUIRE(back.value().size() == 1);
    CHECK(to_json(back.value()[0], 0, true, true) == json);
    CHECK(back.value()[0].state("lead_professional") == FieldState::Blank);
}

TEST_CASE("verdict: a blocker failing on a field tfaudit could not find is needs_review, in words",
          "[states][verdict]") {
    // The assessment names no lead professional in any way tfaudit knows; one document is of
    // no recognised type.
    const auto r =
        bundle({{"01 assessment.html", html("<p>Family ID: FF-9</p><p>Person holding the case: Ada Byrne</p>")},
                {"notes.html", html("<p>Person holding the case: Ada Byrne</p>", "Notes")}});
    CHECK(r.state("lead_professional") == FieldState::NotFound);
    const auto res = rules::check_case(tf2015(), r, *cal::parse("2020-06-30"), nullptr);
    const auto& f = finding(res, "TF-LEAD");
    CHECK(f.status == rules::Status::NeedsReview);
    CHECK_THAT(f.message, Catch::Contains("could not find the lead professional in any of the 2 documents"));
    CHECK_THAT(
        f.message,
        Catch::Contains("1 document was of no type tfaudit recognises: notes.html (labels: Person holding the case)"));
    CHECK_THAT(f.message, Catch::Contains("add the label to its template"));
}

TEST_CASE("verdict: a blank field and an absent document still fail on evidence", "[states][verdict]") {
    const auto r =
        bundle({{"01 assessment.html", html("<table><tr><td>Family ID</td><td>FF-9</td></tr>"
                                            "<tr><td>Lead professional</td><td>To be allocated</td></tr></table>")}});
    const auto res = rules::check_case(tf2015(), r, *cal::parse("2020-06-30"), nullptr);
    CHECK(finding(res, "TF-LEAD").status == rules::Status::Fail);
    // Every document recognised and none is a plan: the plan is absent, not unread.
    CHECK(finding(res, "TF-PLAN").status == rules::Status::Fail);
    CHECK(res.verdict == rules::Verdict::NotClaimable);
}

TEST_CASE("verdict: a missing document is needs_review when some document was not recognised", "[states][verdict]") {
    const auto r = bundle({{"01 assessment.html", html("<p>Family ID: FF-9</p><p>Lead professional: Ada Byrne</p>")},
                           {"misc.html", html("<p>Goal one: fewer arguments</p>", "Working together")}});
    const auto res = rules::check_case(tf2015(), r, *cal::parse("2020-06-30"), nullptr);
    const auto& f = finding(res, "TF-PLAN");
    CHECK(f.status == rules::Status::NeedsReview);
    CHECK_THAT(f.message, Catch::Contains("found no plan among the 2 documents"));
}

TEST_CASE("verdict: closure outcomes from a table whose achieved column was not understood are not 'not achieved'",
          "[states][verdict]") {
    // "Outcome reached?" is no achieved column tfaudit knows: the rows are found, whether each
    // was achieved is not, and progress is for a person to decide, not a fail.
    auto closure = [](const std::string& header) {
        return html("<p>Family ID: FF-9</p><p>Closure date: 01/10/2019</p><table><tr><th>Criterion</th><th>" + header +
                        "</th><th>Evidence</th></tr><tr><td>School attendance</td><td>Yes</td>"
                        "<td>95% attendance</td></tr></table>",
                    "Closure Summary");
    };
    const std::string assessment =
        html("<p>Family ID: FF-9</p><h2>Headline criteria</h2><p>School attendance: Yes - 71% this term</p>");
    const auto unknown = bundle({{"assessment.html", assessment}, {"closure.html", closure("Outcome reached?")}});
    REQUIRE(unknown.closure_outcomes.size() == 1);
    CHECK_FALSE(unknown.closure_outcomes[0].achieved.has_value());
    CHECK(unknown.state("closure_outcomes") == FieldState::NotFound);
    const auto res = rules::check_case(tf2015(), unknown, *cal::parse("2020-06-30"), nullptr);
    CHECK(finding(res, "TF-PROGRESS").status == rules::Status::NeedsReview);
    CHECK(finding(res, "TF-PROGRESS").undecided);
    // The same table with a header tfaudit knows: found, and the answer read.
    const auto known = bundle({{"assessment.html", assessment}, {"closure.html", closure("Achieved")}});
    const auto known_res = rules::check_case(tf2015(), known, *cal::parse("2020-06-30"), nullptr);
    CHECK(finding(known_res, "TF-PROGRESS").status == rules::Status::Pass);
    CHECK(known.state("closure_outcomes") == FieldState::Found);
    REQUIRE(known.closure_outcomes.size() == 1);
    CHECK(known.closure_outcomes[0].achieved == std::optional<bool>(true));
}

TEST_CASE("reading: a long consent statement is a label for the answer after it", "[states][extract]") {
    auto r = record_of("a.html", html("<p>I consent to my information being shared with government departments (DWP) "
                                      "for the national evaluation of the programme: Yes</p>"));
    CHECK(r.consent_given == std::optional<bool>(true));
    CHECK(r.state("consent_scope") == FieldState::Found);
    r = record_of("b.html",
                  html("<p>Consent to share information with government departments: &#9746; Yes &#9744; No</p>"));
    CHECK(r.consent_given == std::optional<bool>(true));
    r = record_of("c.html",
                  html("<p>I agree to my information being shared with DWP and local partners:</p><p>No</p>"));
    CHECK(r.consent_given == std::optional<bool>(false));
}

TEST_CASE("reading: criteria named by theme or name and answered Yes/No in an assessment", "[states][extract]") {
    const auto r = record_of("a.html", html("<p>Staying safe in the community: Yes – 3 ASB reports in six months</p>"
                                            "<p>Getting a good education: No</p>"
                                            "<table><tr><td>Living well</td><td>Yes - low mood</td></tr>"
                                            "<tr><td>Domestic violence and abuse</td><td>No</td></tr></table>"));
    CHECK(r.criteria == std::vector<std::string>{"crime", "health"});
    REQUIRE(r.identified.size() == 2);
    CHECK(r.identified[0].evidence == "3 ASB reports in six months");
    CHECK(r.state("criteria") == FieldState::Found);
    // A cue word ("police") in a Yes line is not a criterion's name.
    const auto c = record_of("b.html", html("<p>Police involvement: Yes</p>"));
    CHECK(c.criteria.empty());
}

TEST_CASE("reading: the document type from the file name when no title names it", "[states][extract]") {
    const auto r = bundle({{"Smith - TAF meeting 3.html", html("<p>Date: 1 May 2019</p>", "")},
                           {"case-closure-summary.html", html("<p>Family ID: FF-1</p>", "")},
                           {"plan_WM-1.html", html("<p>Family ID: FF-1</p>", "")}});
    std::map<std::string, std::string> type_of, from;
    for (size_t i = 0; i < r.files.size(); ++i) {
        type_of[r.files[i]] = r.doc_types[i];
        from[r.files[i]] = r.doc_type_from[i];
    }
    CHECK(type_of["Smith - TAF meeting 3.html"] == "review");
    CHECK(type_of["case-closure-summary.html"] == "closure");
    CHECK(type_of["plan_WM-1.html"] == "plan");
    CHECK(from["plan_WM-1.html"] == "file name");
}

TEST_CASE("templates: a label naming both a section and a field is an error with its line", "[states][templates]") {
    const auto dir = std::filesystem::temp_directory_path() / ("tfa-lint-dup-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = (dir / "x.xml").string();
    std::ofstream(path) << "<template name=\"x\">\n<field name=\"manager\"><label>Sign-off</label></field>\n"
                           "<section name=\"manager\"><label>Sign-off</label></section>\n</template>\n";
    const auto errors = extract::lint_templates({path});
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].line == 3);
    CHECK_THAT(errors[0].message, Catch::Contains("names both section 'manager' and field 'manager'"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("reading: a PDF closure with wrapped, vertically centred cells and stacked tables",
          "[states][extract][pdf]") {
    // tests/data/pdf/make-layout-fixtures.py: no borders, a two-line value around its label, a
    // header whose cells wrap, an outcome whose name wraps.
    std::ifstream in(test::kRoot + "/tests/data/pdf/wrapped-cells.pdf", std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto r = record_of("wrapped-cells.pdf", bytes);
    CHECK(r.closure_reason == "Needs met - stepped down to universal services");
    CHECK(r.lead_professional == "Ada Byrne");
    REQUIRE(r.closure_outcomes.size() == 3);
    CHECK(r.closure_outcomes[1].criterion == "worklessness");
    CHECK(r.closure_outcomes[1].achieved == std::optional<bool>(true));
    CHECK(r.closure_outcomes[1].date_achieved == "2019-05-08");
    CHECK(r.closure_outcomes[1].sustained_since == "2019-05-08");
    CHECK(r.closure_outcomes[2].achieved == std::optional<bool>(false));
}

TEST_CASE("reading: a borderless PDF table with one row, a header cell filled to its edge and centred cells",
          "[states][extract][pdf]") {
    // tests/data/pdf/make-layout-fixtures.py: with one outcome, no second row confirms the
    // columns; the header's wrapped and edge-filled cells and the wrapped outcome name must.
    std::ifstream in(test::kRoot + "/tests/data/pdf/one-row.pdf", std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto r = record_of("one-row.pdf", bytes);
    CHECK(r.closure_date == "2019-10-02");
    REQUIRE(r.closure_outcomes.size() == 1);
    CHECK(r.closure_outcomes[0].criterion == "education");
    CHECK(r.closure_outcomes[0].achieved == std::optional<bool>(true));
    CHECK(r.closure_outcomes[0].date_achieved == "2019-03-06");
    CHECK(r.closure_outcomes[0].sustained_since == "2019-03-06");
}

TEST_CASE("reading: hard data rows give the benefit's end and the start of work, and a Theme column its criterion",
          "[states][extract]") {
    const auto r =
        record_of("hard data.csv",
                  "Theme,Person,Indicator,Start,End,Result\n"
                  "Improving living standards,Jo Bloggs,Out of work benefit,2018-01-07,2018-08-27,JSA\n"
                  "Improving living standards,Jo Bloggs,Employment,2018-08-28,2019-03-27,employed - a bakery\n");
    REQUIRE(r.evidence.size() == 3);
    CHECK(r.evidence[0].criterion == "worklessness");
    CHECK(r.evidence[0].measure == "benefit");
    CHECK(r.evidence[1].measure == "employment_start");
    CHECK(r.evidence[1].value == "2018-08-28");
    CHECK(r.evidence[2].measure == "benefit_end");
    CHECK(r.evidence[2].value == "2018-08-27");
}

TEST_CASE("reading: several actions in one plan cell, and achieved cells holding a date or leading words",
          "[states][extract]") {
    const auto r = bundle(
        {{"plan.html",
          html("<table><tr><th>Goal</th><th>Steps</th><th>Who will help</th><th>When</th></tr>"
               "<tr><td>Fewer ASB reports</td><td><p>- Refer to youth worker</p><p>- Boxing club</p></td>"
               "<td><p>YJS</p><p>Family worker</p></td><td><p>05.11.18</p><p>03.12.18</p></td></tr></table>",
               "Family Plan")},
         {"closure.html", html("<table><tr><th>Goal</th><th>Achieved?</th><th>Evidence</th></tr>"
                               "<tr><td>Fewer ASB reports</td><td>14/02/2019</td><td>No reports</td></tr></table>"
                               "<table><tr><th>Goal</th><th>Goal met?</th></tr>"
                               "<tr><td>Fewer ASB reports</td><td>Met - no concerns since</td></tr></table>",
                               "Closure Summary")}});
    REQUIRE(r.plan_outcomes.size() == 1);
    REQUIRE(r.plan_outcomes[0].actions.size() == 2);
    CHECK(r.plan_outcomes[0].actions[1].what == "Boxing club");
    CHECK(r.plan_outcomes[0].actions[1].who == "Family worker");
    CHECK(r.plan_outcomes[0].actions[1].by_when == "2018-12-03");
    REQUIRE(r.closure_outcomes.size() == 2);
    CHECK(r.closure_outcomes[0].achieved == std::optional<bool>(true));
    CHECK(r.closure_outcomes[0].date_achieved == "2019-02-14");
    CHECK(r.closure_outcomes[1].achieved == std::optional<bool>(true));
}

TEST_CASE("verdict: a page the PDF reader could not read makes the case needs_review, cause reader_warning",
          "[states][verdict]") {
    std::ifstream in(test::kRoot + "/tests/data/pdf/mixed.pdf", std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto r = record_of("mixed.pdf", bytes);
    REQUIRE(!r.warnings.empty());
    CHECK(r.warnings[0].where == "page 3");
    CHECK_THAT(r.warnings[0].message, Catch::Contains("no text layer"));
    const auto res = rules::check_case(tf2015(), r, *cal::parse("2020-06-30"), nullptr);
    CHECK(res.verdict == rules::Verdict::NeedsReview);
    CHECK(res.review_cause == rules::ReviewCause::ReaderWarning);
    REQUIRE(!res.errors.empty());
    CHECK_THAT(res.errors[0].error, Catch::StartsWith("reader warning: page 3: no text layer"));
    CHECK(r.warnings[0].loses_content);
}

TEST_CASE(
    "verdict: the reader says whether a warning lost content, and a note that lost nothing is no cause for review",
    "[states][verdict]") {
    // An encoding fallback reads every byte: the record keeps the note, the case is not held.
    const auto r = record_of("notes.txt", "Family reference: FR-1\nNotes: caf\xE9 visit\n");
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].message == "not UTF-8: read as Windows-1252");
    CHECK_FALSE(r.warnings[0].loses_content);
    const auto res = rules::check_case(tf2015(), r, *cal::parse("2020-06-30"), nullptr);
    for (const auto& e : res.errors) CHECK_THAT(e.error, !Catch::Contains("reader warning"));
    // The flag survives the record's JSON; a record written without it is read as losing content.
    std::string json = to_json(r);
    CHECK_THAT(json, Catch::Contains("\"loses_content\": false"));
    auto back = records_from_json("r.json", json);
    REQUIRE(back.ok());
    REQUIRE(back.value().size() == 1);
    REQUIRE(back.value()[0].warnings.size() == 1);
    CHECK_FALSE(back.value()[0].warnings[0].loses_content);
    const size_t at = json.find("\"loses_content\": false");
    json.erase(json.rfind(',', at), json.find('\n', at) - json.rfind(',', at));
    CHECK_THAT(json, !Catch::Contains("loses_content"));
    auto old = records_from_json("old.json", json);
    REQUIRE(old.ok());
    REQUIRE(old.value().size() == 1);
    REQUIRE(old.value()[0].warnings.size() == 1);
    CHECK(old.value()[0].warnings[0].loses_content);
}

TEST_CASE("verdict: a document of no recognised type is listed on the case and the cause is the layout",
          "[states][verdict]") {
    const auto r =
        bundle({{"01 assessment.html", html("<p>Family ID: FF-9</p><p>Person holding the case: Ada Byrne</p>")},
                {"notes.html", html("<p>Person holding the case: Ada Byrne</p>", "Notes")}});
    const auto res = rules::check_case(tf2015(), r, *cal::parse("2020-06-30"), nullptr);
    CHECK(res.verdict == rules::Verdict::NeedsReview);
    CHECK(res.review_cause == rules::ReviewCause::LayoutNotUnderstood);
    REQUIRE(res.unrecognised.size() == 1);
    CHECK(res.unrecognised[0].labels == std::vector<std::string>{"Person holding the case"});
}

TEST_CASE("reading: a PDF answer marked only by a bold font is read as that option", "[states][extract][pdf]") {
    std::ifstream in(test::kRoot + "/tests/data/pdf/bold-answer.pdf", std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto r = record_of("bold-answer.pdf", bytes);
    CHECK(r.consent_given == std::optional<bool>(true));
    CHECK(r.family_ref == "FS-0002");
}

TEST_CASE("reading: criteria under a criteria heading answered No are not identified", "[states][extract]") {
    // Regression: a "Troubled Families themes"-style heading opened the criteria section, and
    // then "Getting a good education: No" was read as identified.
    const auto r = record_of("a.html", html("<h2>Headline criteria</h2>"
                                            "<p>Crime and anti-social behaviour: Yes – two cautions</p>"
                                            "<p>School attendance: No</p><p>Health: Yes</p><p>Domestic abuse: No</p>"));
    CHECK(r.criteria == std::vector<std::string>{"crime", "health"});
    REQUIRE(!r.identified.empty());
    CHECK(r.identified[0].evidence == "two cautions");
}

TEST_CASE("reading: an X or a tick under a Yes or a No column is the answer", "[states][extract]") {
    const auto r = record_of(
        "a.html", html("<table><tr><th>Criterion</th><th>Yes</th><th>No</th><th>Evidence</th></tr>"
                       "<tr><td>Crime and anti-social behaviour</td><td>X</td><td></td><td>Two cautions</td></tr>"
                       "<tr><td>School attendance</td><td></td><td>&#10003;</td><td></td></tr>"
                       "<tr><td>Health</td><td>&#10003;</td><td></td><td>Low mood</td></tr></table>"
                       "<table><tr><th>Question</th><th>Yes</th><th>No</th></tr>"
                       "<tr><td>Consent given</td><td></td><td>X</td></tr></table>"));
    CHECK(r.criteria == std::vector<std::string>{"crime", "health"});
    CHECK(r.consent_given == std::optional<bool>(false));
}
