// The PDF reader's character decoding: what text a font's character codes stand for.
//
// Independent of the PDF library: pdf.cpp hands over the bytes of a font's /ToUnicode CMap, its
// /Encoding names and /Differences glyph names, and its /W width array as numbers, and gets
// back tables it can look codes up in. Code ranges are stored as ranges, never expanded code by
// code, and looked up by binary search, so that a CMap or /W array naming a range of millions
// of codes costs one entry.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tfa::pdf {

// Disjoint, sorted code ranges, each naming an entry (an index into the owner's own values).
// Ranges are added in the file's order and may overlap: after finish(), a code belongs to the
// last range added that covers it.
class RangeIndex {
public:
    // Adds [lo, hi] (lo <= hi) for entry `id`.
    void add(uint32_t lo, uint32_t hi, uint32_t id);
    // Sorts and resolves overlaps, in O(n log n) for n ranges. Call once, after the last add().
    void finish();
    // The entry covering `code`, or -1. Only valid after finish().
    int64_t find(uint32_t code) const;
    size_t size() const { return pieces_.size(); }
    bool empty() const { return pieces_.empty(); }

private:
    struct Piece {
        uint32_t lo, hi, id;
    };
    std::vector<Piece> pieces_;
};

// A /ToUnicode CMap: codes to text.
class UnicodeMap {
public:
    // Parses a CMap stream's bytes (bfchar and bfrange, in either form, and the codespace
    // ranges). Never fails: what cannot be parsed is skipped.
    static UnicodeMap parse(std::string_view cmap);

    // The UTF-8 text for `code`; false when the CMap does not map it.
    bool lookup(uint32_t code, std::string& out) const;
    bool empty() const { return index_.empty(); }
    // The code length in bytes its codespace ranges give (1-4), or 0 when none is given.
    int code_bytes() const { return code_bytes_; }
    // The first code mapped to a single space, or -1.
    int64_t space_code() const { return space_code_; }

private:
    struct Entry {
        uint32_t lo;                 // the first code of its range
        std::vector<uint16_t> base;  // UTF-16 for `lo`; the last unit counts up through the range
    };
    std::vector<Entry> entries_;
    RangeIndex index_;
    int code_bytes_ = 0;
    int64_t space_code_ = -1;
};

// Glyph widths of a composite font from its /W array, per 1000 units of text space.
class WidthMap {
public:
    // Adds `w` for codes [lo, hi]; later calls win over earlier ones where they overlap.
    void add(uint32_t lo, uint32_t hi, float w);
    void finish() { index_.finish(); }
    // The width of `code`, or `fallback` when /W does not give one.
    float get(uint32_t code, float fallback) const {
        const int64_t i = index_.find(code);
        return i < 0 ? fallback : widths_[static_cast<size_t>(i)];
    }
    size_t entries() const { return widths_.size(); }

private:
    std::vector<float> widths_;
    RangeIndex index_;
};

// The Unicode code point a glyph name stands for ("eacute", "fi", "uni00E9", "u1F600"), or 0.
uint32_t glyph_code_point(std::string_view name);

// The code points of a simple font's base encoding, 256 codes (0 where undefined), by the
// /Encoding or /BaseEncoding name without its slash: "WinAnsiEncoding", "MacRomanEncoding",
// "StandardEncoding", "PDFDocEncoding"; "Symbol" and "ZapfDingbats" for those fonts' own
// encodings. An unknown name gives WinAnsi.
const uint32_t* base_encoding(std::string_view name);

// The width per 1000 units of code point `cp` in standard 14 font `base_font` (its /BaseFont,
// "Helvetica-Bold"), or -1 when that is not one of the standard text fonts or lacks the glyph.
int base14_width(std::string_view base_font, uint32_t cp);

// The UTF-16 code units as UTF-8 (surrogate pairs joined).
void append_utf16(std::string& out, const std::vector<uint16_t>& units);

// The text of one glyph made clean: non-characters and controls dropped, ligatures spelt out
// (U+FB00-FB06), white space made a space; for a Wingdings font, its private-use tick glyphs
// made the Unicode boxes and ticks.
std::string clean_glyph(std::string_view in, bool wingdings);

}  // namespace tfa::pdf
