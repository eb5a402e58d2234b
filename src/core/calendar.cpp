#include "core/calendar.h"

#include <cstdio>
#include <ctime>

namespace tfa::cal {

namespace {

// Howard Hinnant's days_from_civil / civil_from_days.
long days_from_civil(long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

struct Civil {
    long y;
    unsigned m, d;
};

Civil civil_from_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<long>(yoe) + era * 400 + (m <= 2), m, d};
}

unsigned month_length(long y, unsigned m) {
    static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : kDays[m - 1];
}

bool digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

std::optional<long> parse(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    if (!digits(s.substr(0, 4)) || !digits(s.substr(5, 2)) || !digits(s.substr(8, 2))) return std::nullopt;
    const long y = std::stol(std::string(s.substr(0, 4)));
    const unsigned m = static_cast<unsigned>(std::stoi(std::string(s.substr(5, 2))));
    const unsigned d = static_cast<unsigned>(std::stoi(std::string(s.substr(8, 2))));
    if (m < 1 || m > 12 || d < 1 || d > month_length(y, m)) return std::nullopt;
    return days_from_civil(y, m, d);
}

std::string format(long day) {
    const Civil c = civil_from_days(day);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04ld-%02u-%02u", c.y, c.m, c.d);
    return buf;
}

long add_months(long day, int months) {
    const Civil c = civil_from_days(day);
    const long total = c.y * 12 + static_cast<long>(c.m - 1) + months;
    const long y = total >= 0 ? total / 12 : (total - 11) / 12;
    const unsigned m = static_cast<unsigned>(total - y * 12) + 1;
    const unsigned d = c.d > month_length(y, m) ? month_length(y, m) : c.d;
    return days_from_civil(y, m, d);
}

int years_between(long birth, long on) {
    const Civil b = civil_from_days(birth), o = civil_from_days(on);
    int years = static_cast<int>(o.y - b.y);
    if (o.m < b.m || (o.m == b.m && o.d < b.d)) --years;
    return years;
}

long today() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return days_from_civil(tm.tm_year + 1900, static_cast<unsigned>(tm.tm_mon + 1), static_cast<unsigned>(tm.tm_mday));
}

}  // namespace tfa::cal
