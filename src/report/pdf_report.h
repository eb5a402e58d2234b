// The audit report as a PDF: cover, contents, executive summary with a bar chart, the table
// of cases, every case's findings with their evidence, and an appendix (methodology, the
// sample, rule definitions, input files with SHA-256 hashes, tool version).
//
// The report is composed from plain data (AuditReport) and a ReportTemplate; the caller has
// already drawn the sample, judged the cases and, for --pseudonymise, replaced the names.
// The same AuditReport, template and fonts give byte-identical PDFs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "report/pdf_render.h"
#include "report/pdf_template.h"
#include "rules/check.h"
#include "rules/pack.h"

namespace tfa::report {

// One case of the report: its result and the facts about it that the report shows.
struct AuditCase {
    rules::CaseResult result;
    std::string folder;  // the bundle's folder; evidence files are shown relative to it
    std::string council, lead_agency, lead_class, lead_professional, assessment_date;
    std::vector<std::string> members;  // "Name (relationship)", record order
};

struct AuditFile {
    std::string path, sha256;  // sha256 empty with `error` set when the file could not be read
    std::string error;
};

// How the cases were chosen, for the report's methodology and for redrawing the sample.
struct AuditSample {
    std::string population;      // the population's definition, one line
    size_t found = 0;            // cases found under the input paths
    size_t population_size = 0;  // cases in the population
    size_t sample_size = 0;      // cases in the report
    bool census = true;          // every case of the population is in the report
    uint64_t seed = 0;
    bool default_seed = true;  // the seed was chosen by the tool (from the as-of date)
    std::string stratify;      // "", "council" or "lead agency"
    struct Stratum {
        std::string key;
        size_t population = 0, sample = 0;
    };
    std::vector<Stratum> strata;
    std::vector<std::string> drawn;  // the sampled case keys, in draw order
};

struct AuditReport {
    const rules::RulePack* pack = nullptr;  // must outlive the call
    std::string as_of;                      // ISO
    std::string report_date;                // ISO: the as-of date or SOURCE_DATE_EPOCH's day
    std::string pdf_date;                   // "D:..." for the Info dictionary
    AuditSample sample;
    std::vector<AuditCase> cases;  // report order
    std::vector<AuditFile> files;  // the sampled cases' documents
    std::string tool_version, command;
    bool pseudonymised = false;
    bool ledger = false;  // the run used a claims ledger: the report has a decisions section
};

// Lays out and writes the report. Errors: the fonts cannot be loaded, PoDoFo failed.
Result<std::string> audit_pdf(const AuditReport& report, const ReportTemplate& tmpl, const pdf::FontFiles& fonts);

// "£1,250" for 1250 in GBP (two decimals only when there are pence); other currencies get
// their code as prefix ("EUR 1,250").
std::string format_money(double amount, const std::string& currency);

}  // namespace tfa::report
