#include <dirent.h>

#include <algorithm>
#include <ostream>

#include "app/commands.h"
#include "app/paths.h"
#include "readers/reader.h"

namespace tfa::app {

namespace {

void walk(const std::string& dir, std::vector<std::string>& out) {
    DIR* d = ::opendir(dir.c_str());
    if (!d) return;
    std::vector<std::string> names;
    while (dirent* e = ::readdir(d)) {
        if (e->d_name[0] == '.') continue;
        names.emplace_back(e->d_name);
    }
    ::closedir(d);
    std::sort(names.begin(), names.end());
    for (const auto& n : names) {
        const std::string p = dir + "/" + n;
        if (is_dir(p))
            walk(p, out);
        else
            out.push_back(p);
    }
}

}  // namespace

std::vector<std::string> expand_inputs(const std::vector<std::string>& paths, std::ostream& err, bool& missing) {
    std::vector<std::string> out;
    for (const auto& p : paths) {
        if (is_dir(p)) {
            std::string dir = p;
            while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
            walk(dir, out);
        } else if (is_file(p)) {
            out.push_back(p);
        } else {
            err << p << ": no such file or folder\n";
            missing = true;
        }
    }
    return out;
}

}  // namespace tfa::app
