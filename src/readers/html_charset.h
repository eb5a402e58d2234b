// Character-set detection for HTML: what encoding a page's bytes are in, and the page as UTF-8.
//
// Order (a simplified WHATWG "encoding sniffing"): a byte-order mark; else a UTF-16 pattern
// ("<\0" or "\0<") at the start; else a <meta charset=...> or <meta http-equiv="Content-Type"
// content="...; charset=..."> in the first 4 KB; else UTF-8 when the bytes are valid UTF-8,
// Windows-1252 otherwise. As browsers do, the labels iso-8859-1, latin1 and us-ascii mean
// Windows-1252, and a meta that claims UTF-16 in an ASCII-compatible page means UTF-8.
// Everything is converted to UTF-8 here (Windows-1252 and UTF-16 by hand, other charsets
// through iconv with bad bytes replaced by U+FFFD), so libxml2 only ever parses valid UTF-8 and
// never stops half-way at a byte its converter rejects.
#pragma once

#include <string>
#include <string_view>

namespace tfa::html {

class Decoded {
public:
    // The page as UTF-8: a view of the input when no conversion was needed.
    std::string_view text() const { return owned_ ? std::string_view(storage_) : view_; }
    std::string encoding;  // what the bytes were read as: "UTF-8", "windows-1252", "UTF-16LE", ...
    std::string warning;   // one line when the charset was guessed or bytes were repaired
    bool binary = false;   // NUL bytes in a page that is not UTF-16: not a text document

    void set_view(std::string_view v) {
        view_ = v;
        owned_ = false;
    }
    void set_owned(std::string s) {
        storage_ = std::move(s);
        owned_ = true;
    }

private:
    std::string_view view_;
    std::string storage_;
    bool owned_ = false;
};

// Decides the encoding of `bytes` and converts them to UTF-8 into `out`. `out` may view
// `bytes`, which must outlive it.
void decode(std::string_view bytes, Decoded& out);

// The charset label declared by a <meta> element in `head` (the first bytes of the page),
// lower case and trimmed, or "" when none is declared.
std::string declared_charset(std::string_view head);

// The encoding a declared label stands for: "UTF-8", "windows-1252", another label to hand to
// iconv as it is, or "" when the label is unknown.
std::string canonical_charset(std::string_view label);

}  // namespace tfa::html
