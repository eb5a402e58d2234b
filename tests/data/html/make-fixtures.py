#!/usr/bin/env python3
"""Writes the HTML fixtures whose bytes matter (legacy charsets, UTF-16).

Run from anywhere: python3 tests/data/html/make-fixtures.py. All names and data are invented.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

# Smart quotes, pound sign, en dash and euro: the bytes Word puts into Windows-1252 pages.
BODY = ("<p>Rent arrears: \u00a3420 \u2013 \u201cagreed\u201d with the family\u2019s keyworker "
        "(\u20ac0 owed abroad).</p>\n<p>Caf\u00e9 visit: Ren\u00e9e Sch\u00f6n</p>\n")


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


# Declared windows-1252.
write("cp1252-declared.html",
      ("<html><head><meta charset=\"windows-1252\"><title>Claim Evidence \u2013 "
       "\u00a3</title></head>\n<body>\n" + BODY + "</body></html>\n").encode("cp1252"))

# Nothing declared and not valid UTF-8: read as Windows-1252.
write("cp1252-undeclared.html",
      ("<html><body>\n" + BODY + "</body></html>\n").encode("cp1252"))

# Declared ISO-8859-1 through http-equiv; browsers (and tfaudit) read the label as
# Windows-1252, so the 0x93/0x94 smart quotes still come out right.
write("latin1-declared.html",
      (b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
       b"</head>\n<body>\n<p>Family ref: FAM-0042 \xb7 Ren\xe9e Sch\xf6n \xa3" b"15</p>\n"
       b"<p>\x93Quoted\x94 note \xbd done</p>\n</body></html>\n"))

# UTF-16LE with a byte-order mark, and characters outside Latin-1 and the BMP.
write("utf16le-bom.html",
      b"\xff\xfe" + ("<html><head><meta charset=\"utf-16\"><title>Whole Family Plan</title></head>\n"
                     "<body>\n<h1>Whole Family Plan</h1>\n<p>Zo\u00eb \u0141ukasz \u2612 consent "
                     "\u2610 declined \U0001F600</p>\n</body></html>\n").encode("utf-16-le"))
