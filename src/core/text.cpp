#include "core/text.h"

#include <cctype>

namespace tfa::text {

void append_utf8(std::string& out, uint32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

uint32_t next_cp(std::string_view s, size_t& i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        ++i;
        return c;
    }
    int len = 0;
    uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
        len = 2;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        cp = c & 0x07;
    } else {
        ++i;
        return 0xFFFD;
    }
    if (i + len > s.size()) {
        ++i;
        return 0xFFFD;
    }
    for (int k = 1; k < len; ++k) {
        const auto cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (cc & 0x3F);
    }
    static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return 0xFFFD;
    }
    i += len;
    return cp;
}

namespace {

const char* kHex = "0123456789abcdef";

// Appends `c` as \xNN: how a byte or control character is shown to a person.
void append_hex_escape(std::string& out, unsigned char c) {
    out += "\\x";
    out += kHex[c >> 4];
    out += kHex[c & 15];
}

// True when next_cp read s[start, end) as `cp` because the bytes were not UTF-8 (not a real
// U+FFFD written in the text).
bool bad_sequence(std::string_view s, size_t start, size_t end, uint32_t cp) {
    return cp == 0xFFFD && !(end - start == 3 && s.substr(start, 3) == "\xEF\xBF\xBD");
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        const size_t before = i;
        const uint32_t cp = next_cp(s, i);
        if (bad_sequence(s, before, i, cp)) return false;
    }
    return true;
}

std::string show_invalid_bytes(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
        const size_t start = i;
        const uint32_t cp = next_cp(s, i);
        if (bad_sequence(s, start, i, cp)) {
            for (size_t k = start; k < i; ++k) append_hex_escape(out, static_cast<unsigned char>(s[k]));
        } else {
            out.append(s.substr(start, i - start));
        }
    }
    return out;
}

std::string sanitize_utf8(std::string_view s) {
    if (is_valid_utf8(s)) return std::string(s);
    std::string out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) append_utf8(out, next_cp(s, i));
    return out;
}

std::string cp1252_to_utf8(std::string_view s) {
    static const uint16_t k80[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                     0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                     0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                     0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (unsigned char c : s) {
        if (c < 0x80)
            out += static_cast<char>(c);
        else if (c < 0xA0)
            append_utf8(out, k80[c - 0x80]);
        else
            append_utf8(out, c);
    }
    return out;
}

std::string latin1_to_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (unsigned char c : s) append_utf8(out, c);
    return out;
}

namespace {
// Length of a white-space sequence at `i` (ASCII space/tab/CR/LF/FF/VT, NBSP U+00A0,
// U+2000-U+200B, U+202F, U+3000), 0 if none.
size_t ws_len(std::string_view s, size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
    if (c == 0xE2 && i + 2 < s.size()) {
        const auto c1 = static_cast<unsigned char>(s[i + 1]);
        const auto c2 = static_cast<unsigned char>(s[i + 2]);
        if (c1 == 0x80 && (c2 <= 0x8B || c2 == 0xAF)) return 3;
    }
    if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x80)
        return 3;
    return 0;
}
}  // namespace

