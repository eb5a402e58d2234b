// Routes, verdicts, scores, the as-of date, and local packs that change a threshold.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "rules_test_util.h"
#include "status_words.h"

using namespace tfa;
using namespace tfa::test;

TEST_CASE("the employment route makes a case claimable while progress fails", "[rules]") {
    const auto r = judge(pack("tf-2015"), "TF-EMPLOYMENT.pass");
    CHECK(r.verdict == "claimable");
    CHECK(r.route == "continuous_employment");
    const auto& p = finding(r, "TF-PROGRESS");
    CHECK(p.status == "not_applicable");
    CHECK(p.message == "[TF-PROGRESS] not required: claimable by the continuous employment route");
    CHECK(finding(r, "TF-SUSTAINED").status == "not_applicable");
    CHECK(finding(r, "TF-EMPLOYMENT").status == "pass");
}

TEST_CASE("with no route passing, both routes' failures block and say what is missing", "[rules]") {
    const auto r = judge(pack("tf-2015"), "TF-EMPLOYMENT.fail");
    CHECK(r.verdict == "not_claimable");
    CHECK(r.route.empty());
    CHECK(finding(r, "TF-PROGRESS").status == "fail");
    CHECK(finding(r, "TF-EMPLOYMENT").status == "fail");
    REQUIRE(r.to_make_claimable.size() >= 2);
    // The employment route is the alternative it is: one item, "or instead", after the first route's.
    CHECK(r.to_make_claimable.front().what.find("(sustained progress route) ") == 0);
    CHECK(r.to_make_claimable.back().what.find("or instead, by the continuous employment route: ") == 0);
    CHECK(r.to_make_claimable.back().what.find("20 weeks in work evidenced after JSA, 26 required") !=
          std::string::npos);
    size_t employment = 0;
    for (const auto& m : r.to_make_claimable) employment += m.what.find("continuous employment") != std::string::npos;
    CHECK(employment == 1);
}

TEST_CASE("'not required: claimable by the ... route' only on a claimable case", "[rules]") {
    auto recs = fixture("TF-EMPLOYMENT.pass");
    recs[0].lead_professional.clear();  // a common blocker now fails
    const auto r = rules::check_case(pack("tf-2015"), recs[0], as_of(), nullptr);
    CHECK(r.verdict == "not_claimable");
    CHECK(r.route == "continuous_employment");
    CHECK(finding(r, "TF-PROGRESS").message ==
          "[TF-PROGRESS] not required: the continuous employment route's rules are met");
}

TEST_CASE("unreadable evidence makes the case needs_review, never a silent pass or fail", "[rules]") {
    const auto r = judge(pack("tf-2015"), "TF-ELIGIBLE.na");
    CHECK(r.verdict == "needs_review");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].file == "FF-1001/assessment.pdf");
    CHECK(r.errors[0].error == "no text layer");
    const auto& f = finding(r, "TF-ELIGIBLE");
    CHECK(f.status == "not_applicable");
    CHECK(f.message.find("cannot judge") != std::string::npos);
    CHECK(f.message.find("assessment.pdf (no text layer)") != std::string::npos);
}

TEST_CASE("evidence dated after the as-of date does not count", "[rules]") {
    const auto p = pack("tf-2015");
    // As of 2019-06-30 the closure (2019-09-09) and later evidence have not happened yet.
    const auto r = judge(p, "TF-SUSTAINED.pass", "2019-06-30");
    CHECK(finding(r, "TF-SUSTAINED").status == "fail");
    // Later documents are left out and reported as information, never a blocker.
    CHECK(finding(r, "TF-DATES").status == "pass");
    CHECK(finding(r, "TF-DATES")
              .message.find(
                  "left out of the judgement as dated after the as-of date (information only): closure 2019-09-09") !=
          std::string::npos);
    CHECK(r.verdict == "not_claimable");
}

TEST_CASE("sustain is measured from dated evidence, never by the passing of time", "[rules]") {
    auto recs = fixture("TF-PROGRESS.pass.latest-review");  // no closure: reviews up to 2019-07-01
    CaseRecord& rec = recs[0];
    rec.reviews.resize(3);  // last dated evidence that it holds: 2019-04-22 review...
    rec.evidence.clear();   // ...and no hard data
    const auto p = pack("tf-2015");
    for (const char* d : {"2020-06-30", "2025-01-01"}) {
        const auto r = rules::check_case(p, rec, as_of(d), nullptr);
        INFO(d);
        CHECK(finding(r, "TF-PROGRESS").status == "pass");
        CHECK(finding(r, "TF-SUSTAINED").status == "fail");
    }
}

TEST_CASE("a major failure lowers the score but does not block", "[rules]") {
    const auto r = judge(pack("tf-2015"), "TF-REVIEW-FREQUENCY.fail");
    CHECK(finding(r, "TF-REVIEW-FREQUENCY").status == "fail");
    CHECK(r.verdict == "claimable");
    CHECK(r.score < 100);
    CHECK(r.score > 90);
}

