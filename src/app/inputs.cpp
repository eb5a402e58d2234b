#include <ostream>

#include "app/commands.h"
#include "core/files.h"

namespace tfa::app {

namespace {

void walk(const std::string& dir, std::vector<std::string>& out, int depth) {
    if (depth > 32) return;
    for (const auto& n : files::list_dir(dir)) {
        const std::string p = dir + "/" + n;
        if (files::is_dir(p))
            walk(p, out, depth + 1);
        else
            out.push_back(p);
    }
}

}  // namespace

std::vector<std::string> expand_inputs(const std::vector<std::string>& paths, std::ostream& err, bool& missing) {
    std::vector<std::string> out;
    for (const auto& p : paths) {
        if (files::is_dir(p)) {
            std::string dir = p;
            while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
            walk(dir, out, 0);
        } else if (files::is_file(p)) {
            out.push_back(p);
        } else {
            err << p << ": no such file or folder\n";
            missing = true;
        }
    }
    return out;
}

}  // namespace tfa::app
