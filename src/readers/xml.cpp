#include "readers/xml.h"

#include "readers/reader.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <cstring>
#include <mutex>

namespace tfa::xml {

namespace {

void quiet(void*, const char*, ...) {}
void quiet_structured(void*, xmlErrorPtr) {}

// libxml2 keeps error handlers per thread: silence them on every thread that parses.
void silence_this_thread() {
    thread_local bool done = false;
    if (done) return;
    xmlSetGenericErrorFunc(nullptr, quiet);
    xmlSetStructuredErrorFunc(nullptr, quiet_structured);
    done = true;
}

std::string last_error_text(xmlParserCtxt* ctxt) {
    const xmlError* e = ctxt ? xmlCtxtGetLastError(ctxt) : xmlGetLastError();
    if (!e || !e->message) return "parse error";
    std::string m = e->message;
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
    if (e->code == XML_ERR_ENTITY_LOOP) m = "entity reference loop (entity-expansion bomb refused)";
    if (e->line > 0) m = "line " + std::to_string(e->line) + ": " + m;
    return m;
}

}  // namespace

void init() {
    static std::once_flag once;
    std::call_once(once, [] { xmlInitParser(); });
    silence_this_thread();
}

namespace {

// One parser context per thread, reused: creating one costs as much as parsing a small part.
// It is renewed now and then so that its name dictionary cannot grow without bound.
// The HTML parser's context is of the same type, made by htmlNewParserCtxt.
template <xmlParserCtxt* (*Make)()>
class ThreadParser {
public:
    ~ThreadParser() {
        if (ctxt_) xmlFreeParserCtxt(ctxt_);
    }
    xmlParserCtxt* get() {
        if (ctxt_ && ++uses_ > 2000) {
            xmlFreeParserCtxt(ctxt_);
            ctxt_ = nullptr;
        }
        if (!ctxt_) {
            ctxt_ = Make();
            uses_ = 0;
        }
        return ctxt_;
    }

private:
    xmlParserCtxt* ctxt_ = nullptr;
    int uses_ = 0;
};

}  // namespace

Result<DocPtr> parse(const std::string& file, const std::string& part, std::string_view bytes) {
    init();
    if (bytes.size() > static_cast<size_t>(INT32_MAX)) return Error{file, part + " is too large to parse"};
    thread_local ThreadParser<xmlNewParserCtxt> parser;
    xmlParserCtxt* ctxt = parser.get();
    if (!ctxt) return Error{file, "out of memory parsing " + part};
    const int flags = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
    xmlDoc* d = xmlCtxtReadMemory(ctxt, bytes.data(), static_cast<int>(bytes.size()), part.c_str(), nullptr, flags);
    if (!d || !ctxt->wellFormed) {
        std::string msg = "malformed XML in " + part + ": " + last_error_text(ctxt);
        if (d) xmlFreeDoc(d);
        return Error{file, msg};
    }
    DocPtr doc(d);
    if (doc->intSubset || doc->extSubset)
        return Error{file, part + " declares a DOCTYPE, which these parts never have (entities refused)"};
    if (!xmlDocGetRootElement(doc.get())) return Error{file, part + " has no root element"};
    return doc;
}

Result<DocPtr> parse_html(const std::string& file, std::string_view bytes, const char* encoding) {
    init();
    if (bytes.size() > static_cast<size_t>(INT32_MAX)) return Error{file, "HTML too large to parse"};
    // With an explicit encoding the page's own <meta charset> must not switch it again.
    int flags = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT |
                (encoding ? HTML_PARSE_IGNORE_ENC : 0);
    // libxml2 stops at the first element nested deeper than 256 and drops the rest of the page
    // (broken pages with unclosed <div>s reach that). XML_PARSE_HUGE lifts the limit, but then
    // stray end tags cost time proportional to the depth each (quadratic), so the page is parsed
    // again without the limit only when it is small enough for that to stay cheap.
    constexpr size_t kHugeRetryMax = 256u << 10;
    thread_local ThreadParser<htmlNewParserCtxt> parser;
    for (int attempt = 0; attempt < 2; ++attempt) {
        htmlParserCtxtPtr ctxt = parser.get();
        if (!ctxt) return Error{file, "out of memory parsing HTML"};
        htmlDocPtr d =
            htmlCtxtReadMemory(ctxt, bytes.data(), static_cast<int>(bytes.size()), file.c_str(), encoding, flags);
        const xmlError* e = xmlCtxtGetLastError(ctxt);
        const bool too_deep = d && ctxt->disableSAX && e && e->code == XML_ERR_INTERNAL_ERROR;
        if (!d) return Error{file, "cannot parse HTML"};
        if (too_deep && attempt == 0 && bytes.size() <= kHugeRetryMax) {
            xmlFreeDoc(d);
            flags |= XML_PARSE_HUGE;
            continue;
        }
        return DocPtr(d);
    }
    return Error{file, "cannot parse HTML"};
}

std::string_view attr(const xmlNode* n, std::string_view local, std::string_view def) {
    if (!n || n->type != XML_ELEMENT_NODE) return def;
    for (const xmlAttr* a = n->properties; a; a = a->next) {
        if (local == reinterpret_cast<const char*>(a->name)) {
            const xmlNode* t = a->children;
            if (t && (t->type == XML_TEXT_NODE) && t->content && !t->next)
                return std::string_view(reinterpret_cast<const char*>(t->content));
            if (!t) return std::string_view("");
            // Rare: attribute value split by entity references; fall back to the first text.
            for (; t; t = t->next)
                if (t->type == XML_TEXT_NODE && t->content)
                    return std::string_view(reinterpret_cast<const char*>(t->content));
            return std::string_view("");
        }
    }
    return def;
}

bool has_attr(const xmlNode* n, std::string_view local) {
    if (!n || n->type != XML_ELEMENT_NODE) return false;
    for (const xmlAttr* a = n->properties; a; a = a->next)
        if (local == reinterpret_cast<const char*>(a->name)) return true;
    return false;
}

const xmlNode* child(const xmlNode* n, std::string_view local) {
    for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && local == reinterpret_cast<const char*>(c->name)) return c;
    return nullptr;
}

namespace {
void collect(const xmlNode* n, std::string& out) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            out += reinterpret_cast<const char*>(c->content);
        else if (c->type == XML_ELEMENT_NODE)
            collect(c, out);
    }
}
}  // namespace

std::string text_of(const xmlNode* n) {
    std::string out;
    if (n) collect(n, out);
    return out;
}

void append_text(const xmlNode* n, std::string& out) {
    if (n) collect(n, out);
}

Result<DocPtr> load_data_file(const std::string& path, const std::string& what) {
    auto bytes = load_file(path, 16u << 20);
    if (!bytes) return Error{path, "cannot read " + what + ": " + bytes.error().message};
    return parse(path, what, bytes.value());
}

}  // namespace tfa::xml
