// tfaudit audit: a population of case bundles → a reproducible sample → a PDF audit report.
//
// Every bundle under the input paths is extracted and checked in one streaming pass (the
// Batch judges duplicate references across the whole batch). What is kept per case is its
// CaseResult and a small summary (council, lead agency, assessment date, people's names,
// files): a few kilobytes a case, so some 10^4 cases fit comfortably; the documents and
// records themselves are never held. Once the population is known, it is filtered, the
// sample drawn, and only the sampled cases' results are kept for the report.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "app/args.h"
#include "app/cli.h"
#include "app/commands.h"
#include "app/ledger_run.h"
#include "app/paths.h"
#include "core/files.h"
#include "core/json_writer.h"
#include "app/pipeline.h"
#include "audit/pseudonym.h"
#include "audit/sample.h"
#include "core/output_file.h"
#include "core/parallel.h"
#include "core/sha256.h"
#include "core/text.h"
#include "report/batch.h"
#include "report/pdf_report.h"
#include "report/writer.h"
#include "core/calendar.h"

namespace tfa::app {

namespace {

const char* kAuditHelp =
    "usage: tfaudit audit [OPTIONS] PATH... --report OUT.pdf\n\n"
    "Checks the case bundles under PATH, draws a reproducible random sample of them and writes\n"
    "an audit report as a PDF: cover and sign-off, executive summary, every sampled case's\n"
    "findings with their evidence, methodology, rule definitions and input file hashes.\n\n"
    "  --report FILE          the PDF to write (required)\n"
    "  --sample N             check a random sample of N cases (default: every case)\n"
    "  --sample-pct P         check a random sample of P per cent of the population\n"
    "  --seed S               the sample's seed, a whole number (default: from the as-of date;\n"
    "                         printed on stderr and recorded in the report)\n"
    "  --stratify BY          council or agency: proportional allocation across strata\n"
    "  --registered-from DATE the population: assessments registered on or after DATE\n"
    "  --registered-to DATE   ... and on or before DATE (YYYY-MM-DD)\n"
    "  --lead WHO             partner or council: lead professionals from partner agencies only,\n"
    "                         or from the council only (classes in templates/report/agencies.xml)\n"
    "  --open-only            the population: open cases only (no closure dated on or before\n"
    "                         the as-of date), as a case-quality audit of open assessments samples\n"
    "  --rules PACK           rule pack name or file (default: tf-2015; ffa-quality for the quality team)\n"
    "  --as-of DATE           today for the checks, YYYY-MM-DD (default: today)\n"
    "  --pseudonymise         replace personal names with labels (Adult 1, Child 2, Professional 3)\n"
    "  --json FILE            also write the sampled cases' results as JSON\n"
    "  --ledger PATH|URL      record the run in a claims ledger (SQLite file or postgresql://...;\n"
    "                         default: $TFAUDIT_LEDGER): earlier claims make TF-/SF-DUPLICATE fail, and\n"
    "                         the report shows the auditor decisions and a decisions section\n"
    "  --report-template NAME look and wording from templates/report/NAME.xml (default: the\n"
    "                         pack's name when such a template exists, else default)\n"
    "  --templates-dir DIR    a folder of council templates, added to the bundled ones (a folder\n"
    "                         that has its own shared vocabulary replaces them)\n"
    "  --rules-dir DIR        where named packs are found (default: the bundled rules/)\n"
    "  --threads N            extraction threads (default: every core)\n"
    "  --time-limit SECONDS   time for reading one document (default 30); past it the document is\n"
    "                         unreadable (\"reading took longer than 30 s\"), its case needs review\n"
    "  --memory-limit MB      memory for reading one document (default 512; \"over the 512 MB\n"
    "                         memory budget\")\n"
    "  --no-progress          no progress line on stderr\n\n"
    "The report's date is the as-of date, or SOURCE_DATE_EPOCH when set: the same inputs, seed and\n"
    "as-of date give a byte-identical PDF.\n\n"
    "The report and --json may not be an input file, lie inside an input folder or be each other;\n"
    "each is written to a temporary file beside it and renamed into place when complete.\n\n"
    "Exit status: 0 when the report was written, whatever the verdicts in it; 2 on a usage error\n"
    "(a bad option or date, a missing input, an output that cannot be written or would overwrite\n"
    "an input).\n";

struct AuditOptions {
    std::string report, json, pack, rules_dir, templates_dir, report_template, ledger;
    long as_of = 0;
    size_t sample = 0;  // 0: every case
    double sample_pct = 0;
    uint64_t seed = 0;
    bool default_seed = true, pseudonymise = false, progress = false;
    audit::Stratify stratify = audit::Stratify::none;
    audit::PopulationFilter filter;
    unsigned threads = 0;
    PipelineOptions isolation;  // worker_exe and limits
};

bool whole_number(const std::string& s, uint64_t& out) {
    if (s.empty() || s.size() > 19 || s.find_first_not_of("0123456789") != std::string::npos) return false;
    out = std::stoull(s);
    return true;
}

// Parses `--NAME DATE` into ISO form; false with a message on a bad date.
bool date_option(const Args& a, const std::string& name, std::string& iso, std::string& msg) {
    auto d = a.get(name);
    if (!d) return true;
    auto day = cal::parse(*d);
    if (!day) {
        msg = name + " wants a date as YYYY-MM-DD, not '" + *d + "'";
        return false;
    }
    iso = cal::format(*day);
    return true;
}

std::string check_sampling(const Args& a, AuditOptions& o) {
    if (a.get("--sample") && a.get("--sample-pct")) return "give --sample or --sample-pct, not both";
    uint64_t n = 0;
    if (auto s = a.get("--sample")) {
        if (!whole_number(*s, n) || n == 0)
            return "--sample wants a whole number of cases of at least 1, not '" + *s + "'";
        o.sample = static_cast<size_t>(n);
    }
    if (auto p = a.get("--sample-pct")) {
        char* end = nullptr;
        o.sample_pct = std::strtod(p->c_str(), &end);
        if (p->empty() || *end || !(o.sample_pct > 0 && o.sample_pct <= 100))
            return "--sample-pct wants a number above 0 and at most 100, not '" + *p + "'";
    }
    if (auto s = a.get("--seed")) {
        if (!whole_number(*s, o.seed)) return "--seed wants a whole number, not '" + *s + "'";
        o.default_seed = false;
    }
    const std::string by = a.get_or("--stratify", "");
    if (by == "council")
        o.stratify = audit::Stratify::council;
    else if (by == "agency")
        o.stratify = audit::Stratify::agency;
    else if (!by.empty())
        return "--stratify wants council or agency, not '" + by + "'";
    return "";
}

std::string check_population(const Args& a, AuditOptions& o) {
    std::string msg;
    if (!date_option(a, "--registered-from", o.filter.registered_from, msg)) return msg;
    if (!date_option(a, "--registered-to", o.filter.registered_to, msg)) return msg;
    if (!o.filter.registered_from.empty() && !o.filter.registered_to.empty() &&
        o.filter.registered_from > o.filter.registered_to)
        return "--registered-from is after --registered-to";
    o.filter.lead = a.get_or("--lead", "");
    if (!o.filter.lead.empty() && o.filter.lead != "partner" && o.filter.lead != "council")
        return "--lead wants partner or council, not '" + o.filter.lead + "'";
    return "";
}

// Parses and validates the options; prints the problem and returns false on a usage error.
bool parse_options(const Args& a, AuditOptions& o, std::ostream& err) {
    auto usage = [&](const std::string& msg) {
        err << "tfaudit audit: " << msg << "\n" << kAuditHelp;
        return false;
    };
    o.report = a.get_or("--report", "");
    if (o.report.empty()) return usage("--report FILE.pdf is required");
    o.json = a.get_or("--json", "");
    o.ledger = ledger_option(a);
    o.pack = a.get_or("--rules", "tf-2015");
    if (auto e = as_of_option(a, o.as_of); !e.empty()) return usage(e);
    if (auto e = check_sampling(a, o); !e.empty()) return usage(e);
    if (auto e = check_population(a, o); !e.empty()) return usage(e);
    if (o.default_seed) {
        const std::string iso = cal::format(o.as_of);
        o.seed = std::stoull(iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2));
    }
    if (auto t = a.get("--threads")) {
        const int n = std::atoi(t->c_str());
        if (n < 1) return usage("--threads wants a number of at least 1");
        o.threads = static_cast<unsigned>(n);
    }
    if (a.positional().empty()) return usage("no input paths");
    if (auto e = isolation_options(a, o.isolation); !e.empty()) return usage(e);
    o.rules_dir = data_dir("rules", a.get("--rules-dir"));
    o.templates_dir = data_dir("templates", a.get("--templates-dir"));
    o.report_template = a.get_or("--report-template", "");
    o.pseudonymise = a.flag("--pseudonymise");
    if (a.flag("--open-only")) o.filter.open_on = cal::format(o.as_of);
    o.progress = !a.flag("--no-progress") && ::isatty(2);
    return true;
}

// ---- the population ----------------------------------------------------------------------

// What is kept of every case until the sample is drawn.
struct Kept {
    audit::CaseSummary summary;
    audit::CasePeople people;
    std::string folder, lead_professional;
    std::vector<std::string> files, members;  // members: "Name (relationship)"
};

// Collects the Batch's results in arrival order.
class Collector : public report::Writer {
public:
    explicit Collector(std::vector<rules::CaseResult>& out) : out_(out) {}
    void begin(const report::RunInfo&) override {}
    void write_case(const rules::CaseResult& r, const std::string&) override { out_.push_back(r); }
    void end(const report::RunSummary&) override {}

private:
    std::vector<rules::CaseResult>& out_;
};

std::string folder_of(const CaseRecord& r) {
    const std::string f = r.files.empty() ? std::string() : r.files.front();
    const size_t slash = f.rfind('/');
    return slash == std::string::npos ? std::string() : f.substr(0, slash);
}

Kept keep(const CaseRecord& r, const audit::AgencyClasses& agencies) {
    Kept k;
    k.summary = audit::CaseSummary{r.case_name, r.council, r.lead_agency, r.assessment_date, r.closure_date};
    k.people = audit::people_of(r, agencies);
    k.folder = folder_of(r);
    k.lead_professional = r.lead_professional;
    k.files = r.files;
    for (const auto& m : r.members)
        k.members.push_back(m.relationship.empty() ? m.name : m.name + " (" + m.relationship + ")");
    return k;
}

// Case names repeat when two inputs hold bundles of the same name: their keys add the folder.
void make_keys_unique(std::vector<Kept>& kept) {
    std::map<std::string, int> seen;
    for (const auto& k : kept) ++seen[k.summary.key];
    for (auto& k : kept)
        if (seen[k.summary.key] > 1) k.summary.key += " (" + k.folder + ")";
}

struct Population {
    std::vector<Kept> kept;
    std::vector<rules::CaseResult> results;  // same order as kept
};

Status extract_and_check(const AuditOptions& o, const rules::RulePack& pack, const audit::AgencyClasses& agencies,
                         const std::vector<std::string>& paths, Population& pop, LedgerRun* run) {
    PipelineOptions po = o.isolation;
    po.templates_dir = o.templates_dir;
    po.threads = o.threads ? o.threads : default_threads();
    for (const auto& c : pack.criteria) po.criteria.emplace_back(c.id, c.name);
    Collector collector(pop.results);
    report::Batch batch(pack, o.as_of, run ? run->wrap(collector) : collector);
    if (batch.error()) return batch.error();
    size_t n = 0;
    Status st = for_each_case(paths, po, [&](CaseRecord&& r) {
        pop.kept.push_back(keep(r, agencies));
        if (run) run->note(r), run->feed(r, batch);
        batch.add(r);
        if (o.progress && (++n % 16 == 0 || n < 16))
            std::cerr << "\rchecked " << n << " case" << (n == 1 ? "" : "s") << std::flush;
    });
    if (o.progress && n) std::cerr << "\r\x1b[K" << std::flush;
    batch.finish();
    if (batch.error()) return batch.error();
    if (!st && run) st = run->finish();  // committed before any report is written
    if (!st && pop.results.size() != pop.kept.size()) return Error{"", "internal error: results and cases out of step"};
    make_keys_unique(pop.kept);
    return st;
}

// ---- the report ----------------------------------------------------------------------------

void pseudonymise(report::AuditCase& c, const audit::NameMap& names) {
    auto& r = c.result;
    for (auto& f : r.findings) {
        f.message = names.apply(f.message);
        f.fix = names.apply(f.fix);
        for (auto& e : f.evidence) {
            e.quote = names.apply(e.quote);
            e.where = names.apply(e.where);
        }
    }
    for (auto& m : r.to_make_claimable) m.what = names.apply(m.what);
    for (auto& d : r.notes.decisions) d.reason = names.apply(d.reason);
    for (auto& e : r.errors) e.error = names.apply(e.error);
    r.grade_basis = names.apply(r.grade_basis);
    c.lead_professional = names.apply(c.lead_professional);
    for (auto& m : c.members) m = names.apply(m);
}

std::string stratify_name(audit::Stratify s) {
    return s == audit::Stratify::council ? "council" : s == audit::Stratify::agency ? "lead agency" : "";
}

// The command that redraws the sample: the arguments without the output files.
std::string redraw_command(const std::vector<std::string>& args) {
    std::string s = "tfaudit";
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--report" || a == "--json" || a == "--threads" || a == "--time-limit" || a == "--memory-limit") {
            ++i;
            continue;
        }
        if (text::starts_with(a, "--report=") || text::starts_with(a, "--json=") ||
            text::starts_with(a, "--threads=") || text::starts_with(a, "--time-limit=") ||
            text::starts_with(a, "--memory-limit=") || a == "--no-progress")
            continue;
        s += " " + a;
    }
    return s;
}

