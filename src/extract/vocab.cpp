#include "extract/vocab.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.h"

namespace tfa::extract {

bool contains_words(const std::string& text_key, const std::string& word_key) {
    if (word_key.empty() || word_key.size() > text_key.size()) return false;
    for (size_t at = text_key.find(word_key); at != std::string::npos; at = text_key.find(word_key, at + 1)) {
        const bool left = at == 0 || text_key[at - 1] == ' ';
        const size_t end = at + word_key.size();
        const bool right = end == text_key.size() || text_key[end] == ' ';
        if (left && right) return true;
    }
    return false;
}

Vocab::Vocab(std::vector<Template> templates, std::vector<std::pair<std::string, std::string>> pack_criteria)
    : templates_(std::move(templates)) {
    // Council templates before the shared vocabulary, so that their rules win.
    std::stable_sort(templates_.begin(), templates_.end(),
                     [](const Template& a, const Template& b) { return !a.always() && b.always(); });
    for (const auto& [id, name] : pack_criteria) criteria_order_.push_back(id);

    // The criteria set (tf, sf, ...) whose ids cover the pack's best.
    std::map<std::string, std::set<std::string>> ids_by_set;
    for (const auto& t : templates_)
        for (const auto& c : t.criteria) ids_by_set[c.set].insert(c.criterion);
    std::string set;
    size_t best = 0;
    for (const auto& [s, ids] : ids_by_set) {
        size_t n = 0;
        for (const auto& id : criteria_order_) n += ids.count(id);
        if (n > best || (n == best && !set.empty() && ids.size() < ids_by_set[set].size())) {
            best = n;
            set = s;
        }
    }
    const std::set<std::string> wanted(criteria_order_.begin(), criteria_order_.end());

    for (size_t i = 0; i < templates_.size(); ++i) {
        const Template& t = templates_[i];
        for (const auto& r : t.labels) {
            if (r.statement)
                statements_.emplace_back(i, &r);
            else
                labels_[r.key].emplace_back(i, &r);
        }
        for (const auto& r : t.sections) sections_[r.key].emplace_back(i, &r);
        for (const auto& r : t.columns) columns_[r.key].emplace_back(i, &r);
        for (const auto& r : t.titles) titles_.emplace_back(i, &r);
        for (const auto& c : t.criteria) {
            if (c.set != set || !wanted.count(c.criterion)) continue;
            if (c.kind == "cue")
                criterion_cues_.emplace_back(c.key, c.criterion);
            else
                criterion_exact_.emplace(c.key, c.criterion);
        }
        for (const auto& v : t.values) {
            values_.emplace(v.what + '\x1f' + v.key, v.value);
            value_terms_.push_back(&v);
            if (v.what == "measure" && !v.better.empty()) better_.emplace(v.value, v.better);
        }
        for (const auto& g : t.no_criterion) no_criterion_.push_back(g.key);
        for (const auto& p : t.placeholders) {
            placeholders_.push_back(p);
            // Keys drop punctuation, so the written phrase may be a little longer than its key.
            longest_placeholder_ = std::max(longest_placeholder_, p.size() + 8);
        }
    }
    for (const auto& [id, name] : pack_criteria) {
        criterion_exact_.emplace(text::match_key(name), id);
        criterion_exact_.emplace(text::match_key(id), id);
    }
    // Longer cue words are more specific: "mental health" before "health".
    std::stable_sort(criterion_cues_.begin(), criterion_cues_.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

namespace {
constexpr size_t kMatchBlocks = 12;   // body blocks searched for a template's <match> phrases
constexpr size_t kMatchChars = 4000;  // ... and at most about this much text
}  // namespace

Active Vocab::active(const Document& doc) const {
    Active a(templates_.size(), false);
    std::string all;
    bool built = false;
    for (size_t i = 0; i < templates_.size(); ++i) {
        const Template& t = templates_[i];
        if (t.always()) {
            a[i] = true;
            continue;
        }
        for (const auto& f : t.match_formats) a[i] = a[i] || f == doc.format;
        if (a[i] || t.match_phrases.empty()) continue;
        if (!built) {
            // The first few thousand characters are where a council names itself.
            auto add = [&all](const Block& x) {
                if (all.size() > kMatchChars) return;
                all += ' ';
                all += x.text;
            };
            // A council names itself in its headers, banner and title: the parts outside the
            // body and the first blocks of the body, not the case text further down.
            for (const auto& b : doc.extras) Document::visit(b, add);
            for (size_t k = 0; k < doc.body.size() && k < kMatchBlocks; ++k) Document::visit(doc.body[k], add);
            all = text::match_key(doc.title + " " + all);
            built = true;
        }
        for (const auto& p : t.match_phrases) a[i] = a[i] || contains_words(all, p);
    }
    return a;
}

const LabelRule* Vocab::field(const std::string& key, Section context, const Active& a) const {
    auto it = labels_.find(key);
    if (it == labels_.end()) return nullptr;
    const LabelRule* anywhere = nullptr;
    for (const auto& [i, r] : it->second) {
        if (!a[i]) continue;
        if (r->context != Section::None) {
            if (r->context == context) return r;
            continue;
        }
        if (!anywhere) anywhere = r;
    }
    return anywhere;
}

const LabelRule* Vocab::statement(const std::string& key, Section context, const Active& a) const {
    const LabelRule* best = nullptr;
    for (const auto& [i, r] : statements_) {
        if (!a[i] || (r->context != Section::None && r->context != context) || !contains_words(key, r->key)) continue;
        if (!best || r->key.size() > best->key.size()) best = r;
    }
    return best;
}

const SectionRule* Vocab::section(const std::string& key, const Active& a) const {
    auto it = sections_.find(key);
    if (it == sections_.end()) return nullptr;
    for (const auto& [i, r] : it->second)
        if (a[i]) return r;
    return nullptr;
}

const ColumnRule* Vocab::column(const std::string& table, const std::string& key, const Active& a) const {
    auto it = columns_.find(key);
    if (it == columns_.end()) return nullptr;
    for (const auto& [i, r] : it->second)
        if (a[i] && r->table == table) return r;
    return nullptr;
}

std::vector<const ColumnRule*> Vocab::columns(const std::string& key, const Active& a) const {
    std::vector<const ColumnRule*> out;
    auto it = columns_.find(key);
    if (it == columns_.end()) return out;
    for (const auto& [i, r] : it->second)
        if (a[i]) out.push_back(r);
    return out;
}

std::vector<DocType> Vocab::types_of_title(const std::string& key, const Active& a, const TitleRule** rule,
                                           bool file_name) const {
    const TitleRule* best = nullptr;
    for (const auto& [i, r] : titles_) {
        if (!a[i] || (r->file_name_only && !file_name) || !contains_words(key, r->key)) continue;
        if (!best || r->key.size() > best->key.size()) best = r;
    }
    if (rule) *rule = best;
    return best ? best->types : std::vector<DocType>{};
}

std::string Vocab::criterion(const std::string& text, bool cues) const {
    if (std::string id = named_criterion(text); !id.empty()) return id;
    const std::string key = text::match_key(text);
    for (const auto& [name_key, id] : criterion_exact_)
        if (name_key.size() > 3 && contains_words(key, name_key)) return id;
    if (!cues) return {};
    for (const auto& [cue, id] : criterion_cues_)
        if (contains_words(key, cue)) return id;
    return {};
}

std::string Vocab::named_criterion(const std::string& text) const {
    std::string key = text::match_key(text);
    if (key.empty()) return {};
    if (auto it = criterion_exact_.find(key); it != criterion_exact_.end()) return it->second;
    // "TF1 Crime", "Crime and ASB: details", "Health (mother)": try the leading part.
    for (char stop : {':', '(', '-', ','}) {
        const size_t at = text.find(stop);
        if (at == std::string::npos || at == 0) continue;
        const std::string head = text::match_key(text.substr(0, at));
        if (auto it = criterion_exact_.find(head); it != criterion_exact_.end()) return it->second;
    }
    const size_t sp = key.find(' ');
    if (sp != std::string::npos)
        if (auto it = criterion_exact_.find(key.substr(0, sp)); it != criterion_exact_.end()) return it->second;
    return {};
}

std::string Vocab::value(const std::string& what, const std::string& text) const {
    auto it = values_.find(what + '\x1f' + text::match_key(text));
    return it == values_.end() ? std::string() : it->second;
}

std::vector<std::string> Vocab::values_in(const std::string& what, const std::string& text) const {
    const std::string key = text::match_key(text);
    std::vector<std::string> out;
    for (const ValueTerm* v : value_terms_) {
        if (v->what != what || std::find(out.begin(), out.end(), v->value) != out.end()) continue;
        if (contains_words(key, v->key)) out.push_back(v->value);
    }
    return out;
}

std::vector<const Pattern*> Vocab::patterns(const std::string& name, const Active& a) const {
    std::vector<const Pattern*> out;
    for (size_t i = 0; i < templates_.size(); ++i) {
        if (!a[i]) continue;
        for (const auto& p : templates_[i].patterns)
            if (p.name == name && p.re) out.push_back(&p);
    }
    return out;
}

bool Vocab::is_placeholder_key(const std::string& key) const {
    return std::find(placeholders_.begin(), placeholders_.end(), key) != placeholders_.end();
}

dates::Style Vocab::date_style(const Active& a) const {
    dates::Style style;
    bool pivot = false;
    for (size_t i = 0; i < templates_.size(); ++i) {
        if (!a[i]) continue;
        for (const auto& f : templates_[i].date_formats) {
            if (f.format.matters()) style.order.emplace(f.format.sep, f.format.order);
            if (f.pivot >= 0 && !pivot) style.pivot = f.pivot, pivot = true;
        }
    }
    return style;
}

std::string Vocab::better(const std::string& measure) const {
    auto it = better_.find(measure);
    return it == better_.end() ? std::string() : it->second;
}

bool Vocab::carries_no_criterion(const std::string& text) const {
    if (no_criterion_.empty()) return false;
    auto listed = [this](const std::string& key) {
        return !key.empty() && std::find(no_criterion_.begin(), no_criterion_.end(), key) != no_criterion_.end();
    };
    if (listed(text::match_key(text))) return true;
    // "Family life: more time together", "Getting on together (parents)": the leading part.
    for (char stop : {':', '(', '-', ','}) {
        const size_t at = text.find(stop);
        if (at != std::string::npos && at > 0 && listed(text::match_key(text.substr(0, at)))) return true;
    }
    return false;
}

std::string Vocab::council(const Active& a) const {
    for (size_t i = 0; i < templates_.size(); ++i)
        if (a[i] && !templates_[i].council.empty()) return templates_[i].council;
    return {};
}

}  // namespace tfa::extract
