#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/text.h"
#include "readers/reader.h"

#include "core/files.h"

namespace tfa {

namespace {

struct FormatEntry {
    const char* ext;
    const Reader& (*reader)();
};

// The one table of formats.
const FormatEntry kFormats[] = {
    {"docx", docx_reader}, {"docm", docx_reader}, {"odt", odt_reader},  {"html", html_reader}, {"htm", html_reader},
    {"pdf", pdf_reader},   {"xlsx", xlsx_reader}, {"txt", text_reader}, {"csv", text_reader},
};

// 200000 → "200,000".
std::string with_commas(size_t n) {
    std::string s = std::to_string(n);
    for (size_t i = s.size(); i > 3; i -= 3) s.insert(i - 3, ",");
    return s;
}

}  // namespace

void Budget::exceeded(size_t limit, const char* what) {
    std::string bound;
    if (what)
        bound = with_commas(limit) + " " + what;
    else if (limit >= (1u << 20) && limit % (1u << 20) == 0)
        bound = with_commas(limit >> 20) + " MB text";
    else
        bound = with_commas(limit) + " bytes text";
    throw LimitExceeded("over the " + bound + " limit for one document");
}

const Reader* reader_for(std::string_view path) {
    const std::string ext = text::extension(path);
    for (const auto& f : kFormats)
        if (ext == f.ext) return &f.reader();
    return nullptr;
}

std::vector<std::string> supported_extensions() {
    std::vector<std::string> out;
    for (const auto& f : kFormats) out.emplace_back(f.ext);
    return out;
}

Result<std::string> load_file(const std::string& path, size_t max_bytes) { return files::read_whole(path, max_bytes); }

Result<Document> read_document(const std::string& path, std::string_view bytes, const ReadOptions& opts) {
    const Reader* r = reader_for(path);
    if (!r) {
        const std::string ext = text::extension(path);
        return Error{path,
                     "unsupported format" + (ext.empty() ? std::string(" (no file extension)") : " (." + ext + ")")};
    }
    try {
        return r->read(path, bytes, opts);
    } catch (const LimitExceeded& e) {
        return Error{path, e.what()};
    } catch (const std::exception& e) {
        return Error{path, std::string("cannot read ") + r->format() + ": " + e.what()};
    } catch (...) {
        return Error{path, std::string("cannot read ") + r->format() + ": unexpected error"};
    }
}

Result<Document> read_document(const std::string& path, const ReadOptions& opts) {
    if (!reader_for(path)) {
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0) return Error{path, "no such file"};
        return read_document(path, std::string_view{}, opts);
    }
    auto data = load_file(path, opts.max_file_bytes);
    if (!data) return data.error();
    return read_document(path, data.value(), opts);
}

}  // namespace tfa
