// The audit command's parts: the seeded sample, population filters, pseudonyms, report
// templates, and the PDF report (checked with qpdf, pdftotext and pdffonts).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "audit/pseudonym.h"
#include "status_words.h"
#include "audit/sample.h"
#include "core/calendar.h"
#include "core/sha256.h"
#include "report/pdf_report.h"
#include "rules/pack.h"

using namespace tfa;

namespace {

const std::string kSource = TFAUDIT_SOURCE_DIR;

audit::AgencyClasses agencies() {
    auto a = audit::load_agency_classes(kSource + "/templates/report/agencies.xml");
    REQUIRE(a.ok());
    return a.value();
}

std::vector<audit::CaseSummary> population(size_t n) {
    std::vector<audit::CaseSummary> all;
    const char* councils[] = {"Brackenford City Council", "Fernshire County Council", "Kestrel Vale Borough Council"};
    const char* agencies[] = {"Brackenford Early Help Hub", "Oakfield Primary School", "NHS Fernshire Health Visiting",
                              "Kestrel Homes Housing Association"};
    for (size_t i = 0; i < n; ++i) {
        char key[32];
        std::snprintf(key, sizeof key, "case-%04zu", i);
        const long day = *cal::parse("2018-06-01") + static_cast<long>(i % 365);
        all.push_back({key, councils[i % 3], agencies[i % 4], cal::format(day)});
    }
    return all;
}

std::vector<size_t> everyone(size_t n) {
    std::vector<size_t> v(n);
    for (size_t i = 0; i < n; ++i) v[i] = i;
    return v;
}

std::string run(const std::string& cmd) {
    std::string out;
    if (FILE* p = popen(cmd.c_str(), "r")) {
        char buf[4096];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
        pclose(p);
    }
    return out;
}

std::string write_temp(const std::string& bytes, const std::string& name) {
    const std::string path = "/tmp/tfaudit-test-" + std::to_string(::getpid()) + "-" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

RulePack pack(const std::string& name) {
    auto p = rules::load_pack(name, kSource + "/rules");
    REQUIRE(p.ok());
    return p.value();
}

report::ReportTemplate report_template(const std::string& name) {
    auto t = report::load_report_template(name, kSource + "/templates/report");
    REQUIRE(t.ok());
    return t.value();
}

// A synthetic case judged by every rule of `p`: a mix of verdicts, evidence with Unicode names.
report::AuditCase synthetic_case(const RulePack& p, size_t i) {
    report::AuditCase c;
    auto& r = c.result;
    char name[32];
    std::snprintf(name, sizeof name, "case-%04zu", i);
    r.case_name = name;
    r.family_ref = "FF-" + std::to_string(1000 + i);
    r.verdict = i % 3 == 0   ? rules::Verdict::Claimable
                : i % 3 == 1 ? rules::Verdict::NotClaimable
                             : rules::Verdict::NeedsReview;
    r.route = i % 3 == 0 ? "sustained_progress" : "";
    r.score = static_cast<int>(100 - i % 40);
    if (!p.grades.empty()) r.grade = p.grades[i % p.grades.size()].name;
    for (size_t k = 0; k < p.rules.size(); ++k) {
        rules::Finding f;
        f.rule = p.rules[k].id;
        f.severity = p.rules[k].severity;
        f.status = (i + k) % 5 == 0   ? rules::Status::Fail
                   : (i + k) % 7 == 0 ? rules::Status::NotApplicable
                                      : rules::Status::Pass;
        f.message = "[" + f.rule + "] finding for Zoë Kowalska and Łukasz Nowak, rent arrears of £1,240";
        f.evidence.push_back({"/bundles/" + r.case_name + "/01 Assessment.docx",
                              "table 2, row " + std::to_string(k + 1),
                              "Zoë Kowalska | Mother | 12/04/1986 — Łukasz Nowak | Stepfather"});
        if (f.status == "fail") f.fix = "a dated plan outcome for every criterion";
        r.findings.push_back(std::move(f));
    }
    if (r.verdict == "not_claimable")
        r.to_make_claimable.push_back({"consent naming central government", "assessment"});
    c.folder = "/bundles/" + r.case_name;
    c.council = "Fernshire County Council";
    c.lead_agency = "Fernshire Families First Service";
    c.lead_class = "council";
    c.lead_professional = "Siobhán Kerrigan";
    c.assessment_date = "2018-11-19";
    c.members = {"Zoë Kowalska (Mother)", "Łukasz Nowak (Stepfather)"};
    return c;
}

report::AuditReport synthetic_report(const RulePack& p, size_t n) {
    report::AuditReport r;
    r.pack = &p;
    r.as_of = "2020-06-30";
    r.report_date = "2020-06-30";
    r.pdf_date = report::pdf::pdf_date_from_day(*cal::parse("2020-06-30"));
    r.sample.population = "every case found";
    r.sample.found = n * 10;
    r.sample.population_size = n * 10;
    r.sample.sample_size = n;
    r.sample.census = false;
    r.sample.seed = 42;
    r.tool_version = "test";
    r.command = "tfaudit audit bundles --sample " + std::to_string(n);
    for (size_t i = 0; i < n; ++i) {
        r.cases.push_back(synthetic_case(p, i));
        r.sample.drawn.push_back(r.cases.back().result.case_name);
        r.files.push_back(
            {"/bundles/" + r.cases.back().result.case_name + "/01 Assessment.docx", sha256_hex(std::to_string(i)), ""});
    }
    return r;
}

int pages_of(const std::string& path) {
    const std::string info = run("pdfinfo '" + path + "' 2>/dev/null");
    const size_t at = info.find("Pages:");
    return at == std::string::npos ? -1 : std::atoi(info.c_str() + at + 6);
}

}  // namespace

TEST_CASE("SplitMix64 gives the published sequence", "[audit]") {
    audit::SplitMix64 rng(0);
    CHECK(rng.next() == 0xE220A8397B1DCDAFULL);
    CHECK(rng.next() == 0x6E789E6AA1B965F4ULL);
    audit::SplitMix64 b(7);
    for (int i = 0; i < 1000; ++i) CHECK(b.below(10) < 10);
}

TEST_CASE("A sample is reproducible for a seed and changes with another seed", "[audit]") {
    const auto all = population(200);
    const auto a = audit::draw_sample(all, everyone(200), 20, 7, audit::Stratify::none);
    const auto b = audit::draw_sample(all, everyone(200), 20, 7, audit::Stratify::none);
    const auto c = audit::draw_sample(all, everyone(200), 20, 8, audit::Stratify::none);
    CHECK(a.picked.size() == 20);
    CHECK(a.picked == b.picked);
    CHECK(a.picked != c.picked);
    CHECK(std::set<size_t>(a.picked.begin(), a.picked.end()).size() == 20);  // without replacement
    // The order in which the population arrives does not matter: the draw sorts it by key.
    auto reversed = everyone(200);
    std::reverse(reversed.begin(), reversed.end());
    CHECK(audit::draw_sample(all, reversed, 20, 7, audit::Stratify::none).picked == a.picked);
    // A sample as large as the population is the population.
    CHECK(audit::draw_sample(all, everyone(200), 500, 7, audit::Stratify::none).picked.size() == 200);
}

TEST_CASE("A stratified sample allocates in proportion to the strata", "[audit]") {
    auto all = population(100);
    for (size_t i = 0; i < 100; ++i) all[i].council = i < 50 ? "A" : i < 80 ? "B" : "C";
    const auto d = audit::draw_sample(all, everyone(100), 10, 3, audit::Stratify::council);
    REQUIRE(d.strata.size() == 3);
    CHECK(d.strata[0].sample == 5);
    CHECK(d.strata[1].sample == 3);
    CHECK(d.strata[2].sample == 2);
    CHECK(d.picked.size() == 10);
    size_t in_a = 0;
    for (size_t i : d.picked) in_a += all[i].council == "A";
    CHECK(in_a == 5);
    CHECK(audit::percent_of(10, 31) == 4);
    CHECK(audit::percent_of(2, 10) == 1);
}

TEST_CASE("Population filters narrow by registration date and lead agency", "[audit]") {
    const auto classes = agencies();
    CHECK(classes.classify("Oakfield Primary School") == "partner");
    CHECK(classes.classify("NHS Fernshire Health Visiting") == "partner");
    CHECK(classes.classify("Brackenford Early Help Hub") == "council");
    CHECK(classes.classify("Fernshire Families First Service") == "council");
    CHECK(classes.classify("") == "unknown");
    const auto all = population(365);
    audit::PopulationFilter f;
    CHECK(audit::filter_population(all, f, classes).size() == 365);
    f.registered_from = "2018-09-01";
    f.registered_to = "2019-03-31";
    const auto dated = audit::filter_population(all, f, classes);
    CHECK(dated.size() == 212);
    for (size_t i : dated) CHECK((all[i].assessment_date >= "2018-09-01" && all[i].assessment_date <= "2019-03-31"));
    f.lead = "partner";
    const auto partner = audit::filter_population(all, f, classes);
    CHECK(partner.size() < dated.size());
    for (size_t i : partner) CHECK(classes.classify(all[i].lead_agency) == "partner");
    CHECK(f.describe() == "assessments registered 2018-09-01 to 2019-03-31, lead professional from a partner agency");
}

TEST_CASE("An open-only population keeps the cases not closed on the as-of date", "[audit]") {
    const auto classes = agencies();
    std::vector<audit::CaseSummary> all = {{"a", "A", "", "2019-01-01", ""},             // never closed
                                           {"b", "A", "", "2019-01-01", "2019-05-01"},   // closed before
                                           {"c", "A", "", "2019-01-01", "2019-06-30"},   // closed that day
                                           {"d", "A", "", "2019-01-01", "2019-09-01"}};  // closed later: open then
    audit::PopulationFilter f;
    f.open_on = "2019-06-30";
    CHECK(audit::filter_population(all, f, classes) == std::vector<size_t>{0, 3});
    CHECK(f.describe() == "open (not closed) on 2019-06-30");
}

TEST_CASE("Pseudonyms replace members by age and workers across cases", "[audit]") {
    CaseRecord r;
    r.members = {{"Zoë Kowalska", "Mother", "1986-04-12", {}},
                 {"Łukasz Nowak", "Stepfather", "1983-11-02", {}},
                 {"Kacper Nowak", "Son", "2011-01-19", {}}};
    r.lead_professional = "Siobhán Kerrigan";
    r.manager = "Marcus Oyelaran (Team Manager)";
    r.consent_signed_by = "Zoë Kowalska";
    Review rv;
    rv.attendees = {"Zoë Kowalska", "Leanne Cope", "Family support worker", "Youth Justice Service"};
    r.reviews.push_back(rv);
    audit::Pseudonymiser p(*cal::parse("2020-06-30"));
    const auto people = audit::people_of(r, agencies());
    CHECK(people.workers == std::vector<std::string>{"Siobhán Kerrigan", "Marcus Oyelaran", "Leanne Cope"});
    const auto names = p.for_case(people);
    CHECK(names.apply("Zoë Kowalska and Łukasz Nowak; Kacper said so. Zoë agreed.") ==
          "Adult 1 and Adult 2; Child 1 said so. Adult 1 agreed.");
    CHECK(names.apply("Signed: Marcus Oyelaran, lead Siobhán Kerrigan") ==
          "Signed: Professional 2, lead Professional 1");
    CHECK(names.apply("the Nowak family; Zoëtrope") == "the [name] family; Zoëtrope");
    // The same worker keeps one label in the next case.
    CaseRecord r2;
    r2.lead_professional = "Leanne Cope";
    CHECK(p.for_case(audit::people_of(r2, agencies())).apply("Leanne Cope") == "Professional 3");
}

TEST_CASE("Report templates load, extend the default and fail with file and line", "[audit]") {
    const auto d = report_template("default");
    const auto q = report_template("ffa-quality");
    CHECK(d.say("title") == "Internal audit of payment-by-results claims");
    CHECK(q.say("title") != d.say("title"));
    CHECK(q.say("col_case") == d.say("col_case"));  // inherited
    const std::string bad = write_temp(
        "<?xml version=\"1.0\"?>\n<report-template name=\"x\" extends=\"default\">\n  <text "
        "key=\"titel\">x</text>\n</report-template>\n",
        "bad.xml");
    auto r = report::load_report_template(bad, kSource + "/templates/report");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().line == 3);
    CHECK(r.error().message == "unknown text key 'titel'");
    std::remove(bad.c_str());
}

