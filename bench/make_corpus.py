#!/usr/bin/env python3
"""Writes a synthetic benchmark corpus of N case bundles from samples/bundles/.

    python3 bench/make_corpus.py OUT_DIR [N]        (N defaults to 2000)

Bundle i (0-based) is a copy of the i-th sample bundle, round-robin over the sorted
samples/bundles/* of the first three house styles (BENCH_STYLES), in its own folder OUT_DIR/NNNNNN-<sample name>. Every family reference in it
is rewritten to one that is unique in the whole corpus, so that TF-DUPLICATE does not fire:

- .docx/.odt: every .xml entry of the zip that carries the reference is rewritten and deflated
  again; the other entries are copied as they are (raw compressed bytes), in the same order,
  with the same names, methods and timestamps (so odt's stored `mimetype` stays first).
- .html and .csv: a plain byte replacement (references are ASCII in every encoding used).
- file names carrying the reference (Brackenford's EHM_EH-30017_plan.html) are renamed too.
- .pdf: copied unchanged (their text is glyph codes in compressed streams).

A PDF cannot be rewritten, so a bundle whose text PDFs carry its reference (kestrel-clean-2,
kestrel-one-criterion, kestrel-duplicate-b) is copied whole, with its original reference, the first
time the round-robin reaches it; later copies of it leave those PDFs out (a PDF that still carried the
old reference would split the folder into two cases and make that old reference a duplicate). A
bundle left with no document at all (kestrel-duplicate-b) is skipped on later rounds. Scanned PDFs
(no text, no reference) are copied every time.

The new reference keeps the council's format: the last run of digits becomes the bundle number
(6 digits) plus the reference's index in the bundle (flat-intake holds two families):
FF-1001 -> FF-0000420, KV/2018/0042 -> KV/2018/0000420, EH-40152 -> EH-0000181.

Deterministic: the same N gives the same bytes. Standard library only.
"""
import os
import re
import shutil
import struct
import sys
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "samples", "bundles")
REF_RE = re.compile(rb"\b(FF-\d{4}|KV/\d{4}/\d{4}|EH-\d{5})\b")
# The benchmark stays on the three house styles its figures were measured on: the later sample
# councils (Ravensholt, Ellerdyke, Marrowick) carry references in other schemes and a truncated
# file, and would change the corpus the before/after figures compare.
BENCH_STYLES = ("fernshire-", "kestrel-", "brackenford-", "flat-intake")
DOC_EXT = (".docx", ".odt", ".html", ".htm", ".csv", ".pdf", ".xlsx", ".txt")


# ---------------------------------------------------------------------------------------
# Minimal zip reading and writing that keeps unchanged entries' compressed bytes.

class Entry:
    __slots__ = ("name", "method", "flags", "time", "date", "crc", "csize", "usize", "raw", "data",
                 "extra", "ext_attr", "int_attr", "version")


def read_zip(blob):
    """Entries of a zip (central directory order), each with raw compressed bytes and, for
    deflated/stored .xml entries, the inflated data."""
    eocd = blob.rfind(b"PK\x05\x06")
    if eocd < 0:
        raise ValueError("not a zip")
    n = struct.unpack_from("<H", blob, eocd + 10)[0]
    cd = struct.unpack_from("<I", blob, eocd + 16)[0]
    out = []
    p = cd
    for _ in range(n):
        (sig, version, _vneed, flags, method, tm, dt, crc, csize, usize, nlen, elen, clen, _disk,
         int_attr, ext_attr, off) = struct.unpack_from("<IHHHHHHIIIHHHHHII", blob, p)
        assert sig == 0x02014B50
        e = Entry()
        e.name = blob[p + 46:p + 46 + nlen]
        e.extra = b""
        e.version, e.flags, e.method, e.time, e.date = version, flags & ~0x08, method, tm, dt
        e.crc, e.csize, e.usize, e.int_attr, e.ext_attr = crc, csize, usize, int_attr, ext_attr
        p += 46 + nlen + elen + clen
        lnlen, lelen = struct.unpack_from("<HH", blob, off + 26)
        start = off + 30 + lnlen + lelen
        e.raw = blob[start:start + csize]
        e.data = None
        if e.name.endswith(b".xml"):
            if method == 8:
                e.data = zlib.decompress(e.raw, -15)
            elif method == 0:
                e.data = e.raw
        out.append(e)
    return out


def write_zip(entries):
    parts, central, off = [], [], 0
    for e in entries:
        local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, e.flags, e.method, e.time, e.date, e.crc,
                            len(e.raw), e.usize, len(e.name), 0) + e.name
        parts += [local, e.raw]
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, e.version, 20, e.flags, e.method,
                                   e.time, e.date, e.crc, len(e.raw), e.usize, len(e.name), 0, 0, 0,
                                   e.int_attr, e.ext_attr, off) + e.name)
        off += len(local) + len(e.raw)
    cd = b"".join(central)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(cd), off, 0)
    return b"".join(parts) + cd + end


