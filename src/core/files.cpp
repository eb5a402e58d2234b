#include "core/files.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>

namespace tfa::files {

bool is_dir(const std::string& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool is_file(const std::string& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::vector<Entry> list_entries(const std::string& dir) {
    std::vector<Entry> out;
    DIR* d = ::opendir(dir.c_str());
    if (!d) return out;
    while (dirent* e = ::readdir(d)) {
        if (e->d_name[0] == '.') continue;
        Entry en{e->d_name, false, false};
        if (e->d_type == DT_DIR || e->d_type == DT_REG) {
            en.dir = e->d_type == DT_DIR;
            en.file = e->d_type == DT_REG;
        } else {  // the file system does not say (or a link): ask
            const std::string p = dir + "/" + en.name;
            en.dir = is_dir(p);
            en.file = is_file(p);
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

}  // namespace tfa::files