TEST_CASE("Money is formatted in pounds with thousands separators", "[audit]") {
    CHECK(report::format_money(10400, "GBP") == "£10,400");
    CHECK(report::format_money(1250.5, "GBP") == "£1,250.50");
    CHECK(report::format_money(1234567, "EUR") == "EUR 1,234,567");
}

TEST_CASE("The audit PDF holds ids, rule ids, money and Unicode names, embedded fonts, and is deterministic",
          "[audit]") {
    const auto p = pack("tf-2015");
    const auto t = report_template("default");
    const auto rep = synthetic_report(p, 20);
    auto a = report::audit_pdf(rep, t, report::pdf::FontFiles{});
    REQUIRE(a.ok());
    auto b = report::audit_pdf(rep, t, report::pdf::FontFiles{});
    REQUIRE(b.ok());
    CHECK(a.value() == b.value());
    const std::string path = write_temp(a.value(), "20.pdf");
    CHECK(run("qpdf --check '" + path + "' >/dev/null 2>&1; echo $?") == "0\n");
    const std::string text = run("pdftotext -enc UTF-8 '" + path + "' -");
    for (const char* s :
         {"case-0000", "case-0019", "FF-1007", "TF-CONSENT", "TF-DUPLICATE", "£800", "£1,240", "Zoë Kowalska",
          "Łukasz Nowak", "Siobhán Kerrigan", "Page 3 of", "Executive summary", "Rule definitions", "SHA-256"}) {
        INFO(s);
        CHECK(text.find(s) != std::string::npos);
    }
    // 20 sampled of a population of 200: scaled values are stated with the sample size.
    CHECK(text.find("estimate from a sample of 20") != std::string::npos);
    const std::string fonts = run("pdffonts '" + path + "'");
    CHECK(fonts.find("DejaVuSans ") != std::string::npos);
    CHECK(fonts.find("DejaVuSans-Bold") != std::string::npos);
    CHECK(fonts.find(" no ") == std::string::npos);  // emb, sub, uni all yes
    const int pages = pages_of(path);
    CHECK(pages >= 20);
    CHECK(pages <= 60);
    std::remove(path.c_str());
}

