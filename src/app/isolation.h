// Reading in worker processes: a reader that crashes, hangs or runs out of memory on one
// document costs that document, never the run.
//
// A worker (the hidden `tfaudit __worker` command) reads and extracts a whole folder and
// sends its case records back (app/record_wire.h). When a worker dies or overruns on a folder,
// each of the folder's documents is read alone in a fresh worker; those that fail again
// become unreadable with the cause in words ("the PDF reader crashed on this file", "reading
// took longer than 30 s", "over the 512 MB memory budget"), and the folder is read again
// without them. Documents of folders too large for one unit are each read in a worker first
// and then in process.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/pipeline.h"
#include "core/process_pool.h"

namespace tfa::app {

// The `__worker` command: serves tasks on fd 3 (see core/process_pool.h). Returns its exit status.
int cmd_worker(const std::vector<std::string>& args);

// How to start the running tfaudit program again (/proc/self/exe), for workers; empty when
// that is not possible.
std::string self_exe();

namespace detail {

// A whole folder's cases, read in a worker (see above).
std::vector<CaseRecord> isolated_cases(proc::Pool& pool, const Folder& f, const extract::Vocab& vocab);

// One document of a large folder, tried in a worker first.
extract::DocFacts isolated_read(proc::Pool& pool, const Folder& f, size_t index, const extract::Vocab& vocab);

// One document as `extract --text` (text) or `--blocks` prints it, read in a worker.
Result<std::string> isolated_document(proc::Pool& pool, const std::string& path, bool text);

// The cause of a failed task in words, for a document of format `path`'s extension.
std::string failure_cause(const proc::TaskResult& r, const std::string& path, const proc::Limits& limits);

}  // namespace detail

}  // namespace tfa::app
