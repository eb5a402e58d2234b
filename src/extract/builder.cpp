// build_record(): a bundle's document facts → one CaseRecord.
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "core/text.h"
#include "extract/choice.h"
#include "extract/dates.h"
#include "model/answers.h"
#include "extract/extractor.h"
#include "model/schema.h"

namespace tfa::extract {

namespace {

class Builder {
public:
    Builder(CaseRecord& r, const Vocab& v) : r_(r), v_(v) {}

    void doc(const DocFacts& d) {
        r_.files.push_back(d.path);
        name_refs_.emplace_back(d.path, !d.name_ref.empty() ? d.name_ref : reference_in_name(d.path));
        r_.doc_types.push_back(d.type_words());
        r_.doc_type_from.push_back(d.type_from);
        name_warning(d.path);
        if (!d.error.empty()) {
            r_.unreadable.push_back({d.path, d.error});
            ++unreadable_docs_;
            return;
        }
        for (const auto& w : d.warnings) r_.warnings.push_back(reader_warning(d.path, w));
        if (d.types.empty()) {
            Unrecognised u{d.path, {}};
            for (const auto& [label, src] : d.unmatched)
                if (std::find(u.labels.begin(), u.labels.end(), label) == u.labels.end()) u.labels.push_back(label);
            r_.unrecognised.push_back(std::move(u));
        }
        note_labels(d);
        scalar("family_ref", d, "family_ref", r_.family_ref);
        if (r_.council.empty() && !d.council.empty()) r_.council = d.council;
        if (d.is(DocType::Assessment)) assessment(d);
        if (d.is(DocType::Plan)) plan(d);
        if (d.is(DocType::Review)) review(d);
        if (d.is(DocType::Closure)) closure(d);
        for (const auto& t : d.tables)
            if (t.kind == "evidence") evidence(d, t);
        // Whatever document names the lead professional, if the assessment did not.
        scalar("lead_professional", d, "lead_professional", r_.lead_professional);
        scalar("lead_agency", d, "lead_agency", r_.lead_agency);
    }

    // A file or folder name that is not valid UTF-8 is shown with U+FFFD in every report; the
    // record says so, with the real bytes, so that an auditor can find the file.
    void name_warning(const std::string& path) {
        if (text::is_valid_utf8(path)) return;
        r_.warnings.push_back({path, "",
                               "the file's path is not valid UTF-8 (" + text::show_invalid_bytes(path) +
                                   "); reports show U+FFFD in place of the bad bytes",
                               false});
    }

    // A reader's warning, its "page N: " prefix taken as where it is.
    static ReaderWarning reader_warning(const std::string& file, const ReadWarning& rw) {
        const std::string& w = rw.message;
        if (w.rfind("page ", 0) == 0) {
            const size_t colon = w.find(": ");
            if (colon != std::string::npos && colon < 12)
                return {file, w.substr(0, colon), w.substr(colon + 2), rw.lost};
        }
        return {file, "", w, rw.lost};
    }

    // Every record key a labelled field or a recognised table of `d` speaks to, even with an
    // empty value: the difference between a blank field and one no document has.
    void note_labels(const DocFacts& d) {
        for (const auto& h : d.hits) {
            // An employment section speaks to the hard data only in a closure (closure()).
            if (is_employment_field(h.field) && !d.is(DocType::Closure)) continue;
            for (const auto& f : template_fields())
                if (h.field == f.name && *f.fills && !labelled_.count(f.fills)) labelled_[f.fills] = h.src;
        }
        static const std::map<std::string, std::string> table_key = {
            {"members", "members"}, {"criteria", "criteria"},        {"plan", "plan_outcomes"},
            {"review", "reviews"},  {"closure", "closure_outcomes"}, {"evidence", "evidence"}};
        for (const auto& t : d.tables)
            if (auto it = table_key.find(t.kind); it != table_key.end() && !labelled_.count(it->second))
                labelled_[it->second] = t.src;
        if (!d.listed.empty() && !labelled_.count("criteria")) labelled_["criteria"] = d.listed.front().src;
        if (d.consent_tick && !labelled_.count("consent_given")) labelled_["consent_given"] = d.consent_src;
        if (d.is(DocType::Review) && !labelled_.count("reviews")) labelled_["reviews"] = Source{d.path, "", ""};
    }

    // The state of every record key that has a noun (schema.h): found, blank, no, not found or
    // unreadable.
    void states() {
        const bool some_unreadable = unreadable_docs_ > 0;
        for (const auto& k : record_keys()) {
            if (!*k.noun) continue;
            const std::string key = k.key;
            FieldState st;
            if (bad_dates_.count(key))
                st = FieldState::Unreadable;
            else if (auto v = filled(key))
                st = *v ? FieldState::Found : FieldState::No;
            else if (labelled_.count(key))
                st = FieldState::Blank;
            else if (some_unreadable)
                st = FieldState::Unreadable;
            else
                st = FieldState::NotFound;
            r_.states[key] = st;
            if (st == FieldState::Blank && !r_.sources.count(key) && !labelled_[key].file.empty())
                r_.sources[key] = labelled_[key];
        }
        // Closure outcomes from a table whose achieved column tfaudit did not recognise, none of
        // them answered: whether they were achieved was not found, which is not "not achieved".
        if (!unanswered_closure_.file.empty() && r_.states["closure_outcomes"] == FieldState::Found &&
            std::none_of(r_.closure_outcomes.begin(), r_.closure_outcomes.end(),
                         [](const ClosureOutcome& o) { return o.achieved.has_value(); })) {
            r_.states["closure_outcomes"] = FieldState::NotFound;
            r_.sources["closure_outcomes"] = unanswered_closure_;
        }
        // The assessment date is the completed, else the started date: what is known of it is
        // what is known of them (a blank "Date assessment started" is a blank assessment date).
        if (r_.states["assessment_date"] != FieldState::Found) {
            for (FieldState want : {FieldState::Unreadable, FieldState::Blank})
                for (const char* k : {"assessment_completed", "assessment_started"})
                    if (r_.states[k] == want && r_.states["assessment_date"] == FieldState::NotFound) {
                        r_.states["assessment_date"] = want;
                        if (r_.sources.count(k)) r_.sources["assessment_date"] = r_.sources[k];
                    }
        }
    }

