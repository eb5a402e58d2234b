// A draft council template from a council's own documents (`tfaudit templates suggest`).
//
// For a council tfaudit has no template for, suggest_template() looks at what the extractor
// could not place and guesses what each thing is, by likeness to what the loaded templates
// already know: the phrase the council names itself by (repeated page header text, or a
// "... Council" line), each document title that named no type, each label that matched no
// field, each table header row that was not read as a table, the family reference's pattern
// and the date formats written. Every guess is written with an XML comment saying where it
// came from and how sure it is (0-1); guesses under kSure are written commented out, for a
// person to decide. The draft uses only the documented template format, so it lints clean.
#pragma once

#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/vocab.h"
#include "model/document.h"

namespace tfa::extract {

// Guesses at or above this likeness are written as rules; below it, as comments.
inline constexpr double kSure = 0.5;

// One document and what the extractor found in it with the templates loaded now.
struct SuggestDoc {
    Document doc;
    DocFacts facts;
};

// How alike two labels are, 0-1: the better of word overlap (Jaccard over match_key words, a
// trailing "s" ignored) and one minus the normalised edit distance of the two keys.
double label_likeness(const std::string& a, const std::string& b);

// The draft template (XML text) for `docs`, which should be one council's documents. `name` is
// the template's name; empty: derived from the council found. Never fails: with nothing to
// guess, the draft says so in a comment.
std::string suggest_template(const std::vector<SuggestDoc>& docs, const Vocab& vocab, const std::string& name);

}  // namespace tfa::extract
