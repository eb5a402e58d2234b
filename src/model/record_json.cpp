#include "model/record_json.h"

#include <Poco/Dynamic/Var.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <sstream>

namespace tfa {

namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

std::string str(const Object::Ptr& o, const char* key) {
    if (!o || !o->has(key) || o->isNull(key)) return {};
    const Var v = o->get(key);
    return v.isString() ? v.extract<std::string>() : v.toString();
}

std::optional<bool> boolean(const Object::Ptr& o, const char* key) {
    if (!o || !o->has(key) || o->isNull(key)) return std::nullopt;
    const Var v = o->get(key);
    if (v.isBoolean()) return v.extract<bool>();
    return v.convert<bool>();
}

std::vector<Object::Ptr> objects(const Object::Ptr& o, const char* key) {
    std::vector<Object::Ptr> out;
    Array::Ptr a = o && o->has(key) && !o->isNull(key) ? o->getArray(key) : nullptr;
    for (size_t i = 0; a && i < a->size(); ++i)
        if (Object::Ptr e = a->getObject(static_cast<unsigned>(i))) out.push_back(e);
    return out;
}

std::vector<std::string> strings(const Object::Ptr& o, const char* key) {
    std::vector<std::string> out;
    Array::Ptr a = o && o->has(key) && !o->isNull(key) ? o->getArray(key) : nullptr;
    for (size_t i = 0; a && i < a->size(); ++i) {
        const Var v = a->get(static_cast<unsigned>(i));
        if (!v.isEmpty()) out.push_back(v.isString() ? v.extract<std::string>() : v.toString());
    }
    return out;
}

Source source(const Object::Ptr& o) { return Source{str(o, "file"), str(o, "where"), str(o, "quote")}; }

void read_plan(const Object::Ptr& o, CaseRecord& r) {
    for (const auto& p : objects(o, "plan_outcomes")) {
        PlanOutcome po{str(p, "criterion"), str(p, "need"), str(p, "outcome"), {}, {}};
        for (const auto& a : objects(p, "actions")) po.actions.push_back({str(a, "what"), str(a, "who"), str(a, "by_when")});
        r.plan_outcomes.push_back(std::move(po));
    }
}

void read_reviews(const Object::Ptr& o, CaseRecord& r) {
    for (const auto& v : objects(o, "reviews")) {
        Review rv{str(v, "date"), str(v, "number"), str(v, "next_review"), strings(v, "attendees"), {}, {}};
        for (const auto& x : objects(v, "outcomes"))
            rv.outcomes.push_back({str(x, "criterion"), str(x, "progress"), str(x, "rating"), str(x, "achieved"), {}});
        r.reviews.push_back(std::move(rv));
    }
}

void read_closure_and_evidence(const Object::Ptr& o, CaseRecord& r) {
    for (const auto& c : objects(o, "closure_outcomes"))
        r.closure_outcomes.push_back({str(c, "criterion"), boolean(c, "achieved"), str(c, "date_achieved"),
                                      str(c, "sustained_since"), str(c, "evidence"), {}});
    for (const auto& e : objects(o, "evidence"))
        r.evidence.push_back({str(e, "criterion"), str(e, "member"), str(e, "measure"), str(e, "period_start"),
                              str(e, "period_end"), str(e, "value"), {}});
    for (const auto& m : objects(o, "members")) r.members.push_back({str(m, "name"), str(m, "relationship"), str(m, "dob"), {}});
    for (const auto& i : objects(o, "identified"))
        r.identified.push_back({str(i, "criterion"), str(i, "evidence"), str(i, "members"), {}});
    if (o->has("discretionary") && !o->isNull("discretionary"))
        if (Object::Ptr d = o->getObject("discretionary"))
            r.discretionary = Discretionary{str(d, "approver"), str(d, "date"), str(d, "rationale"), {}};
    for (const auto& a : objects(o, "auditor_judgements"))
        r.auditor_judgements.push_back({str(a, "rule"), str(a, "judgement"), str(a, "by"), str(a, "date")});
    for (const auto& u : objects(o, "unreadable")) r.unreadable.push_back({str(u, "file"), str(u, "reason")});
}

void read_scalars(const Object::Ptr& o, CaseRecord& r) {
    r.family_ref = str(o, "family_ref");
    r.council = str(o, "council");
    r.assessment_started = str(o, "assessment_started");
    r.assessment_completed = str(o, "assessment_completed");
    r.assessment_date = str(o, "assessment_date");
    if (r.assessment_date.empty()) r.assessment_date = !r.assessment_completed.empty() ? r.assessment_completed : r.assessment_started;
    r.lead_professional = str(o, "lead_professional");
    r.lead_agency = str(o, "lead_agency");
    r.criteria = strings(o, "criteria");
    r.criteria_added = strings(o, "criteria_added");
    r.consent_given = boolean(o, "consent_given");
    r.consent_date = str(o, "consent_date");
    r.consent_signed_by = str(o, "consent_signed_by");
    r.consent_scope = strings(o, "consent_scope");
    r.manager = str(o, "manager");
    r.manager_date = str(o, "manager_date");
    r.voice_of_child = boolean(o, "voice_of_child");
    r.plan_date = str(o, "plan_date");
    r.closure_date = str(o, "closure_date");
    r.closure_reason = str(o, "closure_reason");
}

// has_assessment / has_plan / has_closure: as given, else inferred from what the record holds.
void read_presence(const Object::Ptr& o, CaseRecord& r) {
    r.has_assessment = boolean(o, "has_assessment").value_or(
        !r.assessment_date.empty() || !r.criteria.empty() || !r.lead_professional.empty() || r.consent_given.has_value() ||
        !r.members.empty());
    r.has_plan = boolean(o, "has_plan").value_or(!r.plan_date.empty() || !r.plan_outcomes.empty());
    r.has_closure =
        boolean(o, "has_closure").value_or(!r.closure_date.empty() || !r.closure_outcomes.empty() || !r.closure_reason.empty());
}

CaseRecord read_record(const Object::Ptr& o, const std::string& case_name) {
    CaseRecord r;
    read_scalars(o, r);
    read_plan(o, r);
    read_reviews(o, r);
    read_closure_and_evidence(o, r);
    read_presence(o, r);
    r.files = strings(o, "files");
    r.doc_types = strings(o, "doc_types");
    if (Object::Ptr s = o->has("sources") && !o->isNull("sources") ? o->getObject("sources") : nullptr) {
        std::vector<std::string> keys;
        s->getNames(keys);
        for (const auto& k : keys) r.sources[k] = source(s->getObject(k));
    }
    r.case_name = !case_name.empty() ? case_name : !str(o, "case").empty() ? str(o, "case") : r.family_ref;
    return r;
}

std::vector<CaseRecord> read_any(const Var& root) {
    std::vector<CaseRecord> out;
    if (root.type() == typeid(Array::Ptr)) {
        Array::Ptr a = root.extract<Array::Ptr>();
        for (size_t i = 0; i < a->size(); ++i)
            if (Object::Ptr o = a->getObject(static_cast<unsigned>(i))) out.push_back(read_record(o, ""));
        return out;
    }
    Object::Ptr o = root.extract<Object::Ptr>();
    if (o->has("cases") && o->get("cases").type() == typeid(Array::Ptr)) {
        for (const auto& c : objects(o, "cases")) {
            Object::Ptr rec = c->has("record") ? c->getObject("record") : c;
            if (rec) out.push_back(read_record(rec, str(c, "case")));
        }
        return out;
    }
    if (o->has("record") && o->get("record").type() == typeid(Object::Ptr)) {  // one case of a report
        out.push_back(read_record(o->getObject("record"), str(o, "case")));
        return out;
    }
    out.push_back(read_record(o, ""));
    return out;
}

}  // namespace

Result<std::vector<CaseRecord>> records_from_json(const std::string& file, std::string_view json) {
    try {
        Poco::JSON::Parser parser;
        const Var root = parser.parse(std::string(json));
        if (root.type() != typeid(Array::Ptr) && root.type() != typeid(Object::Ptr))
            return Error{file, "not a case record: want a JSON object or array"};
        return read_any(root);
    } catch (const Poco::Exception& e) {
        return Error{file, "bad record JSON: " + e.displayText()};
    } catch (const std::exception& e) {
        return Error{file, std::string("bad record JSON: ") + e.what()};
    }
}

Result<std::vector<CaseRecord>> load_records(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path, "cannot read records file"};
    std::stringstream ss;
    ss << in.rdbuf();
    return records_from_json(path, ss.str());
}

}  // namespace tfa
