// libFuzzer target: one reader, chosen at build time by FUZZ_EXT ("docx", "odt", "html", "pdf",
// "xlsx", "txt", "csv"), fed through the generic reader interface (readers/reader.h), so the
// PDF target fuzzes whichever library reads PDFs. Every input must come back as a Document or
// an Error: a crash, a sanitizer report, a leak, a timeout or an out-of-memory is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "model/document.h"
#include "readers/reader.h"
#include "readers/xml.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    tfa::xml::init();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::string path = std::string("fuzz-input.") + FUZZ_EXT;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto doc = tfa::read_document(path, bytes);
    // Walk what was read, as every later stage does.
    if (doc) (void)tfa::to_text(doc.value()).size();
    return 0;
}