    // Whether `key` holds a value: true, false for a negative answer, nullopt when empty.
    std::optional<bool> filled(const std::string& key) const {
        if (auto v = text_field(r_, key)) return v->empty() ? std::nullopt : std::optional<bool>(true);
        auto some = [](bool any) { return any ? std::optional<bool>(true) : std::nullopt; };
        if (key == "consent_given") return r_.consent_given;
        if (key == "voice_of_child")
            return r_.voice_of_child && *r_.voice_of_child ? std::optional<bool>(true) : std::nullopt;
        if (key == "criteria") {
            if (!r_.criteria.empty()) return true;
            // Every listed criterion answered no: answered in the negative.
            return any_listed_no_ ? std::optional<bool>(false) : std::nullopt;
        }
        if (key == "consent_scope") return some(!r_.consent_scope.empty());
        if (key == "plan_outcomes") return some(!r_.plan_outcomes.empty());
        if (key == "review_dates") return some(!r_.review_dates().empty());
        if (key == "reviews") return some(!r_.reviews.empty());
        if (key == "closure_outcomes") return some(!r_.closure_outcomes.empty());
        if (key == "evidence") {
            if (!r_.evidence.empty()) return true;
            // A closure saying no adult moved into work, and no hard data: answered in the negative.
            return employment_no_ ? std::optional<bool>(false) : std::nullopt;
        }
        if (key == "members") return some(!r_.members.empty());
        return std::nullopt;
    }

    // The family reference from the token the bundle's file names share ("MC-2291 Plan.docx",
    // "MC-2291 Review 1.docx"), when no document gives one: a word of letters, digits, '-' or
    // '/' holding a digit, in more than half of the file names (and at least two).
    // The family reference from the one the bundle's file names share ("MC-2291 Plan.docx",
    // "MC-2291 Review 1.docx"), when no document gives one: reference_in_name's token, in more
    // than half of the file names (and at least two).
    void reference_from_file_names() {
        if (!r_.family_ref.empty() || r_.files.size() < 2) return;
        std::map<std::string, size_t> count;
        std::map<std::string, std::string> first_file;
        for (const auto& [f, t] : name_refs_)
            if (!t.empty()) {
                ++count[t];
                first_file.emplace(t, f);
            }
        std::string best;
        for (const auto& [t, n] : count)
            if (n >= 2 && n * 2 > r_.files.size() && (best.empty() || n > count[best])) best = t;
        if (best.empty()) return;
        r_.family_ref = best;
        r_.sources["family_ref"] = Source{first_file[best], "file name", best};
    }

    void finish() {
        reference_from_file_names();
        link_to_plan();
        std::stable_sort(r_.reviews.begin(), r_.reviews.end(), [](const Review& a, const Review& b) {
            if (a.date.empty() != b.date.empty()) return b.date.empty();
            return a.date < b.date;
        });
        r_.assessment_date = !r_.assessment_completed.empty() ? r_.assessment_completed : r_.assessment_started;
        if (r_.assessment_date.empty() && !assessment_date_.empty()) r_.assessment_date = assessment_date_;
        if (!r_.assessment_date.empty() && !r_.sources.count("assessment_date")) {
            for (const char* k : {"assessment_completed", "assessment_started"})
                if (r_.sources.count(k)) {
                    r_.sources["assessment_date"] = r_.sources[k];
                    break;
                }
        }
        // Criteria in pack order; those a review or the closure names explicitly (a criterion
        // column or code, or a heading), and the assessment did not, are "added". A cue word in
        // free text ("work with the health visitor") never adds one.
        std::set<std::string> at_assessment(identified_.begin(), identified_.end());
        for (const auto& id : v_.criteria_order()) {
            if (at_assessment.count(id))
                r_.criteria.push_back(id);
            else if (named_later_.count(id) && r_.has_assessment)
                r_.criteria_added.push_back(id);
        }
        benefit_ends();
        states();
    }

private:
    // The ISO date of a hit, or "" (an impossible or ambiguous one is listed as unreadable).
    std::string date_of(const DocFacts& d, const Hit& h) {
        if (h.value.empty()) return {};
        const auto p = d.parse_date(h.value);
        if (p.status == dates::Status::Ok) return p.iso;
        if (p.status != dates::Status::None) {
            r_.unreadable.push_back({d.path, std::string(dates::to_string(p.status)) + " '" + p.text + "' (" + h.field +
                                                 ", " + h.src.where + ")"});
            for (const auto& f : template_fields())
                if (h.field == f.name && *f.fills) bad_dates_.insert(f.fills);
        }
        return {};
    }

