// .pdf: the text layer, read with libqpdf.
//
// qpdf opens the file (repairing a damaged cross-reference table where it can, and decrypting
// every standard security handler: RC4 40 and 128 bits, AES-128 and AES-256), gives objects
// and decodes streams. Its warnings on a damaged file become the document's warnings; nothing
// is printed.
//
// Each page's content stream (and the form XObjects it draws with Do) is tokenized by qpdf's
// content tokenizer into a compact program, once per stream object, and interpreted just far
// enough to know where every piece of text lands: the graphics state (q/Q/cm), the text state
// (BT/ET, Tf, Td/TD/Tm/T*, Tc/Tw/Tz/TL) and the show operators (Tj, TJ, ', "), and where the
// straight rules of table borders are drawn (m/l/h/re path construction, painted by
// S/s/f/F/f*/B/b; n discards). pdf_page.cpp then sorts
// the pieces top-to-bottom, left-to-right into lines (a gap between pieces on a line becomes a
// space, or a tab for a wide gap), finds tables (grids of drawn rules, or pieces lined up in
// columns), and groups the other lines into paragraphs by vertical gaps and font size changes.
// Wrapped lines of one paragraph are joined with a space. Every block has Location.page set
// (1-based); body paragraphs have path "paragraph N" and tables "table N", N counted through
// the whole document (not restarting per page), so that a path names one block on its own; a
// table cell's paragraph is cited as "table N, row R, cell C".
//
// Text is decoded per character code (pdf_encoding.cpp): first through the font's /ToUnicode
// CMap, then through /Differences glyph names, then through the font's base encoding
// (WinAnsi, MacRoman, Standard, PDFDoc, Symbol, ZapfDingbats). Ligature presentation forms
// (U+FB00-U+FB06) are spelt out as letters.
//
// Filled-in forms keep their values in field widgets annotated on the page (/Annots), not in
// the content. Each visible widget's value is read (/FT, /V, /Ff, /DA, /Opt inherited through
// /Parent; a check box or radio button's state from /V against its "on" appearance name, else
// /AS) and pdf_form.cpp places it on the page at its /Rect as text: ☒ or ☐ for a box, the text
// of a text or choice field. Hidden widgets, push buttons, signatures and passwords show
// nothing. The appearance streams (/AP) are not read: they draw the same values again.
//
// Bounded work, each bound named in a warning when it bites: one budget of content operators
// and one of form XObject draws for the whole document (not per page), form nesting depth,
// pages and page tree nodes walked (/Count is never trusted), decoded bytes per stream and per
// document, form widgets and choice options. A stream, font, /W array or /Opt array that many
// pages or fields share is decoded or parsed once. Non-finite numbers (a text matrix that
// overflows) are dropped, never laid out.
//
// Errors: a file qpdf cannot open is "damaged PDF: <reason>"; one that needs a user password
// is "encrypted: needs a password to open" (an empty user password opens without asking);
// pages that hold images and no text at all are a scan: "no text layer: cannot be read without
// OCR" (an image-only page in a document that has text, or a page whose only text is form
// field values over an image, is a warning naming the page instead). A page whose content
// cannot be decoded is a warning and the rest is read.
// qpdf 11: no PointerHolder (std::shared_ptr only), and no warning asking to choose.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/BufferInputSource.hh>
#include <qpdf/Pipeline.hh>
#include <qpdf/Pl_Discard.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFLogger.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFTokenizer.hh>

#include <algorithm>
#include <array>
#include <bitset>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "core/text.h"
#include "readers/pdf_encoding.h"
#include "readers/pdf_form.h"
#include "readers/pdf_page.h"
#include "readers/reader.h"

namespace tfa {

namespace {

using OH = QPDFObjectHandle;

// ---------------------------------------------------------------------------------------------
// Bounds for one document

constexpr size_t kMaxOperators = 2'000'000;  // content operators run, all pages and forms together
constexpr size_t kMaxFormDraws = 10'000;     // form XObjects drawn
constexpr int kMaxFormDepth = 12;            // forms drawing forms
constexpr size_t kMaxPages = 10'000;         // pages read
constexpr size_t kMaxTreeNodes = 100'000;    // page tree nodes and kids looked at
constexpr int kMaxTreeDepth = 64;            // page tree levels
constexpr size_t kMaxAnnots = 200'000;       // /Annots entries looked at
constexpr size_t kMaxFonts = 10'000;         // distinct fonts loaded
constexpr size_t kMaxContentParts = 10'000;  // streams in one page's /Contents array
constexpr size_t kMaxWidgets = 20'000;       // field widgets read
constexpr size_t kMaxOptions = 200'000;      // /Opt entries read
constexpr int kMaxParentHops = 32;           // /Parent links followed (a cycle ends here too)
constexpr size_t kMaxValueBytes = 1 << 20;   // a field value's text
constexpr size_t kMaxQpdfWarnings = 10;      // qpdf's warnings named in the document's warning

// "2,000,000"
std::string thousands(size_t n) {
    std::string s = std::to_string(n);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
    return s;
}

// "64 MB", or "900 bytes" under a megabyte.
std::string size_text(size_t bytes) {
    return bytes >= (1u << 20) ? thousands(bytes >> 20) + " MB" : thousands(bytes) + " bytes";
}

// A bound reached: the work it stops is cut short, and the message names the bound.
struct BoundReached : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The document's work so far against its bounds, and the warnings to report. One per read.
struct Budget {
    size_t entry_limit = 0;    // decoded bytes of one stream
    size_t decoded_limit = 0;  // decoded bytes of all streams
    size_t decoded = 0;
    size_t operators = 0, form_draws = 0, widgets = 0, options = 0, annots = 0;
    std::vector<ReadWarning>& warnings;
    std::set<std::string> said;

    explicit Budget(std::vector<ReadWarning>& w) : warnings(w) {}

    // Adds a warning once, however often it is met; past 200 warnings, one saying so. `lost`:
    // as ReadWarning::lost (content left unread).
    void warn(const std::string& s, bool lost = true) {
        if (warnings.size() > kMaxWarnings || !said.insert(s).second) return;
        if (warnings.size() < kMaxWarnings)
            warnings.push_back({s, lost});
        else
            warnings.push_back({"more problems read past, not listed", true});
    }

