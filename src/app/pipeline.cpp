#include "app/pipeline.h"

#include <algorithm>
#include <map>

#include "app/paths.h"
#include "core/files.h"
#include "core/parallel.h"
#include "core/text.h"
#include "extract/extractor.h"
#include "extract/templates.h"
#include "extract/vocab.h"
#include "readers/reader.h"

namespace tfa::app {

namespace {

// Extensions of files that are documents, readable or not. Anything else in a bundle folder
// (notes, scripts, data files) is not case evidence and is passed over.
bool is_document_name(const std::string& name) {
    static const char* kOther[] = {"doc", "rtf", "png", "jpg", "jpeg", "tif", "tiff", "gif", "bmp", "xls",
                                   "ppt", "pptx", "odp", "ods", "msg", "eml", "zip", "pages", "wpd"};
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
    Folder loose{"", "", {}};
    for (const auto& p : paths) {
        if (files::is_dir(p)) {
            std::string dir = p;
            while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
            roots_.push_back(dir);
        } else if (files::is_file(p)) {
            loose.files.push_back(p);
        } else if (!error_) {
            error_ = Error{p, "no such file or folder"};
        }
    }
    if (!loose.files.empty()) {
        const std::string& first = loose.files.front();
        loose.name = base_name(first.substr(0, first.find_last_of('/') + 1));
        loose_ = std::move(loose);
    }
    std::reverse(roots_.begin(), roots_.end());
    stack_ = roots_;
}

std::optional<Folder> FolderWalk::next() {
    while (!stack_.empty()) {
        const std::string dir = std::move(stack_.back());
        stack_.pop_back();
        Folder f{dir, base_name(dir), {}};
        std::vector<std::string> subdirs;
        for (const auto& e : files::list_entries(dir)) {
            const std::string p = dir + "/" + e.name;
            if (e.dir) {
                if (std::count(p.begin(), p.end(), '/') < 64) subdirs.push_back(p);
            } else if (e.file && is_document_name(e.name)) {
                f.files.push_back(p);
            }
        }
        // Depth first, in name order: push the sub-folders last to first.
        for (auto it = subdirs.rbegin(); it != subdirs.rend(); ++it) stack_.push_back(std::move(*it));
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
    if (opts.templates_dir.empty()) return Error{"templates", "the templates folder was not found (use --templates-dir)"};
    auto t = extract::load_templates(opts.templates_dir);
    if (!t) return t.error();
    return std::make_shared<extract::Vocab>(std::move(t).value(), opts.criteria);
}

namespace detail {

extract::DocFacts read_one(const std::string& path, const extract::Vocab& vocab) {
    auto doc = read_document(path);
    if (!doc) return extract::unreadable_document(path, doc.error().message);
    return extract::extract_document(doc.value(), vocab);
}

// Splits a folder's documents into cases: one case named after the folder when they carry
// one family reference (or none); else one case per reference, named by it.
std::vector<CaseRecord> build_cases(const Folder& f, std::vector<extract::DocFacts>&& docs,
                                    const extract::Vocab& vocab) {
    std::vector<CaseRecord> out;
    auto emit = [&out](CaseRecord&& r) { out.push_back(std::move(r)); };
    std::map<std::string, std::vector<extract::DocFacts>> by_ref;
    std::vector<extract::DocFacts> no_ref;
    for (auto& d : docs) {
        const extract::Hit* h = d.hit("family_ref");
        if (h && !h->value.empty())
            by_ref[h->value].push_back(std::move(d));
        else
            no_ref.push_back(std::move(d));
    }
    if (by_ref.size() <= 1) {
        std::vector<extract::DocFacts> all = std::move(no_ref);
        for (auto& [ref, list] : by_ref)
            for (auto& d : list) all.push_back(std::move(d));
        emit(extract::build_record(f.name, std::move(all), vocab));
        return out;
    }
    // A flat folder: documents without a reference join the family whose reference their
    // file name carries; the rest form a case of their own, named after the folder.
    std::vector<extract::DocFacts> orphans;
    for (auto& d : no_ref) {
        const std::string name = text::match_key(base_name(d.path));
        bool placed = false;
        for (auto& [ref, list] : by_ref)
            if (!placed && extract::contains_words(name, text::match_key(ref))) {
                list.push_back(std::move(d));
                placed = true;
            }
        if (!placed) orphans.push_back(std::move(d));
    }
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
    return for_each_case(paths, opts, [](CaseRecord&& r) { return std::move(r); }, emit);
}

Status for_each_document(const std::vector<std::string>& paths, const PipelineOptions& opts,
                         const std::function<void(const extract::DocFacts&)>& emit) {
    FolderWalk walk(paths);
    if (walk.error()) return walk.error();
    auto vocab = load_vocab(opts);
    if (!vocab) return vocab.error();
    // Document by document, also in small folders, so that --explain shows each in turn.
    std::shared_ptr<const Folder> folder;
    size_t index = 0;
    ordered_stream(
        opts.threads ? opts.threads : default_threads(),
        [&]() -> std::optional<std::string> {
            while (!folder || index >= folder->files.size()) {
                auto f = walk.next();
                if (!f) return std::nullopt;
                folder = std::make_shared<const Folder>(std::move(*f));
                index = 0;
            }
            return folder->files[index++];
        },
        [&](std::string& path) { return detail::read_one(path, *vocab.value()); },
        [&](extract::DocFacts&& f) { emit(f); });
    return std::nullopt;
}

}  // namespace tfa::app
