#!/usr/bin/env python3
"""Writes the .odt fixtures for tests/unit/test_odt.cpp. Every name and case detail is invented.

Run from anywhere: python3 tests/data/odt/make-fixtures.py
- features.odt: content.xml/styles.xml/meta.xml written by hand to cover what LibreOffice's HTML
  import cannot make: notes, comments, tracked changes, form check boxes, text boxes, headers and
  footers, heading styles by parent chain, list styles, spans, nested tables.
- libreoffice.odt: made by LibreOffice from libreoffice.html (real-world structure); skipped
  when soffice is missing.
- bad inputs: truncated.odt, not-a-zip.odt, no-content.odt, malformed.odt, entity-bomb.odt,
  zip-bomb.odt (8 MiB entry, about 8 KiB on disk), high-ratio.odt (2 MiB of white space inside
  valid XML, ratio far over 200), lying-size.odt (declares 100 bytes, inflates to 4 MiB),
  spreadsheet.odt (an OpenDocument spreadsheet renamed).
"""
import os
import shutil
import struct
import subprocess
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
STAMP = (2019, 11, 14, 9, 30, 0)

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:form="urn:oasis:names:tc:opendocument:xmlns:form:1.0" '
    'xmlns:xforms="http://www.w3.org/2002/xforms" '
    'office:version="1.3"'
)

MIME_TEXT = "application/vnd.oasis.opendocument.text"


def write_zip(name, entries, mimetype=MIME_TEXT):
    """entries: list of (name, bytes|str). mimetype first and stored, as ODF requires."""
    path = os.path.join(HERE, name)
    with zipfile.ZipFile(path, "w") as z:
        if mimetype is not None:
            zi = zipfile.ZipInfo("mimetype", STAMP)
            zi.compress_type = zipfile.ZIP_STORED
            z.writestr(zi, mimetype)
        for n, data in entries:
            zi = zipfile.ZipInfo(n, STAMP)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode("utf-8") if isinstance(data, str) else data)
    return path


MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""

META = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta {NS}><office:meta><dc:title>Early Help Assessment – Family TF-0042</dc:title>
<meta:generator>make-fixtures.py</meta:generator></office:meta></office:document-meta>
"""

STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NS}>
<office:styles>
 <style:style style:name="Standard" style:family="paragraph"/>
 <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"/>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1"/>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2"/>
 <style:style style:name="Section_20_Title" style:display-name="Section Title" style:family="paragraph" style:parent-style-name="Heading_20_2"/>
 <style:style style:name="Not_20_A_20_Heading" style:display-name="Not A Heading" style:family="paragraph" style:parent-style-name="Heading_20_1" style:default-outline-level=""/>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading"/>
 <text:list-style style:name="Numbering_20_123" style:display-name="Numbering 123">
  <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>
  <text:list-level-style-number text:level="2" style:num-suffix=")" style:num-format="a"/>
  <text:list-level-style-number text:level="3" style:num-suffix="." style:num-format="i"/>
 </text:list-style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="MP1" style:family="paragraph" style:parent-style-name="Standard"/>
 <style:page-layout style:name="pm1"/>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p text:style-name="MP1">Hertmoor Council – Early Help<text:tab/>OFFICIAL</text:p></style:header>
  <style:header-left style:display="false"><text:p>Hidden left header</text:p></style:header-left>
  <style:footer><text:p>Page <text:page-number text:select-page="current">1</text:page-number> of <text:page-count>2</text:page-count></text:p></style:footer>
 </style:master-page>
 <style:master-page style:name="Empty" style:page-layout-name="pm1"><style:header><text:p/></style:header></style:master-page>
</office:master-styles>
</office:document-styles>
"""

CONTENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NS}>
<office:automatic-styles>
 <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Section_20_Title"/>
 <style:style style:name="P2" style:family="paragraph" style:parent-style-name="Standard"/>
 <style:style style:name="P3" style:family="paragraph" style:parent-style-name="Not_20_A_20_Heading"/>
 <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 <text:list-style style:name="L1">
  <text:list-level-style-bullet text:level="1" text:bullet-char="•"/>
  <text:list-level-style-bullet text:level="2" text:bullet-char="&#xE00A;"/>
 </text:list-style>
