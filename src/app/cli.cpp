#include "app/cli.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <functional>
#include <iostream>
#include <sstream>

#include "app/args.h"
#include "app/commands.h"
#include "app/isolation.h"
#include "app/paths.h"
#include "core/output_file.h"
#include "readers/xml.h"

namespace tfa::app {

namespace {

struct Command {
    const char* name;
    const char* summary;
    int (*run)(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
};

// The one table of subcommands.
const Command kCommands[] = {
    {"extract", "read documents: plain text, block model, or case records", cmd_extract},
    {"audit", "draw a reproducible sample of cases and write a signed-off PDF audit report", cmd_audit},
    {"check", "check case bundles against a rule pack: verdict, route, score, findings", cmd_check},
    {"claim", "record a window's claimable cases in the claims ledger", cmd_claim},
    {"decide", "record an auditor's decision on a finding in the claims ledger", cmd_decide},
    {"ledger", "the claims ledger: a family's history, changes between runs, export, purge", cmd_ledger},
    {"rules", "list and lint rule packs", cmd_rules},
    {"templates", "lint, list or draft (suggest) the templates that map documents to case records", cmd_templates},
};

void usage(std::ostream& out) {
    out << "usage: tfaudit COMMAND [OPTIONS] PATH...\n\n"
           "Audits the case documents behind Troubled Families and Supporting Families\n"
           "payment-by-results claims.\n\ncommands:\n";
    for (const auto& c : kCommands) {
        std::string n = c.name;
        n.resize(12, ' ');
        out << "  " << n << c.summary << "\n";
    }
    out << "\nRun 'tfaudit COMMAND --help' for a command's options.\n"
           "'tfaudit --version' prints the version.\n";
}

}  // namespace

bool output_written(std::ostream& out, std::ostream& err, const char* cmd) {
    errno = 0;
    out.flush();
    if (out) return true;
    err << "tfaudit " << cmd << ": cannot write the output (" << (errno ? std::strerror(errno) : "write error")
        << "); the report is incomplete\n";
    return false;
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.size() < 2 || args[1] == "--help" || args[1] == "-h" || args[1] == "help") {
        usage(args.size() < 2 ? err : out);
        return args.size() < 2 ? kUsage : kOk;
    }
    if (args[1] == "--version") {
        out << "tfaudit " << TFAUDIT_VERSION << "\n";
        return kOk;
    }
    if (args[1] == "__worker") return cmd_worker(args);  // hidden: a reading worker (app/isolation.h)
    for (const auto& c : kCommands) {
        if (args[1] == c.name) {
            try {
                return c.run(args, out, err);
            } catch (const std::exception& e) {
                err << "tfaudit " << c.name << ": internal error: " << e.what() << "\n";
                return kUsage;
            }
        }
    }
    err << "tfaudit: unknown command '" << args[1] << "'\n";
    usage(err);
    return kUsage;
}

int run(int argc, char** argv) {
    xml::init();
    files::install_cleanup_handlers();  // no output temporary is left behind by Ctrl-C
    std::ios::sync_with_stdio(false);
    std::vector<std::string> args(argv, argv + argc);
    return run(args, std::cout, std::cerr);
}

}  // namespace tfa::app
