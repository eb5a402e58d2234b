#include "model/record_json.h"

#include "model/schema.h"
#include "core/files.h"

#include <Poco/Dynamic/Var.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <functional>
#include <unordered_map>
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

// The "source" object of a list item, or an empty Source.
Source item_source(const Object::Ptr& o) {
    return o && o->has("source") && !o->isNull("source") ? source(o->getObject("source")) : Source{};
}

template <class F>
void each(const Object::Ptr& o, const char* key, F&& f) {
    for (const auto& x : objects(o, key)) f(x);
}

using KeyReader = std::function<void(const Object::Ptr&, const char*, CaseRecord&)>;

// One reader per record key, the mirror of the writer's table in record.cpp.
const std::unordered_map<std::string, KeyReader>& readers() {
    auto text = [](std::string CaseRecord::*m) {
        return [m](const Object::Ptr& o, const char* k, CaseRecord& r) { r.*m = str(o, k); };
    };
    auto list = [](std::vector<std::string> CaseRecord::*m) {
        return [m](const Object::Ptr& o, const char* k, CaseRecord& r) { r.*m = strings(o, k); };
    };
    auto none = [](const Object::Ptr&, const char*, CaseRecord&) {};
    static const std::unordered_map<std::string, KeyReader> rd = [&] {
        std::unordered_map<std::string, KeyReader> m = {
            {"documents",
             [](const Object::Ptr& o, const char* k, CaseRecord& r) {
                 each(o, k, [&](const Object::Ptr& d) {
                     r.files.push_back(str(d, "file"));
                     r.doc_types.push_back(str(d, "type"));
                     r.doc_type_from.push_back(str(d, "type_from"));
                 });
             }},
            {"criteria", list(&CaseRecord::criteria)},
            {"criteria_added", list(&CaseRecord::criteria_added)},
            {"identified",
             [](const Object::Ptr& o, const char* k, CaseRecord& r) {
                 each(o, k, [&](const Object::Ptr& c) {
                     r.identified.push_back(
                         {str(c, "criterion"), str(c, "evidence"), str(c, "members"), item_source(c)});
                 });
             }},
            {"consent_given",
             [](const Object::Ptr& o, const char* k, CaseRecord& r) { r.consent_given = boolean(o, k); }},
            {"consent_scope", list(&CaseRecord::consent_scope)},
            {"voice_of_child",
             [](const Object::Ptr& o, const char* k, CaseRecord& r) { r.voice_of_child = boolean(o, k); }},
            {"plan_outcomes",
             [](const Object::Ptr& o, const char* k, CaseRecord& r) {
                 each(o, k, [&](const Object::Ptr& p) {
                     PlanOutcome po{str(p, "criterion"), str(p, "need"), str(p, "outcome"), {}, item_source(p)};
                     each(p, "actions", [&](const Object::Ptr& a) {
                         po.actions.push_back({str(a, "what"), str(a, "who"), str(a, "by_when")});
                     });
                     r.plan_outcomes.push_back(std::move(po));
                 });
             }},
            {"review_dates", none},  // derived from reviews
            {"reviews",
             [](const Object::Ptr& o, const char* k, CaseRecord& r) {
                 each(o, k, [&](const Object::Ptr& v) {
                     Review rv{str(v, "date"), str(v, "number"), str(v, "next_review"), strings(v, "attendees"), {},
                               item_source(v)};
                     each(v, "outcomes", [&](const Object::Ptr& x) {
                         rv.outcomes.push_back({str(x, "criterion"), str(x, "progress"), str(x, "rating"),
                                                str(x, "achieved"), item_source(x)});
                     });
                     r.reviews.push_back(std::move(rv));
                 });
             }},
            {"closure_outcomes",
             [](const Object::Ptr& o, const char* k, CaseRecord& r) {
                 each(o, k, [&](const Object::Ptr& c) {
                     r.closure_outcomes.push_back({str(c, "criterion"), boolean(c, "achieved"), str(c, "date_achieved"),
                                                   str(c, "sustained_since"), str(c, "evidence"), item_source(c)});
                 });
             }},
            {"evidence",
             [](const Object::Ptr& o, const char* k, CaseRecord& r) {
                 each(o, k, [&](const Object::Ptr& e) {
                     r.evidence.push_back({str(e, "criterion"), str(e, "member"), str(e, "measure"),
                                           str(e, "period_start"), str(e, "period_end"), str(e, "value"),
                                           item_source(e), str(e, "better")});
                 });
             }},
            {"members",
             [](const Object::Ptr& o, const char* k, CaseRecord& r) {
                 each(o, k, [&](const Object::Ptr& m) {
                     r.members.push_back({str(m, "name"), str(m, "relationship"), str(m, "dob"), item_source(m)});
                 });
             }},
            {"discretionary",
             [](const Object::Ptr& o, const char* k, CaseRecord& r) {
                 Object::Ptr d = o->has(k) && !o->isNull(k) ? o->getObject(k) : nullptr;
                 if (d)
                     r.discretionary =
                         Discretionary{str(d, "approver"), str(d, "date"), str(d, "rationale"), item_source(d)};
             }},
            {"auditor_judgements",
             [](const Object::Ptr& o, const char* k, CaseRecord& r) {
                 each(o, k, [&](const Object::Ptr& a) {
                     r.auditor_judgements.push_back(
                         {str(a, "rule"), str(a, "judgement"), str(a, "by"), str(a, "date")});
                 });
             }},
            {"has_assessment", none},  // read_presence: as given, else inferred
            {"has_plan", none},
            {"has_closure", none},
            {"unreadable",
             [](const Object::Ptr& o, const char* k, CaseRecord& r) {
                 each(o, k, [&](const Object::Ptr& u) { r.unreadable.push_back({str(u, "file"), str(u, "reason")}); });
             }},
            {"warnings",
             [](const Object::Ptr& o, const char* k, CaseRecord& r) {
                 each(o, k, [&](const Object::Ptr& w) {
                     // A record without the flag: taken as losing content, the safe reading.
                     r.warnings.push_back({str(w, "file"), str(w, "where"), str(w, "message"),
                                           boolean(w, "loses_content").value_or(true)});
                 });
             }},
            {"unrecognised",
             [](const Object::Ptr& o, const char* k, CaseRecord& r) {
                 each(o, k, [&](const Object::Ptr& u) {
                     r.unrecognised.push_back({str(u, "file"), strings(u, "labels")});
                 });
             }},
            {"states",
             [](const Object::Ptr& o, const char* k, CaseRecord& r) {
                 Object::Ptr s = o->has(k) && !o->isNull(k) ? o->getObject(k) : nullptr;
                 if (!s) return;
                 std::vector<std::string> keys;
                 s->getNames(keys);
                 for (const auto& key : keys)
                     if (auto st = parse_field_state(str(s, key.c_str()))) r.states[key] = *st;
             }},
            {"sources",
             [](const Object::Ptr& o, const char* k, CaseRecord& r) {
                 Object::Ptr s = o->has(k) && !o->isNull(k) ? o->getObject(k) : nullptr;
                 if (!s) return;
                 std::vector<std::string> keys;
                 s->getNames(keys);
                 for (const auto& key : keys) r.sources[key] = source(s->getObject(key));
             }},
        };
        for (const auto& [key, member] : text_fields()) m.emplace(key, text(member));
        return m;
    }();
    return rd;
}

