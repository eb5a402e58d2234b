#include "model/answers.h"

#include <algorithm>
#include <vector>

#include "core/text.h"

namespace tfa {

namespace {

constexpr size_t kMaxText = 240;  // longer text is prose, not an option list
constexpr size_t kMaxOptions = 4;

// Lower case, white space folded, a trailing "?", ":" or "." dropped.
std::string answer_key(std::string_view s) {
    std::string k = text::lower(text::collapse_ws(s));
    while (!k.empty() && (k.back() == '?' || k.back() == ':' || k.back() == '.')) k.pop_back();
    return k;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// '/', '|', ',', ';', tab and line break separate options; a space only between answer words.
bool is_separator(char c) { return c == '/' || c == '|' || c == ',' || c == ';' || c == '\t' || c == '\n'; }

struct Word {
    size_t begin, end;
    bool after_separator;  // an explicit separator stands between this word and the one before
};

// "n/a" at s[i] (any case), followed by the end, white space or a separator.
bool n_slash_a(std::string_view s, size_t i) {
    if (i + 3 > s.size() || (s[i] | 0x20) != 'n' || s[i + 1] != '/' || (s[i + 2] | 0x20) != 'a') return false;
    return i + 3 == s.size() || is_space(s[i + 3]) || is_separator(s[i + 3]);
}

// The words of s[from, end) and whether any explicit separator was seen.
std::vector<Word> words_of(std::string_view s, size_t from, bool& separated) {
    std::vector<Word> words;
    bool sep = false;
    separated = false;
    size_t i = from;
    while (i < s.size()) {
        if (is_separator(s[i])) {
            sep = true;
            separated = true;
            ++i;
            continue;
        }
        if (is_space(s[i])) {
            ++i;
            continue;
        }
        const size_t b = i;
        if (n_slash_a(s, i)) {  // "n/a" is a word, not two options
            i += 3;
        } else {
            while (i < s.size() && !is_space(s[i]) && !is_separator(s[i])) ++i;
        }
        words.push_back({b, i, sep && !words.empty()});
        sep = false;
    }
    return words;
}

struct Option {
    size_t begin, end;  // byte range in the text, first word to last
    size_t words;
};

// Groups words into options: at separators when there are any, else into answer phrases
// ("not known" is one option). Empty when the text is not an option list.
std::vector<Option> options_of(std::string_view s, size_t from) {
    bool separated = false;
    const std::vector<Word> w = words_of(s, from, separated);
    std::vector<Option> opts;
    if (separated) {
        for (const Word& x : w) {
            if (opts.empty() || x.after_separator)
                opts.push_back({x.begin, x.end, 1});
            else
                opts.back() = {opts.back().begin, x.end, opts.back().words + 1};
        }
        const bool all_known = std::all_of(opts.begin(), opts.end(), [&](const Option& o) {
            return is_answer_word(s.substr(o.begin, o.end - o.begin));
        });
        const bool all_short = std::all_of(opts.begin(), opts.end(),
                                           [](const Option& o) { return o.words <= 3 && o.end - o.begin <= 40; });
        if (!all_known && !all_short) return {};
    } else {
        for (size_t i = 0; i < w.size();) {
            size_t take = 0;
            for (size_t n = std::min<size_t>(3, w.size() - i); n >= 1 && !take; --n)
                if (is_answer_word(s.substr(w[i].begin, w[i + n - 1].end - w[i].begin))) take = n;
            if (!take) return {};
            opts.push_back({w[i].begin, w[i + take - 1].end, take});
            i += take;
        }
    }
    if (opts.size() < 2 || opts.size() > kMaxOptions) return {};
    return opts;
}

// The flags every non-space byte of s[o.begin, o.end) carries.
uint8_t option_flags(const std::vector<uint8_t>& per_byte, std::string_view s, const Option& o) {
    uint8_t f = 0xFF;
    for (size_t i = o.begin; i < o.end; ++i)
        if (!is_space(s[i])) f &= per_byte[i];
    return f;
}

}  // namespace

bool is_answer_word(std::string_view s) {
    static const char* const kWords[] = {
        "yes",
        "no",
        "y",
        "n",
        "n/a",
        "na",
        "not applicable",
        "not known",
        "unknown",
        "don't know",
        "dont know",
        "partly",
        "partially",
        "in part",
        "met",
        "not met",
        "partly met",
        "partially met",
        "fully met",
        "achieved",
        "not achieved",
        "partly achieved",
        "fully achieved",
        "agreed",
        "not agreed",
        "declined",
        "refused",
        "given",
        "not given",
        "true",
        "false",
        "ongoing",
        "not yet",
        "complete",
        "completed",
        "not completed",
    };
    if (s.size() > 40) return false;
    const std::string k = answer_key(s);
    for (const char* w : kWords)
        if (k == w) return true;
    return false;
}

std::string marked_answer(const Block& b) {
    if (b.emphasis.empty() || b.is_table() || !b.boxes.empty() || b.text.size() > kMaxText) return {};
    const std::string_view s = b.text;
    // A label ("Consent given:", "Has consent been given?") may come before the options; the
    // colon of a time ("10:30") ends no label.
    size_t from = 0;
    for (size_t i = 0; i < s.size() && !from; ++i)
        if (s[i] == '?' || (s[i] == ':' && !(i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9'))) from = i + 1;
    const std::vector<Option> opts = options_of(s, from);
    if (opts.empty()) return {};

    std::vector<uint8_t> per_byte(s.size(), 0);
    for (const Emphasis& e : b.emphasis)
        for (size_t i = e.begin; i < e.end && i < s.size(); ++i) per_byte[i] = e.flags;
    uint8_t flags[kMaxOptions] = {};
    for (size_t i = 0; i < opts.size(); ++i) flags[i] = option_flags(per_byte, s, opts[i]);

    // Each flag that some options carry and others do not marks options: the ones with it, or
    // for strike-through the ones without it.
    unsigned marked = 0;  // bit i: option i is marked
    bool informative = false;
    for (uint8_t flag : {Emphasis::Highlight, Emphasis::Strike, Emphasis::Underline, Emphasis::Bold}) {
        unsigned with = 0;
        for (size_t i = 0; i < opts.size(); ++i)
            if (flags[i] & flag) with |= 1u << i;
        const unsigned all = (1u << opts.size()) - 1;
        if (with == 0 || with == all) continue;
        informative = true;
        marked |= flag == Emphasis::Strike ? (all & ~with) : with;
    }
    if (!informative) return {};

    std::string out;
    if (from) {
        out = text::trim(s.substr(0, from));
        out += ' ';
    }
    for (size_t i = 0; i < opts.size(); ++i) {
        if (i) out += ' ';
        out += (marked & (1u << i)) ? kChecked : kUnchecked;
        out += ' ';
        out += text::collapse_ws(s.substr(opts[i].begin, opts[i].end - opts[i].begin));
    }
    return out;
}

std::string marked_answer(const Cell& c) {
    std::vector<const Block*> paras;
    bool any_emphasis = false;
    for (const Block& b : c.blocks) {
        if (b.is_table()) continue;
        paras.push_back(&b);
        any_emphasis = any_emphasis || !b.emphasis.empty();
    }
    if (!any_emphasis || paras.empty() || paras.size() > kMaxOptions + 1) return {};
    if (paras.size() == 1) return marked_answer(*paras[0]);
    // One option per paragraph: the paragraphs joined by " / ", their spans moved along.
    Block joined;
    for (const Block* b : paras) {
        if (!b->boxes.empty()) return {};
        if (!joined.text.empty()) joined.text += " / ";
        const auto shift = static_cast<uint32_t>(joined.text.size());
        joined.text += b->text;
        for (const Emphasis& e : b->emphasis) joined.emphasis.push_back({e.begin + shift, e.end + shift, e.flags});
    }
    return marked_answer(joined);
}

}  // namespace tfa
