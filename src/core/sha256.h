// SHA-256 digests of byte strings and files (Poco::SHA2Engine behind a small seam).
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace tfa {

// The SHA-256 digest of `bytes` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

// The SHA-256 digest of the file at `path`, streamed in blocks. Errors: the file cannot be
// opened or read ("cannot read file").
Result<std::string> sha256_file(const std::string& path);

}  // namespace tfa
