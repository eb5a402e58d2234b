// .pdf: the text layer, read with PoDoFo.
//
// Each page's content stream (and the form XObjects it draws with Do) is interpreted just far
// enough to know where every piece of text lands: the graphics state (q/Q/cm), the text state
// (BT/ET, Tf, Td/TD/Tm/T*, Tc/Tw/Tz/TL) and the show operators (Tj, TJ, ', "), and where the
// straight rules of table borders are drawn (m/l/h/re path construction, painted by S/s/f/F/f*/
// B/b; n discards). pdf_page.cpp then sorts the pieces top-to-bottom, left-to-right into
// lines (a gap between pieces on a line becomes a space, or a tab for a wide gap), finds tables
// (grids of drawn rules, or pieces lined up in columns), and groups the other lines into
// paragraphs by vertical gaps and font size changes. Wrapped lines of one paragraph are joined
// with a space. Every block has Location.page set (1-based); body paragraphs have path
// "paragraph N" and tables "table N", N counted through the whole document (not restarting
// per page), so that a path names one block on its own; a table cell's paragraph is cited as
// "table N, row R, cell C".
//
// Text is decoded per character code: first through the font's /ToUnicode CMap, which this file
// parses itself (PoDoFo 0.9.8 turns multi-character targets such as the fi/fl/ffi ligatures
// LibreOffice writes into U+FFFF), then through /Differences glyph names for ligatures, and
// otherwise through PoDoFo's own decoding (`PdfEncoding::ConvertToUnicode`), which knows the
// standard encodings. Ligature presentation forms (U+FB00-U+FB06) are spelt out as letters.
//
// Filled-in forms keep their values in field widgets annotated on the page (/Annots), not in
// the content. Each visible widget's value is read (/FT, /V, /Ff, /DA, /Opt inherited through
// /Parent; a check box or radio button's state from /V against its "on" appearance name, else
// /AS) and pdf_form.cpp places it on the page at its /Rect as text: ☒ or ☐ for a box, the text
// of a text or choice field. Hidden widgets, push buttons, signatures and passwords show
// nothing. The appearance streams (/AP) are not read: they draw the same values again.
//
// Errors: a file PoDoFo cannot parse is "damaged PDF: <reason>"; one that needs a user password
// is "encrypted: ..." (an empty user password opens without asking); pages that hold images and
// no text at all are a scan: "no text layer: cannot be read without OCR" (an image-only page
// in a document that has text, or a page whose only text is form field values over an image,
// is a warning naming the page instead). A page whose content cannot be decoded, or that
// exceeds the work budget, is a warning and the rest is read.
#include <podofo/podofo.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <cctype>
#include <cmath>
#include <cstring>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include "core/text.h"
#include "readers/pdf_form.h"
#include "readers/pdf_page.h"
#include "readers/reader.h"

