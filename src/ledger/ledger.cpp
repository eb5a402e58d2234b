#include "ledger/ledger.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <random>

#include "core/sha256.h"
#include "core/text.h"

namespace tfa::ledger {

namespace {

// The migrations, oldest first: migration i takes a ledger from version i to i + 1. Column
// types are TEXT and INTEGER only, so the same statements serve SQLite and PostgreSQL.
const std::vector<std::vector<const char*>>& migrations() {
    static const std::vector<std::vector<const char*>> m = {
        {
            "CREATE TABLE runs(id TEXT PRIMARY KEY, started TEXT NOT NULL, command TEXT NOT NULL, as_of TEXT NOT NULL,"
            " pack TEXT NOT NULL, pack_version TEXT NOT NULL, tool_version TEXT NOT NULL, inputs_hash TEXT NOT NULL,"
            " cases INTEGER NOT NULL, seq INTEGER NOT NULL)",
            "CREATE TABLE results(run_id TEXT NOT NULL, seq INTEGER NOT NULL, family_ref TEXT NOT NULL, verdict TEXT "
            "NOT NULL, route TEXT NOT NULL,"
            " score INTEGER NOT NULL, claimable_from TEXT NOT NULL, blockers TEXT NOT NULL, evidence_hash TEXT NOT "
            "NULL,"
            " findings TEXT NOT NULL, PRIMARY KEY(run_id, seq))",
            "CREATE INDEX results_ref ON results(family_ref)",
            "CREATE TABLE claims(family_ref TEXT NOT NULL, claim_window TEXT NOT NULL, route TEXT NOT NULL, pack TEXT "
            "NOT NULL,"
            " as_of TEXT NOT NULL, claimed_at TEXT NOT NULL, run_id TEXT NOT NULL, evidence_hash TEXT NOT NULL,"
            " PRIMARY KEY(family_ref, claim_window))",
            "CREATE TABLE claim_members(family_ref TEXT NOT NULL, claim_window TEXT NOT NULL, member_hash TEXT NOT "
            "NULL,"
            " PRIMARY KEY(family_ref, claim_window, member_hash))",
            "CREATE TABLE decisions(id TEXT PRIMARY KEY, family_ref TEXT NOT NULL, rule TEXT NOT NULL, decision TEXT "
            "NOT NULL,"
            " reason TEXT NOT NULL, decided_by TEXT NOT NULL, decided_at TEXT NOT NULL, finding_status TEXT NOT NULL,"
            " seq INTEGER NOT NULL)",
        },
    };
    return m;
}

std::string random_hex(size_t bytes) {
    std::string raw(bytes, '\0');
    std::ifstream urandom("/dev/urandom", std::ios::binary);
    if (!urandom.read(&raw[0], static_cast<std::streamsize>(bytes))) {
        std::random_device rd;
        for (auto& c : raw) c = static_cast<char>(rd());
    }
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned char c : raw) out += {hex[c >> 4], hex[c & 15]};
    return out;
}

std::string utc(const char* fmt) {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, fmt, &tm);
    return buf;
}

int to_int(const std::string& s) { return s.empty() ? 0 : std::atoi(s.c_str()); }

}  // namespace

int schema_version() { return static_cast<int>(migrations().size()); }
std::string new_run_id() { return utc("%Y%m%dT%H%M%SZ") + "-" + random_hex(3); }
std::string now_utc() { return utc("%Y-%m-%dT%H:%M:%SZ"); }

Result<std::unique_ptr<Ledger>> Ledger::open(const std::string& where) {
    auto db = open_db(where);
    if (!db) return db.error();
    std::unique_ptr<Ledger> l(new Ledger(std::move(db.value())));
    if (auto e = l->migrate()) return *e;
    return l;
}

