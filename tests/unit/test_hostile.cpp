// The pieces behind issue 12's hostile-input guarantees, one by one: escaping, the ordered
// stream's exceptions, output checks, atomic output files, worker processes.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <new>
#include <stdexcept>

#include "core/files.h"
#include "core/output_file.h"
#include "core/parallel.h"
#include "core/process_pool.h"
#include "core/text.h"

using namespace tfa;

namespace {

// A fresh folder under the system's temporary folder, removed at the end of the test.
struct TempDir {
    std::string path;
    TempDir() {
        char tmpl[] = "/tmp/tfaudit-test-XXXXXX";
        path = ::mkdtemp(tmpl);
    }
    ~TempDir() { (void)std::system(("rm -rf '" + path + "'").c_str()); }
};

void write(const std::string& path, const std::string& s) { std::ofstream(path, std::ios::binary) << s; }

}  // namespace

TEST_CASE("escaping: invalid UTF-8 becomes U+FFFD and control characters are escaped, in JSON, XML and the terminal",
          "[hostile]") {
    const std::string bad = std::string("a\xff") + "b\x1b[31m\x01\x7f" + "\xc3\xa9";  // é is kept
    CHECK(text::json_quote(bad) ==
          "\"a\xEF\xBF\xBD"
          "b\\u001b[31m\\u0001\\u007f\xc3\xa9\"");
    CHECK(text::is_valid_utf8(text::json_quote(bad)));
    CHECK(text::xml_escape(bad) ==
          "a\xEF\xBF\xBD"
          "b\xEF\xBF\xBD[31m\xEF\xBF\xBD\xEF\xBF\xBD\xc3\xa9");
    CHECK(text::xml_escape("a\r\n\tb<&\"") == "a&#13;\n\tb&lt;&amp;&quot;");
    CHECK(text::terminal_safe(bad) ==
          "a\xEF\xBF\xBD"
          "b\\x1b[31m\\x01\\x7f\xc3\xa9");
    CHECK(text::terminal_safe("line\nnext\rover\tok") == "line\\x0anext\\x0dover\tok");
    CHECK(text::terminal_safe("\xc2\x9b"
                              "2J") == "\\x9b2J");                          // a C1 control sequence introducer
    CHECK(text::json_quote("\xEF\xBF\xBD") == "\"\xEF\xBF\xBD\"");          // a real U+FFFD stays one
    CHECK(text::json_quote("\xe2\x82") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");  // a truncated sequence
}

TEST_CASE("ordered stream: an exception on a worker thread is rethrown on the caller, nothing after it emitted",
          "[hostile]") {
    for (unsigned threads : {1u, 2u, 4u}) {
        std::vector<size_t> emitted;
        auto run = [&] {
            ordered_map(
                200, threads,
                [](size_t i) -> size_t {
                    if (i == 57) throw std::bad_alloc();
                    return i;
                },
                [&](size_t, size_t v) { emitted.push_back(v); });
        };
        CHECK_THROWS_AS(run(), std::bad_alloc);
        REQUIRE(emitted.size() <= 57);
        for (size_t k = 0; k < emitted.size(); ++k) CHECK(emitted[k] == k);
    }
    // An exception from emit() on the calling thread also stops the workers cleanly.
    CHECK_THROWS_AS(ordered_map(
                        100, 2, [](size_t i) { return i; },
                        [](size_t k, size_t) {
                            if (k == 10) throw std::runtime_error("emit");
                        }),
                    std::runtime_error);
}

TEST_CASE("outputs: never an input file, never inside an input folder, never each other", "[hostile]") {
    TempDir t;
    const std::string in = t.path + "/in", doc = in + "/plan.odt";
    ::mkdir(in.c_str(), 0755);
    write(doc, "x");
    ::symlink(doc.c_str(), (t.path + "/link.pdf").c_str());
    CHECK(files::check_outputs({doc}, {"--report"}, {in}));
    CHECK(files::check_outputs({doc}, {"--report"}, {doc}));
    CHECK(files::check_outputs({t.path + "/link.pdf"}, {"--report"}, {doc}));  // a link to an input
    CHECK(files::check_outputs({in + "/new.pdf"}, {"--report"}, {in}));
    CHECK(files::check_outputs({in + "/../in/new.pdf"}, {"--report"}, {in}));
    CHECK(files::check_outputs({t.path + "/a.pdf", t.path + "/./a.pdf"}, {"--report", "--json"}, {in}));
    CHECK_FALSE(files::check_outputs({t.path + "/a.pdf", t.path + "/a.json", ""}, {"--report", "--json", "--x"}, {in}));
    CHECK_FALSE(files::check_outputs({t.path + "/inside.pdf"}, {"--report"}, {in + "side"}));  // a prefix, not a parent
}

TEST_CASE("outputs: written whole through a temporary, and a failed write leaves the target as it was", "[hostile]") {
    TempDir t;
    const std::string target = t.path + "/r.pdf";
    {
        files::OutputFile f(target);
        REQUIRE_FALSE(f.open());
        REQUIRE_FALSE(f.commit("report"));
    }
    std::ifstream in(target);
    std::string s;
    std::getline(in, s);
    CHECK(s == "report");
    {
        files::OutputFile f(t.path + "/never.pdf");
        REQUIRE_FALSE(f.open());
    }  // not committed: no temporary, no target
    CHECK(files::list_dir(t.path) == std::vector<std::string>{"r.pdf"});
    files::OutputFile missing(t.path + "/no/such/folder/r.pdf");
    CHECK(missing.open());
    files::OutputFile device("/dev/null");  // never replaced by a file, even as root
    CHECK(device.open());
}

TEST_CASE("worker processes: a program that cannot start, dies or overruns is reported as such", "[hostile]") {
    CHECK(proc::Worker::spawn({"/nonexistent/tfaudit"}) == nullptr);
    proc::Pool none({"/nonexistent/tfaudit"}, "", proc::Limits{});
    CHECK(none.run("x").outcome == proc::Outcome::failed);
    // /bin/sh as a "worker": reads nothing, exits at once: the task did not end ok.
    proc::Pool sh({"/bin/sh", "-c", "exit 0"}, "", proc::Limits{});
    CHECK(sh.run("x").outcome == proc::Outcome::failed);  // the set-up task already failed
    auto w = proc::Worker::spawn({"/bin/sh", "-c", "kill -SEGV $$"});
    REQUIRE(w);
    const auto r = w->run("task", 5);
    CHECK(r.outcome == proc::Outcome::crashed);
    auto slow = proc::Worker::spawn({"/bin/sh", "-c", "exec sleep 30"});
    REQUIRE(slow);
    CHECK(slow->run("task", 1).outcome == proc::Outcome::timed_out);
}

TEST_CASE("framing: strings round-trip and short input is refused", "[hostile]") {
    std::string s;
    proc::put_str(s, "one");
    proc::put_str(s, std::string("t\0o", 3));
    size_t pos = 0;
    std::string a, b, c;
    CHECK(proc::get_str(s, pos, a));
    CHECK(proc::get_str(s, pos, b));
    CHECK(a == "one");
    CHECK(b == std::string("t\0o", 3));
    CHECK_FALSE(proc::get_str(s, pos, c));
    pos = 0;
    CHECK_FALSE(proc::get_str(s.substr(0, 10), pos, c));
}
