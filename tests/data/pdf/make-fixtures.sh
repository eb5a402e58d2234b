#!/usr/bin/env bash
# Regenerates the PDF reader's fixtures in this directory. Needs LibreOffice (soffice), qpdf and
# python3 (standard library only). All content is synthetic. The generated PDFs are committed;
# rerunning changes their timestamps and IDs but not their text.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A private LibreOffice profile, so parallel runs do not share one.
lo=(soffice "-env:UserInstallation=file://$work/profile" --headless)

# report.pdf: two pages. Page 1: heading, paragraphs with Unicode and ligatures, a label/value
# table. Page 2: tick boxes and a closing paragraph.
cat >"$work/report.html" <<'HTML'
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Family Support Review</title>
<style>body { font-family: "DejaVu Sans"; font-size: 11pt; } td { padding: 2pt 6pt; }</style></head>
<body>
<h1>Family Support Review</h1>
<p>This synthetic review describes the office workflows of a support team in the first quarter.</p>
<p>The keyworker Zoë Łukasz approved £1,250 for a fluffy toy library and first aid training.</p>
<table border="1" cellspacing="0">
<tr><td>Family reference</td><td>TF-0001</td></tr>
<tr><td>Keyworker</td><td>Zoë Łukasz</td></tr>
<tr><td>Budget</td><td>£1,250</td></tr>
</table>
<p>Effective official offers finish the first page.</p>
<h2 style="page-break-before: always">Consent</h2>
<p>☒ Yes ☐ No</p>
<p>The second page closes the review with a final note about efficient staff. This paragraph is long
enough to wrap over several lines of the page, so that the reader has to join wrapped lines back into
one paragraph while keeping the paragraphs before and after it apart from it.</p>
<p>Last line.</p>
</body></html>
HTML
"${lo[@]}" --convert-to pdf --outdir "$work" "$work/report.html" >/dev/null 2>&1
cp "$work/report.pdf" "$here/report.pdf"

# tables.pdf: a bordered table with a bold header row and cells whose text wraps over several
# lines, a bordered label/value table, a borderless table and a bulleted list (which is not a
# table). (LibreOffice sets this document on page 2, leaving page 1 blank.)
cat >"$work/tables.html" <<'HTML'
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Hard Data Check</title>
<style>body { font-family: "DejaVu Sans"; font-size: 10pt; } td, th { padding: 2pt 4pt; text-align: left; vertical-align: top; }</style></head>
<body>
<p>Hard data for the family.</p>
<table border="1" cellspacing="0" width="600">
<tr><th width="25%">Criterion</th><th width="20%">Family member</th><th width="20%">Measure</th><th width="20%">Period start</th><th width="15%">Value</th></tr>
<tr><td>Staying safe in the community after dark</td><td>Artem Petrenko</td><td>Incidents</td><td>15/10/2018</td><td>4</td></tr>
<tr><td>Getting a good education</td><td>Sofia Petrenko-Harrington</td><td>Attendance (%) over the autumn term</td><td>15/10/2018</td><td>81.3</td></tr>
</table>
<p>Family details.</p>
<table border="1" cellspacing="0">
<tr><td>Family ID</td><td>FF-1001</td></tr>
<tr><td>Lead practitioner</td><td>Priya Raman</td></tr>
</table>
<p>Next steps without borders.</p>
<table border="0" cellspacing="0" width="600">
<tr><td width="30%">Action</td><td width="40%">Who</td><td width="30%">By when</td></tr>
<tr><td>Weekly walking group</td><td>Family support worker</td><td>31/12/2018</td></tr>
<tr><td>Referral to Talking Therapies for low mood and anxiety</td><td>GP</td><td>10/12/2018</td></tr>
</table>
<ul><li>First point with a short text.</li><li>Second point, also short.</li></ul>
<p>Last line.</p>
</body></html>
HTML
"${lo[@]}" --convert-to pdf --outdir "$work" "$work/tables.html" >/dev/null 2>&1
cp "$work/tables.pdf" "$here/tables.pdf"

