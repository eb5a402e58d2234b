// Small UTF-8 and string helpers shared by every stage. All functions are pure and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tfa::text {

// Appends the UTF-8 encoding of code point `cp` (invalid code points become U+FFFD).
void append_utf8(std::string& out, uint32_t cp);

// True if `s` is well-formed UTF-8.
bool is_valid_utf8(std::string_view s);

// Decodes Windows-1252 bytes to UTF-8.
std::string cp1252_to_utf8(std::string_view s);

// Decodes ISO-8859-1 bytes to UTF-8.
std::string latin1_to_utf8(std::string_view s);

// Replaces invalid UTF-8 sequences with U+FFFD.
std::string sanitize_utf8(std::string_view s);

// `s` with each byte that is not part of valid UTF-8 written as \xNN ("plan-\xe9.docx"): how a
// name that is not UTF-8 is told to a person, who can then find the real file.
std::string show_invalid_bytes(std::string_view s);

// Decodes the code point at `i` and advances `i`; returns U+FFFD on a bad sequence.
uint32_t next_cp(std::string_view s, size_t& i);

// Strips ASCII and Unicode white space (incl. NBSP) at both ends.
std::string trim(std::string_view s);

// Collapses runs of white space (spaces, tabs, NBSP, newlines) to one space and trims.
std::string collapse_ws(std::string_view s);

// ASCII lower case; other bytes unchanged.
std::string lower(std::string_view s);

// Key for tolerant label matching: lower case, punctuation and trailing colons dropped,
// white space collapsed. "Date of Birth:" and "date of  birth" give the same key.
std::string match_key(std::string_view s);

bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
bool iequals(std::string_view a, std::string_view b);

std::vector<std::string> split(std::string_view s, char sep);

// The one place text from documents and the file system is made safe for an output format.
// Each replaces invalid UTF-8 with U+FFFD, so the output is always valid UTF-8.

// Escapes `s` for a JSON string literal (without quotes). Control characters (and DEL) as \uXXXX.
void json_escape(std::string& out, std::string_view s);
std::string json_quote(std::string_view s);

// `s` in double quotes for a person to read (`extract --explain`): "…", with quotes, backslashes
// and control characters escaped as JSON escapes them, so a quote's ends are never in doubt.
inline std::string quoted(std::string_view s) { return json_quote(s); }

// Escapes &, <, >, " and CR for XML text and attributes; control characters XML 1.0 cannot
// carry (all below U+0020 but tab and newline) become U+FFFD.
std::string xml_escape(std::string_view s);

// `s` for a terminal: control characters (C0 but tab, DEL, C1: ESC sequences, carriage
// returns, newlines) shown as \xNN, so a name cannot move the cursor or recolour the screen.
std::string terminal_safe(std::string_view s);

// Lower-case file extension without the dot ("docx"); empty when none.
std::string extension(std::string_view path);

// The number `v` of a list item in `style`: '1' decimal, 'a'/'A' letters (26 is "z", 27 "aa",
// as Word and LibreOffice count), 'i'/'I' roman numerals (1-3999, decimal beyond). The one
// list-numbering routine of the docx and odt readers.
std::string list_number(int v, char style);

}  // namespace tfa::text
