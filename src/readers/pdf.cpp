#include "readers/reader.h"

namespace tfa {

namespace {
class StubReader final : public Reader {
public:
    const char* format() const override { return "pdf"; }
    Result<Document> read(const std::string& path, std::string_view, const ReadOptions&) const override {
        return Error{path, "the pdf reader is not written yet"};
    }
};
}  // namespace

const Reader& pdf_reader() {
    static const StubReader r;
    return r;
}

}  // namespace tfa
