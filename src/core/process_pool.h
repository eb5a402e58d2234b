// Work done in child processes, so that a crash, a hang or a runaway allocation in one task
// costs that task and never the caller.
//
// A Worker is one child process, started by exec'ing a program (tfaudit's hidden `__worker`
// command), talking over a socket pair: the parent sends a task (bytes), the child answers with
// zero or more progress frames and one result frame. The child limits itself (serve()): its
// address space (RLIMIT_AS), its CPU time per step (RLIMIT_CPU, re-armed at each progress
// frame) and core dumps (none). The parent adds a wall-clock watchdog per step: a step that
// takes longer than the limit gets the child killed. Steps are reported at most every half
// second, so each has between the limit and the limit plus a second. How a task ended is a
// TaskResult.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace tfa::proc {

// Per-step limits: seconds of CPU and of wall-clock time, and megabytes of address space.
struct Limits {
    unsigned seconds = 30;
    size_t memory_mb = 512;
};

enum class Outcome {
    ok,             // the result arrived
    crashed,        // the child died on a signal (SIGSEGV, SIGABRT, ...) or exited early
    timed_out,      // a step took longer than the limit (wall clock or CPU)
    out_of_memory,  // an allocation failed inside the memory budget
    failed,         // the child could not be started
};

struct TaskResult {
    Outcome outcome = Outcome::failed;
    std::string payload;  // the result frame when ok
    int signal = 0;       // the signal that ended the child, when crashed
    size_t steps = 0;     // progress frames received before the end
};

// Exit status a worker uses when an allocation fails (its new-handler exits with it).
constexpr int kOutOfMemoryExit = 86;

// One child process. Not thread-safe: one task at a time.
class Worker {
public:
    // Starts `argv[0]` with `argv`; the child finds its socket on fd 3 (serve() reads it).
    // Returns nullptr when the program cannot be started.
    static std::unique_ptr<Worker> spawn(const std::vector<std::string>& argv);
    ~Worker();
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    // Sends `task` and waits for its result, each step (the start, or the last progress
    // frame) for at most `seconds` of wall-clock time. After any outcome but ok the child is
    // gone (killed and reaped) and this Worker must be dropped.
    TaskResult run(const std::string& task, unsigned seconds);

private:
    Worker(pid_t pid, int fd) : pid_(pid), fd_(fd) {}
    TaskResult finish(TaskResult r, bool kill_first);

    pid_t pid_;
    int fd_;
};

// Up to `size` idle workers for threads to borrow; a worker whose task did not end ok is
// replaced by a fresh one. Thread-safe.
class Pool {
public:
    // `init` is sent as the first task of every new worker (its setup: templates, limits).
    Pool(std::vector<std::string> argv, std::string init, Limits limits);
    ~Pool();

    const Limits& limits() const { return limits_; }

    // Runs `task` on an idle (or new) worker.
    TaskResult run(const std::string& task);

    // Runs `task` on a new worker used for nothing else (a probe of a suspect document).
    TaskResult run_fresh(const std::string& task);

private:
    std::unique_ptr<Worker> start();

    std::vector<std::string> argv_;
    std::string init_;
    Limits limits_;
    std::mutex m_;
    std::vector<std::unique_ptr<Worker>> idle_;
};

// ---- the child's side ---------------------------------------------------------------------

// Sends a progress frame and re-arms the CPU limit for the next step.
using Progress = std::function<void()>;

// Serves tasks on fd 3 until the parent closes it (or dies: the worker is killed with it):
// applies `limits` (address space, no core files, CPU per step), then for each task calls handle(task, progress) and
// sends its result. The first task is passed to `init` instead (no result is sent). Returns the exit status.
int serve(const Limits& limits, const std::function<void(const std::string&)>& init,
          const std::function<std::string(const std::string&, const Progress&)>& handle);

// In a worker: the memory budget serve() applied, and whether RLIMIT_AS enforces it (not in
// sanitizer builds, whose shadow memory needs the address space).
size_t memory_budget_mb();
bool memory_budget_enforced();

// ---- framing: a list of strings as bytes, for tasks and results ---------------------------

void put_u64(std::string& out, uint64_t v);
void put_str(std::string& out, const std::string& s);

// Reads from `in` at `pos`, advancing it; false when the bytes run out.
bool get_u64(const std::string& in, size_t& pos, uint64_t& v);
bool get_str(const std::string& in, size_t& pos, std::string& s);

}  // namespace tfa::proc