    std::string date_text(const DocFacts& d, const std::string& text, const Source& src, const char* what) {
        if (text.empty()) return {};
        const auto p = d.parse_date(text);
        if (p.status == dates::Status::Ok) return p.iso;
        if (p.status != dates::Status::None)
            r_.unreadable.push_back({d.path, std::string(dates::to_string(p.status)) + " '" + p.text + "' (" + what +
                                                 ", " + src.where + ")"});
        return {};
    }

    // Fills `out` from the first hit for `field` in `d` if `out` is still empty.
    void scalar(const char* key, const DocFacts& d, const char* field, std::string& out) {
        if (!out.empty()) return;
        const Hit* h = d.hit(field);
        if (!h || h->value.empty()) return;
        out = h->value;
        r_.sources[key] = h->src;
    }

    void date_scalar(const char* key, const DocFacts& d, const char* field, std::string& out) {
        if (!out.empty()) return;
        const Hit* h = d.hit(field);
        if (!h) return;
        out = date_of(d, *h);
        if (!out.empty()) r_.sources[key] = h->src;
    }

    void assessment(const DocFacts& d) {
        const bool first = !r_.has_assessment;
        r_.has_assessment = true;
        if (!first) return;
        date_scalar("assessment_started", d, "assessment_started", r_.assessment_started);
        date_scalar("assessment_completed", d, "assessment_completed", r_.assessment_completed);
        if (const Hit* h = d.hit("assessment_date")) {
            assessment_date_ = date_of(d, *h);
            if (!assessment_date_.empty()) r_.sources["assessment_date"] = h->src;
        }
        scalar("lead_professional", d, "lead_professional", r_.lead_professional);
        scalar("lead_agency", d, "lead_agency", r_.lead_agency);
        scalar("completed_by", d, "completed_by", r_.completed_by);
        scalar("reason", d, "reason", r_.reason);
        scalar("manager", d, "manager", r_.manager);
        date_scalar("manager_date", d, "manager_date", r_.manager_date);
        if (const Hit* h = d.hit("voice_of_child")) {
            r_.voice_of_child = !h->value.empty();
            r_.sources["voice_of_child"] = h->src;
        }
        consent(d);
        for (const auto& t : d.tables) {
            if (t.kind == "members") members(d, t);
            if (t.kind == "criteria") criteria_table(t);
        }
        for (const auto& c : d.listed) {
            if (c.identified)
                identify(c.criterion, c.evidence, c.members, c.src);
            else
                any_listed_no_ = true;
        }
    }

    void identify(const std::string& id, const std::string& evidence, const std::string& members, const Source& src) {
        if (id.empty() || std::find(identified_.begin(), identified_.end(), id) != identified_.end()) return;
        identified_.push_back(id);
        r_.identified.push_back({id, evidence, members, src});
    }

    void consent(const DocFacts& d) {
        // The consent hit that answers yes or no, else the first (a blank answer).
        const Hit* h = d.hit("consent");
        for (const auto& c : d.hits)
            if (c.field == "consent" && read_yes_no(v_, c.value)) {
                h = &c;
                break;
            }
        if (h) {
            const Choice c = parse_choice(h->value);
            if (c.state == Choice::State::Several) {
                r_.unreadable.push_back({d.path, c.reason + " (consent, " + h->src.where + ")"});
                bad_dates_.insert("consent_given");
            }
            r_.consent_given = answer(h->value);
            r_.sources["consent_given"] = h->src;
        } else if (d.consent_tick) {
            if (*d.consent_tick) r_.consent_given = true;
            r_.sources["consent_given"] = d.consent_src;
        }
        date_scalar("consent_date", d, "consent_date", r_.consent_date);
        scalar("consent_signed_by", d, "consent_signed_by", r_.consent_signed_by);
        // What the consent names: the consent section's text, a statement field, the label.
        std::string statement = d.consent_text;
        Source where = d.consent_src;
        if (const Hit* s = d.hit("consent_statement")) {
            statement += "\n" + s->value;
            if (where.empty()) where = s->src;
        }
        if (h) {
            statement += "\n" + h->label;
            if (where.empty()) where = h->src;
        }
        r_.consent_scope = v_.values_in("scope", statement);
        if (!r_.consent_scope.empty()) r_.sources["consent_scope"] = where;
    }

    std::optional<bool> answer(const std::string& value) const { return read_yes_no(v_, value); }

    // "yes", "no" or "partly" for an Achieved? cell: a word ("Met", "Partly met", "Not
    // achieved"), an option marked by a box or by emphasis ("☒ YES ☐ NO"), or the first words
    // of a longer answer ("Met – no concerns since"); "" when it says none of these.
    std::string achieved_word(const std::string& raw) const {
        const Choice c = parse_choice(raw);
        if (c.state == Choice::State::One) return v_.value("achieved", c.chosen);
        if (c.state != Choice::State::NotAChoice) return {};
        const std::string t = text::trim(raw);
        if (std::string a = v_.value("achieved", t); !a.empty()) return a;
        // The longest leading run of words that is an achieved word.
        const auto words = text::split(text::collapse_ws(t), ' ');
        for (size_t n = std::min<size_t>(words.size(), 4); n > 0; --n) {
            std::string head;
            for (size_t i = 0; i < n; ++i) head += (i ? " " : "") + words[i];
            if (std::string a = v_.value("achieved", head); !a.empty()) return a;
        }
        return {};
    }

