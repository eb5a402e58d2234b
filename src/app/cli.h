// The command line: parses arguments, dispatches to a subcommand, maps errors to exit codes.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace tfa::app {

// Exit codes shared by every subcommand.
enum Exit { kOk = 0, kFindings = 1, kUsage = 2 };

// Runs tfaudit with the given arguments (argv[0] is the program). Never throws.
int run(int argc, char** argv);

// The same with explicit streams, for tests.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace tfa::app
