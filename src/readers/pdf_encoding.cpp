// Character decoding for the PDF reader. See pdf_encoding.h.
#include "readers/pdf_encoding.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <iterator>
#include <numeric>
#include <set>

#include "core/text.h"

namespace tfa::pdf {

// ---------------------------------------------------------------------------------------------
// Range tables

void RangeIndex::add(uint32_t lo, uint32_t hi, uint32_t id) { pieces_.push_back({lo, std::max(lo, hi), id}); }

void RangeIndex::finish() {
    std::vector<Piece> in = std::move(pieces_);
    pieces_.clear();
    std::vector<uint32_t> order(in.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&in](uint32_t a, uint32_t b) { return in[a].lo < in[b].lo; });
    bool overlap = false;
    for (size_t i = 1; i < order.size() && !overlap; ++i) overlap = in[order[i]].lo <= in[order[i - 1]].hi;
    if (!overlap) {
        pieces_.reserve(in.size());
        for (uint32_t k : order) pieces_.push_back(in[k]);
        return;
    }
    // Overlapping ranges: a sweep over their ends, the latest range added winning.
    struct Event {
        uint64_t pos;
        uint32_t k;
        bool start;
    };
    std::vector<Event> events;
    events.reserve(2 * in.size());
    for (uint32_t k = 0; k < in.size(); ++k) {
        events.push_back({in[k].lo, k, true});
        events.push_back({uint64_t{in[k].hi} + 1, k, false});
    }
    std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.pos < b.pos; });
    std::set<uint32_t> active;
    for (size_t i = 0; i < events.size();) {
        const uint64_t pos = events[i].pos;
        for (; i < events.size() && events[i].pos == pos; ++i) {
            if (events[i].start)
                active.insert(events[i].k);
            else
                active.erase(events[i].k);
        }
        if (active.empty() || i == events.size()) continue;
        const Piece& top = in[*active.rbegin()];
        const auto lo = static_cast<uint32_t>(pos), hi = static_cast<uint32_t>(events[i].pos - 1);
        if (!pieces_.empty() && pieces_.back().id == top.id && uint64_t{pieces_.back().hi} + 1 == pos)
            pieces_.back().hi = hi;
        else
            pieces_.push_back({lo, hi, top.id});
    }
}

int64_t RangeIndex::find(uint32_t code) const {
    auto it =
        std::upper_bound(pieces_.begin(), pieces_.end(), code, [](uint32_t c, const Piece& p) { return c < p.lo; });
    if (it == pieces_.begin()) return -1;
    --it;
    return code <= it->hi ? static_cast<int64_t>(it->id) : -1;
}

void WidthMap::add(uint32_t lo, uint32_t hi, float w) {
    index_.add(lo, hi, static_cast<uint32_t>(widths_.size()));
    widths_.push_back(w);
}

// ---------------------------------------------------------------------------------------------
// UTF-16 and clean glyph text

void append_utf16(std::string& out, const std::vector<uint16_t>& units) {
    for (size_t i = 0; i < units.size(); ++i) {
        uint32_t cp = units[i];
        if (cp >= 0xD800 && cp < 0xDC00 && i + 1 < units.size() && units[i + 1] >= 0xDC00 && units[i + 1] < 0xE000)
            cp = 0x10000 + ((cp - 0xD800) << 10) + (units[++i] - 0xDC00);
        text::append_utf8(out, cp);
    }
}

