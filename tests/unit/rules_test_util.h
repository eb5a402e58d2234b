// Shared helpers for the [rules] tests: fixture and pack locations, loading, judging.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "model/record_json.h"
#include "core/calendar.h"
#include "rules/check.h"
#include "rules/pack.h"

namespace tfa::test {

inline std::string rules_dir() { return std::string(TFAUDIT_SOURCE_DIR) + "/rules"; }
inline std::string fixtures_dir() { return std::string(TFAUDIT_SOURCE_DIR) + "/tests/rules"; }
inline long as_of(const char* iso = "2020-06-30") { return *cal::parse(iso); }

inline rules::RulePack pack(const std::string& name) {
    auto p = rules::load_pack(name, rules_dir());
    INFO((p ? "" : p.error().str()));
    REQUIRE(p.ok());
    return p.value();
}

inline std::vector<CaseRecord> fixture(const std::string& name) {
    auto recs = load_records(fixtures_dir() + "/" + name + ".json");
    INFO((recs ? "" : recs.error().str()));
    REQUIRE(recs.ok());
    REQUIRE(!recs.value().empty());
    return recs.value();
}

// The batch of `recs`: every family reference with its case names.
inline rules::BatchRefs batch_of(const std::vector<CaseRecord>& recs) {
    rules::BatchRefs b;
    for (const auto& r : recs) b[r.family_ref].push_back(r.case_name.empty() ? r.family_ref : r.case_name);
    return b;
}

// Judges the first record of fixture `name` with the rest as its batch.
inline rules::CaseResult judge(const rules::RulePack& p, const std::string& name, const char* date = "2020-06-30") {
    const auto recs = fixture(name);
    const auto b = batch_of(recs);
    return rules::check_case(p, recs[0], as_of(date), &b);
}

inline const rules::Finding& finding(const rules::CaseResult& r, const std::string& rule) {
    for (const auto& f : r.findings)
        if (f.rule == rule) return f;
    FAIL("no finding for " << rule);
    return r.findings.front();
}

}  // namespace tfa::test
