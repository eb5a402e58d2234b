// The sample corpus end to end: every bundle's extracted record equals the record its
// generator wrote from the scenario (samples/expected/*.json), and every case gets the
// expected verdict, route, failing and warning rules. The expectations come from
// samples/generate.py's scenarios, never from tfaudit's own output.
#include <catch2/catch.hpp>

#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <dirent.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "app/pipeline.h"
#include "core/calendar.h"
#include "golden.h"
#include "rules/check.h"
#include "status_words.h"
#include "rules/pack.h"

using namespace tfa;

namespace {

const std::string kRoot = std::string(TEST_DATA_DIR) + "/../..";

std::string stringify(const Poco::Dynamic::Var& v) {
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(v, out);
    return out.str();
}

struct Corpus {
    rules::RulePack pack;
    std::map<std::string, CaseRecord> records;
    std::map<std::string, Poco::JSON::Object::Ptr> expected;
};

const Corpus& corpus() {
    static const Corpus c = [] {
        Corpus c;
        auto pack = rules::load_pack("tf-2015", kRoot + "/rules");
        REQUIRE(pack.ok());
        c.pack = pack.value();
        app::PipelineOptions po;
        po.templates_dir = kRoot + "/templates";
        for (const auto& cr : c.pack.criteria) po.criteria.emplace_back(cr.id, cr.name);
        const Status s = app::for_each_case({kRoot + "/samples/bundles"}, po,
                                            [&](CaseRecord&& r) { c.records[r.case_name] = std::move(r); });
        REQUIRE_FALSE(s);
        DIR* d = ::opendir((kRoot + "/samples/expected").c_str());
        REQUIRE(d);
        while (dirent* e = ::readdir(d)) {
            const std::string n = e->d_name;
            if (n.size() < 6 || n.substr(n.size() - 5) != ".json") continue;
            Poco::JSON::Parser p;
            auto obj = p.parse(test::read_all(kRoot + "/samples/expected/" + n)).extract<Poco::JSON::Object::Ptr>();
            c.expected[obj->getValue<std::string>("case")] = obj;
        }
        ::closedir(d);
        return c;
    }();
    return c;
}

// `v` without the "source" objects of list items: expected records are written from the
// scenario, which knows no locations.
void strip_sources(const Poco::Dynamic::Var& v) {
    if (v.type() == typeid(Poco::JSON::Object::Ptr)) {
        auto o = v.extract<Poco::JSON::Object::Ptr>();
        o->remove("source");
        std::vector<std::string> names;
        o->getNames(names);
        for (const auto& n : names) strip_sources(o->get(n));
    } else if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
        auto a = v.extract<Poco::JSON::Array::Ptr>();
        for (size_t i = 0; i < a->size(); ++i) strip_sources(a->get(static_cast<unsigned>(i)));
    }
}

}  // namespace

TEST_CASE("samples: every bundle's record equals the generator's expected record", "[samples]") {
    const Corpus& c = corpus();
    REQUIRE(c.expected.size() >= 20);
    CHECK(c.records.size() == c.expected.size());
    for (const auto& [name, exp] : c.expected) {
        INFO("case " << name);
        auto it = c.records.find(name);
        REQUIRE(it != c.records.end());
        Poco::JSON::Parser p;
        auto got = p.parse(to_json(it->second, 0, false)).extract<Poco::JSON::Object::Ptr>();
        auto want = exp->getObject("record");
        std::vector<std::string> keys;
        want->getNames(keys);
        for (const auto& k : keys) {
            INFO("key " << k);
            if (k == "unreadable") {
                // Files relative to samples/bundles; reasons start with the expected phrase.
                auto w = want->getArray(k);
                auto g = got->getArray(k);
                REQUIRE(g->size() == w->size());
                for (size_t i = 0; i < w->size(); ++i) {
                    const std::string file = g->getObject(i)->getValue<std::string>("file");
                    CHECK(file.substr(file.find("samples/bundles/") + 16) == w->getObject(i)->getValue<std::string>("file"));
                    CHECK_THAT(g->getObject(i)->getValue<std::string>("reason"),
                               Catch::StartsWith(w->getObject(i)->getValue<std::string>("reason")));
                }
                continue;
            }
            strip_sources(got->get(k));
            CHECK(stringify(got->get(k)) == stringify(want->get(k)));
        }
    }
}

TEST_CASE("samples: every case gets its expected verdict, route and failing rules", "[samples]") {
    const Corpus& c = corpus();
    rules::BatchRefs refs;
    for (const auto& [name, r] : c.records) refs[r.family_ref].push_back(name);
    for (const auto& [name, exp] : c.expected) {
        INFO("case " << name);
        const CaseRecord& r = c.records.at(name);
        const auto as_of = *cal::parse(exp->getValue<std::string>("as_of"));
        const auto res = rules::check_case(c.pack, r, as_of, &refs);
        CHECK(res.verdict == exp->getValue<std::string>("verdict"));
        const std::string route = exp->isNull("route") ? "" : exp->getValue<std::string>("route");
        CHECK(res.route == route);
        std::vector<std::string> fails, warns, want_fails, want_warns;
        for (const auto& f : res.findings) {
            if (f.status == "fail") fails.push_back(f.rule);
            if (f.status == "warn") warns.push_back(f.rule);
        }
        for (const auto& v : *exp->getArray("failing_rules")) want_fails.push_back(v.toString());
        for (const auto& v : *exp->getArray("warning_rules")) want_warns.push_back(v.toString());
        std::sort(fails.begin(), fails.end());
        std::sort(warns.begin(), warns.end());
        CHECK(fails == want_fails);
        CHECK(warns == want_warns);
    }
}
