// Document + templates → facts; a bundle's facts → one CaseRecord.
//
// extract_document() walks one document's blocks once, keeping track of the section it is in,
// and collects every labelled value, recognised table, numbered outcome and listed criterion,
// each with the location it came from. build_record() merges the facts of a bundle's
// documents, ordered by date, into the record the rules judge. Neither throws.
#pragma once

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/dates.h"
#include "extract/vocab.h"
#include "model/document.h"
#include "model/record.h"

namespace tfa::extract {

// A labelled value found in a document.
struct Hit {
    std::string field;
    std::string label;  // the label as written in the document
    std::string value;  // the value text, placeholders removed; tick boxes as ☒/☐
    Source src;         // where the value is
    const LabelRule* rule = nullptr;
    const Pattern* pattern = nullptr;  // a hit found by a <pattern name="reference">, not a label
    std::string section;               // the heading of the section it sits under ("Into work"), or ""
};

// A table (or a run of "Label: value" paragraphs) read as rows of named columns.
struct Row {
    std::map<std::string, std::string> cells;  // column → text (tick boxes as ☒/☐)
    std::vector<Action> actions;               // plan rows from numbered "Action N.M" paragraphs
    std::string group;                         // text after "Outcome N:" when the row sits under one
    Source src;
};

struct Table {
    std::string kind;                  // members, criteria, plan, review, closure, evidence, professionals
    std::vector<std::string> columns;  // the columns recognised, in header order
    std::vector<Row> rows;
    Source src;

    bool has(std::string_view column) const {
        return std::find(columns.begin(), columns.end(), column) != columns.end();
    }
};

// A criterion named in a list or paragraph under a criteria heading.
struct ListedCriterion {
    std::string criterion;
    bool identified = true;
    std::string evidence, members;
    Source src;
};

struct DocFacts {
    std::string path, format;
    std::string error;                  // non-empty: the document could not be read
    std::vector<DocType> types;         // what the document is (a combined one is two)
    std::string type_source;            // the title, heading or file name the types came from
    std::string type_from;              // how: "title", "file name" or "content"; "" when unknown
    std::vector<ReadWarning> warnings;  // what the reader noted and read past
    std::string council;
    std::vector<Hit> hits;
    std::vector<Table> tables;
    std::vector<ListedCriterion> listed;
    std::string consent_text;          // all text in the consent section
    std::optional<bool> consent_tick;  // the state of a tick box that opens a consent paragraph
    Source consent_src;
    std::vector<std::pair<std::string, Source>> unmatched;  // label-like text that matched nothing
    std::vector<std::string> templates;                     // names of the templates that applied
    dates::Style date_style;  // how its council writes dates (the templates' <date-format>s)
    std::string name_ref;     // the reference a template's reference pattern finds in its file name
    const Pattern* name_ref_pattern = nullptr;
    bool bundle_templates = false;  // its council templates came from the bundle's other documents

    bool is(DocType type) const;
    // "assessment+plan", or "unknown"
    std::string type_words(const char* sep = "+") const;
    const Hit* hit(const std::string& field) const;  // the first hit with a value for `field`
    std::string date() const;                        // the document's own date (ISO) for ordering, or ""
    dates::Parsed parse_date(std::string_view s) const { return dates::parse(s, date_style); }
};

// With `bundle_templates` (template names), those templates apply to `doc` as well: the
// council templates of its bundle, for a document that names no council (see bundle_council).
DocFacts extract_document(const Document& doc, const Vocab& vocab,
                          const std::vector<std::string>& bundle_templates = {});

// True when `f` was read and neither matched a council template nor names a council (a CSV):
// the council templates its bundle's other documents matched may apply to it.
bool names_no_council(const DocFacts& f, const Vocab& vocab);

// The council templates a bundle's documents matched (templates with <match>), by name, when
// they are all one council's; empty when none matched, or two councils' did (nothing is then
// applied to the documents that name no council: which council they belong to is not known).
std::vector<std::string> bundle_council(const std::vector<DocFacts>& docs, const Vocab& vocab);

// Facts for a document that could not be read.
DocFacts unreadable_document(const std::string& path, const std::string& error);

// The family reference a file's name carries: its one word of letters and digits (with '-' or
// '/'), at least four characters, three or more digits making 40 % of it, and not a date
// ("MC-2291 Plan.docx" gives "MC-2291", "hard data 2318.csv" gives "2318"); "" when there is
// none or more than one. Used for a bundle's reference and for grouping flat folders.
std::string reference_in_name(const std::string& path);

// The yes/no a value answers: "Yes", "☒ Yes ☐ No", "Yes ☐ No ☒" (no), "[X] Yes [ ] No", a single
// "☒ I agree" box (yes); nullopt when unanswered, marked twice or neither way.
std::optional<bool> read_yes_no(const Vocab& v, const std::string& value);

// The answer word `s` opens with ("Yes – signed by mother" → "yes", "N/A" → its vocabulary
// value) and the bytes it takes (letters and slashes); {"", 0} when its first word is none. The
// one reading of a leading answer, for fields and for criteria lines.
std::pair<std::string, size_t> opening_answer(const Vocab& v, std::string_view s);

// Merges a bundle's documents (any order) into its record.
CaseRecord build_record(const std::string& case_name, std::vector<DocFacts> docs, const Vocab& vocab);

// A human-readable account of what matched in each document, and what did not (--explain).
std::string explain(const DocFacts& facts);

// The state of every field of a case's record, where each came from, the readers' warnings
// and the documents of no recognised type (--explain, after the documents).
std::string explain_case(const CaseRecord& r);

}  // namespace tfa::extract
