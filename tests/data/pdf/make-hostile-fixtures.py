#!/usr/bin/env python3
"""Writes the PDF reader's hostile regression corpus into the folder given (tests/data/pdf/hostile).

Each file is small and synthetic, and once crashed or hung the reader or made it work without
bound (tests/unit/test_pdf_hostile.cpp says what each must now give):

  type0-missing-descendant.pdf  Type0 fonts whose /DescendantFonts names a missing object, a
                                number and nothing (the first crashed PoDoFo's font loading)
  matrix-overflow.pdf           text and graphics matrices that overflow to infinity (hung the
                                line builder)
  huge-widths.pdf               /W ranges over the whole code space, 3,000 times
  huge-tounicode.pdf            20,000 overlapping ToUnicode ranges and ranges over the whole
                                code space
  count-huge.pdf                a page tree claiming /Count 2147483647 over one page
  form-fanout.pdf               2,000 pages, each drawing forms that draw forms (50 x 50 x 50)
  operator-fanout.pdf           1,500 pages sharing one content stream of 2,000 operators
  many-choice-widgets.pdf       4,000 choice widgets sharing one /Opt array of 10,000 options
  xref-damaged.pdf              a cross-reference table whose offsets are all wrong: read
                                after repair, the repair named in the document's warnings

Standard library only; the output is the same on every run.
"""
import os
import sys
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "scripts"))
from pdfwrite import write_pdf  # noqa: E402


def stream(dict_extra, payload, compress=True):
    if compress:
        payload = zlib.compress(payload, 9)
        dict_extra += b" /Filter /FlateDecode"
    return b"<< /Length %d %s >>\nstream\n" % (len(payload), dict_extra) + payload + b"\nendstream"


HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
PAGES_1 = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"


def page(resources, contents=b"5 0 R", extra=b""):
    return (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources " + resources +
            b" /Contents " + contents + b" " + extra + b">>")


def cmap(lines, codespace=b"<0000> <FFFF>"):
    return (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Synth-UCS def /CMapType 2 def\n"
            b"1 begincodespacerange " + codespace + b" endcodespacerange\n" + lines +
            b"\nendcmap CMapName currentdict /CMap defineresource pop end end\n")


def bfchar(pairs):
    body = b"".join(b"<%04X> <%04X>\n" % (c, u) for c, u in pairs)
    return b"%d beginbfchar\n" % len(pairs) + body + b"endbfchar"


def type0_missing_descendant(out):
    # /F1: DescendantFonts names object 99, which does not exist; /F2: a number instead of a
    # font; /F3: an empty array. Each has a ToUnicode map, so its text still reads.
    tounicode = cmap(bfchar([(1, ord("S")), (2, ord("a")), (3, ord("f")), (4, ord("e"))]))
    content = (b"BT /F4 12 Tf 72 760 Td (Family reference: FF-8001) Tj ET\n"
               b"BT /F1 12 Tf 72 730 Td <0001000200030004> Tj ET\n"
               b"BT /F2 12 Tf 72 700 Td <0001000200030004> Tj ET\n"
               b"BT /F3 12 Tf 72 670 Td <0001000200030004> Tj ET\n")
    t0 = b"<< /Type /Font /Subtype /Type0 /BaseFont /Synth /Encoding /Identity-H /ToUnicode 6 0 R /DescendantFonts "
    write_pdf(os.path.join(out, "type0-missing-descendant.pdf"), [
        CATALOG, PAGES_1,
        page(b"<< /Font << /F1 7 0 R /F2 8 0 R /F3 9 0 R /F4 4 0 R >> >>"),
        HELVETICA,
        stream(b"", content, compress=False),
        stream(b"", tounicode),
        t0 + b"[99 0 R] >>",
        t0 + b"[42] >>",
        t0 + b"[] >>",
    ])


