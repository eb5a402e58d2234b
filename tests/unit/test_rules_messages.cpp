// Messages a performance officer reads once: every rule's message, pass text and "to make
// claimable" item, rendered over every fixture and every sample record under every pack, has
// no unfilled {placeholder}; counts agree in number; consent scopes are words.
#include <dirent.h>

#include <algorithm>

#include "rules_test_util.h"
#include "status_words.h"

using namespace tfa;
using namespace tfa::test;

namespace {

std::vector<std::string> json_files(const std::string& dir) {
    std::vector<std::string> out;
    if (DIR* d = ::opendir(dir.c_str())) {
        while (dirent* e = ::readdir(d)) {
            const std::string n = e->d_name;
            if (n.size() > 5 && n.substr(n.size() - 5) == ".json") out.push_back(dir + "/" + n);
        }
        ::closedir(d);
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool has_brace(const std::string& s) { return s.find('{') != std::string::npos || s.find('}') != std::string::npos; }

}  // namespace

TEST_CASE("no message, pass text or to-do item is left with an unfilled placeholder", "[rules][messages]") {
    std::vector<CaseRecord> records;
    auto files = json_files(fixtures_dir());
    for (const auto& f : json_files(std::string(TFAUDIT_SOURCE_DIR) + "/samples/expected")) files.push_back(f);
    REQUIRE(files.size() > 100);
    for (const auto& f : files) {
        auto recs = load_records(f);
        REQUIRE(recs.ok());
        for (auto& r : recs.value()) records.push_back(std::move(r));
    }
    const auto batch = batch_of(records);
    size_t rendered = 0;
    for (const std::string& name :
         std::vector<std::string>{"tf-2015", "sf-2022", "ffa-quality", rules_dir() + "/examples/fernshire-local.xml"}) {
        const auto p = pack(name);
        for (const auto& r : records) {
            for (const char* date : {"2019-06-30", "2020-06-30"}) {
                const auto res = rules::check_case(p, r, as_of(date), &batch);
                for (const auto& f : res.findings) {
                    INFO(name << " " << r.case_name << " " << date << ": " << f.message);
                    CHECK(!has_brace(f.message));
                    CHECK(!has_brace(f.fix));
                    ++rendered;
                }
                for (const auto& m : res.to_make_claimable) {
                    INFO(name << " " << r.case_name << ": " << m.what);
                    CHECK(!has_brace(m.what));
                }
            }
        }
    }
    CHECK(rendered > 10000);
}

TEST_CASE("one criterion, one review: counts agree in number", "[rules][messages]") {
    const auto r = judge(pack("tf-2015"), "TF-ELIGIBLE.fail");
    CHECK(finding(r, "TF-ELIGIBLE").message ==
          "[TF-ELIGIBLE] 1 criterion identified at assessment (School attendance); at least 2 required");
    auto recs = fixture("TF-REVIEW-FREQUENCY.fail");
    recs[0].reviews.resize(1);
    const auto one = rules::check_case(pack("tf-2015"), recs[0], as_of(), nullptr);
    CHECK(finding(one, "TF-REVIEWED").message == "[TF-REVIEWED] 1 review in the bundle");
    CHECK(finding(judge(pack("tf-2015"), "TF-OUTCOME-ACTION.pass"), "TF-OUTCOME-ACTION").message ==
          "[TF-OUTCOME-ACTION] all 2 plan outcomes have actions");
}

TEST_CASE("consent scopes are given in words, saying what is missing", "[rules][messages]") {
    const auto r = judge(pack("tf-2015"), "TF-CONSENT.fail.local-only");
    CHECK(finding(r, "TF-CONSENT").message ==
          "[TF-CONSENT] the consent covers local partner agencies only: the family must also consent to sharing with "
          "government departments");
    const auto ok = judge(pack("tf-2015"), "TF-CONSENT.pass");
    CHECK(finding(ok, "TF-CONSENT").message ==
          "[TF-CONSENT] consent given 2018-09-17, covering central government, the DWP and the Troubled Families "
          "programme");
}

TEST_CASE("a 16-18 year old as the only child asks a person to confirm education or training", "[rules][messages]") {
    const auto r = judge(pack("tf-2015"), "TF-DEPENDENT-CHILD.review");
    const auto& f = finding(r, "TF-DEPENDENT-CHILD");
    CHECK(f.status == "needs_review");
    CHECK(f.message ==
          "[TF-DEPENDENT-CHILD] needs review: confirm Kayden Price (17) is in education or training, or unemployed: "
          "only then a dependent child");
    CHECK(r.verdict == "needs_review");
}
