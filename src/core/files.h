// The few file-system questions every stage asks: is this a folder, what is in it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tfa::files {

bool is_dir(const std::string& path);
bool is_file(const std::string& path);

// The names in folder `dir` (not paths), sorted, hidden ones (".x") left out. Empty when the
// folder cannot be read.
std::vector<std::string> list_dir(const std::string& dir);

// A folder entry: its name and whether it is a folder or a regular file (links followed).
struct Entry {
    std::string name;
    bool dir = false, file = false;
};

// The entries of folder `dir`, sorted by name, hidden ones left out. Uses the kind the folder
// listing gives, asking the file system only when it does not say.
std::vector<Entry> list_entries(const std::string& dir);

// The paths of the files directly in `dir` whose names end in `suffix` (".xml"), sorted.
std::vector<std::string> files_ending(const std::string& dir, std::string_view suffix);

}  // namespace tfa::files
