#!/usr/bin/env python3
"""Writes PDF layout fixtures whose text is placed exactly, into the folder given (tests/data/pdf).

  bold-answer.pdf    an assessment whose consent answer is marked only by a bold font:
                     "Consent given: YES / NO" with YES in Helvetica-Bold.
  wrapped-cells.pdf  a closure summary as case systems print it, with no cell borders: a
                     label/value table stacked over a table of outcomes; a value that wraps
                     over two lines with its label vertically centred between them; a label
                     run ending in a space only a word space before its value; a header whose
                     cells wrap ("Date / achieved", "Sustained / since") around single-line
                     ones; an outcome whose name wraps with its other cells centred on it.
  one-row.pdf        the same kind of table with one outcome only, so no second row confirms a
                     column: a bold header cell filled to its edge, the next header cell only a
                     word space on ("Achieved" "Date achieved"), a header cell wrapped over the
                     lines above and below its row ("Sustained" / "since"), and an outcome name
                     wrapped over two lines with its other cells centred between them.

Standard library only; the output is the same on every run. All content is synthetic.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "scripts"))
from pdfwrite import write_pdf  # noqa: E402

LINES = [
    # (y, x, text): baselines in points from the bottom of an A4 page; Helvetica 10 pt.
    (760, 58, "Closure Summary"),
    (700, 58, "Case ID"), (700, 150, "FS-0001"),
    (685.5, 58, "Closure date"), (685.5, 150, "1 May 2019"),
    (671, 150, "Needs met - stepped down to"),
    (665.2, 58, "Reason for closure"),
    (659.4, 150, "universal services"),
    (645, 58, "Lead professional "), (645, 148.5, "Ada Byrne"),
    (620, 293, "Date"), (620, 370, "Sustained"),
    (614.2, 58, "Criterion"), (614.2, 238, "Achieved"), (614.2, 455, "Evidence"),
    (608.4, 293, "achieved"), (608.4, 370, "since"),
    (594, 455, "Attendance pct"),
    (588.2, 58, "TF2 School attendance"), (588.2, 238, "Yes"), (588.2, 293, "8 May 2019"), (588.2, 370, "8 May 2019"),
    (582.4, 455, "95.4"),
    (568, 58, "TF4 Worklessness and financial"), (568, 455, "Rent arrears"),
    (562.2, 238, "Yes"), (562.2, 293, "8 May 2019"), (562.2, 370, "8 May 2019"),
    (556.4, 58, "exclusion"), (556.4, 455, "GBP 0"),
    (542, 58, "TF6 Health"), (542, 238, "No"), (542, 455, "Not achieved"),
    (510, 58, "Signed off by Jo Bloggs"),
]


# (y, x, text, font): F1 Helvetica, F2 Helvetica-Bold, 10 pt. "Achieved" in bold ends at 219 pt.
ONE_ROW = [
    (760, 58.2, "Closure Summary", "F2"),
    (720, 58.2, "Case ID", "F2"), (720, 150, "FS-0003", "F1"),
    (705.5, 58.2, "Closure date", "F2"), (705.5, 150, "2 Oct 2019", "F1"),
    (678.5, 313.4, "Sustained", "F2"),
    (672.7, 58.2, "Criterion", "F2"), (672.7, 174.5, "Achieved", "F2"), (672.7, 222, "Date achieved", "F2"),
    (672.7, 404.9, "Evidence", "F2"),
    (666.8, 313.4, "since", "F2"),
    (652.4, 58.2, "TF2 School", "F1"), (652.4, 404.9, "Ada: attendance pct", "F1"),
    (646.6, 174.5, "Yes", "F1"), (646.6, 222, "6 Mar 2019", "F1"), (646.6, 313.4, "6 Mar 2019", "F1"),
    (640.7, 58.2, "attendance", "F1"), (640.7, 404.9, "97.6", "F1"),
    (610, 58.2, "Signed off by Jo Bloggs", "F1"),
]


def content(lines=None):
    out = []
    for item in lines or [(y, x, text, "F1") for y, x, text in LINES]:
        y, x, text, font = item
        esc = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        out.append("BT /%s 10 Tf 1 0 0 1 %.1f %.1f Tm (%s) Tj ET" % (font, x, y, esc))
    return "\n".join(out).encode("latin-1")


def write(path, body=None):
    body = body if body is not None else content()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 6 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]
    write_pdf(path, objects, version="1.4")


if __name__ == "__main__":
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    write(os.path.join(folder, "wrapped-cells.pdf"))
    write(os.path.join(folder, "one-row.pdf"), content(ONE_ROW))
    bold = b"\n".join([
        b"BT /F2 14 Tf 1 0 0 1 58 760 Tm (Early Help Assessment) Tj ET",
        b"BT /F1 10 Tf 1 0 0 1 58 700 Tm (Family ID: FS-0002) Tj ET",
        b"BT /F1 10 Tf 1 0 0 1 58 680 Tm (Consent given: ) Tj ET",
        b"BT /F2 10 Tf 1 0 0 1 131 680 Tm (YES) Tj ET",
        b"BT /F1 10 Tf 1 0 0 1 155 680 Tm (/ NO) Tj ET",
    ])
    write(os.path.join(folder, "bold-answer.pdf"), bold)