TEST_CASE("Audit PDFs of 1 and 500 cases: sensible page counts", "[audit]") {
    const auto p = pack("tf-2015");
    const auto t = report_template("default");
    const auto one = report::audit_pdf(synthetic_report(p, 1), t, report::pdf::FontFiles{});
    REQUIRE(one.ok());
    const std::string one_path = write_temp(one.value(), "1.pdf");
    CHECK(pages_of(one_path) >= 5);
    CHECK(pages_of(one_path) <= 10);
    // How long it takes is measured by bench/run.sh, not here.
    const auto big = report::audit_pdf(synthetic_report(p, 500), t, report::pdf::FontFiles{});
    REQUIRE(big.ok());
    const std::string path = write_temp(big.value(), "500.pdf");
    CHECK(run("qpdf --check '" + path + "' >/dev/null 2>&1; echo $?") == "0\n");
    const int pages = pages_of(path);
    INFO("500-case report: " << pages << " pages, " << big.value().size() / 1024 << " KiB");
    CHECK(pages >= 500);
    CHECK(pages <= 1500);
    const std::string text = run("pdftotext -enc UTF-8 -f " + std::to_string(pages - 40) + " '" + path + "' -");
    CHECK(text.find("case-0499") != std::string::npos);
    CHECK(text.find("Page " + std::to_string(pages) + " of " + std::to_string(pages)) != std::string::npos);
    std::remove(one_path.c_str());
    std::remove(path.c_str());
}

