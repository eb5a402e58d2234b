#include "core/json_writer.h"

#include "core/text.h"

namespace tfa {

void JsonWriter::key(std::string_view k) {
    item();
    s_ += text::json_quote(k);
    s_ += ": ";
    pending_value_ = true;
}

void JsonWriter::str(std::string_view v) { raw(text::json_quote(v)); }
void JsonWriter::str_or_null(std::string_view v) { v.empty() ? null() : str(v); }
void JsonWriter::boolean(const std::optional<bool>& v) { raw(!v ? "null" : (*v ? "true" : "false")); }

void JsonWriter::strings(const std::vector<std::string>& v) {
    begin_array(Layout::Inline);
    for (const auto& x : v) str(x);
    end_array();
}

void JsonWriter::raw(std::string_view v) {
    value();
    s_ += v;
}

void JsonWriter::open(char c, Layout layout) {
    value();
    s_ += c;
    open_.push_back(Open{layout});
    if (layout == Layout::Lines) ++depth_;
}

void JsonWriter::close(char c) {
    if (open_.empty()) return;
    const Open o = open_.back();
    open_.pop_back();
    if (o.layout == Layout::Lines) {
        --depth_;
        if (!o.empty) nl();
    }
    s_ += c;
}

// Before a value: a key's value follows its key directly; any other value is a new item.
void JsonWriter::value() {
    if (pending_value_)
        pending_value_ = false;
    else
        item();
}

// Starts an item of the innermost open container: the separator from the item before it and,
// in a Lines container, the new line. A top-level value needs neither.
void JsonWriter::item() {
    if (open_.empty()) return;
    Open& o = open_.back();
    if (!o.empty) s_ += o.layout == Layout::Lines ? "," : ", ";
    if (o.layout == Layout::Lines) nl();
    o.empty = false;
}

void JsonWriter::nl() {
    s_ += '\n';
    s_.append(static_cast<size_t>(depth_) * 2, ' ');
}

}  // namespace tfa