// Applies the missing migrations (the meta table first) in one write transaction, re-reading
// the version inside it, so two processes opening a new ledger at once migrate it once. The
// salt is made with the ledger.
Status Ledger::migrate() {
    auto read_meta = [&](const std::string& key, std::string& value) -> Status {
        auto rows = db_->query("SELECT value FROM meta WHERE key = ?", {key}, 1);
        if (!rows) return rows.error();
        value = rows.value().empty() ? "" : rows.value()[0][0];
        return std::nullopt;
    };
    std::string version;
    if (read_meta("schema_version", version)) version.clear();  // no meta table yet: a new ledger
    if (to_int(version) < schema_version()) {
        if (auto e = db_->begin_write()) return e;
        Status st = db_->exec("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)", {});
        if (!st) st = read_meta("schema_version", version);
        const bool made = !st && version.empty();
        for (int v = to_int(version); !st && v < schema_version(); ++v)
            for (const char* sql : migrations()[static_cast<size_t>(v)])
                if (!st) st = db_->exec(sql, {});
        if (made && !st) st = db_->exec("INSERT INTO meta(key, value) VALUES('salt', ?)", {random_hex(16)});
        if (made && !st) st = db_->exec("INSERT INTO meta(key, value) VALUES('created', ?)", {now_utc()});
        if (!st && to_int(version) < schema_version()) {
            st = db_->exec("DELETE FROM meta WHERE key = 'schema_version'", {});
            if (!st)
                st = db_->exec("INSERT INTO meta(key, value) VALUES('schema_version', ?)",
                               {std::to_string(schema_version())});
            if (!st) version = std::to_string(schema_version());
        }
        if (st) {
            db_->rollback();
            return st;
        }
        if (auto e = db_->commit()) return e;
    }
    if (to_int(version) > schema_version())
        return Error{where(), "the ledger has schema version " + version + ", newer than this tfaudit understands (" +
                                  std::to_string(schema_version()) + "): use a newer tfaudit"};
    if (auto e = read_meta("salt", salt_)) return e;
    if (salt_.empty()) return Error{where(), "the ledger has no salt: not a tfaudit ledger or damaged"};
    return std::nullopt;
}

std::string Ledger::member_hash(const std::string& name, const std::string& dob) const {
    const std::string n = text::match_key(name);
    if (n.empty() || dob.empty()) return {};
    return sha256_hex(salt_ + "\n" + n + "\n" + dob);
}