</office:automatic-styles>
<office:body><office:text>
<office:forms form:automatic-focus="false" form:apply-design-mode="false">
 <form:form form:name="Standard" form:apply-filter="true" form:command-type="table">
  <form:checkbox form:name="ConsentYes" form:control-implementation="ooo:com.sun.star.form.component.CheckBox" xml:id="control1" form:id="control1" form:label="Yes" form:current-state="checked" form:image-position="center"><form:properties/></form:checkbox>
  <form:checkbox form:name="ConsentNo" form:control-implementation="ooo:com.sun.star.form.component.CheckBox" xml:id="control2" form:id="control2" form:label="No" form:current-state="unchecked" form:image-position="center"/>
  <form:checkbox form:name="Declined" xml:id="control3" form:id="control3" form:label="Declined" form:state="checked" form:current-state="unchecked"/>
 </form:form>
</office:forms>
<text:tracked-changes text:track-changes="false">
 <text:changed-region xml:id="ct1" text:id="ct1"><text:deletion><office:change-info><dc:creator>Pat Example</dc:creator><dc:date>2019-11-14T10:00:00</dc:date></office:change-info><text:p>DELETED-WORDING not engaged</text:p></text:deletion></text:changed-region>
 <text:changed-region xml:id="ct2" text:id="ct2"><text:insertion><office:change-info><dc:creator>Pat Example</dc:creator><dc:date>2019-11-14T10:00:00</dc:date></office:change-info></text:insertion></text:changed-region>
 <text:changed-region xml:id="ct3" text:id="ct3"><text:deletion><office:change-info><dc:creator>Pat Example</dc:creator><dc:date>2019-11-14T10:01:00</dc:date></office:change-info><text:p>DELETED-PARAGRAPH whole</text:p></text:deletion></text:changed-region>
</text:tracked-changes>
<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>
<text:p text:style-name="Title">Early Help Assessment</text:p>
<text:h text:style-name="Heading_20_1" text:outline-level="1">Family details</text:h>
<text:p text:style-name="P2">Family ID: <text:span text:style-name="T1">TF-</text:span><text:span>0042</text:span></text:p>
<text:p text:style-name="P2"/>
<text:p>Lead professional: Zoë Łukasz<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Family keyworker since <text:span>2019</text:span>.</text:p></text:note-body></text:note> (keyworker)</text:p>
<text:p>Budget £1,250<office:annotation office:name="c1"><dc:creator>Alex Sample</dc:creator><dc:date>2019-11-14T09:00:00</dc:date><text:p>Check the amount with finance.</text:p></office:annotation> agreed<office:annotation-end office:name="c1"/> at panel.</text:p>
<text:p>Status: <text:change text:change-id="ct1"/><text:change-start text:change-id="ct2"/>engaged<text:change-end text:change-id="ct2"/> with support.</text:p>
<text:change text:change-id="ct3"/>
<text:p>Spacing:<text:s text:c="3"/>three<text:tab/>tab<text:line-break/>new line<text:soft-page-break/> and   collapsed
  white space, see <text:a xlink:type="simple" xlink:href="https://example.org/plan">the plan</text:a>.</text:p>
