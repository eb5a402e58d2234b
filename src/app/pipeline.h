// The pipeline from input paths to case records: find the bundles, read their documents,
// extract one CaseRecord per bundle. The only place that sees readers, templates and packs
// together is app/.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "model/record.h"

namespace tfa::extract {
class Vocab;
struct DocFacts;
}  // namespace tfa::extract

namespace tfa::app {

struct PipelineOptions {
    std::string templates_dir;  // resolved templates/ folder
    std::vector<std::pair<std::string, std::string>> criteria;  // (id, name) from the rule pack, in pack order
    unsigned threads = 0;       // 0: every core
};

// A folder of documents: one family's bundle, or a flat folder of several families'.
struct Folder {
    std::string path;  // as found from the user's argument
    std::string name;  // the folder's own name: the case name of a one-family bundle
    std::vector<std::string> files;  // sorted
};

// Walks the folders of documents under `paths` lazily, depth first in name order: a folder
// is listed only when next() reaches it, so memory does not grow with the number of folders.
// A folder's own documents form one Folder; its sub-folders follow. Files named directly form
// one Folder of their own, last. error() names a path that does not exist.
class FolderWalk {
public:
    explicit FolderWalk(const std::vector<std::string>& paths);
    const Status& error() const { return error_; }
    std::optional<Folder> next();

private:
    std::vector<std::string> roots_, stack_;
    std::optional<Folder> loose_;
    Status error_;
};

// Finds the folders of documents under `paths`. A folder's own documents form one Folder;
// its sub-folders are searched in turn. Files named directly form one Folder of their own.
// Files that are not documents at all (.md, .json, .py, ...) are skipped; documents in
// formats tfaudit cannot read (.doc, images) are kept, to be reported. Errors: a path that
// does not exist.
Result<std::vector<Folder>> find_folders(const std::vector<std::string>& paths);

// Loads the templates for the pack's criteria. Errors: bad or missing templates.
Result<std::shared_ptr<extract::Vocab>> load_vocab(const PipelineOptions& opts);

// Reads every folder's documents (in parallel, bounded) and calls emit(record) for each case
// in a deterministic order: folders in order; in a flat folder, cases by family reference.
// A document that cannot be read is listed in its record's `unreadable`.
void for_each_case(FolderWalk& walk, const extract::Vocab& vocab, unsigned threads,
                   const std::function<void(CaseRecord&&)>& emit);

// The same from paths: find_folders + load_vocab + for_each_case.
Status for_each_case(const std::vector<std::string>& paths, const PipelineOptions& opts,
                     const std::function<void(CaseRecord&&)>& emit);

// Reads and extracts every document under `paths`, calling emit(facts) in order (--explain).
Status for_each_document(const std::vector<std::string>& paths, const PipelineOptions& opts,
                         const std::function<void(const extract::DocFacts&)>& emit);

}  // namespace tfa::app
