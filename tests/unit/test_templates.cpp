// Templates are data: a council's form is onboarded by writing one file, with no rebuild, and
// a mistake in a template is reported with its file and line.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "app/pipeline.h"
#include "extract/extractor.h"
#include "extract/templates.h"
#include "golden.h"

using namespace tfa;
namespace fs = std::filesystem;

namespace {

const std::string kRoot = std::string(TEST_DATA_DIR) + "/../..";

// A scratch folder, removed when the test ends.
struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& name) : path(fs::temp_directory_path() / ("tfaudit-" + name)) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
    std::string file(const std::string& rel, const std::string& content) const {
        const fs::path p = path / rel;
        fs::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << content;
        return p.string();
    }
};

std::vector<CaseRecord> extract_all(const std::string& templates_dir, const std::string& bundle) {
    app::PipelineOptions po;
    po.templates_dir = templates_dir;
    po.criteria = {{"crime", "Crime"}, {"education", "Education"}, {"health", "Health"}};
    std::vector<CaseRecord> out;
    const Status s = app::for_each_case({bundle}, po, [&](CaseRecord&& r) { out.push_back(std::move(r)); });
    REQUIRE_FALSE(s);
    return out;
}

const char* kForm =
    "Oakhollow District Council\n"
    "Early Help Assessment\n"
    "Household number: OAK-7\n"
    "Worker allocated: Wren Adeyemi\n"
    "Home agency: Oakhollow Young People's Service\n";

}  // namespace

TEST_CASE("templates: a council template added as a data file is used without a rebuild", "[templates]") {
    TempDir tmp("template-added");
    const std::string bundle = tmp.file("cases/oak-7/assessment.txt", kForm);
    fs::copy(kRoot + "/templates", tmp.path / "templates", fs::copy_options::recursive);

    // Before: the shared vocabulary does not know this council's wording.
    auto before = extract_all((tmp.path / "templates").string(), (tmp.path / "cases").string());
    REQUIRE(before.size() == 1);
    CHECK(before[0].family_ref.empty());
    CHECK(before[0].lead_professional.empty());

    tmp.file("templates/oakhollow.xml",
             "<?xml version=\"1.0\"?>\n"
             "<template name=\"oakhollow\" council=\"Oakhollow District Council\">\n"
             "  <match><contains>Oakhollow District Council</contains></match>\n"
             "  <field name=\"family_ref\"><label>Household number</label></field>\n"
             "  <field name=\"lead_professional\"><label>Worker allocated</label></field>\n"
             "  <field name=\"lead_agency\" context=\"lead\"><label>Home agency</label></field>\n"
             "</template>\n");
    auto after = extract_all((tmp.path / "templates").string(), (tmp.path / "cases").string());
    REQUIRE(after.size() == 1);
    CHECK(after[0].family_ref == "OAK-7");
    CHECK(after[0].lead_professional == "Wren Adeyemi");
    CHECK(after[0].lead_agency == "Oakhollow Young People's Service");
    CHECK(after[0].council == "Oakhollow District Council");
    CHECK(after[0].sources.at("lead_professional").where == "paragraph 4");
    (void)bundle;
}

TEST_CASE("templates: mistakes are reported with file and line", "[templates]") {
    TempDir tmp("template-lint");
    const std::string bad =
        tmp.file("bad.xml",
                 "<?xml version=\"1.0\"?>\n"
                 "<template name=\"bad\">\n"
                 "  <field name=\"lead_profesional\"><label>Keyworker</label></field>\n"
                 "  <table kind=\"plan\"><column name=\"owner\"><label>Owner</label></column></table>\n"
                 "  <pattern name=\"outcome\">^Outcome (\\d+</pattern>\n"
                 "  <colour>red</colour>\n"
                 "</template>\n");
    const auto errors = extract::lint_templates({bad});
    REQUIRE(errors.size() == 4);
    CHECK(errors[0].line == 3);
    CHECK_THAT(errors[0].message, Catch::Contains("unknown field 'lead_profesional'") &&
                                      Catch::Contains("did you mean 'lead_professional'"));
    CHECK(errors[1].line == 4);
    CHECK_THAT(errors[1].message, Catch::Contains("unknown column of a plan table 'owner'"));
    CHECK(errors[2].line == 5);
    CHECK_THAT(errors[2].message, Catch::Contains("bad pattern"));
    CHECK(errors[3].line == 6);
    CHECK_THAT(errors[3].message, Catch::Contains("unknown element <colour>"));
    CHECK(errors[0].str().rfind(bad + ":3: ", 0) == 0);

    const std::string broken =
        tmp.file("broken.xml", "<?xml version=\"1.0\"?>\n<template name=\"x\">\n<field>\n</template>\n");
    const auto e2 = extract::lint_templates({broken});
    REQUIRE(e2.size() == 1);
    CHECK(e2[0].line >= 3);
    CHECK_THAT(e2[0].message, Catch::StartsWith("malformed XML"));
}

TEST_CASE("templates: the bundled templates lint clean", "[templates]") {
    CHECK(extract::lint_templates({kRoot + "/templates"}).empty());
}
