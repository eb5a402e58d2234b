// The PoDoFo adapter: embedded Unicode fonts, text measurement, and the display list of
// pdf_layout.h written out as a deterministic PDF. PoDoFo's exceptions stop here and become
// Errors.
//
// Fonts are TrueType files embedded as CID fonts with Identity-H encoding and a ToUnicode
// map, subset to the glyphs used, so any BMP text renders and copies out. The PDF is
// deterministic: the Info dictionary's dates come from the caller, and the trailer's /ID is
// derived from a SHA-256 hash of the written bytes (PoDoFo's own is time-based).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "report/pdf_layout.h"

namespace tfa::report::pdf {

struct FontFiles {
    std::string regular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    std::string bold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
};

// What goes in the Info dictionary and on every page with chrome.
struct DocInfo {
    std::string title, author, subject;
    std::string date;                       // PDF date "D:20200630000000Z" for CreationDate and ModDate
    std::string header_left, header_right;  // running header
    std::string footer_left;                // running footer, left
    std::string page_label = "Page {page} of {pages}";
    TextStyle chrome_style;  // header and footer text
    Colour rule;             // the header's hairline
};

// One PDF under construction. Not thread-safe; owns its PoDoFo document.
class Renderer {
public:
    // Loads the fonts. Errors: a font file missing or unreadable by PoDoFo.
    static Result<std::unique_ptr<Renderer>> open(const FontFiles& fonts);
    virtual ~Renderer() = default;

    // The advance width of `text` at `size` points. Code points outside the BMP count as the
    // replacement character. Cached per code point: cheap after the first use.
    virtual double measure(Face face, double size, std::string_view text) = 0;

    // Draws `pages` (with the running header and "Page n of N" on pages with chrome) and
    // returns the PDF's bytes. Call once. Errors: PoDoFo failed while writing.
    virtual Result<std::string> render(const std::vector<Page>& pages, const DocInfo& info) = 0;
};

// "D:YYYYMMDDhhmmssZ" for day number `day` (rules::cal) at midnight UTC, or for the Unix time
// `epoch` seconds.
std::string pdf_date_from_day(long day);
std::string pdf_date_from_epoch(long long epoch);

// Replaces the hex strings of the trailer's /ID in the PDF bytes `pdf` with the first 16
// bytes of SHA-256 of the file (with the old /ID blanked), keeping the length so the xref
// table stays valid. Returns false when no /ID was found.
bool set_content_id(std::string& pdf);

}  // namespace tfa::report::pdf
