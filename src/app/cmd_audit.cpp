#include <ostream>

#include "app/cli.h"
#include "app/commands.h"

namespace tfa::app {

int cmd_audit(const std::vector<std::string>&, std::ostream&, std::ostream& err) {
    err << "tfaudit audit: not written yet\n";
    return kUsage;
}

}  // namespace tfa::app