    // Several actions written as lines of one cell ("- Refer to ...", "• Breakfast club"), each
    // with the who and when on the same line of their cells when those have as many lines.
    static std::vector<Action> actions_of(const std::string& what, const std::string& who, const std::string& when,
                                          const DocFacts& d) {
        auto lines = [](const std::string& s) {
            std::vector<std::string> out;
            for (auto l : text::split(s, '\n')) {
                l = text::trim(l);
                for (const char* b : {"- ", "\u2022 ", "* ", "\u2013 "})
                    if (text::starts_with(l, b)) l = text::trim(l.substr(std::string(b).size()));
                // "1. ", "2) " numbering
                size_t k = 0;
                while (k < l.size() && std::isdigit(static_cast<unsigned char>(l[k]))) ++k;
                if (k > 0 && k < 3 && k + 1 < l.size() && (l[k] == '.' || l[k] == ')') && l[k + 1] == ' ')
                    l = text::trim(l.substr(k + 2));
                if (!l.empty()) out.push_back(text::collapse_ws(l));
            }
            return out;
        };
        const auto whats = lines(what), whos = lines(who), whens = lines(when);
        std::vector<Action> out;
        for (size_t i = 0; i < whats.size(); ++i) {
            Action a{whats[i], "", ""};
            a.who = whos.size() == whats.size() ? whos[i] : text::collapse_ws(who);
            a.by_when = whens.size() == whats.size() ? whens[i] : text::collapse_ws(when);
            if (!a.by_when.empty()) {
                const auto p = d.parse_date(a.by_when);
                if (p.status == dates::Status::Ok) a.by_when = p.iso;
            }
            out.push_back(std::move(a));
        }
        return out;
    }

    void members(const DocFacts& d, const Table& t) {
        for (const auto& row : t.rows) {
            Member m;
            auto get = [&](const char* c) {
                auto it = row.cells.find(c);
                return it == row.cells.end() ? std::string() : it->second;
            };
            m.name = get("name");
            if (m.name.empty()) m.name = text::trim(get("forename") + " " + get("surname"));
            if (m.name.empty()) continue;
            m.relationship = get("relationship");
            const auto p = d.parse_date(get("dob"));
            m.dob = p.status == dates::Status::Ok ? p.iso : "";
            m.src = row.src;
            r_.members.push_back(std::move(m));
        }
    }

    void criteria_table(const Table& t) {
        const bool has_flag = t.has("identified");
        for (const auto& row : t.rows) {
            auto get = [&](const char* c) {
                auto it = row.cells.find(c);
                return it == row.cells.end() ? std::string() : it->second;
            };
            const std::string id = v_.criterion(get("criterion"));
            if (id.empty()) continue;
            bool on = !get("evidence").empty();
            if (has_flag) {
                on = answer(get("identified")).value_or(false);
            }
            if (on) identify(id, get("evidence"), get("members"), row.src);
        }
    }

    static std::string cell(const Row& row, const char* c) {
        auto it = row.cells.find(c);
        return it == row.cells.end() ? std::string() : it->second;
    }

    // The criterion a row names explicitly: its criterion column or heading, or a name, theme
    // or code in its need or outcome; "" when only a cue word in free text could say.
    std::string named_criterion(const Row& row) const {
        if (const std::string id = v_.criterion(cell(row, "criterion")); !id.empty()) return id;
        if (no_criterion_goal(row)) return {};
        if (std::string id = v_.criterion(row.group); !row.group.empty() && !id.empty()) return id;
        for (const char* c : {"need", "outcome"})
            if (std::string id = v_.named_criterion(cell(row, c)); !id.empty()) return id;
        return {};
    }

    // The criterion a row's criterion column or the heading it sits under names, or "".
    std::string explicit_criterion(const Row& row) const {
        if (const std::string id = v_.criterion(cell(row, "criterion")); !id.empty()) return id;
        if (row.group.empty() || no_criterion_goal(row)) return {};
        return v_.criterion(row.group);
    }

    // True when the row's goal, need or the heading it sits under is a goal name a template lists
    // as carrying no criterion: its words then give none (only a criterion column can).
    bool no_criterion_goal(const Row& row) const {
        for (const std::string& s : {cell(row, "outcome"), cell(row, "need"), row.group})
            if (!s.empty() && v_.carries_no_criterion(s)) return true;
        return false;
    }

    // The words of a review or closure row that may repeat a plan goal.
    static std::string goal_text(const Row& row) { return cell(row, "outcome") + " " + cell(row, "need"); }

    // Content words of `s`: lower case, three letters or more, common words left out.
    static std::set<std::string> content_words(const std::string& s) {
        static const std::set<std::string> stop = {"the",  "and",  "for",  "with", "are",  "has",
                                                   "have", "will", "from", "that", "this", "their",
                                                   "they", "into", "not",  "all",  "every"};
        std::set<std::string> out;
        std::string w;
        for (char c : text::lower(s) + " ") {
            if (std::isalnum(static_cast<unsigned char>(c))) {
                w += c;
                continue;
            }
            if (w.size() >= 3 && !stop.count(w)) out.insert(w);
            w.clear();
        }
        return out;
    }

