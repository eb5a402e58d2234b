// The ledger's evidence hash: SHA-256 through OpenSSL's libcrypto, several times faster than
// Poco's engine on the case records hashed once per case in every recorded run.
#pragma once

#include <string>
#include <string_view>

namespace tfa::ledger {

// The SHA-256 digest of `bytes` as 64 lower-case hex digits (the same value as sha256_hex).
std::string fast_sha256_hex(std::string_view bytes);

}  // namespace tfa::ledger