TEST_CASE("The quality pack's report shows grades in the same layout", "[audit]") {
    const auto p = pack("ffa-quality");
    const auto rep = synthetic_report(p, 3);
    auto pdf = report::audit_pdf(rep, report_template("ffa-quality"), report::pdf::FontFiles{});
    REQUIRE(pdf.ok());
    const std::string path = write_temp(pdf.value(), "ffa.pdf");
    const std::string text = run("pdftotext -enc UTF-8 '" + path + "' -");
    CHECK(text.find("Proposed grade") != std::string::npos);
    CHECK(text.find("Requires improvement") != std::string::npos);
    CHECK(text.find("FFA-VOICE") != std::string::npos);
    CHECK(text.find("analysis") != std::string::npos);
    std::remove(path.c_str());
}

TEST_CASE("The trailer id is derived from the content", "[audit]") {
    std::string a =
        "%PDF-1.4\nbody one\ntrailer\n<</ID[<00112233445566778899AABBCCDDEEFF><00112233445566778899AABBCCDDEEFF>]>>\n";
    std::string b = a;
    b.replace(9, 8, "body two");
    REQUIRE(report::pdf::set_content_id(a));
    REQUIRE(report::pdf::set_content_id(b));
    CHECK(a.size() == b.size());
    CHECK(a != b);
    std::string again = a;
    REQUIRE(report::pdf::set_content_id(again));
    CHECK(again == a);  // the old id is blanked before hashing
}
