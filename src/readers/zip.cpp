#include "readers/zip.h"

#include <Poco/Exception.h>
#include <Poco/MemoryStream.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <map>

namespace tfa {

struct ZipFile::Impl {
    std::string path;
    std::string_view bytes;
    ReadOptions opts;
    std::unique_ptr<Poco::MemoryInputStream> in;
    std::unique_ptr<Poco::Zip::ZipArchive> archive;
};

ZipFile::ZipFile() : impl_(std::make_unique<Impl>()) {}
ZipFile::~ZipFile() = default;

Result<std::unique_ptr<ZipFile>> ZipFile::open(const std::string& path, std::string_view bytes,
                                               const ReadOptions& opts) {
    if (bytes.size() < 4 || bytes.substr(0, 2) != "PK") return Error{path, "not a zip archive"};
    std::unique_ptr<ZipFile> z(new ZipFile());
    z->impl_->path = path;
    z->impl_->bytes = bytes;
    z->impl_->opts = opts;
    try {
        z->impl_->in = std::make_unique<Poco::MemoryInputStream>(bytes.data(), bytes.size());
        z->impl_->archive = std::make_unique<Poco::Zip::ZipArchive>(*z->impl_->in);
    } catch (const Poco::Exception& e) {
        return Error{path, "damaged or truncated zip archive: " + e.displayText()};
    } catch (const std::exception& e) {
        return Error{path, std::string("damaged or truncated zip archive: ") + e.what()};
    }
    if (z->impl_->archive->headerBegin() == z->impl_->archive->headerEnd())
        return Error{path, "damaged zip archive: no entries"};
    return z;
}

bool ZipFile::has(const std::string& name) const {
    return impl_->archive->findHeader(name) != impl_->archive->headerEnd();
}

std::vector<std::string> ZipFile::names() const {
    std::vector<std::string> out;
    for (auto it = impl_->archive->headerBegin(); it != impl_->archive->headerEnd(); ++it)
        out.push_back(it->first);
    return out;
}

Result<std::string> ZipFile::read(const std::string& name) const {
    const auto& I = *impl_;
    auto it = I.archive->findHeader(name);
    if (it == I.archive->headerEnd()) return Error{I.path, "zip entry missing: " + name};
    const auto& h = it->second;
    const size_t compressed = h.getCompressedSize();
    size_t limit = I.opts.max_entry_bytes;
    const double by_ratio = I.opts.max_ratio * static_cast<double>(compressed);
    if (h.getCompressionMethod() == Poco::Zip::ZipCommon::CM_DEFLATE && by_ratio < static_cast<double>(limit))
        limit = std::max(I.opts.ratio_floor, static_cast<size_t>(by_ratio));
    if (h.getUncompressedSize() > limit)
        return Error{I.path, "zip entry " + name + " would inflate to " + std::to_string(h.getUncompressedSize()) +
                                 " bytes, over the limit of " + std::to_string(limit) + " (possible zip bomb)"};
    std::string out;
    try {
        Poco::MemoryInputStream in(I.bytes.data(), I.bytes.size());
        Poco::Zip::ZipInputStream zis(in, h, true);
        out.reserve(std::min<size_t>(h.getUncompressedSize(), limit));
        char buf[65536];
        while (zis.read(buf, sizeof buf) || zis.gcount() > 0) {
            const auto n = static_cast<size_t>(zis.gcount());
            if (out.size() + n > limit)
                return Error{I.path, "zip entry " + name + " inflates past the limit of " + std::to_string(limit) +
                                         " bytes (possible zip bomb)"};
            out.append(buf, n);
        }
    } catch (const Poco::Exception& e) {
        return Error{I.path, "damaged zip entry " + name + ": " + e.displayText()};
    } catch (const std::exception& e) {
        return Error{I.path, "damaged zip entry " + name + ": " + e.what()};
    }
    if (out.size() != h.getUncompressedSize() && h.getUncompressedSize() != 0)
        return Error{I.path, "damaged zip entry " + name + ": inflated " + std::to_string(out.size()) +
                                 " of " + std::to_string(h.getUncompressedSize()) + " bytes"};
    return out;
}

std::optional<std::string> read_aux_bytes(const ZipFile& zip, const std::string& part, Document& doc) {
    if (!zip.has(part)) {
        doc.warnings.push_back("missing part " + part);
        return std::nullopt;
    }
    auto bytes = zip.read(part);
    if (!bytes) {
        doc.warnings.push_back(bytes.error().message);
        return std::nullopt;
    }
    return std::move(bytes).value();
}

xml::DocPtr parse_aux_part(const ZipFile& zip, const std::string& part, Document& doc) {
    const auto bytes = read_aux_bytes(zip, part, doc);
    if (!bytes) return nullptr;
    auto d = xml::parse(doc.path, part, *bytes);
    if (!d) {
        doc.warnings.push_back(d.error().message);
        return nullptr;
    }
    return std::move(d.value());
}

std::string resolve_part(std::string_view source_part, std::string_view target) {
    if (!target.empty() && target[0] == '/') return std::string(target.substr(1));
    std::string base(source_part);
    const size_t slash = base.find_last_of('/');
    base = slash == std::string::npos ? "" : base.substr(0, slash + 1);
    std::string joined = base + std::string(target);
    // Fold "a/../b" and "./".
    std::vector<std::string> parts;
    size_t b = 0;
    for (size_t i = 0; i <= joined.size(); ++i) {
        if (i == joined.size() || joined[i] == '/') {
            std::string seg = joined.substr(b, i - b);
            b = i + 1;
            if (seg.empty() || seg == ".") continue;
            if (seg == "..") {
                if (!parts.empty()) parts.pop_back();
                continue;
            }
            parts.push_back(seg);
        }
    }
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += '/';
        out += p;
    }
    return out;
}

}  // namespace tfa
