// Errors as values across module boundaries.
//
// Every stage (reader, template loader, rule pack loader, writer) returns a Result<T>: either a
// value or an Error that names the file and the problem in one line. Exceptions from Poco,
// libxml2 or PoDoFo stop at the adapter that calls them and become Errors there.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace tfa {

// One problem with one input. `file` is the path as the user gave it; `message` is one line,
// lower case, with no trailing full stop ("not a zip archive", "no text layer: ...").
struct Error {
    std::string file;
    std::string message;
    int line = 0;  // 1-based line in `file` for data files (templates, rule packs); 0 if none

    // "FILE: MESSAGE" or "FILE:LINE: MESSAGE".
    std::string str() const {
        std::string s = file;
        if (line > 0) s += ":" + std::to_string(line);
        if (!s.empty()) s += ": ";
        return s + message;
    }
};

// A value of type T, or an Error. Cheap to move; check ok() before value().
template <class T>
class Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    const Error& error() const { return std::get<1>(v_); }

    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

private:
    std::variant<T, Error> v_;
};

// Status for operations that return nothing: empty on success.
using Status = std::optional<Error>;

}  // namespace tfa
