// The claim checker: one CaseRecord + a rule pack + the as-of date → a CaseResult.
//
// Every rule of the pack gives one Finding, in pack order, citing the record's sources. The
// route, verdict, score, grade and "to make this claimable" list follow from the findings as
// docs/case-record.md describes. Evaluation is pure: the same record, pack, batch and date give
// the same result, byte for byte once written.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "model/record.h"
#include "rules/annotations.h"
#include "rules/pack.h"
#include "rules/status.h"

namespace tfa::rules {

// A piece of evidence behind a finding: the document, the place in it, and the words.
struct EvidenceRef {
    std::string file, where, quote;
};

struct Finding {
    std::string rule;
    Status status = Status::Pass;
    Severity severity = Severity::Major;
    std::string message;
    std::vector<EvidenceRef> evidence;
    // For a failing rule: what would make it pass, and the document it belongs in (the
    // bundle's file of that type when there is one, else the type). Not written in reports.
    std::string fix, fix_document;
    // True when the rule failed only on fields tfaudit could not find or read (NeedsReview).
    bool undecided = false;
};

// One thing to add before the case can be claimed, and the document it belongs in.
struct Missing {
    std::string what, document;
};

struct CaseError {
    std::string file, error;
};

struct CaseResult {
    std::string case_name, family_ref;
    Verdict verdict = Verdict::NeedsReview;
    std::string route;               // sustained_progress | continuous_employment | empty (null)
    int score = 0;                   // 0..100
    std::string grade, grade_basis;  // packs with grades only
    std::vector<Finding> findings;   // pack order
    std::vector<Missing> to_make_claimable;
    std::vector<CaseError> errors;           // the record's unreadable documents, and reader warnings that lost content
    std::vector<Unrecognised> unrecognised;  // documents of no recognised type, with their unmatched labels
    ReviewCause review_cause = ReviewCause::None;  // why, when the verdict is needs_review
    Annotations notes;                             // claimable_from and auditor decisions (rules/annotations.h)
};

// The prefix of a CaseError made from a reader's warning (judge_rules).
inline constexpr const char* kReaderWarning = "reader warning: ";

// What the checker knows about the rest of the batch: the case names holding each family
// reference. Null when a record is judged on its own.
using BatchRefs = std::map<std::string, std::vector<std::string>>;

// Judges `record` against `pack` as of day `as_of` (cal::parse). `batch` lists every family
// reference in the run (for duplicate_ref rules); when null those rules are not applicable.
CaseResult check_case(const RulePack& pack, const CaseRecord& record, long as_of, const BatchRefs* batch);

// Judges every rule of `pack` except those whose kind is in `skip_kinds` (their findings are
// left out) and returns the raw findings, before routes and verdict. check_case is
// judge_rules + finalize; a batch judges duplicate_ref rules later, when all references are known.
CaseResult judge_rules(const RulePack& pack, const CaseRecord& record, long as_of, const BatchRefs* batch);

// Turns raw findings (one per rule, in pack order, each judged alone) into the case's route,
// verdict, score, grade and to_make_claimable; the other route's unmet rules become
// not_applicable. Call it once per result: it is not idempotent.
void finalize(const RulePack& pack, CaseResult& result);

// The finding of rule `rule` for `record`: exposed for the batch's second pass.
Finding check_rule(const RulePack& pack, const Rule& rule, const CaseRecord& record, long as_of,
                   const BatchRefs* batch);

// Replaces {name} placeholders in `tmpl` from `vars`; unknown names are left as written.
std::string fill(const std::string& tmpl, const std::map<std::string, std::string>& vars);

}  // namespace tfa::rules