def matrix_overflow(out):
    huge = b"9" * 300 + b".0"   # 1e300: finite, and its products are not
    inf = b"9" * 400 + b".0"    # more digits than a double holds: infinity
    content = (b"BT /F1 12 Tf 72 760 Td (Before the overflow.) Tj ET\n"
               b"q " + huge + b" 0 0 " + huge + b" 0 0 cm " + huge + b" 0 0 " + huge + b" 0 0 cm\n"
               b"BT /F1 12 Tf " + huge + b" 0 0 " + huge + b" " + huge + b" " + huge + b" Tm (Lost) Tj"
               b" [(A) -" + huge + b" (B) -" + huge + b" (C)] TJ ET\n"
               b"BT /F1 12 Tf " + inf + b" 0 0 " + inf + b" 0 0 Tm (Infinite) Tj ET\n"
               b"0 0 m " + huge + b" 0 l " + inf + b" 0 l S Q\n"
               + b"BT /F1 12 Tf 72 700 Td " + b"".join(b"1" + b"0" * 307 + b".0 0 Td (x) Tj " for _ in range(40)) + b"ET\n"
               + b"BT /F1 12 Tf 72 640 Td (After the overflow.) Tj ET\n")
    write_pdf(os.path.join(out, "matrix-overflow.pdf"), [
        CATALOG, PAGES_1, page(b"<< /Font << /F1 4 0 R >> >>"), HELVETICA, stream(b"", content),
    ])


def huge_widths(out):
    # 3,000 entries each giving one width to all 65,536 two-byte codes, and one to every code
    # there could be: stored as ranges, not code by code.
    w = b" ".join(b"0 65535 %d" % (400 + i % 200) for i in range(3000))
    w += b" 0 4294967295 500 1 [600 610 620] 4294967290 4294967295 250 -5 [1] 2 [" + b"9" * 400 + b".0]"
    tounicode = cmap(bfchar([(1, ord("W")), (2, ord("i")), (3, ord("d")), (4, ord("e"))]))
    content = b"BT /F1 12 Tf 72 760 Td <0001000200030004> Tj ET\n"
    write_pdf(os.path.join(out, "huge-widths.pdf"), [
        CATALOG, PAGES_1, page(b"<< /Font << /F1 4 0 R >> >>"),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Synth /Encoding /Identity-H /ToUnicode 6 0 R /DescendantFonts [7 0 R] >>",
        stream(b"", content, compress=False),
        stream(b"", tounicode),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Synth /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity)"
        b" /Supplement 0 >> /DW 1000 /W 8 0 R >>",
        b"[" + w + b"]",
    ])


def huge_tounicode(out):
    # 20,000 copies of one 255-code range, every code space range there is, and the codes the
    # text uses last (they win over the earlier ranges).
    ranges = b"".join(b"<0000> <00FE> <0041>\n" for _ in range(20000))
    ranges += b"<0000> <FFFF> <4E00>\n<0100> <FFFF> [<0058> <0059>]\n"
    lines = b"20002 beginbfrange\n" + ranges + b"endbfrange\n" + bfchar([(0x10, ord("O")), (0x11, ord("K"))])
    content = b"BT /F1 12 Tf 72 760 Td <000000010002> Tj <00100011> Tj <01000101> Tj ET\n"
    write_pdf(os.path.join(out, "huge-tounicode.pdf"), [
        CATALOG, PAGES_1, page(b"<< /Font << /F1 4 0 R >> >>"),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Synth /Encoding /Identity-H /ToUnicode 6 0 R /DescendantFonts [7 0 R] >>",
        stream(b"", content, compress=False),
        stream(b"", cmap(lines)),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Synth /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity)"
        b" /Supplement 0 >> /DW 500 >>",
    ])


def count_huge(out):
    write_pdf(os.path.join(out, "count-huge.pdf"), [
        CATALOG,
        b"<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>",
        page(b"<< /Font << /F1 4 0 R >> >>"),
        HELVETICA,
        stream(b"", b"BT /F1 12 Tf 72 760 Td (The only page.) Tj ET\n"),
    ])


