// Pack loading and linting: names and paths, money and criteria, and errors with file and line.
#include <filesystem>
#include <fstream>

#include "rules_test_util.h"
#include "status_words.h"

using namespace tfa;
using namespace tfa::test;

namespace {

std::string write_pack(const std::string& name, const std::string& xml) {
    const auto dir = std::filesystem::temp_directory_path() / "tfaudit-lint-test";
    std::filesystem::create_directories(dir);
    const auto path = (dir / (name + ".xml")).string();
    std::ofstream(path) << xml;
    return path;
}

// A valid one-rule pack with `rule` in place of its rule (line 4 onwards).
std::string with_rule(const std::string& rule) {
    return "<pack name=\"t\" version=\"1\" title=\"t\" programme=\"p\">\n"
           "  <criteria><criterion id=\"crime\" name=\"Crime\"/></criteria>\n"
           "  <rules>\n" +
           rule + "\n  </rules>\n</pack>\n";
}

const char* kGoodRule =
    "    <rule id=\"X-1\" kind=\"min_criteria\" severity=\"blocker\" weight=\"1\">\n"
    "      <title>t</title><citation>c</citation><param name=\"min\" value=\"2\"/><param name=\"count\" "
    "value=\"headlines\"/>\n"
    "      <message>[{id}] {count}</message>\n"
    "    </rule>";

std::vector<Error> lint(const std::string& name, const std::string& xml) {
    return rules::lint_pack(write_pack(name, xml), rules_dir());
}

bool has_error(const std::vector<Error>& errors, int line, const std::string& part) {
    for (const auto& e : errors)
        if (e.line == line && e.message.find(part) != std::string::npos) return true;
    return false;
}

std::string all(const std::vector<Error>& errors) {
    std::string s;
    for (const auto& e : errors) s += e.str() + "\n";
    return s;
}

}  // namespace

TEST_CASE("the bundled packs load, with their money and criteria", "[rules]") {
    const auto tf = pack("tf-2015");
    CHECK(tf.attachment_fee == 1000);
    CHECK(tf.results_payment == 800);
    REQUIRE(tf.criteria.size() == 6);
    CHECK(tf.criteria[0].id == "crime");
    CHECK(tf.criteria[5].id == "health");
    for (const char* id : {"TF-ELIGIBLE",         "TF-ASSESSMENT",       "TF-PLAN",           "TF-LEAD",
                           "TF-CONSENT",          "TF-CRITERIA-IN-PLAN", "TF-OUTCOME-ACTION", "TF-PROGRESS",
                           "TF-SUSTAINED",        "TF-EMPLOYMENT",       "TF-DATES",          "TF-REVIEWED",
                           "TF-DUPLICATE",        "TF-DEPENDENT-CHILD",  "TF-RECURRENCE",     "TF-LEFT-HOUSEHOLD",
                           "TF-REVIEW-FREQUENCY", "TF-CLOSURE-REASON",   "TF-DISCRETIONARY",  "TF-PROGRAMME-WINDOW"}) {
        INFO(id);
        REQUIRE(tf.find(id));
        CHECK(!tf.find(id)->citation.empty());
    }
    CHECK(tf.find("TF-REVIEWED")->severity == "blocker");
    CHECK(tf.find("TF-REVIEW-FREQUENCY")->severity == "major");
    CHECK(tf.find("TF-RECURRENCE")->severity == "blocker");
    CHECK(tf.find("TF-RECURRENCE")->route == "sustained_progress");
    CHECK(tf.valid_from == "2015-01-01");
    // Figures not in a national text are marked as assumptions.
    CHECK(!tf.find("TF-EMPLOYMENT")->params.at("weeks").assumption.empty());
    CHECK(tf.find("TF-EMPLOYMENT")->params.at("weeks").value.find("UC:26") != std::string::npos);
    REQUIRE(!tf.measures_for("education").empty());
    CHECK(tf.measures_for("education")[0]->describe() == "at least 90");
    CHECK(!tf.measures_for("education")[0]->assumption.empty());
    CHECK(tf.find("TF-SUSTAINED")->params.at("months").value == "6");  // from the pack's parameters

    const auto sf = pack("sf-2022");
    REQUIRE(sf.criteria.size() == 10);
    CHECK(sf.criteria[9].id == "financial_stability");
    // The ten headline outcomes under the names programme.md gives them.
    std::vector<std::string> names;
    for (const auto& c : sf.criteria) names.push_back(c.name);
    CHECK(names == std::vector<std::string>{"Good education", "Early years development", "Mental and physical health",
                                            "Substance use", "Family relationships", "Safe from abuse and exploitation",
                                            "Diverted from crime", "Safe from domestic abuse", "Secure housing",
                                            "Financial stability"});
    CHECK(sf.find("SF-NEEDS")->params.at("min").value == "3");
    CHECK(sf.find("SF-NEEDS")->params.at("count").value == "needs");
    CHECK(sf.find("SF-CONSENT")->severity == "warning");
    CHECK(sf.find("SF-SUSTAINED")->params.at("from").value == "closure");
    CHECK(!sf.money_assumption.empty());
    CHECK(sf.valid_from == "2022-01-01");
    CHECK(sf.valid_to == "2025-12-31");
    for (const auto& r : sf.rules) {
        CHECK(r.id.rfind("SF-", 0) == 0);
        CHECK(r.kind != "employment");
    }
    CHECK(!pack("ffa-quality").grades.empty());
    for (const auto& e : rules::lint_pack(rules_dir() + "/examples/fernshire-local.xml", rules_dir())) FAIL(e.str());
}

