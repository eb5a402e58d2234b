// The sample corpus end to end: every bundle's extracted record equals the record its
// generator wrote from the scenario (samples/expected/*.json), and every case gets the
// expected verdict, route, failing and warning rules. The expectations come from
// samples/generate.py's scenarios, never from tfaudit's own output.
//
// samples/pending.txt lists the bundles tfaudit does not read right yet (one per line, a comment
// after '#'): they are expected failures. Their differences are printed, field by field, and
// the test fails when a pending bundle starts to match, so that the list only shrinks.
#include <catch2/catch.hpp>

#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
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
    std::set<std::string> pending;  // samples/pending.txt
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
        c.pending = test::pending_samples(kRoot + "/samples/pending.txt");
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
        if (c.pending.count(name)) continue;
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
                    CHECK(file.substr(file.find("samples/bundles/") + 16) ==
                          w->getObject(i)->getValue<std::string>("file"));
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
        if (c.pending.count(name)) continue;
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

namespace {

// Every way a case differs from its expected file: "key: got ... want ..." per record key that
// differs, then the verdict, route and rules. Empty when the case matches.
std::vector<std::string> differences(const Corpus& c, const std::string& name, const Poco::JSON::Object::Ptr& exp,
                                     const rules::BatchRefs& refs) {
    std::vector<std::string> out;
    auto it = c.records.find(name);
    if (it == c.records.end()) return {"no case of this name was built"};
    Poco::JSON::Parser p;
    auto got = p.parse(to_json(it->second, 0, false)).extract<Poco::JSON::Object::Ptr>();
    auto want = exp->getObject("record");
    std::vector<std::string> keys;
    want->getNames(keys);
    for (const auto& k : keys) {
        if (k == "unreadable") {
            auto w = want->getArray(k);
            auto g = got->getArray(k);
            bool same = g->size() == w->size();
            for (size_t i = 0; same && i < w->size(); ++i) {
                const std::string file = g->getObject(i)->getValue<std::string>("file");
                const size_t at = file.find("samples/bundles/");
                same = at != std::string::npos &&
                       file.substr(at + 16) == w->getObject(i)->getValue<std::string>("file") &&
                       g->getObject(i)->getValue<std::string>("reason").rfind(
                           w->getObject(i)->getValue<std::string>("reason"), 0) == 0;
            }
            if (!same) out.push_back(k + ": got " + stringify(got->get(k)) + "\n      want " + stringify(w));
            continue;
        }
        strip_sources(got->get(k));
        const std::string g = stringify(got->get(k)), w = stringify(want->get(k));
        if (g != w) out.push_back(k + ": got " + g + "\n      want " + w);
    }
    const auto res = rules::check_case(c.pack, it->second, *cal::parse(exp->getValue<std::string>("as_of")), &refs);
    if (res.verdict != exp->getValue<std::string>("verdict"))
        out.push_back("verdict: got " + std::string(rules::to_string(res.verdict)) + ", want " +
                      exp->getValue<std::string>("verdict"));
    const std::string route = exp->isNull("route") ? "" : exp->getValue<std::string>("route");
    if (res.route != route) out.push_back("route: got '" + res.route + "', want '" + route + "'");
    std::vector<std::string> fails, want_fails;
    for (const auto& f : res.findings)
        if (f.status == "fail") fails.push_back(f.rule);
    for (const auto& v : *exp->getArray("failing_rules")) want_fails.push_back(v.toString());
    std::sort(fails.begin(), fails.end());
    if (fails != want_fails) {
        std::string g, w;
        for (const auto& f : fails) g += " " + f;
        for (const auto& f : want_fails) w += " " + f;
        out.push_back("failing rules: got" + g + ", want" + w);
    }
    return out;
}

}  // namespace

TEST_CASE("samples: every pending bundle is a sample that still differs from its expected file", "[samples]") {
    const Corpus& c = corpus();
    rules::BatchRefs refs;
    for (const auto& [name, r] : c.records) refs[r.family_ref].push_back(name);
    for (const auto& name : c.pending) {
        INFO("pending bundle " << name << " (samples/pending.txt)");
        auto exp = c.expected.find(name);
        REQUIRE(exp != c.expected.end());
        const auto diffs = differences(c, name, exp->second, refs);
        std::string text;
        for (const auto& d : diffs) text += "\n    " + d;
        if (!diffs.empty()) WARN("XFAIL " << name << ": " << diffs.size() << " differences" << text);
        INFO("it now matches its expected file: remove it from samples/pending.txt");
        CHECK_FALSE(diffs.empty());
    }
}
