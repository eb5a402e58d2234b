#include "rules/kinds.h"

#include <cerrno>
#include <cstdlib>

#include "core/text.h"

namespace tfa::rules {

const std::vector<Kind>& kinds() {
    static const std::vector<Kind> all = [] {
        std::vector<Kind> v = claim_kinds();
        for (auto& k : quality_kinds()) v.push_back(std::move(k));
        return v;
    }();
    return all;
}

const Kind* find_kind(std::string_view name) {
    for (const auto& k : kinds())
        if (name == k.name) return &k;
    return nullptr;
}

namespace {

const std::string& raw(const CheckInput& in, const char* name) {
    static const std::string empty;
    auto it = in.rule.params.find(name);
    return it == in.rule.params.end() ? empty : it->second.value;
}

bool parse_long(const std::string& s, long& out) {
    const std::string t = text::trim(s);
    if (t.empty()) return false;
    errno = 0;
    char* end = nullptr;
    out = std::strtol(t.c_str(), &end, 10);
    return errno == 0 && end && *end == '\0';
}

bool parse_double(const std::string& s, double& out) {
    const std::string t = text::trim(s);
    if (t.empty()) return false;
    errno = 0;
    char* end = nullptr;
    out = std::strtod(t.c_str(), &end);
    return errno == 0 && end && *end == '\0';
}

std::vector<std::string> items(const std::string& s) {
    std::vector<std::string> out;
    for (const auto& part : text::split(s, ','))
        if (auto t = text::trim(part); !t.empty()) out.push_back(t);
    return out;
}

}  // namespace

long param_int(const CheckInput& in, const char* name) {
    long v = 0;
    parse_long(raw(in, name), v);
    return v;
}

double param_num(const CheckInput& in, const char* name) {
    double v = 0;
    parse_double(raw(in, name), v);
    return v;
}

std::string param_text(const CheckInput& in, const char* name) { return text::trim(raw(in, name)); }

std::vector<std::string> param_list(const CheckInput& in, const char* name) { return items(raw(in, name)); }

namespace {

// "26" or "26/30" into weeks and window; false when malformed or not positive.
bool parse_weeks(const std::string& s, WeeksNeeded& out) {
    const size_t slash = s.find('/');
    if (!parse_long(s.substr(0, slash), out.weeks) || out.weeks <= 0) return false;
    if (slash == std::string::npos) return true;
    return parse_long(s.substr(slash + 1), out.window) && out.window >= out.weeks;
}

}  // namespace

std::map<std::string, WeeksNeeded> param_weeks(const CheckInput& in, const char* name) {
    std::map<std::string, WeeksNeeded> out;
    for (const auto& it : items(raw(in, name))) {
        const size_t colon = it.find(':');
        WeeksNeeded w;
        if (colon != std::string::npos && parse_weeks(it.substr(colon + 1), w))
            out[text::trim(it.substr(0, colon))] = w;
    }
    return out;
}

std::string validate_param(const ParamSpec& spec, const std::string& value) {
    long l = 0;
    double d = 0;
    switch (spec.type) {
        case ParamType::Int:
            if (!parse_long(value, l) || l < 0) return "not a whole number >= 0: '" + value + "'";
            return {};
        case ParamType::Number:
            if (!parse_double(value, d) || d < 0) return "not a number >= 0: '" + value + "'";
            return {};
        case ParamType::Text:
            return text::trim(value).empty() ? "empty value" : "";
        case ParamType::Choice:
            for (const auto& c : text::split(spec.help, '|'))
                if (c == text::trim(value)) return {};
            return "'" + value + "' is not one of " + spec.help;
        case ParamType::List:
            return items(value).empty() ? "empty list" : "";
        case ParamType::WeeksMap:
            if (items(value).empty()) return "empty list; want BENEFIT:WEEKS, ...";
            for (const auto& it : items(value)) {
                const size_t colon = it.find(':');
                WeeksNeeded w;
                if (colon == std::string::npos || !parse_weeks(it.substr(colon + 1), w))
                    return "bad entry '" + it + "'; want BENEFIT:WEEKS or BENEFIT:WEEKS/WINDOW (window >= weeks)";
            }
            return {};
    }
    return {};
}

}  // namespace tfa::rules
