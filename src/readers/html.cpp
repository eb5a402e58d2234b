#include "readers/reader.h"

namespace tfa {

namespace {
class StubReader final : public Reader {
public:
    const char* format() const override { return "html"; }
    Result<Document> read(const std::string& path, std::string_view, const ReadOptions&) const override {
        return Error{path, "the html reader is not written yet"};
    }
};
}  // namespace

const Reader& html_reader() {
    static const StubReader r;
    return r;
}

}  // namespace tfa
