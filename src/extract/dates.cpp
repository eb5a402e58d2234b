#include "extract/dates.h"

#include <cctype>
#include <cstring>
#include <vector>

#include "core/text.h"

namespace tfa::dates {

namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : d[m - 1];
}

int month_from_name(std::string_view w) {
    static const char* names[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    static const char* full[] = {"january", "february", "march",     "april",   "may",      "june",
                                 "july",    "august",   "september", "october", "november", "december"};
    const std::string l = text::lower(w);
    for (int i = 0; i < 12; ++i) {
        if (l == full[i] || l == names[i]) return i + 1;
        if (l == "sept" && i == 8) return 9;
    }
    return 0;
}

bool is_weekday(std::string_view w) {
    static const char* days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                 "sunday", "mon",     "tue",       "tues",     "wed",    "thu",
                                 "thur",   "thurs",   "fri",       "sat",      "sun"};
    const std::string l = text::lower(w);
    for (const char* d : days)
        if (l == d) return true;
    return false;
}

std::string iso(int y, int m, int d) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

Parsed make(int y, int m, int d, std::string_view text, int pivot) {
    Parsed p;
    p.text = std::string(text);
    // Two-digit years are 20yy, as case documents of 2015-2030 mean them; a two-digit year
    // past the pivot (40) can only be a date of birth in the last century (08/02/90 is 1990, not 2090).
    if (y < 100) y += y > pivot ? 1900 : 2000;
    if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2100 || d > days_in_month(y, m)) {
        p.status = Status::Impossible;
        return p;
    }
    p.status = Status::Ok;
    p.iso = iso(y, m, d);
    return p;
}

// The value of a run of at most 4 ASCII digits.
int num_of(std::string_view digits) {
    if (digits.size() > 9) return -1;  // never a day, month or year
    int v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    return v;
}

struct Token {
    enum Kind { Num, Word, Sep } kind;
    std::string_view s;
    size_t begin, end;
    char sep = 0;
};

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> out;
    size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (std::isdigit(c)) {
            size_t j = i;
            while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
            out.push_back({Token::Num, s.substr(i, j - i), i, j});
            i = j;
        } else if (std::isalpha(c)) {
            size_t j = i;
            while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
            out.push_back({Token::Word, s.substr(i, j - i), i, j});
            i = j;
        } else if (c == '/' || c == '-' || c == '.') {
            out.push_back({Token::Sep, s.substr(i, 1), i, i + 1, s[i]});
            ++i;
        } else {
            ++i;  // spaces, commas: skipped
        }
    }
    return out;
}

bool ordinal_suffix(std::string_view w) {
    const std::string l = text::lower(w);
    return l == "st" || l == "nd" || l == "rd" || l == "th";
}

// Tries to read a date starting at token k. On success sets `end_tok` past it.
Parsed try_at(const std::vector<Token>& t, size_t k, std::string_view s, size_t& end_tok, const Style& style) {
    Parsed none;
    auto num = [&](size_t i) { return i < t.size() && t[i].kind == Token::Num; };
    auto sep = [&](size_t i) { return i < t.size() && t[i].kind == Token::Sep; };
    auto word = [&](size_t i) { return i < t.size() && t[i].kind == Token::Word; };
    auto span = [&](size_t a, size_t b) { return s.substr(t[a].begin, t[b].end - t[a].begin); };

    if (num(k)) {
        // 2019-11-14
        if (t[k].s.size() == 4 && sep(k + 1) && num(k + 2) && sep(k + 3) && num(k + 4) &&
            t[k + 1].sep == t[k + 3].sep) {
            end_tok = k + 5;
            return make(num_of(t[k].s), num_of(t[k + 2].s), num_of(t[k + 4].s), span(k, k + 4), style.pivot);
        }
        // 14/11/2019, 14-11-2019, 14.11.19; 11/14/2019 or 19.11.14 where the council's style says so
        if (t[k].s.size() <= 2 && sep(k + 1) && num(k + 2) && t[k + 2].s.size() <= 2 && sep(k + 3) && num(k + 4) &&
            t[k + 1].sep == t[k + 3].sep && (t[k + 4].s.size() == 2 || t[k + 4].s.size() == 4)) {
            end_tok = k + 5;
            const int a = num_of(t[k].s), b = num_of(t[k + 2].s), c = num_of(t[k + 4].s);
            const auto it = style.order.find(t[k + 1].sep);
            const Order o = it == style.order.end() ? Order::DayMonthYear : it->second;
            if (o == Order::MonthDayYear) return make(c, a, b, span(k, k + 4), style.pivot);
            if (o == Order::YearMonthDay && t[k + 4].s.size() == 2) return make(a, b, c, span(k, k + 4), style.pivot);
            return make(c, b, a, span(k, k + 4), style.pivot);
        }
        // 14 Nov 2019, 14th November 2019, 14-Nov-2019
        if (t[k].s.size() <= 2) {
            size_t i = k + 1;
            if (word(i) && ordinal_suffix(t[i].s)) ++i;
            if (sep(i)) ++i;
            if (word(i) && month_from_name(t[i].s)) {
                const int m = month_from_name(t[i].s);
                size_t j = i + 1;
                if (sep(j)) ++j;
                if (num(j) && (t[j].s.size() == 4 || t[j].s.size() == 2)) {
                    end_tok = j + 1;
                    return make(num_of(t[j].s), m, num_of(t[k].s), span(k, j), style.pivot);
                }
                // "14 November" with no year: too little to fix a date.
                end_tok = i + 1;
                Parsed p;
                p.status = Status::Ambiguous;
                p.text = std::string(span(k, i));
                return p;
            }
        }
        return none;
    }
    if (word(k) && month_from_name(t[k].s)) {
        // November 14th 2019 / November 14, 2019
        const int m = month_from_name(t[k].s);
        size_t i = k + 1;
        if (num(i) && t[i].s.size() <= 2) {
            const size_t d = i;
            ++i;
            if (word(i) && ordinal_suffix(t[i].s)) ++i;
            if (num(i) && t[i].s.size() == 4) {
                end_tok = i + 1;
                return make(num_of(t[i].s), m, num_of(t[d].s), span(k, i), style.pivot);
            }
        }
        // "Nov" or "November 2019" alone: a month, not a date.
        Parsed p;
        p.status = Status::Ambiguous;
        if (num(k + 1) && t[k + 1].s.size() == 4) {
            end_tok = k + 2;
            p.text = std::string(span(k, k + 1));
        } else {
            end_tok = k + 1;
            p.text = t[k].s;
        }
        return p;
    }
    return none;
}

}  // namespace