std::string clean_glyph(std::string_view in, bool wingdings) {
    std::string out;
    size_t i = 0;
    while (i < in.size()) {
        const size_t start = i;
        uint32_t cp = text::next_cp(in, i);
        if (wingdings && cp >= 0xF000 && cp <= 0xF0FF) cp -= 0xF000;
        if (wingdings && cp <= 0xFF) {
            switch (cp) {
                case 0xFB:
                    cp = 0x2717;
                    break;  // ✗
                case 0xFC:
                    cp = 0x2713;
                    break;  // ✓
                case 0xFD:
                    cp = 0x2612;
                    break;  // ☒
                case 0xFE:
                    cp = 0x2611;
                    break;  // ☑
                case 0x6F:
                case 0xA8:
                    cp = 0x2610;
                    break;  // ☐
                default:
                    break;
            }
        }
        switch (cp) {
            case 0xFB00:
                out += "ff";
                continue;
            case 0xFB01:
                out += "fi";
                continue;
            case 0xFB02:
                out += "fl";
                continue;
            case 0xFB03:
                out += "ffi";
                continue;
            case 0xFB04:
                out += "ffl";
                continue;
            case 0xFB05:
            case 0xFB06:
                out += "st";
                continue;
            case 0xFFFF:
            case 0xFFFE:
            case 0xFEFF:
            case 0:
                continue;
            case '\t':
            case '\n':
            case '\r':
            case 0xA0:
                out += ' ';
                continue;
            default:
                break;
        }
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) continue;
        if (cp == 0xFFFD && i - start != 3) continue;
        text::append_utf8(out, cp);
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// /ToUnicode CMaps

namespace {

// A minimal PostScript-ish scanner for CMap streams: hex strings, arrays and keywords.
class CMapScanner {
public:
    enum Kind { End, Hex, Open, Close, Word, Other };
    explicit CMapScanner(std::string_view s) : s_(s) {}

    Kind next() {
        while (i_ < s_.size()) {
            const char c = s_[i_];
            if (c == '%') {
                while (i_ < s_.size() && s_[i_] != '\n' && s_[i_] != '\r') ++i_;
            } else if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0') {
                ++i_;
            } else {
                break;
            }
        }
        if (i_ >= s_.size()) return End;
        const char c = s_[i_];
        if ((c == '<' || c == '>') && i_ + 1 < s_.size() && s_[i_ + 1] == c) {
            i_ += 2;
            return Other;
        }
        if (c == '<') return hex();
        if (c == '[') return ++i_, Open;
        if (c == ']') return ++i_, Close;
        if (c == '(') {  // literal strings are rare here: skip them
            int depth = 0;
            while (i_ < s_.size()) {
                const char d = s_[i_++];
                if (d == '\\')
                    ++i_;
                else if (d == '(')
                    ++depth;
                else if (d == ')' && --depth == 0)
                    break;
            }
            return Other;
        }
        const size_t b = i_;
        while (i_ < s_.size() && !std::strchr(" \n\r\t\f<>[]()/%", s_[i_])) ++i_;
        if (i_ == b) ++i_;  // a lone delimiter such as '/'
        word = s_.substr(b, i_ - b);
        return Word;
    }

    std::vector<uint8_t> bytes;
    std::string_view word;

private:
    Kind hex() {
        ++i_;
        bytes.clear();
        int nib = -1;
        while (i_ < s_.size() && s_[i_] != '>') {
            const char h = s_[i_++];
            const int v = h >= '0' && h <= '9'   ? h - '0'
                          : h >= 'a' && h <= 'f' ? h - 'a' + 10
                          : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                                 : -1;
            if (v < 0) continue;
            if (nib < 0) {
                nib = v;
            } else {
                bytes.push_back(static_cast<uint8_t>(nib << 4 | v));
                nib = -1;
            }
        }
        if (nib >= 0) bytes.push_back(static_cast<uint8_t>(nib << 4));
        ++i_;
        return Hex;
    }

    std::string_view s_;
    size_t i_ = 0;
};

uint32_t code_of(const std::vector<uint8_t>& b) {
    uint32_t v = 0;
    for (size_t i = 0; i < b.size() && i < 4; ++i) v = v << 8 | b[i];
    return v;
}

std::vector<uint16_t> utf16_of(const std::vector<uint8_t>& b) {
    std::vector<uint16_t> u;
    u.reserve(b.size() / 2);
    for (size_t i = 0; i + 1 < b.size(); i += 2) u.push_back(static_cast<uint16_t>(b[i] << 8 | b[i + 1]));
    if (b.size() == 1) u.push_back(b[0]);
    return u;
}

}  // namespace

UnicodeMap UnicodeMap::parse(std::string_view s) {
    UnicodeMap m;
    CMapScanner sc(s);
    auto add = [&m](uint32_t lo, uint32_t hi, std::vector<uint16_t> base) {
        if (base.empty()) return;
        if (m.space_code_ < 0 && base.size() == 1 && base[0] == 0x20) m.space_code_ = lo;
        m.index_.add(lo, hi, static_cast<uint32_t>(m.entries_.size()));
        m.entries_.push_back({lo, std::move(base)});
    };
    for (auto k = sc.next(); k != CMapScanner::End; k = sc.next()) {
        if (k != CMapScanner::Word) continue;
        if (sc.word == "begincodespacerange") {
            while ((k = sc.next()) == CMapScanner::Hex) {
                const int n = static_cast<int>(std::min<size_t>(sc.bytes.size(), 4));
                if (sc.next() != CMapScanner::Hex) break;
                m.code_bytes_ = std::max(m.code_bytes_, n);
            }
        } else if (sc.word == "beginbfchar") {
            while ((k = sc.next()) == CMapScanner::Hex) {
                const uint32_t code = code_of(sc.bytes);
                if (sc.next() != CMapScanner::Hex) continue;  // a glyph name target: skip it
                add(code, code, utf16_of(sc.bytes));
            }
        } else if (sc.word == "beginbfrange") {
            while ((k = sc.next()) == CMapScanner::Hex) {
                const uint32_t lo = code_of(sc.bytes);
                if (sc.next() != CMapScanner::Hex) break;
                const uint32_t hi = code_of(sc.bytes);
                k = sc.next();
                if (hi < lo) continue;
                if (k == CMapScanner::Hex) {
                    add(lo, hi, utf16_of(sc.bytes));  // one entry, however wide the range
                } else if (k == CMapScanner::Open) {
                    uint32_t c = lo;
                    bool inside = true;
                    while ((k = sc.next()) == CMapScanner::Hex) {
                        if (inside) add(c, c, utf16_of(sc.bytes));
                        inside = inside && c < hi;
                        ++c;
                    }
                }
            }
        }
    }
    m.index_.finish();
    return m;
}

