// JUnit XML: a testsuite per run, a testcase per case; failing blockers are its failure, an
// unreadable document its error. Test cases are spooled to a temporary file so that the
// counts can head the suite without holding the batch in memory.
#include <cstdio>
#include <ostream>

#include "core/text.h"
#include "report/writer.h"

namespace tfa::report {

namespace {

using text::xml_escape;

class JunitWriter : public Writer {
public:
    explicit JunitWriter(std::ostream& out) : out_(out), spool_(std::tmpfile()) {}
    ~JunitWriter() override {
        if (spool_) std::fclose(spool_);
    }

    void begin(const RunInfo& run) override { run_ = run; }

    void write_case(const rules::CaseResult& r, const std::string&) override {
        std::string s =
            "    <testcase classname=\"" + xml_escape(run_.pack->name) + "\" name=\"" + xml_escape(r.case_name) + "\"";
        const std::string body = failure(r) + error(r);
        s += body.empty() ? "/>\n" : ">\n" + body + "    </testcase>\n";
        put(s);
    }

    void end(const RunSummary& sum) override {
        const std::string counts = "tests=\"" + std::to_string(sum.cases) + "\" failures=\"" +
                                   std::to_string(failures_) + "\" errors=\"" + std::to_string(errors_) + "\"";
        out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"tfaudit check\" " << counts << ">\n"
             << "  <testsuite name=\"" << xml_escape(run_.pack->name) << " as of " << run_.as_of << "\" " << counts
             << ">\n"
             << "    <properties>\n      <property name=\"rule_pack\" value=\"" << xml_escape(run_.pack->name)
             << "\"/>\n"
             << "      <property name=\"rule_pack_version\" value=\"" << xml_escape(run_.pack->version) << "\"/>\n"
             << "      <property name=\"as_of\" value=\"" << run_.as_of << "\"/>\n    </properties>\n";
        copy_spool();
        out_ << "  </testsuite>\n</testsuites>\n";
        out_.flush();
    }

private:
    std::string failure(const rules::CaseResult& r) {
        std::string lines;
        size_t n = 0;
        for (const auto& f : r.findings) {
            if ((f.status != rules::Status::Fail && f.status != rules::Status::NeedsReview) ||
                f.severity != rules::Severity::Blocker)
                continue;
            ++n;
            lines += f.message + "\n";
            for (const auto& e : f.evidence)
                if (!e.file.empty() || !e.quote.empty())
                    lines += "    " + e.file + (e.where.empty() ? "" : ", " + e.where) + ": " + e.quote + "\n";
        }
        if (r.verdict == rules::Verdict::NotClaimable && n == 0) lines = "no claim route passes\n";
        if (r.verdict != rules::Verdict::NotClaimable) return {};
        ++failures_;
        return "      <failure type=\"not_claimable\" message=\"" +
               xml_escape(r.family_ref + ": not claimable, " + std::to_string(n) + " failing blocker(s), score " +
                          std::to_string(r.score)) +
               "\">" + xml_escape(lines) + "</failure>\n";
    }

    std::string error(const rules::CaseResult& r) {
        if (r.verdict != rules::Verdict::NeedsReview) return {};
        ++errors_;
        std::string lines;
        for (const auto& e : r.errors) lines += e.file + ": " + e.error + "\n";
        return "      <error type=\"needs_review\" message=\"" +
               xml_escape(r.family_ref + ": needs review, unreadable evidence") + "\">" + xml_escape(lines) +
               "</error>\n";
    }

    void put(const std::string& s) {
        if (spool_)
            std::fwrite(s.data(), 1, s.size(), spool_);
        else
            mem_ += s;  // no temporary file: hold the cases in memory instead
    }

    void copy_spool() {
        out_ << mem_;
        if (!spool_) return;
        std::rewind(spool_);
        char buf[65536];
        size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, spool_)) > 0) out_.write(buf, static_cast<std::streamsize>(n));
    }

    std::ostream& out_;
    std::FILE* spool_;
    RunInfo run_;
    std::string mem_;
    size_t failures_ = 0, errors_ = 0;
};

}  // namespace

std::unique_ptr<Writer> make_junit_writer(std::ostream& out, const WriterOptions&) {
    return std::make_unique<JunitWriter>(out);
}

}  // namespace tfa::report
