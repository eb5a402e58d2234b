// Safe access to zip containers (.docx, .odt, .xlsx) through Poco::Zip.
//
// Entries are read into memory only, never extracted to disk, and every read is bounded: an
// entry may inflate to at most ReadOptions::max_entry_bytes and, past ratio_floor, to at most
// max_ratio times its compressed size. The bound is counted while inflating, because the sizes
// a zip declares can lie.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "readers/reader.h"
#include "readers/xml.h"

namespace tfa {

class ZipFile {
public:
    // Opens the archive in `bytes`, which must outlive the ZipFile. Errors: not a zip archive,
    // truncated or damaged archive.
    static Result<std::unique_ptr<ZipFile>> open(const std::string& path, std::string_view bytes,
                                                 const ReadOptions& opts);
    ~ZipFile();

    bool has(const std::string& name) const;
    std::vector<std::string> names() const;

    // The entry's bytes. Errors name the file and the entry: missing, over the size or ratio
    // limit, or damaged.
    Result<std::string> read(const std::string& name) const;

private:
    ZipFile();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The bytes of an auxiliary part of `doc`'s container. A missing or oversized part is damage
// the reader reads past: it becomes a line in doc.warnings and the result is empty.
std::optional<std::string> read_aux_bytes(const ZipFile& zip, const std::string& part, Document& doc);

// Reads and parses an auxiliary XML part (styles, numbering, properties, notes) of `doc`'s
// container. A missing, oversized or malformed part is damage the reader reads past: it
// becomes a line in doc.warnings and the result is null.
xml::DocPtr parse_aux_part(const ZipFile& zip, const std::string& part, Document& doc);

// Resolves a relationship target against the folder of the part that holds it:
// resolve_part("word/document.xml", "media/a.png") is "word/media/a.png"; "/x" is "x".
std::string resolve_part(std::string_view source_part, std::string_view target);

}  // namespace tfa
