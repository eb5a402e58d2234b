// The extractor on small documents written in the test: each layout rule of
// templates/README.md, and the record fields the claim rules depend on.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "app/pipeline.h"
#include "extract/extractor.h"
#include "extract/templates.h"
#include "extract/vocab.h"
#include "extract_test_util.h"
#include "golden.h"
#include "readers/reader.h"

using namespace tfa;
namespace fs = std::filesystem;

using test::html;
using test::kRoot;
using test::record_of;
using test::vocab;

TEST_CASE("extract: a value in the next cell, in the same cell, and in the same paragraph", "[extract]") {
    const auto r = record_of("a.html", html("<table><tr><td>Family ID</td><td>FF-0042</td></tr>"
                                            "<tr><td>Lead professional: Ada Byrne</td></tr></table>"
                                            "<p>Date of assessment: 3rd March 2019</p>"));
    CHECK(r.family_ref == "FF-0042");
    CHECK(r.lead_professional == "Ada Byrne");
    CHECK(r.assessment_date == "2019-03-03");
    CHECK(r.sources.at("family_ref").where == "table 1, row 1, cell 2");
    CHECK(r.sources.at("assessment_date").where == "paragraph 1");
}

TEST_CASE("extract: labels match whatever their case, spacing and punctuation", "[extract]") {
    const auto r = record_of("a.txt", "Early Help Assessment\nFAMILY   REFERENCE :  KV/1\nkey-worker: Sam Lowe\n");
    CHECK(r.family_ref == "KV/1");
    CHECK(r.lead_professional == "Sam Lowe");
}

TEST_CASE("extract: a section gives 'Date' its meaning", "[extract]") {
    const auto r = record_of("a.html", html("<h2>Information sharing and consent</h2>"
                                            "<p>We agree to share information with DWP and central government.</p>"
                                            "<table><tr><th>Consent given</th><td>&#9746; Yes &#9744; No</td></tr>"
                                            "<tr><th>Date</th><td>04/03/2019</td></tr></table>"
                                            "<h2>Management oversight</h2>"
                                            "<table><tr><th>Manager</th><td>Lee Chu</td></tr>"
                                            "<tr><th>Date</th><td>06/03/2019</td></tr></table>"));
    REQUIRE(r.consent_given.has_value());
    CHECK(*r.consent_given);
    CHECK(r.consent_date == "2019-03-04");
    CHECK(r.manager == "Lee Chu");
    CHECK(r.manager_date == "2019-03-06");
    CHECK(r.consent_scope == std::vector<std::string>{"central_government", "dwp"});
}

TEST_CASE("extract: unticked, refused and placeholder answers are not consent", "[extract]") {
    const auto unanswered = record_of("a.txt", "Early Help Assessment\nConsent given: ☐Yes ☐No\n");
    CHECK_FALSE(unanswered.consent_given.has_value());
    const auto refused = record_of("b.txt", "Early Help Assessment\nConsent given: ☐Yes ☒No\n");
    REQUIRE(refused.consent_given.has_value());
    CHECK_FALSE(*refused.consent_given);
    const auto placeholder =
        record_of("c.txt", "Early Help Assessment\nLead professional: Click or tap here to enter text.\n");
    CHECK(placeholder.lead_professional.empty());
}

TEST_CASE("extract: the lead professional is kept apart from the form's author", "[extract]") {
    const auto r = record_of("a.txt", "Early Help Assessment\nThis form completed by: Jo Marsh\nLead professional:\n");
    CHECK(r.lead_professional.empty());
    CHECK(r.completed_by == "Jo Marsh");
}

TEST_CASE("extract: prose under a heading, empty or absent", "[extract]") {
    const auto with = record_of("a.html", html("<h2>Voice of the child</h2><p>Mia says she likes school.</p>"));
    REQUIRE(with.voice_of_child.has_value());
    CHECK(*with.voice_of_child);
    const auto empty = record_of("b.html", html("<h2>Voice of the child</h2><h2>Analysis</h2><p>x</p>"));
    REQUIRE(empty.voice_of_child.has_value());
    CHECK_FALSE(*empty.voice_of_child);
    const auto absent = record_of("c.html", html("<p>Nothing here</p>"));
    CHECK_FALSE(absent.voice_of_child.has_value());
}