Parsed find_first(std::string_view s, const Style& style) {
    const auto t = tokenize(s);
    Parsed ambiguous;
    for (size_t k = 0; k < t.size(); ++k) {
        if (t[k].kind == Token::Word && is_weekday(t[k].s)) continue;
        size_t end = k;
        Parsed p = try_at(t, k, s, end, style);
        if (p.status == Status::Ok || p.status == Status::Impossible) return p;
        if (p.status == Status::Ambiguous && ambiguous.status == Status::None) ambiguous = p;
    }
    return ambiguous;
}

Parsed parse(std::string_view s, const Style& style) {
    Parsed p = find_first(s, style);
    // A lone month word in a long sentence is prose, not a date ("may" is a verb too).
    if (p.status == Status::Ambiguous && text::collapse_ws(s).size() > p.text.size() + 24) return Parsed{};
    return p;
}

bool read_format(std::string_view text, Format& out, std::string& why) {
    out = Format{};
    std::vector<std::string> parts;
    std::string cur;
    char sep = 0;
    for (char c : text::trim(text)) {
        if (c == 'd' || c == 'm' || c == 'y' || c == 'D' || c == 'M' || c == 'Y') {
            if (!cur.empty() &&
                std::tolower(static_cast<unsigned char>(cur.back())) != std::tolower(static_cast<unsigned char>(c))) {
                why = "'" + std::string(text) + "' runs two parts together; separate them with / - . or a space";
                return false;
            }
            cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            continue;
        }
        if (c != '/' && c != '-' && c != '.' && c != ' ') {
            why = "'" + std::string(1, c) + "' is neither a part (d, m, y) nor a separator (/ - . or a space)";
            return false;
        }
        if (sep && c != sep) {
            why = "'" + std::string(text) + "' mixes separators; one council writes one kind per format";
            return false;
        }
        sep = c;
        if (cur.empty()) {
            why = "'" + std::string(text) + "' has a separator with no part before it";
            return false;
        }
        parts.push_back(cur);
        cur.clear();
    }
    if (!cur.empty()) parts.push_back(cur);
    int day = -1, month = -1, year = -1;
    bool month_name = false;
    for (size_t i = 0; i < parts.size(); ++i) {
        const std::string& p = parts[i];
        int* slot = nullptr;
        if (p == "d" || p == "dd") slot = &day;
        if (p == "m" || p == "mm" || p == "mmm" || p == "mmmm") slot = &month, month_name = p.size() > 2;
        if (p == "yy" || p == "yyyy") slot = &year, out.two_digit_year = p == "yy";
        if (!slot) {
            why = "'" + p + "' is not a part of a date (d or dd, m or mm, mmm for a month's name, yy or yyyy)";
            return false;
        }
        if (*slot != -1) {
            why = "'" + std::string(text) + "' names the " +
                  (slot == &day     ? "day"
                   : slot == &month ? "month"
                                    : "year") +
                  " twice";
            return false;
        }
        *slot = static_cast<int>(i);
    }
    if (parts.size() != 3 || day < 0 || month < 0 || year < 0) {
        why = "'" + std::string(text) + "' needs a day, a month and a year (e.g. dd/mm/yyyy)";
        return false;
    }
    if (day < month && month < year)
        out.order = Order::DayMonthYear;
    else if (month < day && day < year)
        out.order = Order::MonthDayYear;
    else if (year < month && month < day)
        out.order = Order::YearMonthDay;
    else {
        why = "'" + std::string(text) +
              "' is in an order tfaudit does not read (day, month, year; month, day, "
              "year; or year, month, day)";
        return false;
    }
    if (!month_name && sep == ' ') {
        why = "'" + std::string(text) + "': all-number dates are separated by / - or ., not spaces";
        return false;
    }
    out.sep = month_name ? 0 : sep;
    return true;
}

std::string describe(const Style& style) {
    std::string out;
    for (const auto& [sep, order] : style.order)
        out += (out.empty() ? "'" : "; '") + std::string(1, sep) + "' dates " +
               (order == Order::DayMonthYear   ? "day, month, year"
                : order == Order::MonthDayYear ? "month, day, year"
                                               : "year, month, day");
    out +=
        (out.empty() ? "" : "; ") + std::string("two-digit years up to ") + std::to_string(style.pivot) + " are 20yy";
    return out;
}

const char* to_string(Status s) {
    switch (s) {
        case Status::Ok:
            return "ok";
        case Status::None:
            return "none";
        case Status::Impossible:
            return "impossible date";
        case Status::Ambiguous:
            return "ambiguous date";
    }
    return "?";
}

}  // namespace tfa::dates
