// The subcommands. Each takes the whole argument list (args[1] is its name) and returns an
// exit code from cli.h.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace tfa::app {

int cmd_extract(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int cmd_audit(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int cmd_check(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int cmd_rules(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int cmd_claim(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int cmd_decide(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int cmd_ledger(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int cmd_templates(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// Expands PATH arguments: files as given, folders walked recursively (sorted, hidden files
// skipped, links to folders not followed). Paths that do not exist, and files refused (not a
// regular file, or a link leaving the folder given), are reported on `err` and set `missing`.
std::vector<std::string> expand_inputs(const std::vector<std::string>& paths, std::ostream& err, bool& missing);

}  // namespace tfa::app
