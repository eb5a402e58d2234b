// The one JSON writer (src/core/json_writer.h): its two layouts, alone and nested, the depth a
// document starts at, streaming with take(), escaping and the value kinds. Every expectation
// is the exact text, so a changed comma, space or indent fails here before it reaches a golden.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>

#include "core/json_writer.h"

using namespace tfa;
using Layout = JsonWriter::Layout;

TEST_CASE("json writer: Lines puts one item a line, two spaces deeper, and closes on its own line", "[json]") {
    JsonWriter j;
    j.begin_object();
    j.key("a");
    j.str("x");
    j.key("list");
    j.begin_array();
    j.number(1);
    j.number(2);
    j.end_array();
    j.key("none");
    j.begin_array();
    j.end_array();
    j.key("empty");
    j.begin_object();
    j.end_object();
    j.end_object();
    CHECK(j.take() ==
          "{\n"
          "  \"a\": \"x\",\n"
          "  \"list\": [\n"
          "    1,\n"
          "    2\n"
          "  ],\n"
          "  \"none\": [],\n"
          "  \"empty\": {}\n"
          "}");
}

TEST_CASE("json writer: Inline puts a container on one line with \", \" between items", "[json]") {
    JsonWriter j;
    j.begin_object(Layout::Inline);
    j.key("rule");
    j.str("TF-1");
    j.key("stale");
    j.boolean(false);
    j.key("evidence");
    j.begin_array(Layout::Inline);
    j.begin_object(Layout::Inline);
    j.key("file");
    j.str("a.docx");
    j.key("quote");
    j.str_or_null("");
    j.end_object();
    j.begin_object(Layout::Inline);
    j.end_object();
    j.end_array();
    j.key("by_cause");
    j.begin_object(Layout::Inline);
    j.end_object();
    j.end_object();
    CHECK(j.take() ==
          "{\"rule\": \"TF-1\", \"stale\": false, \"evidence\": [{\"file\": \"a.docx\", \"quote\": null}, {}], "
          "\"by_cause\": {}}");
}

TEST_CASE("json writer: Inline items of a Lines list sit one a line (findings, claims)", "[json]") {
    JsonWriter j;
    j.begin_object();
    j.key("findings");
    j.begin_array();
    for (const char* rule : {"TF-1", "TF-2"}) {
        j.begin_object(Layout::Inline);
        j.key("rule");
        j.str(rule);
        j.key("evidence");
        j.begin_array(Layout::Inline);
        j.end_array();
        j.end_object();
    }
    j.end_array();
    j.end_object();
    CHECK(j.take() ==
          "{\n"
          "  \"findings\": [\n"
          "    {\"rule\": \"TF-1\", \"evidence\": []},\n"
          "    {\"rule\": \"TF-2\", \"evidence\": []}\n"
          "  ]\n"
          "}");
}

TEST_CASE("json writer: a Lines list inside an Inline object is one level deeper than its line (table rows)",
          "[json]") {
    JsonWriter j;
    j.begin_array();                 // rows, at depth 1
    j.begin_object(Layout::Inline);  // a row: {"header": true, "cells": [
    j.key("header");
    j.boolean(true);
    j.key("cells");
    j.begin_array();                 // cells, at depth 2
    j.begin_object(Layout::Inline);  // a cell: {"where": ..., "blocks": [
    j.key("where");
    j.str("cell 1");
    j.key("blocks");
    j.begin_array();  // blocks, at depth 3
    j.begin_object(Layout::Inline);
    j.key("text");
    j.str("Yes");
    j.end_object();
    j.end_array();
    j.end_object();
    j.begin_object(Layout::Inline);
    j.key("blocks");
    j.begin_array();
    j.end_array();
    j.end_object();
    j.end_array();
    j.key("after");
    j.number(1);
    j.end_object();
    j.end_array();
    CHECK(j.take() ==
          "[\n"
          "  {\"header\": true, \"cells\": [\n"
          "    {\"where\": \"cell 1\", \"blocks\": [\n"
          "      {\"text\": \"Yes\"}\n"
          "    ]},\n"
          "    {\"blocks\": []}\n"
          "  ], \"after\": 1}\n"
          "]");
}

TEST_CASE("json writer: a document begun at a depth is indented from there (a record in a report)", "[json]") {
    JsonWriter j(3);
    j.begin_object();
    j.key("k");
    j.strings({"a", "b"});
    j.key("none");
    j.strings({});
    j.end_object();
    CHECK(j.take() ==
          "{\n"
          "        \"k\": [\"a\", \"b\"],\n"
          "        \"none\": []\n"
          "      }");
}

TEST_CASE("json writer: take() streams, and the pieces make the same document as one take()", "[json]") {
    auto write = [](JsonWriter& j, std::string& out, bool stream) {
        j.begin_object();
        j.key("cases");
        j.begin_array();
        if (stream) out += j.take();
        for (int i = 0; i < 3; ++i) {
            j.begin_object();
            j.key("n");
            j.number(i);
            j.key("record");
            j.raw("{\n      \"x\": 1\n    }");
            j.end_object();
            if (stream) out += j.take();
        }
        j.end_array();
        j.end_object();
        out += j.take();
    };
    JsonWriter whole, pieces;
    std::string a, b;
    write(whole, a, false);
    write(pieces, b, true);
    CHECK(a == b);
    CHECK(b ==
          "{\n  \"cases\": [\n    {\n      \"n\": 0,\n      \"record\": {\n      \"x\": 1\n    }\n    },\n"
          "    {\n      \"n\": 1,\n      \"record\": {\n      \"x\": 1\n    }\n    },\n"
          "    {\n      \"n\": 2,\n      \"record\": {\n      \"x\": 1\n    }\n    }\n  ]\n}");
}

TEST_CASE("json writer: keys and strings are escaped, numbers and booleans written as JSON", "[json]") {
    JsonWriter j;
    j.begin_object(Layout::Inline);
    j.key("a \"b\"\n");
    j.str("tab\there \\ \x01");
    j.key("size");
    j.number(size_t{42});
    j.key("neg");
    j.number(-7);
    j.key("seed");
    j.number(std::numeric_limits<uint64_t>::max());
    j.key("yes");
    j.boolean(true);
    j.key("unknown");
    j.boolean(std::nullopt);
    j.key("nothing");
    j.null();
    j.end_object();
    CHECK(j.take() ==
          "{\"a \\\"b\\\"\\n\": \"tab\\there \\\\ \\u0001\", \"size\": 42, \"neg\": -7, "
          "\"seed\": 18446744073709551615, \"yes\": true, \"unknown\": null, \"nothing\": null}");
}

TEST_CASE("json writer: a top-level value has no separator before it", "[json]") {
    JsonWriter j;
    j.str("only");
    CHECK(j.take() == "\"only\"");
    JsonWriter k(2);
    k.begin_array(Layout::Inline);
    k.end_array();
    CHECK(k.take() == "[]");
}
