#include "app/paths.h"
#include "core/files.h"

#include <unistd.h>

#include <climits>
#include <cstdlib>

namespace tfa::app {

std::string exe_dir() {
    char buf[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return ".";
    std::string p(buf, static_cast<size_t>(n));
    const size_t slash = p.find_last_of('/');
    return slash == std::string::npos ? "." : p.substr(0, slash);
}

std::string data_dir(const std::string& name, const std::optional<std::string>& override_dir) {
    if (override_dir) return *override_dir;
    if (const char* env = std::getenv("TFAUDIT_DATA_DIR"); env && *env) {
        const std::string p = std::string(env) + "/" + name;
        if (files::is_dir(p)) return p;
    }
    const std::string installed = exe_dir() + "/../" + TFAUDIT_INSTALL_DATADIR + "/" + name;
    if (files::is_dir(installed)) return installed;
    const std::string source = std::string(TFAUDIT_SOURCE_DIR) + "/" + name;
    if (files::is_dir(source)) return source;
    return {};
}

}  // namespace tfa::app
