#include <ostream>

#include "app/args.h"
#include "app/cli.h"
#include "app/commands.h"
#include "app/paths.h"
#include "extract/templates.h"

namespace tfa::app {

namespace {

const char* kTemplatesHelp =
    "usage: tfaudit templates lint [--templates-dir DIR] [FILE|DIR...]\n"
    "       tfaudit templates list [--templates-dir DIR]\n\n"
    "  lint   checks template files without any documents: XML, element and attribute names,\n"
    "         field, section, table and column names, patterns. Errors are printed as\n"
    "         FILE:LINE: problem. Default: the bundled templates/ folder.\n"
    "  list   the templates, what they match, and how many labels each adds\n\n"
    "Exit status: 0 when every file is good, 2 when any has an error.\n";

}  // namespace

int cmd_templates(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Args a({"--help", "-h"}, {"--templates-dir"});
    if (auto e = a.parse(args, 2); !e.empty()) {
        err << "tfaudit templates: " << e << "\n" << kTemplatesHelp;
        return kUsage;
    }
    if (a.flag("--help") || a.flag("-h") || a.positional().empty()) {
        (a.positional().empty() && !a.flag("--help") && !a.flag("-h") ? err : out) << kTemplatesHelp;
        return a.positional().empty() && !a.flag("--help") && !a.flag("-h") ? kUsage : kOk;
    }
    const std::string sub = a.positional()[0];
    std::vector<std::string> paths(a.positional().begin() + 1, a.positional().end());
    if (paths.empty()) {
        const std::string dir = data_dir("templates", a.get("--templates-dir"));
        if (dir.empty()) {
            err << "tfaudit templates: the templates folder was not found (use --templates-dir)\n";
            return kUsage;
        }
        paths.push_back(dir);
    }
    if (sub == "lint") {
        const auto errors = extract::lint_templates(paths);
        for (const auto& e : errors) err << e.str() << "\n";
        if (errors.empty()) out << "templates: no problems found\n";
        return errors.empty() ? kOk : kUsage;
    }
    if (sub == "list") {
        for (const auto& p : paths) {
            auto ts = extract::load_templates(p);
            if (!ts) {
                err << ts.error().str() << "\n";
                return kUsage;
            }
            for (const auto& t : ts.value()) {
                out << t.name << "  (" << t.file << ")\n";
                if (!t.description.empty()) out << "  " << t.description << "\n";
                out << "  applies to: " << (t.always() ? "every document" : "documents that mention it") << "\n";
                out << "  " << t.labels.size() << " field labels, " << t.sections.size() << " section labels, "
                    << t.columns.size() << " column labels, " << t.titles.size() << " titles, "
                    << t.criteria.size() << " criteria terms\n";
            }
        }
        return kOk;
    }
    err << "tfaudit templates: unknown subcommand '" << sub << "'\n" << kTemplatesHelp;
    return kUsage;
}

}  // namespace tfa::app
