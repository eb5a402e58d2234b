#include "readers/reader.h"

namespace tfa {

namespace {
class StubReader final : public Reader {
public:
    const char* format() const override { return "odt"; }
    Result<Document> read(const std::string& path, std::string_view, const ReadOptions&) const override {
        return Error{path, "the odt reader is not written yet"};
    }
};
}  // namespace

const Reader& odt_reader() {
    static const StubReader r;
    return r;
}

}  // namespace tfa