def form_fanout(out):
    # 2,000 pages share one content stream drawing form X 50 times; X draws Y 50 times, Y draws
    # Z 50 times: 125,000 draws a page, 250 million in all.
    n_pages = 2000
    first_page = 8
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(n_pages))
    objs = [
        CATALOG,
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n_pages,
        b"<< /Font << /F1 4 0 R >> /XObject << /X 5 0 R >> >>",   # 3: the pages' resources
        HELVETICA,
        stream(b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /Y 6 0 R >> >>",
               b"/Y Do " * 50, compress=False),
        stream(b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /Z 7 0 R >> >>",
               b"/Z Do " * 50, compress=False),
        stream(b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /Font << /F1 4 0 R >> >>",
               b"BT /F1 9 Tf 0 0 Td (z) Tj ET", compress=False),
    ]
    content_obj = first_page + n_pages
    for _ in range(n_pages):
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources 3 0 R /Contents %d 0 R >>" % content_obj)
    objs.append(stream(b"", b"BT /F1 9 Tf 72 800 Td (Page text before the forms.) Tj ET\n" + b"/X Do " * 50, compress=False))
    write_pdf(os.path.join(out, "form-fanout.pdf"), objs)


def operator_fanout(out):
    # Each page's work is modest; all of them together are over the document's budget.
    n_pages = 1500
    kids = b" ".join(b"%d 0 R" % (6 + i) for i in range(n_pages))
    objs = [
        CATALOG,
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n_pages,
        b"<< /Font << /F1 4 0 R >> >>",
        HELVETICA,
        stream(b"", b"BT /F1 9 Tf 72 800 Td (Page text.) Tj ET\n" + b"q Q " * 1000),
    ]
    for _ in range(n_pages):
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources 3 0 R /Contents 5 0 R >>")
    write_pdf(os.path.join(out, "operator-fanout.pdf"), objs)


def many_choice_widgets(out):
    # 4,000 choice widgets whose values are not among the 10,000 options they share (so each
    # looks through them all), and one whose export value the options turn into display text.
    n_widgets = 4000
    first_widget = 7
    opts = b"[" + b" ".join(b"[(e%05d) (Display %05d)]" % (i, i) for i in range(10000)) + b"]"
    annots = b" ".join(b"%d 0 R" % (first_widget + i) for i in range(n_widgets + 1))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [] /DA (/Helv 0 Tf 0 g) >> >>",
        PAGES_1,
        page(b"<< /Font << /F1 4 0 R >> >>", extra=b"/Annots [" + annots + b"] "),
        HELVETICA,
        stream(b"", b"BT /F1 11 Tf 72 800 Td (Lead agency:) Tj ET\n", compress=False),
        opts,  # 6
    ]
    objs.append(b"<< /Type /Annot /Subtype /Widget /Rect [160 795 400 811] /FT /Ch /V (e00042) /Opt 6 0 R >>")
    for i in range(n_widgets):
        x = 40 + (i % 40) * 13
        y = 40 + (i // 40) * 7
        objs.append(b"<< /Type /Annot /Subtype /Widget /Rect [%d %d %d %d] /FT /Ch /V (none) /Opt 6 0 R >>"
                    % (x, y, x + 12, y + 6))
    write_pdf(os.path.join(out, "many-choice-widgets.pdf"), objs)


def xref_damaged(out):
    path = os.path.join(out, "xref-damaged.pdf")
    write_pdf(path, [CATALOG, PAGES_1, page(b"<< /Font << /F1 4 0 R >> >>"), HELVETICA,
                     stream(b"", b"BT /F1 12 Tf 72 760 Td (Read after repair.) Tj ET\n")])
    with open(path, "rb") as f:
        data = f.read()
    # Every offset in the table off by 7 bytes, so no entry points at its object.
    start = data.index(b"0000000000 65535 f \n") + 20
    end = data.index(b"trailer")
    table = b"".join(b"%010d 00000 n \n" % (int(line[:10]) + 7) for line in data[start:end].splitlines())
    with open(path, "wb") as f:
        f.write(data[:start] + table + data[end:])


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "hostile")
    os.makedirs(out, exist_ok=True)
    for make in (type0_missing_descendant, matrix_overflow, huge_widths, huge_tounicode, count_huge, form_fanout,
                 operator_fanout, many_choice_widgets, xref_damaged):
        make(out)


if __name__ == "__main__":
    main()
