// The case record as bytes, for passing it from a worker process to the parent (isolation).
//
// Every field of CaseRecord is carried, including those the JSON form (docs/case-record.md)
// leaves out or infers (identified, completed_by, reason, has_*, each item's source), so a
// record that crossed a process boundary judges exactly as the one built in process. The
// worker round-trip test compares both records' JSON over every sample bundle: a field added
// to the record and its JSON but not here makes it fail.
#pragma once

#include <string>

#include "model/record.h"

namespace tfa::app {

// Appends `r` to `out`.
void encode_record(std::string& out, const CaseRecord& r);

// Reads one record from `in` at `pos`, advancing it; false when the bytes are short or bad.
bool decode_record(const std::string& in, size_t& pos, CaseRecord& r);

}  // namespace tfa::app
