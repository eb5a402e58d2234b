// libFuzzer target: reading plus extraction. The format is sniffed from the bytes (so the seed
// corpus can mix every format), the document goes through the reader, the extractor and the
// case record builder, and the record is written as JSON, as `tfaudit check` does.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extractor.h"
#include "extract/templates.h"
#include "model/record.h"
#include "readers/reader.h"
#include "readers/xml.h"

namespace {

std::unique_ptr<tfa::extract::Vocab> g_vocab;

// The extension a case folder would give these bytes.
const char* sniff(std::string_view b) {
    if (b.substr(0, 5) == "%PDF-") return "pdf";
    if (b.substr(0, 2) == "PK") {
        if (b.find("word/") != std::string_view::npos) return "docx";
        if (b.find("xl/") != std::string_view::npos) return "xlsx";
        return "odt";
    }
    const size_t lt = b.find('<');
    if (lt != std::string_view::npos && lt < 64) return "html";
    return b.find(',') != std::string_view::npos && b.find(',') < 200 ? "csv" : "txt";
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    tfa::xml::init();
    auto t = tfa::extract::load_templates(std::string(TFAUDIT_SOURCE_DIR) + "/templates");
    if (!t) __builtin_trap();  // the fuzzer would test nothing
    g_vocab =
        std::make_unique<tfa::extract::Vocab>(std::move(t).value(), std::vector<std::pair<std::string, std::string>>{});
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const std::string path = std::string("case/fuzz-input.") + sniff(bytes);
    auto doc = tfa::read_document(path, bytes);
    std::vector<tfa::extract::DocFacts> facts;
    facts.push_back(doc ? tfa::extract::extract_document(doc.value(), *g_vocab)
                        : tfa::extract::unreadable_document(path, doc.error().message));
    const tfa::CaseRecord rec = tfa::extract::build_record("case", std::move(facts), *g_vocab);
    (void)tfa::to_json(rec).size();
    return 0;
}
