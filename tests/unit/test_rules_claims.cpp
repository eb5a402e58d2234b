// The claim rules of issue 11, point by point: hard data read, the clock restarted after a
// relapse, employment tied to the attachment, criteria added later, dates after the as-of date,
// closure reasons, discretionary claims, sf-2022's sustain after closure.
#include <filesystem>
#include <fstream>

#include "rules_test_util.h"
#include "status_words.h"

using namespace tfa;
using namespace tfa::test;

namespace {

std::string write_pack(const std::string& name, const std::string& xml) {
    const auto dir = std::filesystem::temp_directory_path() / "tfaudit-claims-test";
    std::filesystem::create_directories(dir);
    const auto path = (dir / (name + ".xml")).string();
    std::ofstream(path) << xml;
    return path;
}

rules::RulePack local(const std::string& name, const std::string& body) {
    auto p = rules::load_pack(
        write_pack(name,
                   "<pack name=\"" + name + "\" version=\"1\" title=\"t\" extends=\"tf-2015\">\n" + body + "</pack>\n"),
        rules_dir());
    INFO((p ? "" : p.error().str()));
    REQUIRE(p.ok());
    return p.value();
}

// TF-ELIGIBLE.pass with its first outcome about crime all the way through: the case the
// incidents and direction tests vary the hard data of.
CaseRecord crime_case() {
    CaseRecord rec = fixture("TF-ELIGIBLE.pass")[0];
    rec.criteria = {"crime", "health"};
    rec.plan_outcomes[0].criterion = "crime";
    for (auto& rv : rec.reviews) rv.outcomes[0].criterion = "crime";
    rec.closure_outcomes[0].criterion = "crime";
    return rec;
}

}  // namespace

TEST_CASE("1: a hard-data row after the achievement that misses the measure breaks the sustain, quoting the row",
          "[rules][claims]") {
    const auto r = judge(pack("tf-2015"), "TF-SUSTAINED.fail.hard-data");
    const auto& f = finding(r, "TF-SUSTAINED");
    CHECK(f.status == "fail");
    CHECK(f.message.find("not achieved again after attendance_pct 71.0 (Kayden Price) to 2019-12-20 misses the measure "
                         "(at least 90)") != std::string::npos);
    CHECK(r.verdict == "not_claimable");
    // A meeting row extends the sustain past a closure that came too soon.
    CHECK(finding(judge(pack("tf-2015"), "TF-SUSTAINED.pass.extended"), "TF-SUSTAINED").status == "pass");
    CHECK(finding(judge(pack("tf-2015"), "TF-SUSTAINED.fail"), "TF-SUSTAINED").status == "fail");
}

TEST_CASE("1: a measure with no pack threshold is judged by its direction against the member's baseline",
          "[rules][claims]") {
    CaseRecord rec = crime_case();
    // A council's measure (templates: <value of="measure" means="youth_club_sessions" better="higher">).
    rec.evidence = {{"crime", "Kayden Price", "youth_club_sessions", "2018-03-01", "2018-08-31", "4", {}, "higher"},
                    {"crime", "Kayden Price", "youth_club_sessions", "2019-03-01", "2019-12-31", "2", {}, "higher"}};
    const auto p = pack("tf-2015");
    auto r = rules::check_case(p, rec, as_of(), nullptr);
    CHECK(finding(r, "TF-SUSTAINED").status == "fail");
    CHECK(finding(r, "TF-SUSTAINED")
              .message.find("youth_club_sessions 2 (Kayden Price) to 2019-12-31 is no better than the baseline (higher "
                            "is better)") != std::string::npos);
    // More sessions than the baseline: it held.
    rec.evidence[1].value = "9";
    CHECK(finding(rules::check_case(p, rec, as_of(), nullptr), "TF-SUSTAINED").status == "pass");
    // Lower is better: 9 against 4 is worse; the same at nought is not.
    for (auto& e : rec.evidence) e.better = "lower";
    CHECK(finding(rules::check_case(p, rec, as_of(), nullptr), "TF-SUSTAINED").status == "fail");
    rec.evidence[0].value = rec.evidence[1].value = "0";
    CHECK(finding(rules::check_case(p, rec, as_of(), nullptr), "TF-SUSTAINED").status == "pass");
    // With no direction (and no pack measure) a row shows the criterion held, as before.
    rec.evidence[1].value = "9";
    for (auto& e : rec.evidence) e.better.clear();
    CHECK(finding(rules::check_case(p, rec, as_of(), nullptr), "TF-SUSTAINED").status == "pass");
    // A local pack's threshold for the council's measure (declared-in its template) wins.
    const auto mine = local("youth-club",
                            "  <measures><measure criterion=\"crime\" of=\"youth_club_sessions\" "
                            "declared-in=\"thornmere\" at-least=\"12\" hard-data=\"where-available\" "
                            "source=\"the council's outcomes plan\"/></measures>\n");
    for (auto& e : rec.evidence) e.better = "higher";
    r = rules::check_case(mine, rec, as_of(), nullptr);
    CHECK(finding(r, "TF-SUSTAINED").status == "fail");
    CHECK(finding(r, "TF-SUSTAINED")
              .message.find("youth_club_sessions 9 (Kayden Price) to 2019-12-31 misses the "
                            "measure (at least 12)") != std::string::npos);
}

