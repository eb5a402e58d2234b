// The claims ledger against SQLite and PostgreSQL: schema and migrations, salts, claims once
// per window, duplicates by reference and by members, transactions, decisions, retention.
#include "ledger/ledger.h"

#include "core/sha256.h"
#include "ledger/decisions.h"
#include "ledger/hash.h"
#include "ledger_backends.h"
#include "rules_test_util.h"
#include "status_words.h"

using namespace tfa;
using namespace tfa::test;

namespace {

std::unique_ptr<ledger::Ledger> open_ok(const std::string& where) {
    auto l = ledger::Ledger::open(where);
    INFO(where << ": " << (l ? "" : l.error().str()));
    REQUIRE(l.ok());
    return std::move(l.value());
}

ledger::ClaimRow claim(const std::string& ref, const std::string& window, std::vector<std::string> members = {}) {
    return ledger::ClaimRow{ref,     window, "sustained_progress", "tf-2015", "2020-06-30", "2020-07-01T09:00:00Z",
                            "run-1", "abc",  std::move(members)};
}

ledger::RunRow run_row(const std::string& id, const std::string& started) {
    return ledger::RunRow{id, started, "tfaudit check", "2020-06-30", "tf-2015", "1.0", "0.1.0", "", 0};
}

}  // namespace

TEST_CASE("ledger: a new ledger is made at the current schema and keeps its salt", "[ledger]") {
    for (const auto& where : fresh_ledgers()) {
        INFO(where);
        std::string h1;
        {
            auto l = open_ok(where);
            h1 = l->member_hash("Dana Price", "1986-04-12");
            CHECK(h1.size() == 64);
            CHECK(l->member_hash("  dana   PRICE ", "1986-04-12") == h1);  // names normalised
            CHECK(l->member_hash("Dana Price", "1986-04-13") != h1);
            CHECK(l->member_hash("Dana Price", "").empty());
        }
        auto again = open_ok(where);  // opening again migrates nothing and keeps the salt
        CHECK(again->member_hash("Dana Price", "1986-04-12") == h1);
        auto other = open_ok(temp_dir() + "/other.db");  // another ledger, another salt
        CHECK(other->member_hash("Dana Price", "1986-04-12") != h1);
    }
}

TEST_CASE("ledger: a ledger newer than this binary is refused, naming it", "[ledger]") {
    for (const auto& where : fresh_ledgers()) {
        INFO(where);
        open_ok(where);
        {
            auto db = ledger::open_db(where);
            REQUIRE(db.ok());
            REQUIRE(!db.value()->exec("UPDATE meta SET value = '99' WHERE key = 'schema_version'", {}));
        }
        auto l = ledger::Ledger::open(where);
        REQUIRE(!l.ok());
        CHECK(l.error().message.find("schema version 99, newer than this tfaudit") != std::string::npos);
        CHECK(l.error().str().find(where.substr(0, 12)) == 0);
    }
}

TEST_CASE("ledger: a file that is not a ledger gives an error naming it", "[ledger]") {
    const std::string path = temp_dir() + "/notes.db";
    std::ofstream(path) << "these are not the droids you are looking for, nor a database\n";
    auto l = ledger::Ledger::open(path);
    REQUIRE(!l.ok());
    CHECK(l.error().file == path);
    CHECK(l.error().message.find("not a tfaudit ledger or damaged") != std::string::npos);
}

TEST_CASE("ledger: a family is claimed once per window", "[ledger]") {
    for (const auto& where : fresh_ledgers()) {
        INFO(where);
        auto l = open_ok(where);
        REQUIRE(!l->begin());
        bool added = false;
        REQUIRE(!l->add_claim(claim("FF-1", "2020-Q2"), added));
        CHECK(added);
        REQUIRE(!l->add_claim(claim("FF-1", "2020-Q2"), added));
        CHECK(!added);
        REQUIRE(!l->add_claim(claim("FF-1", "2020-Q3"), added));
        CHECK(added);
        REQUIRE(!l->commit());
        auto rows = l->claim_rows("FF-1");
        REQUIRE(rows.ok());
        CHECK(rows.value().size() == 2);
    }
}

