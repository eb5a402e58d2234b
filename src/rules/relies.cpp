#include "rules/relies.h"

#include <algorithm>
#include <map>

#include "rules/check_util.h"

namespace tfa::rules {

namespace {

// The document type that carries a record key.
std::string carrier(const std::string& key) {
    static const std::map<std::string, std::string> m = {{"plan_date", "plan"},
                                                         {"plan_outcomes", "plan"},
                                                         {"reviews", "review"},
                                                         {"review_dates", "review"},
                                                         {"closure_date", "closure"},
                                                         {"closure_reason", "closure"},
                                                         {"closure_outcomes", "closure"},
                                                         {"evidence", "evidence"},
                                                         {"family_ref", ""},
                                                         {"council", ""}};
    auto it = m.find(key);
    return it == m.end() ? "assessment" : it->second;
}

bool has_type(const CaseRecord& r, const std::string& type) {
    return std::any_of(r.doc_types.begin(), r.doc_types.end(),
                       [&](const std::string& t) { return t.find(type) != std::string::npos; });
}

std::string plural(size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "2 documents were of no type tfaudit recognises: a.docx (labels: X, Y), b.pdf".
std::string unrecognised_words(const CaseRecord& r) {
    if (r.unrecognised.empty()) return {};
    std::vector<std::string> files;
    for (const auto& u : r.unrecognised) {
        std::string f = u.file.substr(u.file.find_last_of('/') + 1);
        if (!u.labels.empty()) {
            std::vector<std::string> some(u.labels.begin(), u.labels.begin() + std::min<size_t>(u.labels.size(), 4));
            f += " (labels: " + util::join(some, ", ") + (u.labels.size() > 4 ? ", ..." : "") + ")";
        }
        files.push_back(f);
    }
    return plural(r.unrecognised.size(), "document was", "documents were") +
           " of no type tfaudit recognises: " + util::join(files, "; ");
}

}  // namespace

std::vector<std::string> relied_keys(const Rule& rule) {
    static const std::map<std::string, std::vector<std::string>> by_kind = {
        {"min_criteria", {"criteria"}},
        {"consent", {"consent_given", "consent_date", "consent_scope"}},
        {"criteria_in_plan", {"criteria", "plan_outcomes"}},
        {"outcome_actions", {"plan_outcomes"}},
        {"progress", {"closure_outcomes", "reviews"}},
        {"sustained", {"closure_outcomes", "reviews", "evidence"}},
        {"employment", {"evidence"}},
        {"review_gaps", {"reviews"}},
        {"review_count", {"reviews"}},
        {"dependent_child", {"members"}},
        {"voice_of_child", {"voice_of_child"}},
        {"children_in_plan", {"members", "plan_outcomes"}},
        {"action_smart", {"plan_outcomes"}},
        {"manager_signoff", {"manager", "manager_date"}},
        {"closure_outcomes_explicit", {"closure_outcomes"}},
        {"attendance", {"evidence"}},
    };
    if (rule.kind == "document_present") {  // a document of the type, dated
        auto it = rule.params.find("document");
        const std::string doc = it == rule.params.end() ? rule.document : it->second.value;
        if (doc == "assessment") return {"assessment_date"};
        if (doc == "plan") return {"plan_date"};
        if (doc == "closure") return {"closure_date"};
        return {};
    }
    if (rule.kind == "field_present") {
        auto it = rule.params.find("field");
        return it == rule.params.end() ? std::vector<std::string>{} : std::vector<std::string>{it->second.value};
    }
    auto it = by_kind.find(rule.kind);
    return it == by_kind.end() ? std::vector<std::string>{} : it->second;
}

std::string undecided_reason(const Rule& rule, const CaseRecord& r) {
    if (r.states.empty()) return {};
    const size_t docs = r.files.size();
    const std::string unknown_docs = unrecognised_words(r);
    if (rule.kind == "document_present") {
        auto it = rule.params.find("document");
        const std::string type = it == rule.params.end() ? rule.document : it->second.value;
        if (!has_type(r, type)) {
            if (unknown_docs.empty()) return {};
            return "found no " + type + " among the " + plural(docs, "document", "documents") + "; " + unknown_docs +
                   "; if this council's " + type + " has another title, add it to its template";
        }
        // The document is there: whether its date was found decides the rest.
    }
    std::vector<std::string> missing, unreadable;
    for (const auto& key : relied_keys(rule)) {
        const FieldState st = r.state(key);
        if (st == FieldState::Blank || st == FieldState::No) return {};  // answered, on evidence
        if (!unknown(st)) continue;
        // Not found where nothing could hold it: a bundle of recognised documents with no
        // document of the type that carries it has none.
        const std::string doc = carrier(key);
        if (st == FieldState::NotFound && unknown_docs.empty() && !doc.empty() && !has_type(r, doc)) continue;
        const RecordKey* k = record_key(key);
        const std::string noun = k && *k->noun ? k->noun : key;
        (st == FieldState::Unreadable ? unreadable : missing).push_back(noun);
    }
    if (missing.empty() && unreadable.empty()) return {};
    std::string why;
    if (!missing.empty())
        why =
            "could not find " + util::join(missing, " or ") + " in any of the " + plural(docs, "document", "documents");
    if (!unreadable.empty()) {
        if (!why.empty()) why += "; ";
        why += "could not read " + util::join(unreadable, " or ") + " (unreadable: " + util::unreadable_list(r) + ")";
    }
    if (!unknown_docs.empty()) why += "; " + unknown_docs;
    if (!missing.empty()) why += "; if this council's forms name it differently, add the label to its template";
    return why;
}

}  // namespace tfa::rules