TEST_CASE(
    "1: incidents: five is not proof, down 60% on a baseline before attachment is, and a required baseline is reported",
    "[rules][claims]") {
    CaseRecord rec = crime_case();
    rec.evidence = {{"crime", "Kayden Price", "incidents", "2018-03-01", "2018-08-31", "10", {}, "lower"},
                    {"crime", "Kayden Price", "incidents", "2019-03-01", "2019-12-31", "5", {}, "lower"}};
    const auto p = pack("tf-2015");
    // 5 against a baseline of 10 is down 50%, short of 60%: the sustain breaks on that row.
    auto r = rules::check_case(p, rec, as_of(), nullptr);
    CHECK(finding(r, "TF-SUSTAINED").status == "fail");
    CHECK(finding(r, "TF-SUSTAINED")
              .message.find("incidents 5 (Kayden Price) to 2019-12-31 misses the measure (at most 0 or down 60% on the "
                            "baseline)") != std::string::npos);
    // 3 is down 70%: it holds, and extends the sustain.
    rec.evidence[1].value = "3";
    CHECK(finding(rules::check_case(p, rec, as_of(), nullptr), "TF-SUSTAINED").status == "pass");
    // The local outcomes plan requires a baseline: without the 2018 row it says so.
    const auto fern = rules::load_pack(rules_dir() + "/examples/fernshire-local.xml", rules_dir());
    REQUIRE(fern.ok());
    rec.evidence.erase(rec.evidence.begin());
    rec.evidence[0].value = "0";
    r = rules::check_case(fern.value(), rec, as_of(), nullptr);
    CHECK(finding(r, "TF-SUSTAINED")
              .message.find("no incidents baseline from before the attachment (the pack requires one)") !=
          std::string::npos);
}

TEST_CASE("1: where hard data is required and absent, the sustain says so", "[rules][claims]") {
    const auto fern = rules::load_pack(rules_dir() + "/examples/fernshire-local.xml", rules_dir());
    REQUIRE(fern.ok());
    auto recs = fixture("TF-ELIGIBLE.pass");
    recs[0].evidence.resize(1);  // only the baseline before attachment
    const auto r = rules::check_case(fern.value(), recs[0], as_of(), nullptr);
    CHECK(finding(r, "TF-SUSTAINED")
              .message.find("no attendance_pct row after 2019-02-11 (the pack requires hard data)") !=
          std::string::npos);
    // The national pack uses attendance where available: the same record holds on reviews and closure.
    CHECK(finding(rules::check_case(pack("tf-2015"), recs[0], as_of(), nullptr), "TF-SUSTAINED").status == "pass");
}

TEST_CASE("1: the local three-term rule says too few termly rows, not 'under 90%'", "[rules][claims]") {
    const auto fern = rules::load_pack(rules_dir() + "/examples/fernshire-local.xml", rules_dir());
    REQUIRE(fern.ok());
    const auto r = judge(fern.value(), "LOCAL-ATTENDANCE.fail.too-few-terms");
    const auto& f = finding(r, "LOCAL-ATTENDANCE");
    CHECK(f.message ==
          "[LOCAL-ATTENDANCE] three consecutive terms at 90% not shown: Kayden Price: 2 termly rows, 3 needed");
    CHECK(f.message.find("under") == std::string::npos);
    CHECK(finding(judge(fern.value(), "LOCAL-ATTENDANCE.fail"), "LOCAL-ATTENDANCE")
              .message.find("88.5% to 2019-07-19, under 90%") != std::string::npos);
}

