#!/usr/bin/env python3
"""Writes the hostile corpus for the non-PDF readers into OUTDIR (never into the repository):
small files built to crash, hang, exhaust memory or CPU, or reach undefined behaviour in a
reader that trusts what a file says. Each file has a line in OUTDIR/manifest.tsv:

    class  file  mode  expect  text

class   crash, hang, memory, cpu or ub (run.sh runs one class at a time)
mode    text: `tfaudit extract --text FILE`; record: `tfaudit extract --format json` on the
        file's own folder (reader, extractor and case record)
expect  ok: read within the bounds, exit 0, and the output holds `text`;
        error: reported unreadable, exit 2, and the message holds `text` (the bound's name)

Usage: python3 tests/hostile/make-hostile.py OUTDIR
Python 3 standard library only; deterministic; every name and value is invented."""
import io
import os
import pathlib
import sys
import zipfile

CELLS = "over the 200,000 table cells limit for one document"
BLOCKS = "over the 200,000 blocks limit for one document"
TEXT = "over the 64 MB text limit for one document"

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"


def zip_write(path, parts, stored=()):
    """A zip with `parts` (name -> str/bytes), deterministic; names in `stored` uncompressed
    (large repetitive parts would otherwise trip the reader's compression-ratio guard)."""
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode() if isinstance(data, str) else data)


def docx(path, body, extra_parts=None, doc_rels="", stored=("word/document.xml",)):
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/></Types>',
        "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_R}">'
        f'<Relationship Id="rId1" Type="{R}/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:document {W} xmlns:r="{R}"><w:body>{body}</w:body></w:document>',
        "word/_rels/document.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_R}">{doc_rels}</Relationships>',
    }
    parts.update(extra_parts or {})
    zip_write(path, parts, stored)


def wp(text):
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.2"')


def odt(path, body, styles=""):
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS}>'
               f'<office:automatic-styles>{styles}</office:automatic-styles>'
               f'<office:body><office:text>{body}</office:text></office:body></office:document-content>')
    zip_write(path, {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content},
              stored=("mimetype", "content.xml"))


