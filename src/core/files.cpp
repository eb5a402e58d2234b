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

std::vector<std::string> list_dir(const std::string& dir) {
    std::vector<std::string> names;
    DIR* d = ::opendir(dir.c_str());
    if (!d) return names;
    while (dirent* e = ::readdir(d))
        if (e->d_name[0] != '.') names.emplace_back(e->d_name);
    ::closedir(d);
    std::sort(names.begin(), names.end());
    return names;
}

std::vector<std::string> files_ending(const std::string& dir, std::string_view suffix) {
    std::vector<std::string> out;
    for (const auto& n : list_dir(dir)) {
        const std::string p = dir + "/" + n;
        if (n.size() >= suffix.size() && n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0 && is_file(p))
            out.push_back(p);
    }
    return out;
}

}  // namespace tfa::files
