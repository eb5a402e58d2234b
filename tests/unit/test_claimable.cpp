// claimable_from: the date a case becomes claimable when only time stands in its way (the
// sustain period or the employment weeks still running), and never otherwise.
#include "rules/claimable.h"
#include "rules_test_util.h"
#include "status_words.h"

using namespace tfa;
using namespace tfa::test;

namespace {

// Judges `r` as a batch would: raw findings, the candidate date, then the final verdict.
rules::CaseResult judge_with_date(const rules::RulePack& p, const CaseRecord& r, const char* date) {
    rules::CaseResult res = rules::check_case(p, r, as_of(date), nullptr);
    res.notes.claimable_from = rules::claimable_from(p, r, as_of(date), res);
    rules::settle_claimable(p, res);
    return res;
}

}  // namespace

TEST_CASE("claimable_from: a sustain period still running gives the day it ends", "[rules][claimable]") {
    const auto p = pack("tf-2015");
    const auto r = fixture("TF-SUSTAINED.fail")[0];
    // Achieved 2019-07-01; six months end 2020-01-01, after the as-of date.
    const auto res = judge_with_date(p, r, "2019-12-31");
    CHECK(res.verdict == "not_claimable");
    CHECK(res.notes.claimable_from == "2020-01-01");
}

TEST_CASE("claimable_from: a sustain period that has run without evidence gives no date", "[rules][claimable]") {
    const auto p = pack("tf-2015");
    const auto res = judge_with_date(p, fixture("TF-SUSTAINED.fail")[0], "2020-06-30");
    CHECK(res.verdict == "not_claimable");
    CHECK(res.notes.claimable_from.empty());
}

TEST_CASE("claimable_from: employment weeks still running give the day they are met", "[rules][claimable]") {
    const auto p = pack("tf-2015");
    auto r = fixture("TF-EMPLOYMENT.pass")[0];
    for (auto& e : r.evidence) {
        if (e.measure == "employment_start") e.value = "2019-10-14";
        if (e.measure == "weeks_in_work") e.period_start = "2019-10-14", e.period_end = "2019-12-16", e.value = "9";
    }
    const auto res = judge_with_date(p, r, "2019-12-31");
    CHECK(res.verdict == "not_claimable");
    // JSA needs 26 weeks from the 2019-10-14 start: 2020-04-13.
    CHECK(res.notes.claimable_from == "2020-04-13");
}

TEST_CASE("claimable_from: a claimable case has none", "[rules][claimable]") {
    const auto p = pack("tf-2015");
    const auto res = judge_with_date(p, fixture("TF-SUSTAINED.pass")[0], "2020-06-30");
    CHECK(res.verdict == "claimable");
    CHECK(res.notes.claimable_from.empty());
}

TEST_CASE("claimable_from: another failing rule means time alone will not do", "[rules][claimable]") {
    const auto p = pack("tf-2015");
    const auto r = fixture("TF-SUSTAINED.fail")[0];
    rules::CaseResult res = rules::check_case(p, r, as_of("2019-12-31"), nullptr);
    res.notes.claimable_from = rules::claimable_from(p, r, as_of("2019-12-31"), res);
    REQUIRE(res.notes.claimable_from == "2020-01-01");
    for (size_t i = 0; i < p.rules.size(); ++i)
        if (p.rules[i].id == "TF-CONSENT") res.findings[i].status = rules::Status::Fail;  // e.g. consent refused
    rules::settle_claimable(p, res);
    CHECK(res.notes.claimable_from.empty());
}

TEST_CASE("claimable_from: a criterion never achieved is not waiting for time", "[rules][claimable]") {
    const auto p = pack("tf-2015");
    auto r = fixture("TF-SUSTAINED.fail")[0];
    r.criteria_added.push_back("crime");  // found after the assessment, never achieved
    const auto res = judge_with_date(p, r, "2019-12-31");
    CHECK(res.verdict == "not_claimable");
    CHECK(res.notes.claimable_from.empty());
}
