// The reader interface and the table of formats.
//
// One reader per format turns a file's bytes into a Document. Readers return every problem
// as an Error naming the file; the one exception is LimitExceeded, thrown by a Budget in the
// middle of a walk and turned into an Error by read_document, so nothing escapes this module.
// Damage that can be read past (a missing header part, an unknown element) becomes a Document
// warning instead.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "model/document.h"

namespace tfa {

// Limits that keep a hostile file from exhausting memory or time.
struct ReadOptions {
    size_t max_file_bytes = 512u << 20;  // refuse larger input files outright
    size_t max_entry_bytes = 64u << 20;  // a zip entry may inflate to at most this
    double max_ratio = 200.0;            // ... and to at most this many times its compressed size
    size_t ratio_floor = 1u << 20;       // entries under this size skip the ratio check
    bool with_extras = true;             // read headers, footers, notes, comments
    // Work one document may cost, whatever its size on disk: repeats, spans and shared values
    // are charged as the reader expands them, so a small file cannot make a large document.
    size_t max_cells = 200000;          // table cells per document (a table row counts as one)
    size_t max_blocks = 200000;         // paragraphs, headings, list items and tables
    size_t max_text_bytes = 64u << 20;  // text held in blocks, summed over the document
};

// A document over one of the ReadOptions bounds: what() names the bound, as in "over the
// 200,000 table cells limit for one document".
class LimitExceeded : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The work left for one document. A reader makes one per read() and charges it as it builds
// blocks, cells and text; the charge that passes a bound throws LimitExceeded.
class Budget {
public:
    explicit Budget(const ReadOptions& opts) : opts_(opts) {}
    void cells(size_t n = 1) { charge(cells_, n, opts_.max_cells, "table cells"); }
    void blocks(size_t n = 1) { charge(blocks_, n, opts_.max_blocks, "blocks"); }
    void text(size_t bytes) { charge(text_, bytes, opts_.max_text_bytes, nullptr); }

private:
    static void charge(size_t& used, size_t n, size_t limit, const char* what) {
        if (n > limit - used) exceeded(limit, what);
        used += n;
    }
    // `what` names the bound; null for the text bound, written in bytes or MB.
    [[noreturn]] static void exceeded(size_t limit, const char* what);

    const ReadOptions& opts_;
    size_t cells_ = 0, blocks_ = 0, text_ = 0;
};

class Reader {
public:
    virtual ~Reader() = default;
    // The format name this reader fills Document::format with ("docx").
    virtual const char* format() const = 0;
    // Reads `bytes`, the content of the file at `path` (used for messages and locations only).
    virtual Result<Document> read(const std::string& path, std::string_view bytes, const ReadOptions& opts) const = 0;
};

// The reader for `path` chosen by its extension, or nullptr for an unsupported format.
const Reader* reader_for(std::string_view path);

// The extensions that have a reader, lower case without dots.
std::vector<std::string> supported_extensions();

// Reads the file at `path` with the reader its extension selects. Errors: missing or
// unreadable file, unsupported format, and whatever the reader reports.
Result<Document> read_document(const std::string& path, const ReadOptions& opts = {});

// The same for bytes already in memory.
Result<Document> read_document(const std::string& path, std::string_view bytes, const ReadOptions& opts = {});

// Loads a whole file into memory, refusing files over `max_bytes`.
Result<std::string> load_file(const std::string& path, size_t max_bytes = 512u << 20);

// The readers themselves, one per format (defined in their own files).
const Reader& docx_reader();
const Reader& odt_reader();
const Reader& html_reader();
const Reader& pdf_reader();
const Reader& xlsx_reader();
const Reader& text_reader();  // .txt and .csv

}  // namespace tfa
