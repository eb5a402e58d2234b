#include "app/ledger_run.h"

#include <cstdlib>
#include <csignal>
#include <ostream>

#include "core/calendar.h"
#include "core/sha256.h"
#include "ledger/decisions.h"
#include "ledger/hash.h"
#include "core/text.h"
#include "ledger/db.h"
#include "rules/check_util.h"

namespace tfa::app {

std::string ledger_option(const Args& a) {
    if (auto l = a.get("--ledger")) return *l;
    const char* env = std::getenv("TFAUDIT_LEDGER");
    return env ? env : "";
}

std::string command_line(const std::vector<std::string>& args) {
    std::string s = "tfaudit";
    for (size_t i = 1; i < args.size(); ++i) {
        const auto& a = args[i];
        const size_t eq = a.find('=');
        if (text::starts_with(a, "--ledger="))
            s += " --ledger=" + ledger::shown_location(a.substr(eq + 1));
        else
            s += " " + ledger::shown_location(a);
    }
    return s;
}

std::string ledger_key(const std::string& family_ref, const std::string& case_name) {
    return family_ref.empty() ? case_name : family_ref;
}

class LedgerRun::Tee : public report::Writer {
public:
    Tee(LedgerRun& run, report::Writer& inner) : run_(run), inner_(inner) {}
    void begin(const report::RunInfo& info) override { inner_.begin(info); }
    void write_case(const rules::CaseResult& result, const std::string& record_json) override {
        rules::CaseResult r = result;
        run_.record(r);
        inner_.write_case(r, record_json);
    }
    void end(const report::RunSummary& sum) override { inner_.end(sum); }
    bool wants_record() const override { return inner_.wants_record(); }

private:
    LedgerRun& run_;
    report::Writer& inner_;
};

Result<std::unique_ptr<LedgerRun>> LedgerRun::start(const std::string& where, const rules::RulePack& pack,
                                                    const RunSetup& setup) {
    auto l = ledger::Ledger::open(where);
    if (!l) return l.error();
    std::unique_ptr<LedgerRun> run(new LedgerRun());
    run->ledger_ = std::move(l.value());
    run->pack_ = &pack;
    run->setup_ = setup;
    if (auto e = run->ledger_->begin()) return *e;
    run->open_ = true;
    auto claims = run->ledger_->claims();
    if (!claims) return claims.error();
    run->claims_ = std::move(claims.value());
    auto decisions = run->ledger_->decisions();
    if (!decisions) return decisions.error();
    run->decisions_ = std::move(decisions.value());
    run->run_ = ledger::RunRow{ledger::new_run_id(),
                               ledger::now_utc(),
                               setup.command,
                               cal::format(setup.as_of),
                               pack.name,
                               pack.version,
                               TFAUDIT_VERSION,
                               "",
                               0};
    if (auto e = run->ledger_->add_run(run->run_)) return *e;
    return run;
}

LedgerRun::~LedgerRun() {
    if (open_) ledger_->rollback();
}

void LedgerRun::note(const CaseRecord& record, const std::string& rendered) {
    Info info;
    info.evidence_hash = ledger::fast_sha256_hex(rendered.empty() ? to_json(record, report::kRecordDepth) : rendered);
    info.members = ledger_->member_hashes(record);
    info.entries = claims_.entries_for(ledger_key(record.family_ref, record.case_name), info.members, setup_.window);
    std::lock_guard<std::mutex> lock(mu_);
    noted_[key(record.case_name, record.family_ref)].push_back(std::move(info));
}

void LedgerRun::feed(const CaseRecord& record, report::Batch& batch) {
    std::lock_guard<std::mutex> lock(mu_);
    auto& q = noted_[key(record.case_name, record.family_ref)];
    if (q.empty()) return;
    Info info = std::move(q.front());
    q.pop_front();
    if (!record.family_ref.empty())
        for (const auto& e : info.entries) batch.add_known(record.family_ref, e);
    fed_[key(record.case_name, record.family_ref)].push_back(std::move(info));
}

report::Writer& LedgerRun::wrap(report::Writer& inner) {
    tee_ = std::make_unique<Tee>(*this, inner);
    return *tee_;
}

namespace {

std::string blockers_of(const rules::RulePack& pack, const rules::CaseResult& r) {
    std::vector<std::string> ids;
    for (size_t i = 0; i < r.findings.size() && i < pack.rules.size(); ++i)
        if (r.findings[i].status == rules::Status::Fail && pack.rules[i].severity == rules::Severity::Blocker)
            ids.push_back(r.findings[i].rule);
    return rules::util::join(ids, ",");
}

// A fault-injection seam for the ledger tests: TFAUDIT_TEST_KILL_AFTER=N kills the process
// (SIGKILL, no clean-up) after N cases were recorded, to show a killed run leaves no trace.
void maybe_die(size_t cases) {
    static const long after = [] {
        const char* e = std::getenv("TFAUDIT_TEST_KILL_AFTER");
        return e ? std::atol(e) : 0L;
    }();
    if (after > 0 && static_cast<long>(cases) >= after) std::raise(SIGKILL);
}

}  // namespace

void LedgerRun::record(rules::CaseResult& result) {
    const std::string ref = ledger_key(result.family_ref, result.case_name);
    if (auto it = decisions_.find(ref); it != decisions_.end()) ledger::apply_decisions(*pack_, result, it->second);
    Info info;
    {
        std::lock_guard<std::mutex> lock(mu_);
        auto& q = fed_[key(result.case_name, result.family_ref)];
        if (q.empty()) {
            auto& n = noted_[key(result.case_name, result.family_ref)];
            if (!n.empty()) info = std::move(n.front()), n.pop_front();
        } else {
            info = std::move(q.front());
            q.pop_front();
        }
    }
    ++cases_;
    all_hashes_ += info.evidence_hash;
    ledger::ResultRow row{run_.id,
                          ref,
                          rules::to_string(result.verdict),
                          result.route,
                          result.notes.claimable_from,
                          blockers_of(*pack_, result),
                          info.evidence_hash,
                          result.score,
                          {},
                          static_cast<int>(cases_)};
    for (const auto& f : result.findings) row.findings.push_back({f.rule, rules::to_string(f.status), ""});
    pending_.push_back(std::move(row));
    if (pending_.size() >= 256) flush();
    if (!setup_.window.empty() && !error_) {
        std::ostream& out = *setup_.claim_out;
        if (result.verdict == rules::Verdict::Claimable && !info.entries.empty()) {  // a pack without a duplicate rule
            ++claims_refused_;
            out << "refused  " << ref << ": already claimed (" << rules::util::join(info.entries, "; ") << ")\n";
        } else if (result.verdict != rules::Verdict::Claimable) {
            ++claims_refused_;
            std::vector<std::string> why;
            for (const auto& m : result.to_make_claimable) why.push_back(m.what);
            for (const auto& e : result.errors) why.push_back("unreadable " + e.file);
            out << "refused  " << ref << ": " << rules::to_string(result.verdict)
                << (why.empty() ? "" : " (" + rules::util::join(why, "; ") + ")") << "\n";
        } else {
            bool added = false;
            ledger::ClaimRow c{
                ref,     setup_.window,      result.route, pack_->name, cal::format(setup_.as_of), ledger::now_utc(),
                run_.id, info.evidence_hash, info.members};
            if (auto e = ledger_->add_claim(c, added)) error_ = e;
            if (added)
                ++claims_added_;
            else
                ++claims_already_;
            out << (added ? "recorded " : "already  ") << ref << ": " << result.route << " route, window "
                << setup_.window << (added ? "" : " (claimed before: unchanged)") << "\n";
        }
    }
    maybe_die(cases_);
}

void LedgerRun::flush() {
    if (!error_ && !pending_.empty()) error_ = ledger_->add_results(pending_);
    pending_.clear();
}

Status LedgerRun::finish() {
    flush();
    if (!error_) error_ = ledger_->set_run_cases(run_.id, static_cast<int>(cases_));
    if (!error_) error_ = ledger_->set_run_inputs(run_.id, ledger::fast_sha256_hex(all_hashes_));
    if (!error_) error_ = ledger_->commit();
    if (error_) {
        ledger_->rollback();
        open_ = false;
        return error_;
    }
    open_ = false;
    return std::nullopt;
}

}  // namespace tfa::app
