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

void walk(const std::string& dir, std::vector<Folder>& out, int depth) {
    if (depth > 32) return;
    Folder f{dir, base_name(dir), {}};
    std::vector<std::string> subdirs;
    for (const auto& e : files::list_entries(dir)) {
        const std::string p = dir + "/" + e.name;
        if (e.dir)
            subdirs.push_back(p);
        else if (e.file && is_document_name(e.name))
            f.files.push_back(p);
    }
    if (!f.files.empty()) out.push_back(std::move(f));
    for (const auto& s : subdirs) walk(s, out, depth + 1);
}

}  // namespace

Result<std::vector<Folder>> find_folders(const std::vector<std::string>& paths) {
    std::vector<Folder> out;
    Folder loose{"", "", {}};
    for (const auto& p : paths) {
        if (files::is_dir(p)) {
            std::string dir = p;
            while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
            walk(dir, out, 0);
        } else if (files::is_file(p)) {
            loose.files.push_back(p);
        } else {
            return Error{p, "no such file or folder"};
        }
    }
    if (!loose.files.empty()) {
        loose.name = base_name(loose.files.front().substr(0, loose.files.front().find_last_of('/') + 1));
        out.push_back(std::move(loose));
    }
    return out;
}

Result<std::shared_ptr<extract::Vocab>> load_vocab(const PipelineOptions& opts) {
    if (opts.templates_dir.empty()) return Error{"templates", "the templates folder was not found (use --templates-dir)"};
    auto t = extract::load_templates(opts.templates_dir);
    if (!t) return t.error();
    return std::make_shared<extract::Vocab>(std::move(t).value(), opts.criteria);
}

namespace {

extract::DocFacts read_one(const std::string& path, const extract::Vocab& vocab) {
    auto doc = read_document(path);
    if (!doc) return extract::unreadable_document(path, doc.error().message);
    return extract::extract_document(doc.value(), vocab);
}

// Splits a folder's documents into cases: one case named after the folder when they carry
// one family reference (or none); else one case per reference, named by it.
void emit_folder(const Folder& f, std::vector<extract::DocFacts>&& docs, const extract::Vocab& vocab,
                 const std::function<void(CaseRecord&&)>& emit) {
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
        return;
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
}

}  // namespace

void for_each_case(const std::vector<Folder>& folders, const extract::Vocab& vocab, unsigned threads,
                   const std::function<void(CaseRecord&&)>& emit) {
    std::vector<std::pair<size_t, const std::string*>> docs;  // (folder index, path)
    for (size_t i = 0; i < folders.size(); ++i)
        for (const auto& p : folders[i].files) docs.emplace_back(i, &p);
    size_t current = 0;
    std::vector<extract::DocFacts> pending;
    auto flush_until = [&](size_t folder) {
        while (current < folder) {
            emit_folder(folders[current], std::move(pending), vocab, emit);
            pending.clear();
            ++current;
        }
    };
    ordered_map(
        docs.size(), threads ? threads : default_threads(),
        [&](size_t i) { return read_one(*docs[i].second, vocab); },
        [&](size_t i, extract::DocFacts f) {
            flush_until(docs[i].first);
            pending.push_back(std::move(f));
        });
    flush_until(folders.size());
}

Status for_each_case(const std::vector<std::string>& paths, const PipelineOptions& opts,
                     const std::function<void(CaseRecord&&)>& emit) {
    auto folders = find_folders(paths);
    if (!folders) return folders.error();
    auto vocab = load_vocab(opts);
    if (!vocab) return vocab.error();
    for_each_case(folders.value(), *vocab.value(), opts.threads, emit);
    return std::nullopt;
}

Status for_each_document(const std::vector<std::string>& paths, const PipelineOptions& opts,
                         const std::function<void(const extract::DocFacts&)>& emit) {
    auto folders = find_folders(paths);
    if (!folders) return folders.error();
    auto vocab = load_vocab(opts);
    if (!vocab) return vocab.error();
    std::vector<const std::string*> docs;
    for (const auto& f : folders.value())
        for (const auto& p : f.files) docs.push_back(&p);
    ordered_map(
        docs.size(), opts.threads ? opts.threads : default_threads(),
        [&](size_t i) { return read_one(*docs[i], *vocab.value()); },
        [&](size_t, extract::DocFacts f) { emit(f); });
    return std::nullopt;
}

}  // namespace tfa::app