    // Review and closure rows that name no criterion take the criterion of the plan goal they
    // repeat or paraphrase (most shared words, at least half of the shorter text's); a row like
    // no goal keeps what its own words name, cue words included.
    void link_to_plan() {
        for (const auto& l : links_) {
            const auto words = content_words(l.text);
            std::string best;
            bool linked = false;
            double best_score = 0;
            for (const auto& po : r_.plan_outcomes) {
                // A goal without a criterion takes part only when a template says it carries none.
                if (po.criterion.empty() && !v_.carries_no_criterion(po.outcome) && !v_.carries_no_criterion(po.need))
                    continue;
                const auto goal = content_words(po.outcome + " " + po.need);
                size_t shared = 0;
                for (const auto& w : words) shared += goal.count(w);
                const size_t smaller = std::min(words.size(), goal.size());
                const double score = smaller ? static_cast<double>(shared) / static_cast<double>(smaller) : 0;
                if (shared >= 2 && score >= 0.5 && score > best_score) {
                    best_score = score;
                    best = po.criterion;
                    linked = true;
                }
            }
            std::string& target = l.review == kClosure ? r_.closure_outcomes[l.row].criterion
                                                       : r_.reviews[l.review].outcomes[l.row].criterion;
            target = linked ? best : l.fallback;
        }
    }

    // The criterion a row is about: its criterion column, else the heading it sits under,
    // else what its need or outcome text names.
    std::string row_criterion(const Row& row) const {
        if (const std::string id = explicit_criterion(row); !id.empty() || no_criterion_goal(row)) return id;
        for (const char* c : {"need", "outcome"}) {
            const std::string id = v_.criterion(cell(row, c));
            if (!id.empty()) return id;
        }
        return {};
    }

    void plan(const DocFacts& d) {
        r_.has_plan = true;
        date_scalar("plan_date", d, "plan_date", r_.plan_date);
        for (const auto& t : d.tables) {
            if (t.kind != "plan") continue;
            PlanOutcome* cur = nullptr;
            for (const auto& row : t.rows) {
                const std::string outcome = cell(row, "outcome"), need = cell(row, "need");
                const bool same = cur && ((!outcome.empty() && outcome == cur->outcome && need == cur->need) ||
                                          (outcome.empty() && need.empty()));
                if (!same) {
                    r_.plan_outcomes.push_back({row_criterion(row), need, outcome, {}, row.src});
                    cur = &r_.plan_outcomes.back();
                }
                for (const auto& a : row.actions) cur->actions.push_back(a);
                for (auto& a : actions_of(cell(row, "action"), cell(row, "who"), cell(row, "by_when"), d))
                    cur->actions.push_back(std::move(a));
            }
        }
    }

    void review(const DocFacts& d) {
        Review rv;
        if (const Hit* h = d.hit("review_date")) {
            rv.date = date_of(d, *h);
            rv.src = h->src;
        }
        if (const Hit* h = d.hit("review_number")) rv.number = h->value;
        if (const Hit* h = d.hit("next_review")) rv.next_review = date_of(d, *h);
        if (const Hit* h = d.hit("attendees")) {
            std::string s = h->value;
            for (char& c : s)
                if (c == ';' || c == '\n') c = ',';
            for (const auto& p : text::split(s, ',')) {
                const std::string name = text::collapse_ws(p);
                if (!name.empty()) rv.attendees.push_back(name);
            }
        }
        for (const auto& t : d.tables) {
            if (t.kind != "review") continue;
            for (const auto& row : t.rows) {
                ReviewOutcome o;
                o.criterion = explicit_criterion(row);
                if (o.criterion.empty())
                    links_.push_back({r_.reviews.size(), rv.outcomes.size(), goal_text(row), row_criterion(row)});
                if (const std::string n = named_criterion(row); !n.empty()) named_later_.insert(n);
                o.progress = cell(row, "progress");
                o.rating = cell(row, "rating");
                o.achieved = achieved_word(cell(row, "achieved"));
                if (o.achieved.empty() && d.parse_date(cell(row, "achieved")).status == dates::Status::Ok)
                    o.achieved = "yes";
                o.src = row.src;
                rv.outcomes.push_back(std::move(o));
            }
        }
        r_.reviews.push_back(std::move(rv));
    }

    void closure(const DocFacts& d) {
        r_.has_closure = true;
        date_scalar("closure_date", d, "closure_date", r_.closure_date);
        scalar("closure_reason", d, "closure_reason", r_.closure_reason);
        for (const auto& t : d.tables) {
            if (t.kind != "closure") continue;
            if (!t.has("achieved") && !t.has("date_achieved") && !t.rows.empty() && unanswered_closure_.file.empty())
                unanswered_closure_ = t.src;
            for (const auto& row : t.rows) {
                ClosureOutcome o;
                o.criterion = explicit_criterion(row);
                if (o.criterion.empty())
                    links_.push_back({kClosure, r_.closure_outcomes.size(), goal_text(row), row_criterion(row)});
                if (const std::string n = named_criterion(row); !n.empty()) named_later_.insert(n);
                const std::string raw = cell(row, "achieved");
                const std::string a = achieved_word(raw);
                if (a == "yes") o.achieved = true;
                if (a == "no" || a == "partly") o.achieved = false;
                o.date_achieved = date_text(d, cell(row, "date_achieved"), row.src, "date achieved");
                // A cell holding a date instead of a word: achieved, on that date.
                if (a.empty()) {
                    const auto p = d.parse_date(raw);
                    if (p.status == dates::Status::Ok) {
                        o.achieved = true;
                        if (o.date_achieved.empty()) o.date_achieved = p.iso;
                    }
                }
                o.sustained_since = date_text(d, cell(row, "sustained_since"), row.src, "sustained since");
                o.evidence = cell(row, "evidence");
                o.src = row.src;
                r_.closure_outcomes.push_back(std::move(o));
            }
        }
        employment(d);
    }

