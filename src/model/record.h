// The case record: the structured facts about one family that the claim rules judge.
//
// The extractor fills it from a bundle's documents; every scalar it fills has a Source (file,
// location, quote) so that findings can cite the evidence. docs/case-record.md is the
// contract for its JSON form. Dates are ISO 8601 strings ("2019-11-14"); empty means unknown.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/schema.h"

namespace tfa {

// Where a value came from: the document, the location in it, and the text quoted.
struct Source {
    std::string file;
    std::string where;
    std::string quote;
    bool empty() const { return file.empty(); }
};

struct Member {
    std::string name, relationship, dob;  // dob ISO
    Source src;
};

struct Action {
    std::string what, who, by_when;  // by_when ISO when it parsed as a date, else as written
};

struct PlanOutcome {
    std::string criterion;  // criterion id, empty when unresolved
    std::string need, outcome;
    std::vector<Action> actions;
    Source src;
};

struct ReviewOutcome {
    std::string criterion;
    std::string progress, rating;
    std::string achieved;  // "yes", "no", "partly", or empty
    Source src;
};

struct Review {
    std::string date, number, next_review;
    std::vector<std::string> attendees;
    std::vector<ReviewOutcome> outcomes;
    Source src;
};

struct ClosureOutcome {
    std::string criterion;
    std::optional<bool> achieved;
    std::string date_achieved, sustained_since, evidence;
    Source src;
};

// One dated measurement of hard data.
struct Evidence {
    std::string criterion, member, measure;  // measure: attendance_pct, incidents, benefit, ...
    std::string period_start, period_end, value;
    Source src;
    std::string better;  // which way the measure improves: "higher", "lower", "" (the vocabulary says)
};

struct Identified {
    std::string criterion;  // id from the rule pack's criteria
    std::string evidence;
    std::string members;
    Source src;
};

// A discretionary ("equivalent progress") claim: who signed it off, when, and why.
struct Discretionary {
    std::string approver, date, rationale;
    Source src;
};

// An auditor's own answer to a question a keyword cannot settle (ffa-quality's
// auditor_judgement rules): `judgement` is "met" or "not_met".
struct AuditorJudgement {
    std::string rule, judgement, by, date;
};

struct Unreadable {
    std::string file, reason;
};

// What a reader noted and read past, where: a page with no text layer, a skipped part.
struct ReaderWarning {
    std::string file, where, message;
    bool loses_content = true;  // as the reader said (ReadWarning::lost): content may be missing
};

// A document of no type tfaudit recognises, with the label-like text in it that matched nothing.
struct Unrecognised {
    std::string file;
    std::vector<std::string> labels;
};

struct CaseRecord {
    std::string case_name;                   // bundle folder name, or the family reference in a flat folder
    std::vector<std::string> files;          // the bundle's documents, in date order
    std::vector<std::string> doc_types;      // per file: "assessment", "plan+assessment", ... or "unknown"
    std::vector<std::string> doc_type_from;  // per file: "title", "file name", "content" or ""

    std::string family_ref, council;
    std::string assessment_started, assessment_completed, assessment_date;
    std::string lead_professional, lead_agency, completed_by;
    std::string reason;
    std::vector<Identified> identified;       // criteria at assessment, with evidence
    std::vector<std::string> criteria;        // ids in pack order
    std::vector<std::string> criteria_added;  // ids first seen after the assessment
    std::optional<bool> consent_given;
    std::string consent_date, consent_signed_by;
    std::vector<std::string> consent_scope;
    std::string manager, manager_date;
    std::optional<bool> voice_of_child;
    bool has_assessment = false, has_plan = false, has_closure = false;

    std::string plan_date;
    std::vector<PlanOutcome> plan_outcomes;
    std::vector<Review> reviews;  // ascending by date
    std::string closure_date, closure_reason;
    std::vector<ClosureOutcome> closure_outcomes;
    std::vector<Evidence> evidence;
    std::vector<Member> members;
    std::optional<Discretionary> discretionary;        // set when the bundle claims by discretion
    std::vector<AuditorJudgement> auditor_judgements;  // recorded by the auditor, not extracted
    std::vector<Unreadable> unreadable;
    std::vector<ReaderWarning> warnings;
    std::vector<Unrecognised> unrecognised;

    // key → where its value came from, for the scalar keys (family_ref, plan_date, ...); for a
    // blank field, where its empty label is.
    std::map<std::string, Source> sources;

    // key → what tfaudit knows about that field (schema.h). A key with no entry is NotFound.
    std::map<std::string, FieldState> states;

    std::vector<std::string> review_dates() const;
    FieldState state(const std::string& key) const;
};

// The record as JSON (docs/case-record.md), deterministic, two-space indent at `indent`.
// With `with_sources` the "sources" object is included; with `with_bundle` the record starts
// with "case" (its name) and "documents" (each file with the type it was read as).
std::string to_json(const CaseRecord& r, int indent = 0, bool with_sources = true, bool with_bundle = false);

// The text record keys (schema type Text or Date: family_ref, lead_professional, plan_date, ...)
// and the members that hold them: the one list the JSON writer and reader, the extractor's
// field states and the rules' field_present check all read.
const std::vector<std::pair<const char*, std::string CaseRecord::*>>& text_fields();

// The value of text record key `key`, or nullopt when `key` is not a text key.
std::optional<std::string> text_field(const CaseRecord& r, const std::string& key);

// True when the JSON writer has a writer for record key `key` (the schema test asks).
bool has_json_writer(const std::string& key);

}  // namespace tfa
