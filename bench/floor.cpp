// The floor: the least work any reader of the corpus's Word and OpenDocument files must do.
//
// For every .docx and .odt under the given folders (sorted, recursively), on ONE thread: load the
// file, open it with the same zip code path the readers use (tfa::ZipFile over Poco::Zip), inflate
// the main XML part (word/document.xml or content.xml) and parse it with libxml2's xmlReadMemory.
// Nothing else: no styles, no walk, no extraction.
//
//     bench_floor DIR...      prints: floor: files=N seconds=S docs_per_s=R (load=… inflate=… parse=…)
#include <dirent.h>
#include <sys/stat.h>

#include <libxml/parser.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "readers/reader.h"
#include "readers/zip.h"

namespace {

using Clock = std::chrono::steady_clock;

double secs(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

bool ends_with(const std::string& s, const char* suffix) {
    const std::string t(suffix);
    return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
}

void walk(const std::string& dir, std::vector<std::string>& out) {
    DIR* d = ::opendir(dir.c_str());
    if (!d) return;
    std::vector<std::string> names;
    while (dirent* e = ::readdir(d))
        if (e->d_name[0] != '.') names.emplace_back(e->d_name);
    ::closedir(d);
    std::sort(names.begin(), names.end());
    for (const auto& n : names) {
        const std::string p = dir + "/" + n;
        struct stat st {};
        if (::stat(p.c_str(), &st) != 0) continue;
        if (S_ISDIR(st.st_mode))
            walk(p, out);
        else if (ends_with(n, ".docx") || ends_with(n, ".odt"))
            out.push_back(p);
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_floor DIR...\n");
        return 2;
    }
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) walk(argv[i], files);
    xmlInitParser();

    double t_load = 0, t_inflate = 0, t_parse = 0;
    size_t ok = 0, failed = 0, xml_bytes = 0;
    const auto start = Clock::now();
    for (const auto& path : files) {
        const auto t0 = Clock::now();
        auto bytes = tfa::load_file(path);
        const auto t1 = Clock::now();
        t_load += secs(t0, t1);
        if (!bytes) {
            ++failed;
            continue;
        }
        const tfa::ReadOptions opts;
        auto zip = tfa::ZipFile::open(path, bytes.value(), opts);
        if (!zip) {
            ++failed;
            continue;
        }
        const std::string part = ends_with(path, ".docx") ? "word/document.xml" : "content.xml";
        auto xml = zip.value()->read(part);
        const auto t2 = Clock::now();
        t_inflate += secs(t1, t2);
        if (!xml) {
            ++failed;
            continue;
        }
        const std::string& x = xml.value();
        xml_bytes += x.size();
        xmlDoc* doc = xmlReadMemory(x.data(), static_cast<int>(x.size()), part.c_str(), nullptr,
                                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
        if (doc) {
            ++ok;
            xmlFreeDoc(doc);
        } else {
            ++failed;
        }
        t_parse += secs(t2, Clock::now());
    }
    const double total = secs(start, Clock::now());
    std::printf(
        "floor: files=%zu seconds=%.4f docs_per_s=%.0f failed=%zu xml_mb=%.1f (load=%.3fs inflate=%.3fs parse=%.3fs)\n",
        ok, total, total > 0 ? static_cast<double>(ok) / total : 0.0, failed, static_cast<double>(xml_bytes) / 1e6,
        t_load, t_inflate, t_parse);
    return failed ? 1 : 0;
}