    static bool is_employment_field(const std::string& field) { return text::starts_with(field, "employment_"); }

    // A closure's employment section: each entry (an adult, the benefit they left, when it
    // ended, when work began, the employer, the weeks in work; a field seen again starts the
    // next entry) gives the rows a hard-data CSV's benefit and work rows give (evidence()).
    void employment(const DocFacts& d) {
        std::vector<std::map<std::string, const Hit*>> entries;
        for (const auto& h : d.hits) {
            if (!is_employment_field(h.field)) continue;
            if (entries.empty() || entries.back().count(h.field)) entries.emplace_back();
            entries.back()[h.field] = &h;
        }
        // The closure's date, read quietly: closure() has already reported it if it was bad.
        const Hit* closed = d.hit("closure_date");
        const auto p = dates::parse(closed ? closed->value : std::string());
        const std::string closed_on = p.status == dates::Status::Ok ? p.iso : std::string();
        for (const auto& e : entries) employment_entry(d, e, closed_on);
    }

    // One adult's entry of an employment section. The benefit ended when work began unless the
    // entry says when; the weeks in work run from the start of work to the closure's date
    // (`closed_on`, "" when the closure is undated: the weeks are then not counted). Every row
    // quotes the whole entry ("Adult: ... | Employer: ..."), so the employer is cited with it.
    void employment_entry(const DocFacts& d, const std::map<std::string, const Hit*>& e, const std::string& closed_on) {
        auto hit = [&](const char* f) -> const Hit* {
            auto it = e.find(f);
            return it == e.end() || it->second->value.empty() ? nullptr : it->second;
        };
        std::string quote, heading;
        for (const auto& h : d.hits)
            for (const auto& [f, x] : e)
                if (x == &h && !h.value.empty()) {
                    quote +=
                        (quote.empty() ? "" : " | ") + text::collapse_ws(h.label) + ": " + text::collapse_ws(h.value);
                    if (heading.empty()) heading = h.section;
                }
        if (quote.empty()) return;  // a blank entry: its labels make the evidence blank
        // "Has an adult moved into work? No" names no one: the answer, not an adult.
        const Hit* who = hit("employment_member");
        const std::optional<bool> answer = who ? read_yes_no(v_, who->value) : std::nullopt;
        if (answer && !*answer) {
            employment_no_ = true;
            return;
        }
        if (answer) who = nullptr;
        auto row = [&](const char* measure, const Hit* h, std::string value) {
            Evidence x;
            x.criterion = v_.criterion(heading);
            x.member = who ? member_named(who->value) : std::string();
            x.measure = measure;
            x.value = std::move(value);
            x.src = h->src;
            x.src.quote = quote;
            return x;
        };
        const Hit* start = hit("employment_start");
        const std::string began = start ? date_of(d, *start) : std::string();
        const Hit* end = hit("employment_benefit_end");
        std::string ended = end ? date_of(d, *end) : std::string();
        if (!end && !began.empty()) end = start, ended = began;
        if (const Hit* b = hit("employment_benefit")) {
            Evidence x = row("benefit", b, text::collapse_ws(b->value));
            x.period_end = ended;
            r_.evidence.push_back(std::move(x));
        }
        if (!ended.empty() && (hit("employment_benefit") || hit("employment_benefit_end")))
            r_.evidence.push_back(row("benefit_end", end, ended));
        if (!began.empty()) r_.evidence.push_back(row("employment_start", start, began));
        if (const Hit* w = hit("employment_weeks")) {
            Evidence x = row("weeks_in_work", w, leading_number(w->value));
            x.period_start = began;
            x.period_end = closed_on;
            r_.evidence.push_back(std::move(x));
        }
    }

    // The household member `written` names ("Dana Price (mother)" → "Dana Price"), else as written.
    std::string member_named(const std::string& written) const {
        const std::string key = text::match_key(written);
        std::string found;
        for (const auto& m : r_.members)
            if (!m.name.empty() && contains_words(key, text::match_key(m.name))) {
                if (!found.empty() && found != m.name) return text::collapse_ws(written);
                found = m.name;
            }
        return found.empty() ? text::collapse_ws(written) : found;
    }

    // "26 weeks" → "26"; text holding no number as written.
    static std::string leading_number(const std::string& s) {
        const size_t at = s.find_first_of("0123456789");
        if (at == std::string::npos) return text::collapse_ws(s);
        size_t end = at;
        while (end < s.size() && (std::isdigit(static_cast<unsigned char>(s[end])) || s[end] == '.')) ++end;
        return s.substr(at, end - at);
    }