std::string trim(std::string_view s) {
    size_t b = 0;
    while (b < s.size()) {
        const size_t n = ws_len(s, b);
        if (!n) break;
        b += n;
    }
    size_t e = s.size();
    while (e > b) {
        // Step back over one (possibly multi-byte) white-space character.
        size_t k = e - 1;
        while (k > b && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
        const size_t n = ws_len(s, k);
        if (!n || k + n != e) break;
        e = k;
    }
    return std::string(s.substr(b, e - b));
}

std::string collapse_ws(std::string_view s) {
    // Most values are already clean: plain ASCII spaces, single, not at the ends.
    bool clean = !s.empty() && s.front() != ' ' && s.back() != ' ';
    for (size_t i = 0; clean && i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c >= 0x80 || (c == ' ' && s[i + 1] == ' ')) clean = false;
    }
    if (clean) return std::string(s);
    std::string out;
    out.reserve(s.size());
    bool pending = false;
    size_t i = 0;
    while (i < s.size()) {
        const size_t n = ws_len(s, i);
        if (n) {
            pending = !out.empty();
            i += n;
            continue;
        }
        if (pending) out += ' ';
        pending = false;
        out += s[i++];
    }
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

namespace {
// Simple lower-casing for Latin-1, Latin Extended-A, Greek and Cyrillic capitals.
uint32_t lower_cp(uint32_t cp) {
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
    if (cp >= 0x100 && cp <= 0x137) return cp | 1u;
    if (cp >= 0x139 && cp <= 0x148 && (cp & 1u)) return cp + 1;
    if (cp >= 0x14A && cp <= 0x177) return cp | 1u;
    if (cp >= 0x179 && cp <= 0x17E && (cp & 1u)) return cp + 1;
    if (cp >= 0x391 && cp <= 0x3A9) return cp + 0x20;
    if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
    if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
    return cp;
}
}  // namespace

std::string match_key(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            const size_t n = ws_len(s, i);
            if (n) {
                space = !out.empty();
                i += n;
                continue;
            }
            const size_t start = i;
            const uint32_t cp = next_cp(s, i);
            // Typographic punctuation (quotes, dashes, bullets, ellipsis) counts as a separator.
            if ((cp >= 0x2010 && cp <= 0x2027) || cp == 0x00B7) {
                space = !out.empty();
                continue;
            }
            if (space) out += ' ';
            space = false;
            const uint32_t lc = lower_cp(cp);
            if (lc == cp)
                out.append(s.substr(start, i - start));
            else
                append_utf8(out, lc);
            continue;
        }
        ++i;
        // ASCII letters and digits, folded to lower case without the locale's help.
        const bool digit = c >= '0' && c <= '9', upper = c >= 'A' && c <= 'Z', lower_c = c >= 'a' && c <= 'z';
        if (digit || upper || lower_c) {
            if (space) out += ' ';
            space = false;
            out += static_cast<char>(upper ? c + ('a' - 'A') : c);
        } else if (c == '\'') {
            // "child's" and "childs" match.
        } else {
            space = !out.empty();
        }
    }
    return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    size_t b = 0;
    for (size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == sep) {
            out.emplace_back(s.substr(b, i - b));
            b = i + 1;
        }
    }
    return out;
}

namespace {

// Appends the code point at `i` of `s` (advancing `i`) as UTF-8: a bad sequence as U+FFFD.
void copy_cp(std::string& out, std::string_view s, size_t& i) {
    const size_t start = i;
    const uint32_t cp = next_cp(s, i);
    if (cp == 0xFFFD && !(i - start == 3 && s.substr(start, 3) == "\xEF\xBF\xBD"))
        out += "\xEF\xBF\xBD";
    else
        out.append(s.data() + start, i - start);
}

}  // namespace

void json_escape(std::string& out, std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            copy_cp(out, s, i);
            continue;
        }
        ++i;
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            default:
                if (c < 0x20 || c == 0x7F) {
                    out += "\\u00";
                    out += kHex[c >> 4];
                    out += kHex[c & 15];
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
}

std::string json_quote(std::string_view s) {
    std::string out = "\"";
    json_escape(out, s);
    out += '"';
    return out;
}

std::string xml_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            copy_cp(out, s, i);
            continue;
        }
        ++i;
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\r':
                out += "&#13;";
                break;
            case '\n':
            case '\t':
                out += static_cast<char>(c);
                break;
            default:
                // XML 1.0 cannot carry other control characters, even as references.
                if (c < 0x20 || c == 0x7F)
                    out += "\xEF\xBF\xBD";
                else
                    out += static_cast<char>(c);
        }
    }
    return out;
}

std::string terminal_safe(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const size_t start = i;
        const uint32_t cp = c < 0x80 ? (++i, c) : next_cp(s, i);
        if ((cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp < 0xA0)) {
            append_hex_escape(out, static_cast<unsigned char>(cp));
        } else if (cp == 0xFFFD) {
            out += "\xEF\xBF\xBD";
        } else {
            out.append(s.data() + start, i - start);
        }
    }
    return out;
}

std::string extension(std::string_view path) {
    const size_t slash = path.find_last_of('/');
    const size_t dot = path.find_last_of('.');
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
    return lower(path.substr(dot + 1));
}

std::string list_number(int v, char style) {
    if ((style == 'a' || style == 'A') && v > 0) {
        std::string r;
        for (int x = v; x > 0; x = (x - 1) / 26) r.insert(r.begin(), static_cast<char>(style + (x - 1) % 26));
        return r;
    }
    if ((style == 'i' || style == 'I') && v > 0 && v < 4000) {
        static const char* const sym[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
        static const int val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        std::string r;
        for (int i = 0, x = v; i < 13; ++i)
            for (; x >= val[i]; x -= val[i]) r += sym[i];
        if (style == 'I')
            for (char& ch : r) ch = static_cast<char>(ch - 32);
        return r;
    }
    return std::to_string(v);
}

}  // namespace tfa::text