TEST_CASE("extract: criteria from a ticked table, by name, theme, code and cue word", "[extract]") {
    const auto r =
        record_of("a.html", html("<table><tr><th>Criterion</th><th>Identified</th><th>Evidence</th></tr>"
                                 "<tr><td>TF1</td><td><input type=checkbox checked></td><td>ASB</td></tr>"
                                 "<tr><td>Getting a good education</td><td><input type=checkbox></td><td></td></tr>"
                                 "<tr><td>Living well</td><td>Yes</td><td>GP letter</td></tr>"
                                 "<tr><td>Rent arrears and debt</td><td>&#9746;</td><td>£900 owed</td></tr></table>"));
    CHECK(r.criteria == std::vector<std::string>{"crime", "worklessness", "health"});
}

TEST_CASE("extract: criteria listed under a heading, and an unticked item is not identified", "[extract]") {
    const auto r = record_of("a.html", html("<h2>Headline criteria identified</h2><ul>"
                                            "<li>Staying safe in the community: two call-outs (family member: Kai)</li>"
                                            "<li>&#9744; Health: none</li>"
                                            "<li>Domestic abuse: MARAC referral</li></ul>"
                                            "<p>Family ID: X-1</p>"));
    CHECK(r.criteria == std::vector<std::string>{"crime", "domestic_abuse"});
    REQUIRE(r.identified.size() == 2);
    CHECK(r.identified[0].members == "Kai");
    CHECK(r.identified[0].evidence == "two call-outs");
    CHECK(r.family_ref == "X-1");  // the list ended at the next label
}

TEST_CASE("extract: a plan table with its columns in any order and merged outcome cells", "[extract]") {
    const auto r =
        record_of("p.html",
                  "<html><head><title>Family Plan</title></head><body>"
                  "<table><tr><th>Actions</th><th>People responsible</th><th>Outcomes</th><th>Completion date</th>"
                  "<th>TF indicator</th></tr>"
                  "<tr><td>Attendance plan</td><td>School</td><td rowspan=2>Attends every day</td><td>1/10/2019</td>"
                  "<td rowspan=2>TF2</td></tr>"
                  "<tr><td>Morning routine</td><td>Keyworker</td><td>15/10/2019</td></tr>"
                  "<tr><td></td><td></td><td>Debt cleared</td><td></td><td>TF4</td></tr></table></body></html>");
    CHECK(r.has_plan);
    REQUIRE(r.plan_outcomes.size() == 2);
    CHECK(r.plan_outcomes[0].criterion == "education");
    REQUIRE(r.plan_outcomes[0].actions.size() == 2);
    CHECK(r.plan_outcomes[0].actions[1].who == "Keyworker");
    CHECK(r.plan_outcomes[0].actions[1].by_when == "2019-10-15");
    CHECK(r.plan_outcomes[1].criterion == "worklessness");
    CHECK(r.plan_outcomes[1].actions.empty());
}

TEST_CASE("extract: numbered outcome paragraphs with their actions", "[extract]") {
    const auto r = record_of("p.txt",
                             "Family Action Plan\n"
                             "Plan start date: 5th November 2018\n"
                             "Outcome 1: Brandon stays out of trouble\n"
                             "Headline criterion: Crime and anti-social behaviour\n"
                             "Action 1.1: Weekly sessions (Who: Youth Justice Service, By: 03/12/2018)\n"
                             "Action 1.2: Police check\n"
                             "Outcome 2: Mum's mental health improves\n");
    CHECK(r.plan_date == "2018-11-05");
    REQUIRE(r.plan_outcomes.size() == 2);
    CHECK(r.plan_outcomes[0].criterion == "crime");
    REQUIRE(r.plan_outcomes[0].actions.size() == 2);
    CHECK(r.plan_outcomes[0].actions[0].what == "Weekly sessions");
    CHECK(r.plan_outcomes[0].actions[0].who == "Youth Justice Service");
    CHECK(r.plan_outcomes[0].actions[0].by_when == "2018-12-03");
    CHECK(r.plan_outcomes[1].criterion == "health");  // resolved from the cue word in its text
    CHECK(r.plan_outcomes[1].actions.empty());        // an outcome not linked to an intervention
}