// SOURCE_DATE_EPOCH when set and valid, else the as-of date at midnight.
void report_dates(long as_of, report::AuditReport& r) {
    r.report_date = cal::format(as_of);
    r.pdf_date = report::pdf::pdf_date_from_day(as_of);
    uint64_t epoch = 0;
    if (const char* e = std::getenv("SOURCE_DATE_EPOCH"); e && whole_number(e, epoch)) {
        r.report_date = cal::format(static_cast<long>(epoch / 86400));
        r.pdf_date = report::pdf::pdf_date_from_epoch(static_cast<long long>(epoch));
    }
}

std::vector<report::AuditFile> hash_files(const std::vector<report::AuditCase>& cases,
                                          const std::vector<std::vector<std::string>>& files) {
    std::set<std::string> all;
    for (const auto& list : files) all.insert(list.begin(), list.end());
    std::vector<report::AuditFile> out;
    for (const auto& f : all) {
        auto h = sha256_file(f);
        out.push_back(report::AuditFile{f, h ? h.value() : "", h ? "" : h.error().message});
    }
    (void)cases;
    return out;
}

report::AuditSample sample_info(const AuditOptions& o, const Population& pop, size_t population, const audit::Draw& d) {
    report::AuditSample s;
    s.population = o.filter.describe();
    s.found = pop.kept.size();
    s.population_size = population;
    s.sample_size = d.picked.size();
    s.census = s.sample_size == population;
    s.seed = o.seed;
    s.default_seed = o.default_seed;
    s.stratify = s.census ? "" : stratify_name(o.stratify);
    if (!s.census)
        for (const auto& st : d.strata) s.strata.push_back({st.key, st.population, st.sample});
    for (size_t i : d.picked) s.drawn.push_back(pop.kept[i].summary.key);
    return s;
}

