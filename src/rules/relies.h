// What tfaudit does not know, per rule: the record fields a check kind relies on, and whether a
// failure of that rule rests on evidence or only on fields tfaudit could not find or read.
//
// A rule that fails because the paperwork is blank, says no, or lacks a document in a bundle
// whose documents were all recognised has failed on evidence. A rule that fails only because
// the field it needs is not_found or unreadable, where it could be in a document tfaudit could
// not read or did not understand, is needs_review: the message says what was not found and why.
#pragma once

#include <string>
#include <vector>

#include "model/record.h"
#include "rules/pack.h"

namespace tfa::rules {

// The record keys the rule's kind reads (field_present: its `field` parameter). Empty for
// kinds that judge no single field (duplicates, text cues) or that this table does not know.
std::vector<std::string> relied_keys(const Rule& rule);

// For a rule that failed: the reason it cannot be decided, in words, or "" when the failure
// rests on evidence. Records with no field states (older JSON) always give "".
std::string undecided_reason(const Rule& rule, const CaseRecord& r);

}  // namespace tfa::rules
