// The pipeline from input paths to case records: find the bundles, read their documents,
// extract one CaseRecord per bundle. The only place that sees readers, templates and packs
// together is app/.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/result.h"
#include "model/record.h"

namespace tfa::app {

struct PipelineOptions {
    std::string templates_dir;  // resolved templates/ folder
    std::vector<std::pair<std::string, std::string>> criteria;  // (id, name) from the rule pack, in pack order
    unsigned threads = 0;       // 0: every core
};

// Finds the bundles under `paths` and calls emit(record) for each, in a deterministic order
// (sorted by bundle path, then family reference), extracting in parallel. Errors that stop
// the whole run (no such path, bad templates) are returned; a document that cannot be read is
// listed in its record's `unreadable` instead.
Status for_each_case(const std::vector<std::string>& paths, const PipelineOptions& opts,
                     const std::function<void(CaseRecord&&)>& emit);

}  // namespace tfa::app
