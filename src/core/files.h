// The few file-system questions every stage asks: is this a folder, what is in it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tfa::files {

// Links followed.
bool is_dir(const std::string& path);
bool is_file(const std::string& path);  // a regular file
bool exists(const std::string& path);   // anything at all (a FIFO, a device, a dangling link too)

// The names in folder `dir` (not paths), sorted, hidden ones (".x") left out. Empty when the
// folder cannot be read.
std::vector<std::string> list_dir(const std::string& dir);

// A folder entry: its name, what it is (a link's target decides dir and file), and whether
// it is a symbolic link. `special` is anything else: a FIFO, a device, a socket, a dangling link.
struct Entry {
    std::string name;
    bool dir = false, file = false, link = false, special = false;
};

// The entries of folder `dir`, sorted by name, hidden ones left out. Uses the kind the folder
// listing gives, asking the file system only when it does not say (or for a link).
std::vector<Entry> list_entries(const std::string& dir);

// The paths of the regular files directly in `dir` whose names end in `suffix` (".xml"), sorted.
std::vector<std::string> files_ending(const std::string& dir, std::string_view suffix);

// The absolute path with every link resolved (realpath), or empty when it does not resolve.
std::string real_path(const std::string& path);

// True when `path` is `dir` or lies below it; both should be real_path()s.
bool is_within(const std::string& path, const std::string& dir);

// A name for a file-system object that is not a regular file ("a FIFO", "a device", ...), or
// empty for a regular file or a folder. Links followed.
std::string special_kind(const std::string& path);

}  // namespace tfa::files