TEST_CASE("extract: repeated runs of labelled lines are rows (a closure)", "[extract]") {
    const auto r = record_of("c.txt",
                             "Case Closure\nClosure date: 21/10/2019\nReason for closure: Needs met\n"
                             "Criterion: Staying safe in the community\nOutcome achieved: Yes\n"
                             "Date achieved: 25/03/2019\nEvidence: No reports\n"
                             "Criterion: Health\nOutcome achieved: No\nEvidence: Waiting list\n");
    CHECK(r.closure_date == "2019-10-21");
    CHECK(r.closure_reason == "Needs met");
    REQUIRE(r.closure_outcomes.size() == 2);
    CHECK(r.closure_outcomes[0].criterion == "crime");
    CHECK(r.closure_outcomes[0].achieved == std::optional<bool>(true));
    CHECK(r.closure_outcomes[0].date_achieved == "2019-03-25");
    CHECK(r.closure_outcomes[1].criterion == "health");
    CHECK(r.closure_outcomes[1].achieved == std::optional<bool>(false));
}

TEST_CASE("extract: a review with its outcome ratings and attendees", "[extract]") {
    const auto r =
        record_of("r.html",
                  "<html><head><title>TAF Review</title></head><body>"
                  "<table><tr><th>Meeting date</th><td>14 Jan 2019</td></tr>"
                  "<tr><th>Attendees</th><td><ul><li>Ann Lee</li><li>Bo Kim</li></ul></td></tr></table>"
                  "<table><tr><th>TF indicator</th><th>Progress</th><th>RAG</th><th>Achieved?</th></tr>"
                  "<tr><td>TF2</td><td>Better</td><td>Green</td><td>Met</td></tr>"
                  "<tr><td>TF6</td><td>Waiting</td><td>Amber</td><td>Partly</td></tr></table></body></html>");
    REQUIRE(r.reviews.size() == 1);
    CHECK(r.reviews[0].date == "2019-01-14");
    CHECK(r.reviews[0].attendees == std::vector<std::string>{"Ann Lee", "Bo Kim"});
    REQUIRE(r.reviews[0].outcomes.size() == 2);
    CHECK(r.reviews[0].outcomes[0].criterion == "education");
    CHECK(r.reviews[0].outcomes[0].achieved == "yes");
    CHECK(r.reviews[0].outcomes[0].rating == "Green");
    CHECK(r.reviews[0].outcomes[1].achieved == "partly");
}

TEST_CASE("extract: an impossible or ambiguous date is listed as unreadable, never guessed", "[extract]") {
    const auto r = record_of("r.txt", "TAF Review\nReview date: 31/04/2019\nNext review date: Nov\n");
    REQUIRE(r.reviews.size() == 1);
    CHECK(r.reviews[0].date.empty());
    CHECK(r.reviews[0].next_review.empty());
    REQUIRE(r.unreadable.size() == 2);
    CHECK_THAT(r.unreadable[0].reason, Catch::StartsWith("impossible date '31/04/2019'"));
    CHECK_THAT(r.unreadable[1].reason, Catch::StartsWith("ambiguous date 'Nov'"));
}

TEST_CASE("extract: hard data from a CSV", "[extract]") {
    const auto r = record_of("e.csv",
                             "criterion,family member,measure,period start,period end,value\r\n"
                             "School attendance,Mia,Attendance (%),01/09/2019,20/12/2019,94.5%\r\n"
                             "Worklessness,Dan,Employment start date,,,03/02/2020\r\n");
    REQUIRE(r.evidence.size() == 2);
    CHECK(r.evidence[0].criterion == "education");
    CHECK(r.evidence[0].measure == "attendance_pct");
    CHECK(r.evidence[0].period_end == "2019-12-20");
    CHECK(r.evidence[0].value == "94.5");
    CHECK(r.evidence[1].measure == "employment_start");
    CHECK(r.evidence[1].value == "2020-02-03");
}

