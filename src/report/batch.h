// A check run over a batch: judges each record as it arrives and streams the results to a
// writer. Memory stays bounded: when the pack has duplicate_ref rules (which need every
// family reference in the batch), each judged case is spooled to a temporary file — its
// findings and rendered record, never its documents — and written once all references are
// known; only the references (and case names) stay in memory.
#pragma once

#include <cstdio>
#include <memory>
#include <string>

#include "core/result.h"
#include "model/record.h"
#include "report/writer.h"
#include "rules/check.h"

namespace tfa::report {

// A case judged as far as it can be alone, with its record rendered: the part of Batch::add
// that can run on a worker thread (Batch::prepare), handed to add() in output order.
struct PreparedCase {
    CaseRecord stub;           // case name, family reference and its source only
    rules::CaseResult result;  // final when the pack has no duplicate_ref rules, else raw
    std::string record_json;   // to_json(record, kRecordDepth), or empty
};

class Batch {
public:
    // `pack` and `writer` must outlive the Batch. Calls writer.begin().
    Batch(const rules::RulePack& pack, long as_of, Writer& writer);
    ~Batch();
    Batch(const Batch&) = delete;
    Batch& operator=(const Batch&) = delete;

    // Judges `record` (records arrive in output order) and writes or spools it.
    void add(const CaseRecord& record);

    // The same in two steps: prepare() is thread-safe and does the judging and rendering;
    // add() of its result, in output order, writes or spools it.
    PreparedCase prepare(const CaseRecord& record) const;
    void add(PreparedCase&& prepared);

    // Adds a duplicate entry from outside the batch (a claims ledger: "claimed in window W on
    // D") for `family_ref`: its duplicate_ref rules fail, quoting `entry`. Call before finish().
    void add_known(const std::string& family_ref, const std::string& entry);

    // Writes the spooled cases and calls writer.end(). Call once. When error() is set, writes
    // nothing more (and does not call writer.end()): the run must stop with that error.
    RunSummary finish();

    // Why the batch cannot report every case: the spool file could not be created or written
    // (a full or unwritable $TMPDIR). Set from the constructor on; writer.begin() is not
    // called when the spool cannot be created.
    const Status& error() const { return error_; }

private:
    void emit(rules::CaseResult& result, const std::string& record_json);
    void spool(const rules::CaseResult& raw, const std::string& record_json, const CaseRecord& stub);
    bool unspool(rules::CaseResult& raw, std::string& record_json, CaseRecord& stub);
    void spool_failed(int err);

    const rules::RulePack& pack_;
    long as_of_;
    Writer& writer_;
    bool deferred_;  // the pack has duplicate_ref rules
    std::FILE* spool_ = nullptr;
    size_t spooled_ = 0;  // cases written to the spool
    Status error_;
    rules::BatchRefs refs_;  // family reference → case names, in arrival order
    RunSummary summary_;
};

}  // namespace tfa::report
