#include "core/json_writer.h"

#include "core/text.h"

namespace tfa {

void JsonWriter::key(const std::string& k) {
    item();
    s_ += text::json_quote(k);
    s_ += ": ";
    pending_value_ = true;
}

void JsonWriter::str(const std::string& v) { raw(text::json_quote(v)); }
void JsonWriter::str_or_null(const std::string& v) { v.empty() ? raw("null") : raw(text::json_quote(v)); }
void JsonWriter::boolean(const std::optional<bool>& v) { raw(!v ? "null" : (*v ? "true" : "false")); }
void JsonWriter::number(long v) { raw(std::to_string(v)); }

void JsonWriter::strings(const std::vector<std::string>& v) {
    std::string a = "[";
    for (size_t i = 0; i < v.size(); ++i) a += (i ? ", " : "") + text::json_quote(v[i]);
    raw(a + "]");
}

void JsonWriter::raw(const std::string& v) {
    if (!pending_value_) item();
    pending_value_ = false;
    s_ += v;
}

void JsonWriter::open(char c) {
    if (!pending_value_) item();
    pending_value_ = false;
    s_ += c;
    ++depth_;
    first_ = true;
}

void JsonWriter::close(char c) {
    --depth_;
    if (!first_) nl();
    s_ += c;
    first_ = false;
}

void JsonWriter::item() {
    if (!first_) s_ += ',';
    if (!s_.empty()) nl();
    first_ = false;
}

void JsonWriter::nl() {
    s_ += '\n';
    s_.append(static_cast<size_t>(depth_) * 2, ' ');
}

}  // namespace tfa
