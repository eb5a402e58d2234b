// The PDF reader's page layout: positioned text and drawn rules to paragraphs and tables.
//
// The content stream interpreter (pdf.cpp) gives each page as runs of text placed on the page
// and the straight rules it draws (cell borders). This file sorts the runs into lines, finds
// tables (grids of drawn rules first; failing those, runs of lines whose wide-gapped pieces line
// up in columns) and groups the remaining lines into paragraphs.
#pragma once

#include <string>
#include <vector>

#include "model/document.h"

namespace tfa::pdf {

// A piece of text as placed on the page: device coordinates of its start and end on the
// baseline, and the font size in device units.
struct Run {
    double x0 = 0, x1 = 0, y = 0, size = 0;
    double space = 0;  // the width of a word space in the run's font
    bool bold = false;
    std::string text;
};

// A straight rule drawn on the page, axis-aligned: x0 == x1 (vertical) or y0 == y1
// (horizontal), with x0 <= x1 and y0 <= y1. y grows upwards, as on the page.
struct Rule {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool vertical() const { return x0 == x1; }
};

// Document-wide counters: body paragraphs and tables are numbered through the whole document.
struct Counters {
    int paragraphs = 0;
    int tables = 0;
};

// Lays out one page: appends its paragraphs and tables to `out` in reading order, with
// Location.page = `page`. `runs` is reordered; runs and rules whose numbers are not all finite
// are left out.
void layout_page(std::vector<Run>& runs, const std::vector<Rule>& rules, int page, Counters& counters,
                 std::vector<Block>& out);

// True when the page has any text (a line that is not blank).
bool has_text(const std::vector<Run>& runs);

}  // namespace tfa::pdf