TEST_CASE("extract: a flat folder is split into cases by family reference", "[extract]") {
    const fs::path dir = fs::temp_directory_path() / "tfaudit-flat";
    fs::remove_all(dir);
    fs::create_directories(dir / "intake");
    std::ofstream(dir / "intake" / "one.txt") << "Early Help Assessment\nFamily ID: B-2\n";
    std::ofstream(dir / "intake" / "two.txt") << "Family Plan\nFamily ID: A-1\n";
    std::ofstream(dir / "intake" / "three.txt") << "TAF Review\nFamily ID: A-1\n";
    std::ofstream(dir / "intake" / "notes.md") << "not a case document";
    app::PipelineOptions po;
    po.templates_dir = kRoot + "/templates";
    po.criteria = {{"crime", "Crime"}};
    std::vector<CaseRecord> out;
    REQUIRE_FALSE(app::for_each_case({dir.string()}, po, [&](CaseRecord&& r) { out.push_back(std::move(r)); }));
    fs::remove_all(dir);
    REQUIRE(out.size() == 2);
    CHECK(out[0].case_name == "A-1");
    CHECK(out[0].files.size() == 2);
    CHECK(out[1].case_name == "B-2");
}

TEST_CASE("extract: every reader fixture goes through the extractor without harm", "[extract]") {
    size_t n = 0;
    for (const auto& e : fs::recursive_directory_iterator(TEST_DATA_DIR)) {
        if (!e.is_regular_file() || !reader_for(e.path().string())) continue;
        auto doc = read_document(e.path().string());
        if (!doc) continue;
        const auto facts = extract::extract_document(doc.value(), vocab());
        const auto r = extract::build_record("x", {facts}, vocab());
        CHECK(r.files.size() == 1);
        ++n;
    }
    CHECK(n > 20);
}

TEST_CASE("extract: a large flat folder is read document by document into the same cases", "[extract]") {
    const fs::path dir = fs::temp_directory_path() / "tfaudit-large-flat";
    fs::remove_all(dir);
    fs::create_directories(dir / "intake");
    // More documents than one worker takes as a whole folder: two families, interleaved.
    for (int k = 0; k < 40; ++k) {
        const std::string ref = k % 2 ? "L-1" : "L-2";
        std::ofstream(dir / "intake" / ("review-" + std::to_string(100 + k) + ".txt"))
            << "TAF Review\nFamily ID: " << ref << "\nReview date: " << (k % 28) + 1 << "/03/2019\n";
    }
    fs::create_directories(dir / "small");
    std::ofstream(dir / "small" / "plan.txt") << "Family Plan\nFamily ID: S-1\nPlan start date: 01/02/2019\n";
    app::PipelineOptions po;
    po.templates_dir = kRoot + "/templates";
    po.criteria = {{"crime", "Crime"}};
    std::string first;
    for (unsigned threads : {1u, 2u, 4u}) {
        po.threads = threads;
        std::string all;
        std::vector<CaseRecord> out;
        REQUIRE_FALSE(app::for_each_case({dir.string()}, po, [&](CaseRecord&& r) { out.push_back(std::move(r)); }));
        REQUIRE(out.size() == 3);
        CHECK(out[0].case_name == "L-1");
        CHECK(out[0].reviews.size() == 20);
        CHECK(out[1].case_name == "L-2");
        CHECK(out[2].case_name == "small");
        CHECK(out[2].plan_date == "2019-02-01");
        for (const auto& r : out) all += to_json(r);
        if (first.empty()) first = all;
        CHECK(all == first);  // the same output whatever the number of threads
    }
    fs::remove_all(dir);
}

