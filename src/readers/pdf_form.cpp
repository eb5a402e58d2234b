// Form field values as runs of text. See pdf_form.h.
//
// Where a value goes: a single-line field's text (and a box) sits vertically centred in its
// rectangle, its baseline a third of the font size below the middle; a multi-line field's first
// line sits at the top. That estimate is then snapped to the baseline of the nearest content
// text at that height (the label beside the field), so that the value joins the label's line
// even when the form's author placed the widget a little high or low. The font size is the
// one /DA gives; an automatic size (0) takes the label's, or failing one, a size fitting the
// rectangle. A check box takes the label's size, so that it does not change the line's.
//
// Multi-line values stay one run holding "\n" between their lines: the layout keeps them as
// line breaks in the paragraph's text, where separate lines would be joined with spaces.
#include "readers/pdf_form.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/text.h"
#include "model/document.h"

namespace tfa::pdf {

namespace {

constexpr size_t kMaxLooks = 512;  // content runs looked at per field (snapping, duplicates)

// The width of a code point count in a font of size `s`: half an em a character, a fair mean
// for the proportional fonts forms use.
double text_width(const std::string& s, double size) {
    size_t longest = 0, n = 0;
    for (size_t i = 0; i < s.size();) {
        const uint32_t cp = text::next_cp(s, i);
        if (cp == '\n')
            n = 0;
        else
            longest = std::max(longest, ++n);
    }
    return 0.5 * size * static_cast<double>(longest);
}

// The size a field with automatic font size draws at.
double auto_size(const Field& f) {
    const double h = f.y1 - f.y0;
    if (f.box) return std::clamp(0.8 * h, 4.0, 12.0);
    if (f.multiline) return std::clamp(h, 4.0, 12.0);
    return std::clamp((h - 4.0) / 1.15, 4.0, 12.0);
}

// True when `text` (after spaces) starts with a tick glyph; `len` is that glyph's end.
bool starts_with_tick(const std::string& text, size_t& begin, size_t& end) {
    size_t i = 0;
    while (i < text.size() && text[i] == ' ') ++i;
    if (i >= text.size()) return false;
    begin = i;
    bool checked = false;
    const uint32_t cp = text::next_cp(text, i);
    end = i;
    return tick_glyph(cp, checked);
}

class Placer {
public:
    explicit Placer(std::vector<Run>& runs) : runs_(runs), content_(runs.size()) {
        by_y_.resize(content_);
        std::iota(by_y_.begin(), by_y_.end(), size_t{0});
        std::sort(by_y_.begin(), by_y_.end(), [this](size_t a, size_t b) { return runs_[a].y < runs_[b].y; });
        for (size_t i = 0; i < content_; ++i)
            if (std::isfinite(runs_[i].size)) max_size_ = std::max(max_size_, std::min(runs_[i].size, 200.0));
    }

