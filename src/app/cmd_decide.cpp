// tfaudit decide: records an auditor's decision on one finding of one case in the ledger.
#include <iostream>

#include "app/args.h"
#include "app/cli.h"
#include "app/commands.h"
#include "app/ledger_run.h"
#include "ledger/decisions.h"
#include "ledger/ledger.h"

namespace tfa::app {

namespace {

const char* kDecideHelp =
    "usage: tfaudit decide --ledger L --case REF --rule ID --decision DECISION --reason TEXT --by NAME\n\n"
    "Records an auditor's decision on the finding of rule ID for the family REF. check and audit\n"
    "with the ledger show it beside that finding (the finding itself unchanged) and the verdict\n"
    "the decisions would give; the PDF audit report lists every decision. A decision whose\n"
    "finding has since changed is shown as stale, never dropped.\n\n"
    "  --ledger PATH|URL     the ledger (default: $TFAUDIT_LEDGER)\n"
    "  --case REF            the family reference\n"
    "  --rule ID             the rule whose finding is decided, e.g. TF-ATTENDANCE\n"
    "  --decision DECISION   agree | pass | fail | needs_review\n"
    "  --reason TEXT         why, e.g. \"the school letter in the paper file shows 96 %\"\n"
    "  --by NAME             who decided\n\n"
    "Exit status: 0 when recorded; 2 on a usage error or a ledger that cannot be used.\n";

}  // namespace

int cmd_decide(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Args a({"--help", "-h"}, {"--ledger", "--case", "--rule", "--decision", "--reason", "--by"});
    auto usage = [&](const std::string& msg) {
        err << "tfaudit decide: " << msg << "\n" << kDecideHelp;
        return kUsage;
    };
    if (auto e = a.parse(args, 2); !e.empty()) return usage(e);
    if (a.flag("--help") || a.flag("-h")) {
        out << kDecideHelp;
        return kOk;
    }
    const std::string where = ledger_option(a);
    if (where.empty()) return usage("--ledger (or TFAUDIT_LEDGER) is required");
    for (const char* opt : {"--case", "--rule", "--decision", "--reason", "--by"})
        if (a.get_or(opt, "").empty()) return usage(std::string(opt) + " is required");
    ledger::DecisionRow d;
    d.family_ref = a.get_or("--case", "");
    d.d = rules::Decision{a.get_or("--rule", ""), a.get_or("--decision", ""), a.get_or("--reason", ""),
                          a.get_or("--by", ""),   ledger::now_utc(),          false};
    if (!ledger::valid_decision(d.d.decision))
        return usage("--decision wants agree, pass, fail or needs_review, not '" + d.d.decision + "'");
    auto l = ledger::Ledger::open(where);
    if (!l) {
        err << "tfaudit decide: " << l.error().str() << "\n";
        return kUsage;
    }
    auto& led = *l.value();
    Status st = led.begin();
    auto status = st ? Result<std::string>(*st) : led.latest_status(d.family_ref, d.d.rule);
    if (!status) st = status.error();
    if (!st) d.finding_status = status.value();
    if (!st) st = led.add_decision(d);
    if (!st) st = led.commit();
    if (st) {
        led.rollback();
        err << "tfaudit decide: " << st->str() << " (nothing was recorded)\n";
        return kUsage;
    }
    out << "recorded: " << d.family_ref << " " << d.d.rule << ": " << d.d.decision << " by " << d.d.by << " at "
        << d.d.at << "\n";
    if (d.finding_status.empty())
        out << "note: no run in the ledger has a finding of " << d.d.rule << " for " << d.family_ref
            << ": the decision is kept, applies to that finding\n"
            << "when the case is next checked, and shows as stale while the case has no such finding\n";
    else
        out << "the finding was " << d.finding_status << " in the latest run\n";
    return kOk;
}

}  // namespace tfa::app
