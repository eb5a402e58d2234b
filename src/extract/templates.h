// Templates: data files that map each council's layouts and label wordings to the fields of
// a case record. templates/README.md documents the format; this is its loader and linter.
//
// A template file is XML (read through libxml2 so that every error carries its line). Every
// file in the templates folder is loaded; a template without <match> applies to every
// document (the shared vocabulary), one with <match> only to documents that contain one of
// its phrases or have one of its formats.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "core/result.h"
#include "extract/dates.h"

namespace Poco {
class RegularExpression;
}

namespace tfa::extract {

// Where a rule came from, for --explain and for errors.
struct Origin {
    std::string tmpl;  // template name
    std::string file;
    int line = 0;
    std::string str() const;  // "fernshire (templates/fernshire.xml:12)"
};

// The sections of a form that change what its labels mean ("Date" under "Consent" is the consent
// date). None: anywhere, or no section open.
enum class Section {
    None,
    Consent,
    Manager,
    Criteria,
    VoiceOfChild,
    Household,
    Plan,
    Review,
    Closure,
    Evidence,
    Analysis,
    Professionals,
    Lead,
    Employment,  // a closure's "Into work" section: the adult, the benefit left, the work begun
    Other
};

const char* to_string(Section s);  // "consent", "voice_of_child", ...; "" for None
std::optional<Section> parse_section(std::string_view word);

struct LabelRule {
    std::string field;                // one of field_names()
    Section context = Section::None;  // the section it applies in; None: anywhere
    std::string label;                // as written in the template
    std::string key;                  // text::match_key(label)
    Origin origin;
    // A <statement>: matches a long label ("I consent to my information being shared with
    // government departments for the national evaluation:") that contains these words, where
    // a <label> must match the whole label.
    bool statement = false;
};

struct SectionRule {
    Section section = Section::None;
    std::string label, key;
    Origin origin;
};

struct ColumnRule {
    std::string table;   // one of table_kinds()
    std::string column;  // one of columns_of(table)
    std::string label, key;
    Origin origin;
};

// The kinds of document a bundle holds. Code compares these; the words ("assessment", ...) are
// for templates, the record's `documents` and messages.
enum class DocType { Assessment, Plan, Review, Closure, Evidence };

const char* to_string(DocType t);
std::optional<DocType> parse_doc_type(std::string_view word);

struct TitleRule {
    std::vector<DocType> types;
    std::string title, key;
    Origin origin;
    bool file_name_only = false;  // a <file-name>: words that name the type in a file's name only
};

// A term that resolves to a criterion id: its name, theme, code or a cue word.
struct CriterionTerm {
    std::string criterion, kind;  // kind: name, theme, code, cue
    std::string set;              // vocabulary set ("tf", "sf"); matches the rule pack's criteria
    std::string term, key;
    Origin origin;
};

// Words that map to a normalised value: consent scope ids, measures, benefits, achieved values.
struct ValueTerm {
    std::string what;   // "scope", "measure", "benefit", "achieved", "answer", "rating"
    std::string value;  // "central_government", "attendance_pct", "UC", "yes", ...
    std::string term, key;
    Origin origin;
    std::string better;  // a measure's direction: "higher" or "lower" is better; "" when not said
};

// A <date-format>: how the council's documents write dates ("dd.mm.yy"), and the pivot for
// two-digit years when the element sets one (-1: not set).
struct DateFormat {
    std::string text;
    dates::Format format;
    int pivot = -1;
    Origin origin;
};

// A goal or outcome name that carries no criterion (<no-criterion><goal>Family life</goal>).
struct GoalName {
    std::string name, key;
    Origin origin;
};

struct Pattern {
    std::string name;  // outcome, action, who, by_when, council, criterion_code
    std::string source;
    std::shared_ptr<Poco::RegularExpression> re;
    Origin origin;
};

struct Template {
    std::string name, file, council, description;
    std::vector<std::string> match_phrases;  // match keys; empty with no formats: always applies
    std::vector<std::string> match_formats;
    std::vector<std::string> placeholders;  // match keys
    std::vector<LabelRule> labels;
    std::vector<SectionRule> sections;
    std::vector<ColumnRule> columns;
    std::vector<TitleRule> titles;
    std::vector<CriterionTerm> criteria;
    std::vector<ValueTerm> values;
    std::vector<Pattern> patterns;
    std::vector<DateFormat> date_formats;
    std::vector<GoalName> no_criterion;

    bool always() const { return match_phrases.empty() && match_formats.empty(); }
};

// The closed sets a template may name.
const std::vector<std::string>& field_names();
const std::vector<std::string>& section_names();
const std::vector<std::string>& table_kinds();
const std::vector<std::string>& columns_of(const std::string& table);
const std::vector<std::string>& document_types();
const std::vector<std::string>& pattern_names();

// Loads and validates one template file. Errors carry the file and line.
Result<Template> load_template(const std::string& path);

// Loads every *.xml directly in `dir`, sorted by file name. The first error stops the load.
Result<std::vector<Template>> load_templates(const std::string& dir);

// Checks template files without any documents; returns every error found (empty: all good).
std::vector<Error> lint_templates(const std::vector<std::string>& paths);

}  // namespace tfa::extract
