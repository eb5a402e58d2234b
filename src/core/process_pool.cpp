#include "core/process_pool.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <new>

extern char** environ;

namespace tfa::proc {

namespace {

constexpr int kChildFd = 3;

// Writes all of `s` to `fd`; false when the other end is gone.
bool send_all(int fd, const char* p, size_t n) {
    while (n > 0) {
        const ssize_t k = ::send(fd, p, n, MSG_NOSIGNAL);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return false;
        p += k;
        n -= static_cast<size_t>(k);
    }
    return true;
}

// Reads exactly `n` bytes from `fd` (blocking); false on end of file or error.
bool read_all(int fd, char* p, size_t n) {
    while (n > 0) {
        const ssize_t k = ::read(fd, p, n);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return false;
        p += k;
        n -= static_cast<size_t>(k);
    }
    return true;
}

std::string frame(char type, const std::string& body) {
    std::string f(1, type);
    put_u64(f, body.size());
    return f + body;
}

}  // namespace

// ---- framing ------------------------------------------------------------------------------

void put_u64(std::string& out, uint64_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }

void put_str(std::string& out, const std::string& s) {
    put_u64(out, s.size());
    out += s;
}

bool get_u64(const std::string& in, size_t& pos, uint64_t& v) {
    if (in.size() - pos < sizeof v || pos > in.size()) return false;
    std::memcpy(&v, in.data() + pos, sizeof v);
    pos += sizeof v;
    return true;
}

bool get_str(const std::string& in, size_t& pos, std::string& s) {
    uint64_t n = 0;
    if (!get_u64(in, pos, n) || n > in.size() - pos) return false;
    s.assign(in, pos, static_cast<size_t>(n));
    pos += static_cast<size_t>(n);
    return true;
}

// ---- the parent's side ----------------------------------------------------------------------

std::unique_ptr<Worker> Worker::spawn(const std::vector<std::string>& argv) {
    int sv[2];
    if (argv.empty() || ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) return nullptr;
    int child = sv[1];
    if (child == kChildFd) {  // dup2 onto itself would keep close-on-exec
        child = ::fcntl(sv[1], F_DUPFD_CLOEXEC, kChildFd + 1);
        ::close(sv[1]);
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, child, kChildFd);
    posix_spawn_file_actions_adddup2(&fa, 2, 1);  // nothing the child prints mixes into stdout
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    const int rc = ::posix_spawn(&pid, argv[0].c_str(), &fa, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    ::close(child);
    if (rc != 0) {
        ::close(sv[0]);
        return nullptr;
    }
    return std::unique_ptr<Worker>(new Worker(pid, sv[0]));
}

Worker::~Worker() {
    if (fd_ >= 0) ::close(fd_);
    if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        int st = 0;
        while (::waitpid(pid_, &st, 0) < 0 && errno == EINTR) {
        }
    }
}

// Reaps the child (killing it first when asked) and says how it ended.
TaskResult Worker::finish(TaskResult r, bool kill_first) {
    ::close(fd_);
    fd_ = -1;
    if (kill_first) ::kill(pid_, SIGKILL);
    // A child that closed its socket but lives on is given two seconds to end, then killed.
    int st = 0;
    for (int waited = 0;; ++waited) {
        const pid_t k = ::waitpid(pid_, &st, waited < 200 ? WNOHANG : 0);
        if (k == pid_ || (k < 0 && errno != EINTR)) break;
        if (k == 0 && waited < 200) ::usleep(10000);
        if (waited == 199) ::kill(pid_, SIGKILL);
    }
    pid_ = -1;
    if (kill_first) return r;
    if (WIFSIGNALED(st)) {
        r.signal = WTERMSIG(st);
        r.outcome = r.signal == SIGXCPU ? Outcome::timed_out : Outcome::crashed;
    } else if (WIFEXITED(st) && WEXITSTATUS(st) == kOutOfMemoryExit) {
        r.outcome = Outcome::out_of_memory;
    } else {
        r.outcome = Outcome::crashed;
    }
    return r;
}

TaskResult Worker::run(const std::string& task, unsigned seconds) {
    using Clock = std::chrono::steady_clock;
    TaskResult r;
    r.outcome = Outcome::crashed;
    std::string msg;
    put_u64(msg, task.size());
    msg += task;
    if (!send_all(fd_, msg.data(), msg.size())) return finish(r, false);
    std::string buf;
    // One second of slack: the worker reports a step at most every half second.
    const auto allowance = std::chrono::seconds(seconds) + std::chrono::seconds(1);
    auto deadline = Clock::now() + allowance;
    char chunk[65536];
    for (;;) {
        // Whole frames first: 'P' (a step done) or 'R' + the result.
        while (!buf.empty() && buf[0] == 'P' && buf.size() >= 1 + sizeof(uint64_t)) {
            buf.erase(0, 1 + sizeof(uint64_t));
            ++r.steps;
            deadline = Clock::now() + allowance;
        }
        if (buf.size() >= 1 + sizeof(uint64_t) && buf[0] == 'R') {
            size_t pos = 1;
            uint64_t n = 0;
            get_u64(buf, pos, n);
            if (buf.size() - pos >= n) {
                r.payload = buf.substr(pos, static_cast<size_t>(n));
                r.outcome = Outcome::ok;
                return r;
            }
        } else if (!buf.empty() && buf[0] != 'P' && buf[0] != 'R') {
            return finish(r, true);  // garbage on the socket: treat as a crash
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) {
            r.outcome = Outcome::timed_out;
            return finish(r, true);
        }
        pollfd p{fd_, POLLIN, 0};
        const int k = ::poll(&p, 1, static_cast<int>(left));
        if (k < 0 && errno == EINTR) continue;
        if (k == 0) continue;  // the deadline check above ends it
        const ssize_t n = ::read(fd_, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return finish(r, false);
        buf.append(chunk, static_cast<size_t>(n));
    }
}

Pool::Pool(std::vector<std::string> argv, std::string init, Limits limits)
    : argv_(std::move(argv)), init_(std::move(init)), limits_(limits) {}

Pool::~Pool() = default;

std::unique_ptr<Worker> Pool::start() {
    auto w = Worker::spawn(argv_);
    if (w && w->run(init_, limits_.seconds).outcome != Outcome::ok) w.reset();
    return w;
}

TaskResult Pool::run(const std::string& task) {
    std::unique_ptr<Worker> w;
    {
        std::lock_guard<std::mutex> lk(m_);
        if (!idle_.empty()) {
            w = std::move(idle_.back());
            idle_.pop_back();
        }
    }
    if (!w) w = start();
    if (!w) return TaskResult{};
    TaskResult r = w->run(task, limits_.seconds);
    if (r.outcome == Outcome::ok) {
        std::lock_guard<std::mutex> lk(m_);
        idle_.push_back(std::move(w));
    }
    return r;
}

TaskResult Pool::run_fresh(const std::string& task) {
    auto w = start();
    if (!w) return TaskResult{};
    return w->run(task, limits_.seconds);
}

// ---- the child's side -----------------------------------------------------------------------

namespace {

// Sanitizers reserve terabytes of address space for their shadow memory: RLIMIT_AS would make
// every allocation fail, so under them the budget is not set (sanitizer builds are for tests).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

size_t g_seconds = 30;
size_t g_memory_mb = 512;

double cpu_seconds() {
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// The CPU limit for the next step: what is used so far plus the step's allowance.
void arm_cpu() {
    rlimit l{};
    ::getrlimit(RLIMIT_CPU, &l);
    l.rlim_cur = static_cast<rlim_t>(cpu_seconds()) + g_seconds + 1;
    if (l.rlim_max != RLIM_INFINITY && l.rlim_cur > l.rlim_max) l.rlim_cur = l.rlim_max;
    ::setrlimit(RLIMIT_CPU, &l);
}

// True when the parent's end of the socket is closed, whether or not a task it sent is still
// unread (a peek would see the task and miss the close). Async-signal-safe.
bool parent_gone() {
    pollfd p{kChildFd, POLLRDHUP, 0};
    return ::poll(&p, 1, 0) == 1 && (p.revents & (POLLRDHUP | POLLHUP)) != 0;
}

// SIGIO on the socket: when it is the parent's end closing (the parent died, perhaps of a
// signal), the worker ends too, even if stuck where no limit reaches (blocked in a reader).
// PR_SET_PDEATHSIG would not do: it follows the thread that started the worker, not the process.
extern "C" void on_socket_event(int) {
    const int saved = errno;
    if (parent_gone()) ::_exit(0);
    errno = saved;
}

void watch_parent() {
    struct sigaction sa {};
    sa.sa_handler = on_socket_event;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    ::sigaction(SIGIO, &sa, nullptr);
    ::fcntl(kChildFd, F_SETOWN, ::getpid());
    ::fcntl(kChildFd, F_SETFL, ::fcntl(kChildFd, F_GETFL) | O_ASYNC);
    // A parent that died before the line above sends no SIGIO: look once now.
    if (parent_gone()) ::_exit(0);
}

bool send_frame(char type, const std::string& body) {
    const std::string f = frame(type, body);
    return send_all(kChildFd, f.data(), f.size());
}

}  // namespace

bool memory_budget_enforced() { return !kSanitized; }

size_t memory_budget_mb() { return g_memory_mb; }

int serve(const Limits& limits, const std::function<void(const std::string&)>& init,
          const std::function<std::string(const std::string&, const Progress&)>& handle) {
    ::signal(SIGPIPE, SIG_IGN);
    watch_parent();
    rlimit core{0, 0};
    ::setrlimit(RLIMIT_CORE, &core);
    g_seconds = limits.seconds;
    g_memory_mb = limits.memory_mb;
    std::set_new_handler([] { ::_exit(kOutOfMemoryExit); });
    // A step's frame and CPU re-arming cost syscalls: made at most every half second of wall
    // time (a process uses no more CPU than wall time), so a document always gets at least
    // the limit, and a run of small documents costs no syscall each.
    using Clock = std::chrono::steady_clock;
    auto last = Clock::now();
    const Progress progress = [&last] {
        const auto now = Clock::now();
        if (now - last < std::chrono::milliseconds(500)) return;
        last = now;
        arm_cpu();
        if (!send_frame('P', "")) ::_exit(0);
    };
    bool first = true;
    for (;;) {
        uint64_t n = 0;
        if (!read_all(kChildFd, reinterpret_cast<char*>(&n), sizeof n)) return 0;
        std::string task(static_cast<size_t>(n), '\0');
        if (!read_all(kChildFd, task.data(), task.size())) return 0;
        arm_cpu();
        last = Clock::now();
        if (first) {
            init(task);
            first = false;
            // The budget applies to the reading, not to loading the templates.
            rlimit as{limits.memory_mb << 20, limits.memory_mb << 20};
            if (!kSanitized) ::setrlimit(RLIMIT_AS, &as);
            if (!send_frame('R', "")) return 0;
            continue;
        }
        if (!send_frame('R', handle(task, progress))) return 0;
    }
}

}  // namespace tfa::proc
