#include "app/pipeline.h"

#include <algorithm>
#include <iostream>
#include <map>

#include "app/isolation.h"
#include "app/paths.h"
#include "core/files.h"
#include "core/parallel.h"
#include "core/text.h"
#include "extract/dates.h"
#include "extract/extractor.h"
#include "extract/templates.h"
#include "extract/vocab.h"
#include "readers/reader.h"

namespace tfa::app {

namespace {

// Extensions of files that are documents, readable or not. Anything else in a bundle folder
// (notes, scripts, data files) is not case evidence and is passed over.
bool is_document_name(const std::string& name) {
    static const char* kOther[] = {"doc", "rtf",  "png", "jpg", "jpeg", "tif", "tiff", "gif",   "bmp", "xls",
                                   "ppt", "pptx", "odp", "ods", "msg",  "eml", "zip",  "pages", "wpd"};
    const std::string ext = text::extension(name);
    if (ext.empty()) return false;
    for (const auto& e : supported_extensions())
        if (ext == e) return true;
    for (const char* e : kOther)
        if (ext == e) return true;
    return false;
}

std::string base_name(std::string p) {
    while (p.size() > 1 && p.back() == '/') p.pop_back();
    const size_t slash = p.find_last_of('/');
    return slash == std::string::npos ? p : p.substr(slash + 1);
}

}  // namespace

FolderWalk::FolderWalk(const std::vector<std::string>& paths) {
    // Files named directly form one folder of their own, after the folders.
    Folder loose{"", "", {}, {}};
    for (const auto& p : paths) {
        if (files::is_dir(p)) {
            std::string dir = p;
            while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
            stack_.emplace_back(dir, files::real_path(dir));
        } else if (files::is_file(p)) {
            loose.files.push_back(p);
        } else if (files::exists(p)) {
            loose.files.push_back(p);
            loose.refused[p] = "refused: " + files::special_kind(p) + ", not a regular file";
        } else if (!error_) {
            error_ = Error{p, "no such file or folder"};
        }
    }
    if (!loose.files.empty()) {
        const std::string& first = loose.files.front();
        loose.name = base_name(first.substr(0, first.find_last_of('/') + 1));
        loose_ = std::move(loose);
    }
    std::reverse(stack_.begin(), stack_.end());
}

namespace {

// Names that are not valid UTF-8 are shown with U+FFFD in every report (core/text escapes);
// the real name is said once, on stderr, with its bad bytes as \xNN (and in the case record's
// warnings, by the builder).
void flag_bad_name(const std::string& p) {
    if (text::is_valid_utf8(p)) return;
    std::cerr << "tfaudit: warning: " << text::terminal_safe(text::show_invalid_bytes(p))
              << ": the name is not valid UTF-8; reports show U+FFFD in place of the bad bytes\n";
}

// Why the folder entry `e` at `p`, found under the folder whose real path is `root`, is not
// to be opened; empty when it may be.
std::string refusal(const files::Entry& e, const std::string& p, const std::string& root) {
    if (e.special) return "refused: " + files::special_kind(p) + ", not a regular file";
    if (e.link && !files::is_within(files::real_path(p), root))
        return "refused: a link to a file outside the folder given (" + root + ")";
    return {};
}

}  // namespace

std::optional<Folder> FolderWalk::next() {
    while (!stack_.empty()) {
        auto [dir, root] = std::move(stack_.back());
        stack_.pop_back();
        Folder f{dir, base_name(dir), {}, {}};
        if (!text::is_valid_utf8(f.name)) flag_bad_name(dir);
        std::vector<std::string> subdirs;
        for (const auto& e : files::list_entries(dir)) {
            const std::string p = dir + "/" + e.name;
            if (e.dir) {
                // Links to folders are not followed: two links to "." would make the walk
                // exponential and repeat every case.
                if (!e.link && std::count(p.begin(), p.end(), '/') < 64) subdirs.push_back(p);
            } else if ((e.file || e.special) && is_document_name(e.name)) {
                if (!text::is_valid_utf8(e.name)) flag_bad_name(p);
                f.files.push_back(p);
                if (auto why = refusal(e, p, root); !why.empty()) f.refused[p] = why;
            }
        }
        // Depth first, in name order: push the sub-folders last to first.
        for (auto it = subdirs.rbegin(); it != subdirs.rend(); ++it) stack_.emplace_back(std::move(*it), root);
        if (!f.files.empty()) return f;
    }
    if (loose_) {
        Folder f = std::move(*loose_);
        loose_.reset();
        return f;
    }
    return std::nullopt;
}

Result<std::vector<Folder>> find_folders(const std::vector<std::string>& paths) {
    FolderWalk walk(paths);
    if (walk.error()) return *walk.error();
    std::vector<Folder> out;
    while (auto f = walk.next()) out.push_back(std::move(*f));
    return out;
}

Result<std::shared_ptr<extract::Vocab>> load_vocab(const PipelineOptions& opts) {
    if (opts.templates_dir.empty())
        return Error{"templates", "the templates folder was not found (use --templates-dir)"};
    auto t = extract::load_templates(opts.templates_dir);
    if (!t) return t.error();
    std::vector<extract::Template> all = std::move(t).value();
    // A folder of council templates only (no shared vocabulary) adds to the bundled templates:
    // its own come first, so they win, and a bundled template of the same name gives way.
    const bool shared = std::any_of(all.begin(), all.end(), [](const extract::Template& x) { return x.always(); });
    const std::string bundled = data_dir("templates", std::nullopt);
    if (!shared && !bundled.empty() && bundled != opts.templates_dir) {
        auto b = extract::load_templates(bundled);
        if (!b) return b.error();
        for (auto& bt : b.value())
            if (std::none_of(all.begin(), all.end(), [&](const extract::Template& x) { return x.name == bt.name; }))
                all.push_back(std::move(bt));
    }
    return std::make_shared<extract::Vocab>(std::move(all), opts.criteria);
}

namespace detail {

extract::DocFacts read_one(const Folder& f, size_t index, const extract::Vocab& vocab) {
    const std::string& path = f.files[index];
    if (auto it = f.refused.find(path); it != f.refused.end()) return extract::unreadable_document(path, it->second);
    auto doc = read_document(path);
    if (!doc) return extract::unreadable_document(path, doc.error().message);
    return extract::extract_document(doc.value(), vocab);
}

std::vector<CaseRecord> read_cases(const Folder& f, const extract::Vocab& vocab) {
    std::vector<extract::DocFacts> docs;
    for (size_t i = 0; i < f.files.size(); ++i) docs.push_back(read_one(f, i, vocab));
    return build_cases(f, std::move(docs), vocab);
}

std::vector<CaseRecord> folder_cases(proc::Pool* pool, const Folder& f, const extract::Vocab& vocab) {
    return pool ? isolated_cases(*pool, f, vocab) : read_cases(f, vocab);
}

extract::DocFacts folder_document(proc::Pool* pool, const Folder& f, size_t index, const extract::Vocab& vocab) {
    return pool ? isolated_read(*pool, f, index, vocab) : read_one(f, index, vocab);
}

// Splits a folder's documents into cases: one case named after the folder when they carry
// one family reference (or none); else one case per reference, named by it.
namespace {

std::string digits_of(const std::string& s) {
    std::string d;
    for (char c : s)
        if (std::isdigit(static_cast<unsigned char>(c))) d += c;
    return d;
}

bool all_digits(const std::string& s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

}  // namespace

// A document is read again only as read_one() read it the first time (pipeline.h).
void apply_bundle_council(const Folder& f, std::vector<extract::DocFacts>& docs, const extract::Vocab& vocab) {
    const auto names = extract::bundle_council(docs, vocab);
    if (names.empty()) return;
    for (auto& d : docs) {
        if (!extract::names_no_council(d, vocab) || f.refused.count(d.path)) continue;
        auto doc = read_document(d.path);
        if (doc) d = extract::extract_document(doc.value(), vocab, names);
    }
}

std::vector<CaseRecord> build_cases(const Folder& f, std::vector<extract::DocFacts>&& docs,
                                    const extract::Vocab& vocab) {
    apply_bundle_council(f, docs, vocab);
    std::vector<CaseRecord> out;
    auto emit = [&out](CaseRecord&& r) { out.push_back(std::move(r)); };
    // Each document's family: the reference it carries, else the one its file name carries.
    std::map<std::string, std::vector<extract::DocFacts>> by_ref;
    std::vector<extract::DocFacts> no_ref;
    for (auto& d : docs) {
        const extract::Hit* h = d.hit("family_ref");
        if (h && !h->value.empty())
            by_ref[h->value].push_back(std::move(d));
        else
            no_ref.push_back(std::move(d));
    }
    std::vector<extract::DocFacts> digits_only, orphans;
    for (auto& d : no_ref) {
        // A council's reference pattern found it in the file's name, else the generic rule.
        const std::string name_ref = !d.name_ref.empty() ? d.name_ref : extract::reference_in_name(d.path);
        const std::string name = text::match_key(base_name(d.path));
        std::vector<extract::DocFacts>* home = nullptr;
        for (auto& [ref, list] : by_ref)
            if (!home && extract::contains_words(name, text::match_key(ref))) home = &list;
        if (!home && !name_ref.empty() && !all_digits(name_ref)) home = &by_ref[name_ref];
        if (home)
            home->push_back(std::move(d));
        else if (all_digits(name_ref))
            digits_only.push_back(std::move(d));
        else
            orphans.push_back(std::move(d));
    }
    // "hard data 2318.csv" joins the one family whose reference has those digits.
    for (auto& d : digits_only) {
        const std::string digits = extract::reference_in_name(d.path);
        std::vector<extract::DocFacts>* home = nullptr;
        int matches = 0;
        for (auto& [ref, list] : by_ref)
            if (digits_of(ref) == digits) home = &list, ++matches;
        if (matches == 1)
            home->push_back(std::move(d));
        else
            orphans.push_back(std::move(d));
    }
    if (by_ref.size() <= 1) {
        // One family (or none): one case named after the folder.
        std::vector<extract::DocFacts> all = std::move(orphans);
        for (auto& [ref, list] : by_ref)
            for (auto& d : list) all.push_back(std::move(d));
        emit(extract::build_record(f.name, std::move(all), vocab));
        return out;
    }
    // A flat folder: one case per family; documents of no family form a case of their own,
    // named after the folder.
    for (auto& [ref, list] : by_ref) emit(extract::build_record(ref, std::move(list), vocab));
    if (!orphans.empty()) emit(extract::build_record(f.name, std::move(orphans), vocab));
    return out;
}

std::optional<FolderItem> ItemStream::next() {
    while (!folder_ || index_ >= folder_->files.size()) {
        auto f = walk_.next();
        if (!f) return std::nullopt;
        folder_ = std::make_shared<const Folder>(std::move(*f));
        index_ = 0;
        if (folder_->files.size() <= kWholeFolderMax) {
            index_ = folder_->files.size();
            return FolderItem{folder_, 0, true};
        }
    }
    return FolderItem{folder_, index_++, false};
}

}  // namespace detail

Status for_each_case(const std::vector<std::string>& paths, const PipelineOptions& opts,
                     const std::function<void(CaseRecord&&)>& emit) {
    return for_each_case(
        paths, opts, [](CaseRecord&& r) { return std::move(r); }, emit);
}

Status for_each_document(const std::vector<std::string>& paths, const PipelineOptions& opts,
                         const std::function<void(const extract::DocFacts&)>& emit) {
    FolderWalk walk(paths);
    if (walk.error()) return walk.error();
    auto vocab = load_vocab(opts);
    if (!vocab) return vocab.error();
    std::unique_ptr<proc::Pool> pool;
    if (!opts.worker_exe.empty()) pool = detail::make_pool(opts);
    // Document by document, also in small folders, so that --explain shows each in turn. A
    // folder's facts are held until its last document, so that each is shown as its case reads
    // it (a CSV with the council templates of the folder's other documents, build_cases).
    std::shared_ptr<const Folder> folder, held_folder;
    std::vector<extract::DocFacts> held;
    auto flush = [&] {
        if (held_folder) detail::apply_bundle_council(*held_folder, held, *vocab.value());
        for (const auto& f : held) emit(f);
        held.clear();
    };
    size_t index = 0;
    using Item = std::pair<std::shared_ptr<const Folder>, size_t>;
    ordered_stream(
        opts.threads ? opts.threads : default_threads(),
        [&]() -> std::optional<Item> {
            while (!folder || index >= folder->files.size()) {
                auto f = walk.next();
                if (!f) return std::nullopt;
                folder = std::make_shared<const Folder>(std::move(*f));
                index = 0;
            }
            return std::make_pair(folder, index++);
        },
        [&](Item& d) {
            return std::make_pair(d.first, detail::folder_document(pool.get(), *d.first, d.second, *vocab.value()));
        },
        [&](std::pair<std::shared_ptr<const Folder>, extract::DocFacts>&& f) {
            if (f.first != held_folder) flush();
            held_folder = f.first;
            held.push_back(std::move(f.second));
        });
    flush();
    return std::nullopt;
}

}  // namespace tfa::app
