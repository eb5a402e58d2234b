"""The one PDF file writer of the fixture and sample generators (tests/data/pdf/make-*.py,
samples/generate.py): numbered objects, a classic cross-reference table and a trailer, byte for
byte the same on every run. Standard library only.

    import sys, os; sys.path.insert(0, <project>/scripts); from pdfwrite import write_pdf
"""


def pdf_bytes(objects, root=1, info=None, version="1.7"):
    """The file holding `objects` (bodies, as bytes, of objects 1..n). `root` and `info` are the
    object numbers of the catalogue and of the document information dictionary (None: none)."""
    data = bytearray(b"%PDF-" + version.encode() + b"\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        assert body is not None, "object %d has no body" % i
        offsets.append(len(data))
        data += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        data += b"%010d 00000 n \n" % off
    info_ref = b" /Info %d 0 R" % info if info else b""
    data += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, info_ref, xref)
    return bytes(data)


def write_pdf(path, objects, root=1, info=None, version="1.7"):
    with open(path, "wb") as f:
        f.write(pdf_bytes(objects, root, info, version))
