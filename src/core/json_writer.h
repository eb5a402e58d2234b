// The one JSON writer every command uses: deterministic layout (two-space indent, keys in the
// order written), strings escaped by text::json_quote. It alone decides where commas, line
// breaks and indentation go. Each object or array is laid out one item a line (Layout::Lines)
// or all on one line (Layout::Inline, `{"rule": "TF-1", "evidence": [{"file": "a.docx"}]}`);
// an inline container may hold a Lines one, whose items are then indented one level deeper
// than the line the inline container starts on. It writes what it is told in order and checks
// nothing else: callers pair begin/end and give every value inside an object a key.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace tfa {

class JsonWriter {
public:
    // How a container's items are laid out.
    enum class Layout {
        Lines,   // one item a line, one level deeper; the closing bracket on a line of its own
        Inline,  // all items on the container's line, separated by ", "
    };

    // `indent`: the nesting depth the first line is at (a record inside a report is deeper).
    explicit JsonWriter(int indent = 0) : depth_(indent) {}

    // The text written so far; the writer's buffer is empty afterwards and writing goes on
    // where it stopped (so a long document can be streamed out piece by piece).
    std::string take() { return std::move(s_); }

    void begin_object(Layout layout = Layout::Lines) { open('{', layout); }
    void end_object() { close('}'); }
    void begin_array(Layout layout = Layout::Lines) { open('[', layout); }
    void end_array() { close(']'); }

    // A key of the object being written; the next call writes its value.
    void key(std::string_view k);
    void str(std::string_view v);
    void str_or_null(std::string_view v);        // "" → null
    void boolean(const std::optional<bool>& v);  // nullopt → null
    // An integer of any width (a count, an offset, a 64-bit seed); a bool is boolean()'s.
    template <class Int, std::enable_if_t<std::is_integral_v<Int> && !std::is_same_v<Int, bool>, int> = 0>
    void number(Int v) {
        raw(std::to_string(v));
    }
    void null() { raw("null"); }
    // Strings on one line: ["a", "b"].
    void strings(const std::vector<std::string>& v);
    // Already-formatted JSON (a nested document written elsewhere, e.g. a record rendered at
    // the depth it will sit at).
    void raw(std::string_view v);

private:
    struct Open {
        Layout layout;
        bool empty = true;
    };
    void open(char c, Layout layout);
    void close(char c);
    void value();
    void item();
    void nl();

    std::string s_;
    std::vector<Open> open_;  // the containers begun and not yet ended, outermost first
    int depth_;               // the indent of the current line: `indent` plus open Lines containers
    bool pending_value_ = false;
};

}  // namespace tfa