// has_assessment / has_plan / has_closure: as given, else inferred from what the record holds.
void read_presence(const Object::Ptr& o, CaseRecord& r) {
    r.has_assessment = boolean(o, "has_assessment")
                           .value_or(!r.assessment_date.empty() || !r.criteria.empty() ||
                                     !r.lead_professional.empty() || r.consent_given.has_value() || !r.members.empty());
    r.has_plan = boolean(o, "has_plan").value_or(!r.plan_date.empty() || !r.plan_outcomes.empty());
    r.has_closure = boolean(o, "has_closure")
                        .value_or(!r.closure_date.empty() || !r.closure_outcomes.empty() || !r.closure_reason.empty());
}

CaseRecord read_record(const Object::Ptr& o, const std::string& case_name) {
    CaseRecord r;
    for (const auto& k : record_keys())
        if (o->has(k.key)) readers().at(k.key)(o, k.key, r);
    if (r.assessment_date.empty())
        r.assessment_date = !r.assessment_completed.empty() ? r.assessment_completed : r.assessment_started;
    read_presence(o, r);
    if (r.files.empty()) {  // records written before "documents"
        r.files = strings(o, "files");
        r.doc_types = strings(o, "doc_types");
    }
    r.case_name = !case_name.empty() ? case_name : !r.case_name.empty() ? r.case_name : r.family_ref;
    return r;
}

}  // namespace

bool has_json_reader(const std::string& key) { return readers().count(key) > 0; }

namespace {

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
    auto bytes = files::read_whole(path, 1u << 30);
    if (!bytes) return Error{path, "cannot read records file: " + bytes.error().message};
    return records_from_json(path, bytes.value());
}

}  // namespace tfa