<text:p>Date of assessment: <text:date style:data-style-name="N37" text:date-value="2019-11-14">14/11/2019</text:date>, page <text:page-number text:select-page="current">1</text:page-number><text:note text:id="edn1" text:note-class="endnote"><text:note-citation>i</text:note-citation><text:note-body><text:p>Assessment started late.</text:p></text:note-body></text:note></text:p>
<text:p>Consent to share with DWP: <draw:control text:anchor-type="as-char" draw:control="control1" svg:width="1cm" svg:height="0.5cm"/><draw:control text:anchor-type="as-char" draw:control="control2" svg:width="1cm" svg:height="0.5cm"/></text:p>
<text:p>Family declined: <draw:control text:anchor-type="as-char" draw:control="control3"/></text:p>
<text:p>School attendance ☒ Yes ☐ No ✓ ✗</text:p>
<text:p text:style-name="P2"><draw:frame draw:name="Frame1" text:anchor-type="paragraph" svg:width="5cm"><draw:text-box><text:p>Worry: rent arrears of £1,250.</text:p><text:p>Second line of the box.</text:p></draw:text-box></draw:frame>Paragraph with a text box.</text:p>
<text:p text:style-name="P2"><draw:frame draw:name="Image1"><draw:image xlink:href="Pictures/none.png"><svg:title>IMAGE-TITLE</svg:title></draw:image></draw:frame></text:p>
<text:p text:style-name="P1">What we are worried about</text:p>
<text:p text:style-name="P3">Styled but not a heading</text:p>
<text:h text:outline-level="3">Plan outcomes</text:h>
<text:list text:style-name="L1">
 <text:list-item><text:p>Attend school every day</text:p>
  <text:list><text:list-item><text:p>Morning routine chart</text:p></text:list-item></text:list>
 </text:list-item>
 <text:list-item><text:p>Reduce rent arrears</text:p><text:p>Continuation paragraph of item two.</text:p></text:list-item>
</text:list>
<text:list text:style-name="Numbering_20_123">
 <text:list-item><text:p>Outcome 1: attendance above 90%</text:p>
  <text:list>
   <text:list-item><text:p>Action 1.1: school meeting</text:p></text:list-item>
   <text:list-item><text:p>Action 1.2: <text:span>daily check-in</text:span></text:p>
    <text:list><text:list-item><text:p>Deep item</text:p></text:list-item></text:list>
   </text:list-item>
  </text:list>
 </text:list-item>
 <text:list-item><text:p>Outcome 2: no police call-outs</text:p></text:list-item>
</text:list>
<text:p>Between the lists.</text:p>
<text:list text:style-name="Numbering_20_123" text:continue-numbering="true">
 <text:list-item><text:p>Outcome 3: continues numbering</text:p></text:list-item>
</text:list>
<text:list text:style-name="Numbering_20_123">
 <text:list-item text:start-value="7"><text:p>Restarted at seven</text:p></text:list-item>
 <text:list-item><text:list><text:list-item><text:p>Only a nested item</text:p></text:list-item></text:list></text:list-item>
</text:list>
<table:table table:name="Household">
 <table:table-column table:number-columns-repeated="3"/>
 <table:table-header-rows>
  <table:table-row>
   <table:table-cell office:value-type="string"><text:p>Name</text:p></table:table-cell>
   <table:table-cell><text:p>Relationship</text:p></table:table-cell>
   <table:table-cell><text:p>Date of birth</text:p></table:table-cell>
  </table:table-row>
 </table:table-header-rows>
 <table:table-row>
  <table:table-cell><text:p>Zoë Łukasz</text:p></table:table-cell>
  <table:table-cell><text:p>Mother</text:p></table:table-cell>
  <table:table-cell><text:p>01/02/1985</text:p></table:table-cell>
 </table:table-row>
 <table:table-row>
  <table:table-cell table:number-columns-spanned="2"><text:p>Spans two columns</text:p></table:table-cell>
  <table:covered-table-cell/>
  <table:table-cell table:number-rows-spanned="2"><text:p>Spans two rows</text:p></table:table-cell>
 </table:table-row>
 <table:table-row>
  <table:table-cell><text:p>Kit Łukasz</text:p><text:p>Second paragraph</text:p></table:table-cell>
  <table:table-cell><text:p/></table:table-cell>
  <table:covered-table-cell/>
 </table:table-row>