namespace tfa {

namespace {

using namespace PoDoFo;

// ---------------------------------------------------------------------------------------------
// Small helpers

// A PDF matrix [a b c d e f]; points are row vectors: [x y 1] x M.
struct Matrix {
    double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
};

// m then n: the matrix of applying m first, then n.
Matrix mul(const Matrix& m, const Matrix& n) {
    return {m.a * n.a + m.b * n.c, m.a * n.b + m.b * n.d, m.c * n.a + m.d * n.c,
            m.c * n.b + m.d * n.d, m.e * n.a + m.f * n.c + n.e, m.e * n.b + m.f * n.d + n.f};
}

double number(const PdfVariant& v) {
    if (v.IsReal()) return v.GetReal();
    if (v.IsNumber()) return static_cast<double>(v.GetNumber());
    return 0;
}

bool is_string(const PdfVariant& v) { return v.IsString() || v.IsHexString(); }

// Follows a reference to its object; null for a dangling one.
const PdfObject* resolve(const PdfVecObjects& objects, const PdfObject* o) {
    for (int hops = 0; o && o->IsReference() && hops < 16; ++hops) o = objects.GetObject(o->GetReference());
    return o && o->IsReference() ? nullptr : o;
}

const PdfObject* dict_get(const PdfVecObjects& objects, const PdfObject* dict, const char* key) {
    if (!dict || !dict->IsDictionary()) return nullptr;
    return resolve(objects, dict->GetDictionary().GetKey(PdfName(key)));
}

std::string lower_first(std::string s) {
    while (!s.empty() && (s.back() == '.' || s.back() == ' ' || s.back() == '\n')) s.pop_back();
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z' && !(s.size() > 1 && s[1] >= 'A' && s[1] <= 'Z'))
        s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

// PoDoFo's reason for an error, as one lower-case line: its message for the error code and
// the first detail it recorded ("no EOF Marker was found in the PDF file: unable to load ...").
std::string reason(const PdfError& e) {
    std::string s;
    if (const char* m = PdfError::ErrorMessage(e.GetError())) s = lower_first(m);
    for (const auto& info : e.GetCallstack()) {
        if (info.GetInformation().empty()) continue;
        if (!s.empty()) s += ": ";
        s += lower_first(info.GetInformation());
        break;
    }
    if (s.empty()) {
        const char* n = PdfError::ErrorName(e.GetError());
        s = n ? n : "unknown error";
    }
    for (char& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    return text::sanitize_utf8(s);
}

// Collects a decoded stream into a string, refusing to grow past `limit` (a flate bomb).
class LimitedOutput final : public PdfOutputStream {
public:
    LimitedOutput(std::string& out, size_t limit) : out_(out), limit_(limit) {}
    pdf_long Write(const char* buf, pdf_long len) override {
        if (len < 0 || out_.size() + static_cast<size_t>(len) > limit_)
            throw PdfError(ePdfError_ValueOutOfRange, __FILE__, __LINE__, "stream too large when decoded");
        out_.append(buf, static_cast<size_t>(len));
        return len;
    }
    void Close() override {}

private:
    std::string& out_;
    size_t limit_;
};

// Appends the decoded data of a stream object to `out`.
void append_stream(const PdfObject* o, std::string& out, size_t limit) {
    if (!o || !o->HasStream()) return;
    LimitedOutput sink(out, limit);
    o->GetStream()->GetFilteredCopy(&sink);
}

void append_utf16(std::string& out, const std::vector<uint16_t>& units) {
    for (size_t i = 0; i < units.size(); ++i) {
        uint32_t cp = units[i];
        if (cp >= 0xD800 && cp < 0xDC00 && i + 1 < units.size() && units[i + 1] >= 0xDC00 && units[i + 1] < 0xE000)
            cp = 0x10000 + ((cp - 0xD800) << 10) + (units[++i] - 0xDC00);
        text::append_utf8(out, cp);
    }
}

// Cleans the text of one glyph: drops non-characters and controls, spells out ligatures, maps
// the Wingdings tick boxes (which fonts expose as private-use code points) to Unicode.
std::string clean_glyph(std::string_view in, bool wingdings) {
    std::string out;
    size_t i = 0;
    while (i < in.size()) {
        const size_t start = i;
        uint32_t cp = text::next_cp(in, i);
        if (wingdings && cp >= 0xF000 && cp <= 0xF0FF) cp -= 0xF000;
        if (wingdings && cp <= 0xFF) {
            switch (cp) {
                case 0xFB: cp = 0x2717; break;  // ✗
                case 0xFC: cp = 0x2713; break;  // ✓
                case 0xFD: cp = 0x2612; break;  // ☒
                case 0xFE: cp = 0x2611; break;  // ☑
                case 0x6F: case 0xA8: cp = 0x2610; break;  // ☐
                default: break;
            }
        }
        switch (cp) {
            case 0xFB00: out += "ff"; continue;
            case 0xFB01: out += "fi"; continue;
            case 0xFB02: out += "fl"; continue;
            case 0xFB03: out += "ffi"; continue;
            case 0xFB04: out += "ffl"; continue;
            case 0xFB05: case 0xFB06: out += "st"; continue;
            case 0xFFFF: case 0xFFFE: case 0xFEFF: case 0: continue;
            case '\t': case '\n': case '\r': case 0xA0: out += ' '; continue;
            default: break;
        }
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) continue;
        if (cp == 0xFFFD && i - start != 3) continue;
        text::append_utf8(out, cp);
    }
    return out;
}

// Glyph names a /Differences array may use for ligatures and other letters PoDoFo's table
// leaves out.
bool glyph_name_text(const std::string& name, std::string& out) {
    static const std::pair<const char*, const char*> kNames[] = {
        {"fi", "fi"}, {"fl", "fl"}, {"ff", "ff"}, {"ffi", "ffi"}, {"ffl", "ffl"}, {"f_i", "fi"},
        {"f_l", "fl"}, {"f_f", "ff"}, {"f_f_i", "ffi"}, {"f_f_l", "ffl"}, {"space", " "},
    };
    for (const auto& [n, t] : kNames)
        if (name == n) {
            out = t;
            return true;
        }
    // uniXXXX and uXXXX[XX]
    size_t at = 0;
    if (text::starts_with(name, "uni") && name.size() == 7) at = 3;
    else if (name.size() >= 5 && name.size() <= 7 && name[0] == 'u') at = 1;
    if (!at) return false;
    uint32_t cp = 0;
    for (size_t i = at; i < name.size(); ++i) {
        const char c = name[i];
        const int v = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (v < 0) return false;
        cp = cp * 16 + static_cast<uint32_t>(v);
    }
    out.clear();
    text::append_utf8(out, cp);
    return true;
}

// ---------------------------------------------------------------------------------------------
// /ToUnicode CMaps

struct UnicodeMap {
    struct Range {
        uint32_t lo, hi;
        std::vector<uint16_t> base;  // UTF-16 for `lo`; the last unit counts up through the range
    };
    std::unordered_map<uint32_t, std::string> single;
    std::vector<Range> ranges;
    int code_bytes = 0;  // from the codespace ranges; 0 when the CMap gives none

    bool empty() const { return single.empty() && ranges.empty(); }

    bool lookup(uint32_t code, std::string& out) const {
        if (auto it = single.find(code); it != single.end()) {
            out = it->second;
            return true;
        }
        for (const auto& r : ranges) {
            if (code < r.lo || code > r.hi) continue;
            std::vector<uint16_t> u = r.base;
            if (u.empty()) return false;
            u.back() = static_cast<uint16_t>(u.back() + (code - r.lo));
            out.clear();
            append_utf16(out, u);
            return true;
        }
        return false;
    }
};

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
        if (c == '<' && i_ + 1 < s_.size() && s_[i_ + 1] == '<') {
            i_ += 2;
            return Other;
        }
        if (c == '>' && i_ + 1 < s_.size() && s_[i_ + 1] == '>') {
            i_ += 2;
            return Other;
        }
        if (c == '<') {
            ++i_;
            bytes.clear();
            int nib = -1;
            while (i_ < s_.size() && s_[i_] != '>') {
                const char h = s_[i_++];
                const int v = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10
                                                   : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
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
        if (c == '[') return ++i_, Open;
        if (c == ']') return ++i_, Close;
        if (c == '(') {  // literal strings are rare here: skip them
            int depth = 0;
            while (i_ < s_.size()) {
                const char d = s_[i_++];
                if (d == '\\') ++i_;
                else if (d == '(') ++depth;
                else if (d == ')' && --depth == 0) break;
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

UnicodeMap parse_cmap(std::string_view s) {
    UnicodeMap m;
    CMapScanner sc(s);
    std::string utf8;
    auto add_single = [&m, &utf8](uint32_t code, const std::vector<uint16_t>& u) {
        utf8.clear();
        append_utf16(utf8, u);
        m.single[code] = utf8;
    };
    for (auto k = sc.next(); k != CMapScanner::End; k = sc.next()) {
        if (k != CMapScanner::Word) continue;
        if (sc.word == "begincodespacerange") {
            while ((k = sc.next()) == CMapScanner::Hex) {
                const int n = static_cast<int>(sc.bytes.size());
                if (sc.next() != CMapScanner::Hex) break;
                m.code_bytes = std::max(m.code_bytes, n);
            }
        } else if (sc.word == "beginbfchar") {
            while ((k = sc.next()) == CMapScanner::Hex) {
                const uint32_t code = code_of(sc.bytes);
                if (sc.next() != CMapScanner::Hex) continue;  // a glyph name target: skip it
                add_single(code, utf16_of(sc.bytes));
            }
        } else if (sc.word == "beginbfrange") {
            while ((k = sc.next()) == CMapScanner::Hex) {
                const uint32_t lo = code_of(sc.bytes);
                if (sc.next() != CMapScanner::Hex) break;
                const uint32_t hi = code_of(sc.bytes);
                k = sc.next();
                if (hi < lo || hi - lo > 0xFFFF) continue;
                if (k == CMapScanner::Hex) {
                    auto base = utf16_of(sc.bytes);
                    if (hi - lo < 256) {
                        for (uint32_t c = lo; c <= hi && !base.empty(); ++c) {
                            auto u = base;
                            u.back() = static_cast<uint16_t>(u.back() + (c - lo));
                            add_single(c, u);
                        }
                    } else {
                        m.ranges.push_back({lo, hi, std::move(base)});
                    }
                } else if (k == CMapScanner::Open) {
                    uint32_t c = lo;
                    while ((k = sc.next()) == CMapScanner::Hex) {
                        if (c <= hi) add_single(c, utf16_of(sc.bytes));
                        ++c;
                    }
                }
            }
        }
    }
    return m;
}

// ---------------------------------------------------------------------------------------------
// Fonts

struct FontInfo {
    int code_bytes = 1;
    bool simple = true;
    std::array<std::string, 256> byte_text;  // simple fonts: the text of each code
    std::array<float, 256> byte_width{};     // simple fonts: advance per unit font size
    std::unordered_map<uint32_t, std::string> cid_text;  // composite fonts: decoded codes, cached
    std::unordered_map<uint32_t, float> cid_width;
    float default_width = 0.5f;
    UnicodeMap to_unicode;
    PdfFont* font = nullptr;  // PoDoFo's font, for its decoding; may be null
    bool wingdings = false;
    bool bold = false;  // by its name (LiberationSans-Bold), weight or ForceBold flag

    float space = 0.25f;  // the width of a word space per unit font size (wide when monospaced)

    float width(uint32_t code) const {
        if (simple) return byte_width[code & 0xFF];
        const auto it = cid_width.find(code);
        return it == cid_width.end() ? default_width : it->second;
    }
};

// PoDoFo's decoding of the raw code bytes, or "" when it has none.
std::string podofo_decode(const FontInfo& f, const char* p, size_t n) {
    if (!f.font || !f.font->GetEncoding()) return {};
    try {
        PdfString raw(p, static_cast<pdf_long>(n));
        return f.font->GetEncoding()->ConvertToUnicode(raw, f.font).GetStringUtf8();
    } catch (const PdfError&) {
        return {};
    } catch (const std::exception&) {
        return {};
    }
}

class FontCache {
public:
    FontCache(PdfMemDocument& doc, size_t limit) : doc_(doc), limit_(limit) {}

    // The font for a dictionary object (a fallback font for null), loaded once per document.
    FontInfo& get(const PdfObject* dict) {
        auto it = fonts_.find(dict);
        if (it != fonts_.end()) return *it->second;
        auto f = std::make_unique<FontInfo>();
        if (dict && dict->IsDictionary()) load(*f, dict);
        else fill_fallback(*f);
        return *fonts_.emplace(dict, std::move(f)).first->second;
    }

    // The text of one code in font `f`.
    const std::string& glyph(FontInfo& f, uint32_t code, const char* raw) {
        if (f.simple) return f.byte_text[code & 0xFF];
        auto it = f.cid_text.find(code);
        if (it != f.cid_text.end()) return it->second;
        std::string t;
        if (!f.to_unicode.lookup(code, t)) t = podofo_decode(f, raw, static_cast<size_t>(f.code_bytes));
        return f.cid_text.emplace(code, clean_glyph(t, f.wingdings)).first->second;
    }

private:
    void fill_fallback(FontInfo& f) {
        for (int c = 0; c < 256; ++c) {
            const char ch = static_cast<char>(c);
            f.byte_text[static_cast<size_t>(c)] = clean_glyph(text::cp1252_to_utf8(std::string_view(&ch, 1)), false);
            f.byte_width[static_cast<size_t>(c)] = c == ' ' ? 0.25f : 0.5f;
        }
    }

    void load(FontInfo& f, const PdfObject* dict) {
        const auto& objs = doc_.GetObjects();
        const PdfObject* subtype = dict_get(objs, dict, "Subtype");
        const bool type0 = subtype && subtype->IsName() && subtype->GetName() == PdfName("Type0");
        const bool type3 = subtype && subtype->IsName() && subtype->GetName() == PdfName("Type3");
        if (const PdfObject* base = dict_get(objs, dict, "BaseFont"); base && base->IsName()) {
            const std::string& name = base->GetName().GetName();
            f.wingdings = name.find("Wingdings") != std::string::npos;
            f.bold = name.find("Bold") != std::string::npos || name.find("Black") != std::string::npos ||
                     name.find("Heavy") != std::string::npos;
        }
        const PdfObject* desc = dict_get(objs, dict, "FontDescriptor");
        if (const PdfObject* fonts = dict_get(objs, dict, "DescendantFonts"); !desc && fonts && fonts->IsArray() &&
                                                                                !fonts->GetArray().empty())
            desc = dict_get(objs, resolve(objs, &fonts->GetArray()[0]), "FontDescriptor");
        if (const PdfObject* w = dict_get(objs, desc, "FontWeight"); w && (w->IsNumber() || w->IsReal()))
            f.bold = f.bold || number(*w) >= 600;
        if (const PdfObject* fl = dict_get(objs, desc, "Flags"); fl && fl->IsNumber())
            f.bold = f.bold || (fl->GetNumber() & (1 << 18)) != 0;
        try {
            f.font = doc_.GetFont(const_cast<PdfObject*>(dict));
        } catch (const PdfError&) {
            f.font = nullptr;
        }
        if (const PdfObject* tu = dict_get(objs, dict, "ToUnicode"); tu && tu->HasStream()) {
            try {
                std::string cmap;
                append_stream(tu, cmap, limit_);
                f.to_unicode = parse_cmap(cmap);
            } catch (const PdfError&) {
                f.to_unicode = {};
            }
        }
        if (type0) {
            f.simple = false;
            f.code_bytes = f.to_unicode.code_bytes == 1 ? 1 : 2;
            load_cid_widths(f, dict);
            for (const auto& [code, t] : f.to_unicode.single)
                if (t == " ") {
                    set_space(f, f.width(code));
                    break;
                }
            return;
        }
        // Simple fonts: a table of 256 codes.
        f.simple = true;
        f.code_bytes = 1;
        std::array<std::string, 256> differences;
        load_differences(dict, differences);
        std::string t;
        for (int c = 0; c < 256; ++c) {
            const auto i = static_cast<size_t>(c);
            const char ch = static_cast<char>(c);
            if (!f.to_unicode.lookup(static_cast<uint32_t>(c), t) &&
                !(differences[i].size() && glyph_name_text(differences[i], t))) {
                t = podofo_decode(f, &ch, 1);
                if (t.empty() && !f.font) t = text::cp1252_to_utf8(std::string_view(&ch, 1));
            }
            f.byte_text[i] = clean_glyph(t, f.wingdings);
        }
        const std::bitset<256> given = load_simple_widths(f, dict, type3);
        // The space glyph's width; failing that (TeX draws no spaces), a monospaced font's
        // common width.
        bool found = false;
        for (size_t c = 0; c < 256 && !found; ++c)
            if (f.byte_text[c] == " " && f.byte_width[c] > 0) found = set_space(f, f.byte_width[c]);
        float mono = 0;
        for (size_t c = 0; c < 256 && !found && mono >= 0; ++c) {
            const float w = f.byte_width[c];
            if (!given[c] || w <= 0 || f.byte_text[c].empty() || f.byte_text[c] == " ") continue;
            if (mono == 0) mono = w;
            else if (std::fabs(w - mono) > 0.01f * mono) mono = -1;
        }
        if (!found && mono > 0) set_space(f, mono);
    }

    static bool set_space(FontInfo& f, float w) {
        if (w > 0.05f && w < 1.5f) f.space = w;
        return true;
    }

    void load_differences(const PdfObject* dict, std::array<std::string, 256>& out) {
        const auto& objs = doc_.GetObjects();
        const PdfObject* enc = dict_get(objs, dict, "Encoding");
        const PdfObject* diff = dict_get(objs, enc, "Differences");
        if (!diff || !diff->IsArray()) return;
        long code = 0;
        for (const auto& item : diff->GetArray()) {
            if (item.IsNumber()) {
                code = static_cast<long>(item.GetNumber());
            } else if (item.IsName()) {
                if (code >= 0 && code < 256) out[static_cast<size_t>(code)] = item.GetName().GetName();
                ++code;
            }
        }
    }

    // Fills the widths; returns the codes /Widths gives.
    std::bitset<256> load_simple_widths(FontInfo& f, const PdfObject* dict, bool type3) {
        std::bitset<256> given;
        const auto& objs = doc_.GetObjects();
        double scale = 0.001;
        if (type3) {
            const PdfObject* fm = dict_get(objs, dict, "FontMatrix");
            if (fm && fm->IsArray() && !fm->GetArray().empty()) scale = std::fabs(number(fm->GetArray()[0]));
        }
        float missing = 0.5f;
        if (const PdfObject* mw = dict_get(objs, dict_get(objs, dict, "FontDescriptor"), "MissingWidth"))
            if (mw->IsNumber() || mw->IsReal()) missing = static_cast<float>(number(*mw) * 0.001);
        for (size_t c = 0; c < 256; ++c) f.byte_width[c] = c == ' ' ? 0.25f : missing;
        const PdfObject* widths = dict_get(objs, dict, "Widths");
        const PdfObject* first = dict_get(objs, dict, "FirstChar");
        if (!widths || !widths->IsArray()) return given;
        long c = first && first->IsNumber() ? static_cast<long>(first->GetNumber()) : 0;
        for (const auto& w : widths->GetArray()) {
            const PdfObject* wo = resolve(objs, &w);
            if (c >= 0 && c < 256 && wo && (wo->IsNumber() || wo->IsReal())) {
                f.byte_width[static_cast<size_t>(c)] = static_cast<float>(number(*wo) * scale);
                given.set(static_cast<size_t>(c));
            }
            ++c;
        }
        return given;
    }

    void load_cid_widths(FontInfo& f, const PdfObject* dict) {
        const auto& objs = doc_.GetObjects();
        const PdfObject* desc = dict_get(objs, dict, "DescendantFonts");
        if (!desc || !desc->IsArray() || desc->GetArray().empty()) return;
        const PdfObject* cid = resolve(objs, &desc->GetArray()[0]);
        f.default_width = 1.0f;
        if (const PdfObject* dw = dict_get(objs, cid, "DW"); dw && (dw->IsNumber() || dw->IsReal()))
            f.default_width = static_cast<float>(number(*dw) * 0.001);
        const PdfObject* w = dict_get(objs, cid, "W");
        if (!w || !w->IsArray()) return;
        const PdfArray& a = w->GetArray();
        for (size_t i = 0; i < a.size();) {
            const PdfObject* first = resolve(objs, &a[i]);
            if (!first || !first->IsNumber()) break;
            const auto c0 = static_cast<uint32_t>(first->GetNumber());
            const PdfObject* next = i + 1 < a.size() ? resolve(objs, &a[i + 1]) : nullptr;
            if (next && next->IsArray()) {  // c [w1 w2 ...]
                uint32_t c = c0;
                for (const auto& x : next->GetArray()) {
                    const PdfObject* xo = resolve(objs, &x);
                    if (xo && (xo->IsNumber() || xo->IsReal())) f.cid_width[c] = static_cast<float>(number(*xo) * 0.001);
                    ++c;
                }
                i += 2;
            } else if (next && i + 2 < a.size()) {  // c1 c2 w
                const PdfObject* wo = resolve(objs, &a[i + 2]);
                const auto c1 = static_cast<uint32_t>(number(*next));
                if (c1 >= c0 && c1 - c0 <= 0xFFFF && wo)
                    for (uint32_t c = c0; c <= c1; ++c) f.cid_width[c] = static_cast<float>(number(*wo) * 0.001);
                i += 3;
            } else {
                break;
            }
        }
    }

    PdfMemDocument& doc_;
    size_t limit_;
    std::unordered_map<const PdfObject*, std::unique_ptr<FontInfo>> fonts_;
};

// ---------------------------------------------------------------------------------------------
// Content streams

using pdf::Rule;
using pdf::Run;

class PageInterpreter {
public:
    PageInterpreter(PdfMemDocument& doc, FontCache& fonts, size_t limit) : doc_(doc), fonts_(fonts), limit_(limit) {}

    std::vector<Run> runs;
    std::vector<Rule> rules;  // straight rules drawn: table borders
    bool saw_image = false;

    void run(const std::string& content, const PdfObject* resources, const Matrix& ctm, int depth) {
        std::vector<GState> stack(1);
        stack.back().ctm = ctm;
        Matrix tm, tlm;
        std::vector<PdfVariant> ops;
        PdfContentsTokenizer tok(content.data(), static_cast<long>(content.size()));
        EPdfContentsType type;
        const char* kw = nullptr;
        for (;;) {
            if (ops.size() > 64) ops.clear();  // garbage: no operator takes this many operands
            ops.emplace_back();
            if (!tok.ReadNext(type, kw, ops.back())) break;
            if (type == ePdfContentsType_Variant) continue;
            ops.pop_back();
            if (type == ePdfContentsType_ImageData) {
                saw_image = true;
                ops.clear();
                continue;
            }
            // Forms drawing forms can multiply work without end: a page gets a fixed budget.
            if (++operators_ > kMaxOperators)
                throw PdfError(ePdfError_ValueOutOfRange, __FILE__, __LINE__, "page content too complex, read in part");
            GState& gs = stack.back();
            const std::string_view op(kw);
            const size_t n = ops.size();
            auto num = [&ops](size_t i) { return number(ops[i]); };
            if (op == "Tj" && n >= 1 && is_string(ops[n - 1])) {
                show(gs, tm, ops[n - 1].GetString());
            } else if (op == "TJ" && n >= 1 && ops[n - 1].IsArray()) {
                for (const auto& el : ops[n - 1].GetArray()) {
                    if (is_string(el)) show(gs, tm, el.GetString());
                    else if (el.IsNumber() || el.IsReal()) advance(tm, -number(el) / 1000.0 * gs.size * gs.th);
                }
            } else if (op == "Td" && n >= 2) {
                tlm = mul(Matrix{1, 0, 0, 1, num(n - 2), num(n - 1)}, tlm);
                tm = tlm;
            } else if (op == "TD" && n >= 2) {
                gs.tl = -num(n - 1);
                tlm = mul(Matrix{1, 0, 0, 1, num(n - 2), num(n - 1)}, tlm);
                tm = tlm;
            } else if (op == "Tm" && n >= 6) {
                tlm = Matrix{num(n - 6), num(n - 5), num(n - 4), num(n - 3), num(n - 2), num(n - 1)};
                tm = tlm;
            } else if (op == "T*") {
                tlm = mul(Matrix{1, 0, 0, 1, 0, -gs.tl}, tlm);
                tm = tlm;
            } else if ((op == "'" && n >= 1) || (op == "\"" && n >= 3)) {
                if (op == "\"") {
                    gs.tw = num(n - 3);
                    gs.tc = num(n - 2);
                }
                tlm = mul(Matrix{1, 0, 0, 1, 0, -gs.tl}, tlm);
                tm = tlm;
                if (is_string(ops[n - 1])) show(gs, tm, ops[n - 1].GetString());
            } else if (op == "Tf" && n >= 2) {
                gs.size = num(n - 1);
                gs.font = font_for(resources, ops[n - 2]);
            } else if (op == "BT") {
                tm = tlm = Matrix{};
            } else if (op == "Tc" && n >= 1) {
                gs.tc = num(n - 1);
            } else if (op == "Tw" && n >= 1) {
                gs.tw = num(n - 1);
            } else if (op == "Tz" && n >= 1) {
                gs.th = num(n - 1) / 100.0;
            } else if (op == "TL" && n >= 1) {
                gs.tl = num(n - 1);
            } else if (op == "q") {
                if (stack.size() < 256) stack.push_back(gs);
            } else if (op == "Q") {
                if (stack.size() > 1) stack.pop_back();
            } else if (op == "cm" && n >= 6) {
                gs.ctm = mul(Matrix{num(n - 6), num(n - 5), num(n - 4), num(n - 3), num(n - 2), num(n - 1)}, gs.ctm);
            } else if (op == "Do" && n >= 1 && ops[n - 1].IsName()) {
                draw_xobject(resources, ops[n - 1].GetName(), gs.ctm, depth);
            } else if (!op.empty() && op.size() <= 2 && std::strchr("mlhrecvySsfFBbn", op[0])) {
                path_op(op, ops, gs.ctm);
            }
            ops.clear();
        }
    }

private:
    struct GState {
        Matrix ctm;
        FontInfo* font = nullptr;
        double size = 0, tc = 0, tw = 0, th = 1, tl = 0;
    };

    struct Point {
        double x, y;
    };

    static Point apply(const Matrix& m, double x, double y) {
        return {x * m.a + y * m.c + m.e, x * m.b + y * m.d + m.f};
    }

    // Path construction and painting, kept only as far as straight axis-aligned rules go.
    void path_op(std::string_view op, const std::vector<PdfVariant>& ops, const Matrix& ctm) {
        const size_t n = ops.size();
        auto num = [&ops](size_t i) { return number(ops[i]); };
        if (op == "m" && n >= 2) {
            if (subpaths_.size() < kMaxPathParts) subpaths_.push_back({apply(ctm, num(n - 2), num(n - 1))});
        } else if (op == "l" && n >= 2) {
            if (!subpaths_.empty() && subpaths_.back().size() < kMaxPathParts)
                subpaths_.back().push_back(apply(ctm, num(n - 2), num(n - 1)));
        } else if (op == "h") {
            if (!subpaths_.empty() && subpaths_.back().size() > 2) subpaths_.back().push_back(subpaths_.back().front());
        } else if (op == "re" && n >= 4) {
            const double x = num(n - 4), y = num(n - 3), w = num(n - 2), h = num(n - 1);
            if (subpaths_.size() < kMaxPathParts)
                subpaths_.push_back({apply(ctm, x, y), apply(ctm, x + w, y), apply(ctm, x + w, y + h), apply(ctm, x, y + h),
                                     apply(ctm, x, y)});
        } else if ((op == "c" && n >= 6) || ((op == "v" || op == "y") && n >= 4)) {
            // A curve is not a rule: the straight run ends, and a new one goes on from its end.
            if (subpaths_.size() < kMaxPathParts) subpaths_.push_back({apply(ctm, num(n - 2), num(n - 1))});
        } else if (op == "S" || op == "s" || op == "B" || op == "B*" || op == "b" || op == "b*") {
            for (const auto& sp : subpaths_)
                for (size_t i = 1; i < sp.size(); ++i) add_rule(sp[i - 1], sp[i]);
            subpaths_.clear();
        } else if (op == "f" || op == "F" || op == "f*") {
            // A filled shape that is a thin bar is a rule along its middle; anything wider is a
            // background.
            for (const auto& sp : subpaths_) {
                if (sp.size() < 3) continue;
                double x0 = sp[0].x, x1 = x0, y0 = sp[0].y, y1 = y0;
                for (const auto& p : sp) {
                    x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
                    y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
                }
                if (y1 - y0 <= 2.5 && x1 - x0 > y1 - y0) add_rule({x0, (y0 + y1) / 2}, {x1, (y0 + y1) / 2});
                else if (x1 - x0 <= 2.5 && y1 - y0 > x1 - x0) add_rule({(x0 + x1) / 2, y0}, {(x0 + x1) / 2, y1});
            }
            subpaths_.clear();
        } else if (op == "n") {
            subpaths_.clear();
        }
    }

    void add_rule(Point a, Point b) {
        if (rules.size() >= kMaxRules) return;
        if (!std::isfinite(a.x) || !std::isfinite(a.y) || !std::isfinite(b.x) || !std::isfinite(b.y)) return;
        const double dx = std::fabs(a.x - b.x), dy = std::fabs(a.y - b.y);
        if (dy <= 0.5 && dx >= 1) rules.push_back({std::min(a.x, b.x), (a.y + b.y) / 2, std::max(a.x, b.x), (a.y + b.y) / 2});
        else if (dx <= 0.5 && dy >= 1)
            rules.push_back({(a.x + b.x) / 2, std::min(a.y, b.y), (a.x + b.x) / 2, std::max(a.y, b.y)});
    }

    static void advance(Matrix& tm, double tx) {
        tm.e += tx * tm.a;
        tm.f += tx * tm.b;
    }

    FontInfo* font_for(const PdfObject* resources, const PdfVariant& name) {
        const auto& objs = doc_.GetObjects();
        const PdfObject* dict = nullptr;
        if (name.IsName()) {
            const PdfObject* fonts = dict_get(objs, resources, "Font");
            if (fonts && fonts->IsDictionary()) dict = resolve(objs, fonts->GetDictionary().GetKey(name.GetName()));
        }
        return &fonts_.get(dict);
    }

    void show(GState& gs, Matrix& tm, const PdfString& s) {
        FontInfo& f = gs.font ? *gs.font : fonts_.get(nullptr);
        const char* p = s.GetString();
        const auto len = static_cast<size_t>(s.GetLength());
        if (!p || !len) return;
        const Matrix start = mul(tm, gs.ctm);
        Run r;
        r.x0 = start.e;
        r.y = start.f;
        r.size = std::fabs(gs.size) * std::hypot(start.c, start.d);
        r.space = f.space * r.size;
        r.bold = f.bold;
        const size_t step = static_cast<size_t>(f.code_bytes);
        for (size_t i = 0; i + step <= len; i += step) {
            uint32_t code = 0;
            for (size_t k = 0; k < step; ++k) code = code << 8 | static_cast<unsigned char>(p[i + k]);
            r.text += fonts_.glyph(f, code, p + i);
            double w = f.width(code) * gs.size + gs.tc;
            if (step == 1 && code == 32) w += gs.tw;
            advance(tm, w * gs.th);
        }
        const Matrix end = mul(tm, gs.ctm);
        r.x1 = end.e;
        if (r.text.empty()) return;
        // Pieces that continue one another (kerning in a TJ array) are kept as one.
        if (!runs.empty()) {
            Run& last = runs.back();
            const double gap = r.x0 - last.x1;
            if (std::fabs(last.y - r.y) < 0.01 * r.size && std::fabs(last.size - r.size) < 0.01 * r.size &&
                gap > -0.05 * r.size && gap < 0.08 * r.size && last.bold == r.bold) {
                last.text += r.text;
                last.x1 = r.x1;
                return;
            }
        }
        runs.push_back(std::move(r));
    }

    void draw_xobject(const PdfObject* resources, const PdfName& name, const Matrix& ctm, int depth) {
        const auto& objs = doc_.GetObjects();
        const PdfObject* xobjects = dict_get(objs, resources, "XObject");
        if (!xobjects || !xobjects->IsDictionary()) return;
        const PdfObject* x = resolve(objs, xobjects->GetDictionary().GetKey(name));
        const PdfObject* subtype = dict_get(objs, x, "Subtype");
        if (!subtype || !subtype->IsName()) return;
        if (subtype->GetName() == PdfName("Image")) {
            saw_image = true;
            return;
        }
        if (subtype->GetName() != PdfName("Form") || depth >= 12) return;
        if (++forms_ > kMaxForms)
            throw PdfError(ePdfError_ValueOutOfRange, __FILE__, __LINE__, "too many forms drawn, page read in part");
        if (std::find(active_.begin(), active_.end(), x) != active_.end()) return;  // a cycle
        Matrix m;
        if (const PdfObject* mo = dict_get(objs, x, "Matrix"); mo && mo->IsArray() && mo->GetArray().size() == 6) {
            const PdfArray& a = mo->GetArray();
            m = Matrix{number(a[0]), number(a[1]), number(a[2]), number(a[3]), number(a[4]), number(a[5])};
        }
        const PdfObject* own = dict_get(objs, x, "Resources");
        std::string content;
        try {
            append_stream(x, content, limit_);
        } catch (const PdfError&) {
            return;  // an undecodable form draws nothing; the page goes on
        }
        active_.push_back(x);
        run(content, own ? own : resources, mul(m, ctm), depth + 1);
        active_.pop_back();
    }

    static constexpr size_t kMaxOperators = 5'000'000;
    static constexpr size_t kMaxForms = 10'000;
    static constexpr size_t kMaxRules = 20'000;     // rules kept per page
    static constexpr size_t kMaxPathParts = 4'096;  // subpaths per path, points per subpath

    PdfMemDocument& doc_;
    FontCache& fonts_;
    size_t limit_;
    size_t operators_ = 0, forms_ = 0;
    std::vector<const PdfObject*> active_;
    std::vector<std::vector<Point>> subpaths_;  // the path under construction
};

// ---------------------------------------------------------------------------------------------
// Form fields: the values of the widgets on a page (pdf_form.cpp places them as text)

constexpr size_t kMaxAnnots = 20'000;  // /Annots entries looked at per page
constexpr size_t kMaxWidgets = 4'096;  // field widgets read per page
constexpr int kMaxParentHops = 32;     // /Parent links followed (a cycle ends here too)
constexpr size_t kMaxOptions = 10'000;  // /Opt entries looked at
constexpr size_t kMaxValueBytes = 1 << 20;

// A field attribute: the widget's own, else inherited from its ancestors in the field tree.
const PdfObject* field_attr(const PdfVecObjects& objs, const PdfObject* widget, const char* key) {
    const PdfObject* node = widget;
    for (int hops = 0; node && node->IsDictionary() && hops < kMaxParentHops; ++hops) {
        if (const PdfObject* v = dict_get(objs, node, key)) return v;
        node = dict_get(objs, node, "Parent");
    }
    return nullptr;
}

long field_int(const PdfVecObjects& objs, const PdfObject* widget, const char* key) {
    const PdfObject* o = field_attr(objs, widget, key);
    return o && o->IsNumber() ? static_cast<long>(o->GetNumber()) : 0;
}

// A field value as clean text: line ends made "\n", other controls dropped, lines' trailing
// spaces and the ends trimmed. PoDoFo leaves AES padding on decrypted strings (see info_text):
// in an encrypted file, trailing padding units are dropped first.
std::string value_text(const std::string& utf8, bool encrypted) {
    std::string s = text::sanitize_utf8(std::string_view(utf8).substr(0, kMaxValueBytes));
    std::vector<uint32_t> cps;
    for (size_t i = 0; i < s.size();) cps.push_back(text::next_cp(s, i));
    while (!cps.empty() && (cps.back() < 0x20 || (encrypted && cps.back() % 0x101 == 0 && cps.back() <= 0x1010)))
        cps.pop_back();
    std::string out;
    for (size_t i = 0; i < cps.size(); ++i) {
        uint32_t cp = cps[i];
        if (cp == '\r' && i + 1 < cps.size() && cps[i + 1] == '\n') continue;
        if (cp == '\r' || cp == '\n' || cp == 0x2028 || cp == 0x2029) {
            while (!out.empty() && out.back() == ' ') out.pop_back();
            out += '\n';
            continue;
        }
        if (cp == '\t' || cp == 0xA0) cp = ' ';
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0xFEFF) continue;
        text::append_utf8(out, cp);
    }
    return text::trim(out);
}

// The text of a value object: a string, a name (as some writers give choices), or a text
// stream (UTF-16BE with its byte order mark, else PDFDocEncoding, read as Windows-1252).
std::string object_text(const PdfObject* o) {
    if (!o) return {};
    if (o->IsString() || o->IsHexString()) return o->GetString().GetStringUtf8();
    if (o->IsName()) return o->GetName().GetName();
    if (o->HasStream()) {
        std::string raw;
        append_stream(o, raw, kMaxValueBytes);
        if (raw.size() >= 2 && static_cast<unsigned char>(raw[0]) == 0xFE && static_cast<unsigned char>(raw[1]) == 0xFF) {
            std::vector<uint16_t> units;
            for (size_t i = 2; i + 1 < raw.size(); i += 2)
                units.push_back(static_cast<uint16_t>(static_cast<unsigned char>(raw[i]) << 8 | static_cast<unsigned char>(raw[i + 1])));
            std::string out;
            append_utf16(out, units);
            return out;
        }
        return text::cp1252_to_utf8(raw);
    }
    return {};
}

// The font size a /DA string sets ("/Helv 10 Tf 0 g"); 0 when none or automatic.
double da_size(const PdfObject* da) {
    if (!da || !(da->IsString() || da->IsHexString())) return 0;
    const PdfString& str = da->GetString();
    const std::string s(str.GetString() ? str.GetString() : "", static_cast<size_t>(std::max<pdf_long>(0, str.GetLength())));
    double size = 0;
    std::vector<std::string_view> words;
    for (size_t i = 0; i < s.size();) {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        const size_t b = i;
        while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        if (i == b) break;
        const std::string_view w(s.data() + b, i - b);
        if (w == "Tf" && words.size() >= 1) size = std::strtod(std::string(words.back()).c_str(), nullptr);
        if (words.size() >= 2) words.erase(words.begin());
        words.push_back(w);
    }
    return std::isfinite(size) && size > 0 ? std::min(size, 200.0) : 0;
}

// The name of a check box or radio button's "on" appearance: /AP /N's key other than /Off.
std::string on_state(const PdfVecObjects& objs, const PdfObject* widget) {
    const PdfObject* n = dict_get(objs, dict_get(objs, widget, "AP"), "N");
    if (!n || !n->IsDictionary()) return {};
    for (const auto& [key, value] : n->GetDictionary().GetKeys()) {
        (void)value;
        if (key.GetName() != "Off") return key.GetName();
    }
    return {};
}

// The state name a value object gives ("Yes", "Off"); "" when none.
std::string state_name(const PdfObject* o) {
    if (o && o->IsName()) return o->GetName().GetName();
    if (o && (o->IsString() || o->IsHexString())) return o->GetString().GetStringUtf8();
    return {};
}

// A choice field's shown text for a value: its display text when /Opt pairs it with an export
// value.
std::string choice_text(const PdfVecObjects& objs, const PdfObject* opt, const std::string& value) {
    if (!opt || !opt->IsArray()) return value;
    const PdfArray& a = opt->GetArray();
    for (size_t i = 0; i < a.size() && i < kMaxOptions; ++i) {
        const PdfObject* pair = resolve(objs, &a[i]);
        if (!pair || !pair->IsArray() || pair->GetArray().size() < 2) continue;
        if (object_text(resolve(objs, &pair->GetArray()[0])) == value)
            return object_text(resolve(objs, &pair->GetArray()[1]));
    }
    return value;
}

// Reads one widget annotation's value into `f`; false when it shows none (a push button, a
// signature, a password, a hidden or unplaceable widget, or not a field at all).
bool read_widget(const PdfMemDocument& pdf, const PdfObject* w, const Matrix& ctm, const PdfObject* acroform, pdf::Field& f) {
    const auto& objs = pdf.GetObjects();
    const PdfObject* subtype = dict_get(objs, w, "Subtype");
    if (!subtype || !subtype->IsName() || subtype->GetName() != PdfName("Widget")) return false;
    if (const PdfObject* flags = dict_get(objs, w, "F"); flags && flags->IsNumber() && (flags->GetNumber() & 2))
        return false;  // Hidden
    const PdfObject* rect = dict_get(objs, w, "Rect");
    if (!rect || !rect->IsArray() || rect->GetArray().size() != 4) return false;
    double v[4];
    for (size_t i = 0; i < 4; ++i) {
        const PdfObject* o = resolve(objs, &rect->GetArray()[i]);
        if (!o || !(o->IsNumber() || o->IsReal())) return false;
        v[i] = number(*o);
    }
    // The rectangle in device space (the page's display rotation applied).
    const double xs[2] = {v[0], v[2]}, ys[2] = {v[1], v[3]};
    f.x0 = f.y0 = HUGE_VAL;
    f.x1 = f.y1 = -HUGE_VAL;
    for (double x : xs)
        for (double y : ys) {
            const double dx = x * ctm.a + y * ctm.c + ctm.e, dy = x * ctm.b + y * ctm.d + ctm.f;
            f.x0 = std::min(f.x0, dx), f.x1 = std::max(f.x1, dx);
            f.y0 = std::min(f.y0, dy), f.y1 = std::max(f.y1, dy);
        }
    if (!(f.x1 - f.x0 > 0.5 && f.y1 - f.y0 > 0.5)) return false;  // no area: nothing shows

    const PdfObject* ft = field_attr(objs, w, "FT");
    if (!ft || !ft->IsName()) return false;
    const std::string& type = ft->GetName().GetName();
    const long ff = field_int(objs, w, "Ff");
    const PdfObject* da = field_attr(objs, w, "DA");
    f.size = da_size(da ? da : dict_get(objs, acroform, "DA"));
    const bool encrypted = pdf.GetEncrypted();
    if (type == "Btn") {
        if (ff & (1L << 16)) return false;  // a push button
        f.box = true;
        const std::string on = on_state(objs, w);
        const std::string value = state_name(field_attr(objs, w, "V"));
        const PdfObject* as = dict_get(objs, w, "AS");
        // The field's value names the widget's on state (radio buttons share one value); else
        // the widget's appearance state; else a value other than Off.
        if (!value.empty() && !on.empty()) f.checked = value == on;
        else if (as && as->IsName()) f.checked = as->GetName().GetName() != "Off" && !as->GetName().GetName().empty();
        else f.checked = !value.empty() && value != "Off";
        return true;
    }
    const PdfObject* q = field_attr(objs, w, "Q");
    if (!q) q = dict_get(objs, acroform, "Q");
    f.align = q && q->IsNumber() ? static_cast<int>(std::clamp<int64_t>(q->GetNumber(), 0, 2)) : 0;
    const PdfObject* value = field_attr(objs, w, "V");
    if (type == "Tx") {
        if (ff & (1L << 13)) return false;  // a password: not shown
        f.multiline = (ff & (1L << 12)) != 0;
        f.value = value_text(object_text(value), encrypted);
    } else if (type == "Ch") {
        const PdfObject* opt = field_attr(objs, w, "Opt");
        if (value && value->IsArray()) {  // a list box with several chosen
            std::string all;
            const PdfArray& a = value->GetArray();
            for (size_t i = 0; i < a.size() && i < kMaxOptions; ++i) {
                const std::string t = value_text(choice_text(objs, opt, object_text(resolve(objs, &a[i]))), encrypted);
                if (t.empty()) continue;
                if (!all.empty()) all += ", ";
                all += t;
            }
            f.value = all;
        } else {
            f.value = value_text(choice_text(objs, opt, object_text(value)), encrypted);
        }
    } else {
        return false;  // a signature, or a type this reader does not know
    }
    return !f.value.empty();
}

// The visible form field values on a page, in /Annots order. `broken` counts widgets whose
// value could not be decoded (they are left out).
std::vector<pdf::Field> read_fields(PdfMemDocument& pdf, int index, const Matrix& ctm, int& broken) {
    std::vector<pdf::Field> out;
    PdfPage* pg = pdf.GetPage(index);
    if (!pg) return out;
    const auto& objs = pdf.GetObjects();
    const PdfObject* annots = dict_get(objs, pg->GetObject(), "Annots");
    if (!annots || !annots->IsArray()) return out;
    const PdfObject* acroform = dict_get(objs, pdf.GetCatalog(), "AcroForm");
    std::unordered_set<const PdfObject*> seen;  // a widget listed twice shows once
    const PdfArray& a = annots->GetArray();
    for (size_t i = 0; i < a.size() && i < kMaxAnnots && out.size() < kMaxWidgets; ++i) {
        const PdfObject* w = resolve(objs, &a[i]);
        if (!w || !w->IsDictionary() || !seen.insert(w).second) continue;
        pdf::Field f;
        try {
            if (read_widget(pdf, w, ctm, acroform, f)) out.push_back(std::move(f));
        } catch (const PdfError& e) {
            if (e.GetError() == ePdfError_InvalidPassword) throw;
            ++broken;
        }
    }
    return out;
}

// The page's display rotation as a matrix, so that "top" is the top of the page as shown.
Matrix display_matrix(PdfPage* pg) {
    switch (((pg->GetRotation() % 360) + 360) % 360) {
        case 90: return Matrix{0, -1, 1, 0, 0, 0};
        case 180: return Matrix{-1, 0, 0, -1, 0, 0};
        case 270: return Matrix{0, 1, -1, 0, 0, 0};
        default: return Matrix{};
    }
}

// ---------------------------------------------------------------------------------------------

// A document information string as one clean line. PoDoFo 0.9.8 leaves the AES padding on
// strings it decrypts (bytes 01-10 repeated, so "Title" + "\x04\x04\x04\x04" reads as
// "TitleЄЄ" in UTF-16); for an encrypted file those trailing units are dropped.
std::string info_text(const std::string& utf8, bool encrypted) {
    std::string s = text::sanitize_utf8(utf8);
    std::vector<uint32_t> cps;
    for (size_t i = 0; i < s.size();) cps.push_back(text::next_cp(s, i));
    while (!cps.empty() && (cps.back() < 0x20 || (encrypted && cps.back() % 0x101 == 0 && cps.back() <= 0x1010)))
        cps.pop_back();
    std::string out;
    for (uint32_t cp : cps) text::append_utf8(out, cp < 0x20 ? ' ' : cp);
    return text::collapse_ws(out);
}

class PdfReader final : public Reader {
public:
    const char* format() const override { return "pdf"; }

    Result<Document> read(const std::string& path, std::string_view bytes, const ReadOptions& opts) const override {
        static std::once_flag quiet;
        std::call_once(quiet, [] {
            PdfError::EnableDebug(false);
            PdfError::EnableLogging(false);
        });
        try {
            return read_pdf(path, bytes, opts);
        } catch (const PdfError& e) {
            if (e.GetError() == ePdfError_InvalidPassword)
                return Error{path, "encrypted: a password is needed to open it"};
            // An encrypted file PoDoFo fails to decrypt is not damage: say what it is.
            if (bytes.find("/Encrypt") != std::string_view::npos)
                return Error{path, "encrypted with a method this reader cannot decrypt (" + reason(e) + ")"};
            return Error{path, "damaged PDF: " + reason(e)};
        } catch (const std::bad_alloc&) {
            return Error{path, "damaged PDF: out of memory while reading"};
        } catch (const std::exception& e) {
            return Error{path, std::string("damaged PDF: ") + e.what()};
        } catch (...) {
            return Error{path, "damaged PDF: unknown error"};
        }
    }

private:
    static Result<Document> read_pdf(const std::string& path, std::string_view bytes, const ReadOptions& opts) {
        PdfMemDocument pdf;
        pdf.LoadFromBuffer(bytes.data(), static_cast<long>(bytes.size()));

        Document doc;
        doc.path = path;
        doc.format = "pdf";
        if (const PdfInfo* info = pdf.GetInfo()) {
            try {
                doc.title = info_text(info->GetTitle().GetStringUtf8(), pdf.GetEncrypted());
            } catch (const PdfError&) {
            }
        }
        doc.pages = pdf.GetPageCount();
        FontCache fonts(pdf, opts.max_entry_bytes);
        bool any_text = false, any_image = false;
        pdf::Counters counters;
        std::vector<int> scanned;  // pages holding images and no text
        for (int p = 0; p < doc.pages; ++p) {
            PageInterpreter page(pdf, fonts, opts.max_entry_bytes);
            try {
                read_page(pdf, p, page, opts.max_entry_bytes);
            } catch (const PdfError& e) {
                if (e.GetError() == ePdfError_InvalidPassword) throw;
                doc.warnings.push_back("page " + std::to_string(p + 1) + ": " + reason(e));
            }
            // Form field values, placed among the content's text. A page showing only field
            // values over an image is still a scan for the rest of its text.
            const bool drawn_text = pdf::has_text(page.runs);
            int broken = 0;
            try {
                if (PdfPage* pg = pdf.GetPage(p)) pdf::place_fields(page.runs, read_fields(pdf, p, display_matrix(pg), broken));
            } catch (const PdfError& e) {
                if (e.GetError() == ePdfError_InvalidPassword) throw;
                doc.warnings.push_back("page " + std::to_string(p + 1) + ": form fields: " + reason(e));
            }
            if (broken)
                doc.warnings.push_back("page " + std::to_string(p + 1) + ": " + std::to_string(broken) +
                                       (broken == 1 ? " form field" : " form fields") + " could not be read");
            any_image = any_image || page.saw_image;
            any_text = any_text || pdf::has_text(page.runs);
            if (!drawn_text && page.saw_image) scanned.push_back(p + 1);
            pdf::layout_page(page.runs, page.rules, p + 1, counters, doc.body);
        }
        if (!any_text && any_image) return Error{path, "no text layer: cannot be read without OCR"};
        if (!any_text) doc.warnings.push_back("no text on any page");
        for (int p : scanned)
            doc.warnings.push_back("page " + std::to_string(p) + ": no text layer: cannot be read without OCR");
        return doc;
    }

    static void read_page(PdfMemDocument& pdf, int index, PageInterpreter& page, size_t limit) {
        PdfPage* pg = pdf.GetPage(index);
        if (!pg) throw PdfError(ePdfError_PageNotFound, __FILE__, __LINE__, "page missing from the page tree");
        const auto& objs = pdf.GetObjects();
        std::string content;
        if (const PdfObject* c = resolve(objs, pg->GetContents())) {
            if (c->IsArray()) {
                for (const auto& part : c->GetArray()) {
                    append_stream(resolve(objs, &part), content, limit);
                    content += '\n';
                }
            } else {
                append_stream(c, content, limit);
            }
        }
        // /Resources may be inherited from the page tree.
        const PdfObject* resources = nullptr;
        const PdfObject* node = pg->GetObject();
        for (int hops = 0; node && !resources && hops < 32; ++hops) {
            resources = dict_get(objs, node, "Resources");
            node = dict_get(objs, node, "Parent");
        }
        page.run(content, resources, display_matrix(pg), 0);
    }
};

}  // namespace

const Reader& pdf_reader() {
    static const PdfReader r;
    return r;
}

}  // namespace tfa