TEST_CASE("no review at all is a blocker: Kent's 'assessment, planning and review document'", "[rules]") {
    const auto r = judge(pack("tf-2015"), "TF-REVIEWED.fail");
    CHECK(finding(r, "TF-REVIEWED").status == "fail");
    CHECK(finding(r, "TF-REVIEWED").message == "[TF-REVIEWED] 0 reviews in the bundle; at least 1 review required");
    CHECK(finding(r, "TF-REVIEW-FREQUENCY").status == "not_applicable");
    CHECK(r.verdict == "not_claimable");
}

TEST_CASE("warnings are reported and change nothing else", "[rules]") {
    const auto p = pack("sf-2022");
    const auto r = judge(p, "SF-CONSENT.warn");
    CHECK(finding(r, "SF-CONSENT").status == "warn");
    CHECK(finding(r, "SF-CONSENT").message == "[SF-CONSENT] consent to share was refused");
    const auto base = judge(p, "SF-CONSENT.pass");
    CHECK(r.verdict == base.verdict);
    CHECK(r.score == base.score);
}

TEST_CASE("a recurrence inside the sustain window makes the case needs_review, the reason in the message", "[rules]") {
    const auto r = judge(pack("tf-2015"), "TF-RECURRENCE.review");
    const auto& f = finding(r, "TF-RECURRENCE");
    CHECK(f.status == "needs_review");
    CHECK(f.evidence.size() == 1);
    CHECK(f.message.find("School attendance: review 2019-04-22 says \"further incident\"") != std::string::npos);
    CHECK(r.verdict == "needs_review");
    // Hard data alone: a 71% term inside the six months.
    const auto h = judge(pack("tf-2015"), "TF-RECURRENCE.review.hard-data");
    CHECK(finding(h, "TF-RECURRENCE")
              .message.find("attendance_pct 71.0 (Kayden Price) to 2019-04-05 misses the measure (at least 90)") !=
          std::string::npos);
    CHECK(finding(h, "TF-SUSTAINED").status == "pass");  // achieved again at review 3 and held since
}

TEST_CASE("findings come in pack order, one per rule", "[rules]") {
    const auto p = pack("tf-2015");
    const auto r = judge(p, "TF-CONSENT.fail");
    REQUIRE(r.findings.size() == p.rules.size());
    for (size_t i = 0; i < p.rules.size(); ++i) CHECK(r.findings[i].rule == p.rules[i].id);
}

TEST_CASE("judged alone, the duplicate check does not apply", "[rules]") {
    const auto recs = fixture("TF-DUPLICATE.fail");
    const auto r = rules::check_case(pack("tf-2015"), recs[0], as_of(), nullptr);
    CHECK(finding(r, "TF-DUPLICATE").status == "not_applicable");
}

TEST_CASE("ffa-quality proposes a grade from quality findings and lists compliance apart", "[rules]") {
    const auto p = pack("ffa-quality");
    const auto good = judge(p, "FFA-REVIEW-GAPS.pass");
    CHECK(good.grade == "Outstanding (provisional)");
    const auto voice = judge(p, "FFA-VOICE.fail");
    CHECK(voice.grade == "Good (provisional)");
    CHECK(voice.grade_basis.find("quality findings failing: FFA-VOICE") != std::string::npos);
    CHECK(voice.grade_basis.find("compliance findings failing (reported apart, not graded): FFA-REVIEW-GAPS") !=
          std::string::npos);
    CHECK(voice.grade_basis.find("provisional until the auditor's judgements are recorded: FFA-EFFECTIVE, "
                                 "FFA-STANDARDS, FFA-IMPACT, FFA-LESSONS, "
                                 "FFA-ANALYSIS, FFA-OVERSIGHT") != std::string::npos);
    CHECK(finding(voice, "FFA-ANALYSIS").message.find("left to the auditor") != std::string::npos);
    CHECK(judge(pack("tf-2015"), "TF-ELIGIBLE.pass").grade.empty());
}

namespace {

// Writes `xml` to a fresh temporary pack file and returns its path.
std::string write_pack(const std::string& name, const std::string& xml) {
    const auto dir = std::filesystem::temp_directory_path() / "tfaudit-rules-test";
    std::filesystem::create_directories(dir);
    const auto path = (dir / (name + ".xml")).string();
    std::ofstream(path) << xml;
    return path;
}

}  // namespace

TEST_CASE("a local pack that overrides a threshold changes the verdict without a rebuild", "[rules]") {
    const auto recs = fixture("TF-SUSTAINED.pass");
    REQUIRE(rules::check_case(pack("tf-2015"), recs[0], as_of(), nullptr).verdict == "claimable");
    // Nine months instead of six: the case held about seven.
    const std::string path = write_pack("strict-sustain", R"(<?xml version="1.0"?>
<pack name="strict" version="1" title="Stricter sustain" extends="tf-2015">
  <parameters><param name="months" value="9"/></parameters>
</pack>
)");
    auto strict = rules::load_pack(path, rules_dir());
    INFO((strict ? "" : strict.error().str()));
    REQUIRE(strict.ok());
    const auto r = rules::check_case(strict.value(), recs[0], as_of(), nullptr);
    CHECK(r.verdict == "not_claimable");
    CHECK(finding(r, "TF-SUSTAINED").message.find("not sustained 9 months") != std::string::npos);
}

