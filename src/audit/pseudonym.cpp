#include "audit/pseudonym.h"

#include <algorithm>
#include <set>

#include "core/text.h"
#include "core/calendar.h"

namespace tfa::audit {

namespace {

// "Jo Bloggs (Team Manager)" → "Jo Bloggs"; "Jo Bloggs, mother" → "Jo Bloggs".
std::string bare_name(const std::string& s) {
    std::string n = s.substr(0, s.find_first_of("(,;/"));
    return text::collapse_ws(n);
}

// True if `s` looks like a person's name: 2 to 5 words, the first capitalised, no digits.
bool looks_like_name(const std::string& s) {
    const auto words = text::split(s, ' ');
    if (words.size() < 2 || words.size() > 5) return false;
    if (words[0].empty() || !(std::isupper(static_cast<unsigned char>(words[0][0])) || (words[0][0] & 0x80)))
        return false;
    return std::none_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

bool is_word_byte(char c) { return (c & 0x80) || std::isalnum(static_cast<unsigned char>(c)); }

}  // namespace

CasePeople people_of(const CaseRecord& r, const AgencyClasses& agencies) {
    CasePeople p;
    std::set<std::string> members;
    for (const auto& m : r.members) {
        const std::string n = bare_name(m.name);
        if (n.empty() || !members.insert(n).second) continue;
        p.members.emplace_back(n, m.dob);
    }
    auto worker = [&](const std::string& raw) {
        const std::string n = bare_name(raw);
        if (n.empty() || members.count(n) || !looks_like_name(n) || agencies.names_an_agency(n)) return;
        p.workers.push_back(n);
    };
    for (const auto* s : {&r.lead_professional, &r.completed_by, &r.manager, &r.consent_signed_by}) worker(*s);
    for (const auto& rv : r.reviews)
        for (const auto& a : rv.attendees) worker(a);
    return p;
}

void NameMap::add(const std::string& name, const std::string& label) {
    if (name.size() < 2) return;
    for (const auto& [n, l] : names_)
        if (n == name) return;  // the first label given to a name stands
    names_.emplace_back(name, label);
}

void NameMap::seal() {
    std::stable_sort(names_.begin(), names_.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

std::string NameMap::apply(const std::string& text) const {
    std::string s = text;
    for (const auto& [name, label] : names_) {
        for (size_t at = s.find(name); at != std::string::npos; at = s.find(name, at)) {
            const size_t end = at + name.size();
            const bool left = at == 0 || !is_word_byte(s[at - 1]);
            const bool right = end >= s.size() || !is_word_byte(s[end]);
            if (!left || !right) {
                at = end;
                continue;
            }
            s.replace(at, name.size(), label);
            at += label.size();
        }
    }
    return s;
}

std::string Pseudonymiser::worker_label(const std::string& name) {
    auto it = workers_.find(name);
    if (it != workers_.end()) return it->second;
    const std::string label = "Professional " + std::to_string(workers_.size() + 1);
    workers_.emplace(name, label);
    return label;
}

NameMap Pseudonymiser::for_case(const CasePeople& people) {
    NameMap map;
    int adults = 0, children = 0, others = 0;
    std::map<std::string, std::vector<std::string>> by_part;  // a name's single word → labels holding it
    auto add_parts = [&](const std::string& name, const std::string& label) {
        for (const auto& w : text::split(name, ' '))
            if (w.size() >= 3) by_part[w].push_back(label);
    };
    for (const auto& [name, dob] : people.members) {
        const auto born = cal::parse(dob);
        std::string label;
        if (!born)
            label = "Person " + std::to_string(++others);
        else if (cal::years_between(*born, as_of_) >= 18)
            label = "Adult " + std::to_string(++adults);
        else
            label = "Child " + std::to_string(++children);
        map.add(name, label);
        add_parts(name, label);
    }
    for (const auto& w : people.workers) {
        const std::string label = worker_label(w);
        map.add(w, label);
        add_parts(w, label);
    }
    // A word shared by several people (a family surname) becomes a neutral mark.
    for (const auto& [word, labels] : by_part) {
        const std::string& first = labels[0];  // clang 14 cannot capture a structured binding
        const bool one = std::all_of(labels.begin(), labels.end(), [&](const std::string& l) { return l == first; });
        map.add(word, one ? labels[0] : "[name]");
    }
    map.seal();
    return map;
}

}  // namespace tfa::audit