TEST_CASE("a pack is found by name or by path", "[rules]") {
    CHECK(rules::load_pack("tf-2015", rules_dir()).ok());
    CHECK(rules::load_pack(rules_dir() + "/tf-2015.xml", "/nonexistent").ok());
    auto missing = rules::load_pack("no-such-pack", rules_dir());
    REQUIRE(!missing.ok());
    CHECK(missing.error().file == rules_dir() + "/no-such-pack.xml");
}

TEST_CASE("lint: a good pack has no errors", "[rules]") {
    const auto errors = lint("good", with_rule(kGoodRule));
    INFO(all(errors));
    CHECK(errors.empty());
}

TEST_CASE("lint: a misspelt element is an error at its line", "[rules]") {
    const auto errors =
        lint("misspelt", with_rule("    <rule id=\"X-1\" kind=\"min_criteria\" severity=\"blocker\" weight=\"1\">\n"
                                   "      <titel>t</titel><citation>c</citation><param name=\"min\" value=\"2\"/>\n"
                                   "      <message>[{id}]</message>\n    </rule>"));
    INFO(all(errors));
    CHECK(has_error(errors, 5, "unknown element <titel> in <rule>"));
    CHECK(has_error(errors, 4, "no <title>"));
    REQUIRE(!errors.empty());
    CHECK(errors[0].str().find("misspelt.xml:5: ") != std::string::npos);
}

TEST_CASE("lint: an unknown kind is an error at the rule's line", "[rules]") {
    const auto errors =
        lint("kind", with_rule("    <rule id=\"X-1\" kind=\"min_critera\" severity=\"blocker\" weight=\"1\">\n"
                               "      <title>t</title><citation>c</citation>\n"
                               "      <message>[{id}]</message>\n    </rule>"));
    INFO(all(errors));
    CHECK(has_error(errors, 4, "unknown kind 'min_critera'"));
}