std::vector<std::string> Ledger::member_hashes(const CaseRecord& r) const {
    std::vector<std::string> out;
    for (const auto& m : r.members)
        if (auto h = member_hash(m.name, m.dob); !h.empty()) out.push_back(h);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

Status Ledger::begin() { return db_->begin_write(); }
Status Ledger::commit() { return db_->commit(); }
void Ledger::rollback() { db_->rollback(); }

Status Ledger::add_run(const RunRow& r) {
    // seq orders runs (several may start in one second); runs are written one at a time.
    return db_->exec(
        "INSERT INTO runs(id, started, command, as_of, pack, pack_version, tool_version, inputs_hash, cases, seq)"
        " SELECT ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS INTEGER), COALESCE(MAX(seq), 0) + 1 FROM runs",
        {r.id, r.started, r.command, r.as_of, r.pack, r.pack_version, r.tool_version, r.inputs_hash,
         std::to_string(r.cases)});
}

Status Ledger::set_run_cases(const std::string& run_id, int cases) {
    return db_->exec("UPDATE runs SET cases = CAST(? AS INTEGER) WHERE id = ?", {std::to_string(cases), run_id});
}

namespace {

// "RULE=status,RULE=status": a result's findings in one column (one row per case keeps a
// run's inserts few).
std::string findings_text(const std::vector<FindingRow>& fs) {
    std::string s;
    for (const auto& f : fs) s += (s.empty() ? "" : ",") + f.rule + "=" + f.status;
    return s;
}

std::vector<FindingRow> findings_of(const std::string& s) {
    std::vector<FindingRow> out;
    for (const auto& item : text::split(s, ','))
        if (auto eq = item.find('='); eq != std::string::npos)
            out.push_back(FindingRow{item.substr(0, eq), item.substr(eq + 1), ""});
    return out;
}

}  // namespace

Status Ledger::set_run_inputs(const std::string& run_id, const std::string& inputs_hash) {
    return db_->exec("UPDATE runs SET inputs_hash = ? WHERE id = ?", {inputs_hash, run_id});
}

Status Ledger::add_results(const std::vector<ResultRow>& rows) {
    // Many rows per statement.
    constexpr size_t kPer = 64;
    for (size_t at = 0; at < rows.size(); at += kPer) {
        std::string sql =
            "INSERT INTO results(run_id, seq, family_ref, verdict, route, score, claimable_from, blockers, "
            "evidence_hash,"
            " findings) VALUES";
        std::vector<std::string> params;
        for (size_t i = at; i < rows.size() && i < at + kPer; ++i) {
            const ResultRow& r = rows[i];
            sql += std::string(i == at ? "" : ",") + "(?, CAST(? AS INTEGER), ?, ?, ?, CAST(? AS INTEGER), ?, ?, ?, ?)";
            for (const auto& p :
                 {r.run_id, std::to_string(r.seq), r.family_ref, r.verdict, r.route, std::to_string(r.score),
                  r.claimable_from, r.blockers, r.evidence_hash, findings_text(r.findings)})
                params.push_back(p);
        }
        if (auto e = db_->exec(sql, params)) return e;
    }
    return std::nullopt;
}

Status Ledger::add_claim(const ClaimRow& c, bool& added) {
    auto have = db_->query("SELECT COUNT(*) FROM claims WHERE family_ref = ? AND claim_window = ?",
                           {c.family_ref, c.window}, 1);
    if (!have) return have.error();
    added = to_int(have.value()[0][0]) == 0;
    if (!added) return std::nullopt;
    if (auto e = db_->exec(
            "INSERT INTO claims(family_ref, claim_window, route, pack, as_of, claimed_at, run_id, evidence_hash)"
            " VALUES(?, ?, ?, ?, ?, ?, ?, ?)",
            {c.family_ref, c.window, c.route, c.pack, c.as_of, c.claimed_at, c.run_id, c.evidence_hash}))
        return e;
    for (const auto& h : c.member_hashes)
        if (auto e = db_->exec("INSERT INTO claim_members(family_ref, claim_window, member_hash) VALUES(?, ?, ?)"
                               " ON CONFLICT DO NOTHING",
                               {c.family_ref, c.window, h}))
            return e;
    return std::nullopt;
}

Status Ledger::add_decision(const DecisionRow& d) {
    return db_->exec(
        "INSERT INTO decisions(id, family_ref, rule, decision, reason, decided_by, decided_at, finding_status, seq)"
        " SELECT ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(MAX(seq), 0) + 1 FROM decisions",
        {new_run_id(), d.family_ref, d.d.rule, d.d.decision, d.d.reason, d.d.by, d.d.at, d.finding_status});
}

Result<std::vector<ClaimRow>> Ledger::claim_rows(const std::string& family_ref) const {
    const std::string where = family_ref.empty() ? "" : " WHERE family_ref = ?";
    std::vector<std::string> params;
    if (!family_ref.empty()) params.push_back(family_ref);
    auto rows = db_->query(
        "SELECT family_ref, claim_window, route, pack, as_of, claimed_at, run_id, evidence_hash FROM claims" + where +
            " ORDER BY claimed_at, claim_window, family_ref",
        params, 8);
    if (!rows) return rows.error();
    std::vector<ClaimRow> out;
    for (auto& r : rows.value()) out.push_back(ClaimRow{r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], {}});
    return out;
}

Result<ClaimIndex> Ledger::claims() const {
    auto rows = claim_rows();
    if (!rows) return rows.error();
    ClaimIndex idx;
    for (auto& c : rows.value()) idx.by_ref[c.family_ref].push_back(c);
    auto members = db_->query("SELECT family_ref, claim_window, member_hash FROM claim_members", {}, 3);
    if (!members) return members.error();
    for (auto& m : members.value()) {
        idx.refs_by_member[m[2]].insert(m[0]);
        for (auto& c : idx.by_ref[m[0]])
            if (c.window == m[1]) c.member_hashes.push_back(m[2]);
    }
    return idx;
}

