#include "core/sha256.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <fstream>
#include <vector>

namespace tfa {

std::string sha256_hex(std::string_view bytes) {
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
    return Poco::DigestEngine::digestToHex(engine.digest());
}

Result<std::string> sha256_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path, "cannot read file"};
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    std::vector<char> block(1 << 16);
    while (in) {
        in.read(block.data(), static_cast<std::streamsize>(block.size()));
        if (in.gcount() > 0) engine.update(block.data(), static_cast<unsigned>(in.gcount()));
    }
    if (in.bad()) return Error{path, "cannot read file"};
    return Poco::DigestEngine::digestToHex(engine.digest());
}

}  // namespace tfa
