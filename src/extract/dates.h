// UK dates as case documents write them, turned into ISO 8601.
//
// Day first unless a council's template declares otherwise (a Style, from its <date-format>
// elements); a two-digit year is 20yy (19yy past 40: dates of birth; a Style may move the pivot). Accepted: 14/11/2019,
// 14-11-2019, 14.11.19, 14 Nov 2019, 14th November 2019, Thursday 14th November 2019, November 14 2019, 2019-11-14. A
// date that names an impossible day (31/02/2019) or too little to fix a day ("Nov", "November 2019") is flagged, never
// guessed.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace tfa::dates {

enum class Status { Ok, None, Impossible, Ambiguous };

struct Parsed {
    Status status = Status::None;
    std::string iso;   // "2019-11-14" when Ok
    std::string text;  // the text that was read as a date (or looked like one)
};

// The order of day, month and year in an all-number date.
enum class Order { DayMonthYear, MonthDayYear, YearMonthDay };

// How one council writes all-number dates: the order for each separator ('/', '-', '.'), and the
// two-digit-year pivot. A separator not in `order` is read day first; a four-digit year written
// first (2019-11-14) is always year, month, day.
struct Style {
    std::map<char, Order> order;
    int pivot = 40;  // a two-digit year up to this is 20yy, above it 19yy

    bool operator==(const Style& o) const { return order == o.order && pivot == o.pivot; }
};

// A date format as a template writes it ("dd.mm.yy", "mm/dd/yyyy", "yyyy-mm-dd", "d mmm yyyy").
struct Format {
    char sep = 0;  // '/', '-' or '.' for an all-number format; 0 when the month is a name
    Order order = Order::DayMonthYear;
    bool two_digit_year = false;
    // True when the format changes how tfaudit reads dates: an all-number format other than a
    // four-digit year first (which is always read year first).
    bool matters() const { return sep != 0 && !(order == Order::YearMonthDay && !two_digit_year); }
};

// Reads a format text made of d/dd (day), m/mm (month), mmm/mmmm (month name), yy/yyyy (year),
// each once, separated by one of / - . or a space (one separator throughout). On a mistake
// returns false with `why` saying what is wrong.
bool read_format(std::string_view text, Format& out, std::string& why);

// "'/' dates month, day, year; two-digit years up to 30 are 20yy", for --explain.
std::string describe(const Style& style);

// Parses `s`, which should hold one date and little else (a field value, a table cell).
// Leading/trailing words are tolerated ("on 14/11/2019", "14/11/2019 (reviewed)").
Parsed parse(std::string_view s, const Style& style = Style{});

// The first date anywhere in `s` (free text), or status None.
Parsed find_first(std::string_view s, const Style& style = Style{});

const char* to_string(Status s);

}  // namespace tfa::dates
