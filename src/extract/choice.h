// Reads an answer given by marking one of several options.
//
// parse_choice() reads tick boxes in text: glyphs (☒ ☐, and ✓ ✔ ✗ ☑ as marked), "[X]"/"[ ]"
// and "(x)"/"( )", each box before or after its option ("☒ Yes ☐ No", "Yes ☐ No ☒"), and so
// also what model/answers.h makes of emphasis ("**YES** / NO" → "☒ YES ☐ NO").
// parse_column_choice() reads a table row whose columns are the options ("Yes | No") with a
// mark under one of them. Both are pure functions of their arguments.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tfa::extract {

struct Choice {
    enum class State {
        NotAChoice,  // no tick boxes, or no columns named as options
        None,        // options offered and none marked: the answer is blank
        One,         // exactly one marked: `chosen`
        Several,     // more than one marked: unreadable as one answer, `reason` says why
    };
    State state = State::NotAChoice;
    std::string chosen;                // State::One: the marked option's text ("" for a bare box)
    std::vector<std::string> options;  // every option in order, text as written
    std::vector<std::string> marked;   // the marked options, in order
    std::string reason;                // State::Several: "two options are marked: Yes and No"
};

// The choice written in `text`. Which side of a box its option is on: when the text starts
// with a box every box labels the text after it; when it ends with one, the text before it;
// otherwise a box between two texts takes the one that is an answer word (yes, no, n/a, ...)
// when only one is, else the one with no other box beyond it. Text before the first option
// that ends in ":" or "?" is a label, not an option.
Choice parse_choice(std::string_view text);

// The choice in a table row where `headers` name the columns and `cells` are one row's text
// (same order). At least two headers must be answer words ("Yes", "No", "N/A", "Not known");
// a cell under one of them holding X, ✓, ✔, ✗, ☒, ☑, * or "Yes" marks that option.
Choice parse_column_choice(const std::vector<std::string>& headers, const std::vector<std::string>& cells);

// The choice written back as tick boxes before their options ("☒ Yes ☐ No"), so that a choice
// read from columns can take the same path as one read from text; "" for NotAChoice.
std::string tick_notation(const Choice& c);

}  // namespace tfa::extract