TEST_CASE("ledger: earlier claims by reference and by members become duplicate entries", "[ledger]") {
    for (const auto& where : fresh_ledgers()) {
        INFO(where);
        auto l = open_ok(where);
        const auto a = l->member_hash("Dana Price", "1986-04-12"), b = l->member_hash("Kayden Price", "2009-06-30");
        const auto c = l->member_hash("Ola Nowak", "1990-01-01");
        REQUIRE(!l->begin());
        bool added = false;
        REQUIRE(!l->add_claim(claim("FF-1", "2020-Q2", {a, b}), added));
        REQUIRE(!l->commit());
        auto idx = l->claims();
        REQUIRE(idx.ok());
        const auto& ix = idx.value();
        // The same reference in a later window: a duplicate, quoting window, date and as-of.
        auto e = ix.entries_for("FF-1", {}, "2020-Q3");
        REQUIRE(e.size() == 1);
        CHECK(e[0] == "claimed in window 2020-Q2 on 2020-07-01, as of 2020-06-30");
        // Re-running the same window is not a duplicate.
        CHECK(ix.entries_for("FF-1", {a, b}, "2020-Q2").empty());
        // The same family re-referred under a new reference: its members match.
        e = ix.entries_for("FF-9", {a, b, c}, "2020-Q3");
        REQUIRE(e.size() == 1);
        CHECK(e[0].find("members (name and date of birth) match FF-1, claimed in window 2020-Q2") == 0);
        // One member in common (a child who moved household) is not the same family.
        CHECK(ix.entries_for("FF-9", {a, c}, "2020-Q3").empty());
        // A one-member family matching on its only member is.
        CHECK(ix.entries_for("FF-9", {b}, "2020-Q3").size() == 1);
    }
}

TEST_CASE("ledger: a run rolled back leaves nothing, a committed one reads back", "[ledger]") {
    for (const auto& where : fresh_ledgers()) {
        INFO(where);
        auto l = open_ok(where);
        ledger::ResultRow r{"run-a", "FF-1",       "not_claimable",
                            "",      "2020-01-01", "TF-SUSTAINED",
                            "h1",    85,           {{"TF-SUSTAINED", "fail", ""}, {"TF-CONSENT", "pass", ""}},
                            1};
        REQUIRE(!l->begin());
        REQUIRE(!l->add_run(run_row("run-a", "2020-07-01T09:00:00Z")));
        REQUIRE(!l->add_results({r}));
        l->rollback();
        auto runs = l->runs();
        REQUIRE(runs.ok());
        CHECK(runs.value().empty());

        REQUIRE(!l->begin());
        REQUIRE(!l->add_run(run_row("run-a", "2020-07-01T09:00:00Z")));
        std::vector<ledger::ResultRow> many;
        for (int i = 0; i < 150; ++i) {  // more than one multi-row statement
            ledger::ResultRow x = r;
            x.family_ref = "FF-" + std::to_string(i + 1);
            x.seq = i + 1;
            many.push_back(x);
        }
        REQUIRE(!l->add_results(many));
        REQUIRE(!l->commit());
        auto back = l->results("run-a");
        REQUIRE(back.ok());
        REQUIRE(back.value().size() == 150);
        CHECK(back.value()[0].family_ref == "FF-1");
        CHECK(back.value()[0].claimable_from == "2020-01-01");
        CHECK(back.value()[0].score == 85);
        REQUIRE(back.value()[0].findings.size() == 2);
        CHECK(back.value()[0].findings[0].rule == "TF-SUSTAINED");
        auto st = l->latest_status("FF-1", "TF-SUSTAINED");
        REQUIRE(st.ok());
        CHECK(st.value() == "fail");
    }
}

TEST_CASE("ledger: purge deletes the runs before a date and keeps claims and decisions", "[ledger]") {
    for (const auto& where : fresh_ledgers()) {
        INFO(where);
        auto l = open_ok(where);
        REQUIRE(!l->begin());
        REQUIRE(!l->add_run(run_row("old", "2019-01-01T09:00:00Z")));
        REQUIRE(!l->add_run(run_row("new", "2021-01-01T09:00:00Z")));
        REQUIRE(!l->add_results({{"old", "FF-1", "claimable", "sustained_progress", "", "", "h", 100, {}, 1}}));
        bool added = false;
        REQUIRE(!l->add_claim(claim("FF-1", "2019-Q1"), added));
        REQUIRE(!l->add_decision(
            {"FF-1", {"TF-CONSENT", "agree", "seen", "A. Auditor", "2019-01-02T10:00:00Z", false}, "pass"}));
        auto n = l->purge_runs_before("2020-01-01");
        REQUIRE(n.ok());
        CHECK(n.value() == 1);
        REQUIRE(!l->commit());
        auto runs = l->runs();
        REQUIRE(runs.ok());
        REQUIRE(runs.value().size() == 1);
        CHECK(runs.value()[0].id == "new");
        CHECK(l->results("old").value().empty());
        CHECK(l->claim_rows().value().size() == 1);
        CHECK(l->decisions().value().at("FF-1").size() == 1);
    }
}

