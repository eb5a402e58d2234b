#include "report/batch.h"

#include <algorithm>

#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

#include "core/calendar.h"
#include "rules/claimable.h"

namespace tfa::report {

namespace {

void put_u64(std::FILE* f, uint64_t v) { std::fwrite(&v, sizeof v, 1, f); }
void put_str(std::FILE* f, const std::string& s) {
    put_u64(f, s.size());
    if (!s.empty()) std::fwrite(s.data(), 1, s.size(), f);
}
bool get_u64(std::FILE* f, uint64_t& v) { return std::fread(&v, sizeof v, 1, f) == 1; }
bool get_str(std::FILE* f, std::string& s) {
    uint64_t n = 0;
    if (!get_u64(f, n)) return false;
    s.resize(n);
    return n == 0 || std::fread(&s[0], 1, n, f) == n;
}

// An anonymous temporary file in $TMPDIR (else /tmp), removed when closed; or the error.
std::FILE* open_spool(Status& error) {
    const char* env = std::getenv("TMPDIR");
    const std::string dir = env && *env ? env : "/tmp";
    std::string tmpl = dir + "/tfaudit-spool-XXXXXX";
    const int fd = ::mkstemp(&tmpl[0]);
    std::FILE* f = fd < 0 ? nullptr : ::fdopen(fd, "w+b");
    if (fd >= 0) ::unlink(tmpl.c_str());
    if (!f) {
        error = Error{dir, std::string("cannot create the spool file the duplicate-reference rules need (") +
                               std::strerror(errno) + "); set TMPDIR to a writable folder"};
        if (fd >= 0) ::close(fd);
    }
    return f;
}

bool has_duplicate_rules(const rules::RulePack& pack) {
    for (const auto& r : pack.rules)
        if (r.kind == "duplicate_ref") return true;
    return false;
}

}  // namespace

Batch::Batch(const rules::RulePack& pack, long as_of, Writer& writer)
    : pack_(pack), as_of_(as_of), writer_(writer), deferred_(has_duplicate_rules(pack)) {
    if (deferred_) spool_ = open_spool(error_);
    if (!error_) writer_.begin(RunInfo{&pack_, cal::format(as_of_)});
}

Batch::~Batch() {
    if (spool_) std::fclose(spool_);
}

void Batch::emit(rules::CaseResult& result, const std::string& record_json) {
    rules::settle_claimable(pack_, result);
    ++summary_.cases;
    if (result.verdict == rules::Verdict::Claimable)
        ++summary_.claimable;
    else if (result.verdict == rules::Verdict::NeedsReview) {
        ++summary_.needs_review;
        ++summary_.review_causes[rules::to_string(result.review_cause)];
    } else
        ++summary_.not_claimable;
    writer_.write_case(result, record_json);
}

PreparedCase Batch::prepare(const CaseRecord& record) const {
    PreparedCase p;
    p.stub.case_name = record.case_name;
    p.stub.family_ref = record.family_ref;
    if (auto it = record.sources.find("family_ref"); it != record.sources.end())
        p.stub.sources["family_ref"] = it->second;
    if (writer_.wants_record()) p.record_json = to_json(record, kRecordDepth);
    p.result = deferred_ ? rules::judge_rules(pack_, record, as_of_, nullptr)
                         : rules::check_case(pack_, record, as_of_, nullptr);
    p.result.notes.claimable_from = rules::claimable_from(pack_, record, as_of_, p.result);
    return p;
}

void Batch::add_known(const std::string& family_ref, const std::string& entry) { refs_[family_ref].push_back(entry); }

void Batch::add(const CaseRecord& record) { add(prepare(record)); }

void Batch::add(PreparedCase&& p) {
    if (error_) return;
    if (!deferred_) {
        emit(p.result, p.record_json);
        return;
    }
    refs_[p.stub.family_ref].push_back(p.stub.case_name.empty() ? p.stub.family_ref : p.stub.case_name);
    spool(p.result, p.record_json, p.stub);
    ++spooled_;
}

// Spool layout per case: record_json, the stub (case name, family_ref and its source), the
// raw result's names, then its findings and errors.
void Batch::spool(const rules::CaseResult& raw, const std::string& record_json, const CaseRecord& record) {
    // `record` is the stub of a PreparedCase: case name, family reference and its source.
    put_str(spool_, record_json);
    const auto it = record.sources.find("family_ref");
    const Source src = it == record.sources.end() ? Source{} : it->second;
    for (const auto* s : {&record.case_name, &record.family_ref, &src.file, &src.where, &src.quote})
        put_str(spool_, *s);
    put_str(spool_, raw.case_name);
    put_str(spool_, raw.notes.claimable_from);
    put_u64(spool_, raw.findings.size());
    for (const auto& f : raw.findings) {
        put_u64(spool_, static_cast<uint64_t>(f.status) | (f.undecided ? 0x100u : 0u));
        put_u64(spool_, static_cast<uint64_t>(f.severity));
        for (const auto* s : {&f.rule, &f.message, &f.fix, &f.fix_document}) put_str(spool_, *s);
        put_u64(spool_, f.evidence.size());
        for (const auto& e : f.evidence)
            for (const auto* s : {&e.file, &e.where, &e.quote}) put_str(spool_, *s);
    }
    put_u64(spool_, raw.errors.size());
    for (const auto& e : raw.errors) {
        put_str(spool_, e.file);
        put_str(spool_, e.error);
    }
    put_u64(spool_, raw.unrecognised.size());
    for (const auto& u : raw.unrecognised) {
        put_str(spool_, u.file);
        put_u64(spool_, u.labels.size());
        for (const auto& l : u.labels) put_str(spool_, l);
    }
    if (std::ferror(spool_)) spool_failed(errno);
}

void Batch::spool_failed(int err) {
    if (!error_)
        error_ = Error{"spool file", std::string("cannot write the spool file the duplicate-reference rules need (") +
                                         std::strerror(err ? err : EIO) + "); set TMPDIR to a folder with room"};
}

bool Batch::unspool(rules::CaseResult& raw, std::string& record_json, CaseRecord& stub) {
    Source src;
    bool ok = get_str(spool_, record_json);
    for (auto* s : {&stub.case_name, &stub.family_ref, &src.file, &src.where, &src.quote})
        ok = ok && get_str(spool_, *s);
    if (!src.empty()) stub.sources["family_ref"] = src;
    ok = ok && get_str(spool_, raw.case_name);
    ok = ok && get_str(spool_, raw.notes.claimable_from);
    raw.family_ref = stub.family_ref;
    uint64_t n = 0;
    ok = ok && get_u64(spool_, n);
    for (uint64_t i = 0; ok && i < n; ++i) {
        rules::Finding f;
        uint64_t status = 0, severity = 0;
        ok = ok && get_u64(spool_, status) && get_u64(spool_, severity);
        f.status = static_cast<rules::Status>(status & 0xffu);
        f.undecided = (status & 0x100u) != 0;
        f.severity = static_cast<rules::Severity>(severity);
        for (auto* s : {&f.rule, &f.message, &f.fix, &f.fix_document}) ok = ok && get_str(spool_, *s);
        uint64_t m = 0;
        ok = ok && get_u64(spool_, m);
        for (uint64_t k = 0; ok && k < m; ++k) {
            rules::EvidenceRef e;
            for (auto* s : {&e.file, &e.where, &e.quote}) ok = ok && get_str(spool_, *s);
            f.evidence.push_back(std::move(e));
        }
        raw.findings.push_back(std::move(f));
    }
    ok = ok && get_u64(spool_, n);
    for (uint64_t i = 0; ok && i < n; ++i) {
        rules::CaseError e;
        ok = get_str(spool_, e.file) && get_str(spool_, e.error);
        raw.errors.push_back(std::move(e));
    }
    ok = ok && get_u64(spool_, n);
    for (uint64_t i = 0; ok && i < n; ++i) {
        Unrecognised u;
        uint64_t m = 0;
        ok = get_str(spool_, u.file) && get_u64(spool_, m);
        for (uint64_t k = 0; ok && k < m; ++k) {
            std::string l;
            ok = get_str(spool_, l);
            u.labels.push_back(std::move(l));
        }
        raw.unrecognised.push_back(std::move(u));
    }
    return ok;
}

std::string RunSummary::causes_in_words() const {
    std::string out;
    for (const auto& [cause, n] : review_causes) {
        std::string words = cause;
        std::replace(words.begin(), words.end(), '_', ' ');
        out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + words;
    }
    return out;
}

RunSummary Batch::finish() {
    if (spool_ && !error_ && std::fflush(spool_) != 0) spool_failed(errno);
    if (error_) return summary_;  // no report from a part of the cases
    if (spool_) {
        std::rewind(spool_);
        for (size_t n = 0; n < spooled_; ++n) {
            rules::CaseResult res;
            std::string record_json;
            CaseRecord stub;
            if (!unspool(res, record_json, stub)) {
                spool_failed(std::ferror(spool_) ? errno : EIO);
                return summary_;
            }
            for (size_t k = 0; k < pack_.rules.size() && k < res.findings.size(); ++k)
                if (pack_.rules[k].kind == "duplicate_ref")
                    res.findings[k] = rules::check_rule(pack_, pack_.rules[k], stub, as_of_, &refs_);
            rules::finalize(pack_, res);
            emit(res, record_json);
        }
    }
    writer_.end(summary_);
    return summary_;
}

}  // namespace tfa::report
