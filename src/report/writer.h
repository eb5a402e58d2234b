// Report writers: each formats the checker's CaseResults, one case at a time, so a batch of
// any size streams out in bounded memory. One table of writers by name (writers.cpp).
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <map>
#include <string>
#include <vector>

#include "rules/check.h"
#include "rules/pack.h"

namespace tfa {
class JsonWriter;
}

namespace tfa::report {

// What a run is: the pack (owned by the caller, alive until end()) and the as-of date.
struct RunInfo {
    const rules::RulePack* pack = nullptr;
    std::string as_of;  // ISO date
};

struct WriterOptions {
    bool colour = false;  // text only: ANSI colour (the caller decides, e.g. isatty)
    // json only: writes members of the caller's own (keys and values) at the top of the
    // report's object, before "as_of" (audit --json's sample); none when empty.
    std::function<void(JsonWriter&)> json_head;
};

// Totals passed to end().
struct RunSummary {
    size_t cases = 0, claimable = 0, not_claimable = 0, needs_review = 0;
    // needs_review cases by cause ("unreadable_document", "layout_not_understood",
    // "reader_warning", "judgement"), in name order.
    std::map<std::string, size_t> review_causes;

    // "2 unreadable document, 1 layout not understood": the causes in words; "" when none.
    std::string causes_in_words() const;
};

// The JSON indent depth at which a case's "record" must be rendered (tfa::to_json(record,
// kRecordDepth)) so that it sits inside the JSON report's layout.
constexpr int kRecordDepth = 3;

class Writer {
public:
    virtual ~Writer() = default;
    // Called once, before any case.
    virtual void begin(const RunInfo& run) = 0;
    // One case, in output order. `record_json` is the case record rendered with
    // to_json(record, kRecordDepth), or empty when wants_record() is false.
    virtual void write_case(const rules::CaseResult& result, const std::string& record_json) = 0;
    // Called once after the last case. Flushes everything.
    virtual void end(const RunSummary& summary) = 0;
    // True if write_case needs `record_json` (the JSON writer).
    virtual bool wants_record() const { return false; }
};

struct WriterEntry {
    const char* name;
    const char* summary;
    std::unique_ptr<Writer> (*make)(std::ostream& out, const WriterOptions& opts);
};

// The one table of writers: text, json, csv, cases-csv, junit, xlsx.
const std::vector<WriterEntry>& writers();

// The writer called `name` writing to `out`, or null for an unknown name.
std::unique_ptr<Writer> make_writer(const std::string& name, std::ostream& out, const WriterOptions& opts);

// The writers, one per file. Each writes to `out`, which must outlive it.
std::unique_ptr<Writer> make_text_writer(std::ostream& out, const WriterOptions& opts);
std::unique_ptr<Writer> make_json_writer(std::ostream& out, const WriterOptions& opts);
std::unique_ptr<Writer> make_csv_writer(std::ostream& out, const WriterOptions& opts);
std::unique_ptr<Writer> make_cases_csv_writer(std::ostream& out, const WriterOptions& opts);
std::unique_ptr<Writer> make_junit_writer(std::ostream& out, const WriterOptions& opts);
std::unique_ptr<Writer> make_xlsx_writer(std::ostream& out, const WriterOptions& opts);

// RFC 4180 field: quoted (with doubled quotes) when it holds a comma, quote, CR or LF.
std::string csv_field(const std::string& s);

}  // namespace tfa::report
