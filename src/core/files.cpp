#include "core/files.h"
#include <cstring>
#include <cerrno>
#include <unistd.h>
#include <fcntl.h>

#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <algorithm>
#include <climits>

namespace tfa::files {

bool is_dir(const std::string& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool is_file(const std::string& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool exists(const std::string& p) {
    struct stat st {};
    return ::lstat(p.c_str(), &st) == 0;
}

std::string special_kind(const std::string& p) {
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0) return "a link to nothing";
    if (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) return {};
    if (S_ISFIFO(st.st_mode)) return "a FIFO (named pipe)";
    if (S_ISSOCK(st.st_mode)) return "a socket";
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) return "a device";
    return "not a regular file";
}

std::vector<Entry> list_entries(const std::string& dir) {
    std::vector<Entry> out;
    DIR* d = ::opendir(dir.c_str());
    if (!d) return out;
    while (dirent* e = ::readdir(d)) {
        if (e->d_name[0] == '.') continue;
        Entry en{e->d_name};
        if (e->d_type == DT_DIR || e->d_type == DT_REG) {
            en.dir = e->d_type == DT_DIR;
            en.file = e->d_type == DT_REG;
        } else {  // a link, something special, or the file system does not say: ask
            const std::string p = dir + "/" + en.name;
            struct stat lst {
            }, st{};
            en.link = ::lstat(p.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode);
            if (::stat(p.c_str(), &st) == 0) {
                en.dir = S_ISDIR(st.st_mode);
                en.file = S_ISREG(st.st_mode);
            }
            en.special = !en.dir && !en.file;
        }
        out.push_back(std::move(en));
    }
    ::closedir(d);
    std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
    return out;
}

std::vector<std::string> list_dir(const std::string& dir) {
    std::vector<std::string> names;
    for (auto& e : list_entries(dir)) names.push_back(std::move(e.name));
    return names;
}

std::vector<std::string> files_ending(const std::string& dir, std::string_view suffix) {
    std::vector<std::string> out;
    for (const auto& e : list_entries(dir)) {
        const std::string& n = e.name;
        if (e.file && n.size() >= suffix.size() && n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0)
            out.push_back(dir + "/" + n);
    }
    return out;
}

std::string real_path(const std::string& path) {
    char buf[PATH_MAX];
    return ::realpath(path.c_str(), buf) ? std::string(buf) : std::string();
}

bool is_within(const std::string& path, const std::string& dir) {
    if (path.empty() || dir.empty()) return false;
    if (dir == "/") return path[0] == '/';
    return path.compare(0, dir.size(), dir) == 0 && (path.size() == dir.size() || path[dir.size()] == '/');
}

Result<std::string> read_whole(const std::string& path, size_t max_bytes) {
    // O_NONBLOCK: opening a FIFO never waits for a writer; only regular files are read.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return Error{path, errno == ENOENT ? "no such file" : std::string("cannot open file: ") + std::strerror(errno)};
    struct stat st {};
    if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
        ::close(fd);
        return Error{path, "is a directory, not a document"};
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        return Error{path, "refused: not a regular file (a FIFO, device or socket)"};
    }
    if (static_cast<size_t>(st.st_size) > max_bytes) {
        ::close(fd);
        return Error{
            path, "file too large (" + std::to_string(st.st_size) + " bytes; limit " + std::to_string(max_bytes) + ")"};
    }
    std::string data(static_cast<size_t>(st.st_size), '\0');
    size_t got = 0;
    while (got < data.size()) {
        const ssize_t n = ::read(fd, data.data() + got, data.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += static_cast<size_t>(n);
    }
    ::close(fd);
    if (got != data.size()) return Error{path, "read error"};
    return data;
}

}  // namespace tfa::files
