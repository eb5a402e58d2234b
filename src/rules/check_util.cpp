#include "rules/check_util.h"

#include <algorithm>
#include <cstdio>

#include "core/text.h"
#include "core/calendar.h"

namespace tfa::rules::util {

std::optional<long> day(const std::string& iso) { return cal::parse(iso); }

bool counts(const std::string& iso, long as_of) {
    auto d = cal::parse(iso);
    return d && *d <= as_of;
}

EvidenceRef cite(const Source& s, const std::string& where, const std::string& quote) {
    if (s.empty()) return {"", where, quote};
    return {s.file, s.where.empty() ? where : s.where, s.quote.empty() ? quote : s.quote};
}

EvidenceRef cite_key(const CaseRecord& r, const std::string& key, const std::string& value) {
    auto it = r.sources.find(key);
    return cite(it == r.sources.end() ? Source{} : it->second, key, value);
}

std::vector<std::string> all_criteria(const CaseRecord& r) {
    std::vector<std::string> out = r.criteria;
    for (const auto& c : r.criteria_added)
        if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    return out;
}

std::string criterion_name(const RulePack& pack, const std::string& id) {
    for (const auto& c : pack.criteria)
        if (c.id == id) return c.name;
    return id;
}

std::string fmt_num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
    return out;
}

std::string join_and(const std::vector<std::string>& v) {
    if (v.size() < 2) return join(v, "");
    return join(std::vector<std::string>(v.begin(), v.end() - 1), ", ") + " and " + v.back();
}

std::string plural(long n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

bool has_cue(const std::string& t, const std::vector<std::string>& cues, std::string* hit) {
    const std::string low = text::lower(t);
    for (const auto& c : cues) {
        if (!c.empty() && low.find(text::lower(c)) != std::string::npos) {
            if (hit) *hit = c;
            return true;
        }
    }
    return false;
}

std::vector<const Review*> dated_reviews(const CaseRecord& r, long as_of) {
    std::vector<const Review*> out;
    for (const auto& rv : r.reviews)
        if (counts(rv.date, as_of)) out.push_back(&rv);
    std::stable_sort(out.begin(), out.end(), [](const Review* a, const Review* b) { return a->date < b->date; });
    return out;
}

const ReviewOutcome* outcome_for(const Review& rv, const std::string& c) {
    for (const auto& o : rv.outcomes)
        if (o.criterion == c) return &o;
    return nullptr;
}

bool closure_counts(const CaseRecord& r, long as_of) {
    if (r.closure_date.empty()) return !r.closure_outcomes.empty();
    return counts(r.closure_date, as_of);
}

const ClosureOutcome* closure_for(const CaseRecord& r, const std::string& c, long as_of) {
    if (!closure_counts(r, as_of)) return nullptr;
    for (const auto& o : r.closure_outcomes)
        if (o.criterion == c) return &o;
    return nullptr;
}

std::optional<long> achieved_on(const CaseRecord& r, const std::string& c, long as_of, EvidenceRef* ev) {
    if (const ClosureOutcome* co = closure_for(r, c, as_of)) {
        if (!co->achieved.value_or(false)) return std::nullopt;  // the closure has the last word
        auto d = day(co->date_achieved);
        if (!d) d = day(co->sustained_since);
        if (d && *d <= as_of) {
            if (ev) *ev = cite(co->src, "closure_outcomes." + c, co->evidence);
            return d;
        }
    }
    for (const Review* rv : dated_reviews(r, as_of)) {
        const ReviewOutcome* o = outcome_for(*rv, c);
        if (o && o->achieved == "yes") {
            if (ev) *ev = cite(o->src.empty() ? rv->src : o->src, "review " + rv->date, o->progress);
            return day(rv->date);
        }
    }
    return std::nullopt;
}

std::string unreadable_list(const CaseRecord& r) {
    std::vector<std::string> parts;
    for (const auto& u : r.unreadable) parts.push_back(u.file + " (" + u.reason + ")");
    return join(parts, "; ");
}

CheckOutcome not_applicable(const std::string& reason) {
    CheckOutcome o;
    o.status = Status::NotApplicable;
    o.vars["reason"] = reason;
    return o;
}

std::string path(const char* key, size_t i) { return std::string(key) + "[" + std::to_string(i) + "]"; }

}  // namespace tfa::rules::util
