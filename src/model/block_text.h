// A block's text: a std::string of its own, or a string shared by many blocks.
//
// A spreadsheet's shared strings (and any other text a format stores once and shows in many
// places) are shared, never copied: a cell that shows shared string 7 holds a reference to it.
// Reading is as for a std::string (`text.find(...)`, `text.size()`, passing it where a
// `const std::string&` or a `std::string_view` is wanted); the first change made to a shared text
// gives the block a copy of its own (copy on write), so a change never shows in another block.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace tfa {

class BlockText {
public:
    BlockText() = default;
    BlockText(std::string s) : own_(std::move(s)) {}  // NOLINT: implicit, as a std::string member was
    BlockText(const char* s) : own_(s) {}             // NOLINT
    // A text shared with other blocks (null is the empty text).
    static BlockText shared(std::shared_ptr<const std::string> s) {
        BlockText t;
        t.shared_ = std::move(s);
        return t;
    }
    bool is_shared() const { return shared_ != nullptr; }

    const std::string& str() const { return shared_ ? *shared_ : own_; }
    operator const std::string&() const { return str(); }  // NOLINT: reads as a std::string
    operator std::string_view() const { return str(); }    // NOLINT

    // Reading: as std::string.
    size_t size() const { return str().size(); }
    size_t length() const { return str().size(); }
    bool empty() const { return str().empty(); }
    const char* c_str() const { return str().c_str(); }
    const char* data() const { return str().data(); }
    char operator[](size_t i) const { return str()[i]; }
    char front() const { return str().front(); }
    char back() const { return str().back(); }
    std::string::const_iterator begin() const { return str().begin(); }
    std::string::const_iterator end() const { return str().end(); }
    std::string substr(size_t pos = 0, size_t n = std::string::npos) const { return str().substr(pos, n); }
    template <class... A>
    size_t find(A&&... a) const {
        return str().find(std::forward<A>(a)...);
    }
    template <class... A>
    int compare(A&&... a) const {
        return str().compare(std::forward<A>(a)...);
    }
    template <class... A>
    size_t rfind(A&&... a) const {
        return str().rfind(std::forward<A>(a)...);
    }
    template <class... A>
    size_t find_first_of(A&&... a) const {
        return str().find_first_of(std::forward<A>(a)...);
    }
    template <class... A>
    size_t find_first_not_of(A&&... a) const {
        return str().find_first_not_of(std::forward<A>(a)...);
    }
    template <class... A>
    size_t find_last_of(A&&... a) const {
        return str().find_last_of(std::forward<A>(a)...);
    }
    template <class... A>
    size_t find_last_not_of(A&&... a) const {
        return str().find_last_not_of(std::forward<A>(a)...);
    }

    // Changing: the text becomes the block's own first.
    std::string& mut() {
        if (shared_) {
            own_ = *shared_;
            shared_.reset();
        }
        return own_;
    }
    BlockText& operator=(std::string s) {
        shared_.reset();
        own_ = std::move(s);
        return *this;
    }
    BlockText& operator=(const char* s) { return *this = std::string(s); }
    BlockText& operator+=(std::string_view s) {
        mut().append(s.data(), s.size());
        return *this;
    }
    BlockText& operator+=(char c) {
        mut().push_back(c);
        return *this;
    }
    void push_back(char c) { mut().push_back(c); }
    void pop_back() { mut().pop_back(); }
    void clear() {
        shared_.reset();
        own_.clear();
    }
    template <class... A>
    BlockText& append(A&&... a) {
        mut().append(std::forward<A>(a)...);
        return *this;
    }
    template <class... A>
    BlockText& insert(A&&... a) {
        mut().insert(std::forward<A>(a)...);
        return *this;
    }
    template <class... A>
    BlockText& erase(A&&... a) {
        mut().erase(std::forward<A>(a)...);
        return *this;
    }
    template <class... A>
    BlockText& replace(A&&... a) {
        mut().replace(std::forward<A>(a)...);
        return *this;
    }
    void resize(size_t n, char c = '\0') { mut().resize(n, c); }

    friend bool operator==(const BlockText& a, std::string_view b) { return std::string_view(a) == b; }
    friend bool operator!=(const BlockText& a, std::string_view b) { return std::string_view(a) != b; }
    friend bool operator==(std::string_view a, const BlockText& b) { return a == std::string_view(b); }
    friend bool operator!=(std::string_view a, const BlockText& b) { return a != std::string_view(b); }
    friend std::string operator+(const std::string& a, const BlockText& b) { return a + b.str(); }
    friend std::string operator+(const BlockText& a, const std::string& b) { return a.str() + b; }
    friend std::string operator+(const char* a, const BlockText& b) { return a + b.str(); }
    friend std::string operator+(const BlockText& a, const char* b) { return a.str() + b; }
    friend std::string operator+(char a, const BlockText& b) { return a + b.str(); }
    friend std::string operator+(const BlockText& a, char b) { return a.str() + b; }

    friend std::ostream& operator<<(std::ostream& o, const BlockText& t) { return o << t.str(); }

private:
    std::string own_;
    std::shared_ptr<const std::string> shared_;
};

}  // namespace tfa
