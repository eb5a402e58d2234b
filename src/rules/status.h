// The closed sets of the checker's results: a finding's status, a case's verdict and a rule's
// severity. Code compares these enums; their words appear only where a writer prints them or a
// pack or spool is read back (to_string / parse_*), so a misspelt word cannot slip through.
#pragma once

#include <optional>
#include <string_view>

namespace tfa::rules {

// What one rule found for one case.
//   Pass: the evidence meets the rule. Fail: the evidence shows it is not met (a blank or
//   negative answer, a document that is absent from a bundle whose documents were all
//   recognised). Warn: a failing rule of severity warning. NotApplicable: the rule does not
//   apply to this case (the other claim route, no employment evidence). NeedsReview: tfaudit
//   could not decide: what the rule needs was not found or not readable, or a red flag asks for
//   a person's judgement; the message says which.
enum class Status { Pass, Fail, Warn, NotApplicable, NeedsReview };

// The case as a whole: claimable, not claimable (a blocker fails on evidence), or needs review
// (no blocker fails on evidence, but one could not be decided, or a document was unreadable).
enum class Verdict { Claimable, NotClaimable, NeedsReview };

// How much a failing rule weighs: a blocker stops the claim, major and minor count against the
// score, a warning is shown and never counts.
enum class Severity { Blocker, Major, Minor, Warning };

// Why a case needs review: a document could not be read; a rule could not find what it needs
// in documents tfaudit did not understand; a reader warned that it read past something; or a
// rule asks for a person's judgement (a red flag). None for cases that do not need review.
enum class ReviewCause { None, UnreadableDocument, LayoutNotUnderstood, ReaderWarning, Judgement };

// The words of the JSON contract: "pass", "not_applicable", "needs_review", "not_claimable",
// "blocker", ...
const char* to_string(Status s);
const char* to_string(Verdict v);
const char* to_string(Severity s);
const char* to_string(ReviewCause c);  // "unreadable_document", "layout_not_understood", ...

std::optional<Status> parse_status(std::string_view s);
std::optional<Verdict> parse_verdict(std::string_view s);
std::optional<Severity> parse_severity(std::string_view s);

}  // namespace tfa::rules
