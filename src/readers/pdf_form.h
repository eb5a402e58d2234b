// The PDF reader's form fields: the values of fillable forms, placed on the page as text.
//
// A filled-in PDF form keeps its values in the field widgets annotated on the page, not in the
// page content. pdf.cpp reads each visible widget's value (a check box or radio button's state,
// a text field's text, a choice field's selection) and its rectangle; this file turns them into
// runs of text at that rectangle, as if the page drew the value there, so that the layout puts
// "FF-2001" on the line of its label "Family reference:" and a ticked box before "Yes".
#pragma once

#include <string>
#include <vector>

#include "readers/pdf_page.h"

namespace tfa::pdf {

// One visible widget's value.
struct Field {
    bool box = false;  // a check box or radio button: `checked` is its state
    bool checked = false;
    bool multiline = false;                 // a multi-line text field
    int align = 0;                          // /Q: 0 left, 1 centred, 2 right
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // the widget's rectangle in device space, x0 < x1, y0 < y1
    double size = 0;                        // font size from /DA; 0 when automatic or not given
    std::string value;                      // text and choice fields: the value, lines split by '\n', trimmed
};

// Appends a run for each field to the page's `runs` (which hold the page content's text). A
// field's value goes on the line of the content text beside it when one lies at its height.
// A value the content already draws inside the rectangle (a form flattened but for its
// widgets) is not added again; a tick glyph the content draws under a check box takes the
// box's state instead of adding a second box.
void place_fields(std::vector<Run>& runs, const std::vector<Field>& fields);

}  // namespace tfa::pdf
