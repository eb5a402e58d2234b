// The stage profiler: times each stage of `tfaudit check` separately, on ONE thread, over a corpus.
//
//   read     load_file + read_document for every document (also split by format)
//   extract  extract_document for every document, then build_record for every case
//   rules    check_case (tf-2015, as of 2020-06-30) for every case, with the corpus's family
//            references as the batch (so duplicate_ref rules run as in `check`)
//   write    the JSON writer, record rendered with to_json(record, kRecordDepth), to a null stream
//
//     bench_stages [--as-of YYYY-MM-DD] [--rules PACK] DIR...
//
// Documents are grouped into cases as the pipeline does (one case per folder, or one per family
// reference in a flat folder). Each stage runs over the whole corpus before the next starts, so
// every stage's figure is its own; the documents of one folder at a time are held in memory.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

#include "app/paths.h"
#include "app/pipeline.h"
#include "core/text.h"
#include "extract/extractor.h"
#include "extract/templates.h"
#include "extract/vocab.h"
#include "readers/reader.h"
#include "readers/xml.h"
#include "report/writer.h"
#include "core/calendar.h"
#include "rules/check.h"
#include "rules/pack.h"

namespace {

using Clock = std::chrono::steady_clock;
double secs(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

// An ostream that counts and discards.
class NullBuf : public std::streambuf {
public:
    size_t bytes = 0;

protected:
    int overflow(int c) override {
        ++bytes;
        return c == traits_type::eof() ? 0 : c;
    }
    std::streamsize xsputn(const char*, std::streamsize n) override {
        bytes += static_cast<size_t>(n);
        return n;
    }
};

struct FormatTime {
    size_t docs = 0;
    double seconds = 0;
    size_t bytes = 0;
};

}  // namespace

int main(int argc, char** argv) {
    std::string as_of_text = "2020-06-30", pack_name = "tf-2015";
    std::vector<std::string> dirs;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--as-of" && i + 1 < argc)
            as_of_text = argv[++i];
        else if (a == "--rules" && i + 1 < argc)
            pack_name = argv[++i];
        else
            dirs.push_back(a);
    }
    if (dirs.empty()) {
        std::fprintf(stderr, "usage: bench_stages [--as-of YYYY-MM-DD] [--rules PACK] DIR...\n");
        return 2;
    }
    tfa::xml::init();
    const auto as_of = tfa::cal::parse(as_of_text);
    if (!as_of) {
        std::fprintf(stderr, "bad --as-of\n");
        return 2;
    }
    auto pack = tfa::rules::load_pack(pack_name, tfa::app::data_dir("rules", std::nullopt));
    if (!pack) {
        std::fprintf(stderr, "%s\n", pack.error().str().c_str());
        return 2;
    }
    tfa::app::PipelineOptions po;
    po.templates_dir = tfa::app::data_dir("templates", std::nullopt);
    for (const auto& c : pack.value().criteria) po.criteria.emplace_back(c.id, c.name);
    auto vocab_r = tfa::app::load_vocab(po);
    if (!vocab_r) {
        std::fprintf(stderr, "%s\n", vocab_r.error().str().c_str());
        return 2;
    }
    const tfa::extract::Vocab& vocab = *vocab_r.value();
    auto folders_r = tfa::app::find_folders(dirs);
    if (!folders_r) {
        std::fprintf(stderr, "%s\n", folders_r.error().str().c_str());
        return 2;
    }
    const auto& folders = folders_r.value();