TEST_CASE("lint: missing id, severity, citation, duplicates, bad numbers and unknown attributes", "[rules]") {
    const std::string rules =
        std::string(kGoodRule) + "\n" + kGoodRule +  // lines 4-7 and 8-11: duplicate id at 8
        "\n    <rule kind=\"min_criteria\" severity=\"fatal\" weight=\"x\" colour=\"red\">\n"  // line 12
        "      <title>t</title><param name=\"min\" value=\"two\"/>\n"                          // line 13
        "      <message>no id here</message>\n    </rule>";
    const auto errors = lint("many", with_rule(rules));
    INFO(all(errors));
    CHECK(has_error(errors, 8, "duplicate rule id 'X-1'"));
    CHECK(has_error(errors, 12, "needs a non-empty 'id'"));
    CHECK(has_error(errors, 12, "unknown attribute 'colour'"));
    CHECK(has_error(errors, 12, "'weight' is not a number"));
    CHECK(has_error(errors, 12, "unknown severity 'fatal'"));
    CHECK(has_error(errors, 12, "no <citation>"));
    CHECK(has_error(errors, 13, "parameter 'min': not a whole number"));
}

TEST_CASE("lint: a missing or unknown parameter is named", "[rules]") {
    const auto errors = lint(
        "params", with_rule("    <rule id=\"X-1\" kind=\"sustained\" severity=\"blocker\" weight=\"1\">\n"
                            "      <title>t</title><citation>c</citation><param name=\"from\" value=\"achieved\"/>\n"
                            "      <param name=\"monts\" value=\"6\"/>\n"
                            "      <message>[{id}]</message>\n    </rule>"));
    INFO(all(errors));
    CHECK(has_error(errors, 4, "needs parameter 'months'"));
    CHECK(has_error(errors, 6, "has no parameter 'monts'"));
}

TEST_CASE("lint: a message placeholder the kind does not provide is an error at the rule's line", "[rules]") {
    const auto errors =
        lint("placeholder",
             with_rule("    <rule id=\"X-1\" kind=\"dependent_child\" severity=\"blocker\" weight=\"1\">\n"
                       "      <title>t</title><citation>c</citation>\n"
                       "      <param name=\"child_age\" value=\"16\"/><param name=\"young_person_age\" value=\"19\"/>\n"
                       "      <message>[{id}] none under {young_person_age} among {count}</message>\n"
                       "      <pass>[{id}] {child} {youngest}</pass>\n    </rule>"));
    INFO(all(errors));
    CHECK(has_error(errors, 4, "kind dependent_child provides no {count}"));
    CHECK(has_error(errors, 4, "provides no {youngest}"));
    CHECK(!has_error(errors, 4, "{young_person_age}"));
    REQUIRE(!errors.empty());
    CHECK(errors[0].str().find("placeholder.xml:4: ") != std::string::npos);
}

TEST_CASE("lint: measures name a known criterion and measure, and a source", "[rules]") {
    const auto errors =
        lint("measures",
             "<pack name=\"t\" version=\"1\" title=\"t\" programme=\"p\" valid-from=\"2015-13-01\">\n"
             "  <criteria><criterion id=\"crime\" name=\"Crime\"/></criteria>\n"
             "  <measures>\n"
             "    <measure criterion=\"crime\" of=\"asb\" at-most=\"0\" hard-data=\"always\" source=\"s\"/>\n"
             "    <measure criterion=\"health\" of=\"incidents\" hard-data=\"required\"/>\n"
             "  </measures>\n"
             "  <rules>\n" +
                 std::string(kGoodRule) + "\n  </rules>\n</pack>\n");
    INFO(all(errors));
    CHECK(has_error(errors, 1, "'valid-from' is not a date"));
    CHECK(has_error(errors, 4, "unknown measure 'asb'"));
    CHECK(has_error(errors, 4, "hard-data must be 'required' or 'where-available'"));
    CHECK(has_error(errors, 5, "needs a non-empty 'source'"));
    CHECK(has_error(errors, 5, "needs at-least, at-most, down-pct or or-text"));
    CHECK(has_error(errors, 5, "names criterion 'health'"));
}

