// The compiled templates: lookups from normalised text to fields, sections, table columns,
// document types, criteria and values, for the templates that apply to one document.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "extract/templates.h"
#include "model/document.h"

namespace tfa::extract {

// Which templates apply to a document: one flag per template, in Vocab::templates() order.
using Active = std::vector<bool>;

class Vocab {
public:
    // Compiles `templates` for a rule pack's criteria (id, name) in pack order. The criteria
    // vocabulary set whose ids best cover the pack's is used; pack names are added as names.
    Vocab(std::vector<Template> templates, std::vector<std::pair<std::string, std::string>> pack_criteria);

    const std::vector<Template>& templates() const { return templates_; }
    const std::vector<std::string>& criteria_order() const { return criteria_order_; }

    // The templates that apply to `doc`: those without <match>, and those whose phrase occurs
    // in the document's title, headers, footers, notes or first twelve body blocks (tables
    // included), or whose format is the document's.
    Active active(const Document& doc) const;

    // The label rule for `text` in section `context`, or null. Rules for the section win over
    // rules for anywhere; a council template wins over the shared vocabulary.
    const LabelRule* field(const std::string& key, Section context, const Active& a) const;
    // The <statement> rule whose words occur in the long label `key` (the longest such), or null.
    const LabelRule* statement(const std::string& key, Section context, const Active& a) const;
    const SectionRule* section(const std::string& key, const Active& a) const;
    // The column of a `table` kind whose label is `key`, or null.
    const ColumnRule* column(const std::string& table, const std::string& key, const Active& a) const;
    // Every (table, column) rule for a header label.
    std::vector<const ColumnRule*> columns(const std::string& key, const Active& a) const;
    // Document types named by a title (longest title match), empty when none. With `file_name`
    // the key is a file's name, and <file-name> words count too.
    std::vector<DocType> types_of_title(const std::string& key, const Active& a, const TitleRule** rule,
                                        bool file_name = false) const;
    // The criterion id `text` names (by name, theme, code, a name inside it, or - with `cues` -
    // a cue word), or "".
    std::string criterion(const std::string& text, bool cues = true) const;
    // The criterion `text` names by its name, theme or code as the whole text, its leading part
    // ("TF1 Crime", "Health: ...") or first word; never a name or cue word inside free text.
    std::string named_criterion(const std::string& text) const;
    // The normalised value of `text` for a value kind ("achieved", "answer", "measure"), or "".
    std::string value(const std::string& what, const std::string& text) const;
    // Every value of kind `what` whose word occurs in `text` (e.g. consent scopes), in vocabulary order.
    std::vector<std::string> values_in(const std::string& what, const std::string& text) const;
    // Patterns of a name from the active templates, council templates first.
    std::vector<const Pattern*> patterns(const std::string& name, const Active& a) const;
    // True when `key` is a placeholder phrase of an active template.
    bool is_placeholder_key(const std::string& key) const;
    // The length of the longest placeholder phrase: longer text cannot be one.
    size_t longest_placeholder() const { return longest_placeholder_; }
    // The council named by an active template's council attribute, or "".
    std::string council(const Active& a) const;
    // How the active templates say dates are written (their <date-format>s, council templates
    // first; for each separator the first order given wins); the default style when none says.
    dates::Style date_style(const Active& a) const;
    // Which way measure `measure` improves: "higher", "lower", or "" when no template says
    // (the first template that says wins, council templates first).
    std::string better(const std::string& measure) const;
    // True when `text` (a goal, need or outcome, or the words before its ':', '(', '-' or ',') is
    // a goal name a template lists as carrying no criterion (<no-criterion>).
    bool carries_no_criterion(const std::string& text) const;

private:
    template <class R>
    using Index = std::unordered_map<std::string, std::vector<std::pair<size_t, const R*>>>;

    std::vector<Template> templates_;
    std::vector<std::string> criteria_order_;
    Index<LabelRule> labels_;
    std::vector<std::pair<size_t, const LabelRule*>> statements_;
    Index<SectionRule> sections_;
    Index<ColumnRule> columns_;
    std::vector<std::pair<size_t, const TitleRule*>> titles_;
    std::unordered_map<std::string, std::string> criterion_exact_;     // key → id
    std::vector<std::pair<std::string, std::string>> criterion_cues_;  // (key, id), longest first
    std::unordered_map<std::string, std::string> values_;              // what + '\x1f' + key → value
    std::vector<const ValueTerm*> value_terms_;
    std::vector<std::string> placeholders_;
    size_t longest_placeholder_ = 0;
    std::unordered_map<std::string, std::string> better_;  // measure → "higher" / "lower"
    std::vector<std::string> no_criterion_;                // goal name keys
};

// True when `word_key` occurs in `text_key` as whole words (both already match_key'd).
bool contains_words(const std::string& text_key, const std::string& word_key);

}  // namespace tfa::extract
