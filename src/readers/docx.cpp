#include "readers/reader.h"

namespace tfa {

namespace {
class StubReader final : public Reader {
public:
    const char* format() const override { return "docx"; }
    Result<Document> read(const std::string& path, std::string_view, const ReadOptions&) const override {
        return Error{path, "the docx reader is not written yet"};
    }
};
}  // namespace

const Reader& docx_reader() {
    static const StubReader r;
    return r;
}

}  // namespace tfa