# Encrypted copies under every standard security handler with an empty user password (each
# opens without asking): AES-256, AES-128, 128-bit RC4 and 40-bit RC4; and one with a real user
# password, which must be reported as needing it.
qpdf --encrypt "" owner-secret 256 -- "$here/report.pdf" "$here/encrypted-empty.pdf"
qpdf --static-id --encrypt "" owner-secret 128 --use-aes=y -- "$here/report.pdf" "$here/encrypted-aes128.pdf"
qpdf --static-id --allow-weak-crypto --encrypt "" owner-secret 128 --use-aes=n -- "$here/report.pdf" "$here/encrypted-rc4-128.pdf"
qpdf --static-id --allow-weak-crypto --encrypt "" owner-secret 40 -- "$here/report.pdf" "$here/encrypted-rc4-40.pdf"
qpdf --encrypt user-secret owner-secret 256 -- "$here/report.pdf" "$here/encrypted-user.pdf"
# encrypted-unknown-handler.pdf: the 128-bit RC4 copy with its security handler renamed from
# /Standard to /Unknown1 (same length, so offsets hold): no reader can decrypt it, and it must
# say so rather than call the file damaged.
python3 -c 'import sys; d=open(sys.argv[1],"rb").read(); open(sys.argv[2],"wb").write(d.replace(b"/Filter /Standard", b"/Filter /Unknown1", 1))' \
  "$here/encrypted-rc4-128.pdf" "$here/encrypted-unknown-handler.pdf"

# truncated.pdf: the first half of report.pdf. random.pdf: 4 KB of seeded random bytes.
size=$(stat -c %s "$here/report.pdf")
head -c $((size / 2)) "$here/report.pdf" >"$here/truncated.pdf"
python3 -c 'import random,sys; r=random.Random(2015); sys.stdout.buffer.write(bytes(r.randrange(256) for _ in range(4096)))' >"$here/random.pdf"

# scan.pdf (a page holding only an image, as a scanner makes) and xobject.pdf (hand-written:
# text inside a form XObject, TJ kerning, hex strings, Tm/T*/' operators, a /Differences
# ligature glyph), written by a small Python script so every byte is under control.
python3 - "$here" <<'PY'
import sys, zlib
out_dir = sys.argv[1]

sys.path.insert(0, out_dir + "/../../../scripts")
import pdfwrite

def write_pdf(path, objects):
    """objects: list of bytes bodies for objects 1..n; object 1 is the catalog."""
    pdfwrite.write_pdf(path, objects, version="1.4")

def stream(dict_extra, payload, compress=True):
    if compress:
        payload = zlib.compress(payload)
        dict_extra += b" /Filter /FlateDecode"
    return b"<< /Length %d %s >>\nstream\n" % (len(payload), dict_extra) + payload + b"\nendstream"

# A grey 64x64 "scan": noise-free gradient, Flate compressed.
w = h = 64
pixels = bytes((x * 4 + y) % 256 for y in range(h) for x in range(w))
write_pdf(out_dir + "/scan.pdf", [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
    stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8" % (w, h), pixels),
    stream(b"", b"q 500 0 0 700 47 70 cm /Im1 Do Q\n"),
])

# xobject.pdf: Helvetica with WinAnsi plus a /Differences entry mapping code 0x80 to /fi.
page = (b"BT /F1 14 Tf 72 770 Td (Form XObject test) Tj ET\n"
        b"BT /F1 11 Tf 1 0 0 1 72 740 Tm [(Ke) 20 (rned) -250 (words)] TJ 14 TL T* <48657820737472696E67> Tj"
        b" (Next line by quote) ' (Ligature: \x80nd the \x80le) ' ET\n"
        b"q 1 0 0 1 72 600 cm /Fm1 Do Q\n"
        b"BT /F1 11 Tf 72 500 Td (After the form.) Tj ET\n")
form = b"BT /F1 11 Tf 0 20 Td (Text inside a form XObject.) Tj 0 -14 Td (Second form line.) Tj ET\n"
write_pdf(out_dir + "/xobject.pdf", [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> /XObject << /Fm1 6 0 R >> >> /Contents 5 0 R >>",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [128 /fi] >> >>",
    stream(b"", page, compress=False),
    stream(b"/Type /XObject /Subtype /Form /BBox [0 0 400 100] /Resources << /Font << /F1 4 0 R >> >>", form, compress=False),
])

