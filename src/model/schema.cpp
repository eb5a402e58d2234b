#include "model/schema.h"

#include <array>
#include <utility>

namespace tfa {

const std::vector<RecordKey>& record_keys() {
    using T = KeyType;
    static const std::vector<RecordKey> v = {
        {"case", T::Text, "the bundle folder's name, or the family reference in a flat folder", ""},
        {"documents", T::Objects,
         "each file in date order: `{file, type, type_from}`; `type` is what it was read as (`assessment`, "
         "`plan+assessment`, ... or `unknown`), `type_from` how that was decided (`title`, `file name`, `content`)",
         ""},
        {"family_ref", T::Text, "the family's reference", "the family reference"},
        {"council", T::Text, "the council named in the documents' headers or titles", "the council"},
        {"assessment_started", T::Date, "when the assessment started", "the assessment's start date"},
        {"assessment_completed", T::Date, "when the assessment was completed", "the assessment's completion date"},
        {"assessment_date", T::Date, "`assessment_completed`, else `assessment_started`", "the assessment date"},
        {"lead_professional", T::Text, "the lead professional's name (never the form's author)",
         "the lead professional"},
        {"lead_agency", T::Text, "the lead professional's agency, organisation, role or service", "the lead agency"},
        {"completed_by", T::Text, "who completed the assessment form", "who completed the assessment"},
        {"reason", T::Text, "the reason for the assessment", "the reason for the assessment"},
        {"criteria", T::TextList, "criterion ids identified at assessment, in the rule pack's order",
         "the criteria identified at assessment"},
        {"criteria_added", T::TextList,
         "criterion ids first named after the assessment (a review's or the closure's criterion column or heading, or "
         "a "
         "name, theme or code as an outcome's own text; never a cue word in free text), pack order",
         ""},
        {"identified", T::Objects,
         "each need the assessment identifies: `{criterion, evidence, members, source}` (sf-2022 counts needs from it)",
         ""},
        {"consent_given", T::Bool, "`true`, `false` (refused), or `null` (unanswered, e.g. \"☐Yes ☐No\")",
         "the answer to consent to share"},
        {"consent_date", T::Date, "when consent was signed", "the consent date"},
        {"consent_signed_by", T::Text, "who signed the consent", "who signed the consent"},
        {"consent_scope", T::TextList,
         "what the consent statement names, from: `central_government`, `dwp`, `national_evaluation`, "
         "`troubled_families_programme`, `government_departments`, `local_partners`",
         "what the consent covers"},
        {"manager", T::Text, "the manager who signed the assessment off", "the manager's sign-off"},
        {"manager_date", T::Date, "when the manager signed it off", "the manager's sign-off date"},
        {"voice_of_child", T::Bool,
         "`true` when a voice-of-the-child section holds text, `false` when it is empty, `null` when absent",
         "the voice of the child"},
        {"plan_date", T::Date, "when the plan was agreed or started", "the plan date"},
        {"plan_outcomes", T::Objects, "`{criterion, need, outcome, actions: [{what, who, by_when}], source}`",
         "the plan's outcomes"},
        {"review_dates", T::DateList, "the reviews' dates, ascending", "the review dates"},
        {"reviews", T::Objects,
         "`{date, number, attendees: [string], next_review, outcomes: [{criterion, progress, rating, achieved, "
         "source}], source}` ascending by date; `achieved` is `yes`, `no`, `partly` or null",
         "the reviews"},
        {"closure_date", T::Date, "when the case was closed", "the closure date"},
        {"closure_reason", T::Text, "the reason for closure as written", "the reason for closure"},
        {"closure_outcomes", T::Objects,
         "`{criterion, achieved (true/false/null), date_achieved, sustained_since, evidence, source}`",
         "the closure's outcomes and whether each was achieved"},
        {"evidence", T::Objects,
         "hard data: `{criterion, member, measure, period_start, period_end, value, better, source}`; `measure` is "
         "one of `attendance_pct`, `incidents`, `benefit`, `benefit_end`, `employment_start`, `weeks_in_work`, "
         "`re_referral`, `arrears`, `sessions_attended`, `note`, or a measure a template declares "
         "(`youth_club_sessions`); a benefit row's period end is when the benefit ended, a work row's "
         "period start when work began; a closure's employment section (\"Into work\": the adult, the benefit "
         "left, when it ended, when work began, the employer, the weeks in work) gives the same `benefit`, "
         "`benefit_end` (when work began unless it says), `employment_start` and `weeks_in_work` (to the closure's "
         "date) rows, each quoting the whole entry; "
         "`value` is a string as written (\"94.5\", \"0\", \"2019-05-01\", \"30\"), a benefit's the key its name "
         "gives (\"Universal Credit\" is \"UC\"); `better` is which way the measure improves, `higher` or "
         "`lower`, as the templates say (null when they do not)",
         "the hard data"},
        {"members", T::Objects, "household members: `{name, relationship, dob, source}`", "the household members"},
        {"discretionary", T::Object,
         "a discretionary (\"equivalent progress\") claim: `{approver, date, rationale, source}`, or null", ""},
        {"auditor_judgements", T::Objects,
         "`{rule, judgement, by, date}`, `judgement` `met` or `not_met`: the auditor's answers to ffa-quality's "
         "auditor "
         "questions (recorded by the auditor, not extracted); until every question is answered the grade is "
         "provisional",
         ""},
        {"has_assessment", T::Bool, "an assessment document is in the bundle", ""},
        {"has_plan", T::Bool, "a plan document is in the bundle", ""},
        {"has_closure", T::Bool, "a closure document is in the bundle", ""},
        {"unreadable", T::Objects,
         "`{file, reason}`: documents that could not be read (also those refused, such as a link leaving the folder or "
         "a "
         "FIFO, and those a reader crashed, hung or ran out of memory on), dates that were impossible or ambiguous, "
         "and "
         "answers with two options marked (`reason` says which)",
         ""},
        {"warnings", T::Objects,
         "`{file, where, message, loses_content}`: what a reader noted and read past (a page with no text layer, a "
         "skipped part, "
         "a truncated stream, a file name that is not valid UTF-8); `loses_content`, as the reader says, is true when "
         "content may be missing, which makes the case `needs_review` (false for a note such as an encoding "
         "guessed)",
         ""},
        {"unrecognised", T::Objects,
         "`{file, labels: [string]}`: documents of no type tfaudit recognises, with the label-like text in them "
         "that matched nothing",
         ""},
        {"states", T::Object,
         "key → the state of that field: `found`, `blank`, `no`, `not_found` or `unreadable` (see Field states)", ""},
        {"sources", T::Object, "key → `{file, where, quote}` for the scalar keys filled (and blank ones: the label)",
         ""},
    };
    return v;
}

namespace {
const char* type_words(KeyType t) {
    switch (t) {
        case KeyType::Text:
            return "string";
        case KeyType::Date:
            return "date";
        case KeyType::Bool:
            return "true/false/null";
        case KeyType::TextList:
            return "list of strings";
        case KeyType::DateList:
            return "list of dates";
        case KeyType::Objects:
            return "list";
        case KeyType::Object:
            return "object";
        case KeyType::Count:
            return "number";
    }
    return "";
}
}  // namespace

std::string record_keys_markdown() {
    std::string md = "| key | type | meaning |\n| --- | --- | --- |\n";
    for (const auto& k : record_keys())
        md += std::string("| `") + k.key + "` | " + type_words(k.type) + " | " + k.meaning + " |\n";
    return md;
}

const RecordKey* record_key(std::string_view key) {
    for (const auto& k : record_keys())
        if (key == k.key) return &k;
    return nullptr;
}

const std::vector<TemplateField>& template_fields() {
    static const std::vector<TemplateField> v = {
        {"family_ref", "family_ref", "the family's reference"},
        {"council", "council", "the council's name"},
        {"assessment_started", "assessment_started", "the date the assessment started"},
        {"assessment_completed", "assessment_completed", "the date the assessment was completed"},
        {"assessment_date", "assessment_date", "the assessment's date when the form gives only one"},
        {"lead_professional", "lead_professional", "the lead professional's name"},
        {"lead_agency", "lead_agency", "the lead professional's agency or role"},
        {"completed_by", "completed_by", "who completed the form"},
        {"reason", "reason", "the reason for the assessment"},
        {"voice_of_child", "voice_of_child", "the voice of the child"},
        {"analysis", "", "the assessment's analysis"},
        {"consent", "consent_given", "the answer to the consent question"},
        {"consent_date", "consent_date", "the date consent was signed"},
        {"consent_signed_by", "consent_signed_by", "who signed the consent"},
        {"consent_statement", "consent_scope", "the consent statement's text"},
        {"manager", "manager", "the manager who signed off"},
        {"manager_date", "manager_date", "the date of the manager's sign-off"},
        {"plan_date", "plan_date", "the plan's date"},
        {"review_date", "reviews", "a review's date"},
        {"review_number", "reviews", "a review's number"},
        {"attendees", "reviews", "who attended a review"},
        {"apologies", "", "who sent apologies"},
        {"next_review", "reviews", "the next review's date"},
        {"closure_date", "closure_date", "the closure's date"},
        {"closure_reason", "closure_reason", "the reason for closure"},
        {"criteria", "criteria", "the criteria identified, as one value"},
        {"document_date", "", "a document's own date, for ordering"},
        {"consent_relationship", "", "the signatory's relationship to the family"},
        {"closure_approved_by", "", "who approved the closure"},
        // A closure's employment section: each fills the hard-data rows the employment route reads.
        {"employment_member", "evidence", "the adult who moved into work"},
        {"employment_benefit", "evidence", "the out-of-work benefit the adult left"},
        {"employment_benefit_end", "evidence", "the date the benefit ended"},
        {"employment_start", "evidence", "the date work began"},
        {"employment_employer", "evidence", "the employer"},
        {"employment_weeks", "evidence", "the weeks in work"},
    };
    return v;
}

namespace {
constexpr std::array<std::pair<FieldState, const char*>, 5> kStates{{{FieldState::Found, "found"},
                                                                     {FieldState::Blank, "blank"},
                                                                     {FieldState::No, "no"},
                                                                     {FieldState::NotFound, "not_found"},
                                                                     {FieldState::Unreadable, "unreadable"}}};
}  // namespace

const char* to_string(FieldState s) {
    for (const auto& [x, w] : kStates)
        if (x == s) return w;
    return "?";
}

std::optional<FieldState> parse_field_state(std::string_view s) {
    for (const auto& [x, w] : kStates)
        if (s == w) return x;
    return std::nullopt;
}

}  // namespace tfa
