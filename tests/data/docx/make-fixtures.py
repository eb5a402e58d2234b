#!/usr/bin/env python3
"""Writes the small .docx fixtures the reader tests use, by hand-written WordprocessingML, so
each Word feature under test is present exactly once and nothing else is. Run from anywhere:
    python3 tests/data/docx/make-fixtures.py
The output is deterministic (fixed zip timestamps). Every name and value is invented."""
import pathlib
import zipfile

HERE = pathlib.Path(__file__).resolve().parent
BAD = HERE.parent / "bad"

W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
     'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
     'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
     'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
     'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
     'mc:Ignorable="w14"')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="MySection"><w:name w:val="My Section"/><w:basedOn w:val="Heading2"/></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/></w:style>
</w:styles>"""

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""


def p(text, style=None, num=None):
    ppr = ""
    if style or num:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr += "</w:pPr>"
    return f"<w:p>{ppr}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def tc(inner, props=""):
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{inner}</w:tc>"


def write_docx(path, body, extra_parts=None, rels=None, title=None):
    extra_parts = extra_parts or {}
    rels = rels or []
    doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>'
    doc_rels = ['<Relationship Id="rIdS" Type="%s/styles" Target="styles.xml"/>' % REL,
                '<Relationship Id="rIdN" Type="%s/numbering" Target="numbering.xml"/>' % REL]
    for i, (typ, target) in enumerate(rels):
        doc_rels.append(f'<Relationship Id="rIdX{i}" Type="{REL}/{typ}" Target="{target}"/>')
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/_rels/document.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                        + "".join(doc_rels) + "</Relationships>",
        "word/document.xml": doc,
        "word/styles.xml": STYLES,
        "word/numbering.xml": NUMBERING,
    }
    if title:
        parts["docProps/core.xml"] = ('<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties '
                                      'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                                      f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title></cp:coreProperties>')
    parts.update(extra_parts)
    write_zip(path, parts)


def write_zip(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)


def assessment():
    """Label/value tables, runs, content controls, tick boxes of every kind, tracked changes."""
    split_runs = ('<w:p><w:r><w:t>Fam</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>ily </w:t></w:r>'
                  '<w:r><w:t>ID:</w:t></w:r><w:r><w:tab/><w:t>FF-0001</w:t></w:r></w:p>')
    sdt_value = ('<w:sdt><w:sdtPr><w:alias w:val="Lead"/></w:sdtPr><w:sdtContent>'
                 '<w:r><w:t>Zoë Łukasz</w:t></w:r></w:sdtContent></w:sdt>')
    sdt_placeholder = ('<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>'
                       '<w:r><w:t>Click or tap here to enter text.</w:t></w:r></w:sdtContent></w:sdt>')

    def w14box(checked):
        glyph = "☒" if checked else "☐"
        return ('<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="%d"/></w14:checkbox></w:sdtPr>'
                '<w:sdtContent><w:r><w:t>%s</w:t></w:r></w:sdtContent></w:sdt>' % (1 if checked else 0, glyph))

    def formbox(checked):
        state = '<w:checked/>' if checked else ''
        return ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:sizeAuto/>%s'
                '</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>' % state)

    rows = [
        tc("<w:p><w:r><w:t>Lead professional</w:t></w:r></w:p>") + tc(f"<w:p>{sdt_value}</w:p>"),
        tc("<w:p><w:r><w:t>Date of assessment</w:t></w:r></w:p>") +
        tc('<w:p><w:del w:id="1" w:author="A"><w:r><w:delText>01/10/2019</w:delText></w:r></w:del>'
           '<w:ins w:id="2" w:author="A"><w:r><w:t>14/11/2019</w:t></w:r></w:ins></w:p>'),
        tc("<w:p><w:r><w:t>Reason for assessment</w:t></w:r></w:p>") + tc(f"<w:p>{sdt_placeholder}</w:p>"),
        tc("<w:p><w:r><w:t>Consent given</w:t></w:r></w:p>") +
        tc(f'<w:p>{w14box(True)}<w:r><w:t xml:space="preserve"> Yes </w:t></w:r>{w14box(False)}<w:r><w:t xml:space="preserve"> No</w:t></w:r></w:p>'),
        tc("<w:p><w:r><w:t>Shared with DWP</w:t></w:r></w:p>") +
        tc(f'<w:p>{formbox(False)}<w:r><w:t xml:space="preserve"> Yes </w:t></w:r>{formbox(True)}<w:r><w:t xml:space="preserve"> No</w:t></w:r></w:p>'),
        tc("<w:p><w:r><w:t>Glyph ticks</w:t></w:r></w:p>") +
        tc('<w:p><w:r><w:t>✔ School ✗ Health ☐ Crime</w:t></w:r><w:r><w:sym w:font="Wingdings" w:char="F0FE"/></w:r></w:p>'),
    ]
    table = "<w:tbl>" + "".join(f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>"
    body = (p("Early Help Assessment", "Heading1") + split_runs + table +
            p("Household", "MySection") +
            '<w:p><w:r><w:t>Budget </w:t></w:r><w:r><w:t>£1,250</w:t></w:r><w:r><w:br/><w:t>second line</w:t></w:r></w:p>' +
            '<w:p><w:hyperlink r:id="rIdX0"><w:r><w:t>linked text</w:t></w:r></w:hyperlink>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "d MMMM yyyy" </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve"> 2 March 2020</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>' +
            p("") +
            '<w:p><w:del w:id="3" w:author="A"><w:r><w:delText>This whole paragraph was deleted.</w:delText></w:r></w:del></w:p>')
    write_docx(HERE / "assessment.docx", body, rels=[("hyperlink", "https://example.invalid/")], title="Early Help Assessment")


def tables_lists():
    """Merged cells, a nested table, a header row, numbered and bulleted lists."""
    header = "<w:trPr><w:tblHeader/></w:trPr>"
    nested = ("<w:tbl><w:tr>" + tc(p("inner A")) + tc(p("inner B")) + "</w:tr></w:tbl>")
    rows = [
        header + tc(p("Name")) + tc(p("Relationship")) + tc(p("Date of birth")),
        tc(p("Amira Quinn"), '<w:vMerge w:val="restart"/>') + tc(p("Mother"), '<w:gridSpan w:val="2"/>'),
        tc(p(""), "<w:vMerge/>") + tc(p("Notes") + nested) + tc(p("01/02/1985")),
        tc(p("Ollie Quinn")) + tc(p("Son")) + tc(p("3rd March 2012")),
    ]
    table = "<w:tbl>" + "".join(f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>"
    body = (p("Family Plan", "Heading1") + table +
            p("First outcome", None, (1, 0)) + p("Sub point", None, (1, 1)) + p("Second sub", None, (1, 1)) +
            p("Second outcome", None, (1, 0)) + p("A bullet", None, (2, 0)))
    write_docx(HERE / "tables_lists.docx", body)


def parts():
    """Header, footer, footnote, endnote, comment and a text box, each kept apart from the body."""
    hdr = f'<?xml version="1.0"?><w:hdr {W}>{p("Fernshire County Council")}</w:hdr>'
    ftr = f'<?xml version="1.0"?><w:ftr {W}>{p("OFFICIAL-SENSITIVE")}</w:ftr>'
    notes = (f'<?xml version="1.0"?><w:footnotes {W}><w:footnote w:type="separator" w:id="-1">{p("")}</w:footnote>'
             f'<w:footnote w:id="1">{p("Attendance figure from the school.")}</w:footnote></w:footnotes>')
    endnotes = f'<?xml version="1.0"?><w:endnotes {W}><w:endnote w:id="1">{p("Endnote text.")}</w:endnote></w:endnotes>'
    comments = (f'<?xml version="1.0"?><w:comments {W}><w:comment w:id="0" w:author="Reviewer">'
                f'{p("Check this date.")}</w:comment></w:comments>')
    textbox = ('<w:r><w:drawing><wp:inline><wp:docPr id="1" name="Box"/><a:graphic><a:graphicData>'
               '<wps:wsp><wps:txbx><w:txbxContent>' + p("Text inside a box") +
               '</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')
    body = ('<w:p><w:r><w:t>Body with a note</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'
            '<w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve"> and a comment</w:t></w:r>'
            '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>' +
            f"<w:p>{textbox}<w:r><w:t>After the box</w:t></w:r></w:p>")
    write_docx(HERE / "parts.docx", body,
               extra_parts={"word/header1.xml": hdr, "word/footer1.xml": ftr, "word/footnotes.xml": notes,
                            "word/endnotes.xml": endnotes, "word/comments.xml": comments},
               rels=[("header", "header1.xml"), ("footer", "footer1.xml"), ("footnotes", "footnotes.xml"),
                     ("endnotes", "endnotes.xml"), ("comments", "comments.xml")])


def emphasis():
    """Answers marked by run formatting (bold, underline, strike, highlight, shading, a bold
    character style, bold turned off again) and answers written as tick boxes in text."""
    def r(text, rpr=""):
        props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
        return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'

    def para(*runs):
        return "<w:p>" + "".join(runs) + "</w:p>"

    B, U, S, D = "<w:b/>", '<w:u w:val="single"/>', "<w:strike/>", "<w:dstrike/>"
    HL, SHD = '<w:highlight w:val="yellow"/>', '<w:shd w:val="clear" w:color="auto" w:fill="FFFF00"/>'
    STRONG = '<w:rStyle w:val="Strong"/>'
    body = (
        para(r("Consent given: "), r("YES", B), r(" / NO")) +
        para(r("Shared with school: Yes / "), r("No", S)) +
        para(r("Yes "), r("No", HL)) +
        para(r("Yes", U), r(" | No")) +
        para(r("Met / "), r("Partly met", STRONG), r(" / Not met")) +
        para(r("Yes", B), r(" / "), r("No", B), r(" / N/A")) +
        para(r("Yes / No", B)) +
        para(r("Yes", STRONG + '<w:b w:val="0"/>'), r(" / No")) +
        para(r("Yes ☐ No ☒")) +
        para(r("[X] Yes [ ] No")) +
        para(r("(x) Yes ( ) No")) +
        para(r("Family ID: TF-0042 and "), r("the family", B), r(" agreed the plan at the meeting")) +
        para(r("Yes", D), r(" / No")) +
        "<w:tbl><w:tr>" + tc(p("Consent to share")) +
        tc(para(r("Yes", SHD)) + para(r("No"))) + "</w:tr></w:tbl>" +
        "<w:tbl>" +
        "<w:tr>" + tc(p("Criterion")) + tc(p("Yes")) + tc(p("No")) + "</w:tr>" +
        "<w:tr>" + tc(p("Attends school regularly")) + tc(p("")) + tc(p("X")) + "</w:tr>" +
        "<w:tr>" + tc(p("Adult in work")) + tc(p("✓")) + tc(p("")) + "</w:tr>" +
        "</w:tbl>")
    styles = STYLES.replace("</w:styles>",
                            '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/>'
                            "<w:rPr><w:b/></w:rPr></w:style></w:styles>")
    write_docx(HERE / "emphasis.docx", body, extra_parts={"word/styles.xml": styles})


def alternate_path():
    """The main part found through _rels/.rels, not at word/document.xml."""
    body = p("Main part in an unusual place")
    doc = f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>'
    write_zip(HERE / "alternate_path.docx", {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="custom/main.xml"/></Relationships>',
        "custom/main.xml": doc,
    })


def bad_inputs():
    good = (HERE / "assessment.docx").read_bytes()
    (BAD / "truncated.docx").write_bytes(good[: len(good) // 2])
    (BAD / "not_a_zip.docx").write_bytes(b"This is plain text saved with a .docx name.\n")
    write_zip(BAD / "no_main_part.docx", {"[Content_Types].xml": CONTENT_TYPES, "word/styles.xml": STYLES})
    write_docx(BAD / "malformed.docx", "<w:p><w:r><w:t>unclosed</w:r></w:p>")
    bomb = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
            + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i else "")) * 10}">' for i in range(1, 10))
            + f']>\n<w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
    write_zip(BAD / "entity_bomb.docx", {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": bomb,
    })
    xxe = (f'<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
           f'<w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')
    write_zip(BAD / "xxe.docx", {"word/document.xml": xxe})
    # 80 MiB of zeros: past the 64 MiB default entry limit, at a ratio of about 1000:1.
    write_zip(BAD / "zip_bomb.docx", {
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": b"<" + b" " * (80 << 20)})
    # The same bomb with sizes that lie: the headers declare 1,000 bytes.
    data = bytearray((BAD / "zip_bomb.docx").read_bytes())
    idx = data.find(b"word/document.xml")
    lying = patch_sizes(data, b"word/document.xml", 1000)
    (BAD / "zip_bomb_lying.docx").write_bytes(lying)
    (BAD / "legacy.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    (BAD / "letter.rtf").write_bytes(b"{\\rtf1\\ansi Hello}\n")
    (BAD / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    (BAD / "empty.docx").write_bytes(b"")


def patch_sizes(data, name, size):
    """Rewrites the uncompressed size of entry `name` in its local header and central directory."""
    import struct
    out = bytearray(data)
    pos = 0
    while True:
        pos = out.find(name, pos)
        if pos < 0:
            break
        # Local header: name at offset 30; uncompressed size at 22. Central: name at 46; size at 24.
        if out[pos - 30:pos - 26] == b"PK\x03\x04":
            struct.pack_into("<I", out, pos - 30 + 22, size)
        elif out[pos - 46:pos - 42] == b"PK\x01\x02":
            struct.pack_into("<I", out, pos - 46 + 24, size)
        pos += len(name)
    return bytes(out)


if __name__ == "__main__":
    import sys
    if sys.argv[1:] == ["emphasis"]:  # only the emphasis fixture: the others stay byte for byte
        emphasis()
        sys.exit(0)
    BAD.mkdir(exist_ok=True)
    assessment()
    tables_lists()
    parts()
    alternate_path()
    emphasis()
    bad_inputs()