    static constexpr size_t kMaxWarnings = 200;
};

// ---------------------------------------------------------------------------------------------
// Object access: every accessor checks the type first (qpdf warns on a type mismatch).

OH key(OH o, const char* k) {
    if (o.isStream()) o = o.getDict();
    return o.isDictionary() ? o.getKey(k) : OH::newNull();
}

// A finite number; false for anything else (an infinite real from 400 digits included).
bool finite_number(OH o, double& v) {
    if (!o.isNumber()) return false;
    v = o.getNumericValue();
    return std::isfinite(v);
}

double number_or(OH o, double fallback) {
    double v;
    return finite_number(o, v) ? v : fallback;
}

// An integer clamped to [lo, hi]; `fallback` when not a number.
long long int_or(OH o, long long fallback, long long lo, long long hi) {
    if (o.isInteger()) return std::clamp(o.getIntValue(), lo, hi);
    double v;
    if (finite_number(o, v))
        return static_cast<long long>(std::clamp(v, static_cast<double>(lo), static_cast<double>(hi)));
    return fallback;
}

// A name without its slash, or "".
std::string name_of(OH o) {
    if (!o.isName()) return {};
    std::string n = o.getName();
    return n.empty() ? n : n.substr(1);
}

std::string og_text(const QPDFObjGen& og) { return std::to_string(og.getObj()) + " " + std::to_string(og.getGen()); }

// Collects decoded stream data, refusing to grow past `limit` (a flate bomb).
class LimitedSink final : public Pipeline {
public:
    LimitedSink(std::string& out, size_t limit) : Pipeline("tfaudit", nullptr), out_(out), limit_(limit) {}
    void write(unsigned char const* data, size_t len) override {
        if (len > limit_ - std::min(limit_, out_.size())) {
            over = true;
            throw std::length_error("decoded stream over the limit");
        }
        out_.append(reinterpret_cast<const char*>(data), len);
    }
    void finish() override {}
    bool over = false;

private:
    std::string& out_;
    size_t limit_;
};

// Appends the decoded data of stream `s` to `out`. On failure returns false after a warning
// naming `what` and the reason: undecodable data, a filter qpdf does not decode, or a bound.
bool decode(OH s, std::string& out, Budget& b, const std::string& what) {
    if (!s.isStream()) return false;
    const size_t room = std::min(b.entry_limit, b.decoded_limit - std::min(b.decoded_limit, b.decoded));
    std::string data;
    LimitedSink sink(data, room);
    bool attempted = false;
    const bool ok = s.pipeStreamData(&sink, &attempted, 0, qpdf_dl_specialized, true, false);
    b.decoded += data.size();
    if (sink.over) {
        if (room < b.entry_limit)
            b.warn("over the " + size_text(b.decoded_limit) +
                   " budget of decoded stream data for one document: " + what + " and later streams not read");
        else
            b.warn(what + ": over the " + size_text(b.entry_limit) + " limit for one decoded stream, not read");
        return false;
    }
    if (!ok || (!attempted && !key(s, "/Filter").isNull())) {
        b.warn(what + " (object " + og_text(s.getObjGen()) + ") could not be decoded");
        return false;
    }
    out += data;
    return true;
}

// ---------------------------------------------------------------------------------------------
// Matrices

// A PDF matrix [a b c d e f]; points are row vectors: [x y 1] x M.
struct Matrix {
    double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
    bool finite() const {
        return std::isfinite(a) && std::isfinite(b) && std::isfinite(c) && std::isfinite(d) && std::isfinite(e) &&
               std::isfinite(f);
    }
};

// m then n: the matrix of applying m first, then n.
Matrix mul(const Matrix& m, const Matrix& n) {
    return {m.a * n.a + m.b * n.c, m.a * n.b + m.b * n.d,       m.c * n.a + m.d * n.c,
            m.c * n.b + m.d * n.d, m.e * n.a + m.f * n.c + n.e, m.e * n.b + m.f * n.d + n.f};
}

// `to` = m then n, unless that overflows: a matrix that is not finite is never set.
void set_mul(Matrix& to, const Matrix& m, const Matrix& n) {
    const Matrix r = mul(m, n);
    if (r.finite()) to = r;
}

// The page's display rotation as a matrix, so that "top" is the top of the page as shown.
Matrix display_matrix(long long rotate) {
    switch (((rotate % 360) + 360) % 360) {
        case 90:
            return Matrix{0, -1, 1, 0, 0, 0};
        case 180:
            return Matrix{-1, 0, 0, -1, 0, 0};
        case 270:
            return Matrix{0, 1, -1, 0, 0, 0};
        default:
            return Matrix{};
    }
}

// ---------------------------------------------------------------------------------------------
// Fonts

struct FontInfo {
    int code_bytes = 1;
    bool simple = true;
    std::array<std::string, 256> byte_text;  // simple fonts: the text of each code
    std::array<float, 256> byte_width{};     // simple fonts: advance per unit font size
    std::shared_ptr<const pdf::UnicodeMap> to_unicode;
    std::shared_ptr<const pdf::WidthMap> cid_widths;     // composite fonts: /W, per 1000 units
    std::unordered_map<uint32_t, std::string> cid_text;  // composite fonts: decoded codes, cached
    float default_width = 0.5f;
    bool wingdings = false;
    bool bold = false;    // by its name (LiberationSans-Bold), weight or ForceBold flag
    float space = 0.25f;  // the width of a word space per unit font size (wide when monospaced)

    float width(uint32_t code) const {
        if (simple) return byte_width[code & 0xFF];
        return cid_widths ? cid_widths->get(code, default_width * 1000.0f) * 0.001f : default_width;
    }
};

class FontCache {
public:
    explicit FontCache(Budget& budget) : budget_(budget) {}

    // The font for dictionary `dict`, loaded once per document under `cache_key`; a fallback
    // font when `dict` is not a dictionary.
    FontInfo& get(OH dict, const std::string& cache_key) {
        auto it = fonts_.find(cache_key);
        if (it != fonts_.end()) return *it->second;
        if (fonts_.size() >= kMaxFonts && !cache_key.empty()) {
            budget_.warn("over the " + thousands(kMaxFonts) +
                         " fonts budget for one document: later fonts read as plain text");
            return fallback();
        }
        auto f = std::make_unique<FontInfo>();
        if (dict.isDictionary())
            load(*f, dict);
        else
            fill_fallback(*f);
        return *fonts_.emplace(cache_key, std::move(f)).first->second;
    }

    FontInfo& fallback() { return get(OH::newNull(), ""); }

    // The text of one code in font `f`.
    const std::string& glyph(FontInfo& f, uint32_t code) {
        if (f.simple) return f.byte_text[code & 0xFF];
        auto it = f.cid_text.find(code);
        if (it != f.cid_text.end()) return it->second;
        std::string t;
        if (f.to_unicode) f.to_unicode->lookup(code, t);
        if (f.cid_text.size() >= kMaxCachedCodes) {
            scratch_ = pdf::clean_glyph(t, f.wingdings);
            return scratch_;
        }
        return f.cid_text.emplace(code, pdf::clean_glyph(t, f.wingdings)).first->second;
    }

private:
    static constexpr size_t kMaxCachedCodes = 65'536;

    static void fill_fallback(FontInfo& f) {
        for (int c = 0; c < 256; ++c) {
            const char ch = static_cast<char>(c);
            f.byte_text[static_cast<size_t>(c)] =
                pdf::clean_glyph(text::cp1252_to_utf8(std::string_view(&ch, 1)), false);
            f.byte_width[static_cast<size_t>(c)] = c == ' ' ? 0.25f : 0.5f;
        }
    }

    void load(FontInfo& f, OH dict) {
        const std::string subtype = name_of(key(dict, "/Subtype"));
        const std::string base = name_of(key(dict, "/BaseFont"));
        f.wingdings = base.find("Wingdings") != std::string::npos;
        f.bold = base.find("Bold") != std::string::npos || base.find("Black") != std::string::npos ||
                 base.find("Heavy") != std::string::npos;
        OH cid = key(dict, "/DescendantFonts");
        cid = cid.isArray() && cid.getArrayNItems() > 0 ? cid.getArrayItem(0) : OH::newNull();
        OH desc = key(dict, "/FontDescriptor");
        if (!desc.isDictionary()) desc = key(cid, "/FontDescriptor");
        f.bold = f.bold || number_or(key(desc, "/FontWeight"), 0) >= 600;
        f.bold = f.bold || (int_or(key(desc, "/Flags"), 0, 0, 0xFFFFFFFF) & (1 << 18)) != 0;
        f.to_unicode = unicode_map(key(dict, "/ToUnicode"));
        if (subtype == "Type0") {
            f.simple = false;
            f.code_bytes = f.to_unicode && f.to_unicode->code_bytes() == 1 ? 1 : 2;
            load_cid_widths(f, cid);
            if (f.to_unicode && f.to_unicode->space_code() >= 0)
                set_space(f, f.width(static_cast<uint32_t>(f.to_unicode->space_code())));
            return;
        }
        load_simple(f, dict, subtype, base);
    }