TEST_CASE("extract: labels across a row with their values in the row beneath", "[extract]") {
    const auto r = record_of("a.html", html("<table><tr><th>Family ID</th><th>Date of assessment</th>"
                                            "<th>Lead professional</th></tr>"
                                            "<tr><td>V-9</td><td>02/04/2019</td><td>Noor Hale</td></tr></table>"));
    CHECK(r.family_ref == "V-9");
    CHECK(r.assessment_date == "2019-04-02");
    CHECK(r.lead_professional == "Noor Hale");
    CHECK(r.sources.at("lead_professional").where == "table 1, row 2, cell 3");
}

TEST_CASE("extract: a cell holding several 'Label: value' lines", "[extract]") {
    const auto r = record_of("a.html", html("<table><tr><td><p>Family ID: W-3</p><p>Keyworker: Ivo Brandt</p></td>"
                                            "<td>Photo</td></tr></table>"));
    CHECK(r.family_ref == "W-3");
    CHECK(r.lead_professional == "Ivo Brandt");
}

TEST_CASE("extract: a consent statement given as a field, with no consent section", "[extract]") {
    // Regression: the scope's source was taken from the consent answer, which is absent here.
    const auto r = record_of(
        "a.txt", "Early Help Assessment\nConsent statement: shared with the DWP for the national evaluation\n");
    CHECK(r.consent_scope == std::vector<std::string>{"dwp", "national_evaluation"});
    CHECK(r.sources.at("consent_scope").where == "paragraph 2");
    CHECK_FALSE(r.consent_given.has_value());
}

TEST_CASE("extract: a criterion is added after the assessment only when a review names it, never from a cue word",
          "[extract]") {
    // Regression (issue 11, point 5): "work with the health visitor" in a review's free text
    // added a Health criterion and sank a clean case.
    auto facts_of = [](const std::string& name, const std::string& content) {
        auto doc = read_document(name, content);
        REQUIRE(doc.ok());
        return extract::extract_document(doc.value(), vocab());
    };
    const std::string assessment = html(
        "<table><tr><th>Criterion</th><th>Identified</th><th>Evidence</th></tr>"
        "<tr><td>TF1</td><td>Yes</td><td>ASB</td></tr><tr><td>TF2</td><td>Yes</td><td>Attendance "
        "81%</td></tr></table>");
    auto review = [](const std::string& rows) {
        return "<html><head><title>TAF Review</title></head><body><table><tr><th>Meeting date</th><td>14 Jan "
               "2019</td></tr></table>"
               "<table><tr><th>Outcome</th><th>Progress</th><th>Achieved?</th></tr>" +
               rows + "</table></body></html>";
    };
    std::vector<extract::DocFacts> facts{
        facts_of("a.html", assessment),
        facts_of("r.html",
                 review("<tr><td>Mum will work with the health visitor</td><td>Going well</td><td>Met</td></tr>"))};
    auto r = extract::build_record("case", std::move(facts), vocab());
    CHECK(r.criteria == std::vector<std::string>{"crime", "education"});
    CHECK(r.criteria_added.empty());
    // A review whose outcome is named by its code adds it.
    facts = {facts_of("a.html", assessment),
             facts_of("r.html", review("<tr><td>TF6</td><td>Referred to CAMHS</td><td>Not met</td></tr>"))};
    r = extract::build_record("case", std::move(facts), vocab());
    INFO(to_json(r));
    CHECK(r.criteria_added == std::vector<std::string>{"health"});
}

TEST_CASE("extract: one reading of a leading yes or no, for fields and criteria lines", "[extract]") {
    const auto& v = test::vocab();
    CHECK(extract::read_yes_no(v, "Yes") == true);
    CHECK(extract::read_yes_no(v, "Yes - signed by mother") == true);
    CHECK(extract::read_yes_no(v, "No, refused at the first visit") == false);
    CHECK_FALSE(extract::read_yes_no(v, "Yes/No").has_value());  // the form's unfilled prompt
    CHECK_FALSE(extract::read_yes_no(v, "Pending").has_value());
    const auto [word, len] = extract::opening_answer(v, "Yes – 3 ASB reports");
    CHECK(word == "yes");
    CHECK(len == 3);
    CHECK(extract::opening_answer(v, "Yesterday evening").first.empty());
    CHECK(extract::opening_answer(v, "").second == 0);
}