</table:table>
<table:table table:name="Criteria">
 <table:table-row>
  <table:table-cell table:number-columns-spanned="2" table:number-rows-spanned="2"><text:p>Block 2x2</text:p></table:table-cell>
  <table:covered-table-cell/>
  <table:table-cell><text:p>Right 1</text:p></table:table-cell>
 </table:table-row>
 <table:table-row>
  <table:covered-table-cell/><table:covered-table-cell/>
  <table:table-cell><text:p>Right 2</text:p></table:table-cell>
 </table:table-row>
 <table:table-row>
  <table:table-cell><text:p>Crime ☐</text:p></table:table-cell>
  <table:table-cell>
   <table:table>
    <table:table-row><table:table-cell><text:p>Inner A</text:p></table:table-cell><table:table-cell><text:p>Inner B</text:p></table:table-cell></table:table-row>
    <table:table-row><table:table-cell><text:p>Inner C</text:p></table:table-cell><table:table-cell><text:p>Inner D</text:p></table:table-cell></table:table-row>
   </table:table>
  </table:table-cell>
  <table:table-cell><text:p>Before nested</text:p>
   <table:table><table:table-row><table:table-cell><text:p>Deep</text:p></table:table-cell></table:table-row></table:table>
   <text:list text:style-name="L1"><text:list-item><text:p>Cell bullet</text:p></text:list-item></text:list>
  </table:table-cell>
 </table:table-row>
</table:table>
<text:section text:name="Section1"><text:p>Inside a section.</text:p></text:section>
<text:p>Closing paragraph.</text:p>
</office:text></office:body></office:document-content>
"""


def features():
    write_zip("features.odt", [("content.xml", CONTENT), ("styles.xml", STYLES), ("meta.xml", META),
                               ("META-INF/manifest.xml", MANIFEST)])


def emphasis():
    """emphasis.odt: answers marked by text:span formatting (bold, underline, line-through,
    background colour; a named text style in styles.xml inherited by an automatic one; bold
    turned off again inside a bold span) and answers written as tick boxes in text."""
    styles = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NS}>
<office:styles>
 <style:style style:name="Standard" style:family="paragraph"/>
 <style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
</office:styles>
</office:document-styles>
"""

    def sp(style, text):
        return f'<text:span text:style-name="{style}">{text}</text:span>'

    def para(*parts):
        return '<text:p text:style-name="Standard">' + "".join(parts) + "</text:p>"

    def cell(*paras):
        return '<table:table-cell office:value-type="string">' + "".join(paras) + "</table:table-cell>"

    body = (
        para("Consent given: ", sp("T1", "YES"), " / NO") +
        para("Shared with school: Yes / ", sp("T3", "No")) +
        para("Yes ", sp("T4", "No")) +
        para(sp("T2", "Yes"), " | No") +
        para("Met / ", sp("T6", "Partly met"), " / Not met") +
        para(sp("T1", "Yes"), " / ", sp("T1", "No"), " / N/A") +
        para(sp("T1", "Yes / No")) +
        para(sp("T1", sp("T5", "Yes")), " / No") +
        para("Yes ☐ No ☒") +
        para("[X] Yes [ ] No") +
        para("(x) Yes ( ) No") +
        para("Family ID: TF-0042 and ", sp("T1", "the family"), " agreed the plan at the meeting") +
        para(sp("T7", "Yes"), " / No") +
        '<table:table table:name="Consent"><table:table-column table:number-columns-repeated="2"/><table:table-row>' +
        cell(para("Consent to share")) + cell(para(sp("T4", "Yes")), para("No")) +
        "</table:table-row></table:table>" +
        '<table:table table:name="Criteria"><table:table-column table:number-columns-repeated="3"/>' +
        "<table:table-row>" + cell(para("Criterion")) + cell(para("Yes")) + cell(para("No")) + "</table:table-row>" +
        "<table:table-row>" + cell(para("Attends school regularly")) + cell() + cell(para("X")) + "</table:table-row>" +
        "<table:table-row>" + cell(para("Adult in work")) + cell(para("✓")) + cell() + "</table:table-row>" +
        "</table:table>")
    content = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NS}>
<office:automatic-styles>
 <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="T2" style:family="text"><style:text-properties style:text-underline-style="solid" style:text-underline-width="auto"/></style:style>
 <style:style style:name="T3" style:family="text"><style:text-properties style:text-line-through-style="solid" style:text-line-through-type="single"/></style:style>
 <style:style style:name="T4" style:family="text"><style:text-properties fo:background-color="#ffff00"/></style:style>
 <style:style style:name="T5" style:family="text"><style:text-properties fo:font-weight="normal"/></style:style>
 <style:style style:name="T6" style:family="text" style:parent-style-name="Strong_20_Emphasis"/>
 <style:style style:name="T7" style:family="text"><style:text-properties style:text-line-through-style="solid" fo:font-weight="normal"/></style:style>
