#include "app/record_wire.h"

#include "core/process_pool.h"

namespace tfa::app {

namespace {

// One description of the fields for both directions: Out appends, In reads.
struct Out {
    std::string& s;
    bool ok = true;
    void operator()(std::string& v) { proc::put_str(s, v); }
    void operator()(bool& v) { s += v ? '1' : '0'; }
    void operator()(std::optional<bool>& v) { s += !v ? '-' : *v ? '1' : '0'; }
    void count(size_t& n) { proc::put_u64(s, n); }
};

struct In {
    const std::string& s;
    size_t& pos;
    bool ok = true;
    void operator()(std::string& v) { ok = ok && proc::get_str(s, pos, v); }
    char byte() {
        if (!ok || pos >= s.size()) return ok = false, '0';
        return s[pos++];
    }
    void operator()(bool& v) { v = byte() == '1'; }
    void operator()(std::optional<bool>& v) {
        const char c = byte();
        v = c == '-' ? std::nullopt : std::optional<bool>(c == '1');
    }
    void count(size_t& n) {
        uint64_t v = 0;
        ok = ok && proc::get_u64(s, pos, v) && v <= s.size();  // never more items than bytes
        n = ok ? static_cast<size_t>(v) : 0;
    }
};

template <class IO, class T, class F>
void list(IO& io, std::vector<T>& v, F each) {
    size_t n = v.size();
    io.count(n);
    v.resize(n);
    for (auto& x : v) each(x);
}

template <class IO>
void strings(IO& io, std::vector<std::string>& v) {
    list(io, v, [&](std::string& s) { io(s); });
}

template <class IO>
void source(IO& io, Source& s) {
    io(s.file);
    io(s.where);
    io(s.quote);
}

template <class IO>
void items(IO& io, CaseRecord& r) {
    list(io, r.identified, [&](Identified& x) { io(x.criterion), io(x.evidence), io(x.members), source(io, x.src); });
    list(io, r.plan_outcomes, [&](PlanOutcome& x) {
        io(x.criterion), io(x.need), io(x.outcome), source(io, x.src);
        list(io, x.actions, [&](Action& a) { io(a.what), io(a.who), io(a.by_when); });
    });
    list(io, r.reviews, [&](Review& x) {
        io(x.date), io(x.number), io(x.next_review), strings(io, x.attendees), source(io, x.src);
        list(io, x.outcomes, [&](ReviewOutcome& o) {
            io(o.criterion), io(o.progress), io(o.rating), io(o.achieved), source(io, o.src);
        });
    });
    list(io, r.closure_outcomes, [&](ClosureOutcome& x) {
        io(x.criterion), io(x.achieved), io(x.date_achieved), io(x.sustained_since), io(x.evidence), source(io, x.src);
    });
    list(io, r.evidence, [&](Evidence& x) {
        io(x.criterion), io(x.member), io(x.measure), io(x.period_start), io(x.period_end), io(x.value),
            source(io, x.src), io(x.better);
    });
    list(io, r.members, [&](Member& x) { io(x.name), io(x.relationship), io(x.dob), source(io, x.src); });
    list(io, r.unreadable, [&](Unreadable& x) { io(x.file), io(x.reason); });
    list(io, r.auditor_judgements, [&](AuditorJudgement& x) { io(x.rule), io(x.judgement), io(x.by), io(x.date); });
    list(io, r.warnings, [&](ReaderWarning& x) { io(x.file), io(x.where), io(x.message), io(x.loses_content); });
    list(io, r.unrecognised, [&](Unrecognised& x) { io(x.file), strings(io, x.labels); });
    bool discretionary = r.discretionary.has_value();
    io(discretionary);
    if (discretionary) {
        if (!r.discretionary) r.discretionary.emplace();
        io(r.discretionary->approver), io(r.discretionary->date), io(r.discretionary->rationale);
        source(io, r.discretionary->src);
    }
}

template <class IO>
void fields(IO& io, CaseRecord& r) {
    io(r.case_name);
    strings(io, r.files);
    strings(io, r.doc_types);
    strings(io, r.doc_type_from);
    for (auto* s :
         {&r.family_ref, &r.council, &r.assessment_started, &r.assessment_completed, &r.assessment_date,
          &r.lead_professional, &r.lead_agency, &r.completed_by, &r.reason, &r.consent_date, &r.consent_signed_by,
          &r.manager, &r.manager_date, &r.plan_date, &r.closure_date, &r.closure_reason})
        io(*s);
    strings(io, r.criteria);
    strings(io, r.criteria_added);
    strings(io, r.consent_scope);
    io(r.consent_given);
    io(r.voice_of_child);
    io(r.has_assessment);
    io(r.has_plan);
    io(r.has_closure);
    items(io, r);
}

}  // namespace

void encode_record(std::string& out, const CaseRecord& r) {
    Out o{out};
    fields(o, const_cast<CaseRecord&>(r));  // Out only reads the record
    size_t n = r.sources.size();
    o.count(n);
    for (const auto& [k, src] : r.sources) {
        proc::put_str(out, k);
        for (const auto* s : {&src.file, &src.where, &src.quote}) proc::put_str(out, *s);
    }
    n = r.states.size();
    o.count(n);
    for (const auto& [k, st] : r.states) {
        proc::put_str(out, k);
        proc::put_str(out, to_string(st));
    }
}

bool decode_record(const std::string& in, size_t& pos, CaseRecord& r) {
    r = CaseRecord{};
    In i{in, pos};
    fields(i, r);
    size_t n = 0;
    i.count(n);
    for (size_t k = 0; i.ok && k < n; ++k) {
        std::string key;
        i(key);
        source(i, r.sources[key]);
    }
    i.count(n);
    for (size_t k = 0; i.ok && k < n; ++k) {
        std::string key, word;
        i(key);
        i(word);
        if (auto st = parse_field_state(word))
            r.states[key] = *st;
        else
            i.ok = false;
    }
    return i.ok;
}

}  // namespace tfa::app