# ---------------------------------------------------------------------------------------

class SourceFile:
    """One sample document, parsed once, rewritten per copy."""

    def __init__(self, path):
        self.name = os.path.basename(path)
        self.ext = os.path.splitext(self.name)[1].lower()
        with open(path, "rb") as f:
            self.blob = f.read()
        self.entries = read_zip(self.blob) if self.ext in (".docx", ".odt") else None
        if self.entries is not None:
            self.refs = set()
            for e in self.entries:
                if e.data is not None:
                    self.refs.update(REF_RE.findall(e.data))
        elif self.ext == ".pdf":
            self.refs = set()
        else:
            self.refs = set(REF_RE.findall(self.blob))
        # A PDF with fonts has a text layer, which may hold the reference.
        self.text_pdf = self.ext == ".pdf" and b"/Font" in self.blob

    def render(self, mapping):
        if self.ext == ".pdf" or not mapping:
            return self.blob
        if self.entries is None:
            out = self.blob
            for old, new in mapping:
                out = out.replace(old, new)
            return out
        new_entries = []
        for e in self.entries:
            if e.data is not None and any(old in e.data for old, _ in mapping):
                data = e.data
                for old, new in mapping:
                    data = data.replace(old, new)
                c = Entry()
                for k in Entry.__slots__:
                    setattr(c, k, getattr(e, k))
                c.data, c.usize, c.crc = data, len(data), zlib.crc32(data)
                if e.method == 8:
                    z = zlib.compressobj(6, zlib.DEFLATED, -15)
                    c.raw = z.compress(data) + z.flush()
                else:
                    c.raw = data
                new_entries.append(c)
            else:
                new_entries.append(e)
        return write_zip(new_entries)


class SourceBundle:
    def __init__(self, path):
        self.name = os.path.basename(path)
        self.files = [SourceFile(os.path.join(path, n)) for n in sorted(os.listdir(path))
                      if n.lower().endswith(DOC_EXT) and os.path.isfile(os.path.join(path, n))]
        refs = set()
        for f in self.files:
            refs |= f.refs
        self.refs = sorted(refs)
        # Text PDFs (probably) carry the bundle's reference and cannot be rewritten.
        self.fixed_pdfs = any(f.text_pdf for f in self.files)


def new_ref(old, bundle, j):
    m = list(re.finditer(rb"\d+", old))[-1]
    return old[:m.start()] + b"%06d%d" % (bundle, j) + old[m.end():]


def write_corpus(out_dir, n):
    sources = [SourceBundle(os.path.join(SAMPLES, d)) for d in sorted(os.listdir(SAMPLES))
               if os.path.isdir(os.path.join(SAMPLES, d)) and d.startswith(BENCH_STYLES)]
    if os.path.exists(out_dir):
        shutil.rmtree(out_dir)
    os.makedirs(out_dir)
    stats = {"bundles": 0, "files": 0, "bytes": 0}
    by_ext = {}
    i = src_i = 0
    while i < n:
        src = sources[src_i % len(sources)]
        first_round = src_i < len(sources)
        src_i += 1
        if src.fixed_pdfs and first_round:
            mapping, files = [], src.files  # as it is, original reference
        else:
            mapping = [(old, new_ref(old, i, j)) for j, old in enumerate(src.refs)]
            files = [f for f in src.files if not (src.fixed_pdfs and f.text_pdf)]
        if not files:
            continue
        folder = os.path.join(out_dir, "%06d-%s" % (i, src.name))
        os.mkdir(folder)
        for f in files:
            name = f.name.encode()
            for old, new in mapping:
                name = name.replace(old.replace(b"/", b"_"), new.replace(b"/", b"_"))
            data = f.render(mapping)
            with open(os.path.join(folder, name.decode()), "wb") as fh:
                fh.write(data)
            stats["files"] += 1
            stats["bytes"] += len(data)
            by_ext[f.ext] = by_ext.get(f.ext, 0) + 1
        stats["bundles"] += 1
        i += 1
    exts = ", ".join("%s %d" % (k.lstrip("."), v) for k, v in sorted(by_ext.items()))
    print("corpus: %d bundles, %d documents (%s), %.1f MB in %s" %
          (stats["bundles"], stats["files"], exts, stats["bytes"] / 1e6, out_dir))


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: make_corpus.py OUT_DIR [N]")
    n = int(sys.argv[2]) if len(sys.argv) == 3 else 2000
    if n < 1:
        sys.exit("N must be at least 1")
    write_corpus(sys.argv[1], n)


if __name__ == "__main__":
    main()