std::vector<std::string> ClaimIndex::entries_for(const std::string& ref, const std::vector<std::string>& hashes,
                                                 const std::string& window) const {
    std::vector<std::string> out;
    auto when = [](const ClaimRow& c) {
        return "window " + c.window + " on " + c.claimed_at.substr(0, 10) + ", as of " + c.as_of;
    };
    if (auto it = by_ref.find(ref); it != by_ref.end())
        for (const auto& c : it->second)
            if (c.window != window) out.push_back("claimed in " + when(c));
    std::map<std::string, size_t> matches;  // other reference → members in common
    for (const auto& h : hashes)
        if (auto it = refs_by_member.find(h); it != refs_by_member.end())
            for (const auto& other : it->second)
                if (other != ref) ++matches[other];
    const size_t need = std::min<size_t>(2, hashes.size());
    for (const auto& [other, n] : matches) {
        if (n < need || need == 0) continue;
        for (const auto& c : by_ref.at(other))
            if (c.window != window)
                out.push_back("members (name and date of birth) match " + other + ", claimed in " + when(c));
    }
    return out;
}

Result<std::map<std::string, std::vector<DecisionRow>>> Ledger::decisions() const {
    auto rows = db_->query(
        "SELECT family_ref, rule, decision, reason, decided_by, decided_at, finding_status FROM decisions"
        " ORDER BY seq",
        {}, 7);
    if (!rows) return rows.error();
    std::map<std::string, std::vector<DecisionRow>> out;
    for (auto& r : rows.value()) {
        DecisionRow d;
        d.family_ref = r[0];
        d.d = rules::Decision{r[1], r[2], r[3], r[4], r[5], false};
        d.finding_status = r[6];
        out[r[0]].push_back(std::move(d));
    }
    return out;
}

Result<std::vector<RunRow>> Ledger::runs() const {
    auto rows = db_->query(
        "SELECT id, started, command, as_of, pack, pack_version, tool_version, inputs_hash, cases FROM runs"
        " ORDER BY seq",
        {}, 9);
    if (!rows) return rows.error();
    std::vector<RunRow> out;
    for (auto& r : rows.value()) out.push_back(RunRow{r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], to_int(r[8])});
    return out;
}

Result<std::vector<ResultRow>> Ledger::results(const std::string& run_id, const std::string& family_ref) const {
    const bool by_run = !run_id.empty();
    auto rows = db_->query(
        "SELECT r.run_id, r.family_ref, r.verdict, r.route, r.claimable_from, r.blockers, r.evidence_hash,"
        " r.score, r.findings FROM results r JOIN runs u ON u.id = r.run_id WHERE " +
            std::string(by_run ? "r.run_id = ?" : "r.family_ref = ?") + " ORDER BY u.seq, r.seq",
        {by_run ? run_id : family_ref}, 9);
    if (!rows) return rows.error();
    std::vector<ResultRow> out;
    for (auto& r : rows.value())
        out.push_back(ResultRow{r[0], r[1], r[2], r[3], r[4], r[5], r[6], to_int(r[7]), findings_of(r[8])});
    return out;
}

Result<std::string> Ledger::latest_status(const std::string& family_ref, const std::string& rule) const {
    auto rows = results("", family_ref);
    if (!rows) return rows.error();
    for (auto it = rows.value().rbegin(); it != rows.value().rend(); ++it)
        for (const auto& f : it->findings)
            if (f.rule == rule) return f.status;
    return std::string();
}

Result<int> Ledger::purge_runs_before(const std::string& date) {
    auto n = db_->query("SELECT COUNT(*) FROM runs WHERE started < ?", {date}, 1);
    if (!n) return n.error();
    const char* stmts[] = {"DELETE FROM results WHERE run_id IN (SELECT id FROM runs WHERE started < ?)",
                           "DELETE FROM runs WHERE started < ?"};
    for (const char* s : stmts)
        if (auto e = db_->exec(s, {date})) return *e;
    return to_int(n.value()[0][0]);
}

}  // namespace tfa::ledger
