// tfaudit check: bundles (or replayed records) → verdicts, through a rule pack and a writer.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "app/args.h"
#include "app/cli.h"
#include "app/commands.h"
#include "app/ledger_run.h"
#include "app/paths.h"
#include "app/pipeline.h"
#include "core/parallel.h"
#include "core/text.h"
#include "model/record_json.h"
#include "report/batch.h"
#include "report/writer.h"
#include "core/calendar.h"
#include "rules/pack.h"

namespace tfa::app {

namespace {

const char* kCheckHelp =
    "usage: tfaudit check [OPTIONS] PATH...\n"
    "       tfaudit check [OPTIONS] --records FILE.json\n\n"
    "Checks each case bundle under PATH against a rule pack: verdict (claimable, not_claimable,\n"
    "needs_review), route, score, and every finding with the document, place and quote behind it.\n\n"
    "  --rules PACK          a pack name (tf-2015, sf-2022, ffa-quality) or a pack file, e.g. a\n"
    "                        council's local pack (default: tf-2015)\n"
    "  --as-of DATE          today for the checks, YYYY-MM-DD (default: today); evidence dated\n"
    "                        after it does not count\n"
    "  --format FORMAT       text (default), json, csv (a row per finding), cases-csv (a row per\n"
    "                        case), junit, xlsx (a workbook: Cases, Findings, Summary; needs --output)\n"
    "  --output FILE         write the report to FILE (written whole, then renamed into place)\n"
    "  --ledger PATH|URL     record the run in a claims ledger (an SQLite file, or postgresql://...;\n"
    "                        default: $TFAUDIT_LEDGER): earlier claims make TF-/SF-DUPLICATE fail,\n"
    "                        auditor decisions are shown beside their findings\n"
    "  --window-end DATE     list only the cases claimable by DATE: claimable now, or claimable_from\n"
    "                        on or before DATE\n"
    "  --records FILE        judge case records from a JSON file (tfaudit extract or check --format\n"
    "                        json output) instead of reading documents; may be repeated via commas\n"
    "  --rules-dir DIR       where named packs are found (default: the bundled rules/)\n"
    "  --templates-dir DIR   a folder of council templates, added to the bundled ones (a folder\n"
    "                        that has its own shared vocabulary replaces them)\n"
    "  --threads N           extraction threads (default: every core)\n"
    "  --time-limit SECONDS  time for reading one document (default 30); past it the document\n"
    "                        is unreadable (\"reading took longer than 30 s\"), its case needs review\n"
    "  --memory-limit MB     memory for reading one document (default 512); past it the document\n"
    "                        is unreadable (\"over the 512 MB memory budget\")\n"
    "  --no-progress         no progress line on stderr (shown only when stderr is a terminal)\n\n"
    "Exit status: 0 when every case is claimable; 1 when any case is not claimable or needs\n"
    "review; 2 on a usage error, a bad rule pack, an input path that does not exist, or output\n"
    "that could not be written (a full disk, an unwritable $TMPDIR for the spool file).\n\n"
    "Each document is read in a worker process: a reader that crashes, hangs or runs out of\n"
    "memory on one file makes that file unreadable (its case needs review), never the run.\n"
    "Links to folders are not followed; a link to a file outside the folder given, and anything\n"
    "that is not a regular file (a FIFO, a device), is refused and reported as unreadable.\n";

struct CheckOptions {
    std::string pack, rules_dir, templates_dir, format = "text", output, ledger, window_end;
    std::vector<std::string> records;
    long as_of = 0;
    unsigned threads = 0;
    bool progress = false;
    PipelineOptions isolation;  // worker_exe and limits
};

// Parses and validates the options; prints the problem and returns false on a usage error.
bool parse_options(const Args& a, CheckOptions& o, std::ostream& err) {
    auto usage = [&](const std::string& msg) {
        err << "tfaudit check: " << msg << "\n" << kCheckHelp;
        return false;
    };
    o.pack = a.get_or("--rules", "tf-2015");
    o.format = a.get_or("--format", "text");
    bool known = false;
    for (const auto& w : report::writers()) known = known || o.format == w.name;
    if (!known) return usage("unknown format '" + o.format + "'");
    if (auto e = as_of_option(a, o.as_of); !e.empty()) return usage(e);
    o.output = a.get_or("--output", "");
    if (o.format == "xlsx" && o.output.empty()) return usage("--format xlsx needs --output FILE.xlsx");
    o.ledger = ledger_option(a);
    if (auto w = a.get("--window-end")) {
        auto d = cal::parse(*w);
        if (!d) return usage("--window-end wants a date as YYYY-MM-DD, not '" + *w + "'");
        o.window_end = cal::format(*d);
    }
    if (auto t = a.get("--threads")) {
        const int n = std::atoi(t->c_str());
        if (n < 1) return usage("--threads wants a number of at least 1");
        o.threads = static_cast<unsigned>(n);
    }
    if (auto r = a.get("--records"))
        for (const auto& f : text::split(*r, ','))
            if (!f.empty()) o.records.push_back(f);
    if (o.records.empty() && a.positional().empty()) return usage("no input paths");
    if (auto e = isolation_options(a, o.isolation); !e.empty()) return usage(e);
    o.rules_dir = data_dir("rules", a.get("--rules-dir"));
    o.templates_dir = data_dir("templates", a.get("--templates-dir"));
    o.progress = !a.flag("--no-progress") && ::isatty(2);
    return true;
}

// Every input exists, or the missing ones are reported.
bool inputs_exist(const CheckOptions& o, const std::vector<std::string>& paths, std::ostream& err) {
    bool ok = true;
    for (const auto& p : paths)
        if (!files::exists(p)) {
            err << text::terminal_safe(p) << ": no such file or folder\n";
            ok = false;
        }
    for (const auto& p : o.records)
        if (!is_file(p)) {
            err << text::terminal_safe(p) << ": no such file\n";
            ok = false;
        }
    return ok;
}

struct Progress {
    bool on;
    size_t n = 0;
    void tick() {
        if (on && (++n % 16 == 0 || n < 16))
            std::cerr << "\rchecked " << n << " case" << (n == 1 ? "" : "s") << std::flush;
    }
    void done() {
        if (on && n) std::cerr << "\r\x1b[K" << std::flush;
    }
};

// Feeds the batch from --records files, then from the bundles under `paths`.
Status feed(const CheckOptions& o, const rules::RulePack& pack, const std::vector<std::string>& paths,
            report::Batch& batch, Progress& progress, LedgerRun* run) {
    for (const auto& f : o.records) {
        auto recs = load_records(f);
        if (!recs) return recs.error();
        for (auto& r : recs.value()) {
            if (run) run->note(r), run->feed(r, batch);
            batch.add(r);
            progress.tick();
        }
    }
    if (paths.empty()) return std::nullopt;
    PipelineOptions po = o.isolation;
    po.templates_dir = o.templates_dir;
    po.threads = o.threads ? o.threads : default_threads();
    for (const auto& c : pack.criteria) po.criteria.emplace_back(c.id, c.name);
    // Judging and rendering run on the worker threads; the batch writes in order.
    return for_each_case(
        paths, po,
        [&](CaseRecord&& r) {
            report::PreparedCase p = batch.prepare(r);
            if (run) run->note(r, p.record_json);
            return p;
        },
        [&](report::PreparedCase&& c) {
            if (run) run->feed(c.stub, batch);
            batch.add(std::move(c));
            progress.tick();
        });
}

// Passes on only the cases claimable by the window's end: claimable now, or claimable_from
// on or before it; the summary counts what was passed on.
class WindowFilter : public report::Writer {
public:
    WindowFilter(report::Writer& inner, std::string end) : inner_(inner), end_(std::move(end)) {}
    void begin(const report::RunInfo& run) override { inner_.begin(run); }
    void write_case(const rules::CaseResult& r, const std::string& record_json) override {
        const auto& from = r.notes.claimable_from;
        if (r.verdict != rules::Verdict::Claimable && (from.empty() || from > end_)) return;
        ++sum_.cases;
        if (r.verdict == rules::Verdict::Claimable)
            ++sum_.claimable;
        else
            ++sum_.not_claimable;
        inner_.write_case(r, record_json);
    }
    void end(const report::RunSummary&) override { inner_.end(sum_); }
    bool wants_record() const override { return inner_.wants_record(); }

private:
    report::Writer& inner_;
    std::string end_;
    report::RunSummary sum_;
};

}  // namespace

int cmd_check(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Args a({"--help", "-h", "--no-progress"},
           {"--rules", "--as-of", "--format", "--rules-dir", "--templates-dir", "--threads", "--records", "--output",
            "--ledger", "--window-end", "--time-limit", "--memory-limit"});
    if (auto e = a.parse(args, 2); !e.empty()) {
        err << "tfaudit check: " << e << "\n" << kCheckHelp;
        return kUsage;
    }
    if (a.flag("--help") || a.flag("-h")) {
        out << kCheckHelp;
        return kOk;
    }
    CheckOptions o;
    if (!parse_options(a, o, err)) return kUsage;
    if (!inputs_exist(o, a.positional(), err)) return kUsage;
    auto pack = rules::load_pack(o.pack, o.rules_dir);
    if (!pack) {
        err << "tfaudit check: " << pack.error().str() << "\n";
        return kUsage;
    }
    std::unique_ptr<LedgerRun> run;
    if (!o.ledger.empty()) {
        auto r = LedgerRun::start(o.ledger, pack.value(), RunSetup{command_line(args), o.as_of, "", nullptr});
        if (!r) {
            err << "tfaudit check: " << r.error().str() << "\n";
            return kUsage;
        }
        run = std::move(r.value());
    }
    const std::string part = o.output.empty() ? "" : o.output + ".part";
    std::ofstream file;
    if (!part.empty()) {
        file.open(part, std::ios::binary | std::ios::trunc);
        if (!file) {
            err << "tfaudit check: " << o.output << ": cannot write here (folder missing or not writable)\n";
            return kUsage;
        }
    }
    std::ostream& dest = part.empty() ? out : file;
    report::WriterOptions wo;
    wo.colour = &dest == &std::cout && ::isatty(1);
    auto writer = report::make_writer(o.format, dest, wo);
    std::unique_ptr<WindowFilter> window;
    report::Writer* w = writer.get();
    if (!o.window_end.empty()) w = (window = std::make_unique<WindowFilter>(*w, o.window_end)).get();
    if (run) w = &run->wrap(*w);
    Progress progress{o.progress};
    report::Batch batch(pack.value(), o.as_of, *w);
    if (batch.error()) {
        err << "tfaudit check: " << batch.error()->str() << "\n";
        if (!part.empty()) std::remove(part.c_str());
        return kUsage;
    }
    Status st = feed(o, pack.value(), a.positional(), batch, progress, run.get());
    progress.done();
    const report::RunSummary sum = batch.finish();
    if (!st && batch.error()) st = batch.error();
    if (!st && part.empty() && !output_written(out, err, "check")) return kUsage;  // the ledger run rolls back
    if (!st && run) st = run->finish();  // nothing of the run is kept unless every case was written
    if (!part.empty()) {
        file.close();
        if (!st && (!file || std::rename(part.c_str(), o.output.c_str()) != 0))
            st = Error{o.output, "cannot write the file"};
        if (st) std::remove(part.c_str());
    }
    if (st) {
        err << "tfaudit check: " << text::terminal_safe(st->str()) << "\n";
        return kUsage;
    }
    return sum.claimable == sum.cases ? kOk : kFindings;
}

}  // namespace tfa::app
