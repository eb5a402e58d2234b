#include "report/writer.h"

namespace tfa::report {

const std::vector<WriterEntry>& writers() {
    static const std::vector<WriterEntry> table = {
        {"text", "for people: one line per case, then each failing finding with its quote", make_text_writer},
        {"json", "for machines: the stable contract, with each case's record", make_json_writer},
        {"csv", "one row per finding", make_csv_writer},
        {"cases-csv", "one row per case: reference, verdict, route, score, what is missing", make_cases_csv_writer},
        {"junit", "JUnit XML: a testsuite per run, a testcase per case", make_junit_writer},
        {"xlsx", "an Excel workbook: Cases, Findings and Summary sheets (with --output FILE.xlsx)", make_xlsx_writer},
    };
    return table;
}

std::unique_ptr<Writer> make_writer(const std::string& name, std::ostream& out, const WriterOptions& opts) {
    for (const auto& w : writers())
        if (name == w.name) return w.make(out, opts);
    return nullptr;
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace tfa::report