    // A simple font: a table of 256 codes.
    void load_simple(FontInfo& f, OH dict, const std::string& subtype, const std::string& base) {
        f.simple = true;
        f.code_bytes = 1;
        OH enc = key(dict, "/Encoding");
        std::string enc_name = name_of(enc.isDictionary() ? key(enc, "/BaseEncoding") : enc);
        if (enc_name.empty()) {
            if (base.find("Symbol") != std::string::npos)
                enc_name = "Symbol";
            else if (base.find("Dingbats") != std::string::npos)
                enc_name = "ZapfDingbats";
            else if (subtype == "Type1" && !f.wingdings)
                enc_name = "StandardEncoding";
        }
        const uint32_t* table = pdf::base_encoding(enc_name);
        std::array<std::string, 256> differences;
        load_differences(key(enc, "/Differences"), differences);
        std::string t;
        std::array<uint32_t, 256> cps{};  // each code's first code point
        for (size_t c = 0; c < 256; ++c) {
            if (!f.to_unicode || !f.to_unicode->lookup(static_cast<uint32_t>(c), t)) {
                t.clear();
                const uint32_t cp = differences[c].empty() ? table[c] : pdf::glyph_code_point(differences[c]);
                if (cp) text::append_utf8(t, cp);
            }
            size_t at = 0;
            cps[c] = t.empty() ? 0 : text::next_cp(t, at);
            f.byte_text[c] = pdf::clean_glyph(t, f.wingdings);
        }
        std::bitset<256> given = load_simple_widths(f, dict, subtype == "Type3");
        // A standard 14 font named without /Widths: the font's own metrics.
        if (!key(dict, "/Widths").isArray())
            for (size_t c = 0; c < 256; ++c)
                if (const int w = pdf::base14_width(base, cps[c]); w >= 0) {
                    f.byte_width[c] = static_cast<float>(w) * 0.001f;
                    given.set(c);
                }
        // The space glyph's width; failing that (TeX draws no spaces), a monospaced font's
        // common width.
        bool found = false;
        for (size_t c = 0; c < 256 && !found; ++c)
            if (f.byte_text[c] == " " && f.byte_width[c] > 0) found = set_space(f, f.byte_width[c]);
        float mono = 0;
        for (size_t c = 0; c < 256 && !found && mono >= 0; ++c) {
            const float w = f.byte_width[c];
            if (!given[c] || w <= 0 || f.byte_text[c].empty() || f.byte_text[c] == " ") continue;
            if (mono == 0)
                mono = w;
            else if (std::fabs(w - mono) > 0.01f * mono)
                mono = -1;
        }
        if (!found && mono > 0) set_space(f, mono);
    }

    static bool set_space(FontInfo& f, float w) {
        if (w > 0.05f && w < 1.5f) f.space = w;
        return true;
    }

    // The parsed /ToUnicode CMap of stream `s`, parsed once however many fonts share it.
    std::shared_ptr<const pdf::UnicodeMap> unicode_map(OH s) {
        if (!s.isStream()) return nullptr;
        const QPDFObjGen og = s.getObjGen();
        if (auto it = cmaps_.find(og); it != cmaps_.end()) return it->second;
        std::string data;
        std::shared_ptr<const pdf::UnicodeMap> m;
        if (decode(s, data, budget_, "a font's /ToUnicode map"))
            m = std::make_shared<pdf::UnicodeMap>(pdf::UnicodeMap::parse(data));
        if (m && m->empty()) m = nullptr;
        cmaps_.emplace(og, m);
        return m;
    }

    static void load_differences(OH diff, std::array<std::string, 256>& out) {
        if (!diff.isArray()) return;
        long long code = 0;
        const int n = diff.getArrayNItems();
        for (int i = 0; i < n; ++i) {
            OH item = diff.getArrayItem(i);
            if (item.isNumber()) {
                code = int_or(item, 0, -1, 256);
            } else if (item.isName()) {
                if (code >= 0 && code < 256) out[static_cast<size_t>(code)] = name_of(item);
                code = std::min<long long>(code + 1, 256);
            }
        }
    }

    // Fills the widths; returns the codes /Widths gives.
    static std::bitset<256> load_simple_widths(FontInfo& f, OH dict, bool type3) {
        std::bitset<256> given;
        double scale = 0.001;
        if (OH fm = key(dict, "/FontMatrix"); type3 && fm.isArray() && fm.getArrayNItems() > 0)
            scale = std::min(std::fabs(number_or(fm.getArrayItem(0), 0.001)), 1.0);
        const double missing =
            std::clamp(number_or(key(key(dict, "/FontDescriptor"), "/MissingWidth"), 500) * 0.001, -10.0, 10.0);
        for (size_t c = 0; c < 256; ++c) f.byte_width[c] = c == ' ' ? 0.25f : static_cast<float>(missing);
        OH widths = key(dict, "/Widths");
        if (!widths.isArray()) return given;
        long long c = int_or(key(dict, "/FirstChar"), 0, -1, 256);
        const int n = std::min(widths.getArrayNItems(), 512);
        for (int i = 0; i < n && c < 256; ++i, ++c) {
            double w;
            if (c >= 0 && finite_number(widths.getArrayItem(i), w)) {
                f.byte_width[static_cast<size_t>(c)] = static_cast<float>(std::clamp(w * scale, -10.0, 10.0));
                given.set(static_cast<size_t>(c));
            }
        }
        return given;
    }

    void load_cid_widths(FontInfo& f, OH cid) {
        f.default_width = static_cast<float>(std::clamp(number_or(key(cid, "/DW"), 1000) * 0.001, -10.0, 10.0));
        OH w = key(cid, "/W");
        if (!w.isArray()) return;
        const bool shared = w.isIndirect();
        if (shared) {
            if (auto it = widths_.find(w.getObjGen()); it != widths_.end()) {
                f.cid_widths = it->second;
                return;
            }
        }
        auto m = std::make_shared<pdf::WidthMap>();
        parse_w(w, *m);
        m->finish();
        if (shared) widths_.emplace(w.getObjGen(), m);
        f.cid_widths = std::move(m);
    }

    // /W: "c [w1 w2 ...]" gives consecutive codes from c; "c1 c2 w" one width for a range,
    // stored as that one range.
    static void parse_w(OH w, pdf::WidthMap& m) {
        const int n = w.getArrayNItems();
        constexpr long long kMaxCode = 0xFFFFFFFFLL;
        for (int i = 0; i < n;) {
            OH first = w.getArrayItem(i);
            if (!first.isNumber()) break;
            const long long c0 = int_or(first, 0, 0, kMaxCode);
            OH next = i + 1 < n ? w.getArrayItem(i + 1) : OH::newNull();
            if (next.isArray()) {
                const int k = next.getArrayNItems();
                for (int j = 0; j < k && c0 + j <= kMaxCode; ++j) {
                    double x;
                    if (finite_number(next.getArrayItem(j), x))
                        m.add(static_cast<uint32_t>(c0 + j), static_cast<uint32_t>(c0 + j),
                              static_cast<float>(std::clamp(x, -1e4, 1e4)));
                }
                i += 2;
            } else if (next.isNumber() && i + 2 < n) {
                const long long c1 = int_or(next, 0, 0, kMaxCode);
                double x;
                if (c1 >= c0 && finite_number(w.getArrayItem(i + 2), x))
                    m.add(static_cast<uint32_t>(c0), static_cast<uint32_t>(c1),
                          static_cast<float>(std::clamp(x, -1e4, 1e4)));
                i += 3;
            } else {
                break;
            }
        }
    }

    Budget& budget_;
    std::unordered_map<std::string, std::unique_ptr<FontInfo>> fonts_;
    std::map<QPDFObjGen, std::shared_ptr<const pdf::UnicodeMap>> cmaps_;
    std::map<QPDFObjGen, std::shared_ptr<const pdf::WidthMap>> widths_;
    std::string scratch_;
};

// ---------------------------------------------------------------------------------------------
// Content streams, tokenized by qpdf into a compact program of the operators this reader uses

enum class Op : uint8_t {
    Tj,
    TJ,
    Quote,
    DQuote,
    Td,
    TD,
    Tm,
    TStar,
    Tf,
    BT,
    Tc,
    Tw,
    Tz,
    TL,
    q,
    Q,
    cm,
    Do,
    m,
    l,
    h,
    re,
    c,
    v,
    y,
    Stroke,
    Fill,
    n,
    Image,
};

struct Operand {
    enum Kind : uint8_t { Num, Str, Name, Arr, Other } kind = Other;
    double num = 0;
    uint32_t off = 0, len = 0;  // Str, Name: bytes in Program::bytes; Arr: Program::items
};

struct Instr {
    Op op;
    uint8_t nargs;
    uint32_t first;   // its operands: Program::args[first, first + nargs)
    uint32_t weight;  // content operators it stands for: itself and the unused ones before it
};

// A content stream as the operators this reader interprets, with their operands.
struct Program {
    std::vector<Instr> code;
    std::vector<Operand> args, items;
    std::string bytes;
    bool cut = false;  // parsing stopped at the operator budget
};

const std::unordered_map<std::string, Op>& op_table() {
    static const std::unordered_map<std::string, Op> t = {
        {"Tj", Op::Tj},     {"TJ", Op::TJ},    {"'", Op::Quote},  {"\"", Op::DQuote}, {"Td", Op::Td},
        {"TD", Op::TD},     {"Tm", Op::Tm},    {"T*", Op::TStar}, {"Tf", Op::Tf},     {"BT", Op::BT},
        {"Tc", Op::Tc},     {"Tw", Op::Tw},    {"Tz", Op::Tz},    {"TL", Op::TL},     {"q", Op::q},
        {"Q", Op::Q},       {"cm", Op::cm},    {"Do", Op::Do},    {"m", Op::m},       {"l", Op::l},
        {"h", Op::h},       {"re", Op::re},    {"c", Op::c},      {"v", Op::v},       {"y", Op::y},
        {"S", Op::Stroke},  {"s", Op::Stroke}, {"B", Op::Stroke}, {"B*", Op::Stroke}, {"b", Op::Stroke},
        {"b*", Op::Stroke}, {"f", Op::Fill},   {"F", Op::Fill},   {"f*", Op::Fill},   {"n", Op::n},
    };
    return t;
}

// A number token's value; false when it is not a finite number (overflowing digits).
bool token_number(const std::string& t, double& v) {
    const char* b = t.data();
    const char* e = b + t.size();
    if (b != e && *b == '+') ++b;
    const auto r = std::from_chars(b, e, v);
    return r.ec == std::errc() && r.ptr == e && std::isfinite(v);
}

// Tokenizes decoded content with qpdf's tokenizer (the one its content parser and token
// filters use) and keeps the operators of op_table() with their operands. Building a qpdf
// object for every operand, as QPDFObjectHandle::parseContentStream does, took 70% of the
// time spent reading a PDF; the tokens alone are what the interpreter needs.
class ProgramBuilder {
public:
    ProgramBuilder(Program& p, size_t max_operators) : p_(p), max_(max_operators) {}

