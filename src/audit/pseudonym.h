// Pseudonyms for an audit report (--pseudonymise): personal names become stable labels.
//
// Family members become "Adult 1", "Child 2" (by age on the as-of date; "Person 1" when the
// date of birth is unknown), numbered within their case in the record's member order.
// Workers (lead professional, assessor, manager, signatories and attendees who are not family
// members) become "Professional 1", numbered across the whole report in order of first
// appearance, so the same worker keeps one label everywhere. A name is replaced whole and by
// its parts (a forename alone, a surname alone), at word boundaries.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "audit/sample.h"
#include "model/record.h"

namespace tfa::audit {

// The people of one case, kept from its record (small enough to hold for every case).
struct CasePeople {
    std::vector<std::pair<std::string, std::string>> members;  // (name, dob ISO or empty), record order
    std::vector<std::string> workers;                          // names, record order, may repeat
};

// The people named in `r`. Attendees and signatories that are family members are members;
// strings that name an agency (AgencyClasses::names_an_agency) or hold no capitalised word
// are skipped. "Jo Bloggs (Team Manager)" gives "Jo Bloggs".
CasePeople people_of(const CaseRecord& r, const AgencyClasses& agencies);

// One case's replacements, longest name first; apply() rewrites any text of that case.
class NameMap {
public:
    void add(const std::string& name, const std::string& label);
    // Sorts the names longest first; call once after the last add().
    void seal();
    // `text` with every registered name (at word boundaries) replaced by its label.
    std::string apply(const std::string& text) const;
    bool empty() const { return names_.empty(); }

private:
    std::vector<std::pair<std::string, std::string>> names_;
};

class Pseudonymiser {
public:
    explicit Pseudonymiser(long as_of) : as_of_(as_of) {}
    // The replacements for one case: its members, then every worker (global numbering).
    NameMap for_case(const CasePeople& people);

private:
    std::string worker_label(const std::string& name);
    long as_of_;
    std::map<std::string, std::string> workers_;  // name → "Professional n"
};

}  // namespace tfa::audit
