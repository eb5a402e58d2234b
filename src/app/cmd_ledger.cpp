// tfaudit ledger: what the claims ledger knows: a family's history, what changed between
// runs, the claims for the claim return, and retention.
#include <iostream>
#include <map>
#include <set>

#include "app/args.h"
#include "app/cli.h"
#include "app/commands.h"
#include "app/ledger_run.h"
#include "core/calendar.h"
#include "core/json_writer.h"
#include "core/text.h"
#include "ledger/ledger.h"
#include "report/writer.h"

namespace tfa::app {

namespace {

const char* kLedgerHelp =
    "usage: tfaudit ledger history REF        every run, verdict, claim and decision for a family\n"
    "       tfaudit ledger diff [--since RUN|DATE]\n"
    "                                         cases that became claimable, stopped being claimable,\n"
    "                                         gained or lost blockers: the latest run against run RUN,\n"
    "                                         or the last run before DATE (default: the run before)\n"
    "       tfaudit ledger export --format csv|json [--window NAME]\n"
    "                                         the claims, for the claim return\n"
    "       tfaudit ledger purge --before DATE    deletes runs started before DATE (claims and\n"
    "                                         decisions are kept) and says how many\n\n"
    "  --ledger PATH|URL     the ledger (default: $TFAUDIT_LEDGER)\n\n"
    "The ledger keeps no document text and no names. Exit status: 0 on success; 2 on a usage\n"
    "error or a ledger that cannot be used.\n";

using ledger::Ledger;

int fail(std::ostream& err, const Error& e) {
    err << "tfaudit ledger: " << e.str() << "\n";
    return kUsage;
}

int history(Ledger& l, const std::string& ref, std::ostream& out, std::ostream& err) {
    auto runs = l.runs();
    if (!runs) return fail(err, runs.error());
    std::map<std::string, ledger::RunRow> by_id;
    for (const auto& r : runs.value()) by_id[r.id] = r;
    auto results = l.results("", ref);
    if (!results) return fail(err, results.error());
    auto claims = l.claim_rows(ref);
    if (!claims) return fail(err, claims.error());
    auto decisions = l.decisions();
    if (!decisions) return fail(err, decisions.error());
    out << "family " << ref << "\n";
    out << "runs (" << results.value().size() << "):\n";
    for (const auto& r : results.value()) {
        const auto& run = by_id[r.run_id];
        out << "  " << run.started << "  run " << r.run_id << "  as of " << run.as_of << "  " << run.pack << " "
            << run.pack_version << "  " << r.verdict << (r.route.empty() ? "" : " (" + r.route + ")") << "  score "
            << r.score;
        if (!r.claimable_from.empty()) out << "  claimable from " << r.claimable_from;
        if (!r.blockers.empty()) out << "  blockers " << r.blockers;
        out << "\n";
    }
    out << "claims (" << claims.value().size() << "):\n";
    for (const auto& c : claims.value())
        out << "  " << c.claimed_at << "  window " << c.window << "  " << c.route << " route  " << c.pack << "  as of "
            << c.as_of << "  evidence " << c.evidence_hash.substr(0, 12) << "\n";
    const auto it = decisions.value().find(ref);
    const size_t n = it == decisions.value().end() ? 0 : it->second.size();
    out << "decisions (" << n << "):\n";
    for (size_t i = 0; i < n; ++i) {
        const auto& d = it->second[i];
        auto now = l.latest_status(ref, d.d.rule);
        if (!now) return fail(err, now.error());
        const bool stale = now.value().empty() || (!d.finding_status.empty() && now.value() != d.finding_status);
        out << "  " << d.d.at << "  " << d.d.rule << ": " << d.d.decision << " by " << d.d.by << ": " << d.d.reason;
        if (stale)
            out << "  [stale: the finding was " << (d.finding_status.empty() ? "not recorded" : d.finding_status)
                << ", now " << (now.value().empty() ? "absent" : now.value()) << "]";
        out << "\n";
    }
    return kOk;
}

std::set<std::string> blocker_set(const std::string& s) {
    std::set<std::string> out;
    for (const auto& b : text::split(s, ','))
        if (!b.empty()) out.insert(b);
    return out;
}

std::string list_of(const std::set<std::string>& s) {
    std::string out;
    for (const auto& x : s) out += (out.empty() ? "" : ", ") + x;
    return out;
}

// The run to compare against: the run called `since`, else the last started before the date
// `since`, else (empty `since`) the run before the latest.
Result<std::string> base_run(const std::vector<ledger::RunRow>& runs, const std::string& since) {
    if (runs.size() < 2 && since.empty()) return Error{"", "the ledger has fewer than two runs to compare"};
    if (since.empty()) return runs[runs.size() - 2].id;
    for (const auto& r : runs)
        if (r.id == since) return r.id;
    auto day = cal::parse(since);
    if (!day)
        return Error{"", "--since wants a run id (see ledger history) or a date as YYYY-MM-DD, not '" + since + "'"};
    std::string found;
    for (const auto& r : runs)
        if (r.started < cal::format(*day)) found = r.id;
    if (found.empty()) return Error{"", "no run started before " + since};
    return found;
}

int diff(Ledger& l, const std::string& since, std::ostream& out, std::ostream& err) {
    auto runs = l.runs();
    if (!runs) return fail(err, runs.error());
    if (runs.value().empty()) return fail(err, Error{l.where(), "the ledger has no runs"});
    auto base = base_run(runs.value(), since);
    if (!base) return fail(err, Error{l.where(), base.error().message});
    const std::string latest = runs.value().back().id;
    auto before = l.results(base.value());
    auto after = l.results(latest);
    if (!before) return fail(err, before.error());
    if (!after) return fail(err, after.error());
    std::map<std::string, ledger::ResultRow> old;
    for (const auto& r : before.value()) old.emplace(r.family_ref, r);
    out << "from run " << base.value() << " to run " << latest << ":\n";
    size_t changes = 0;
    std::set<std::string> seen;
    for (const auto& now : after.value()) {
        if (!seen.insert(now.family_ref).second) continue;
        const auto it = old.find(now.family_ref);
        const bool was = it != old.end() && it->second.verdict == "claimable";
        const bool is = now.verdict == "claimable";
        auto line = [&](const std::string& what) {
            out << "  " << what << "\n";
            ++changes;
        };
        if (is && !was) line("became claimable      " + now.family_ref + (it == old.end() ? " (new)" : ""));
        if (was && !is) line("stopped claimable     " + now.family_ref + " (now " + now.verdict + ")");
        const auto b_now = blocker_set(now.blockers);
        const auto b_old = it == old.end() ? std::set<std::string>() : blocker_set(it->second.blockers);
        std::set<std::string> gained, lost;
        for (const auto& b : b_now)
            if (!b_old.count(b)) gained.insert(b);
        for (const auto& b : b_old)
            if (!b_now.count(b)) lost.insert(b);
        if (!gained.empty()) line("gained blockers       " + now.family_ref + ": " + list_of(gained));
        if (!lost.empty()) line("lost blockers         " + now.family_ref + ": " + list_of(lost));
    }
    for (const auto& [ref, r] : old)
        if (!seen.count(ref)) out << "  not in the latest run " << ref << " (was " << r.verdict << ")\n", ++changes;
    out << changes << (changes == 1 ? " change" : " changes") << "\n";
    return kOk;
}

int export_claims(Ledger& l, const std::string& format, const std::string& window, std::ostream& out,
                  std::ostream& err) {
    auto claims = l.claim_rows();
    if (!claims) return fail(err, claims.error());
    const std::vector<std::string> cols{"family_ref", "window",     "route",        "pack",
                                        "as_of",      "claimed_at", "evidence_hash"};
    JsonWriter j;  // the JSON export: {"claims": [ one claim a line ]}
    if (format == "csv") {
        for (size_t i = 0; i < cols.size(); ++i) out << (i ? "," : "") << cols[i];
        out << "\r\n";
    } else {
        j.begin_object();
        j.key("claims");
        j.begin_array();
    }
    for (const auto& c : claims.value()) {
        if (!window.empty() && c.window != window) continue;
        const std::vector<std::string> v{c.family_ref, c.window,     c.route,        c.pack,
                                         c.as_of,      c.claimed_at, c.evidence_hash};
        if (format == "csv") {
            for (size_t i = 0; i < v.size(); ++i) out << (i ? "," : "") << report::csv_field(v[i]);
            out << "\r\n";
            continue;
        }
        j.begin_object(JsonWriter::Layout::Inline);
        for (size_t i = 0; i < v.size(); ++i) {
            j.key(cols[i]);
            j.str(v[i]);
        }
        j.end_object();
        out << j.take();
    }
    if (format != "csv") {
        j.end_array();
        j.end_object();
        out << j.take() << "\n";
    }
    return kOk;
}

int purge(Ledger& l, const std::string& before, std::ostream& out, std::ostream& err) {
    if (auto e = l.begin()) return fail(err, *e);
    auto n = l.purge_runs_before(before);
    Status st = n ? l.commit() : Status(n.error());
    if (st) {
        l.rollback();
        return fail(err, *st);
    }
    out << "purged " << n.value() << (n.value() == 1 ? " run" : " runs") << " started before " << before
        << " (with their results); claims and decisions are kept\n";
    return kOk;
}

}  // namespace

int cmd_ledger(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Args a({"--help", "-h"}, {"--ledger", "--since", "--format", "--window", "--before"});
    auto usage = [&](const std::string& msg) {
        err << "tfaudit ledger: " << msg << "\n" << kLedgerHelp;
        return kUsage;
    };
    if (auto e = a.parse(args, 2); !e.empty()) return usage(e);
    if (a.flag("--help") || a.flag("-h")) {
        out << kLedgerHelp;
        return kOk;
    }
    const auto& pos = a.positional();
    const std::string sub = pos.empty() ? "" : pos[0];
    if (sub != "history" && sub != "diff" && sub != "export" && sub != "purge")
        return usage("which: history, diff, export or purge?");
    if (sub == "history" && pos.size() != 2) return usage("history wants one family reference");
    if (sub != "history" && pos.size() != 1) return usage("unexpected argument '" + pos[1] + "'");
    const std::string format = a.get_or("--format", "csv");
    if (sub == "export" && format != "csv" && format != "json")
        return usage("--format wants csv or json, not '" + format + "'");
    std::string before;
    if (sub == "purge") {
        auto d = a.get("--before") ? cal::parse(*a.get("--before")) : std::nullopt;
        if (!d) return usage("purge wants --before DATE (YYYY-MM-DD)");
        before = cal::format(*d);
    }
    const std::string where = ledger_option(a);
    if (where.empty()) return usage("--ledger (or TFAUDIT_LEDGER) is required");
    auto l = Ledger::open(where);
    if (!l) return fail(err, l.error());
    Ledger& led = *l.value();
    if (sub == "history") return history(led, pos[1], out, err);
    if (sub == "diff") return diff(led, a.get_or("--since", ""), out, err);
    if (sub == "export") return export_claims(led, format, a.get_or("--window", ""), out, err);
    return purge(led, before, out, err);
}

}  // namespace tfa::app