# fonts.pdf: a composite font (Type0, Identity-H, two-byte codes) whose ToUnicode CMap uses
# bfchar, bfrange with a start value, bfrange with an array, a range over 256 codes and a
# ligature target; widths from /W and /DW; and a Wingdings font whose ToUnicode gives the
# private-use code points Word writes for tick boxes.
tounicode = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CMapName /Synth-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
4 beginbfchar
<0003> <0020>
<0100> <0066006C>
<0101> <2612>
<0102> <2610>
endbfchar
3 beginbfrange
<0010> <0029> <0061>
<0050> <0052> [<0059> <0065> <0073>]
<1000> <1FFF> <4E00>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""
wingdings_cmap = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <00> <FF> endcodespacerange
2 beginbfchar <FD> <F0FD> <A8> <F0A8> endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end
"""
page = (b"BT /F3 11 Tf 72 770 Td <01000024001500150028> Tj <0003> Tj <005000510052> Tj <0003> Tj <1001> Tj ET\n"
        b"BT /F2 11 Tf 72 740 Td (\xfd) Tj /F1 11 Tf ( Yes ) Tj /F2 11 Tf (\xa8) Tj /F1 11 Tf ( No) Tj ET\n"
        b"BT /F3 11 Tf 72 710 Td <005000510052> Tj ET BT /F3 11 Tf 95 710 Td <0010> Tj ET"
        b" BT /F3 11 Tf 140 710 Td <0011> Tj ET\n"
        b"BT /F3 11 Tf 72 680 Td <0101> Tj <0003> Tj <0102> Tj ET\n"
        b"BT /F1 11 Tf 72 650 Td (We agreed a follow-) Tj 0 -13 Td (up visit in May.) Tj ET\n")
write_pdf(out_dir + "/fonts.pdf", [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R /F3 6 0 R >> >> /Contents 7 0 R >>",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Wingdings /ToUnicode 8 0 R >>",
    b"<< /Type /Font /Subtype /Type0 /BaseFont /SynthCID /Encoding /Identity-H /DescendantFonts [9 0 R] /ToUnicode 10 0 R >>",
    stream(b"", page, compress=False),
    stream(b"", wingdings_cmap),
    b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SynthCID /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
    b" /FontDescriptor 11 0 R /DW 600 /W [3 [250] 16 41 500] /CIDToGIDMap /Identity >>",
    stream(b"", tounicode),
    b"<< /Type /FontDescriptor /FontName /SynthCID /Flags 32 /FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800"
    b" /Descent -200 /CapHeight 700 /StemV 80 >>",
])

# forms-bomb.pdf: twelve levels of forms, each drawing the next ten times (10^11 draws): the
# reader must give up on the page quickly, keeping what it read.
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X 6 0 R >> /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream(b"", b"BT /F1 9 Tf 72 800 Td (Text before the forms.) Tj ET /X Do", compress=False)]
for level in range(12):
    num = 6 + level
    if level < 11:
        objs.append(stream(b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X %d 0 R >> >>" % (num + 1),
                           b"/X Do " * 10, compress=False))
    else:
        objs.append(stream(b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /Font << /F1 4 0 R >> >>",
                           b"BT /F1 9 Tf 0 0 Td (boom) Tj ET", compress=False))
write_pdf(out_dir + "/forms-bomb.pdf", objs)
PY
# mixed.pdf: the report's two pages followed by the scanned page.
qpdf --empty --pages "$here/report.pdf" "$here/scan.pdf" -- "$here/mixed.pdf"
# form.pdf and form-only.pdf: fillable forms with their fields filled in, written object by object
# (see make-form-fixtures.py); form-encrypted.pdf: form.pdf under an empty user password (AES-256).
python3 "$here/make-form-fixtures.py" "$here"
qpdf --encrypt "" owner-secret 256 -- "$here/form.pdf" "$here/form-encrypted.pdf"
# hostile/: the regression corpus of files that once crashed or hung the reader or made it work
# without bound (see make-hostile-fixtures.py).
python3 "$here/make-hostile-fixtures.py" "$here/hostile"
ls -l "$here"/*.pdf
