#include "audit/sample.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "core/text.h"
#include "readers/xml.h"

namespace tfa::audit {

uint64_t SplitMix64::next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

uint64_t SplitMix64::below(uint64_t bound) {
    if (bound <= 1) return 0;
    const uint64_t limit = UINT64_MAX - UINT64_MAX % bound;  // values >= limit would bias the result
    uint64_t v = next();
    while (v >= limit) v = next();
    return v % bound;
}

namespace {

// " words of s " in lower case with single spaces and punctuation as spaces, for phrase search.
std::string padded_words(const std::string& s) {
    std::string out = " ";
    for (char c : text::lower(s)) {
        const bool word = (c & 0x80) || std::isalnum(static_cast<unsigned char>(c));
        if (word)
            out += c;
        else if (out.back() != ' ')
            out += ' ';
    }
    if (out.back() != ' ') out += ' ';
    return out;
}

bool has_phrase(const std::string& padded, const std::vector<std::string>& phrases) {
    for (const auto& p : phrases)
        if (padded.find(" " + p + " ") != std::string::npos) return true;
    return false;
}

int line_of(const xmlNode* n) { return n ? static_cast<int>(xmlGetLineNo(const_cast<xmlNode*>(n))) : 0; }

// The phrases of the <word> children of `n`, normalised like padded_words.
Status read_words(const std::string& path, const xmlNode* n, std::vector<std::string>& out) {
    for (const xmlNode* w = xml::first_el(n); w; w = xml::next_el(w)) {
        if (!xml::is(w, "word")) return Error{path, "unknown element <" + std::string(xml::name(w)) + ">", line_of(w)};
        const std::string p = text::trim(padded_words(xml::text_of(w)));
        if (p.empty()) return Error{path, "empty <word>", line_of(w)};
        out.push_back(p);
    }
    return std::nullopt;
}

}  // namespace

std::string AgencyClasses::classify(const std::string& agency) const {
    const std::string padded = padded_words(agency);
    for (const auto& c : classes)
        if (has_phrase(padded, c.phrases)) return c.name;
    return "unknown";
}

bool AgencyClasses::names_an_agency(const std::string& s) const {
    const std::string padded = padded_words(s);
    if (has_phrase(padded, not_person)) return true;
    for (const auto& c : classes)
        if (has_phrase(padded, c.phrases)) return true;
    return false;
}

Result<AgencyClasses> load_agency_classes(const std::string& path) {
    auto doc = xml::load_data_file(path, "the agency list");
    if (!doc) return doc.error();
    const xmlNode* root = xmlDocGetRootElement(doc.value().get());
    if (!xml::is(root, "agencies")) return Error{path, "the root element must be <agencies>", line_of(root)};
    AgencyClasses out;
    for (const xmlNode* n = xml::first_el(root); n; n = xml::next_el(n)) {
        if (xml::is(n, "not-a-person")) {
            if (auto e = read_words(path, n, out.not_person)) return *e;
            continue;
        }
        if (!xml::is(n, "class")) return Error{path, "unknown element <" + std::string(xml::name(n)) + ">", line_of(n)};
        AgencyClasses::Class c;
        c.name = std::string(xml::attr(n, "name"));
        if (c.name.empty()) return Error{path, "<class> without a name", line_of(n)};
        if (auto e = read_words(path, n, c.phrases)) return *e;
        if (c.phrases.empty()) return Error{path, "class '" + c.name + "' has no words", line_of(n)};
        out.classes.push_back(std::move(c));
    }
    return out;
}

std::string PopulationFilter::describe() const {
    std::string s;
    if (!registered_from.empty() && !registered_to.empty())
        s = "assessments registered " + registered_from + " to " + registered_to;
    else if (!registered_from.empty())
        s = "assessments registered on or after " + registered_from;
    else if (!registered_to.empty())
        s = "assessments registered on or before " + registered_to;
    if (!lead.empty())
        s += (s.empty() ? "" : ", ") + std::string("lead professional from ") +
             (lead == "partner" ? "a partner agency" : "the " + lead);
    if (!open_on.empty()) s += (s.empty() ? "" : ", ") + std::string("open (not closed) on ") + open_on;
    return s.empty() ? "every case found" : s;
}

std::vector<size_t> filter_population(const std::vector<CaseSummary>& all, const PopulationFilter& f,
                                      const AgencyClasses& classes) {
    std::vector<size_t> out;
    const bool dated = !f.registered_from.empty() || !f.registered_to.empty();
    for (size_t i = 0; i < all.size(); ++i) {
        const auto& c = all[i];
        if (dated && c.assessment_date.empty()) continue;
        if (!f.registered_from.empty() && c.assessment_date < f.registered_from) continue;  // ISO dates sort as text
        if (!f.registered_to.empty() && c.assessment_date > f.registered_to) continue;
        if (!f.lead.empty() && classes.classify(c.lead_agency) != f.lead) continue;
        if (!f.open_on.empty() && !c.closure_date.empty() && c.closure_date <= f.open_on) continue;
        out.push_back(i);
    }
    return out;
}

namespace {

// Moves `k` randomly chosen elements of `pool` to its front (partial Fisher-Yates) and appends them to `out`.
void shuffle_take(std::vector<size_t>& pool, size_t k, SplitMix64& rng, std::vector<size_t>& out) {
    k = std::min(k, pool.size());
    for (size_t i = 0; i < k; ++i) {
        const size_t j = i + static_cast<size_t>(rng.below(pool.size() - i));
        std::swap(pool[i], pool[j]);
        out.push_back(pool[i]);
    }
}

std::string stratum_key(const CaseSummary& c, Stratify how) {
    const std::string& k = how == Stratify::council ? c.council : c.lead_agency;
    return k.empty() ? "(not recorded)" : k;
}

// Largest-remainder (Hamilton) allocation of `n` over `strata` by population share.
void allocate(std::vector<Stratum>& strata, size_t total, size_t n) {
    std::vector<std::pair<double, size_t>> rest;  // (remainder, index)
    size_t given = 0;
    for (size_t i = 0; i < strata.size(); ++i) {
        const double exact =
            static_cast<double>(n) * static_cast<double>(strata[i].population) / static_cast<double>(total);
        strata[i].sample = static_cast<size_t>(std::floor(exact));
        given += strata[i].sample;
        rest.emplace_back(exact - std::floor(exact), i);
    }
    std::stable_sort(rest.begin(), rest.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t k = 0; given < n && k < rest.size(); ++k, ++given) ++strata[rest[k].second].sample;
}

}  // namespace

Draw draw_sample(const std::vector<CaseSummary>& all, const std::vector<size_t>& members, size_t n, uint64_t seed,
                 Stratify how) {
    std::vector<size_t> pool = members;
    std::sort(pool.begin(), pool.end(), [&](size_t a, size_t b) { return all[a].key < all[b].key; });
    n = std::min(n, pool.size());
    SplitMix64 rng(seed);
    Draw d;
    if (how == Stratify::none) {
        shuffle_take(pool, n, rng, d.picked);
        return d;
    }
    std::map<std::string, std::vector<size_t>> groups;  // sorted by key; each keeps the pool's order
    for (size_t i : pool) groups[stratum_key(all[i], how)].push_back(i);
    for (const auto& [key, ids] : groups) d.strata.push_back(Stratum{key, ids.size(), 0});
    allocate(d.strata, pool.size(), n);
    size_t s = 0;
    for (auto& [key, ids] : groups) shuffle_take(ids, d.strata[s++].sample, rng, d.picked);
    return d;
}

size_t percent_of(double pct, size_t population) {
    if (population == 0 || pct <= 0) return 0;
    const double exact = pct * static_cast<double>(population) / 100.0;
    const size_t n = static_cast<size_t>(std::ceil(exact - 1e-9));
    return std::max<size_t>(1, std::min(n, population));
}

}  // namespace tfa::audit
