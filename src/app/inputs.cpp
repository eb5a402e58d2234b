#include <ostream>

#include "app/commands.h"
#include "core/files.h"
#include "core/text.h"

namespace tfa::app {

namespace {

// Walks `dir` (found under the folder whose real path is `root`): links to folders are not
// followed; links to files outside `root` and anything that is not a regular file are
// reported on `err` and left out.
void walk(const std::string& dir, const std::string& root, std::vector<std::string>& out, std::ostream& err,
          bool& refused, int depth) {
    if (depth > 32) return;
    for (const auto& e : files::list_entries(dir)) {
        const std::string p = dir + "/" + e.name;
        if (e.dir) {
            if (!e.link) walk(p, root, out, err, refused, depth + 1);
        } else if (e.special) {
            err << text::terminal_safe(p) << ": refused: " << files::special_kind(p) << ", not a regular file\n";
            refused = true;
        } else if (e.link && !files::is_within(files::real_path(p), root)) {
            err << text::terminal_safe(p) << ": refused: a link to a file outside the folder given\n";
            refused = true;
        } else {
            out.push_back(p);
        }
    }
}

}  // namespace

std::vector<std::string> expand_inputs(const std::vector<std::string>& paths, std::ostream& err, bool& missing) {
    std::vector<std::string> out;
    for (const auto& p : paths) {
        if (files::is_dir(p)) {
            std::string dir = p;
            while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
            walk(dir, files::real_path(dir), out, err, missing, 0);
        } else if (files::is_file(p)) {
            out.push_back(p);
        } else if (files::exists(p)) {
            err << text::terminal_safe(p) << ": refused: " << files::special_kind(p) << ", not a regular file\n";
            missing = true;
        } else {
            err << text::terminal_safe(p) << ": no such file or folder\n";
            missing = true;
        }
    }
    return out;
}

}  // namespace tfa::app
