// Every rule fixture in tests/rules/ (RULE.STATUS[.variant].json) gives its rule the status
// its name states (na: not_applicable, review: needs_review); every rule of every pack has one
// that it meets (pass, or na for a kind that never passes) and one that it does not (fail,
// warn or review), and every tf-2015 rule a not_applicable one.
#include <dirent.h>

#include <algorithm>
#include <map>
#include <set>

#include "rules_test_util.h"
#include "status_words.h"

using namespace tfa;
using namespace tfa::test;

namespace {

struct Fixture {
    std::string file, rule, status;
};

std::vector<Fixture> all_fixtures() {
    std::vector<Fixture> out;
    DIR* d = ::opendir(fixtures_dir().c_str());
    REQUIRE(d != nullptr);
    while (dirent* e = ::readdir(d)) {
        std::string n = e->d_name;
        if (n.size() < 6 || n.substr(n.size() - 5) != ".json") continue;
        n.resize(n.size() - 5);
        const size_t dot = n.find('.');
        const size_t dot2 = n.find('.', dot + 1);
        out.push_back(
            {n, n.substr(0, dot), n.substr(dot + 1, dot2 == std::string::npos ? std::string::npos : dot2 - dot - 1)});
    }
    ::closedir(d);
    std::sort(out.begin(), out.end(), [](const Fixture& a, const Fixture& b) { return a.file < b.file; });
    return out;
}

std::string pack_for(const std::string& rule) {
    if (rule.rfind("TF-", 0) == 0) return "tf-2015";
    if (rule.rfind("SF-", 0) == 0) return "sf-2022";
    if (rule.rfind("FFA-", 0) == 0) return "ffa-quality";
    return rules_dir() + "/examples/fernshire-local.xml";
}

std::string want_status(const std::string& s) {
    if (s == "na") return "not_applicable";
    if (s == "review") return "needs_review";
    return s;
}

}  // namespace

TEST_CASE("every rule fixture gives its rule the status its name states", "[rules]") {
    std::map<std::string, rules::RulePack> packs;
    const auto fixtures = all_fixtures();
    REQUIRE(fixtures.size() > 50);
    for (const auto& fx : fixtures) {
        const std::string p = pack_for(fx.rule);
        if (!packs.count(p)) packs.emplace(p, pack(p));
        const auto result = judge(packs.at(p), fx.file);
        const auto& f = finding(result, fx.rule);
        INFO(fx.file << ": " << f.message);
        CHECK(f.status == want_status(fx.status));
        CHECK(f.message.find(fx.rule) != std::string::npos);
    }
}

TEST_CASE("every rule of every pack has its fixtures", "[rules]") {
    std::set<std::string> have;
    for (const auto& fx : all_fixtures())
        have.insert(fx.rule + "." + (fx.status == "warn" || fx.status == "review" ? "fail" : fx.status));
    for (const char* name : {"tf-2015", "sf-2022", "ffa-quality"}) {
        const auto p = pack(name);
        for (const auto& r : p.rules) {
            INFO(name << " " << r.id);
            if (std::string(name) == "tf-2015" || r.kind == "auditor_judgement") CHECK(have.count(r.id + ".na"));
            if (r.kind == "auditor_judgement" && r.id != "FFA-EFFECTIVE") continue;  // one judged example is enough
            const bool never_passes = r.kind == "discretionary";
            CHECK((have.count(r.id + ".pass") || never_passes));
            CHECK(have.count(r.id + ".fail"));
        }
    }
}

TEST_CASE("the base fixture is claimable under tf-2015 with every rule passing", "[rules]") {
    const auto r = judge(pack("tf-2015"), "TF-ELIGIBLE.pass");
    CHECK(r.verdict == "claimable");
    CHECK(r.route == "sustained_progress");
    CHECK(r.score == 100);
    CHECK(r.to_make_claimable.empty());
    for (const auto& f : r.findings) {
        INFO(f.message);
        CHECK((f.status == "pass" ||
               ((f.rule == "TF-EMPLOYMENT" || f.rule == "TF-DISCRETIONARY") && f.status == "not_applicable")));
    }
}
