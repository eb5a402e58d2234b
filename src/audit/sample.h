// Audit samples: the population a quality team or internal audit defines, and a reproducible
// seeded random draw from it.
//
// The draw depends only on the population's case keys, the sample size, the seed and the
// stratification, never on the standard library's distributions: SplitMix64 drives a partial
// Fisher-Yates shuffle of the population sorted by case key, so another auditor (or another
// build of this tool) redraws the same sample. Everything here is pure and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace tfa::audit {

// SplitMix64 (Steele, Lea & Flood 2014): a tiny, well-mixed 64-bit generator.
class SplitMix64 {
public:
    explicit SplitMix64(uint64_t seed) : state_(seed) {}
    uint64_t next();
    // A uniform integer in [0, bound) for bound >= 1, without modulo bias (rejection).
    uint64_t below(uint64_t bound);

private:
    uint64_t state_;
};

// What the population filters and the draw need to know about one case: small, so that a
// whole batch of them stays in memory.
struct CaseSummary {
    std::string key;  // unique, stable: the case name (plus the folder when names repeat)
    std::string council, lead_agency, assessment_date;  // as extracted; date ISO or empty
    std::string closure_date;                           // ISO or empty: not closed
};

// Lead-agency classes as data (templates/report/agencies.xml): a class is a name and a list
// of words or phrases; the first class (file order) with a phrase among the agency name's
// words wins. Names matching none are "unknown".
struct AgencyClasses {
    struct Class {
        std::string name;
        std::vector<std::string> phrases;  // lower case, single-spaced
    };
    std::vector<Class> classes;
    std::vector<std::string> not_person;  // words that mark a string as no person's name

    // The class of `agency` ("partner", "council", ...) or "unknown" (also for empty).
    std::string classify(const std::string& agency) const;
    // True if `s` holds one of the phrases of any class or of not_person.
    bool names_an_agency(const std::string& s) const;
};

// Loads agency classes from `path`. Errors name the file and line: unreadable XML, an
// unknown element, a class without a name or phrases.
Result<AgencyClasses> load_agency_classes(const std::string& path);

// The population definition. Empty fields do not filter.
struct PopulationFilter {
    std::string registered_from, registered_to;  // ISO, inclusive; cases with no date are out when either is set
    std::string lead;                            // an AgencyClasses class name ("partner", "council")
    std::string open_on;                         // ISO: keep only cases not closed on or before this day

    // One line for the report: "assessments registered 2018-09-01 to 2019-03-31, led by partner agencies".
    std::string describe() const;
};

// The indices (ascending) of the cases of `all` inside the population.
std::vector<size_t> filter_population(const std::vector<CaseSummary>& all, const PopulationFilter& f,
                                      const AgencyClasses& classes);

enum class Stratify { none, council, agency };

// One stratum of a stratified draw: its key, its size in the population and its share of the sample.
struct Stratum {
    std::string key;
    size_t population = 0, sample = 0;
};

struct Draw {
    std::vector<size_t> picked;   // indices into `all`, in draw order
    std::vector<Stratum> strata;  // empty unless stratified
};

// Draws `n` cases (all when n >= population) from the population `members` (indices into
// `all`). The population is sorted by key first, so its order of arrival does not matter.
// Stratified: strata sorted by key, each given a proportional share (largest remainder, ties
// to the earlier stratum), then drawn in stratum order from the one generator.
Draw draw_sample(const std::vector<CaseSummary>& all, const std::vector<size_t>& members, size_t n, uint64_t seed,
                 Stratify how);

// The sample size for `pct` percent of `population`: rounded up, at least 1 when the
// population is not empty.
size_t percent_of(double pct, size_t population);

}  // namespace tfa::audit
