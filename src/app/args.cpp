#include "app/args.h"

#include "app/isolation.h"
#include "core/calendar.h"

namespace tfa::app {

Args::Args(std::set<std::string> flags, std::set<std::string> options)
    : flags_(std::move(flags)), options_(std::move(options)) {}

std::string Args::parse(const std::vector<std::string>& args, size_t begin) {
    bool only_positional = false;
    for (size_t i = begin; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (only_positional || a.size() < 2 || a[0] != '-') {
            positional_.push_back(a);
            continue;
        }
        if (a == "--") {
            only_positional = true;
            continue;
        }
        std::string name = a, value;
        bool has_value = false;
        const size_t eq = a.find('=');
        if (a.rfind("--", 0) == 0 && eq != std::string::npos) {
            name = a.substr(0, eq);
            value = a.substr(eq + 1);
            has_value = true;
        }
        if (flags_.count(name)) {
            if (has_value) return "option " + name + " takes no value";
            flags_set_.insert(name);
        } else if (options_.count(name)) {
            if (!has_value) {
                if (i + 1 >= args.size()) return "option " + name + " needs a value";
                value = args[++i];
            }
            values_[name] = value;
        } else {
            return "unknown option " + name;
        }
    }
    return {};
}

std::optional<std::string> Args::get(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::string Args::get_or(const std::string& name, const std::string& def) const {
    auto v = get(name);
    return v ? *v : def;
}

std::string as_of_option(const Args& a, long& day) {
    const auto d = a.get("--as-of");
    if (!d) {
        day = cal::today();
        return {};
    }
    const auto parsed = cal::parse(*d);
    if (!parsed) return "--as-of wants a date as YYYY-MM-DD, not '" + *d + "'";
    day = *parsed;
    return {};
}

}  // namespace tfa::app

namespace tfa::app {

namespace {

// A whole number from `lo` to `hi`, or nullopt.
std::optional<unsigned long> bounded(const std::string& s, unsigned long lo, unsigned long hi) {
    if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    const unsigned long v = std::stoul(s);
    return v >= lo && v <= hi ? std::optional<unsigned long>(v) : std::nullopt;
}

}  // namespace

std::string isolation_options(const Args& a, PipelineOptions& po) {
    if (auto t = a.get("--time-limit")) {
        auto v = bounded(*t, 1, 86400);
        if (!v) return "--time-limit wants a whole number of seconds from 1 to 86400, not '" + *t + "'";
        po.limits.seconds = static_cast<unsigned>(*v);
    }
    if (auto m = a.get("--memory-limit")) {
        auto v = bounded(*m, 64, 1 << 20);
        if (!v) return "--memory-limit wants a whole number of megabytes from 64 to 1048576, not '" + *m + "'";
        po.limits.memory_mb = static_cast<size_t>(*v);
    }
    po.worker_exe = self_exe();
    return {};
}

}  // namespace tfa::app
