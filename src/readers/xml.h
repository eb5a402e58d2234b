// Safe XML parsing through libxml2, and small helpers for walking its tree quickly.
//
// Parts are parsed with no network access and no entity substitution, and a part that
// declares a DOCTYPE is refused (docx, odt and xlsx parts never have one; a DOCTYPE is how
// entity-expansion bombs and external entities get in). Text is read by walking text nodes,
// never through xmlNodeGetContent, which would expand entities.
#pragma once

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace tfa::xml {

struct DocDeleter {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocDeleter>;

// Parses an XML part. `file` and `part` name it in errors ("malformed XML in word/document.xml,
// line 3: ..."). Thread-safe once init() has run.
Result<DocPtr> parse(const std::string& file, const std::string& part, std::string_view bytes);

// The one loader of tfaudit's XML data files (templates, rule packs, report templates, agency
// lists): reads `path` whole (at most 16 MB) and parses it safely. `what` names the file in
// errors ("the report template"). Errors: the file cannot be read, or is not well-formed XML
// (with its line).
Result<DocPtr> load_data_file(const std::string& path, const std::string& what);

// Parses HTML with libxml2's recovering HTML parser. `encoding` may be null (libxml2 then uses
// the declared charset, else UTF-8... see html.cpp for the sniffing done before).
Result<DocPtr> parse_html(const std::string& file, std::string_view bytes, const char* encoding);

// Initialises libxml2 once per process; call from main before starting threads.
void init();

// The element's local name ("p" for <w:p>), or "" for non-elements.
inline std::string_view name(const xmlNode* n) {
    return n && n->type == XML_ELEMENT_NODE ? std::string_view(reinterpret_cast<const char*>(n->name))
                                            : std::string_view();
}

// The element's namespace prefix ("w" for <w:p>), or "".
inline std::string_view prefix(const xmlNode* n) {
    return n && n->ns && n->ns->prefix ? std::string_view(reinterpret_cast<const char*>(n->ns->prefix))
                                       : std::string_view();
}

inline bool is(const xmlNode* n, std::string_view local) { return name(n) == local; }

// The value of the attribute with local name `local` (any namespace), or `def` when absent.
// The view points into the tree.
std::string_view attr(const xmlNode* n, std::string_view local, std::string_view def = {});
bool has_attr(const xmlNode* n, std::string_view local);

// The first element child with the given local name, or null.
const xmlNode* child(const xmlNode* n, std::string_view local);

// Concatenated text of all text and CDATA descendants (entity references skipped).
std::string text_of(const xmlNode* n);

// The same, appended to `out` (no temporary string).
void append_text(const xmlNode* n, std::string& out);

// First element child / next element sibling, skipping text and comments.
inline const xmlNode* first_el(const xmlNode* n) {
    for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) return c;
    return nullptr;
}
inline const xmlNode* next_el(const xmlNode* n) {
    for (const xmlNode* c = n->next; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) return c;
    return nullptr;
}

}  // namespace tfa::xml