bool UnicodeMap::lookup(uint32_t code, std::string& out) const {
    const int64_t i = index_.find(code);
    if (i < 0) return false;
    const Entry& e = entries_[static_cast<size_t>(i)];
    std::vector<uint16_t> u = e.base;
    u.back() = static_cast<uint16_t>(u.back() + (code - e.lo));
    out.clear();
    append_utf16(out, u);
    return true;
}

// ---------------------------------------------------------------------------------------------
// Glyph names and base encodings

namespace {

struct GlyphName {
    const char* name;
    uint32_t cp;
};

// The glyph names of the Latin standard encodings and common extras, sorted by name.
constexpr GlyphName kGlyphs[] = {
#include "readers/pdf_glyphs.inc"
};

constexpr uint16_t kMacRomanHigh[128] = {
#include "readers/pdf_macroman.inc"
};

// StandardEncoding's codes where it differs from ASCII (0x20-0x7E otherwise as ASCII).
constexpr std::pair<uint8_t, uint16_t> kStandardHigh[] = {
    {0x27, 0x2019}, {0x60, 0x2018}, {0xA1, 0x00A1}, {0xA2, 0x00A2}, {0xA3, 0x00A3}, {0xA4, 0x2044}, {0xA5, 0x00A5},
    {0xA6, 0x0192}, {0xA7, 0x00A7}, {0xA8, 0x00A4}, {0xA9, 0x0027}, {0xAA, 0x201C}, {0xAB, 0x00AB}, {0xAC, 0x2039},
    {0xAD, 0x203A}, {0xAE, 0xFB01}, {0xAF, 0xFB02}, {0xB1, 0x2013}, {0xB2, 0x2020}, {0xB3, 0x2021}, {0xB4, 0x00B7},
    {0xB6, 0x00B6}, {0xB7, 0x2022}, {0xB8, 0x201A}, {0xB9, 0x201E}, {0xBA, 0x201D}, {0xBB, 0x00BB}, {0xBC, 0x2026},
    {0xBD, 0x2030}, {0xBF, 0x00BF}, {0xC1, 0x0060}, {0xC2, 0x00B4}, {0xC3, 0x02C6}, {0xC4, 0x02DC}, {0xC5, 0x00AF},
    {0xC6, 0x02D8}, {0xC7, 0x02D9}, {0xC8, 0x00A8}, {0xCA, 0x02DA}, {0xCB, 0x00B8}, {0xCD, 0x02DD}, {0xCE, 0x02DB},
    {0xCF, 0x02C7}, {0xD0, 0x2014}, {0xE1, 0x00C6}, {0xE3, 0x00AA}, {0xE8, 0x0141}, {0xE9, 0x00D8}, {0xEA, 0x0152},
    {0xEB, 0x00BA}, {0xF1, 0x00E6}, {0xF5, 0x0131}, {0xF8, 0x0142}, {0xF9, 0x00F8}, {0xFA, 0x0153}, {0xFB, 0x00DF},
};

// PDFDocEncoding's codes 0x80-0xA0 (the rest as Latin-1).
constexpr uint16_t kPdfDocHigh[33] = {
    0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044, 0x2039, 0x203A, 0x2212,
    0x2030, 0x201E, 0x201C, 0x201D, 0x2018, 0x2019, 0x201A, 0x2122, 0xFB01, 0xFB02, 0x0141,
    0x0152, 0x0160, 0x0178, 0x017D, 0x0131, 0x0142, 0x0153, 0x0161, 0x017E, 0x0000, 0x20AC,
};

// The Symbol font's Greek letters for A-Z and a-z.
constexpr char16_t kSymbolUpper[] = u"ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ";
constexpr char16_t kSymbolLower[] = u"αβχδεφγηιϕκλμνοπθρστυϖωξψζ";

struct Base14Width {
    uint16_t cp;
    int16_t width;
};

struct Base14Font {
    const char* name;
    const Base14Width* widths;  // sorted by code point
    size_t count;
};

#include "readers/pdf_base14.inc"

using Table = std::array<uint32_t, 256>;

Table make_winansi() {
    Table t{};
    for (int c = 0x20; c < 256; ++c) {
        const char ch = static_cast<char>(c);
        const std::string u = text::cp1252_to_utf8(std::string_view(&ch, 1));
        size_t i = 0;
        t[static_cast<size_t>(c)] = u.empty() ? 0 : text::next_cp(u, i);
    }
    return t;
}

Table make_macroman() {
    Table t{};
    for (int c = 0x20; c < 0x7F; ++c) t[static_cast<size_t>(c)] = static_cast<uint32_t>(c);
    for (int c = 0x80; c < 256; ++c) t[static_cast<size_t>(c)] = kMacRomanHigh[c - 0x80];
    return t;
}

Table make_standard() {
    Table t{};
    for (int c = 0x20; c < 0x7F; ++c) t[static_cast<size_t>(c)] = static_cast<uint32_t>(c);
    for (const auto& [c, cp] : kStandardHigh) t[c] = cp;
    return t;
}

Table make_pdfdoc() {
    Table t{};
    for (int c = 0x20; c < 256; ++c) t[static_cast<size_t>(c)] = static_cast<uint32_t>(c);
    for (int c = 0x7F; c < 0x80; ++c) t[static_cast<size_t>(c)] = 0;
    for (int c = 0x80; c <= 0xA0; ++c) t[static_cast<size_t>(c)] = kPdfDocHigh[c - 0x80];
    return t;
}

Table make_symbol() {
    Table t = make_standard();
    for (int i = 0; i < 26; ++i) {
        t[static_cast<size_t>('A' + i)] = kSymbolUpper[i];
        t[static_cast<size_t>('a' + i)] = kSymbolLower[i];
    }
    t[0xB7] = 0x2022;
    for (int c = 0xA0; c < 256; ++c)
        if (c != 0xB7) t[static_cast<size_t>(c)] = 0;
    return t;
}

Table make_dingbats() {
    Table t{};
    t[0x20] = ' ';
    const std::pair<uint8_t, uint32_t> known[] = {
        {0x33, 0x2713}, {0x34, 0x2714}, {0x35, 0x2715}, {0x36, 0x2716}, {0x37, 0x2717}, {0x38, 0x2718}, {0x6C, 0x25CF},
        {0x6D, 0x274D}, {0x6E, 0x25A0}, {0x6F, 0x274F}, {0x70, 0x2750}, {0x71, 0x2751}, {0x72, 0x2752}, {0x75, 0x25C6}};
    for (const auto& [c, cp] : known) t[c] = cp;
    return t;
}

}  // namespace

