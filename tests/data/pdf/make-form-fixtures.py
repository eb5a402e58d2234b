#!/usr/bin/env python3
"""Writes the fillable-form fixtures of the PDF reader (standard library only; all data synthetic).

form.pdf: a page of static labels with an AcroForm filled in: a text field ("FF-2001") right of
"Family reference:", two check boxes Yes (on) and No (Off) after "Consent given:", a hidden
field that must not be read, a multi-line text field, a choice field whose value is an export
value, a radio group, a UTF-16 text value and a push button. Every widget has an appearance
stream, as a viewer would save it; the reader must not read those (they are not page content).

form-only.pdf: a page with no text in its content at all, only filled-in fields.

Usage: make-form-fixtures.py [DIR] (default: this script's directory). qpdf --check passes.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "scripts"))
from pdfwrite import write_pdf  # noqa: E402

# Helvetica's widths (AFM), codes 32-126.
HELV = [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584]


def width(s, size):
    return sum(HELV[ord(c) - 32] for c in s) * size / 1000.0


def pdf_string(s):
    return b"(" + s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1") + b")"


def utf16_string(s):
    return b"<FEFF" + s.encode("utf-16-be").hex().upper().encode() + b">"


def stream(dict_extra, payload):
    return b"<< /Length %d %s >>\nstream\n" % (len(payload), dict_extra) + payload + b"\nendstream"


class Pdf:
    def __init__(self):
        self.objects = []

    def add(self, body=None):
        self.objects.append(body)
        return len(self.objects)

    def set(self, num, body):
        self.objects[num - 1] = body

    def write(self, path, root):
        write_pdf(path, self.objects, root)


def rect(r):
    return b"[%s]" % b" ".join(b"%g" % v for v in r)


class Form:
    """One page with static text and form fields."""

    def __init__(self):
        self.pdf = Pdf()
        self.catalog = self.pdf.add()
        self.pages = self.pdf.add()
        self.page = self.pdf.add()
        self.helv = self.pdf.add(
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126"
            b" /Widths [" + b" ".join(b"%d" % w for w in HELV) + b"] >>")
        self.zadb = self.pdf.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats >>")
        self.content = b""
        self.annots = []  # widget object numbers on the page
        self.fields = []  # top-level field object numbers

    def text(self, x, y, s, size=11):
        self.content += b"BT /F1 %g Tf %g %g Td %s Tj ET\n" % (size, x, y, pdf_string(s))

    def appearance(self, r, payload):
        w, h = r[2] - r[0], r[3] - r[1]
        return self.pdf.add(stream(
            b"/Type /XObject /Subtype /Form /BBox [0 0 %g %g] /Resources << /Font << /Helv %d 0 R /ZaDb %d 0 R >> >>"
            % (w, h, self.helv, self.zadb), payload))

    def text_appearance(self, r, value, size):
        h = r[3] - r[1]
        lines = value.split("\r")
        y = h - 2 - 0.8 * size if len(lines) > 1 else (h - size) / 2 + 0.22 * size
        body = b"/Tx BMC q BT /Helv %g Tf 0 g 2 %g Td %g TL" % (size, y, size * 1.15)
        for i, line in enumerate(lines):
            body += (b" T* " if i else b" ") + pdf_string(line) + b" Tj"
        return self.appearance(r, body + b" ET Q EMC\n")

    def box_appearances(self, r, on):
        n_on = self.appearance(r, b"q BT /ZaDb 8 Tf 0 g 1.5 2 Td (4) Tj ET Q 0 G 0.5 0.5 9 9 re S\n")
        n_off = self.appearance(r, b"q 0 G 0.5 0.5 9 9 re S Q\n")
        return b"/AP << /N << /%s %d 0 R /Off %d 0 R >> >>" % (on.encode(), n_on, n_off)

    def text_field(self, name, r, value, size=11, flags=0, hidden=False, split=False, value_obj=None, extra=b""):
        """A text field; split=True makes it a field with a kid widget (inherited /FT and /V)."""
        v = value_obj if value_obj is not None else pdf_string(value)
        ap = self.text_appearance(r, value if value_obj is None else "", size)
        widget = b"/Type /Annot /Subtype /Widget /Rect %s /F %d /AP << /N %d 0 R >>" % (rect(r), 2 if hidden else 4, ap)
        field = b"/FT /Tx /T %s /V %s /DA (/Helv %g Tf 0 g) /Ff %d%s" % (pdf_string(name), v, size, flags, extra)
        if split:
            parent = self.pdf.add()
            kid = self.pdf.add(b"<< %s /Parent %d 0 R >>" % (widget, parent))
            self.pdf.set(parent, b"<< %s /Kids [%d 0 R] >>" % (field, kid))
            self.fields.append(parent)
            self.annots.append(kid)
        else:
            num = self.pdf.add(b"<< %s %s >>" % (widget, field))
            self.fields.append(num)
            self.annots.append(num)

    def check_box(self, name, r, on):
        state = b"/Yes" if on else b"/Off"
        num = self.pdf.add(b"<< /Type /Annot /Subtype /Widget /Rect %s /F 4 /FT /Btn /T %s /V %s /AS %s"
                           b" /DA (/ZaDb 0 Tf 0 g) /MK << /CA (4) >> %s >>"
                           % (rect(r), pdf_string(name), state, state, self.box_appearances(r, "Yes")))
        self.fields.append(num)
        self.annots.append(num)

    def radio_group(self, name, kids, chosen):
        """kids: (state name, rect); the parent's /V names the chosen kid's state."""
        parent = self.pdf.add()
        nums = []
        for state, r in kids:
            s = state.encode()
            nums.append(self.pdf.add(b"<< /Type /Annot /Subtype /Widget /Rect %s /F 4 /Parent %d 0 R /AS /%s %s >>"
                                     % (rect(r), parent, s if state == chosen else b"Off", self.box_appearances(r, state))))
        self.pdf.set(parent, b"<< /FT /Btn /Ff %d /T %s /V /%s /DA (/ZaDb 0 Tf 0 g) /Kids [%s] >>"
                     % ((1 << 15) | (1 << 14), pdf_string(name), chosen.encode(), b" ".join(b"%d 0 R" % n for n in nums)))
        self.fields.append(parent)
        self.annots.extend(nums)

    def choice(self, name, r, options, value, size=11):
        opt = b" ".join(b"[%s %s]" % (pdf_string(e), pdf_string(d)) for e, d in options)
        shown = dict(options)[value]
        ap = self.text_appearance(r, shown, size)
        num = self.pdf.add(b"<< /Type /Annot /Subtype /Widget /Rect %s /F 4 /AP << /N %d 0 R >> /FT /Ch /Ff %d /T %s"
                           b" /Opt [%s] /V %s /DA (/Helv %g Tf 0 g) >>"
                           % (rect(r), ap, 1 << 17, pdf_string(name), opt, pdf_string(value), size))
        self.fields.append(num)
        self.annots.append(num)

    def push_button(self, name, r, caption):
        ap = self.appearance(r, b"q BT /Helv 10 Tf 4 5 Td %s Tj ET Q\n" % pdf_string(caption))
        num = self.pdf.add(b"<< /Type /Annot /Subtype /Widget /Rect %s /F 4 /FT /Btn /Ff %d /T %s /MK << /CA %s >>"
                           b" /AP << /N %d 0 R >> >>" % (rect(r), 1 << 16, pdf_string(name), pdf_string(caption), ap))
        self.fields.append(num)
        self.annots.append(num)

    def write(self, path):
        p = self.pdf
        content = p.add(stream(b"", self.content))
        p.set(self.catalog, b"<< /Type /Catalog /Pages %d 0 R /AcroForm << /Fields [%s] /DA (/Helv 0 Tf 0 g)"
              b" /DR << /Font << /Helv %d 0 R /ZaDb %d 0 R >> >> >> >>"
              % (self.pages, b" ".join(b"%d 0 R" % f for f in self.fields), self.helv, self.zadb))
        p.set(self.pages, b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % self.page)
        p.set(self.page, b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >>"
              b" /Contents %d 0 R /Annots [%s] >>"
              % (self.pages, self.helv, content, b" ".join(b"%d 0 R" % a for a in self.annots)))
        p.write(path, self.catalog)


def label(form, x, y, s, size=11):
    """Draws a label; returns where it ends."""
    form.text(x, y, s, size)
    return x + width(s, size)


def make_form(path):
    f = Form()
    f.text(72, 760, "Early Help Assessment", 16)
    f.text(72, 735, "Please complete every part of this form.")
    # Text field right of its label, a field with a kid widget (inherited /FT, /V and /DA).
    end = label(f, 72, 700, "Family reference:")
    f.text_field("family_ref", [end + 3, 695, end + 133, 713], "FF-2001", split=True)
    # Check boxes, each before its word.
    end = label(f, 72, 670, "Consent given:")
    x = end + 4
    f.check_box("consent_yes", [x, 667, x + 10, 677], True)
    end = label(f, x + 14, 670, "Yes")
    x = end + 4
    f.check_box("consent_no", [x, 667, x + 10, 677], False)
    label(f, x + 14, 670, "No")
    # A hidden field: never shown, never read.
    f.text_field("internal", [72, 630, 300, 648], "HIDDEN-VALUE-X", hidden=True)
    # A multi-line text field beside its label (its value's lines are kept).
    end = label(f, 72, 610, "Notes:")
    f.text_field("notes", [end + 3, 560, 420, 622], "First line of the notes\rSecond line", flags=1 << 12)
    # A combo box whose value is an export value: the display text is shown.
    end = label(f, 72, 540, "Lead agency:")
    f.choice("agency", [end + 3, 535, end + 153, 553], [("csc", "Children's services"), ("edu", "Education")], "edu")
    # A radio group: the parent's /V picks the kid whose "on" state it names.
    end = label(f, 72, 510, "Risk level:")
    x = end + 4
    kids = []
    for word in ("Low", "High"):
        kids.append((word, [x, 507, x + 10, 517]))
        x = label(f, x + 14, 510, word) + 4
    f.radio_group("risk", kids, "High")
    # A UTF-16 value.
    end = label(f, 72, 480, "Keyworker:")
    f.text_field("keyworker", [end + 3, 475, end + 153, 493], "", value_obj=utf16_string("Zoë Łukasz"))
    # A push button draws its caption only in its appearance: nothing to read.
    f.push_button("print", [72, 420, 140, 440], "Print form")
    f.text(72, 400, "End of form.")
    f.write(path)


def make_form_only(path):
    f = Form()
    f.content = b"0.5 w 70 690 m 300 690 l S\n"  # a rule, no text
    f.text_field("family_ref", [72, 695, 300, 713], "FF-3003")
    f.check_box("consent", [72, 667, 82, 677], True)
    f.write(path)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    make_form(os.path.join(out, "form.pdf"))
    make_form_only(os.path.join(out, "form-only.pdf"))


if __name__ == "__main__":
    main()
