// The one JSON writer every command uses: deterministic layout (two-space indent, keys in the
// order written, one item a line), strings escaped by text::json_quote. It writes what it is
// told in order and checks nothing: callers pair begin/end.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace tfa {

class JsonWriter {
public:
    // `indent`: the nesting depth the first line is at (a record inside a report is deeper).
    explicit JsonWriter(int indent = 0) : depth_(indent) {}

    // The text written so far; the writer is empty afterwards.
    std::string take() { return std::move(s_); }

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }

    // A key of the object being written; the next call writes its value.
    void key(const std::string& k);
    void str(const std::string& v);
    void str_or_null(const std::string& v);      // "" → null
    void boolean(const std::optional<bool>& v);  // nullopt → null
    void number(long v);
    void null() { raw("null"); }
    // Strings on one line: ["a", "b"].
    void strings(const std::vector<std::string>& v);
    // Already-formatted JSON (a number, a nested document written elsewhere).
    void raw(const std::string& v);

private:
    void open(char c);
    void close(char c);
    void item();
    void nl();

    std::string s_;
    int depth_;
    bool first_ = true;
    bool pending_value_ = false;
};

}  // namespace tfa