    // Read and extract, folder by folder; records kept for the later stages.
    double t_load = 0, t_read = 0, t_extract = 0, t_build = 0;
    std::map<std::string, FormatTime> by_format;
    size_t n_docs = 0, n_unreadable = 0;
    std::vector<tfa::CaseRecord> records;
    for (const auto& f : folders) {
        std::vector<tfa::Result<tfa::Document>> docs;
        docs.reserve(f.files.size());
        for (const auto& p : f.files) {
            const auto t0 = Clock::now();
            auto bytes = tfa::load_file(p);
            const auto t1 = Clock::now();
            if (bytes)
                docs.push_back(tfa::read_document(p, bytes.value()));
            else
                docs.push_back(bytes.error());
            const auto t2 = Clock::now();
            t_load += secs(t0, t1);
            t_read += secs(t1, t2);
            auto& ft = by_format[tfa::text::extension(p)];
            ++ft.docs;
            ft.seconds += secs(t0, t2);
            ft.bytes += bytes ? bytes.value().size() : 0;
            ++n_docs;
        }
        const auto t3 = Clock::now();
        std::vector<tfa::extract::DocFacts> facts;
        for (size_t i = 0; i < docs.size(); ++i) {
            if (docs[i]) {
                facts.push_back(tfa::extract::extract_document(docs[i].value(), vocab));
            } else {
                ++n_unreadable;
                facts.push_back(tfa::extract::unreadable_document(f.files[i], docs[i].error().message));
            }
        }
        const auto t4 = Clock::now();
        t_extract += secs(t3, t4);
        docs.clear();
        // Cases as the pipeline forms them: one per folder, or one per family reference.
        std::map<std::string, std::vector<tfa::extract::DocFacts>> by_ref;
        std::vector<tfa::extract::DocFacts> no_ref;
        for (auto& d : facts) {
            const tfa::extract::Hit* h = d.hit("family_ref");
            if (h && !h->value.empty())
                by_ref[h->value].push_back(std::move(d));
            else
                no_ref.push_back(std::move(d));
        }
        const auto t5 = Clock::now();
        if (by_ref.size() <= 1) {
            for (auto& [ref, list] : by_ref)
                for (auto& d : list) no_ref.push_back(std::move(d));
            records.push_back(tfa::extract::build_record(f.name, std::move(no_ref), vocab));
        } else {
            for (auto& [ref, list] : by_ref) records.push_back(tfa::extract::build_record(ref, std::move(list), vocab));
            if (!no_ref.empty()) records.push_back(tfa::extract::build_record(f.name, std::move(no_ref), vocab));
        }
        t_build += secs(t5, Clock::now());
    }

    // Rules, with the batch's family references.
    tfa::rules::BatchRefs refs;
    for (const auto& r : records) refs[r.family_ref].push_back(r.case_name.empty() ? r.family_ref : r.case_name);
    std::vector<tfa::rules::CaseResult> results;
    results.reserve(records.size());
    const auto t6 = Clock::now();
    for (const auto& r : records) results.push_back(tfa::rules::check_case(pack.value(), r, *as_of, &refs));
    const double t_rules = secs(t6, Clock::now());
    size_t duplicates = 0, claimable = 0;
    std::map<std::string, size_t> verdicts;
    for (const auto& res : results) {
        ++verdicts[tfa::rules::to_string(res.verdict)];
        for (const auto& fd : res.findings)
            if (fd.rule == "TF-DUPLICATE" && fd.status == tfa::rules::Status::Fail) ++duplicates;
    }
    claimable = verdicts["claimable"];

    // Write: JSON to a null stream.
    NullBuf nb;
    std::ostream null_out(&nb);
    const auto t7 = Clock::now();
    auto writer = tfa::report::make_json_writer(null_out, {});
    writer->begin(tfa::report::RunInfo{&pack.value(), as_of_text});
    for (size_t i = 0; i < records.size(); ++i)
        writer->write_case(results[i], tfa::to_json(records[i], tfa::report::kRecordDepth));
    writer->end({});
    const double t_write = secs(t7, Clock::now());

    const double d = static_cast<double>(n_docs), c = static_cast<double>(records.size());
    const double t_extract_all = t_extract + t_build;
    const double total = t_load + t_read + t_extract_all + t_rules + t_write;
    std::printf(
        "stages: %zu documents (%zu unreadable), %zu folders, %zu cases (%zu claimable, %zu TF-DUPLICATE fails); one "
        "thread\n",
        n_docs, n_unreadable, folders.size(), records.size(), claimable, duplicates);
    std::printf("  %-8s %9s %7s %14s %14s\n", "stage", "seconds", "share", "us/document", "us/case");
    auto row = [&](const char* name, double s) {
        std::printf("  %-8s %9.3f %6.1f%% %14.1f %14.1f\n", name, s, 100.0 * s / total, 1e6 * s / d, 1e6 * s / c);
    };
    row("read", t_load + t_read);
    row("extract", t_extract_all);
    row("rules", t_rules);
    row("write", t_write);
    row("total", total);
    std::printf(
        "  read = load %.3fs + parse %.3fs; extract = extract_document %.3fs + build_record %.3fs; JSON %.1f MB\n",
        t_load, t_read, t_extract, t_build, static_cast<double>(nb.bytes) / 1e6);
    std::printf("  read by format:");
    for (const auto& [ext, ft] : by_format)
        std::printf("  %s %zu docs %.3fs (%.0f us/doc)", ext.c_str(), ft.docs, ft.seconds,
                    ft.docs ? 1e6 * ft.seconds / static_cast<double>(ft.docs) : 0.0);
    std::printf("\n");
    std::printf("  single-thread rate: %.0f documents/s, %.0f cases/s\n", d / total, c / total);
    return 0;
}
