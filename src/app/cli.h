// The command line: parses arguments, dispatches to a subcommand, maps errors to exit codes.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace tfa::app {

// Exit codes shared by every subcommand.
enum Exit { kOk = 0, kFindings = 1, kUsage = 2 };

// Flushes `out` and says whether everything written to it arrived; when not (a full disk, a
// closed pipe), prints "tfaudit CMD: cannot write the output ..." on `err`. A run whose output
// was lost must exit kUsage, never 0.
bool output_written(std::ostream& out, std::ostream& err, const char* cmd);

// Runs tfaudit with the given arguments (argv[0] is the program). Never throws.
int run(int argc, char** argv);

// The same with explicit streams, for tests.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace tfa::app
