// Where the bundled data folders (templates/, rules/) are found.
#pragma once

#include <optional>
#include <string>

#include "core/files.h"

namespace tfa::app {

// The folder `name` ("templates" or "rules"): `override_dir` when given; else
// $TFAUDIT_DATA_DIR/NAME; else <binary>/../share/tfaudit/NAME (installed); else the source tree
// the binary was built from. Empty when none exists.
std::string data_dir(const std::string& name, const std::optional<std::string>& override_dir);

using files::is_dir;
using files::is_file;

// The directory holding the running executable.
std::string exe_dir();

}  // namespace tfa::app
