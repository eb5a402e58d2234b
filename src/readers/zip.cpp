#include "readers/zip.h"

#include <Poco/Exception.h>
#include <Poco/MemoryStream.h>
#include <Poco/Zip/ZipArchive.h>
#include <zlib.h>

#include <cstdint>
#include <map>

namespace tfa {

struct ZipFile::Impl {
    std::string path;
    std::string_view bytes;
    std::optional<std::string> tamed;  // what Poco parses when `bytes` needed taming, else empty
    ReadOptions opts;
    std::unique_ptr<Poco::MemoryInputStream> in;
    std::unique_ptr<Poco::Zip::ZipArchive> archive;
};

ZipFile::ZipFile() : impl_(std::make_unique<Impl>()) {}

namespace {

uint64_t le(std::string_view b, size_t at, int n) {
    uint64_t v = 0;
    for (int i = n - 1; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(b[at + static_cast<size_t>(i)]);
    return v;
}

// Poco allocates whatever size a Zip64 end-of-central-directory record claims before reading it
// (fuzzing found 2 KB files asking for 434 PB), and its walk can land on such a record anywhere.
// Returns a copy of `b` in which every record Poco could not read as it stands (a claim past the
// end of the file or under the record's fixed 44 bytes, or fewer than its 56 bytes left) claims
// exactly 44 bytes and is padded with zeros to its full length; nothing when no record needs it.
// Offsets are unchanged and entries are read from the original bytes, so the same four bytes
// inside compressed data change nothing.
std::optional<std::string> tame_zip64_records(std::string_view b) {
    static constexpr std::string_view kEnd64("PK\x06\x06", 4);
    static constexpr uint64_t kFixed = 44;  // the record's bytes after its signature and size
    std::optional<std::string> out;
    std::string_view cur = b;  // what Poco will parse: the copy once there is one
    // Records may overlap; each is judged in the copy as it stands after the ones before it
    // were tamed (a size written over a later signature means there is no later record).
    for (size_t o = cur.find(kEnd64); o != std::string_view::npos; o = cur.find(kEnd64, o + 1)) {
        const uint64_t left = cur.size() >= o + 12 ? cur.size() - o - 12 : 0;
        const uint64_t claim = cur.size() >= o + 12 ? le(cur, o + 4, 8) : 0;
        if (claim >= kFixed && claim <= left) continue;
        if (!out) out.emplace(b);
        if (out->size() < o + 12 + kFixed) out->resize(o + 12 + kFixed, '\0');
        for (int i = 0; i < 8; ++i) (*out)[o + 4 + static_cast<size_t>(i)] = static_cast<char>(kFixed >> (8 * i));
        cur = *out;
    }
    return out;
}

}  // namespace
ZipFile::~ZipFile() = default;

Result<std::unique_ptr<ZipFile>> ZipFile::open(const std::string& path, std::string_view bytes,
                                               const ReadOptions& opts) {
    if (bytes.size() < 4 || bytes.substr(0, 2) != "PK") return Error{path, "not a zip archive"};
    std::unique_ptr<ZipFile> z(new ZipFile());
    z->impl_->path = path;
    z->impl_->bytes = bytes;
    z->impl_->opts = opts;
    try {
        z->impl_->tamed = tame_zip64_records(bytes);
        const std::string_view headers = z->impl_->tamed ? std::string_view(*z->impl_->tamed) : bytes;
        z->impl_->in = std::make_unique<Poco::MemoryInputStream>(headers.data(), headers.size());
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
    for (auto it = impl_->archive->headerBegin(); it != impl_->archive->headerEnd(); ++it) out.push_back(it->first);
    return out;
}

namespace {

// Inflates a raw deflate stream into `out`, refusing to go past `limit` bytes. Returns an
// empty string on success, else the problem.
std::string inflate_bounded(std::string_view data, size_t expect, size_t limit, std::string& out) {
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return "cannot start inflating";
    out.resize(std::min(std::max<size_t>(expect, 256), limit));
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    size_t produced = 0;
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        if (produced == out.size()) {
            if (out.size() >= limit) {
                inflateEnd(&z);
                return "over limit";
            }
            out.resize(std::min(out.size() * 2, limit));
        }
        z.next_out = reinterpret_cast<Bytef*>(&out[produced]);
        z.avail_out = static_cast<uInt>(out.size() - produced);
        rc = inflate(&z, Z_NO_FLUSH);
        produced = out.size() - z.avail_out;
        if (rc == Z_BUF_ERROR && z.avail_in == 0) break;  // truncated input
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
            inflateEnd(&z);
            return z.msg ? z.msg : "invalid deflate data";
        }
    }
    inflateEnd(&z);
    out.resize(produced);
    return rc == Z_STREAM_END ? std::string() : "truncated deflate data";
}

}  // namespace

Result<std::string> ZipFile::read(const std::string& name) const {
    const auto& I = *impl_;
    auto it = I.archive->findHeader(name);
    if (it == I.archive->headerEnd()) return Error{I.path, "zip entry missing: " + name};
    const auto& h = it->second;
    const size_t compressed = h.getCompressedSize();
    const bool deflated = h.getCompressionMethod() == Poco::Zip::ZipCommon::CM_DEFLATE;
    if (!deflated && h.getCompressionMethod() != Poco::Zip::ZipCommon::CM_STORE)
        return Error{I.path, "zip entry " + name + " uses an unsupported compression method"};
    size_t limit = I.opts.max_entry_bytes;
    const double by_ratio = I.opts.max_ratio * static_cast<double>(compressed);
    if (deflated && by_ratio < static_cast<double>(limit))
        limit = std::max(I.opts.ratio_floor, static_cast<size_t>(by_ratio));
    if (h.getUncompressedSize() > limit)
        return Error{I.path, "zip entry " + name + " would inflate to " + std::to_string(h.getUncompressedSize()) +
                                 " bytes, over the limit of " + std::to_string(limit) + " (possible zip bomb)"};
    const auto start = static_cast<size_t>(h.getDataStartPos());
    if (h.getDataStartPos() < 0 || start > I.bytes.size() || compressed > I.bytes.size() - start)
        return Error{I.path, "damaged zip entry " + name + ": its data runs past the end of the file"};
    const std::string_view data = I.bytes.substr(start, compressed);
    std::string out;
    if (deflated) {
        const std::string problem = inflate_bounded(data, h.getUncompressedSize(), limit, out);
        if (problem == "over limit")
            return Error{I.path, "zip entry " + name + " inflates past the limit of " + std::to_string(limit) +
                                     " bytes (possible zip bomb)"};
        if (!problem.empty()) return Error{I.path, "damaged zip entry " + name + ": " + problem};
    } else {
        if (data.size() > limit)
            return Error{I.path, "zip entry " + name + " is over the limit of " + std::to_string(limit) + " bytes"};
        out.assign(data);
    }
    if (out.size() != h.getUncompressedSize() && h.getUncompressedSize() != 0)
        return Error{I.path, "damaged zip entry " + name + ": inflated " + std::to_string(out.size()) + " of " +
                                 std::to_string(h.getUncompressedSize()) + " bytes"};
    const auto crc =
        static_cast<uint32_t>(crc32(0L, reinterpret_cast<const Bytef*>(out.data()), static_cast<uInt>(out.size())));
    if (crc != h.getCRC()) return Error{I.path, "damaged zip entry " + name + ": checksum mismatch"};
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
