#include "readers/html_charset.h"

#include <iconv.h>

#include <cerrno>
#include <cstdint>

#include "core/text.h"

namespace tfa::html {

namespace {

constexpr size_t kSniffBytes = 4096;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// True when `s` at `i` starts with `lit` (lower-case ASCII), ignoring case.
bool at_ci(std::string_view s, size_t i, std::string_view lit) {
    if (i + lit.size() > s.size()) return false;
    for (size_t k = 0; k < lit.size(); ++k)
        if (ascii_lower(s[i + k]) != lit[k]) return false;
    return true;
}

// One attribute of a tag: parses from `i`, returns false at the end of the tag ('>' or input).
bool next_attr(std::string_view s, size_t& i, std::string_view& name, std::string_view& value) {
    while (i < s.size() && (is_space(s[i]) || s[i] == '/')) ++i;
    if (i >= s.size() || s[i] == '>') return false;
    const size_t n0 = i;
    while (i < s.size() && !is_space(s[i]) && s[i] != '=' && s[i] != '>' && !(s[i] == '/' && i > n0)) ++i;
    name = s.substr(n0, i - n0);
    value = {};
    while (i < s.size() && is_space(s[i])) ++i;
    if (i >= s.size() || s[i] != '=') return true;
    ++i;
    while (i < s.size() && is_space(s[i])) ++i;
    if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
        const char q = s[i++];
        const size_t v0 = i;
        while (i < s.size() && s[i] != q) ++i;
        value = s.substr(v0, i - v0);
        if (i < s.size()) ++i;
    } else {
        const size_t v0 = i;
        while (i < s.size() && !is_space(s[i]) && s[i] != '>') ++i;
        value = s.substr(v0, i - v0);
    }
    return true;
}

bool name_is(std::string_view name, std::string_view lit) { return name.size() == lit.size() && at_ci(name, 0, lit); }

// The charset=... inside a Content-Type value ("text/html; charset=windows-1252").
std::string_view charset_in_content(std::string_view c) {
    for (size_t i = 0; i + 7 <= c.size(); ++i) {
        if (!at_ci(c, i, "charset")) continue;
        size_t j = i + 7;
        while (j < c.size() && is_space(c[j])) ++j;
        if (j >= c.size() || c[j] != '=') continue;
        ++j;
        while (j < c.size() && is_space(c[j])) ++j;
        if (j < c.size() && (c[j] == '"' || c[j] == '\'')) {
            const char q = c[j++];
            const size_t e = c.find(q, j);
            return e == std::string_view::npos ? std::string_view() : c.substr(j, e - j);
        }
        size_t e = j;
        while (e < c.size() && !is_space(c[e]) && c[e] != ';') ++e;
        return c.substr(j, e - j);
    }
    return {};
}

void append_utf16(std::string& out, std::string_view b, bool le) {
    out.reserve(b.size() / 2 + b.size() / 8);
    auto unit = [&](size_t i) {
        const auto x = static_cast<unsigned char>(b[i]);
        const auto y = static_cast<unsigned char>(b[i + 1]);
        return static_cast<uint32_t>(le ? (y << 8 | x) : (x << 8 | y));
    };
    for (size_t i = 0; i + 1 < b.size(); i += 2) {
        uint32_t cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < b.size()) {
            const uint32_t lo = unit(i + 2);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            }
        }
        if (cp == 0) continue;       // a NUL would end libxml2's text; it carries nothing
        text::append_utf8(out, cp);  // lone surrogates become U+FFFD
    }
}

// Converts `in` from `charset` to UTF-8 with iconv, replacing undecodable bytes by U+FFFD.
// Returns false when iconv does not know the charset.
bool iconv_to_utf8(std::string_view in, const std::string& charset, std::string& out, bool& repaired) {
    iconv_t cd = iconv_open("UTF-8", charset.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) return false;
    out.clear();
    out.reserve(in.size() + in.size() / 2);
    char buf[16384];
    char* src = const_cast<char*>(in.data());
    size_t left = in.size();
    while (left > 0) {
        char* dst = buf;
        size_t room = sizeof buf;
        const size_t r = iconv(cd, &src, &left, &dst, &room);
        out.append(buf, static_cast<size_t>(dst - buf));
        if (r != static_cast<size_t>(-1)) continue;
        if (errno == E2BIG) continue;
        repaired = true;
        text::append_utf8(out, 0xFFFD);
        if (errno == EINVAL) break;  // truncated sequence at the end
        ++src;                       // EILSEQ: skip the bad byte
        --left;
        iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
    iconv_close(cd);
    return true;
}

bool iconv_knows(const std::string& charset) {
    iconv_t cd = iconv_open("UTF-8", charset.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) return false;
    iconv_close(cd);
    return true;
}

}  // namespace

