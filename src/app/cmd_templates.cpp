#include <fstream>
#include <ostream>

#include "app/args.h"
#include "app/cli.h"
#include "app/commands.h"
#include "app/paths.h"
#include "app/pipeline.h"
#include "extract/suggest.h"
#include "extract/templates.h"
#include "readers/reader.h"
#include "rules/pack.h"

namespace tfa::app {

namespace {

const char* kTemplatesHelp =
    "usage: tfaudit templates lint [--templates-dir DIR] [FILE|DIR...]\n"
    "       tfaudit templates list [--templates-dir DIR]\n"
    "       tfaudit templates suggest [-o FILE] [--name NAME] [--templates-dir DIR] BUNDLE...\n\n"
    "  lint   checks template files without any documents: XML, element and attribute names,\n"
    "         field, section, table and column names, patterns. Errors are printed as\n"
    "         FILE:LINE: problem. Default: the bundled templates/ folder.\n"
    "  list   the templates, what they match, and how many labels each adds\n"
    "  suggest  a draft template for a council tfaudit does not know, from its bundles'\n"
    "         documents: the council phrase to match, document titles, labels, table\n"
    "         columns, the reference pattern and date formats, each guess commented with\n"
    "         where it came from and how sure it is. Written to stdout, or to -o FILE.\n\n"
    "Exit status: 0 when every file is good, 2 when any has an error.\n";

// Reads every document under `paths` and extracts it with the templates loaded now.
Result<std::vector<extract::SuggestDoc>> read_for_suggest(const std::vector<std::string>& paths,
                                                          const extract::Vocab& vocab, std::ostream& err) {
    bool missing = false;
    const auto files = expand_inputs(paths, err, missing);
    if (missing) return Error{paths.front(), "no such file or folder"};
    std::vector<extract::SuggestDoc> docs;
    for (const auto& f : files) {
        auto doc = read_document(f);
        if (!doc) {
            err << doc.error().str() << " (left out of the draft)\n";
            continue;
        }
        extract::SuggestDoc d{std::move(doc.value()), {}};
        d.facts = extract::extract_document(d.doc, vocab);
        docs.push_back(std::move(d));
    }
    return docs;
}

int suggest(const Args& a, const std::vector<std::string>& paths, std::ostream& out, std::ostream& err) {
    if (paths.empty()) {
        err << "tfaudit templates suggest: no bundle given\n" << kTemplatesHelp;
        return kUsage;
    }
    PipelineOptions po;
    po.templates_dir = data_dir("templates", a.get("--templates-dir"));
    auto pack = rules::load_pack(a.get_or("--rules", "tf-2015"), data_dir("rules", a.get("--rules-dir")));
    if (!pack) {
        err << "tfaudit templates: " << pack.error().str() << "\n";
        return kUsage;
    }
    for (const auto& c : pack->criteria) po.criteria.emplace_back(c.id, c.name);
    auto vocab = load_vocab(po);
    if (!vocab) {
        err << "tfaudit templates: " << vocab.error().str() << "\n";
        return kUsage;
    }
    auto docs = read_for_suggest(paths, *vocab.value(), err);
    if (!docs) return kUsage;
    if (docs->empty()) {
        err << "tfaudit templates suggest: no readable document under the paths given\n";
        return kUsage;
    }
    const std::string draft = extract::suggest_template(docs.value(), *vocab.value(), a.get_or("--name", ""));
    if (auto file = a.get("-o")) {
        std::ofstream f(*file, std::ios::binary);
        if (!(f << draft) || !f.flush()) {
            err << "tfaudit templates suggest: cannot write " << *file << "\n";
            return kUsage;
        }
        return kOk;
    }
    out << draft;
    return kOk;
}

}  // namespace

int cmd_templates(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Args a({"--help", "-h"}, {"--templates-dir", "-o", "--name", "--rules", "--rules-dir"});
    if (auto e = a.parse(args, 2); !e.empty()) {
        err << "tfaudit templates: " << e << "\n" << kTemplatesHelp;
        return kUsage;
    }
    if (a.flag("--help") || a.flag("-h") || a.positional().empty()) {
        (a.positional().empty() && !a.flag("--help") && !a.flag("-h") ? err : out) << kTemplatesHelp;
        return a.positional().empty() && !a.flag("--help") && !a.flag("-h") ? kUsage : kOk;
    }
    const std::string sub = a.positional()[0];
    std::vector<std::string> paths(a.positional().begin() + 1, a.positional().end());
    if (sub == "suggest") return suggest(a, paths, out, err);
    if (paths.empty()) {
        const std::string dir = data_dir("templates", a.get("--templates-dir"));
        if (dir.empty()) {
            err << "tfaudit templates: the templates folder was not found (use --templates-dir)\n";
            return kUsage;
        }
        paths.push_back(dir);
    }
    if (sub == "lint") {
        const auto errors = extract::lint_templates(paths);
        for (const auto& e : errors) err << e.str() << "\n";
        if (errors.empty()) out << "templates: no problems found\n";
        return errors.empty() ? kOk : kUsage;
    }
    if (sub == "list") {
        for (const auto& p : paths) {
            auto ts = extract::load_templates(p);
            if (!ts) {
                err << ts.error().str() << "\n";
                return kUsage;
            }
            for (const auto& t : ts.value()) {
                out << t.name << "  (" << t.file << ")\n";
                if (!t.description.empty()) out << "  " << t.description << "\n";
                out << "  applies to: " << (t.always() ? "every document" : "documents that mention it") << "\n";
                out << "  " << t.labels.size() << " field labels, " << t.sections.size() << " section labels, "
                    << t.columns.size() << " column labels, " << t.titles.size() << " titles, " << t.criteria.size()
                    << " criteria terms\n";
            }
        }
        return kOk;
    }
    err << "tfaudit templates: unknown subcommand '" << sub << "'\n" << kTemplatesHelp;
    return kUsage;
}

}  // namespace tfa::app