report::AuditReport build_report(const AuditOptions& o, const rules::RulePack& pack,
                                 const audit::AgencyClasses& agencies, Population& pop, const audit::Draw& draw,
                                 size_t population, const std::vector<std::string>& args) {
    report::AuditReport r;
    r.pack = &pack;
    r.as_of = cal::format(o.as_of);
    report_dates(o.as_of, r);
    r.sample = sample_info(o, pop, population, draw);
    r.tool_version = TFAUDIT_VERSION;
    r.command = redraw_command(args);
    r.pseudonymised = o.pseudonymise;
    r.ledger = !o.ledger.empty();
    std::vector<size_t> order = draw.picked;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return pop.kept[a].summary.key < pop.kept[b].summary.key; });
    audit::Pseudonymiser names(o.as_of);
    std::vector<std::vector<std::string>> files;
    for (size_t i : order) {
        const Kept& k = pop.kept[i];
        report::AuditCase c{std::move(pop.results[i]),
                            k.folder,
                            k.summary.council,
                            k.summary.lead_agency,
                            agencies.classify(k.summary.lead_agency),
                            k.lead_professional,
                            k.summary.assessment_date,
                            k.members};
        if (o.pseudonymise) pseudonymise(c, names.for_case(k.people));
        r.cases.push_back(std::move(c));
        files.push_back(k.files);
    }
    r.files = hash_files(r.cases, files);
    return r;
}