def xlsx(path, sheet_data, shared=None, merges=""):
    X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rels = (f'<Relationship Id="rId1" Type="{R}/worksheet" Target="worksheets/sheet1.xml"/>'
            + (f'<Relationship Id="rId2" Type="{R}/sharedStrings" Target="sharedStrings.xml"/>' if shared else ""))
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/></Types>',
        "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_R}">'
        f'<Relationship Id="rId1" Type="{R}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{X}" xmlns:r="{R}"><sheets>'
        '<sheet name="Attendance" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_R}">{rels}</Relationships>',
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{X}"><sheetData>{sheet_data}</sheetData>{merges}</worksheet>',
    }
    if shared:
        sis = "".join(f"<si><t>{s}</t></si>" for s in shared)
        parts["xl/sharedStrings.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{X}">{sis}</sst>'
    zip_write(path, parts, stored=("xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"))


def main(out):
    out = pathlib.Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rows = []

    def add(cls, name, mode, expect, text):
        rows.append((cls, name, mode, expect, text))

    # ---- memory: a small file that would expand into gigabytes --------------------------
    (out / "csv-separators.csv").write_text("," * 3_000_000 + "\n")
    add("memory", "csv-separators.csv", "text", "error", CELLS)
    (out / "txt-lines.txt").write_text("x\n" * 300_000)
    add("memory", "txt-lines.txt", "text", "error", BLOCKS)
    # One 64 KB shared string shown in 2,000 cells: 128 MB if copied into each.
    cells = "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>' for r in range(1, 2001))
    xlsx(out / "xlsx-shared-string.xlsx", cells, shared=["Attendance note " + "z" * 65536])
    add("memory", "xlsx-shared-string.xlsx", "text", "error", TEXT)
    # Values in column A and column XFD on 20,000 rows: padded, 327 million cells.
    cells = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="XFD{r}" t="inlineStr"><is><t>far {r}</t></is></c></row>'
                    for r in range(1, 20001))
    xlsx(out / "xlsx-xfd.xlsx", cells)
    add("memory", "xlsx-xfd.xlsx", "text", "ok", "far 20000")
    # ODT tables nested in repeated cells of repeated rows: 64^4 cells if expanded.
    inner = '<text:p>Pupil attendance</text:p>'
    for _ in range(4):
        inner = ('<table:table><table:table-row table:number-rows-repeated="64">'
                 f'<table:table-cell table:number-columns-repeated="64">{inner}</table:table-cell>'
                 '</table:table-row></table:table>')
    odt(out / "odt-nested-repeats.odt", inner)
    add("memory", "odt-nested-repeats.odt", "text", "error", CELLS)
    # 1,000 columns each spanning 65,534 rows, then 300 rows: 300,000 placeholders.
    html = ["<html><body><table><tr>"] + ['<td rowspan="65534">v</td>'] * 1000 + ["</tr>"]
    html += ["<tr><td>row</td></tr>"] * 300
    (out / "html-rowspan-placeholders.html").write_text("".join(html) + "</table></body></html>")
    add("memory", "html-rowspan-placeholders.html", "text", "error", CELLS)
    # A 200 KB cell merged down 2,000 rows: the extractor copied it into every row (400 MB).
    big = "Family support worker notes " + "w" * 200_000
    trs = ['<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' + wp(big) + "</w:tc><w:tc>" + wp("Outcome 1") + "</w:tc></w:tr>"]
    trs += ["<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc>" + wp(f"row {i}") + "</w:tc></w:tr>"
            for i in range(2, 2001)]
    (out / "vmerge").mkdir(exist_ok=True)
    docx(out / "vmerge" / "docx-vmerge.docx", "<w:tbl>" + "".join(trs) + "</w:tbl>")
    add("memory", "vmerge/docx-vmerge.docx", "record", "ok", '"documents"')

    # ---- cpu: a small file that would take minutes or hours ------------------------------
    # A 2-row table of 180,000 cells, the second row all continuations: a quadratic span pass.
    n = 90_000
    row1 = "<w:tr>" + "<w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p/></w:tc>" * (n - 1) + "<w:tc>" + wp("first row") + "</w:tc></w:tr>"
    row2 = "<w:tr>" + "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>" * (n - 1) + "<w:tc>" + wp("second row") + "</w:tc></w:tr>"
    docx(out / "docx-wide-table.docx", "<w:tbl>" + row1 + row2 + "</w:tbl>")
    add("cpu", "docx-wide-table.docx", "text", "ok", "second row")
    # 20,000 header relationships to one header part: parsed 20,000 times.
    hdr = f'<?xml version="1.0" encoding="UTF-8"?><w:hdr {W}>' + wp("Early Help Assessment") * 200 + "</w:hdr>"
    rels = "".join(f'<Relationship Id="rH{i}" Type="{R}/header" Target="header1.xml"/>' for i in range(20_000))
    docx(out / "docx-header-rels.docx", wp("Family reference FR-0001") + '<w:sectPr/>',
         extra_parts={"word/header1.xml": hdr}, doc_rels=rels,
         stored=("word/document.xml", "word/_rels/document.xml.rels"))
    add("cpu", "docx-header-rels.docx", "text", "ok", "FR-0001")
    # A rowspan at grid column 1,000,000, then 60,000 rows: every row scanned a million columns.
    html = ["<html><body><table><tr>"] + ['<td colspan="1000">w</td>'] * 1000 + ['<td rowspan="65534">far</td></tr>']
    html += ["<tr><td>r</td></tr>"] * 60_000
    (out / "html-far-rowspan.html").write_text("".join(html) + "<tr><td>last row</td></tr></table></body></html>")
    add("cpu", "html-far-rowspan.html", "text", "ok", "last row")
    # 20,000 merges each reaching the sheet's last row: every merge walked a million rows.
    cells = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>week {r}</t></is></c></row>' for r in range(1, 6))
    merges = '<mergeCells count="20000">' + "".join(f'<mergeCell ref="B{r}:B1048576"/>' for r in range(1, 20_001)) + "</mergeCells>"
    xlsx(out / "xlsx-merges.xlsx", cells, merges=merges)
    add("cpu", "xlsx-merges.xlsx", "text", "ok", "week 5")

    # ---- ub: counters and spans past INT_MAX ---------------------------------------------
    numbering = (f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {W}><w:abstractNum w:abstractNumId="0">'
                 '<w:lvl w:ilvl="0"><w:start w:val="2147483647"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1."/></w:lvl>'
                 '<w:lvl w:ilvl="99999999999"><w:start w:val="-99999999999"/><w:numFmt w:val="upperRoman"/></w:lvl>'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/>'
                 '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="2147483647"/></w:lvlOverride></w:num></w:numbering>')
    items = "".join(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="99999999999"/></w:pPr>'
                    f'<w:r><w:t>goal {i}</w:t></w:r></w:p>' for i in range(3))
    items += '<w:p><w:pPr><w:numPr><w:ilvl w:val="-2147483649"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>negative level</w:t></w:r></w:p>'
    table = ('<w:tbl><w:tr><w:trPr><w:gridBefore w:val="99999999999"/></w:trPr>'
             '<w:tc><w:tcPr><w:gridSpan w:val="2147483647"/></w:tcPr>' + wp("wide") + "</w:tc>"
             '<w:tc><w:tcPr><w:gridSpan w:val="2147483647"/></w:tcPr>' + wp("wider") + "</w:tc>"
             '<w:tc><w:tcPr><w:gridSpan w:val="-5"/></w:tcPr>' + wp("narrow") + "</w:tc></w:tr></w:tbl>")
    docx(out / "docx-counters.docx", items + table,
         extra_parts={"word/numbering.xml": numbering},
         doc_rels=f'<Relationship Id="rN" Type="{R}/numbering" Target="numbering.xml"/>')
    add("ub", "docx-counters.docx", "text", "ok", "negative level")
    styles = ('<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-format="a" '
              'text:start-value="2147483647" style:num-suffix="."/></text:list-style>')
    body = ('<text:list text:style-name="L1">' + "".join(f"<text:list-item><text:p>aim {i}</text:p></text:list-item>" for i in range(3))
            + '<text:list-item text:start-value="99999999999"><text:p>restart</text:p></text:list-item>'
            + '<text:list-item><text:p>after restart</text:p></text:list-item></text:list>'
            + '<table:table><table:table-row><table:table-cell table:number-columns-spanned="99999999999" '
            'table:number-rows-spanned="2147483647"><text:p>spanned<text:s text:c="-5"/>cell</text:p></table:table-cell>'
            '</table:table-row><table:table-row><table:covered-table-cell/><table:table-cell><text:p>below</text:p>'
            '</table:table-cell></table:table-row></table:table>')
    odt(out / "odt-counters.odt", body, styles)
    add("ub", "odt-counters.odt", "text", "ok", "after restart")
    html = ('<html><body><ol start="2147483647">' + "<li>plan</li>" * 5 + '</ol><ol start="-2147483649"><li value="-99999999999">x</li><li>y</li></ol>'
            '<table><tr><td colspan="-5" rowspan="99999999999">a</td><td colspan="2147483648">b</td></tr><tr><td>c</td></tr></table></body></html>')
    (out / "html-counters.html").write_text(html)
    add("ub", "html-counters.html", "text", "ok", "plan")

    # ---- hang: nesting and unterminated constructs ----------------------------------------
    (out / "html-deep.html").write_text("<div>" * 100_000 + "deep text" + "</div>" * 100_000)
    add("hang", "html-deep.html", "text", "ok", "")
    nested = wp("innermost")
    for _ in range(80):  # 80 tables deep: libxml2's own depth limit (256 elements) stays out of it
        nested = "<w:tbl><w:tr><w:tc>" + nested + "</w:tc></w:tr></w:tbl>"
    docx(out / "docx-deep-tables.docx", nested)
    add("hang", "docx-deep-tables.docx", "text", "ok", "")
    (out / "csv-open-quote.csv").write_text('name,note\n"Alex,' + "never closed " * 100_000 + "\n")
    add("hang", "csv-open-quote.csv", "text", "ok", "name")

    # ---- crash: malformed references and sizes --------------------------------------------
    cells = ('<row r="99999999999"><c r="ZZZZZ0"><v>1</v></c><c r="A-1" t="s"><v>99999999999</v></c>'
             '<c r="XFE1"><v>2</v></c><c t="s"><v>-1</v></c><c r="B2"><v>1e999</v></c></row>'
             '<row r="-4"><c r="A1" s="-7"><v>43000</v></c><c r="C1" s="99999999999"><v>nan</v></c></row>')
    merges = '<mergeCells><mergeCell ref="B2:A1"/><mergeCell ref="A1:XFD1048576"/><mergeCell ref=":"/><mergeCell ref="A0:A1"/></mergeCells>'
    xlsx(out / "xlsx-bad-refs.xlsx", cells, shared=["only"], merges=merges)
    add("crash", "xlsx-bad-refs.xlsx", "text", "ok", "")
    (out / "html-stray-cells.html").write_text("<td rowspan=9>a<tr><th colspan=3>b</table></td><tr><td>c" * 2000)
    add("crash", "html-stray-cells.html", "text", "ok", "")

    with open(out / "manifest.tsv", "w") as m:
        for r in rows:
            m.write("\t".join(r) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