TEST_CASE("lint: a measure a template declares is named with declared-in, in the record's form", "[rules]") {
    const auto errors =
        lint("declared-measures",
             "<pack name=\"t\" version=\"1\" title=\"t\" programme=\"p\">\n"
             "  <criteria><criterion id=\"crime\" name=\"Crime\"/></criteria>\n"
             "  <measures>\n"
             "    <measure criterion=\"crime\" of=\"youth_club_sessions\" declared-in=\"thornmere\" at-least=\"4\" "
             "hard-data=\"where-available\" source=\"s\"/>\n"
             "    <measure criterion=\"crime\" of=\"Youth Club\" declared-in=\"thornmere\" at-least=\"4\" "
             "hard-data=\"where-available\" source=\"s\"/>\n"
             "    <measure criterion=\"crime\" of=\"youth_club\" at-least=\"4\" hard-data=\"where-available\" "
             "source=\"s\"/>\n"
             "  </measures>\n"
             "  <rules>\n" +
                 std::string(kGoodRule) + "\n  </rules>\n</pack>\n");
    INFO(all(errors));
    CHECK_FALSE(has_error(errors, 4, ""));
    CHECK(has_error(errors, 5, "measure 'Youth Club' must be lower-case letters"));
    CHECK(has_error(errors, 6, "unknown measure 'youth_club'"));
    CHECK(has_error(errors, 6, "needs declared-in"));
}

TEST_CASE("lint: malformed XML and a missing parent carry file and line", "[rules]") {
    auto errors = lint("broken", "<pack name=\"t\" version=\"1\" title=\"t\">\n  <rules>\n</pack>\n");
    REQUIRE(!errors.empty());
    CHECK(errors[0].line >= 3);  // libxml2 reports the mismatch at the end tag or the end of input
    CHECK(errors[0].message.find("malformed XML") != std::string::npos);
    errors = lint("orphan", "<pack name=\"t\" version=\"1\" title=\"t\" extends=\"no-such-parent\">\n</pack>\n");
    INFO(all(errors));
    CHECK(has_error(errors, 1, "cannot load the pack it extends: no-such-parent"));
}

TEST_CASE("lint: an override or disable of a rule the pack lacks is an error", "[rules]") {
    const auto errors = lint("override",
                             "<pack name=\"t\" version=\"1\" title=\"t\" extends=\"tf-2015\">\n<rules>\n"
                             "<override rule=\"TF-NOPE\"/>\n<disable rule=\"TF-GONE\"/>\n</rules>\n</pack>\n");
    INFO(all(errors));
    CHECK(has_error(errors, 3, "names rule 'TF-NOPE'"));
    CHECK(has_error(errors, 4, "names rule 'TF-GONE'"));
}

TEST_CASE("docs/case-record.md's rule table lists tf-2015's rules, severities and routes in pack order",
          "[rules][docs]") {
    std::ifstream in(std::string(TFAUDIT_SOURCE_DIR) + "/docs/case-record.md");
    REQUIRE(in.good());
    std::vector<std::string> documented;
    bool inside = false;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("## ", 0) == 0) inside = line.find("How tf-2015 judges a record") != std::string::npos;
        if (!inside || line.rfind("| TF-", 0) != 0) continue;
        std::vector<std::string> cells;
        for (size_t at = 1, bar; (bar = line.find('|', at)) != std::string::npos; at = bar + 1) {
            std::string c = line.substr(at, bar - at);
            c.erase(0, c.find_first_not_of(' '));
            c.erase(c.find_last_not_of(' ') + 1);
            cells.push_back(c);
        }
        REQUIRE(cells.size() >= 3);
        documented.push_back(cells[0] + " " + cells[1] + " " + cells[2]);
    }
    std::vector<std::string> packed;
    for (const auto& r : pack("tf-2015").rules)
        packed.push_back(r.id + " " + rules::to_string(r.severity) + " " + r.route);
    CHECK(documented == packed);
}