TEST_CASE("the example council pack adds an attendance measure and its threshold is data", "[rules]") {
    const std::string local = rules_dir() + "/examples/fernshire-local.xml";
    auto p = rules::load_pack(local, rules_dir());
    REQUIRE(p.ok());
    CHECK(p.value().find("TF-REVIEW-FREQUENCY")->severity == "blocker");
    CHECK(judge(p.value(), "LOCAL-ATTENDANCE.pass").verdict == "claimable");
    CHECK(judge(p.value(), "LOCAL-ATTENDANCE.fail").verdict == "not_claimable");
    // The same record under a pack that asks 97%: not claimable, with no code change.
    const std::string path =
        write_pack("attendance-97", "<pack name=\"a97\" version=\"1\" title=\"97%\" extends=\"" + local +
                                        "\"><rules><override rule=\"LOCAL-ATTENDANCE\"><param name=\"min_pct\" "
                                        "value=\"97\"/></override></rules></pack>\n");
    auto strict = rules::load_pack(path, rules_dir());
    INFO((strict ? "" : strict.error().str()));
    REQUIRE(strict.ok());
    const auto r = judge(strict.value(), "LOCAL-ATTENDANCE.pass");
    CHECK(r.verdict == "not_claimable");
    CHECK(finding(r, "LOCAL-ATTENDANCE").message.find("under 97%") != std::string::npos);
}

TEST_CASE("a local pack can disable a rule and change a severity", "[rules]") {
    const std::string path = write_pack("lenient", R"(<pack name="lenient" version="1" title="t" extends="tf-2015">
  <rules>
    <disable rule="TF-DUPLICATE"/>
    <override rule="TF-CONSENT" severity="major"/>
  </rules>
</pack>
)");
    auto p = rules::load_pack(path, rules_dir());
    REQUIRE(p.ok());
    CHECK(p.value().find("TF-DUPLICATE") == nullptr);
    const auto r = judge(p.value(), "TF-CONSENT.fail");
    CHECK(finding(r, "TF-CONSENT").status == "fail");
    CHECK(r.verdict == "claimable");
}

namespace {

// A raw result for `p` with every rule passing except those given.
rules::CaseResult raw_result(const rules::RulePack& p, const std::map<std::string, rules::Status>& except) {
    rules::CaseResult res;
    for (const auto& rule : p.rules) {
        rules::Finding f;
        f.rule = rule.id;
        f.severity = rule.severity;
        auto it = except.find(rule.id);
        // No discretionary claim in a case unless the test says so.
        const auto normal = rule.kind == "discretionary" ? rules::Status::NotApplicable : rules::Status::Pass;
        f.status = it == except.end() ? normal : it->second;
        f.fix = "fix " + rule.id;
        res.findings.push_back(f);
    }
    return res;
}

rules::Verdict verdict_with(const rules::RulePack& p, const std::map<std::string, rules::Status>& except) {
    auto res = raw_result(p, except);
    rules::finalize(p, res);
    return res.verdict;
}

}  // namespace

TEST_CASE("a blocker tfaudit could not decide makes the case needs_review, never not_claimable", "[rules][verdict]") {
    const auto p = pack("tf-2015");
    using rules::Status;
    using rules::Verdict;
    CHECK(verdict_with(p, {}) == Verdict::Claimable);
    CHECK(verdict_with(p, {{"TF-LEAD", Status::NeedsReview}}) == Verdict::NeedsReview);
    // A blocker that fails on evidence outweighs one that could not be decided.
    CHECK(verdict_with(p, {{"TF-LEAD", Status::NeedsReview}, {"TF-CONSENT", Status::Fail}}) == Verdict::NotClaimable);
    // Sustained progress undecided and no employment evidence: still needs review.
    CHECK(verdict_with(p, {{"TF-SUSTAINED", Status::NeedsReview}, {"TF-EMPLOYMENT", Status::Fail}}) ==
          Verdict::NeedsReview);
    // Both routes fail on evidence: not claimable.
    CHECK(verdict_with(p, {{"TF-SUSTAINED", Status::Fail}, {"TF-EMPLOYMENT", Status::Fail}}) == Verdict::NotClaimable);
    // The other route's undecided rule is not required once a route passes.
    auto res = raw_result(p, {{"TF-EMPLOYMENT", Status::NeedsReview}});
    rules::finalize(p, res);
    CHECK(res.verdict == Verdict::Claimable);
    CHECK(res.to_make_claimable.empty());
}

TEST_CASE("an undecided blocker is listed in to_make_claimable with its message", "[rules][verdict]") {
    const auto p = pack("tf-2015");
    auto res = raw_result(p, {{"TF-LEAD", rules::Status::NeedsReview}});
    rules::finalize(p, res);
    REQUIRE(res.to_make_claimable.size() == 1);
    CHECK(res.to_make_claimable[0].what == "fix TF-LEAD");
}