// The --json report: the JSON writer's layout for the sampled cases (without records), with
// the sample's definition first, as "audit".
std::string audit_json(const report::AuditReport& r) {
    std::ostringstream out;
    report::WriterOptions opts;
    opts.json_head = [&r](JsonWriter& j) {
        j.key("audit");
        j.begin_object(JsonWriter::Layout::Inline);
        j.key("population");
        j.str(r.sample.population);
        j.key("found");
        j.number(r.sample.found);
        j.key("population_size");
        j.number(r.sample.population_size);
        j.key("sample_size");
        j.number(r.sample.sample_size);
        j.key("seed");
        j.number(r.sample.seed);
        j.key("stratify");
        j.str(r.sample.stratify);
        j.key("pseudonymised");
        j.boolean(r.pseudonymised);
        j.key("drawn");
        j.strings(r.sample.drawn);
        j.end_object();
    };
    auto w = report::make_json_writer(out, opts);
    w->begin(report::RunInfo{r.pack, r.as_of});
    for (const auto& c : r.cases) w->write_case(c.result, "");
    w->end(report::RunSummary{});
    return out.str();
}

std::string template_name(const AuditOptions& o, const rules::RulePack& pack, const std::string& dir) {
    if (!o.report_template.empty()) return o.report_template;
    return is_file(dir + "/" + pack.name + ".xml") ? pack.name : "default";
}