    void place(const Field& f) {
        if (f.box) {
            if (retick(f)) return;
        } else if (f.value.empty() || drawn_already(f)) {
            return;
        }
        double size = f.size > 0 ? f.size : auto_size(f);
        const double h = f.y1 - f.y0;
        const bool top = f.multiline && !f.box && h >= 2 * size;
        double y = top ? f.y1 - 2 - 0.8 * size : (f.y0 + f.y1) / 2 - 0.33 * size;
        if (const Run* label = beside(y, size, f)) {
            y = label->y;
            if (f.box || f.size <= 0) size = label->size;
        }
        Run r;
        r.y = y;
        r.size = size;
        r.space = 0.25 * size;
        if (f.box) {
            r.text = f.checked ? kChecked : kUnchecked;
            r.x0 = f.x0;
            r.x1 = f.x1;
        } else {
            r.text = f.value;
            const double w = std::min(text_width(f.value, size), std::max(0.0, f.x1 - f.x0 - 4));
            const double left = f.x0 + 2, right = f.x1 - 2;
            r.x0 = f.align == 2 ? right - w : f.align == 1 ? (left + right - w) / 2 : left;
            r.x0 = std::max(r.x0, std::min(left, right));
            r.x1 = std::max(r.x0, std::min(r.x0 + w, right));
        }
        runs_.push_back(std::move(r));
    }

private:
    // The content run (among the first `content_`) with its baseline nearest `y`, within about
    // half a line; null when none.
    const Run* beside(double y, double size, const Field& f) const {
        const double reach = 0.45 * std::max(size, max_size_);
        auto it = std::lower_bound(by_y_.begin(), by_y_.end(), y - reach,
                                   [this](size_t i, double v) { return runs_[i].y < v; });
        const Run* best = nullptr;
        double best_dy = 0, best_dx = 0;
        for (size_t looks = 0; it != by_y_.end() && looks < kMaxLooks; ++it, ++looks) {
            const Run& r = runs_[*it];
            if (r.y > y + reach) break;
            const double dy = std::fabs(r.y - y);
            if (dy > 0.45 * std::max(size, r.size) || text::trim(r.text).empty()) continue;
            // The label's baseline lies at the field's height, not above or below it.
            if (r.y > f.y1 || r.y < f.y0 - 0.4 * r.size) continue;
            const double dx = r.x1 < f.x0 ? f.x0 - r.x1 : r.x0 > f.x1 ? r.x0 - f.x1 : 0;
            if (!best || dy < best_dy - 0.01 || (dy < best_dy + 0.01 && dx < best_dx)) {
                best = &r;
                best_dy = dy;
                best_dx = dx;
            }
        }
        return best;
    }

    // The content runs whose middle lies inside the field's rectangle, in reading order.
    std::vector<size_t> inside(const Field& f) const {
        std::vector<size_t> out;
        auto it = std::lower_bound(by_y_.begin(), by_y_.end(), f.y0 - 0.4 * max_size_,
                                   [this](size_t i, double v) { return runs_[i].y < v; });
        for (size_t looks = 0; it != by_y_.end() && looks < kMaxLooks; ++it, ++looks) {
            const Run& r = runs_[*it];
            if (r.y > f.y1) break;
            const double cx = (r.x0 + r.x1) / 2;
            if (r.y >= f.y0 - 0.4 * r.size && cx >= f.x0 - 1 && cx <= f.x1 + 1) out.push_back(*it);
        }
        std::sort(out.begin(), out.end(), [this](size_t a, size_t b) {
            return runs_[a].y != runs_[b].y ? runs_[a].y > runs_[b].y : runs_[a].x0 < runs_[b].x0;
        });
        return out;
    }

    // True when the content already draws the field's value inside its rectangle.
    bool drawn_already(const Field& f) const {
        std::string drawn;
        for (size_t i : inside(f)) drawn += runs_[i].text + ' ';
        if (drawn.empty()) return false;
        return text::collapse_ws(drawn) == text::collapse_ws(f.value);
    }

    // A tick glyph drawn under a check box takes the box's state; true when one was found.
    bool retick(const Field& f) {
        auto it = std::lower_bound(by_y_.begin(), by_y_.end(), f.y0 - 0.5 * max_size_,
                                   [this](size_t i, double v) { return runs_[i].y < v; });
        for (size_t looks = 0; it != by_y_.end() && looks < kMaxLooks; ++it, ++looks) {
            Run& r = runs_[*it];
            if (r.y > f.y1) break;
            if (r.y < f.y0 - 0.5 * r.size || r.x0 < f.x0 - 2 || r.x0 > f.x1) continue;
            size_t b = 0, e = 0;
            if (!starts_with_tick(r.text, b, e)) continue;
            r.text.replace(b, e - b, f.checked ? kChecked : kUnchecked);
            return true;
        }
        return false;
    }

    std::vector<Run>& runs_;
    size_t content_;
    std::vector<size_t> by_y_;  // content runs by baseline, bottom up
    double max_size_ = 0;
};

}  // namespace

void place_fields(std::vector<Run>& runs, const std::vector<Field>& fields) {
    if (fields.empty()) return;
    Placer p(runs);
    for (const auto& f : fields) {
        if (!(f.x0 < f.x1 && f.y0 < f.y1) || !std::isfinite(f.x0 + f.x1 + f.y0 + f.y1 + f.size)) continue;
        p.place(f);
    }
}

}  // namespace tfa::pdf
