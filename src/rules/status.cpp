#include "rules/status.h"

#include <array>
#include <utility>

namespace tfa::rules {

namespace {

template <typename E, size_t N>
std::optional<E> parse(const std::array<std::pair<E, const char*>, N>& table, std::string_view s) {
    for (const auto& [e, word] : table)
        if (s == word) return e;
    return std::nullopt;
}

template <typename E, size_t N>
const char* word(const std::array<std::pair<E, const char*>, N>& table, E e) {
    for (const auto& [x, w] : table)
        if (x == e) return w;
    return "?";
}

constexpr std::array<std::pair<Status, const char*>, 5> kStatus{{{Status::Pass, "pass"},
                                                                 {Status::Fail, "fail"},
                                                                 {Status::Warn, "warn"},
                                                                 {Status::NotApplicable, "not_applicable"},
                                                                 {Status::NeedsReview, "needs_review"}}};
constexpr std::array<std::pair<Verdict, const char*>, 3> kVerdict{{{Verdict::Claimable, "claimable"},
                                                                   {Verdict::NotClaimable, "not_claimable"},
                                                                   {Verdict::NeedsReview, "needs_review"}}};
constexpr std::array<std::pair<Severity, const char*>, 4> kSeverity{{{Severity::Blocker, "blocker"},
                                                                     {Severity::Major, "major"},
                                                                     {Severity::Minor, "minor"},
                                                                     {Severity::Warning, "warning"}}};

}  // namespace

const char* to_string(ReviewCause c) {
    switch (c) {
        case ReviewCause::UnreadableDocument:
            return "unreadable_document";
        case ReviewCause::LayoutNotUnderstood:
            return "layout_not_understood";
        case ReviewCause::ReaderWarning:
            return "reader_warning";
        case ReviewCause::Judgement:
            return "judgement";
        case ReviewCause::None:
            break;
    }
    return "";
}

const char* to_string(Status s) { return word(kStatus, s); }
const char* to_string(Verdict v) { return word(kVerdict, v); }
const char* to_string(Severity s) { return word(kSeverity, s); }
std::optional<Status> parse_status(std::string_view s) { return parse(kStatus, s); }
std::optional<Verdict> parse_verdict(std::string_view s) { return parse(kVerdict, s); }
std::optional<Severity> parse_severity(std::string_view s) { return parse(kSeverity, s); }

}  // namespace tfa::rules
