// The closed set of check kinds. A rule in a pack names one kind and gives its parameters;
// adding a rule of a known kind is a data change, adding a kind is a code change here.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/record.h"
#include "rules/check.h"
#include "rules/pack.h"

namespace tfa::rules {

// Choice: one of the '|'-separated words in the spec's help.
enum class ParamType { Int, Number, Text, Choice, List, WeeksMap };

struct ParamSpec {
    const char* name;
    ParamType type;
    const char* help;
};

// What one check sees.
struct CheckInput {
    const RulePack& pack;
    const Rule& rule;
    const CaseRecord& record;
    long as_of;              // day number; evidence dated after it does not count
    const BatchRefs* batch;  // null: judged alone
};

// What one check says: its status, the values for the message template, and the evidence.
// A NotApplicable or NeedsReview outcome puts its reason in vars["reason"].
struct CheckOutcome {
    Status status = Status::Pass;  // Pass, Fail, NotApplicable or NeedsReview (Fail becomes Warn for warnings)
    std::map<std::string, std::string> vars;
    std::vector<EvidenceRef> evidence;
};

using CheckFn = CheckOutcome (*)(const CheckInput&);

struct Kind {
    const char* name;
    // The document the check reads: assessment, plan, closure, any, or "document" (the one its
    // `document` parameter names). When the record has no readable document of that type and
    // some document was unreadable, the rule is not_applicable ("cannot judge").
    const char* reads;
    std::vector<ParamSpec> params;  // every one required (from the rule or the pack's parameters)
    CheckFn fn;
    const char* help;
    // The values it provides to message templates, space-separated (with id, title, severity
    // for every kind); a template naming another is a lint error.
    const char* vars;
};

// Every kind, in a fixed order.
const std::vector<Kind>& kinds();

// The kind called `name`, or null.
const Kind* find_kind(std::string_view name);

// Typed parameter access for checks; the loader validated every value against the kind.
long param_int(const CheckInput& in, const char* name);
double param_num(const CheckInput& in, const char* name);
std::string param_text(const CheckInput& in, const char* name);
std::vector<std::string> param_list(const CheckInput& in, const char* name);
// A WeeksMap entry "JSA:26" (26 weeks in work) or "UC:26/30" (26 weeks within the last 30).
struct WeeksNeeded {
    long weeks = 0, window = 0;  // window 0: continuous from the start of work
};
std::map<std::string, WeeksNeeded> param_weeks(const CheckInput& in, const char* name);

// Checks `value` against `type`; returns an error message or empty.
std::string validate_param(const ParamSpec& spec, const std::string& value);

// Kind tables by family (each in its own source file), joined by kinds().
std::vector<Kind> claim_kinds();
std::vector<Kind> quality_kinds();

}  // namespace tfa::rules
