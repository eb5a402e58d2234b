// Calendar arithmetic on ISO 8601 dates ("2019-11-14") for the rule checks.
//
// Dates are carried as day numbers (days since 1970-01-01) so that ordering and gaps are
// plain integer arithmetic. All functions are pure and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tfa::cal {

// The day number of a valid ISO date "YYYY-MM-DD", or nullopt for anything else (empty,
// partial, impossible like 2019-02-30).
std::optional<long> parse(std::string_view iso);

// The ISO form of day number `day`.
std::string format(long day);

// `day` plus `months` calendar months, the day of month clamped to the month's length
// (2019-08-31 + 6 months = 2020-02-29).
long add_months(long day, int months);

// Whole calendar years from `birth` to `on` (the age on that day).
int years_between(long birth, long on);

// Today's date in local time, as a day number.
long today();

}  // namespace tfa::cal
