// Report templates: the PDF report's title, organisation, colours and wording, as data
// (templates/report/NAME.xml, format in templates/report/README.md).
//
// A template is a list of <text key="...">wording</text> and <colour key="..." value="#RRGGBB"/>
// entries. It may extend another template by name and override any entry. Loading validates
// it: an unknown key or a bad colour fails with file and line, and after the parent's entries
// are merged in every key the report uses must be present.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "report/pdf_layout.h"

namespace tfa::report {

struct ReportTemplate {
    std::string name, file;
    std::map<std::string, std::string> text;
    std::map<std::string, pdf::Colour> colours;

    // The wording for `key` with {name} placeholders filled from `vars` (unknown names stay).
    // Keys are validated at load, so a missing key here is a programming error: it gives "".
    std::string say(const std::string& key, const std::map<std::string, std::string>& vars = {}) const;
    pdf::Colour colour(const std::string& key) const;
};

// The text keys and colour keys every template must define (after merging its parent).
const std::vector<std::string>& template_text_keys();
const std::vector<std::string>& template_colour_keys();

// Loads template `name` from `dir` (dir/NAME.xml), or the file `name` when it ends in ".xml".
// Errors carry file and line.
Result<ReportTemplate> load_report_template(const std::string& name, const std::string& dir);

// The names of the templates (*.xml with a <report-template> root) in `dir`, sorted.
std::vector<std::string> list_report_templates(const std::string& dir);

}  // namespace tfa::report