    // Reads all of `data`. Returns the number of bad tokens skipped.
    size_t build(const std::string& data, const std::string& what) {
        Buffer buf(reinterpret_cast<unsigned char*>(const_cast<char*>(data.data())), data.size());  // not copied
        auto input = std::make_shared<BufferInputSource>(what, &buf, false);
        QPDFTokenizer tok;
        tok.allowEOF();
        for (;;) {
            const QPDFTokenizer::Token t = tok.readToken(input, what, true);
            const auto type = t.getType();
            if (type == QPDFTokenizer::tt_eof) break;
            if (type == QPDFTokenizer::tt_bad) {
                ++bad_;
                continue;
            }
            if (depth_ > 0 || type == QPDFTokenizer::tt_array_open || type == QPDFTokenizer::tt_dict_open) {
                nested(t);
                continue;
            }
            if (type != QPDFTokenizer::tt_word) {
                push(operand(t));
                continue;
            }
            if (!op(t.getValue())) break;
            if (t.getValue() == "ID") {  // inline image data, up to EI
                char ch;
                input->read(&ch, 1);
                tok.expectInlineImage(input);
                if (tok.readToken(input, what, true).getType() == QPDFTokenizer::tt_inline_image)
                    p_.code.push_back({Op::Image, 0, 0, 0});
                else
                    ++bad_;
            }
        }
        return bad_;
    }

private:
    // An operator: kept with its operands when the interpreter uses it. False when the
    // document's operator budget is spent (parsing stops).
    bool op(const std::string& name) {
        ++weight_;
        if (++seen_ > max_) {
            p_.cut = true;
            return false;
        }
        const auto& table = op_table();
        if (auto it = table.find(name); it != table.end()) {
            p_.code.push_back(
                {it->second, static_cast<uint8_t>(pending_.size()), static_cast<uint32_t>(p_.args.size()), weight_});
            p_.args.insert(p_.args.end(), pending_.begin(), pending_.end());
            weight_ = 0;
        }
        pending_.clear();
        return true;
    }

    void push(const Operand& o) {
        if (pending_.size() >= 64) pending_.clear();  // garbage: no operator takes this many operands
        pending_.push_back(o);
    }

    // A token inside an array or dictionary. An array's numbers and strings are kept (TJ);
    // a dictionary, or an array inside an array, is one operand the interpreter does not use.
    void nested(const QPDFTokenizer::Token& t) {
        const auto type = t.getType();
        const bool open = type == QPDFTokenizer::tt_array_open || type == QPDFTokenizer::tt_dict_open;
        const bool close = type == QPDFTokenizer::tt_array_close || type == QPDFTokenizer::tt_dict_close;
        if (open) {
            if (depth_ == 0) {
                array_ = type == QPDFTokenizer::tt_array_open;
                items_.clear();
            }
            ++depth_;
            return;
        }
        if (close) {
            if (--depth_ > 0) return;
            Operand a;
            if (array_) {
                a.kind = Operand::Arr;
                a.off = static_cast<uint32_t>(p_.items.size());
                a.len = static_cast<uint32_t>(items_.size());
                p_.items.insert(p_.items.end(), items_.begin(), items_.end());
            }
            push(a);
            return;
        }
        if (depth_ == 1 && array_ && items_.size() < kMaxArrayItems) items_.push_back(operand(t));
    }

    Operand operand(const QPDFTokenizer::Token& t) {
        Operand r;
        switch (t.getType()) {
            case QPDFTokenizer::tt_integer:
            case QPDFTokenizer::tt_real:
                if (token_number(t.getValue(), r.num)) r.kind = Operand::Num;  // overflowing numbers are dropped
                break;
            case QPDFTokenizer::tt_string:
            case QPDFTokenizer::tt_name: {
                const std::string& v = t.getValue();
                const bool name = t.getType() == QPDFTokenizer::tt_name;
                const size_t skip = name && !v.empty() ? 1 : 0;  // a name's slash
                r.kind = name ? Operand::Name : Operand::Str;
                r.off = static_cast<uint32_t>(p_.bytes.size());
                r.len = static_cast<uint32_t>(v.size() - skip);
                p_.bytes.append(v, skip, std::string::npos);
                break;
            }
            default:
                break;
        }
        return r;
    }

    static constexpr size_t kMaxArrayItems = 1'000'000;

    Program& p_;
    size_t max_;
    size_t seen_ = 0, bad_ = 0;
    uint32_t weight_ = 0;
    int depth_ = 0;       // inside an array or dictionary operand
    bool array_ = false;  // ... an array
    std::vector<Operand> pending_, items_;
};

// Decoded content streams parsed into programs, each stream object once per document.
class Programs {
public:
    explicit Programs(Budget& budget) : budget_(budget) {}

    // The program of form XObject `x`, parsed on its first use.
    std::shared_ptr<const Program> form(OH x) {
        const QPDFObjGen og = x.getObjGen();
        if (auto it = cache_.find(og); it != cache_.end()) return it->second;
        std::string data;
        auto p = std::make_shared<Program>();
        if (decode(x, data, budget_, "a form XObject")) parse(data, *p, "form XObject " + og_text(og));
        cache_.emplace(og, p);
        return p;
    }

    // The program of a page's /Contents (a stream, or an array of streams read as one),
    // parsed once however many pages share it. `where` names the page in warnings.
    std::shared_ptr<const Program> contents(OH c, const std::string& where) {
        const bool shared = c.isIndirect() && (c.isStream() || c.isArray());
        if (shared)
            if (auto it = cache_.find(c.getObjGen()); it != cache_.end()) return it->second;
        std::string data;
        if (c.isArray()) {
            const int n = c.getArrayNItems();
            if (static_cast<size_t>(n) > kMaxContentParts)
                budget_.warn(where + ": over the " + thousands(kMaxContentParts) +
                             " content streams limit for one page: the rest not read");
            for (int k = 0; k < n && static_cast<size_t>(k) < kMaxContentParts; ++k)
                if (decode(c.getArrayItem(k), data, budget_, where + ": a content stream")) data += '\n';
        } else {
            decode(c, data, budget_, where + ": the content stream");
        }
        auto p = std::make_shared<Program>();
        parse(data, *p, where);
        if (shared) cache_.emplace(c.getObjGen(), p);
        return p;
    }

