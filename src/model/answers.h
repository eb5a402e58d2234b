// Answers written as a list of options with one of them marked by its run formatting.
//
// Forms ask "Consent given? YES / NO" and the worker answers by making one option bold,
// underlining or highlighting it, or striking out the others. marked_answer() turns such a
// block into the tick-box notation the extractor already reads ("☒ Yes ☐ No"), so that one
// parser (extract/choice.h) reads every way of marking an answer.
#pragma once

#include <string>
#include <string_view>

#include "model/document.h"

namespace tfa {

// True when `s` (any case, white space and a trailing "?", ":" or "." ignored) is a word or
// phrase answer options are made of: yes, no, n/a, not known, partly, met, not met, ...
bool is_answer_word(std::string_view s);

// The block's answer in tick-box notation when its text is a list of options with some marked
// by emphasis differently from the others; "" otherwise. A list is 2-4 options separated by
// "/", "|", ",", tabs or line breaks (every option at most 3 words), or by spaces when every
// option is an answer word; a label ending in ":" or "?" may come first and is kept.
//   "**YES** / NO"       → "☒ YES ☐ NO"     (bold, underline, highlight mark an option)
//   "Yes / ~~No~~"       → "☒ Yes ☐ No"     (struck-out options are the ones not chosen)
//   "Consent: Yes / **No**" → "Consent: ☐ Yes ☒ No"
// When the flags disagree, every option any of them marks is marked (the reader of the notation
// then sees several marked). "" for tables, blocks that hold tick boxes already, and lists where
// every option, or none, carries the same formatting.
std::string marked_answer(const Block& b);

// The same for a table cell: one paragraph is read as above; 2-4 paragraphs are read as one
// option each ("Yes" in bold above "No").
std::string marked_answer(const Cell& c);

}  // namespace tfa
