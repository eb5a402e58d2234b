// A check, audit or claim run recorded in a claims ledger: the glue between the pipeline,
// the batch and src/ledger. The run is one transaction, begun before the first case (after
// it, earlier claims and decisions are read) and committed after the last; until then the
// ledger holds nothing of it.
#pragma once

#include <deque>
#include <iosfwd>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/args.h"
#include "ledger/ledger.h"
#include "report/batch.h"
#include "report/writer.h"
#include "rules/pack.h"

namespace tfa::app {

// The --ledger option, else $TFAUDIT_LEDGER; empty when neither is set.
std::string ledger_option(const Args& a);

struct RunSetup {
    std::string command;  // the command line, for the runs table
    long as_of = 0;
    std::string window;                 // claim: the window being claimed; empty for check and audit
    std::ostream* claim_out = nullptr;  // claim: where "recorded ..." and "refused ..." lines go
};

class LedgerRun {
public:
    // Opens the ledger, begins the run's transaction and reads the earlier claims and the
    // decisions. Errors name the ledger (cannot open, damaged, locked, too new).
    static Result<std::unique_ptr<LedgerRun>> start(const std::string& where, const rules::RulePack& pack,
                                                    const RunSetup& setup);
    ~LedgerRun();

    // What the run needs of a record: its evidence hash (SHA-256 of to_json(record,
    // report::kRecordDepth); pass `rendered` when the batch already made it), member hashes and
    // the duplicate entries from earlier claims. Thread-safe (call it on the worker that built
    // the record).
    void note(const CaseRecord& record, const std::string& rendered = "");
    // Hands the noted entries of `record` to the batch (call in output order, before add()).
    void feed(const CaseRecord& record, report::Batch& batch);

    // A writer that attaches decisions to each result, records it (and in a claim run the
    // claim) in the ledger, then passes it to `inner`. Lives as long as this LedgerRun.
    report::Writer& wrap(report::Writer& inner);

    // Commits the run. Errors name the ledger; nothing of the run is kept then.
    Status finish();
    // The first error met while recording (the run will not be committed), if any.
    const Status& error() const { return error_; }

    const std::string& where() const { return ledger_->where(); }
    size_t recorded() const { return claims_added_; }
    size_t refused() const { return claims_refused_; }
    size_t already() const { return claims_already_; }

private:
    struct Info {
        std::string evidence_hash;
        std::vector<std::string> members, entries;
    };
    class Tee;
    LedgerRun() = default;
    void record(rules::CaseResult& result);
    void flush();
    static std::string key(const std::string& case_name, const std::string& ref) { return case_name + "\n" + ref; }

    std::unique_ptr<ledger::Ledger> ledger_;
    const rules::RulePack* pack_ = nullptr;
    RunSetup setup_;
    ledger::RunRow run_;
    ledger::ClaimIndex claims_;
    std::map<std::string, std::vector<ledger::DecisionRow>> decisions_;
    std::mutex mu_;
    std::map<std::string, std::deque<Info>> noted_, fed_;
    std::vector<ledger::ResultRow> pending_;
    std::string all_hashes_;
    std::unique_ptr<report::Writer> tee_;
    Status error_;
    bool open_ = false;
    size_t cases_ = 0, claims_added_ = 0, claims_refused_ = 0, claims_already_ = 0;
};

// The command line as a run records it ("tfaudit check ..."), PostgreSQL passwords removed.
std::string command_line(const std::vector<std::string>& args);

// The family key a ledger keeps for a result: its family reference, else its case name.
std::string ledger_key(const std::string& family_ref, const std::string& case_name);

}  // namespace tfa::app
