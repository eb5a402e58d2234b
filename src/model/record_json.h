// Reading case records back from their JSON form (docs/case-record.md), so that records can
// be replayed without documents (`tfaudit check --records FILE.json`, tests).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "model/record.h"

namespace tfa {

// Parses one record object, or a list of them: a JSON array of records, the output of
// `tfaudit check --format json` ({"cases": [{"case", "record"}]}), or one such case
// ({"case", "record"}). Keys beyond the contract
// that the extractor knows are read too: "case", "files", "doc_types", "has_assessment",
// "has_plan", "has_closure". When the has_* keys are absent they are inferred from the
// record's content. `file` names the input in errors. Never throws.
Result<std::vector<CaseRecord>> records_from_json(const std::string& file, std::string_view json);

// True when the JSON reader has a reader for record key `key` (the schema test asks).
bool has_json_reader(const std::string& key);

// Reads and parses the file at `path` (records_from_json).
Result<std::vector<CaseRecord>> load_records(const std::string& path);

}  // namespace tfa
