// The one schema of the case record: every record key declared once, with its JSON type, a
// one-line meaning and the words a message uses for it; every field a template may name, with
// the record key it fills; and the states a field can be in.
//
// The JSON writer and reader (record_json.h), the template loader's field names, the rules'
// "field present" check and docs/case-record.md's key table all come from these tables (a test
// fails when the doc disagrees).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tfa {

// The JSON shape of a record key.
enum class KeyType { Text, Date, Bool, TextList, DateList, Objects, Object, Count };

struct RecordKey {
    const char* key;
    KeyType type;
    const char* meaning;  // one line, for docs/case-record.md
    const char* noun;     // how a message names it: "the lead professional"; "" for bookkeeping keys
};

// Every record key, in the order the JSON writer writes them.
const std::vector<RecordKey>& record_keys();

// The key table of docs/case-record.md, generated from record_keys() (a test keeps the doc so).
std::string record_keys_markdown();

// The key called `key`, or null.
const RecordKey* record_key(std::string_view key);

// A field a template's <label field="..."> may name: what it reads and the record key it fills
// (empty when it only steers the extractor, e.g. a review's number feeds `reviews`).
struct TemplateField {
    const char* name;
    const char* fills;
    const char* meaning;
};

const std::vector<TemplateField>& template_fields();

// What tfaudit knows about one record field.
//   Found: a value was read, and its source says where. Blank: the label is there but the
//   value is empty, a placeholder or a non-answer ("TBC", "to be allocated", "☐ Yes ☐ No").
//   No: answered in the negative (consent refused, outcome not achieved). NotFound: no
//   document of the bundle has a label or layout that gives it. Unreadable: the document it
//   would come from could not be read, or its value could not be (an impossible date, two
//   options marked).
enum class FieldState { Found, Blank, No, NotFound, Unreadable };

const char* to_string(FieldState s);
std::optional<FieldState> parse_field_state(std::string_view s);

// True for the states that mean tfaudit does not know (NotFound, Unreadable): a rule that
// fails only on such a field cannot say the paperwork lacks it.
inline bool unknown(FieldState s) { return s == FieldState::NotFound || s == FieldState::Unreadable; }

}  // namespace tfa