    // Parses content `data` into `p`; damage is a warning naming `what`, and what was parsed
    // before it is kept.
    void parse(const std::string& data, Program& p, const std::string& what) {
        ProgramBuilder builder(p, kMaxOperators - std::min(kMaxOperators, budget_.operators));
        size_t bad = 0;
        try {
            bad = builder.build(data, what);
        } catch (const std::bad_alloc&) {
            throw;
        } catch (const std::exception& e) {
            budget_.warn(what + ": content stream damaged, read in part (" + text::sanitize_utf8(e.what()) + ")");
        }
        if (bad)
            budget_.warn(what + ": content stream damaged: " + thousands(bad) + (bad == 1 ? " token" : " tokens") +
                         " not understood, skipped");
    }

private:
    Budget& budget_;
    std::map<QPDFObjGen, std::shared_ptr<const Program>> cache_;  // forms and contents by object
};

// ---------------------------------------------------------------------------------------------
// The interpreter: runs a page's program, drawing the forms it names

using pdf::Rule;
using pdf::Run;

// Where a page or form's resources live, for naming a direct font dictionary in the cache.
struct Scope {
    OH resources;
    std::string key;  // the resources' object number, else the page or form's
};

class PageInterpreter {
public:
    PageInterpreter(Programs& programs, FontCache& fonts, Budget& budget)
        : programs_(programs), fonts_(fonts), budget_(budget) {}

    std::vector<Run> runs;
    std::vector<Rule> rules;  // straight rules drawn: table borders
    bool saw_image = false;

