#include "core/output_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>

#include "core/files.h"

namespace tfa::files {

namespace {

// The temporaries the signal handler removes: fixed buffers, so the handler only reads memory
// and calls unlink (async-signal-safe).
constexpr int kSlots = 16;
char g_paths[kSlots][PATH_MAX];
std::atomic<bool> g_used[kSlots];

int register_temp(const std::string& path) {
    if (path.size() >= PATH_MAX) return -1;
    for (int i = 0; i < kSlots; ++i) {
        bool expected = false;
        if (g_used[i].compare_exchange_strong(expected, true)) {
            g_used[i] = false;  // not visible to the handler while the path is copied
            std::memcpy(g_paths[i], path.c_str(), path.size() + 1);
            g_used[i] = true;
            return i;
        }
    }
    return -1;
}

void unregister_temp(int slot) {
    if (slot >= 0) g_used[slot] = false;
}

extern "C" void remove_temps(int sig) {
    for (int i = 0; i < kSlots; ++i)
        if (g_used[i]) ::unlink(g_paths[i]);
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

std::string dir_of(const std::string& p) {
    const size_t slash = p.rfind('/');
    return slash == std::string::npos ? "." : slash == 0 ? "/" : p.substr(0, slash);
}

std::string errno_text() { return std::strerror(errno); }

// The real path of `p`, also when it does not exist yet (its folder resolved, then its name).
std::string real_target(const std::string& p) {
    std::string r = real_path(p);
    if (!r.empty()) return r;
    const std::string dir = real_path(dir_of(p));
    if (dir.empty()) return {};
    const size_t slash = p.rfind('/');
    return (dir == "/" ? "" : dir) + "/" + (slash == std::string::npos ? p : p.substr(slash + 1));
}

}  // namespace

OutputFile::~OutputFile() { discard(); }

void OutputFile::discard() {
    if (temp_.empty()) return;
    ::unlink(temp_.c_str());
    unregister_temp(slot_);
    slot_ = -1;
    temp_.clear();
}

Status OutputFile::open() {
    if (is_dir(target_)) return Error{target_, "is a folder"};
    // Renaming over a device or FIFO would replace it with a file: refused.
    if (exists(target_) && !is_file(target_)) return Error{target_, "is " + special_kind(target_) + ", not a file"};
    std::string tmpl = dir_of(target_) + "/.tfaudit-XXXXXX";
    const int fd = ::mkstemp(&tmpl[0]);
    if (fd < 0) return Error{target_, "cannot write here (" + errno_text() + ")"};
    slot_ = register_temp(tmpl);
    const mode_t mask = ::umask(0);  // mkstemp makes 0600: give the file the usual permissions
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    ::close(fd);
    temp_ = tmpl;
    return std::nullopt;
}

Status OutputFile::commit(const std::string& bytes) {
    const int fd = ::open(temp_.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0) {
        discard();
        return Error{target_, "cannot write the file (" + errno_text() + ")"};
    }
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += static_cast<size_t>(n);
    }
    const std::string why = done < bytes.size() ? errno_text() : "";
    const bool synced = done == bytes.size() && ::fsync(fd) == 0;
    if (::close(fd) != 0 || !synced) {
        const std::string w = why.empty() ? errno_text() : why;
        discard();
        return Error{target_, "cannot write the file (" + w + "); nothing was written"};
    }
    if (std::rename(temp_.c_str(), target_.c_str()) != 0) {
        const std::string w = errno_text();
        discard();
        return Error{target_, "cannot rename the finished file into place (" + w + ")"};
    }
    unregister_temp(slot_);
    slot_ = -1;
    temp_.clear();
    const int dfd = ::open(dir_of(target_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return std::nullopt;
}

void install_cleanup_handlers() {
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
        struct sigaction sa {};
        sa.sa_handler = remove_temps;
        sigemptyset(&sa.sa_mask);
        ::sigaction(sig, &sa, nullptr);
    }
}

Status check_outputs(const std::vector<std::string>& outputs, const std::vector<std::string>& names,
                     const std::vector<std::string>& inputs) {
    std::vector<std::string> seen;  // real paths of the outputs so far
    for (size_t k = 0; k < outputs.size(); ++k) {
        if (outputs[k].empty()) continue;
        const std::string name = k < names.size() ? names[k] : "output";
        const std::string out = real_target(outputs[k]);
        if (out.empty()) continue;  // its folder does not exist: OutputFile::open says so
        for (const auto& in : inputs)
            if (real_path(in) == out)
                return Error{outputs[k], name + " would overwrite an input file; choose another file"};
        if (is_file(out))
            for (const auto& in : inputs)
                if (is_dir(in) && is_within(out, real_path(in)))
                    return Error{outputs[k], name + " would overwrite an input file; choose another file"};
        for (const auto& in : inputs) {
            const std::string r = real_path(in);
            if (!r.empty() && is_dir(r) && is_within(out, r))
                return Error{outputs[k], name + " lies inside the input folder " + in + "; write it elsewhere"};
        }
        for (size_t j = 0; j < seen.size(); ++j)
            if (seen[j] == out) return Error{outputs[k], name + " is the same file as another output"};
        seen.push_back(out);
    }
    return std::nullopt;
}

}  // namespace tfa::files