TEST_CASE("2: the six months restart after a relapse", "[rules][claims]") {
    const auto fail = judge(pack("tf-2015"), "TF-SUSTAINED.fail.relapse");
    CHECK(finding(fail, "TF-SUSTAINED").message.find("Health: held from 2019-07-01 to 2019-09-09") !=
          std::string::npos);
    CHECK(finding(fail, "TF-SUSTAINED")
              .message.find("counted from the achievement after review 2019-04-22 says not achieved") !=
          std::string::npos);
    CHECK(finding(judge(pack("tf-2015"), "TF-SUSTAINED.pass.relapse"), "TF-SUSTAINED").status == "pass");
}

TEST_CASE(
    "4: employment starts on or after attachment, the weeks are those recorded, UC counts, an unknown benefit says so",
    "[rules][claims]") {
    const auto p = pack("tf-2015");
    CHECK(finding(judge(p, "TF-EMPLOYMENT.fail.before-attachment"), "TF-EMPLOYMENT").message ==
          "[TF-EMPLOYMENT] continuous employment not evidenced: Dana Price: work began 2017-03-01, before the family "
          "was attached (2018-09-03)");
    CHECK(finding(judge(p, "TF-EMPLOYMENT.fail.weeks-recorded"), "TF-EMPLOYMENT").message ==
          "[TF-EMPLOYMENT] continuous employment not evidenced: Dana Price: 8 weeks in work evidenced after JSA, 26 "
          "required");
    const auto uc = judge(p, "TF-EMPLOYMENT.pass.universal-credit");
    CHECK(uc.route == "continuous_employment");
    CHECK(finding(uc, "TF-EMPLOYMENT").message.find("off UC from 2018-10-05, 27 weeks in work") != std::string::npos);
    CHECK(finding(judge(p, "TF-EMPLOYMENT.fail.no-window"), "TF-EMPLOYMENT").message ==
          "[TF-EMPLOYMENT] continuous employment not evidenced: Dana Price: 'Pension Credit' recorded, but the pack "
          "sets no weeks in work for it");
}

TEST_CASE("4: '26 of the last 30 weeks' with a break is expressible", "[rules][claims]") {
    const auto p = local(
        "window",
        "<rules><override rule=\"TF-EMPLOYMENT\"><param name=\"weeks\" value=\"JSA:26/30\"/></override></rules>\n");
    auto recs = fixture("TF-EMPLOYMENT.pass");
    CaseRecord rec = recs[0];
    // Work from 2018-10-15: 12 weeks, a 2-week break, then 16 weeks: 28 weeks in a 30-week window.
    std::vector<Evidence> keep;
    for (const auto& e : rec.evidence)
        if (e.measure != "weeks_in_work") keep.push_back(e);
    keep.push_back({"worklessness", "Dana Price", "weeks_in_work", "2018-10-15", "2019-01-07", "12", {}, ""});
    keep.push_back({"worklessness", "Dana Price", "weeks_in_work", "2019-01-21", "2019-05-13", "16", {}, ""});
    rec.evidence = keep;
    CHECK(finding(rules::check_case(p, rec, as_of(), nullptr), "TF-EMPLOYMENT").status == "pass");
    // Continuous 26 weeks (the national rule) also reads the rows' own weeks: 28 of 30.
    CHECK(finding(rules::check_case(pack("tf-2015"), rec, as_of(), nullptr), "TF-EMPLOYMENT").status == "pass");
    // A longer break leaves too few weeks in the window.
    rec.evidence.back().period_start = "2019-03-04";
    rec.evidence.back().value = "10";
    CHECK(finding(rules::check_case(p, rec, as_of(), nullptr), "TF-EMPLOYMENT").status == "fail");
}

TEST_CASE("5: whether criteria added later must be achieved is a pack parameter (national: yes)", "[rules][claims]") {
    CHECK(finding(judge(pack("tf-2015"), "TF-PROGRESS.fail.added"), "TF-PROGRESS").status == "fail");
    const auto p =
        local("added-no", "<parameters><param name=\"added_must_be_achieved\" value=\"no\"/></parameters>\n");
    const auto r = judge(p, "TF-PROGRESS.fail.added");
    CHECK(finding(r, "TF-PROGRESS").status == "pass");
    CHECK(finding(r, "TF-SUSTAINED").status == "pass");
}