    // Runs `p` with resources `scope` under `ctm`. Throws BoundReached when the document's
    // operator or form budget runs out.
    void run(const Program& p, const Scope& scope, const Matrix& ctm, int depth) {
        std::vector<GState> stack(1);
        stack.back().ctm = ctm;
        Matrix tm, tlm;
        for (const Instr& in : p.code) {
            budget_.operators += in.weight;
            if (budget_.operators > kMaxOperators) throw_operators();
            exec(p, in, scope, stack, tm, tlm, depth);
        }
        if (p.cut) throw_operators();
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

    [[noreturn]] static void throw_operators() {
        throw BoundReached("over the " + thousands(kMaxOperators) + " content operators budget for one document");
    }

    void exec(const Program& p, const Instr& in, const Scope& scope, std::vector<GState>& stack, Matrix& tm,
              Matrix& tlm, int depth) {
        GState& gs = stack.back();
        const Operand* a = p.args.data() + in.first;
        const size_t n = in.nargs;
        // The last k operands as numbers; false when any is not a finite number.
        double v[6];
        auto nums = [&](size_t k) {
            if (n < k) return false;
            for (size_t i = 0; i < k; ++i) {
                const Operand& o = a[n - k + i];
                if (o.kind != Operand::Num) return false;
                v[i] = o.num;
            }
            return true;
        };
        auto str = [&p](const Operand& o) { return std::string_view(p.bytes).substr(o.off, o.len); };
        switch (in.op) {
            case Op::Tj:
                if (n >= 1 && a[n - 1].kind == Operand::Str) show(gs, tm, str(a[n - 1]));
                break;
            case Op::TJ:
                if (n >= 1 && a[n - 1].kind == Operand::Arr)
                    for (uint32_t i = 0; i < a[n - 1].len; ++i) {
                        const Operand& el = p.items[a[n - 1].off + i];
                        if (el.kind == Operand::Str)
                            show(gs, tm, str(el));
                        else if (el.kind == Operand::Num)
                            advance(tm, -el.num / 1000.0 * gs.size * gs.th);
                    }
                break;
            case Op::Td:
            case Op::TD:
                if (!nums(2)) break;
                if (in.op == Op::TD) gs.tl = -v[1];
                set_mul(tlm, Matrix{1, 0, 0, 1, v[0], v[1]}, tlm);
                tm = tlm;
                break;
            case Op::Tm:
                if (!nums(6)) break;
                tlm = Matrix{v[0], v[1], v[2], v[3], v[4], v[5]};
                tm = tlm;
                break;
            case Op::TStar:
                set_mul(tlm, Matrix{1, 0, 0, 1, 0, -gs.tl}, tlm);
                tm = tlm;
                break;
            case Op::Quote:
            case Op::DQuote:
                if (n < (in.op == Op::Quote ? 1u : 3u)) break;
                if (in.op == Op::DQuote && a[n - 3].kind == Operand::Num && a[n - 2].kind == Operand::Num) {
                    gs.tw = a[n - 3].num;
                    gs.tc = a[n - 2].num;
                }
                set_mul(tlm, Matrix{1, 0, 0, 1, 0, -gs.tl}, tlm);
                tm = tlm;
                if (a[n - 1].kind == Operand::Str) show(gs, tm, str(a[n - 1]));
                break;
            case Op::Tf:
                if (!nums(1)) break;
                gs.size = v[0];
                gs.font = n >= 2 && a[n - 2].kind == Operand::Name ? &font(scope, std::string(str(a[n - 2]))) : nullptr;
                break;
            case Op::BT:
                tm = tlm = Matrix{};
                break;
            case Op::Tc:
                if (nums(1)) gs.tc = v[0];
                break;
            case Op::Tw:
                if (nums(1)) gs.tw = v[0];
                break;
            case Op::Tz:
                if (nums(1)) gs.th = v[0] / 100.0;
                break;
            case Op::TL:
                if (nums(1)) gs.tl = v[0];
                break;
            case Op::q:
                if (stack.size() < 256) stack.push_back(gs);
                break;
            case Op::Q:
                if (stack.size() > 1) stack.pop_back();
                break;
            case Op::cm:
                if (nums(6)) set_mul(gs.ctm, Matrix{v[0], v[1], v[2], v[3], v[4], v[5]}, gs.ctm);
                break;
            case Op::Do:
                if (n >= 1 && a[n - 1].kind == Operand::Name)
                    draw_xobject(scope, std::string(str(a[n - 1])), gs.ctm, depth);
                break;
            case Op::Image:
                saw_image = true;
                break;
            default:
                path_op(in.op, n >= 6 && nums(6) ? 6 : n >= 4 && nums(4) ? 4 : n >= 2 && nums(2) ? 2 : 0, v, gs.ctm);
                break;
        }
    }

    static Point apply(const Matrix& m, double x, double y) {
        return {x * m.a + y * m.c + m.e, x * m.b + y * m.d + m.f};
    }

    // Path construction and painting, kept only as far as straight axis-aligned rules go. `v`
    // holds the last `k` operands, all finite numbers.
    void path_op(Op op, size_t k, const double* v, const Matrix& ctm) {
        if (op == Op::m && k >= 2) {
            if (subpaths_.size() < kMaxPathParts) subpaths_.push_back({apply(ctm, v[k - 2], v[k - 1])});
        } else if (op == Op::l && k >= 2) {
            if (!subpaths_.empty() && subpaths_.back().size() < kMaxPathParts)
                subpaths_.back().push_back(apply(ctm, v[k - 2], v[k - 1]));
        } else if (op == Op::h) {
            if (!subpaths_.empty() && subpaths_.back().size() > 2) subpaths_.back().push_back(subpaths_.back().front());
        } else if (op == Op::re && k >= 4) {
            const double x = v[k - 4], y = v[k - 3], w = v[k - 2], h = v[k - 1];
            if (subpaths_.size() < kMaxPathParts)
                subpaths_.push_back({apply(ctm, x, y), apply(ctm, x + w, y), apply(ctm, x + w, y + h),
                                     apply(ctm, x, y + h), apply(ctm, x, y)});
        } else if ((op == Op::c && k >= 6) || ((op == Op::v || op == Op::y) && k >= 4)) {
            // A curve is not a rule: the straight run ends, and a new one goes on from its end.
            if (subpaths_.size() < kMaxPathParts) subpaths_.push_back({apply(ctm, v[k - 2], v[k - 1])});
        } else if (op == Op::Stroke) {
            for (const auto& sp : subpaths_)
                for (size_t i = 1; i < sp.size(); ++i) add_rule(sp[i - 1], sp[i]);
            subpaths_.clear();
        } else if (op == Op::Fill) {
            // A filled shape that is a thin bar is a rule along its middle; anything wider is a
            // background.
            for (const auto& sp : subpaths_) {
                if (sp.size() < 3) continue;
                double x0 = sp[0].x, x1 = x0, y0 = sp[0].y, y1 = y0;
                for (const auto& p : sp) {
                    x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
                    y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
                }
                if (y1 - y0 <= 2.5 && x1 - x0 > y1 - y0)
                    add_rule({x0, (y0 + y1) / 2}, {x1, (y0 + y1) / 2});
                else if (x1 - x0 <= 2.5 && y1 - y0 > x1 - x0)
                    add_rule({(x0 + x1) / 2, y0}, {(x0 + x1) / 2, y1});
            }
            subpaths_.clear();
        } else if (op == Op::n) {
            subpaths_.clear();
        }
    }

    void add_rule(Point a, Point b) {
        if (rules.size() >= kMaxRules) {
            budget_.warn("a page over the " + thousands(kMaxRules) +
                         " drawn rules limit: the rest of its rules not read");
            return;
        }
        if (!std::isfinite(a.x) || !std::isfinite(a.y) || !std::isfinite(b.x) || !std::isfinite(b.y)) return;
        const double dx = std::fabs(a.x - b.x), dy = std::fabs(a.y - b.y);
        if (dy <= 0.5 && dx >= 1)
            rules.push_back({std::min(a.x, b.x), (a.y + b.y) / 2, std::max(a.x, b.x), (a.y + b.y) / 2});
        else if (dx <= 0.5 && dy >= 1)
            rules.push_back({(a.x + b.x) / 2, std::min(a.y, b.y), (a.x + b.x) / 2, std::max(a.y, b.y)});
    }

    static void advance(Matrix& tm, double tx) {
        const double e = tm.e + tx * tm.a, f = tm.f + tx * tm.b;
        if (std::isfinite(e) && std::isfinite(f)) tm.e = e, tm.f = f;
    }

    FontInfo& font(const Scope& scope, const std::string& name) {
        OH dict = key(key(scope.resources, "/Font"), ("/" + name).c_str());
        if (!dict.isDictionary()) return fonts_.fallback();
        return fonts_.get(dict, dict.isIndirect() ? "o" + og_text(dict.getObjGen()) : scope.key + "/" + name);
    }

    void show(GState& gs, Matrix& tm, std::string_view s) {
        FontInfo& f = gs.font ? *gs.font : fonts_.fallback();
        if (s.empty()) return;
        const Matrix start = mul(tm, gs.ctm);
        Run r;
        r.x0 = start.e;
        r.y = start.f;
        r.size = std::fabs(gs.size) * std::hypot(start.c, start.d);
        r.space = f.space * r.size;
        r.bold = f.bold;
        const size_t step = static_cast<size_t>(f.code_bytes);
        for (size_t i = 0; i + step <= s.size(); i += step) {
            uint32_t code = 0;
            for (size_t k = 0; k < step; ++k) code = code << 8 | static_cast<unsigned char>(s[i + k]);
            r.text += fonts_.glyph(f, code);
            double w = f.width(code) * gs.size + gs.tc;
            if (step == 1 && code == 32) w += gs.tw;
            advance(tm, w * gs.th);
        }
        r.x1 = mul(tm, gs.ctm).e;
        // Text placed at a position that overflowed is nowhere on the page: dropped.
        if (r.text.empty() || !std::isfinite(r.x0) || !std::isfinite(r.x1) || !std::isfinite(r.y) ||
            !std::isfinite(r.size) || !std::isfinite(r.space))
            return;
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
        if (runs.size() < kMaxRuns)
            runs.push_back(std::move(r));
        else
            budget_.warn("a page over the " + thousands(kMaxRuns) +
                         " pieces of text limit: the rest of its text not read");
    }

    void draw_xobject(const Scope& scope, const std::string& name, const Matrix& ctm, int depth) {
        OH x = key(key(scope.resources, "/XObject"), ("/" + name).c_str());
        if (!x.isStream()) return;
        const std::string subtype = name_of(key(x, "/Subtype"));
        if (subtype == "Image") {
            saw_image = true;
            return;
        }
        if (subtype != "Form") return;
        if (depth >= kMaxFormDepth) {
            budget_.warn("form XObjects nested over " + std::to_string(kMaxFormDepth) +
                         " deep: the deeper ones not read");
            return;
        }
        if (++budget_.form_draws > kMaxFormDraws)
            throw BoundReached("over the " + thousands(kMaxFormDraws) + " form XObject draws budget for one document");
        const QPDFObjGen og = x.getObjGen();
        if (std::find(active_.begin(), active_.end(), og) != active_.end()) return;  // a cycle
        Matrix m;
        if (OH mo = key(x, "/Matrix"); mo.isArray() && mo.getArrayNItems() == 6) {
            double v[6];
            bool ok = true;
            for (int i = 0; i < 6 && ok; ++i) ok = finite_number(mo.getArrayItem(i), v[i]);
            if (ok) m = Matrix{v[0], v[1], v[2], v[3], v[4], v[5]};
        }
        const Matrix fm = mul(m, ctm);
        if (!fm.finite()) return;
        Scope own = scope;
        if (OH res = key(x, "/Resources"); res.isDictionary())
            own = {res, "o" + og_text(res.isIndirect() ? res.getObjGen() : og)};
        const auto program = programs_.form(x);
        active_.push_back(og);
        try {
            run(*program, own, fm, depth + 1);
        } catch (...) {
            active_.pop_back();
            throw;
        }
        active_.pop_back();
    }

    static constexpr size_t kMaxRules = 20'000;     // rules kept per page
    static constexpr size_t kMaxRuns = 200'000;     // runs of text kept per page
    static constexpr size_t kMaxPathParts = 4'096;  // subpaths per path, points per subpath

    Programs& programs_;
    FontCache& fonts_;
    Budget& budget_;
    std::vector<QPDFObjGen> active_;
    std::vector<std::vector<Point>> subpaths_;  // the path under construction
};

// ---------------------------------------------------------------------------------------------
// Form fields: the values of the widgets on a page (pdf_form.cpp places them as text)

// A field value that cannot be decoded: the widget is counted and left out.
struct Undecodable : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A field attribute: the widget's own, else inherited from its ancestors in the field tree.
// `holder` is set to the dictionary that gives it.
OH field_attr(OH widget, const char* k, OH* holder = nullptr) {
    OH node = widget;
    for (int hops = 0; node.isDictionary() && hops < kMaxParentHops; ++hops) {
        if (OH v = node.getKey(k); !v.isNull()) {
            if (holder) *holder = node;
            return v;
        }
        node = node.getKey("/Parent");
    }
    return OH::newNull();
}

// A field value as clean text: line ends made "\n", other controls dropped, lines' trailing
// spaces and the ends trimmed.
std::string value_text(const std::string& utf8) {
    const std::string s = text::sanitize_utf8(std::string_view(utf8).substr(0, kMaxValueBytes));
    std::vector<uint32_t> cps;
    for (size_t i = 0; i < s.size();) cps.push_back(text::next_cp(s, i));
    while (!cps.empty() && cps.back() < 0x20) cps.pop_back();
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

// The text of a value object: a text string, a name (as some writers give choices), or a text
// stream (UTF-16BE with its byte order mark, else PDFDocEncoding, read as Windows-1252).
// Throws Undecodable for a stream that cannot be decoded.
std::string object_text(OH o, Budget& b) {
    if (o.isString()) return o.getUTF8Value();
    if (o.isName()) return name_of(o);
    if (!o.isStream()) return {};
    std::string raw;
    // Its own limit and no warning of its own: the caller counts the field as unreadable.
    std::vector<ReadWarning> quiet;
    Budget own(quiet);
    own.entry_limit = own.decoded_limit = kMaxValueBytes;
    if (!decode(o, raw, own, "a field value")) throw Undecodable("field value");
    b.decoded += raw.size();
    if (raw.size() >= 2 && static_cast<unsigned char>(raw[0]) == 0xFE && static_cast<unsigned char>(raw[1]) == 0xFF) {
        std::vector<uint16_t> units;
        for (size_t i = 2; i + 1 < raw.size(); i += 2)
            units.push_back(static_cast<uint16_t>(static_cast<unsigned char>(raw[i]) << 8 |
                                                  static_cast<unsigned char>(raw[i + 1])));
        std::string out;
        pdf::append_utf16(out, units);
        return out;
    }
    return text::cp1252_to_utf8(raw);
}

// The font size a /DA string sets ("/Helv 10 Tf 0 g"); 0 when none or automatic.
double da_size(OH da) {
    if (!da.isString()) return 0;
    const std::string s = da.getStringValue().substr(0, 4096);
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
std::string on_state(OH widget) {
    OH n = key(key(widget, "/AP"), "/N");
    if (!n.isDictionary()) return {};
    for (const std::string& k : n.getKeys())
        if (k != "/Off") return k.substr(1);
    return {};
}

// The state name a value object gives ("Yes", "Off"); "" when none.
std::string state_name(OH o) {
    if (o.isName()) return name_of(o);
    if (o.isString()) return o.getUTF8Value();
    return {};
}

// Reads the form field widgets of a document's pages, sharing /Opt tables between fields.
class FieldReader {
public:
    FieldReader(QPDF& pdf, Budget& budget) : budget_(budget), acroform_(key(pdf.getRoot(), "/AcroForm")) {}

    // The visible form field values on `page`, in /Annots order. `broken` counts widgets
    // whose value could not be decoded (they are left out).
    std::vector<pdf::Field> read(OH page, const Matrix& ctm, int& broken) {
        std::vector<pdf::Field> out;
        OH annots = key(page, "/Annots");
        if (!annots.isArray()) return out;
        std::set<QPDFObjGen> seen;  // a widget listed twice shows once
        const int n = annots.getArrayNItems();
        for (int i = 0; i < n; ++i) {
            if (++budget_.annots > kMaxAnnots) {
                budget_.warn("over the " + thousands(kMaxAnnots) +
                             " annotations budget for one document: the rest not read");
                break;
            }
            OH w = annots.getArrayItem(i);
            if (!w.isDictionary() || (w.isIndirect() && !seen.insert(w.getObjGen()).second)) continue;
            if (++budget_.widgets > kMaxWidgets) {
                budget_.warn("over the " + thousands(kMaxWidgets) +
                             " form field widgets budget for one document: the rest not read");
                break;
            }
            pdf::Field f;
            try {
                if (read_widget(w, ctm, f)) out.push_back(std::move(f));
            } catch (const QPDFExc& e) {
                if (e.getErrorCode() == qpdf_e_password) throw;
                ++broken;
            } catch (const Undecodable&) {
                ++broken;
            }
        }
        return out;
    }

private:
    // Reads one widget annotation's value into `f`; false when it shows none (a push button,
    // a signature, a password, a hidden or unplaceable widget, or not a field at all).
    bool read_widget(OH w, const Matrix& ctm, pdf::Field& f) {
        if (name_of(key(w, "/Subtype")) != "Widget") return false;
        if (int_or(key(w, "/F"), 0, 0, 0xFFFFFFFF) & 2) return false;  // Hidden
        OH rect = key(w, "/Rect");
        if (!rect.isArray() || rect.getArrayNItems() != 4) return false;
        double v[4];
        for (int i = 0; i < 4; ++i)
            if (!finite_number(rect.getArrayItem(i), v[i])) return false;
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
        if (!(f.x1 - f.x0 > 0.5 && f.y1 - f.y0 > 0.5) || !std::isfinite(f.x1 - f.x0) || !std::isfinite(f.y1 - f.y0))
            return false;  // no area, or no place on the page: nothing shows

        const std::string type = name_of(field_attr(w, "/FT"));
        if (type.empty()) return false;
        const long long ff = int_or(field_attr(w, "/Ff"), 0, 0, 0xFFFFFFFF);
        OH da = field_attr(w, "/DA");
        f.size = da_size(da.isNull() ? key(acroform_, "/DA") : da);
        if (type == "Btn") {
            if (ff & (1LL << 16)) return false;  // a push button
            f.box = true;
            const std::string on = on_state(w);
            const std::string value = state_name(field_attr(w, "/V"));
            OH as = key(w, "/AS");
            // The field's value names the widget's on state (radio buttons share one value);
            // else the widget's appearance state; else a value other than Off.
            if (!value.empty() && !on.empty())
                f.checked = value == on;
            else if (as.isName())
                f.checked = name_of(as) != "Off" && !name_of(as).empty();
            else
                f.checked = !value.empty() && value != "Off";
            return true;
        }
        OH q = field_attr(w, "/Q");
        if (q.isNull()) q = key(acroform_, "/Q");
        f.align = static_cast<int>(int_or(q, 0, 0, 2));
        OH value = field_attr(w, "/V");
        if (type == "Tx") {
            if (ff & (1LL << 13)) return false;  // a password: not shown
            f.multiline = (ff & (1LL << 12)) != 0;
            f.value = value_text(object_text(value, budget_));
        } else if (type == "Ch") {
            OH holder;
            OH opt = field_attr(w, "/Opt", &holder);
            const Options& options = options_of(opt, holder);
            if (value.isArray()) {  // a list box with several chosen
                std::string all;
                const int n = std::min(value.getArrayNItems(), 1000);
                for (int i = 0; i < n; ++i) {
                    const std::string t = value_text(choice_text(options, object_text(value.getArrayItem(i), budget_)));
                    if (t.empty()) continue;
                    if (!all.empty()) all += ", ";
                    all += t;
                }
                f.value = all;
            } else {
                f.value = value_text(choice_text(options, object_text(value, budget_)));
            }
        } else {
            return false;  // a signature, or a type this reader does not know
        }
        return !f.value.empty();
    }

    // A choice field's options: export value to display text.
    using Options = std::unordered_map<std::string, std::string>;

    static std::string choice_text(const Options& options, const std::string& value) {
        auto it = options.find(value);
        return it == options.end() ? value : it->second;
    }

    // The pairs of an /Opt array, read once per dictionary that holds it.
    const Options& options_of(OH opt, OH holder) {
        static const Options none;
        if (!opt.isArray()) return none;
        const bool shared = opt.isIndirect() || holder.isIndirect();
        const QPDFObjGen og = opt.isIndirect() ? opt.getObjGen() : holder.getObjGen();
        if (shared)
            if (auto it = options_.find(og); it != options_.end()) return it->second;
        Options o;
        const int n = opt.getArrayNItems();
        for (int i = 0; i < n; ++i) {
            if (++budget_.options > kMaxOptions) {
                budget_.warn("over the " + thousands(kMaxOptions) +
                             " choice options budget for one document: the rest not read");
                break;
            }
            OH pair = opt.getArrayItem(i);
            if (!pair.isArray() || pair.getArrayNItems() < 2) continue;
            o.emplace(object_text(pair.getArrayItem(0), budget_), object_text(pair.getArrayItem(1), budget_));
        }
        if (!shared) {
            scratch_ = std::move(o);
            return scratch_;
        }
        return options_.emplace(og, std::move(o)).first->second;
    }

    Budget& budget_;
    OH acroform_;
    std::map<QPDFObjGen, Options> options_;
    Options scratch_;
};

// ---------------------------------------------------------------------------------------------
// The page tree, walked with bounds: /Count is never read, only the kids that are there.

struct PageRef {
    OH page;
    OH resources;  // its own or inherited
    long long rotate = 0;
};

class PageTree {
public:
    explicit PageTree(Budget& budget) : budget_(budget) {}

    std::vector<PageRef> pages(OH root) {
        walk(key(root, "/Pages"), OH::newNull(), 0, 0);
        return std::move(out_);
    }

private:
    void walk(OH node, OH resources, long long rotate, int depth) {
        if (!node.isDictionary() || stopped_) return;
        if (++nodes_ > kMaxTreeNodes) return stop("over the " + thousands(kMaxTreeNodes) + " page tree nodes limit");
        if (node.isIndirect() && !seen_.insert(node.getObjGen()).second) {
            budget_.warn("the page tree names an object twice (" + og_text(node.getObjGen()) + "): read once", false);
            return;
        }
        if (OH r = key(node, "/Resources"); r.isDictionary()) resources = r;
        if (OH r = key(node, "/Rotate"); r.isNumber()) rotate = int_or(r, 0, -3600, 3600);
        OH kids = key(node, "/Kids");
        const std::string type = name_of(key(node, "/Type"));
        if (type == "Pages" && !kids.isArray()) return;  // an empty branch
        if (!kids.isArray() || type == "Page") {
            if (out_.size() >= kMaxPages) return stop("over the " + thousands(kMaxPages) + " pages limit");
            out_.push_back({node, resources, rotate});
            return;
        }
        if (depth >= kMaxTreeDepth) return stop("page tree nested over " + std::to_string(kMaxTreeDepth) + " deep");
        const int n = kids.getArrayNItems();
        for (int i = 0; i < n && !stopped_; ++i) {
            if (++nodes_ > kMaxTreeNodes)
                return stop("over the " + thousands(kMaxTreeNodes) + " page tree nodes limit");
            walk(kids.getArrayItem(i), resources, rotate, depth + 1);
        }
    }

    void stop(const std::string& why) {
        stopped_ = true;
        budget_.warn(why + ": pages after page " + std::to_string(out_.size()) + " not read");
    }

    Budget& budget_;
    std::vector<PageRef> out_;
    std::set<QPDFObjGen> seen_;
    size_t nodes_ = 0;
    bool stopped_ = false;
};

// ---------------------------------------------------------------------------------------------

// A document information string as one clean line.
std::string info_text(const std::string& utf8) {
    std::string s = text::sanitize_utf8(utf8);
    for (char& c : s)
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    return text::collapse_ws(s);
}

// qpdf's account of a problem, as one line: its detail and where ("object 5 0").
std::string describe(const QPDFExc& e) {
    std::string s = e.getMessageDetail();
    if (s.empty()) s = e.what();
    if (!e.getObject().empty()) s += " (" + e.getObject() + ")";
    for (char& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    return text::sanitize_utf8(s);
}

// qpdf's warnings since the last call, as one document warning (qpdf recovered from each):
// "damaged PDF, read past: file is damaged; ... (and 3 more)".
void take_warnings(QPDF& pdf, std::vector<ReadWarning>& out) {
    const std::vector<QPDFExc> all = pdf.getWarnings();
    if (all.empty()) return;
    std::string s = "damaged PDF, read past: ";
    for (size_t i = 0; i < all.size() && i < kMaxQpdfWarnings; ++i) s += (i ? "; " : "") + describe(all[i]);
    if (all.size() > kMaxQpdfWarnings) s += " (and " + thousands(all.size() - kMaxQpdfWarnings) + " more)";
    out.push_back(std::move(s));
}

// Reads one document; throws QPDFExc for a file qpdf cannot open.
class DocumentReader {
public:
    DocumentReader(const std::string& path, std::string_view bytes, const ReadOptions& opts)
        : path_(path), bytes_(bytes), budget_(doc_.warnings) {
        budget_.entry_limit = opts.max_entry_bytes;
        budget_.decoded_limit = opts.max_entry_bytes > SIZE_MAX / 4 ? SIZE_MAX : 4 * opts.max_entry_bytes;
    }

    Result<Document> read() {
        auto logger = QPDFLogger::create();  // nothing qpdf says reaches the terminal
        auto discard = std::make_shared<Pl_Discard>();
        logger->setInfo(discard);
        logger->setWarn(discard);
        logger->setError(discard);
        pdf_.setLogger(logger);
        pdf_.setSuppressWarnings(true);
        pdf_.setAttemptRecovery(true);
        pdf_.processMemoryFile(path_.c_str(), bytes_.data(), bytes_.size(), "");
        take_warnings(pdf_, doc_.warnings);

        doc_.path = path_;
        doc_.format = "pdf";
        if (OH t = key(pdf_.getTrailer().getKey("/Info"), "/Title"); t.isString())
            doc_.title = info_text(t.getUTF8Value());
        const std::vector<PageRef> pages = PageTree(budget_).pages(pdf_.getRoot());
        if (pages.empty()) return Error{path_, "damaged PDF: no pages in its page tree"};
        doc_.pages = static_cast<int>(pages.size());
        read_pages(pages);
        take_warnings(pdf_, doc_.warnings);
        if (!any_text_ && any_image_) return Error{path_, "no text layer: cannot be read without OCR"};
        if (!any_text_) doc_.warnings.push_back("no text on any page");
        for (int p : scanned_)
            doc_.warnings.push_back("page " + std::to_string(p) + ": no text layer: cannot be read without OCR");
        return std::move(doc_);
    }

private:
    void read_pages(const std::vector<PageRef>& pages) {
        FontCache fonts(budget_);
        Programs programs(budget_);
        FieldReader fields(pdf_, budget_);
        pdf::Counters counters;
        bool stopped = false;  // a document budget ran out: no more content is read
        for (size_t i = 0; i < pages.size(); ++i) {
            const int number = static_cast<int>(i) + 1;
            const std::string where = "page " + std::to_string(number);
            PageInterpreter page(programs, fonts, budget_);
            const Matrix ctm = display_matrix(pages[i].rotate);
            try {
                if (!stopped) guarded(where, [&] { read_content(pages[i], programs, page, ctm, where); });
            } catch (const BoundReached& e) {
                budget_.warn(std::string(e.what()) + ": " + where + " read in part, the content after it not read");
                stopped = true;
            }
            // Form field values, placed among the content's text. A page showing only field
            // values over an image is still a scan for the rest of its text.
            const bool drawn_text = pdf::has_text(page.runs);
            int broken = 0;
            guarded(where + ": form fields",
                    [&] { pdf::place_fields(page.runs, fields.read(pages[i].page, ctm, broken)); });
            if (broken)
                budget_.warn(where + ": " + std::to_string(broken) + (broken == 1 ? " form field" : " form fields") +
                             " could not be read");
            any_image_ = any_image_ || page.saw_image;
            any_text_ = any_text_ || pdf::has_text(page.runs);
            if (!drawn_text && page.saw_image) scanned_.push_back(number);
            pdf::layout_page(page.runs, page.rules, number, counters, doc_.body);
        }
    }

    // Runs `f`; a problem it throws becomes a warning naming `where`, and reading goes on. A
    // password needed, a document budget spent and memory running out go through.
    template <class F>
    void guarded(const std::string& where, F&& f) {
        try {
            f();
        } catch (const QPDFExc& e) {
            if (e.getErrorCode() == qpdf_e_password) throw;
            budget_.warn(where + ": " + describe(e));
        } catch (const BoundReached&) {
            throw;
        } catch (const std::bad_alloc&) {
            throw;
        } catch (const std::exception& e) {
            budget_.warn(where + ": " + text::sanitize_utf8(e.what()));
        }
    }

    void read_content(const PageRef& ref, Programs& programs, PageInterpreter& page, const Matrix& ctm,
                      const std::string& where) {
        const auto program = programs.contents(key(ref.page, "/Contents"), where);
        const QPDFObjGen og = ref.resources.isIndirect() ? ref.resources.getObjGen() : ref.page.getObjGen();
        page.run(*program, Scope{ref.resources, "o" + og_text(og)}, ctm, 0);
    }

    const std::string& path_;
    std::string_view bytes_;
    Document doc_;
    Budget budget_;
    QPDF pdf_;
    bool any_text_ = false, any_image_ = false;
    std::vector<int> scanned_;  // pages holding images and no text
};

// qpdf's reason for refusing a file, for an error message.
std::string reason(const QPDFExc& e, std::string_view bytes) {
    std::string s = describe(e);
    if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos) s = "not a PDF file (no %PDF- header): " + s;
    return s;
}

class PdfReader final : public Reader {
public:
    const char* format() const override { return "pdf"; }

    Result<Document> read(const std::string& path, std::string_view bytes, const ReadOptions& opts) const override {
        try {
            return DocumentReader(path, bytes, opts).read();
        } catch (const QPDFExc& e) {
            if (e.getErrorCode() == qpdf_e_password) return Error{path, "encrypted: needs a password to open"};
            // An encrypted file qpdf cannot decrypt (another security handler) is not damage.
            if (e.getErrorCode() == qpdf_e_unsupported && bytes.find("/Encrypt") != std::string_view::npos)
                return Error{path, "encrypted with a method this reader cannot decrypt (" + describe(e) + ")"};
            return Error{path, "damaged PDF: " + reason(e, bytes)};
        } catch (const std::bad_alloc&) {
            return Error{path, "damaged PDF: out of memory while reading"};
        } catch (const std::exception& e) {
            return Error{path, "damaged PDF: " + text::sanitize_utf8(e.what())};
        } catch (...) {
            return Error{path, "damaged PDF: unknown error"};
        }
    }
};

}  // namespace

const Reader& pdf_reader() {
    static const PdfReader r;
    return r;
}

}  // namespace tfa
