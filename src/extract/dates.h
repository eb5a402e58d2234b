// UK dates as case documents write them, turned into ISO 8601.
//
// Day first always; a two-digit year is 20yy (19yy past 40: dates of birth). Accepted: 14/11/2019,
// 14-11-2019, 14.11.19, 14 Nov 2019, 14th November 2019, Thursday 14th November 2019, November 14 2019, 2019-11-14. A
// date that names an impossible day (31/02/2019) or too little to fix a day ("Nov", "November 2019") is flagged, never
// guessed.
#pragma once

#include <string>
#include <string_view>

namespace tfa::dates {

enum class Status { Ok, None, Impossible, Ambiguous };

struct Parsed {
    Status status = Status::None;
    std::string iso;   // "2019-11-14" when Ok
    std::string text;  // the text that was read as a date (or looked like one)
};

// Parses `s`, which should hold one date and little else (a field value, a table cell).
// Leading/trailing words are tolerated ("on 14/11/2019", "14/11/2019 (reviewed)").
Parsed parse(std::string_view s);

// The first date anywhere in `s` (free text), or status None.
Parsed find_first(std::string_view s);

const char* to_string(Status s);

}  // namespace tfa::dates