</office:automatic-styles>
<office:body><office:text>{body}</office:text></office:body></office:document-content>
"""
    write_zip("emphasis.odt", [("content.xml", content), ("styles.xml", styles), ("META-INF/manifest.xml", MANIFEST)])


def simple_content(body):
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {NS}><office:body>'
            f"<office:text>{body}</office:text></office:body></office:document-content>\n")


def bad_inputs():
    with open(os.path.join(HERE, "features.odt"), "rb") as f:
        data = f.read()
    with open(os.path.join(HERE, "truncated.odt"), "wb") as f:
        f.write(data[: len(data) // 2])
    with open(os.path.join(HERE, "not-a-zip.odt"), "w", encoding="utf-8") as f:
        f.write("This is a plain text file wearing an .odt extension.\n")
    write_zip("no-content.odt", [("styles.xml", STYLES), ("META-INF/manifest.xml", MANIFEST)])
    write_zip("malformed.odt", [("content.xml", simple_content("<text:p>Unclosed paragraph</text:q>"))])
    bomb = ('<?xml version="1.0"?>\n<!DOCTYPE office:document-content [\n <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">\n'
            + "".join(f' <!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">\n' for i in range(9))
            + ']>\n' + f'<office:document-content {NS}><office:body><office:text><text:p>&j;</text:p>'
            '</office:text></office:body></office:document-content>\n')
    write_zip("entity-bomb.odt", [("content.xml", bomb)])
    # 8 MiB of zeros: stays small on disk, inflates far past a small max_entry_bytes.
    write_zip("zip-bomb.odt", [("content.xml", b"\0" * (8 << 20))])
    # Valid XML padded with 2 MiB of white space: over ratio_floor and ~1000:1.
    write_zip("high-ratio.odt", [("content.xml", simple_content("<text:p>padded</text:p>" + " " * (2 << 20)))])
    # Declares 100 bytes in both headers, inflates to 4 MiB: only a counted read catches it.
    path = write_zip("lying-size.odt", [("content.xml", simple_content("<text:p>lie</text:p>" + " " * (4 << 20)))])
    with open(path, "rb") as f:
        buf = bytearray(f.read())
    real = len(simple_content("<text:p>lie</text:p>" + " " * (4 << 20)).encode())
    patched = 0
    for sig, off in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        i = buf.find(sig)
        while i != -1:
            if struct.unpack_from("<I", buf, i + off)[0] == real:
                struct.pack_into("<I", buf, i + off, 100)
                patched += 1
            i = buf.find(sig, i + 4)
    assert patched == 2, patched
    with open(path, "wb") as f:
        f.write(buf)
    sheet = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {NS}><office:body>'
             '<office:spreadsheet><table:table table:name="Sheet1"/></office:spreadsheet></office:body>'
             '</office:document-content>\n')
    write_zip("spreadsheet.odt", [("content.xml", sheet)], mimetype="application/vnd.oasis.opendocument.spreadsheet")


def libreoffice():
    soffice = shutil.which("soffice")
    if not soffice:
        print("soffice not found: libreoffice.odt not regenerated")
        return
    with tempfile.TemporaryDirectory() as tmp:
        profile = "file://" + os.path.join(tmp, "profile")
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "odt",
                        "--outdir", tmp, os.path.join(HERE, "libreoffice.html")],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copy(os.path.join(tmp, "libreoffice.odt"), os.path.join(HERE, "libreoffice.odt"))


if __name__ == "__main__":
    import sys
    if sys.argv[1:] == ["emphasis"]:  # only the emphasis fixture: the others stay byte for byte
        emphasis()
        sys.exit(0)
    features()
    emphasis()
    bad_inputs()
    libreoffice()
    print("odt fixtures written to", HERE)