TEST_CASE("ledger: decisions are kept in the order made", "[ledger]") {
    for (const auto& where : fresh_ledgers()) {
        INFO(where);
        auto l = open_ok(where);
        REQUIRE(!l->begin());
        for (const char* d : {"agree", "pass", "needs_review"})
            REQUIRE(!l->add_decision(
                {"FF-1", {"TF-SUSTAINED", d, "why", "A. Auditor", "2020-07-01T10:00:00Z", false}, "fail"}));
        REQUIRE(!l->commit());
        auto ds = l->decisions();
        REQUIRE(ds.ok());
        const auto& v = ds.value().at("FF-1");
        REQUIRE(v.size() == 3);
        CHECK(v[0].d.decision == "agree");
        CHECK(v[2].d.decision == "needs_review");
        CHECK(v[0].finding_status == "fail");
    }
}

TEST_CASE("decisions: shown beside the finding, verdict unchanged, effect apart, stale never dropped", "[ledger]") {
    const auto p = pack("tf-2015");
    const auto r = fixture("TF-SUSTAINED.fail")[0];
    const auto judged = rules::check_case(p, r, as_of(), nullptr);
    REQUIRE(judged.verdict == "not_claimable");
    auto d = [](const char* rule, const char* decision, const char* status) {
        return ledger::DecisionRow{
            "FF-1001", {rule, decision, "paper file", "A. Auditor", "2020-07-01T10:00:00Z", false}, status};
    };
    SECTION("pass on the failing blockers: claimable with the decisions; the findings unchanged") {
        auto res = judged;
        ledger::apply_decisions(p, res, {d("TF-SUSTAINED", "pass", "fail")});
        CHECK(res.verdict == "not_claimable");
        CHECK(finding(res, "TF-SUSTAINED").status == "fail");
        REQUIRE(res.notes.decisions.size() == 1);
        CHECK(!res.notes.decisions[0].stale);
        CHECK(res.notes.verdict_with_decisions == "claimable");
    }
    SECTION("needs_review sends the case to review") {
        auto res = judged;
        ledger::apply_decisions(p, res, {d("TF-SUSTAINED", "pass", "fail"), d("TF-CONSENT", "needs_review", "pass")});
        CHECK(res.notes.verdict_with_decisions == "needs_review");
    }
    SECTION("a decision on a finding that has changed, or a rule the case lacks, is stale and listed") {
        auto res = judged;
        ledger::apply_decisions(p, res, {d("TF-CONSENT", "fail", "fail"), d("TF-NO-SUCH", "agree", "")});
        REQUIRE(res.notes.decisions.size() == 2);
        CHECK(res.notes.decisions[0].stale);  // TF-CONSENT passes now
        CHECK(res.notes.decisions[1].stale);
        CHECK(res.notes.verdict_with_decisions == "not_claimable");  // stale decisions change nothing
    }
    CHECK(ledger::valid_decision("agree"));
    CHECK(!ledger::valid_decision("overruled"));
}

TEST_CASE("ledger: a PostgreSQL URL becomes connection parameters and is shown without its password", "[ledger]") {
    CHECK(ledger::pg_conninfo("postgresql://claims:s3cret@db.example:6543/tf?sslmode=require") ==
          "host=db.example port=6543 dbname=tf user=claims password=s3cret sslmode=require");
    CHECK(ledger::pg_conninfo("postgres://127.0.0.1/") == "host=127.0.0.1 port=5432 dbname=postgres user=postgres");
    CHECK(ledger::pg_conninfo("claims.db").empty());
    const auto shown = ledger::shown_location("postgresql://claims:s3cret@db.example:6543/tf");
    CHECK(shown.find("s3cret") == std::string::npos);
    CHECK(shown.find("claims@db.example:6543/tf") != std::string::npos);
    CHECK(ledger::shown_location("/srv/claims.db") == "/srv/claims.db");
    auto bad = ledger::Ledger::open("postgresql://nobody:s3cret@127.0.0.1:1/none");
    REQUIRE(!bad.ok());
    CHECK(bad.error().str().find("s3cret") == std::string::npos);
}

TEST_CASE("ledger: the fast evidence hash is SHA-256", "[ledger]") {
    CHECK(ledger::fast_sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const std::string big(100000, 'x');
    CHECK(ledger::fast_sha256_hex(big) == sha256_hex(big));
}
