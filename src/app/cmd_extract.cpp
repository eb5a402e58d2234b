#include <iostream>

#include "app/args.h"
#include "app/cli.h"
#include "app/commands.h"
#include "core/parallel.h"
#include "readers/reader.h"

namespace tfa::app {

namespace {

const char* kExtractHelp =
    "usage: tfaudit extract (--text | --blocks) FILE...\n\n"
    "Reads each document and prints what tfaudit sees in it.\n\n"
    "  --text        plain text in reading order: table cells separated by tabs, rows by\n"
    "                newlines; then headers, footers, notes, comments and text boxes, each\n"
    "                part after a marker line '--- PART ---'\n"
    "  --blocks      the block model as JSON, with the location of every block\n"
    "  --threads N   worker threads (default: every core)\n\n"
    "Exit status: 0 when every file was read, 2 when any could not be (each failure is\n"
    "reported on stderr as 'FILE: problem' and the other files are still read).\n";

}  // namespace

int cmd_extract(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Args a({"--text", "--blocks", "--help", "-h"}, {"--threads", "--format", "--rules", "--templates-dir", "--rules-dir"});
    if (auto e = a.parse(args, 2); !e.empty()) {
        err << "tfaudit extract: " << e << "\n" << kExtractHelp;
        return kUsage;
    }
    if (a.flag("--help") || a.flag("-h")) {
        out << kExtractHelp;
        return kOk;
    }
    const bool text = a.flag("--text");
    const bool blocks = a.flag("--blocks");
    if (text == blocks) {
        err << "tfaudit extract: give one of --text or --blocks\n" << kExtractHelp;
        return kUsage;
    }
    if (a.positional().empty()) {
        err << "tfaudit extract: no input files\n" << kExtractHelp;
        return kUsage;
    }
    unsigned threads = default_threads();
    if (auto t = a.get("--threads")) threads = static_cast<unsigned>(std::max(1, std::atoi(t->c_str())));

    bool missing = false;
    const auto files = expand_inputs(a.positional(), err, missing);
    bool failed = missing;
    ordered_map(
        files.size(), threads,
        [&](size_t i) {
            auto doc = read_document(files[i]);
            if (!doc) return std::make_pair(std::string(), doc.error().str());
            return std::make_pair(text ? to_text(doc.value()) : to_json(doc.value()), std::string());
        },
        [&](size_t, std::pair<std::string, std::string> r) {
            if (!r.second.empty()) {
                err << r.second << "\n";
                failed = true;
                return;
            }
            out << r.first;
        });
    return failed ? kUsage : kOk;
}

}  // namespace tfa::app