std::string declared_charset(std::string_view head) {
    const std::string_view s = head.substr(0, kSniffBytes);
    size_t i = 0;
    while (i < s.size()) {
        if (s[i] != '<') {
            ++i;
            continue;
        }
        if (s.compare(i, 4, "<!--") == 0) {
            const size_t e = s.find("-->", i + 4);
            if (e == std::string_view::npos) break;
            i = e + 3;
            continue;
        }
        if (at_ci(s, i, "<meta") && i + 5 < s.size() && (is_space(s[i + 5]) || s[i + 5] == '/')) {
            i += 5;
            std::string_view name, value, charset, content;
            bool http_equiv = false;
            while (next_attr(s, i, name, value)) {
                if (name_is(name, "charset") && charset.empty())
                    charset = value;
                else if (name_is(name, "content") && content.empty())
                    content = value;
                else if (name_is(name, "http-equiv"))
                    http_equiv = name_is(text::trim(value), "content-type");
            }
            if (charset.empty() && http_equiv) charset = charset_in_content(content);
            const std::string label = text::lower(text::trim(charset));
            if (!label.empty()) return label;
            continue;
        }
        // Any other tag: skip its attributes so a '>' inside quotes does not end it early.
        ++i;
        if (i < s.size() &&
            (s[i] == '!' || s[i] == '?' || s[i] == '/' || (ascii_lower(s[i]) >= 'a' && ascii_lower(s[i]) <= 'z'))) {
            std::string_view name, value;
            while (next_attr(s, i, name, value)) {
            }
        }
    }
    return {};
}

std::string canonical_charset(std::string_view label) {
    static const char* const kUtf8[] = {"utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8",
                                        "x-unicode20utf8",
                                        // A page that could be read this far is not UTF-16.
                                        "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2", "csunicode",
                                        "iso-10646-ucs-2", "unicodefffe", "unicodefeff"};
    static const char* const k1252[] = {"windows-1252", "cp1252",        "x-cp1252",        "iso-8859-1", "iso8859-1",
                                        "iso88591",     "iso_8859-1",    "iso_8859-1:1987", "iso-ir-100", "latin1",
                                        "l1",           "csisolatin1",   "ibm819",          "cp819",      "us-ascii",
                                        "ascii",        "ansi_x3.4-1968"};
    const std::string l = text::lower(text::trim(label));
    for (const char* u : kUtf8)
        if (l == u) return "UTF-8";
    for (const char* w : k1252)
        if (l == w) return "windows-1252";
    if (l.empty() || l.size() > 40 || !iconv_knows(l)) return {};
    return l;
}

void decode(std::string_view bytes, Decoded& out) {
    out = Decoded();
    // Byte-order marks win over everything else.
    if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        out.encoding = "UTF-8";
        bytes.remove_prefix(3);
        if (bytes.find('\0') != std::string_view::npos) {
            out.binary = true;
            return;
        }
        if (text::is_valid_utf8(bytes)) {
            out.set_view(bytes);
        } else {
            out.set_owned(text::sanitize_utf8(bytes));
            out.warning = "invalid UTF-8 replaced by U+FFFD";
        }
        return;
    }
    const bool bom_le = bytes.size() >= 2 && bytes.compare(0, 2, "\xFF\xFE") == 0;
    const bool bom_be = bytes.size() >= 2 && bytes.compare(0, 2, "\xFE\xFF") == 0;
    // No mark, but "<" (or white space) with a zero byte beside it: UTF-16 all the same.
    const bool bare_le = !bom_le && !bom_be && bytes.size() >= 4 && bytes[1] == '\0' && bytes[3] == '\0' &&
                         bytes[0] != '\0' && static_cast<unsigned char>(bytes[0]) < 0x80;
    const bool bare_be = !bom_le && !bom_be && bytes.size() >= 4 && bytes[0] == '\0' && bytes[2] == '\0' &&
                         bytes[1] != '\0' && static_cast<unsigned char>(bytes[1]) < 0x80;
    if (bom_le || bom_be || bare_le || bare_be) {
        const bool le = bom_le || bare_le;
        out.encoding = le ? "UTF-16LE" : "UTF-16BE";
        std::string s;
        append_utf16(s, bytes.substr(bom_le || bom_be ? 2 : 0), le);
        out.set_owned(std::move(s));
        return;
    }
    if (bytes.find('\0') != std::string_view::npos) {
        out.binary = true;
        return;
    }
    const std::string label = declared_charset(bytes);
    std::string charset = label.empty() ? std::string() : canonical_charset(label);
    if (!label.empty() && charset.empty()) out.warning = "unknown charset \"" + label.substr(0, 40) + "\": ";
    if (charset.empty()) {
        // Nothing usable declared: UTF-8 if the bytes allow it, else the Windows code page.
        if (text::is_valid_utf8(bytes)) {
            out.encoding = "UTF-8";
            out.set_view(bytes);
            if (!out.warning.empty()) out.warning += "read as UTF-8";
            return;
        }
        out.encoding = "windows-1252";
        out.set_owned(text::cp1252_to_utf8(bytes));
        out.warning += label.empty() ? "no charset declared and not UTF-8: read as Windows-1252"
                                     : "not UTF-8: read as Windows-1252";
        return;
    }
    out.encoding = charset;
    if (charset == "UTF-8") {
        if (text::is_valid_utf8(bytes)) {
            out.set_view(bytes);
        } else {
            out.set_owned(text::sanitize_utf8(bytes));
            out.warning = "invalid UTF-8 replaced by U+FFFD";
        }
    } else if (charset == "windows-1252") {
        out.set_owned(text::cp1252_to_utf8(bytes));
    } else {
        std::string s;
        bool repaired = false;
        if (!iconv_to_utf8(bytes, charset, s, repaired)) {  // cannot happen: checked above
            out.encoding = "windows-1252";
            s = text::cp1252_to_utf8(bytes);
        }
        if (repaired) out.warning = "bytes invalid in " + charset + " replaced by U+FFFD";
        out.set_owned(std::move(s));
    }
}

}  // namespace tfa::html