size_t sample_size(const AuditOptions& o, size_t population) {
    if (o.sample_pct > 0) return audit::percent_of(o.sample_pct, population);
    return o.sample ? o.sample : population;
}

struct Setup {
    rules::RulePack pack;
    report::ReportTemplate tmpl;
    audit::AgencyClasses agencies;
};

// Loads the pack, the report template and the agency classes; prints the first problem.
bool load_setup(const AuditOptions& o, Setup& s, std::ostream& err) {
    // The report templates: the templates folder's own report/, else the bundled ones (a folder
    // of council templates only has none).
    std::string dir = o.templates_dir + "/report";
    if (!files::is_dir(dir)) dir = data_dir("templates", std::nullopt) + "/report";
    auto pack = rules::load_pack(o.pack, o.rules_dir);
    if (!pack) return err << "tfaudit audit: " << pack.error().str() << "\n", false;
    s.pack = std::move(pack.value());
    auto tmpl = report::load_report_template(template_name(o, s.pack, dir), dir);
    if (!tmpl) return err << "tfaudit audit: " << tmpl.error().str() << "\n", false;
    s.tmpl = std::move(tmpl.value());
    auto agencies = audit::load_agency_classes(dir + "/agencies.xml");
    if (!agencies) return err << "tfaudit audit: " << agencies.error().str() << "\n", false;
    s.agencies = std::move(agencies.value());
    return true;
}