    void evidence(const DocFacts& d, const Table& t) {
        for (const auto& row : t.rows) {
            Evidence e;
            e.criterion = v_.criterion(cell(row, "criterion"));
            e.member = cell(row, "member");
            e.measure = v_.value("measure", cell(row, "measure"));
            if (e.measure.empty()) e.measure = text::match_key(cell(row, "measure"));
            e.better = v_.better(e.measure);
            e.period_start = date_text(d, cell(row, "period_start"), row.src, "period start");
            e.period_end = date_text(d, cell(row, "period_end"), row.src, "period end");
            if (e.period_end.empty()) e.period_end = date_text(d, cell(row, "date"), row.src, "date");
            e.value = cell(row, "value");
            // Date-valued measures are kept in ISO form.
            if (e.measure == "benefit_end" || e.measure == "employment_start") {
                const auto p = d.parse_date(e.value);
                if (p.status == dates::Status::Ok) e.value = p.iso;
            }
            if (e.value.size() > 1 && e.value.back() == '%') e.value.pop_back();
            if (e.measure == "benefit") e.value = benefit_key(e.value);
            e.src = row.src;
            // A work row ("employed - Harbourside Logistics", from 28/08/2018): work began when
            // its period starts.
            if (e.measure == "employment_start" && d.parse_date(e.value).status != dates::Status::Ok &&
                !e.period_start.empty()) {
                e.value = e.period_start;
            }
            const Evidence row_e = e;
            r_.evidence.push_back(std::move(e));
            // A benefit row's period ends when the benefit ended: the benefit_end that the
            // employment route reads, unless a row of the bundle gives it.
            if (row_e.measure == "benefit" && !row_e.period_end.empty()) benefit_rows_.push_back(row_e);
        }
    }

    // The key of the benefit `value` names by a <value of="benefit"> word ("Universal Credit" →
    // "UC"), the whole value or the one benefit named in it; else the value as written.
    std::string benefit_key(const std::string& value) const {
        if (std::string k = v_.value("benefit", value); !k.empty()) return k;
        const auto named = v_.values_in("benefit", value);
        return named.size() == 1 ? named.front() : value;
    }

    // The benefit_end of each benefit row whose member has none of their own.
    void benefit_ends() {
        for (const auto& b : benefit_rows_) {
            const bool has_end = std::any_of(r_.evidence.begin(), r_.evidence.end(), [&](const Evidence& e) {
                return e.measure == "benefit_end" && e.member == b.member;
            });
            if (has_end) continue;
            Evidence e = b;
            e.measure = "benefit_end";
            e.value = b.period_end;
            e.period_start.clear();
            e.period_end.clear();
            r_.evidence.push_back(std::move(e));
        }
    }

    CaseRecord& r_;
    const Vocab& v_;
    std::vector<std::string> identified_;
    std::set<std::string> named_later_;   // criteria a review or the closure names explicitly
    std::vector<Evidence> benefit_rows_;  // benefit rows with a period end, for benefit_ends()
    // (file, the reference its name carries), for reference_from_file_names()
    std::vector<std::pair<std::string, std::string>> name_refs_;
    // A review or closure row to link to the plan goal it repeats (link_to_plan).
    struct Link {
        size_t review, row;  // review index (kClosure: a closure row), row index
        std::string text, fallback;
    };
    static constexpr size_t kClosure = static_cast<size_t>(-1);
    std::vector<Link> links_;
    std::string assessment_date_;
    std::map<std::string, Source> labelled_;  // record key → where a label for it was seen
    std::set<std::string> bad_dates_;         // record keys whose date was impossible or ambiguous
    bool any_listed_no_ = false;
    bool employment_no_ = false;  // a closure says no adult moved into work
    // A closure table with no column tfaudit read as saying whether each outcome was achieved
    // (its header not understood): where it is, empty when none.
    Source unanswered_closure_;
    int unreadable_docs_ = 0;
};

}  // namespace

// One rule for the reference in a file name (extractor.h).
std::string reference_in_name(const std::string& path) {
    std::string stem = path.substr(path.find_last_of('/') + 1);
    if (const size_t dot = stem.rfind('.'); dot != std::string::npos) stem.resize(dot);
    for (char& c : stem)
        if (c == '_') c = ' ';
    std::string found;
    for (const auto& t : text::split(stem, ' ')) {
        // A reference is mostly digits: "MC-2291", "ED/2019/00417", "2318"; not "review-2-final".
        const auto digits =
            std::count_if(t.begin(), t.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        const auto alnum =
            std::count_if(t.begin(), t.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
        const bool ok = std::all_of(t.begin(), t.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '/';
        });
        if (t.size() < 4 || digits < 3 || digits * 5 < alnum * 2 || !ok || dates::parse(t).status == dates::Status::Ok)
            continue;
        if (!found.empty()) return {};
        found = t;
    }
    return found;
}

std::pair<std::string, size_t> opening_answer(const Vocab& v, std::string_view s) {
    size_t end = 0;
    while (end < s.size() && (std::isalpha(static_cast<unsigned char>(s[end])) || s[end] == '/')) ++end;
    if (end == 0) return {};
    std::string a = v.value("answer", std::string(s.substr(0, end)));
    if (a.empty()) return {};
    return {std::move(a), end};
}

std::optional<bool> read_yes_no(const Vocab& v, const std::string& value) {
    const Choice c = parse_choice(value);
    auto word = [&v](const std::string& s) {
        std::string a = v.value("answer", s);
        if (a.empty()) a = opening_answer(v, s).first;  // "Yes – signed by mother"
        return a;
    };
    switch (c.state) {
        case Choice::State::NotAChoice: {
            const std::string a = word(text::trim(value));
            if (a == "yes") return true;
            if (a == "no") return false;
            return std::nullopt;
        }
        case Choice::State::One: {
            const std::string a = word(c.chosen);
            if (a == "yes") return true;
            if (a == "no") return false;
            // A single "☒ I agree to ..." box is a yes; "☒ N/A" answers neither way.
            if (c.chosen.empty() || !is_answer_word(c.chosen)) return true;
            return std::nullopt;
        }
        default:
            return std::nullopt;
    }
}

CaseRecord build_record(const std::string& case_name, std::vector<DocFacts> docs, const Vocab& vocab) {
    // A bundle's documents in date order; undated ones after, by path.
    std::vector<std::pair<std::string, size_t>> order;
    for (size_t i = 0; i < docs.size(); ++i) order.emplace_back(docs[i].date(), i);
    std::stable_sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
        if (a.first.empty() != b.first.empty()) return b.first.empty();
        if (a.first != b.first) return a.first < b.first;
        return docs[a.second].path < docs[b.second].path;
    });
    CaseRecord r;
    r.case_name = case_name;
    Builder b(r, vocab);
    for (const auto& [date, i] : order) b.doc(docs[i]);
    b.finish();
    return r;
}

