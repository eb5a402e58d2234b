// Helpers shared by the check kinds (kinds_claim.cpp, kinds_quality.cpp). Internal to rules/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rules/kinds.h"

namespace tfa::rules::util {

// The day number of an ISO date, or nullopt when empty or not a date.
std::optional<long> day(const std::string& iso);

// True if `iso` is a date on or before `as_of` (evidence that counts).
bool counts(const std::string& iso, long as_of);

// Evidence from a Source; when the source is empty (a record replayed from JSON), the record
// path `where` and the value `quote` stand in for it.
EvidenceRef cite(const Source& s, const std::string& where, const std::string& quote);

// Evidence for a scalar record key from record.sources, else the key and its value.
EvidenceRef cite_key(const CaseRecord& r, const std::string& key, const std::string& value);

// The criteria identified at assessment followed by those added later, without repeats.
std::vector<std::string> all_criteria(const CaseRecord& r);

// The display name of criterion `id` in the pack ("School attendance"), else the id.
std::string criterion_name(const RulePack& pack, const std::string& id);

// A number without trailing zeros: 90, 92.5.
std::string fmt_num(double v);

std::string join(const std::vector<std::string>& v, const std::string& sep);

// "a", "a and b", "a, b and c".
std::string join_and(const std::vector<std::string>& v);

// "1 criterion", "2 criteria", "0 reviews".
std::string plural(long n, const std::string& one, const std::string& many);

// True if lower-cased `text` contains any of the (lower-case) cues; sets `hit` to it.
bool has_cue(const std::string& text, const std::vector<std::string>& cues, std::string* hit = nullptr);

// The reviews dated on or before `as_of`, ascending by date.
std::vector<const Review*> dated_reviews(const CaseRecord& r, long as_of);

// The review's outcome row for criterion `c`, or null.
const ReviewOutcome* outcome_for(const Review& rv, const std::string& c);

// True if the closure counts as of `as_of` (present, and dated on or before it or undated).
bool closure_counts(const CaseRecord& r, long as_of);

// The closure outcome row for `c` when the closure counts, else null.
const ClosureOutcome* closure_for(const CaseRecord& r, const std::string& c, long as_of);

// The date criterion `c` was achieved: the closure's date_achieved / sustained_since when it
// says achieved (none when the closure says not achieved), else the first dated review saying yes. Sets `ev` to the
// evidence for it.
std::optional<long> achieved_on(const CaseRecord& r, const std::string& c, long as_of, EvidenceRef* ev);

// "a (no text layer); b (impossible date)".
std::string unreadable_list(const CaseRecord& r);

// A not_applicable outcome with `reason`.
CheckOutcome not_applicable(const std::string& reason);

// Record path helpers for evidence without sources: "reviews[2]".
std::string path(const char* key, size_t i);

}  // namespace tfa::rules::util
