// Test helpers: compare the checker's enums with the words of the JSON contract, and print
// them in Catch's failure messages. A misspelt word never matches, so a typo fails the test.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "rules/status.h"

namespace tfa::rules {
inline bool operator==(Status s, std::string_view w) { return w == to_string(s); }
inline bool operator!=(Status s, std::string_view w) { return w != to_string(s); }
inline bool operator==(Verdict v, std::string_view w) { return w == to_string(v); }
inline bool operator!=(Verdict v, std::string_view w) { return w != to_string(v); }
inline bool operator==(Severity s, std::string_view w) { return w == to_string(s); }
}  // namespace tfa::rules

namespace Catch {
template <>
struct StringMaker<tfa::rules::Status> {
    static std::string convert(tfa::rules::Status s) { return tfa::rules::to_string(s); }
};
template <>
struct StringMaker<tfa::rules::Verdict> {
    static std::string convert(tfa::rules::Verdict v) { return tfa::rules::to_string(v); }
};
template <>
struct StringMaker<tfa::rules::Severity> {
    static std::string convert(tfa::rules::Severity s) { return tfa::rules::to_string(s); }
};
}  // namespace Catch