std::string explain_case(const CaseRecord& r) {
    std::string s = "== case " + (r.case_name.empty() ? r.family_ref : r.case_name) + ": what the record knows\n";
    for (const auto& k : record_keys()) {
        if (!*k.noun) continue;
        const FieldState st = r.state(k.key);
        s += "    " + std::string(k.key) + ": " + to_string(st);
        auto it = r.sources.find(k.key);
        if (it != r.sources.end() && !it->second.file.empty()) {
            s += " (" + it->second.file + ", " + it->second.where;
            if (!it->second.quote.empty()) s += ": " + text::quoted(it->second.quote);
            s += st == FieldState::Blank ? "; the label is there, the value empty" : "";
            s += ")";
        }
        s += "\n";
    }
    if (!r.warnings.empty()) {
        s += "  reader warnings:\n";
        for (const auto& w : r.warnings)
            s += "    " + w.file + (w.where.empty() ? "" : ", " + w.where) + ": " + w.message +
                 (w.loses_content ? "" : " (nothing left unread)") + "\n";
    }
    if (!r.unrecognised.empty()) {
        s += "  documents of no type tfaudit recognises:\n";
        for (const auto& u : r.unrecognised) {
            s += "    " + u.file;
            if (!u.labels.empty()) {
                std::string l;
                for (const auto& x : u.labels) l += (l.empty() ? "" : ", ") + text::quoted(x);
                s += " (labels that matched nothing: " + l + ")";
            }
            s += "\n";
        }
    }
    return s;
}

std::string explain(const DocFacts& f) {
    std::string s = "== " + f.path + "\n";
    if (!f.error.empty()) return s + "  could not be read: " + f.error + "\n";
    s += "  type: " + f.type_words(", ");
    if (!f.type_source.empty())
        s +=
            "  (from the " + (f.type_from.empty() ? std::string("title") : f.type_from) + " \"" + f.type_source + "\")";
    s += "\n  council: " + (f.council.empty() ? std::string("(none found)") : f.council) + "\n";
    std::string tmpls;
    for (const auto& t : f.templates) tmpls += (tmpls.empty() ? "" : ", ") + t;
    if (f.bundle_templates)
        tmpls += " (the council template from the bundle's other documents: this document names no council)";
    s += "  templates: " + tmpls + "\n";
    if (!(f.date_style == dates::Style{})) s += "  dates: " + describe(f.date_style) + "\n";
    s += "  fields:\n";
    for (const auto& h : f.hits) {
        s += "    " + h.field + " = " + (h.value.empty() ? std::string("(empty)") : text::quoted(h.value)) + "\n";
        s += "      label \"" + h.label + "\" at " + h.src.where + "; rule " +
             (h.rule ? h.rule->origin.str() + " \"" + h.rule->label + "\"" +
                           (h.rule->context == Section::None ? ""
                                                             : " in section " + std::string(to_string(h.rule->context)))
              : h.pattern ? "reference pattern " + h.pattern->origin.str() + " " + h.pattern->source
                          : std::string("?")) +
             "\n";
    }
    if (f.hits.empty()) s += "    (none)\n";
    s += "  tables:\n";
    for (const auto& t : f.tables) {
        std::string cols;
        for (const auto& c : t.columns) cols += (cols.empty() ? "" : ", ") + c;
        s += "    " + t.kind + " at " + t.src.where + ": " + std::to_string(t.rows.size()) + " row(s)" +
             (cols.empty() ? std::string(" from labelled paragraphs") : "; columns: " + cols) + "\n";
    }
    if (f.tables.empty()) s += "    (none)\n";
    if (!f.listed.empty()) {
        s += "  criteria listed:\n";
        for (const auto& c : f.listed)
            s += "    " + c.criterion + (c.identified ? "" : " (not ticked)") + " at " + c.src.where + "\n";
    }
    if (!f.warnings.empty()) {
        s += "  reader warnings:\n";
        for (const auto& w : f.warnings) s += "    " + w.message + (w.lost ? "" : " (nothing left unread)") + "\n";
    }
    s += "  labels that matched nothing:\n";
    for (const auto& [label, src] : f.unmatched) s += "    \"" + label + "\" at " + src.where + "\n";
    if (f.unmatched.empty()) s += "    (none)\n";
    return s;
}

}  // namespace tfa::extract
