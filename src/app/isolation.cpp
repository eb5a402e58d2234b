#include "app/isolation.h"

#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <thread>

#include "app/record_wire.h"
#include "core/text.h"
#include "extract/extractor.h"
#include "readers/reader.h"

namespace tfa::app {

namespace {

using proc::get_str;
using proc::get_u64;
using proc::put_str;
using proc::put_u64;

// ---- tasks ----------------------------------------------------------------------------------

std::string init_task(const PipelineOptions& opts) {
    std::string t;
    put_str(t, opts.templates_dir);
    put_u64(t, opts.criteria.size());
    for (const auto& [id, name] : opts.criteria) {
        put_str(t, id);
        put_str(t, name);
    }
    return t;
}

std::string case_task(const Folder& f) {
    std::string t;
    put_str(t, "case");
    put_str(t, f.path);
    put_str(t, f.name);
    put_u64(t, f.files.size());
    for (const auto& p : f.files) {
        put_str(t, p);
        auto it = f.refused.find(p);
        put_str(t, it == f.refused.end() ? std::string() : it->second);
    }
    return t;
}

std::string probe_task(const std::string& path) {
    std::string t;
    put_str(t, "probe");
    put_str(t, path);
    return t;
}

bool decode_folder(const std::string& t, size_t& pos, Folder& f) {
    uint64_t n = 0;
    if (!get_str(t, pos, f.path) || !get_str(t, pos, f.name) || !get_u64(t, pos, n)) return false;
    for (uint64_t i = 0; i < n; ++i) {
        std::string p, why;
        if (!get_str(t, pos, p) || !get_str(t, pos, why)) return false;
        if (!why.empty()) f.refused[p] = why;
        f.files.push_back(std::move(p));
    }
    return true;
}

// ---- the test hook ---------------------------------------------------------------------------

#ifdef TFAUDIT_TEST_HOOKS
// TFAUDIT_TEST_FAULT="crash:NAME,hang:NAME,sleep:NAME,oom:NAME" makes reading a document whose
// file name is NAME crash, spin, block or allocate without end, in a worker only. Compiled into
// builds with tests (BUILD_TESTING), so that isolation is tested without a real reader bug.
void test_fault(const std::string& path) {
    const char* env = std::getenv("TFAUDIT_TEST_FAULT");
    if (!env) return;
    const std::string name = path.substr(path.find_last_of('/') + 1);
    for (const auto& item : text::split(env, ',')) {
        const size_t colon = item.find(':');
        if (colon == std::string::npos || item.substr(colon + 1) != name) continue;
        const std::string what = item.substr(0, colon);
        if (what == "crash") ::raise(SIGSEGV);
        if (what == "hang")
            for (volatile unsigned long k = 0;; k = k + 1) {
            }
        if (what == "sleep")
            for (;;) ::pause();
        if (what == "oom") {
            std::vector<std::unique_ptr<char[]>> hog;
            for (;;) {
                hog.emplace_back(new char[1 << 20]);
                std::memset(hog.back().get(), 1, 1 << 20);
                // Without RLIMIT_AS (sanitizer builds) the budget is the hook's own.
                if (!proc::memory_budget_enforced() && hog.size() > proc::memory_budget_mb()) std::get_new_handler()();
            }
        }
    }
}
#else
void test_fault(const std::string&) {}
#endif

// ---- the worker ------------------------------------------------------------------------------

struct WorkerState {
    PipelineOptions opts;
    std::shared_ptr<extract::Vocab> vocab;
};

std::string do_case(WorkerState& w, const std::string& task, size_t pos, const proc::Progress& progress) {
    Folder f;
    if (!decode_folder(task, pos, f)) return {};
    std::vector<extract::DocFacts> docs;
    for (size_t i = 0; i < f.files.size(); ++i) {
        if (!f.refused.count(f.files[i])) test_fault(f.files[i]);
        docs.push_back(detail::read_one(f, i, *w.vocab));
        progress();
    }
    const auto cases = detail::build_cases(f, std::move(docs), *w.vocab);
    std::string out;
    put_u64(out, cases.size());
    for (const auto& r : cases) encode_record(out, r);
    return out;
}

// "text" / "blocks": one document as extract --text or --blocks prints it: "1" + the output,
// or "0" + the error.
std::string do_document(const std::string& kind, const std::string& task, size_t pos) {
    std::string path;
    if (!get_str(task, pos, path)) return {};
    test_fault(path);
    auto doc = read_document(path);
    if (!doc) return "0" + doc.error().str();
    return "1" + (kind == "text" ? to_text(doc.value()) : to_json(doc.value()));
}

std::string handle(WorkerState& w, const std::string& task, const proc::Progress& progress) {
    size_t pos = 0;
    std::string kind;
    if (!get_str(task, pos, kind)) return {};
    if (kind == "case") return do_case(w, task, pos, progress);
    if (kind == "text" || kind == "blocks") return do_document(kind, task, pos);
    if (kind == "probe") {
        std::string path;
        if (!get_str(task, pos, path)) return {};
        test_fault(path);
        Folder f{"", "", {path}, {}};
        (void)detail::read_one(f, 0, *w.vocab);
        return "ok";
    }
    return {};
}

void init(WorkerState& w, const std::string& task) {
    size_t pos = 0;
    uint64_t n = 0;
    bool ok = get_str(task, pos, w.opts.templates_dir) && get_u64(task, pos, n);
    for (uint64_t i = 0; ok && i < n; ++i) {
        std::string id, name;
        ok = get_str(task, pos, id) && get_str(task, pos, name);
        w.opts.criteria.emplace_back(id, name);
    }
    if (ok && w.opts.templates_dir.empty()) return;  // documents only (extract --text, --blocks)
    auto v = ok ? load_vocab(w.opts) : Result<std::shared_ptr<extract::Vocab>>(Error{"", "bad set-up"});
    if (!v) ::_exit(3);
    w.vocab = v.value();
}

}  // namespace

int cmd_worker(const std::vector<std::string>& args) {
    proc::Limits limits;
    for (size_t i = 2; i + 1 < args.size(); i += 2) {
        if (args[i] == "--seconds") limits.seconds = static_cast<unsigned>(std::atoi(args[i + 1].c_str()));
        if (args[i] == "--memory-mb") limits.memory_mb = static_cast<size_t>(std::atol(args[i + 1].c_str()));
    }
    WorkerState w;
    return proc::serve(
        limits, [&](const std::string& t) { init(w, t); },
        [&](const std::string& t, const proc::Progress& p) { return handle(w, t, p); });
}

std::string self_exe() {
    // /proc/self/exe itself, not the path it names: it still starts this program when the
    // file was replaced or removed (a rebuild, an upgrade) during the run.
    return ::access("/proc/self/exe", X_OK) == 0 ? "/proc/self/exe" : std::string();
}

namespace detail {

std::unique_ptr<proc::Pool> make_pool(const PipelineOptions& opts) {
    std::vector<std::string> argv{opts.worker_exe, "__worker",
                                  "--seconds",     std::to_string(opts.limits.seconds),
                                  "--memory-mb",   std::to_string(opts.limits.memory_mb)};
    return std::make_unique<proc::Pool>(argv, init_task(opts), opts.limits);
}

std::string failure_cause(const proc::TaskResult& r, const std::string& path, const proc::Limits& limits) {
    switch (r.outcome) {
        case proc::Outcome::ok:
            return {};
        case proc::Outcome::timed_out:
            return "reading took longer than " + std::to_string(limits.seconds) + " s";
        case proc::Outcome::out_of_memory:
            return "over the " + std::to_string(limits.memory_mb) + " MB memory budget";
        case proc::Outcome::failed:
            return "could not start a worker process to read it";
        case proc::Outcome::crashed:
            break;
    }
    std::string format = text::extension(path);
    for (auto& c : format) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::string s = "the " + (format.empty() ? std::string() : format + " ") + "reader crashed on this file";
    if (r.signal) s += std::string(" (") + ::strsignal(r.signal) + ")";
    return s;
}

namespace {

bool decode_cases(const std::string& payload, std::vector<CaseRecord>& out) {
    size_t pos = 0;
    uint64_t n = 0;
    if (!get_u64(payload, pos, n) || n > payload.size()) return false;
    out.resize(static_cast<size_t>(n));
    for (auto& r : out)
        if (!decode_record(payload, pos, r)) return false;
    return pos == payload.size();
}

// Every document not yet refused is refused with `why`; the cases are built in process
// (no reader runs).
std::vector<CaseRecord> all_refused(Folder f, const std::string& why, const extract::Vocab& vocab) {
    std::vector<extract::DocFacts> docs;
    for (const auto& p : f.files) {
        if (!f.refused.count(p)) f.refused[p] = why;
        docs.push_back(extract::unreadable_document(p, f.refused[p]));
    }
    return build_cases(f, std::move(docs), vocab);
}

}  // namespace

std::vector<CaseRecord> isolated_cases(proc::Pool& pool, const Folder& f, const extract::Vocab& vocab) {
    std::vector<CaseRecord> out;
    auto r = pool.run(case_task(f));
    if (r.outcome == proc::Outcome::ok && decode_cases(r.payload, out)) return out;
    const proc::Limits limits = pool.limits();
    // Which documents are to blame: each alone, in a fresh worker.
    Folder g = f;
    for (const auto& p : f.files) {
        if (g.refused.count(p)) continue;
        const auto probe = pool.run_fresh(probe_task(p));
        if (probe.outcome != proc::Outcome::ok) g.refused[p] = failure_cause(probe, p, limits);
    }
    r = pool.run(case_task(g));
    out.clear();
    if (r.outcome == proc::Outcome::ok && decode_cases(r.payload, out)) return out;
    return all_refused(
        g, "reading this folder failed (" + failure_cause(r, "", limits) + ") and no one document was to blame", vocab);
}

Result<std::string> isolated_document(proc::Pool& pool, const std::string& path, bool text) {
    std::string t;
    put_str(t, text ? "text" : "blocks");
    put_str(t, path);
    const auto r = pool.run(t);
    if (r.outcome != proc::Outcome::ok) return Error{path, failure_cause(r, path, pool.limits())};
    if (r.payload.empty()) return Error{path, "the worker gave no answer"};
    if (r.payload[0] == '1') return r.payload.substr(1);
    return Error{"", r.payload.substr(1)};  // the message already names the file
}

extract::DocFacts isolated_read(proc::Pool& pool, const Folder& f, size_t index, const extract::Vocab& vocab) {
    const std::string& p = f.files[index];
    if (f.refused.count(p)) return read_one(f, index, vocab);
    const auto probe = pool.run(probe_task(p));
    if (probe.outcome != proc::Outcome::ok)
        return extract::unreadable_document(p, failure_cause(probe, p, pool.limits()));
    return read_one(f, index, vocab);
}

}  // namespace detail

}  // namespace tfa::app
