#include <iostream>

#include "app/args.h"
#include "app/cli.h"
#include "app/commands.h"
#include "app/isolation.h"
#include "app/paths.h"
#include "app/pipeline.h"
#include "core/json_writer.h"
#include "core/parallel.h"
#include "core/text.h"
#include "extract/extractor.h"
#include "readers/reader.h"
#include "rules/pack.h"

namespace tfa::app {

namespace {

const char* kExtractHelp =
    "usage: tfaudit extract (--text | --blocks) FILE...\n"
    "       tfaudit extract --format json [--rules PACK] PATH...\n"
    "       tfaudit extract --explain [--rules PACK] PATH...\n\n"
    "Reads documents and prints what tfaudit sees in them.\n\n"
    "  --text              plain text in reading order: table cells separated by tabs, rows by\n"
    "                      newlines; then notes, comments and text boxes, each part after a\n"
    "                      marker line '--- PART ---'\n"
    "  --blocks            the block model as JSON, with the location of every block\n"
    "  --format json       one case record per bundle (a folder per family, or a flat folder\n"
    "                      grouped by family reference), as a JSON array\n"
    "  --explain           for each document: its type and how it was decided, the template rule\n"
    "                      and label behind every field, the tables recognised, the reader's\n"
    "                      warnings and the labels that matched nothing; then for each case the\n"
    "                      state of every field (found, blank, no, not_found, unreadable)\n"
    "  --rules PACK        the rule pack whose criteria are extracted (default tf-2015)\n"
    "  --templates-dir DIR a folder of council templates, added to the bundled ones (a folder that\n"
    "                      has its own shared vocabulary replaces them)\n"
    "  --rules-dir DIR     rule packs folder (default: the bundled rules/)\n"
    "  --threads N         worker threads (default: every core)\n"
    "  --time-limit SECONDS, --memory-limit MB\n"
    "                      each document is read in a worker process within these limits\n"
    "                      (default 30 s, 512 MB); past them, or when a reader crashes, the\n"
    "                      document is unreadable and the run goes on\n\n"
    "Exit status: 0 when every file was read, 2 when any could not be (each failure is\n"
    "reported on stderr as 'FILE: problem' and the other files are still read), or on a\n"
    "usage error.\n";

int usage_error(std::ostream& err, const std::string& msg) {
    err << "tfaudit extract: " << msg << "\n" << kExtractHelp;
    return kUsage;
}

int documents(const Args& a, unsigned threads, bool text, std::ostream& out, std::ostream& err) {
    bool missing = false;
    const auto files = expand_inputs(a.positional(), err, missing);
    bool failed = missing;
    PipelineOptions po;  // no templates: the workers only read
    if (auto e = isolation_options(a, po); !e.empty()) return usage_error(err, e);
    std::unique_ptr<proc::Pool> pool;
    if (!po.worker_exe.empty()) pool = detail::make_pool(po);
    ordered_map(
        files.size(), threads,
        [&](size_t i) {
            if (pool) {
                auto r = detail::isolated_document(*pool, files[i], text);
                return r ? std::make_pair(std::move(r).value(), std::string())
                         : std::make_pair(std::string(), r.error().str());
            }
            auto doc = read_document(files[i]);
            if (!doc) return std::make_pair(std::string(), doc.error().str());
            return std::make_pair(text ? to_text(doc.value()) : to_json(doc.value()), std::string());
        },
        [&](size_t, std::pair<std::string, std::string> r) {
            if (!r.second.empty()) {
                err << text::terminal_safe(r.second) << "\n";
                failed = true;
                return;
            }
            out << r.first;
        });
    if (!output_written(out, err, "extract")) return kUsage;
    return failed ? kUsage : kOk;
}

// The pipeline options for --format json and --explain: templates and the pack's criteria.
Result<PipelineOptions> pipeline_options(const Args& a, unsigned threads) {
    PipelineOptions po;
    if (auto e = isolation_options(a, po); !e.empty()) return Error{"", e};
    po.threads = threads;
    po.templates_dir = data_dir("templates", a.get("--templates-dir"));
    const std::string rules_dir = data_dir("rules", a.get("--rules-dir"));
    auto pack = rules::load_pack(a.get_or("--rules", "tf-2015"), rules_dir);
    if (!pack) return pack.error();
    for (const auto& c : pack->criteria) po.criteria.emplace_back(c.id, c.name);
    return po;
}

int records(const Args& a, const PipelineOptions& po, std::ostream& out, std::ostream& err) {
    bool unreadable = false;
    JsonWriter j;  // [ one record after another ], each streamed out as it is read
    j.begin_array();
    const Status s = for_each_case(a.positional(), po, [&](CaseRecord&& r) {
        j.raw(to_json(r, 1, true, true));
        out << j.take();
        for (const auto& u : r.unreadable) err << text::terminal_safe(u.file + ": " + u.reason) << "\n";
        unreadable = unreadable || !r.unreadable.empty();
    });
    j.end_array();
    out << j.take() << "\n";
    if (s) {
        err << "tfaudit extract: " << text::terminal_safe(s->str()) << "\n";
        return kUsage;
    }
    if (!output_written(out, err, "extract")) return kUsage;
    return unreadable ? kUsage : kOk;
}

int explain(const Args& a, const PipelineOptions& po, std::ostream& out, std::ostream& err) {
    bool failed = false;
    const Status s = for_each_document(a.positional(), po, [&](const extract::DocFacts& f) {
        out << extract::explain(f);
        failed = failed || !f.error.empty();
    });
    if (s) {
        err << "tfaudit extract: " << text::terminal_safe(s->str()) << "\n";
        return kUsage;
    }
    // Then each case: the state of every field of its record.
    const Status c = for_each_case(
        a.positional(), po, [](CaseRecord r) { return extract::explain_case(r); },
        [&](const std::string& text) { out << text; });
    if (c) {
        err << "tfaudit extract: " << text::terminal_safe(c->str()) << "\n";
        return kUsage;
    }
    if (!output_written(out, err, "extract")) return kUsage;
    return failed ? kUsage : kOk;
}

}  // namespace

int cmd_extract(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Args a({"--text", "--blocks", "--explain", "--help", "-h"},
           {"--threads", "--format", "--rules", "--templates-dir", "--rules-dir", "--time-limit", "--memory-limit"});
    if (auto e = a.parse(args, 2); !e.empty()) return usage_error(err, e);
    if (a.flag("--help") || a.flag("-h")) {
        out << kExtractHelp;
        return kOk;
    }
    const auto format = a.get("--format");
    if (format && *format != "json") return usage_error(err, "unknown --format '" + *format + "' (only json)");
    const int modes = a.flag("--text") + a.flag("--blocks") + a.flag("--explain") + (format ? 1 : 0);
    if (modes != 1) return usage_error(err, "give one of --text, --blocks, --format json or --explain");
    if (a.positional().empty()) return usage_error(err, "no input files");
    unsigned threads = default_threads();
    if (auto t = a.get("--threads")) {
        const int n = std::atoi(t->c_str());
        if (n < 1) return usage_error(err, "--threads needs a number of at least 1");
        threads = static_cast<unsigned>(n);
    }
    if (a.flag("--text") || a.flag("--blocks")) return documents(a, threads, a.flag("--text"), out, err);
    auto po = pipeline_options(a, threads);
    if (!po) {
        err << "tfaudit extract: " << po.error().str() << "\n";
        return kUsage;
    }
    return a.flag("--explain") ? explain(a, po.value(), out, err) : records(a, po.value(), out, err);
}

}  // namespace tfa::app