TEST_CASE("6: a plan agreed after the assessment began, before its sign-off, is in order", "[rules][claims]") {
    CHECK(finding(judge(pack("tf-2015"), "TF-PLAN.pass.before-completion"), "TF-PLAN").status == "pass");
    CHECK(finding(judge(pack("tf-2015"), "TF-PLAN.fail"), "TF-PLAN").message ==
          "[TF-PLAN] the plan (2018-08-28) is dated before the assessment began (2018-09-03)");
    const auto later = judge(pack("tf-2015"), "TF-DATES.pass.future");
    CHECK(finding(later, "TF-DATES").message ==
          "[TF-DATES] dates in order; left out of the judgement as dated after the as-of date (information only): "
          "evidence period end 2020-07-20");
    CHECK(later.verdict == "claimable");
}

TEST_CASE("7: a step-up, disengagement or move away makes the case needs_review, the reason quoted",
          "[rules][claims]") {
    const auto r = judge(pack("tf-2015"), "TF-CLOSURE-REASON.review");
    CHECK(r.verdict == "needs_review");
    CHECK(finding(r, "TF-CLOSURE-REASON").message ==
          "[TF-CLOSURE-REASON] needs review: the case was closed \"Stepped up to social care\": a person confirms the "
          "outcomes stand");
    CHECK(judge(pack("tf-2015"), "TF-LEFT-HOUSEHOLD.review").verdict == "needs_review");
    CHECK(judge(pack("tf-2015"), "TF-CLOSURE-REASON.pass").verdict == "claimable");
}

TEST_CASE("8: a discretionary claim with its sign-off is recognised as such, without it, not claimable",
          "[rules][claims]") {
    const auto signed_off = judge(pack("tf-2015"), "TF-DISCRETIONARY.review");
    CHECK(signed_off.verdict == "needs_review");
    CHECK(finding(signed_off, "TF-DISCRETIONARY")
              .message.find("a discretionary claim (equivalent progress) signed off by Priya Shah on 2019-09-12") !=
          std::string::npos);
    const auto unsigned_claim = judge(pack("tf-2015"), "TF-DISCRETIONARY.fail");
    CHECK(unsigned_claim.verdict == "not_claimable");
    CHECK(finding(unsigned_claim, "TF-DISCRETIONARY").message ==
          "[TF-DISCRETIONARY] the discretionary claim lacks a named approver and a date");
}

TEST_CASE("10: sf-2022 counts needs with evidence, and wants outcomes held throughout the six months after closure",
          "[rules][claims]") {
    const auto p = pack("sf-2022");
    CHECK(finding(judge(p, "SF-NEEDS.pass.needs"), "SF-NEEDS").message ==
          "[SF-NEEDS] 3 needs identified with evidence: Good education, Mental and physical health");
    CHECK(finding(judge(p, "SF-NEEDS.fail.unevidenced"), "SF-NEEDS").message.find("2 needs identified with evidence") !=
          std::string::npos);
    const auto t = judge(p, "SF-SUSTAINED.fail.throughout");
    CHECK(finding(t, "SF-SUSTAINED").message.find("not held throughout the 6 months after closure (2019-09-09)") !=
          std::string::npos);
    CHECK(finding(judge(p, "SF-PROGRAMME-WINDOW.fail"), "SF-PROGRAMME-WINDOW").message ==
          "[SF-PROGRAMME-WINDOW] the family was attached on 2018-09-03, outside the sf-2022 pack (2022-01-01 to "
          "2025-12-31)");
    for (const auto& r : p.rules) CHECK(r.route != "continuous_employment");
}

TEST_CASE("11: an auditor's recorded judgement lifts the provisional grade", "[rules][claims]") {
    const auto p = pack("ffa-quality");
    auto recs = fixture("FFA-REVIEW-GAPS.pass");
    CaseRecord rec = recs[0];
    CHECK(rules::check_case(p, rec, as_of(), nullptr).grade == "Outstanding (provisional)");
    for (const auto& rule : p.rules)
        if (rule.kind == "auditor_judgement")
            rec.auditor_judgements.push_back({rule.id, "met", "Ruth Okafor", "2020-06-15"});
    const auto judged = rules::check_case(p, rec, as_of(), nullptr);
    CHECK(judged.grade == "Outstanding");
    CHECK(finding(judged, "FFA-EFFECTIVE").message ==
          "[FFA-EFFECTIVE] the auditor judged the help effective (Ruth Okafor, 2020-06-15)");
    CHECK(p.find("FFA-REVIEW-GAPS")->params.at("max_gap_weeks").value == "6");
}
