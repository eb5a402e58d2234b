// A small, strict argument parser for subcommands: --flag, --opt VALUE, --opt=VALUE, positionals.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/pipeline.h"

namespace tfa::app {

class Args {
public:
    // `flags` take no value; `options` take one. Unknown options are errors.
    Args(std::set<std::string> flags, std::set<std::string> options);

    // Parses args[begin..]; returns an error message, or empty on success.
    std::string parse(const std::vector<std::string>& args, size_t begin);

    bool flag(const std::string& name) const { return flags_set_.count(name) > 0; }
    std::optional<std::string> get(const std::string& name) const;
    std::string get_or(const std::string& name, const std::string& def) const;
    const std::vector<std::string>& positional() const { return positional_; }

private:
    std::set<std::string> flags_, options_;
    std::set<std::string> flags_set_;
    std::map<std::string, std::string> values_;
    std::vector<std::string> positional_;
};

// Reads --as-of DATE (ISO) into `day` (days since 1970-01-01), today when absent. Returns the
// usage error, or "" when the option is good.
std::string as_of_option(const Args& a, long& day);

// Reads --time-limit SECONDS and --memory-limit MB (each document's limits when read in a
// worker process) into `po`, and sets po.worker_exe to this program. Returns the usage error,
// or "" when the options are good.
std::string isolation_options(const Args& a, PipelineOptions& po);

}  // namespace tfa::app
