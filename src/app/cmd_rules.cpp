// tfaudit rules: list the packs and their rules, lint pack files, list the check kinds.
#include <cstdio>
#include <ostream>

#include "app/args.h"
#include "app/cli.h"
#include "app/commands.h"
#include "app/paths.h"
#include "core/text.h"
#include "rules/kinds.h"
#include "rules/pack.h"

namespace tfa::app {

namespace {

const char* kRulesHelp =
    "usage: tfaudit rules list [--rules-dir DIR] [PACK...]\n"
    "       tfaudit rules lint [--rules-dir DIR] [FILE...]\n"
    "       tfaudit rules kinds\n\n"
    "  list    the packs (name, version, title, money) and their rules: id, severity, route, title\n"
    "  lint    validate pack files (default: every pack in the rules folder); each error is\n"
    "          printed as FILE:LINE: message\n"
    "  kinds   the check kinds a rule can use, with their parameters\n\n"
    "  --rules-dir DIR   where named packs are found (default: the bundled rules/)\n\n"
    "Exit status: 0 when all is well; 2 on a usage error or when any pack is bad.\n";

std::string pad(std::string s, size_t w) {
    if (s.size() < w)
        s.resize(w, ' ');
    else
        s += ' ';
    return s;
}

std::string money(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
}

void print_pack(const rules::RulePack& p, std::ostream& out) {
    out << p.name << " " << p.version << ": " << p.title;
    if (!p.extends.empty()) out << " (extends " << p.extends << ")";
    out << "\n  money: attachment fee " << money(p.attachment_fee) << " " << p.currency << ", results payment "
        << money(p.results_payment) << " " << p.currency;
    if (!p.money_assumption.empty()) out << " (assumed: " << p.money_assumption << ")";
    if (!p.valid_from.empty() || !p.valid_to.empty())
        out << "\n  attachments from " << (p.valid_from.empty() ? "any date" : p.valid_from) << " to "
            << (p.valid_to.empty() ? "any date" : p.valid_to);
    out << "\n  criteria:";
    for (const auto& c : p.criteria) out << " " << c.id;
    out << "\n";
    for (const auto& r : p.rules)
        out << "  " << pad(r.id, 26) << pad(to_string(r.severity), 8) << pad(r.route, 22) << pad(r.kind, 26) << r.title
            << "\n";
}

int list(const Args& a, const std::string& dir, std::ostream& out, std::ostream& err) {
    std::vector<std::string> packs(a.positional().begin() + 1, a.positional().end());
    if (packs.empty()) packs = rules::list_pack_files(dir);
    if (packs.empty()) {
        err << "tfaudit rules: no rule packs in " << (dir.empty() ? "(no rules folder)" : dir) << "\n";
        return kUsage;
    }
    int rc = kOk;
    for (size_t i = 0; i < packs.size(); ++i) {
        auto p = rules::load_pack(packs[i], dir);
        if (!p) {
            err << p.error().str() << "\n";
            rc = kUsage;
            continue;
        }
        if (i) out << "\n";
        print_pack(p.value(), out);
    }
    return rc;
}

int lint(const Args& a, const std::string& dir, std::ostream& out, std::ostream& err) {
    std::vector<std::string> files(a.positional().begin() + 1, a.positional().end());
    if (files.empty()) files = rules::list_pack_files(dir);
    int bad = 0;
    for (const auto& f : files) {
        const auto errors = rules::lint_pack(f, dir);
        for (const auto& e : errors) err << e.str() << "\n";
        if (errors.empty())
            out << f << ": ok\n";
        else
            ++bad;
    }
    if (files.empty()) err << "tfaudit rules lint: no pack files\n";
    return bad || files.empty() ? kUsage : kOk;
}

void kinds(std::ostream& out) {
    for (const auto& k : rules::kinds()) {
        out << k.name << " (reads " << k.reads << "): " << k.help << "\n";
        for (const auto& p : k.params) out << "    " << pad(p.name, 30) << p.help << "\n";
        out << "    message values: {id} {title} {severity}";
        for (const auto& v : text::split(k.vars, ' '))
            if (!v.empty()) out << " {" << v << "}";
        out << "\n";
    }
}

}  // namespace

int cmd_rules(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Args a({"--help", "-h"}, {"--rules-dir"});
    if (auto e = a.parse(args, 2); !e.empty()) {
        err << "tfaudit rules: " << e << "\n" << kRulesHelp;
        return kUsage;
    }
    if (a.flag("--help") || a.flag("-h")) {
        out << kRulesHelp;
        return kOk;
    }
    const std::string sub = a.positional().empty() ? "" : a.positional()[0];
    const std::string dir = data_dir("rules", a.get("--rules-dir"));
    if (sub == "list") return list(a, dir, out, err);
    if (sub == "lint") return lint(a, dir, out, err);
    if (sub == "kinds") {
        kinds(out);
        return kOk;
    }
    err << "tfaudit rules: " << (sub.empty() ? "give a subcommand" : "unknown subcommand '" + sub + "'") << "\n"
        << kRulesHelp;
    return kUsage;
}

}  // namespace tfa::app
