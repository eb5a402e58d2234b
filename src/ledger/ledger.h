// The claims ledger: every check/audit run, every claim and every auditor decision, kept in
// an SQLite file or a PostgreSQL database (one schema, versioned, migrated on open).
//
// The ledger keeps no document text and no personal names: a run stores each case's family
// reference, verdict, route, score, claimable_from, the ids and statuses of its findings and a
// hash of its evidence; a claim stores salted hashes of the family's members (normalised name
// and date of birth; the salt is made once per ledger and kept in it). Every method returns
// errors as values naming the ledger. A Ledger is used from one thread.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/result.h"
#include "ledger/db.h"
#include "model/record.h"
#include "rules/annotations.h"
#include "rules/check.h"

namespace tfa::ledger {

// The schema version this binary writes; a ledger with a higher version is refused.
int schema_version();

struct RunRow {
    std::string id, started, command, as_of, pack, pack_version, tool_version, inputs_hash;
    int cases = 0;
};

struct FindingRow {
    std::string rule, status, severity;  // severity is not kept
};

struct ResultRow {
    std::string run_id, family_ref, verdict, route, claimable_from, blockers, evidence_hash;
    int score = 0;
    std::vector<FindingRow> findings;
    int seq = 0;  // the case's place in its run's output, from 1
};

struct ClaimRow {
    std::string family_ref, window, route, pack, as_of, claimed_at, run_id, evidence_hash;
    std::vector<std::string> member_hashes;
};

struct DecisionRow {
    std::string family_ref;
    rules::Decision d;
    std::string finding_status;  // the finding's status when the decision was made, or ""
};

// Earlier claims, in memory for one run: who was claimed when, and by whose members.
struct ClaimIndex {
    std::map<std::string, std::vector<ClaimRow>> by_ref;          // family reference → its claims
    std::map<std::string, std::set<std::string>> refs_by_member;  // member hash → references

    // The duplicate entries for a family (its reference and member hashes), ignoring claims in
    // `window` (a re-run of that window): "claimed in window W on D" and "members match R,
    // claimed in window W on D". Needs at least min(2, members) matching members.
    std::vector<std::string> entries_for(const std::string& family_ref, const std::vector<std::string>& member_hashes,
                                         const std::string& window) const;
};

class Ledger {
public:
    // Opens (creating when needed) and migrates the ledger at `where` (see open_db). Errors: it
    // cannot be opened, it is damaged or locked, or its schema is newer than this binary.
    static Result<std::unique_ptr<Ledger>> open(const std::string& where);

    const std::string& where() const { return db_->where(); }
    bool postgres() const { return db_->postgres(); }

    // Salted hash of a member: normalised name and date of birth. Empty when either is missing.
    std::string member_hash(const std::string& name, const std::string& dob) const;
    // The member hashes of a record, sorted and unique.
    std::vector<std::string> member_hashes(const CaseRecord& r) const;

    // The run's transaction: begin() waits for other writers; nothing is kept until commit().
    Status begin();
    Status commit();
    void rollback();

    Status add_run(const RunRow& run);
    Status set_run_cases(const std::string& run_id, int cases);
    // The run's input hash: over every case's evidence hash, in output order.
    Status set_run_inputs(const std::string& run_id, const std::string& inputs_hash);
    // Records results of a run (its row added first), several per statement.
    Status add_results(const std::vector<ResultRow>& rows);
    // Records a claim unless the family is already claimed in that window. `added` says which.
    Status add_claim(const ClaimRow& claim, bool& added);
    Status add_decision(const DecisionRow& d);

    Result<ClaimIndex> claims() const;
    Result<std::vector<ClaimRow>> claim_rows(const std::string& family_ref = "") const;
    // Decisions by family reference, oldest first.
    Result<std::map<std::string, std::vector<DecisionRow>>> decisions() const;
    Result<std::vector<RunRow>> runs() const;
    // The results of one run, or of every run for one family (run_id empty).
    Result<std::vector<ResultRow>> results(const std::string& run_id, const std::string& family_ref = "") const;
    // The status of `rule` for `family_ref` in the latest run that judged it, or "".
    Result<std::string> latest_status(const std::string& family_ref, const std::string& rule) const;

    // Deletes runs (with their results) started before `date`; claims and decisions are kept.
    // Returns the number of runs deleted.
    Result<int> purge_runs_before(const std::string& date);

private:
    explicit Ledger(std::unique_ptr<Db> db) : db_(std::move(db)) {}
    Status migrate();

    std::unique_ptr<Db> db_;
    std::string salt_;
};

// A new run id: the UTC time and a random suffix ("20261130T111530Z-3fa2c1").
std::string new_run_id();
// The current UTC time as ISO 8601 ("2026-11-30T11:15:30Z").
std::string now_utc();

}  // namespace tfa::ledger