uint32_t glyph_code_point(std::string_view name) {
    auto it = std::lower_bound(std::begin(kGlyphs), std::end(kGlyphs), name,
                               [](const GlyphName& g, std::string_view n) { return std::string_view(g.name) < n; });
    if (it != std::end(kGlyphs) && name == it->name) return it->cp;
    // uniXXXX and uXXXX[XX], and the f_i style of ligature names.
    size_t at = 0;
    if (text::starts_with(name, "uni") && name.size() == 7)
        at = 3;
    else if (name.size() >= 5 && name.size() <= 7 && name[0] == 'u')
        at = 1;
    if (!at) {
        if (name == "f_f") return 0xFB00;
        if (name == "f_i") return 0xFB01;
        if (name == "f_l") return 0xFB02;
        if (name == "f_f_i") return 0xFB03;
        if (name == "f_f_l") return 0xFB04;
        return 0;
    }
    uint32_t cp = 0;
    for (size_t i = at; i < name.size(); ++i) {
        const char c = name[i];
        const int v = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (v < 0) return 0;
        cp = cp * 16 + static_cast<uint32_t>(v);
    }
    return cp <= 0x10FFFF ? cp : 0;
}

int base14_width(std::string_view base_font, uint32_t cp) {
    for (const Base14Font& f : kBase14Fonts) {
        if (base_font != f.name) continue;
        const Base14Width* end = f.widths + f.count;
        const Base14Width* it =
            std::lower_bound(f.widths, end, cp, [](const Base14Width& w, uint32_t c) { return w.cp < c; });
        return it != end && it->cp == cp ? it->width : -1;
    }
    return -1;
}

const uint32_t* base_encoding(std::string_view name) {
    static const Table winansi = make_winansi(), macroman = make_macroman(), standard = make_standard(),
                       pdfdoc = make_pdfdoc(), symbol = make_symbol(), dingbats = make_dingbats();
    if (name == "MacRomanEncoding") return macroman.data();
    if (name == "StandardEncoding") return standard.data();
    if (name == "PDFDocEncoding") return pdfdoc.data();
    if (name == "Symbol") return symbol.data();
    if (name == "ZapfDingbats") return dingbats.data();
    return winansi.data();
}

}  // namespace tfa::pdf
