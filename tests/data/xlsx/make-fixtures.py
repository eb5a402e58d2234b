#!/usr/bin/env python3
"""Writes the .xlsx fixtures for tests/unit/test_xlsx.cpp. Every name and figure is invented.

Run from anywhere: python3 tests/data/xlsx/make-fixtures.py
- evidence.xlsx: parts written by hand for full control over shared strings (with rich-text
  runs), inline strings, styles (built-in and custom date, time, duration and percent formats),
  booleans, errors, formulas with cached values, sparse cells, merged cells, an empty sheet and
  a chart sheet (which is not a worksheet and must be skipped).
- date1904.xlsx: the 1904 date system.
- shared-repeat.xlsx: shared strings shown in several cells (one with a tick glyph), which the
  cells must share rather than copy.
(LibreOffice Calc is not installed here, only Writer, so every workbook is written by hand.)
- bad inputs: not-a-zip.xlsx, no-workbook.xlsx, malformed-sheet.xlsx, doctype-sheet.xlsx.
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
STAMP = (2019, 11, 14, 9, 30, 0)
MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def write_zip(name, entries):
    path = os.path.join(HERE, name)
    with zipfile.ZipFile(path, "w") as z:
        for n, data in entries:
            zi = zipfile.ZipInfo(n, STAMP)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode("utf-8") if isinstance(data, str) else data)


def content_types(sheets):
    over = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, sheets + 1))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            f"{over}</Types>")


PKG_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            "</Relationships>")

CORE = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Outcome Evidence – TF-0042</dc:title>'
        "</cp:coreProperties>")


def wb_rels(targets):
    rels = "".join(f'<Relationship Id="rId{i}" Type="{REL}/{t}" Target="{p}"/>' for i, (t, p) in enumerate(targets, 1))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')


def workbook(sheets, date1904=False):
    pr = '<workbookPr date1904="1"/>' if date1904 else '<workbookPr defaultThemeVersion="124226"/>'
    s = "".join(f'<sheet name="{n}" sheetId="{i}" r:id="{rid}"/>' for i, (n, rid) in enumerate(sheets, 1))
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {MAIN} {RNS}>{pr}<sheets>{s}</sheets></workbook>'


def sheet(rows, extra=""):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {MAIN} {RNS}>'
            f'<dimension ref="A1"/><sheetData>{rows}</sheetData>{extra}</worksheet>')


# Shared strings: index → text. 4 has rich-text runs and a phonetic run that must not show.
SST = ["Name", "Criterion", "Period start", "Period end", None, "Attendance", "Sessions", "Notes",
       "Zoë Łukasz", "education", "Offence", "Value", "Line one_x000D_\nline two", "☒ verified"]
SST_XML = "".join(
    '<si><r><t xml:space="preserve">Persistent </t></r><r><rPr><b/></rPr><t>absence</t></r>'
    '<rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>' if s is None else f"<si><t>{s}</t></si>" for s in SST)
SHARED = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst {MAIN} count="{len(SST)}" '
          f'uniqueCount="{len(SST)}">{SST_XML}</sst>')

# cellXfs: 0 General, 1 built-in 14 (date), 2 custom 164 dd/mm/yyyy, 3 built-in 10 (0.00%),
# 4 built-in 9 (0%), 5 custom 165 h:mm AM/PM (time), 6 custom 166 [h]:mm (duration),
# 7 custom 167 0.0"%" quoted, so not a percent, 8 custom 168 0.0% (percent),
# 9 built-in 22 (m/d/yy h:mm), 10 custom 169 [$-809]dd mmmm yyyy;@ (date), 11 custom 170 0.00E+00,
# 12 custom 171 "Day "General (not a date despite the d and y in quotes)
STYLES = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet {MAIN}>'
          '<numFmts count="8"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
          '<numFmt numFmtId="165" formatCode="h:mm AM/PM"/><numFmt numFmtId="166" formatCode="[h]:mm"/>'
          '<numFmt numFmtId="167" formatCode="0.0&quot;%&quot;"/><numFmt numFmtId="168" formatCode="0.0%"/>'
          '<numFmt numFmtId="169" formatCode="[$-809]dd mmmm yyyy;@"/>'
          '<numFmt numFmtId="170" formatCode="0.00E+00"/><numFmt numFmtId="171" formatCode="&quot;Day &quot;General"/></numFmts>'
          '<cellXfs count="13"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>'
          '<xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="10" applyNumberFormat="1"/>'
          '<xf numFmtId="9" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/>'
          '<xf numFmtId="166" applyNumberFormat="1"/><xf numFmtId="167" applyNumberFormat="1"/>'
          '<xf numFmtId="168" applyNumberFormat="1"/><xf numFmtId="22" applyNumberFormat="1"/>'
          '<xf numFmtId="169" applyNumberFormat="1"/><xf numFmtId="170" applyNumberFormat="1"/>'
          '<xf numFmtId="171" applyNumberFormat="1"/></cellXfs></styleSheet>')

S = lambda ref, i: f'<c r="{ref}" t="s"><v>{i}</v></c>'  # noqa: E731
N = lambda ref, v, s=0: f'<c r="{ref}"{f" s={chr(34)}{s}{chr(34)}" if s else ""}><v>{v}</v></c>'  # noqa: E731

ATTENDANCE = sheet(
    '<row r="1">' + S("A1", 0) + S("B1", 1) + S("C1", 2) + S("D1", 3) + S("E1", 5) + S("F1", 6) + S("G1", 7) + "</row>"
    # dates: built-in 14 and custom dd/mm/yyyy; 92.5% with float noise; 0.1 stored with noise
    '<row r="2">' + S("A2", 8) + S("B2", 9) + N("C2", 43783, 1) + N("D2", 43819, 2) + N("E2", "0.92500000000000004", 3)
    + N("F2", "0.10000000000000001") + S("G2", 4) + "</row>"
    # inline string, boolean, 0% format, formula with cached value, gaps at C and F
    '<row r="3"><c r="A3" t="inlineStr"><is><t>Kit Łukasz</t></is></c><c r="B3" t="b"><v>1</v></c>'
    + N("D3", "0.92", 4) + '<c r="E3"><f>SUM(F2:F3)</f><v>42</v></c>'
    + '<c r="G3" t="str"><f>A3&amp;"!"</f><v>Kit Łukasz!</v></c></row>'
    # error, integer stored as 3.0, a datetime, time-only with AM/PM, duration over 24 h
    '<row r="4"><c r="A4" t="e"><f>1/0</f><v>#DIV/0!</v></c>' + N("B4", "3.0") + N("C4", "43783.395833333336", 9)
    + N("D4", "0.5", 5) + N("E4", "1.5", 6) + N("F4", "-0", 0) + S("G4", 12) + "</row>"
    # Excel's 1900 leap-year bug around serial 60; quoted % is not a percent; 0.0% is
    '<row r="5">' + N("A5", 59, 1) + N("B5", 60, 1) + N("C5", 61, 1) + N("D5", 1, 1) + N("E5", "12.5", 7)
    + N("F5", "0.333", 8) + S("G5", 13) + "</row>"
    # locale-tagged long date, scientific, "Day "General, a big integer, a formatted empty cell
    '<row r="6">' + N("A6", 43783, 10) + N("B6", "12345.678", 11) + N("C6", 7, 12) + N("D6", "123456789012")
    + N("E6", "1E-3") + '<c r="F6" s="3"/></row>'
    # a row of formatted but empty cells: left out
    '<row r="7"><c r="A7" s="1"/><c r="B7" s="2"/></row>')

OFFENCES = sheet(
    # starts at column B; B1:C1 merged title; row 5 after a gap; D2 formatted but empty
    '<row r="1">' + S("B1", 10) + "</row>"
    '<row r="2">' + S("B2", 11) + S("C2", 5) + '<c r="D2" s="1"/></row>'
    '<row r="3"><c r="B3" t="inlineStr"><is><r><t>Budget </t></r><r><t>£1,250</t></r></is></c>' + N("C3", 2) + "</row>"
    '<row r="5">' + N("C5", 43790, 2) + N("E5", "7") + "</row>",
    '<mergeCells count="2"><mergeCell ref="B1:C1"/><mergeCell ref="E5:E6"/></mergeCells>')

EMPTY = sheet("")
CHART = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         f'<chartsheet {MAIN} {RNS}><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>')


def evidence():
    write_zip("evidence.xlsx", [
        ("[Content_Types].xml", content_types(3)),
        ("_rels/.rels", PKG_RELS),
        ("docProps/core.xml", CORE),
        ("xl/workbook.xml", workbook([("Attendance", "rId1"), ("Chart", "rId6"), ("Offences & ASB", "rId2"),
                                      ("Empty", "rId3")]).replace("Offences & ASB", "Offences &amp; ASB")),
        ("xl/_rels/workbook.xml.rels", wb_rels([("worksheet", "worksheets/sheet1.xml"),
                                                ("worksheet", "worksheets/sheet2.xml"),
                                                ("worksheet", "/xl/worksheets/sheet3.xml"),
                                                ("sharedStrings", "sharedStrings.xml"), ("styles", "styles.xml"),
                                                ("chartsheet", "chartsheets/sheet1.xml")])),
        ("xl/sharedStrings.xml", SHARED),
        ("xl/styles.xml", STYLES),
        ("xl/worksheets/sheet1.xml", ATTENDANCE),
        ("xl/worksheets/sheet2.xml", OFFENCES),
        ("xl/worksheets/sheet3.xml", EMPTY),
        ("xl/chartsheets/sheet1.xml", CHART),
    ])


def date1904():
    rows = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Date</t></is></c></row>'
            '<row r="2"><c r="A2" s="1"><v>42321</v></c></row>'
            '<row r="3"><c r="A3" s="1"><v>0</v></c></row>')
    write_zip("date1904.xlsx", [
        ("[Content_Types].xml", content_types(1)),
        ("_rels/.rels", PKG_RELS.replace('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>', "")),
        ("xl/workbook.xml", workbook([("Dates", "rId1")], date1904=True)),
        ("xl/_rels/workbook.xml.rels", wb_rels([("worksheet", "worksheets/sheet1.xml"), ("styles", "styles.xml")])),
        ("xl/styles.xml", STYLES),
        ("xl/worksheets/sheet1.xml", sheet(rows)),
    ])


def shared_repeat():
    sst = ["Session kept ✓", "Family hub"]
    shared = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst {MAIN} count="5" uniqueCount="2">'
              + "".join(f"<si><t>{t}</t></si>" for t in sst) + "</sst>")
    rows = "".join(f'<row r="{r}">' + S(f"A{r}", 0) + S(f"B{r}", 1 if r < 3 else 0) + "</row>" for r in (1, 2, 3))
    write_zip("shared-repeat.xlsx", [
        ("[Content_Types].xml", content_types(1)),
        ("_rels/.rels", PKG_RELS.replace('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>', "")),
        ("xl/workbook.xml", workbook([("Sessions", "rId1")])),
        ("xl/_rels/workbook.xml.rels", wb_rels([("worksheet", "worksheets/sheet1.xml"),
                                                ("sharedStrings", "sharedStrings.xml")])),
        ("xl/sharedStrings.xml", shared),
        ("xl/worksheets/sheet1.xml", sheet(rows)),
    ])


def bad_inputs():
    with open(os.path.join(HERE, "not-a-zip.xlsx"), "w", encoding="utf-8") as f:
        f.write("Name,Value\nnot,a workbook\n")
    write_zip("no-workbook.xlsx", [("[Content_Types].xml", content_types(0)), ("docProps/core.xml", CORE)])
    write_zip("malformed-sheet.xlsx", [
        ("[Content_Types].xml", content_types(1)),
        ("xl/workbook.xml", workbook([("Broken", "rId1")])),
        ("xl/_rels/workbook.xml.rels", wb_rels([("worksheet", "worksheets/sheet1.xml")])),
        ("xl/worksheets/sheet1.xml", sheet('<row r="1"><c r="A1"><v>1</v></row>')),
    ])
    doctype = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row>').replace(
        "<worksheet", '<!DOCTYPE worksheet [<!ENTITY x "entity">]>\n<worksheet', 1)
    write_zip("doctype-sheet.xlsx", [
        ("[Content_Types].xml", content_types(1)),
        ("xl/workbook.xml", workbook([("Doctype", "rId1")])),
        ("xl/_rels/workbook.xml.rels", wb_rels([("worksheet", "worksheets/sheet1.xml")])),
        ("xl/worksheets/sheet1.xml", doctype),
    ])


if __name__ == "__main__":
    evidence()
    date1904()
    shared_repeat()
    bad_inputs()
    print("xlsx fixtures written to", HERE)
