// Where the bundled data folders (templates/, rules/) are found.
#pragma once

#include <optional>
#include <string>

namespace tfa::app {

// The folder `name` ("templates" or "rules"): `override_dir` when given; else
// $TFAUDIT_DATA_DIR/NAME; else <binary>/../share/tfaudit/NAME (installed); else the source tree
// the binary was built from. Empty when none exists.
std::string data_dir(const std::string& name, const std::optional<std::string>& override_dir);

// The directory holding the running executable.
std::string exe_dir();

bool is_dir(const std::string& path);
bool is_file(const std::string& path);

}  // namespace tfa::app
