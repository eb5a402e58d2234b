// The pipeline from input paths to case records: find the bundles, read their documents,
// extract one CaseRecord per bundle. The only place that sees readers, templates and packs
// together is app/.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "model/record.h"

#include "core/parallel.h"
#include "core/process_pool.h"
#include "extract/extractor.h"

namespace tfa::app {

struct PipelineOptions {
    std::string templates_dir;                                  // resolved templates/ folder
    std::vector<std::pair<std::string, std::string>> criteria;  // (id, name) from the rule pack, in pack order
    unsigned threads = 0;                                       // 0: every core
    // Reading in worker processes (app/isolation.h): the tfaudit program to start as workers,
    // empty to read in this process; and each document's time and memory limits.
    std::string worker_exe;
    proc::Limits limits;
};

// A folder of documents: one family's bundle, or a flat folder of several families'.
struct Folder {
    std::string path;                // as found from the user's argument
    std::string name;                // the folder's own name: the case name of a one-family bundle
    std::vector<std::string> files;  // sorted
    // Documents that are not to be opened, with the reason: a link that leaves the folder
    // given, a FIFO or device, or one a reader crashed or hung on. Each is in `files` too and
    // becomes an unreadable document of its case.
    std::map<std::string, std::string> refused;
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
    std::vector<std::pair<std::string, std::string>> stack_;  // (folder, real path of its root)
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

namespace detail {

// A pool of worker processes set up with `opts`' templates, criteria and limits
// (app/isolation.cpp).
std::unique_ptr<proc::Pool> make_pool(const PipelineOptions& opts);

// Reads and extracts document `index` of `f`; a document that cannot be read, or is refused,
// gives facts with `error`.
extract::DocFacts read_one(const Folder& f, size_t index, const extract::Vocab& vocab);

// A whole folder's cases, read in process.
std::vector<CaseRecord> read_cases(const Folder& f, const extract::Vocab& vocab);

// The same in a worker process when `pool` is set (app/isolation.h).
std::vector<CaseRecord> folder_cases(proc::Pool* pool, const Folder& f, const extract::Vocab& vocab);
extract::DocFacts folder_document(proc::Pool* pool, const Folder& f, size_t index, const extract::Vocab& vocab);

// A folder whose documents matched one council's templates applies them to its documents that
// name no council (a hard-data CSV): those are read again with them. With no council, or two
// councils' templates, nothing changes.
void apply_bundle_council(const Folder& f, std::vector<extract::DocFacts>& docs, const extract::Vocab& vocab);

// A folder's documents → its cases: one case named after the folder when they carry one
// family reference (or none); else one case per reference, named by it (a flat folder).
// Documents that name no council are first read again with the council templates the other
// documents matched, when those are one council's (extract::bundle_council).
std::vector<CaseRecord> build_cases(const Folder& f, std::vector<extract::DocFacts>&& docs,
                                    const extract::Vocab& vocab);

// A unit of work: a whole folder (most bundles: read, extract, build and transform on one
// worker), or one document of a folder too large for one worker.
struct FolderItem {
    std::shared_ptr<const Folder> folder;
    size_t index = 0;  // the document, when !whole
    bool whole = false;
};

// Folders with more documents than this are read document by document.
constexpr size_t kWholeFolderMax = 32;

class ItemStream {
public:
    explicit ItemStream(FolderWalk& walk) : walk_(walk) {}
    std::optional<FolderItem> next();

private:
    FolderWalk& walk_;
    std::shared_ptr<const Folder> folder_;
    size_t index_ = 0;
};

}  // namespace detail

// Reads every folder's documents (in parallel, bounded), builds each case's record and calls
// transform(record) on a worker thread, then emit(result) on the calling thread for each case
// in a deterministic order: folders in order; in a flat folder, cases by family reference. A
// document that cannot be read is listed in its record's `unreadable`. `transform` must be
// thread-safe; it is how the caller does its per-case work (judging, rendering) in parallel.
// With `pool`, documents are read in its worker processes.
template <class Transform, class Emit>
void for_each_case(FolderWalk& walk, const extract::Vocab& vocab, unsigned threads, Transform transform, Emit emit,
                   proc::Pool* pool = nullptr) {
    using T = decltype(transform(std::declval<CaseRecord&&>()));
    struct Out {
        std::shared_ptr<const Folder> folder;
        bool whole = false;
        std::vector<T> cases;   // a whole folder's cases, transformed
        extract::DocFacts doc;  // one document of a large folder
    };
    detail::ItemStream items(walk);
    std::shared_ptr<const Folder> large;  // the large folder whose documents are arriving
    std::vector<extract::DocFacts> pending;
    auto flush = [&] {
        if (large)
            for (auto& r : detail::build_cases(*large, std::move(pending), vocab)) emit(transform(std::move(r)));
        pending.clear();
        large.reset();
    };
    ordered_stream(
        threads ? threads : default_threads(), [&] { return items.next(); },
        [&](detail::FolderItem& it) {
            Out o;
            o.folder = it.folder;
            o.whole = it.whole;
            if (!it.whole) {
                o.doc = detail::folder_document(pool, *it.folder, it.index, vocab);
                return o;
            }
            for (auto& r : detail::folder_cases(pool, *it.folder, vocab)) o.cases.push_back(transform(std::move(r)));
            return o;
        },
        [&](Out&& o) {
            if (large && (o.whole || o.folder != large)) flush();
            if (o.whole) {
                for (auto& c : o.cases) emit(std::move(c));
                return;
            }
            large = o.folder;
            pending.push_back(std::move(o.doc));
        });
    flush();
}

// The same from paths: find_folders + load_vocab + for_each_case.
Status for_each_case(const std::vector<std::string>& paths, const PipelineOptions& opts,
                     const std::function<void(CaseRecord&&)>& emit);

// Reads and extracts every document under `paths`, calling emit(facts) in order (--explain).
Status for_each_document(const std::vector<std::string>& paths, const PipelineOptions& opts,
                         const std::function<void(const extract::DocFacts&)>& emit);

// The same from paths: walks them, loads the templates, and runs the pipeline.
template <class Transform, class Emit>
Status for_each_case(const std::vector<std::string>& paths, const PipelineOptions& opts, Transform transform,
                     Emit emit) {
    FolderWalk walk(paths);
    if (walk.error()) return walk.error();
    auto vocab = load_vocab(opts);
    if (!vocab) return vocab.error();
    std::unique_ptr<proc::Pool> pool;
    if (!opts.worker_exe.empty()) pool = detail::make_pool(opts);
    for_each_case(walk, *vocab.value(), opts.threads, transform, emit, pool.get());
    return std::nullopt;
}

}  // namespace tfa::app
