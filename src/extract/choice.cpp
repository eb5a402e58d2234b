#include "extract/choice.h"

#include "core/text.h"
#include "model/answers.h"
#include "model/document.h"

namespace tfa::extract {

namespace {

struct Box {
    size_t begin, end;  // the box's bytes in the text
    bool checked;
};

// A bracket box at s[i] ("[X]", "[ ]", "(x)", "()", "[✓]"): sets `end` past it and `checked`.
bool bracket_box(std::string_view s, size_t i, size_t& end, bool& checked) {
    const char close = s[i] == '[' ? ']' : s[i] == '(' ? ')' : 0;
    if (!close) return false;
    size_t j = i + 1;
    while (j < s.size() && s[j] == ' ') ++j;
    checked = false;
    if (j < s.size() && (s[j] == 'x' || s[j] == 'X' || s[j] == '*')) {
        checked = true;
        ++j;
    } else if (j < s.size() && (s[j] & 0x80)) {
        size_t k = j;
        bool c = false;
        if (!tick_glyph(text::next_cp(s, k), c)) return false;
        checked = c;
        j = k;
    }
    while (j < s.size() && s[j] == ' ') ++j;
    if (j >= s.size() || s[j] != close || j - i > 6) return false;
    end = j + 1;
    return true;
}

std::vector<Box> find_boxes(std::string_view s) {
    std::vector<Box> boxes;
    size_t i = 0;
    while (i < s.size()) {
        const size_t start = i;
        size_t end = 0;
        bool checked = false;
        if ((s[i] == '[' || s[i] == '(') && bracket_box(s, i, end, checked)) {
            boxes.push_back({start, end, checked});
            i = end;
            continue;
        }
        const uint32_t cp = text::next_cp(s, i);
        if (tick_glyph(cp, checked)) boxes.push_back({start, i, checked});
    }
    return boxes;
}

// `s` without white space and option separators ("/", "|", ",", ";") at either end.
std::string_view strip(std::string_view s) {
    auto junk = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' || c == '|' || c == ',' || c == ';';
    };
    while (!s.empty() && junk(s.front())) s.remove_prefix(1);
    while (!s.empty() && junk(s.back())) s.remove_suffix(1);
    return s;
}

std::string count_word(size_t n) {
    static const char* const kWords[] = {"no", "one", "two", "three", "four", "five", "six"};
    return n < 7 ? kWords[n] : std::to_string(n);
}

// Fills state, chosen and reason from options and marked.
void settle(Choice& c) {
    if (c.marked.empty()) {
        c.state = Choice::State::None;
    } else if (c.marked.size() == 1) {
        c.state = Choice::State::One;
        c.chosen = c.marked[0];
    } else {
        c.state = Choice::State::Several;
        c.reason = count_word(c.marked.size()) + " options are marked: ";
        for (size_t i = 0; i < c.marked.size(); ++i) {
            if (i) c.reason += i + 1 == c.marked.size() ? " and " : ", ";
            c.reason += c.marked[i];
        }
    }
}

enum class Side { None, Left, Right };

// Which text box i (0-based, of k) labels, given the texts left and right of it.
Side side_of(size_t i, size_t k, std::string_view left, std::string_view right) {
    if (left.empty() && right.empty()) return Side::None;
    if (left.empty()) return Side::Right;
    if (right.empty()) return Side::Left;
    const bool lw = is_answer_word(left), rw = is_answer_word(right);
    if (lw != rw) return lw ? Side::Left : Side::Right;
    const bool box_beyond_left = i > 0, box_beyond_right = i + 1 < k;
    return !box_beyond_left && box_beyond_right ? Side::Left : Side::Right;
}

}  // namespace

Choice parse_choice(std::string_view text) {
    Choice c;
    const std::vector<Box> boxes = find_boxes(text);
    if (boxes.empty()) return c;
    const size_t k = boxes.size();
    // seg[j]: the text between box j-1 and box j (seg[0] before the first, seg[k] after the last).
    std::vector<std::string_view> seg(k + 1);
    for (size_t j = 0; j <= k; ++j) {
        const size_t b = j == 0 ? 0 : boxes[j - 1].end;
        const size_t e = j == k ? text.size() : boxes[j].begin;
        seg[j] = strip(text.substr(b, e - b));
    }
    // A label before the options ("Consent given:", "Has consent been given?") is no option.
    const size_t label_end = seg[0].find_last_of(":?");
    if (label_end != std::string_view::npos) seg[0] = strip(seg[0].substr(label_end + 1));

    std::vector<Side> side(k);
    for (size_t i = 0; i < k; ++i) {
        if (seg[0].empty() && !seg[i + 1].empty())
            side[i] = Side::Right;
        else if (seg[k].empty() && !seg[i].empty())
            side[i] = Side::Left;
        else
            side[i] = side_of(i, k, seg[i], seg[i + 1]);
        // A text already taken by the box before it is not this box's.
        if (side[i] == Side::Left && i > 0 && side[i - 1] == Side::Right)
            side[i] = seg[i + 1].empty() ? Side::None : Side::Right;
    }
    for (size_t i = 0; i < k; ++i) {
        const std::string_view opt = side[i] == Side::Left ? seg[i] : side[i] == Side::Right ? seg[i + 1] : "";
        c.options.emplace_back(text::collapse_ws(opt));
        if (boxes[i].checked) c.marked.push_back(c.options.back());
    }
    settle(c);
    return c;
}

namespace {

// True when a cell under an option column marks it: X, ✓, ✔, ✗, ☒, ☑, * or "Yes".
bool marks_option(std::string_view cell) {
    const std::string t = text::trim(cell);
    if (t == "x" || t == "X" || t == "*" || text::iequals(t, "yes") || text::iequals(t, "y")) return true;
    size_t i = 0;
    bool checked = false;
    return !t.empty() && tick_glyph(text::next_cp(t, i), checked) && i == t.size() && checked;
}

}  // namespace

Choice parse_column_choice(const std::vector<std::string>& headers, const std::vector<std::string>& cells) {
    Choice c;
    std::vector<size_t> cols;
    for (size_t i = 0; i < headers.size(); ++i)
        if (is_answer_word(headers[i])) cols.push_back(i);
    if (cols.size() < 2) return c;
    for (size_t i : cols) {
        c.options.push_back(text::collapse_ws(headers[i]));
        if (i < cells.size() && marks_option(cells[i])) c.marked.push_back(c.options.back());
    }
    settle(c);
    return c;
}

std::string tick_notation(const Choice& c) {
    if (c.state == Choice::State::NotAChoice) return {};
    std::string out;
    size_t next_marked = 0;  // c.marked follows c.options' order
    for (const std::string& o : c.options) {
        const bool on = next_marked < c.marked.size() && c.marked[next_marked] == o;
        if (on) ++next_marked;
        if (!out.empty()) out += ' ';
        out += on ? kChecked : kUnchecked;
        if (!o.empty()) out += ' ' + o;
    }
    return out;
}

}  // namespace tfa::extract