bool inputs_exist(const std::vector<std::string>& paths, std::ostream& err) {
    bool ok = true;
    for (const auto& p : paths)
        if (!files::exists(p)) {
            err << "tfaudit audit: " << text::terminal_safe(p) << ": no such file or folder\n";
            ok = false;
        }
    return ok;
}

int fail(std::ostream& err, const Error& e) {
    err << "tfaudit audit: " << text::terminal_safe(e.str()) << "\n";
    return kUsage;
}

}  // namespace

int cmd_audit(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Args a({"--help", "-h", "--no-progress", "--pseudonymise", "--open-only"},
           {"--report", "--sample", "--sample-pct", "--seed", "--stratify", "--registered-from", "--registered-to",
            "--lead", "--rules", "--as-of", "--json", "--report-template", "--templates-dir", "--rules-dir",
            "--threads", "--time-limit", "--memory-limit", "--ledger"});
    if (auto e = a.parse(args, 2); !e.empty()) return err << "tfaudit audit: " << e << "\n" << kAuditHelp, kUsage;
    if (a.flag("--help") || a.flag("-h")) return out << kAuditHelp, kOk;
    AuditOptions o;
    if (!parse_options(a, o, err) || !inputs_exist(a.positional(), err)) return kUsage;
    if (auto e = files::check_outputs({o.report, o.json}, {"--report", "--json"}, a.positional())) return fail(err, *e);
    files::OutputFile pdf_file(o.report), json_file(o.json);
    if (auto e = pdf_file.open()) return fail(err, *e);
    if (!o.json.empty())
        if (auto e = json_file.open()) return fail(err, *e);
    Setup s;
    if (!load_setup(o, s, err)) return kUsage;
    std::unique_ptr<LedgerRun> run;
    if (!o.ledger.empty()) {
        auto r = LedgerRun::start(o.ledger, s.pack, RunSetup{command_line(args), o.as_of, "", nullptr});
        if (!r) return fail(err, r.error());
        run = std::move(r.value());
    }
    Population pop;
    if (auto e = extract_and_check(o, s.pack, s.agencies, a.positional(), pop, run.get())) return fail(err, *e);
    std::vector<audit::CaseSummary> summaries;
    for (const auto& k : pop.kept) summaries.push_back(k.summary);
    const auto members = audit::filter_population(summaries, o.filter, s.agencies);
    const auto draw = audit::draw_sample(summaries, members, sample_size(o, members.size()), o.seed, o.stratify);
    err << "tfaudit audit: population " << members.size() << " of " << pop.kept.size() << " cases; sample "
        << draw.picked.size() << "; seed " << o.seed
        << (o.default_seed ? " (default, from the as-of date; pass --seed to change it)" : "") << "\n";
    const auto report = build_report(o, s.pack, s.agencies, pop, draw, members.size(), args);
    auto bytes = report::audit_pdf(report, s.tmpl, report::pdf::FontFiles{});
    if (!bytes) return fail(err, bytes.error());
    if (auto e = pdf_file.commit(bytes.value())) return fail(err, *e);
    if (!o.json.empty())
        if (auto e = json_file.commit(audit_json(report))) return fail(err, *e);
    return kOk;
}

}  // namespace tfa::app
