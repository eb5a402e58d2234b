// tfaudit claim: records a window's claimable cases in the claims ledger.
#include <unistd.h>

#include <iostream>
#include <sstream>

#include "app/args.h"
#include "app/cli.h"
#include "app/commands.h"
#include "app/ledger_run.h"
#include "app/paths.h"
#include "app/pipeline.h"
#include "core/calendar.h"
#include "report/batch.h"
#include "rules/pack.h"

namespace tfa::app {

namespace {

const char* kClaimHelp =
    "usage: tfaudit claim --ledger L --window NAME --as-of DATE [--rules PACK] PATH...\n\n"
    "Checks the case bundles under PATH and records the claimable ones as claimed in window NAME\n"
    "(reference, route, pack, as-of date, a hash of the evidence, salted hashes of the members).\n"
    "Prints one line per case: recorded, already (claimed in this window before: unchanged) or\n"
    "refused (with why). A family claimed in an earlier window, or whose members match a family\n"
    "claimed under another reference, fails TF-/SF-DUPLICATE and is refused. Running the same\n"
    "window again changes nothing already recorded.\n\n"
    "  --ledger PATH|URL     the ledger: an SQLite file or postgresql://USER@HOST:PORT/DB\n"
    "                        (default: $TFAUDIT_LEDGER)\n"
    "  --window NAME         the claim window, e.g. 2019-Q4 (required)\n"
    "  --as-of DATE          the claim's date, YYYY-MM-DD (required)\n"
    "  --rules PACK          rule pack name or file (default: tf-2015)\n"
    "  --rules-dir DIR       where named packs are found\n"
    "  --templates-dir DIR   document templates\n"
    "  --threads N           extraction threads (default: every core)\n"
    "  --time-limit SECONDS  time for reading one document (default 30)\n"
    "  --memory-limit MB     memory for reading one document (default 512)\n\n"
    "Exit status: 0 when every case was recorded (or already was); 1 when any was refused; 2 on\n"
    "a usage error or a ledger that cannot be used (nothing is recorded then).\n";

// Counts the cases; the claim lines themselves come from the ledger run.
class Quiet : public report::Writer {
public:
    void begin(const report::RunInfo&) override {}
    void write_case(const rules::CaseResult&, const std::string&) override {}
    void end(const report::RunSummary&) override {}
};

}  // namespace

int cmd_claim(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Args a({"--help", "-h"}, {"--ledger", "--window", "--as-of", "--rules", "--rules-dir", "--templates-dir",
                              "--threads", "--time-limit", "--memory-limit"});
    auto usage = [&](const std::string& msg) {
        err << "tfaudit claim: " << msg << "\n" << kClaimHelp;
        return kUsage;
    };
    if (auto e = a.parse(args, 2); !e.empty()) return usage(e);
    if (a.flag("--help") || a.flag("-h")) {
        out << kClaimHelp;
        return kOk;
    }
    const std::string where = ledger_option(a), window = a.get_or("--window", "");
    if (where.empty()) return usage("--ledger (or TFAUDIT_LEDGER) is required");
    if (window.empty()) return usage("--window NAME is required");
    if (!a.get("--as-of")) return usage("--as-of DATE is required");
    long as_of = 0;
    if (auto e = as_of_option(a, as_of); !e.empty()) return usage(e);
    if (a.positional().empty()) return usage("no input paths");
    PipelineOptions po;  // documents are read in worker processes, as check reads them
    if (auto e = isolation_options(a, po); !e.empty()) return usage(e);
    for (const auto& p : a.positional())
        if (!is_dir(p) && !is_file(p)) return usage(p + ": no such file or folder");
    unsigned threads = 0;
    if (auto t = a.get("--threads")) threads = static_cast<unsigned>(std::max(1, std::atoi(t->c_str())));
    auto pack = rules::load_pack(a.get_or("--rules", "tf-2015"), data_dir("rules", a.get("--rules-dir")));
    if (!pack) {
        err << "tfaudit claim: " << pack.error().str() << "\n";
        return kUsage;
    }
    std::ostringstream lines;  // printed only once the claims are committed
    auto run = LedgerRun::start(where, pack.value(), RunSetup{command_line(args), as_of, window, &lines});
    if (!run) {
        err << "tfaudit claim: " << run.error().str() << "\n";
        return kUsage;
    }
    Quiet quiet;
    report::Batch batch(pack.value(), as_of, run.value()->wrap(quiet));
    if (batch.error()) {
        err << "tfaudit claim: " << batch.error()->str() << " (nothing was recorded)\n";
        return kUsage;
    }
    po.templates_dir = data_dir("templates", a.get("--templates-dir"));
    po.threads = threads ? threads : default_threads();
    for (const auto& c : pack->criteria) po.criteria.emplace_back(c.id, c.name);
    LedgerRun& r = *run.value();
    Status st = for_each_case(
        a.positional(), po,
        [&](CaseRecord&& rec) {
            report::PreparedCase p = batch.prepare(rec);
            r.note(rec, p.record_json);
            return p;
        },
        [&](report::PreparedCase&& c) {
            r.feed(c.stub, batch);
            batch.add(std::move(c));
        });
    batch.finish();
    if (!st && batch.error()) st = batch.error();
    if (!st) st = r.finish();
    if (st) {
        err << "tfaudit claim: " << st->str() << " (nothing was recorded)\n";
        return kUsage;
    }
    out << lines.str();
    out << "window " << window << ": " << r.recorded() << " recorded, " << r.already()
        << " already claimed in this window, " << r.refused() << " refused (ledger " << r.where() << ")\n";
    return r.refused() ? kFindings : kOk;
}

}  // namespace tfa::app
