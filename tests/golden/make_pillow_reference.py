#!/usr/bin/python3
"""Writes what Pillow makes of every file in tests/data/pillow-cases/, the
reference tests/js/pillow-parity.test.js compares the core's decoder with.

Run by hand with Debian's /usr/bin/python3 (python3-pil, Pillow 9.4) and commit
the results:

    /usr/bin/python3 tests/golden/make_pillow_reference.py

expected.json, per file:
  format, mode, size   Pillow's format, natural mode and frame-0 size
  rgba_sha256          sha256 of Image.open(f).convert('RGBA').tobytes()
  sixteen_bit          whether the source stores 16 bits per sample
  natural              the frame in Pillow's own mode: 'mode', the sha256 of
                       its pixels (mode 1 as one byte per pixel, 0 or 255, the
                       way the core stores it), for mode P the palette (RGB
                       triplets, as many entries as Pillow's palette has), and
                       Pillow's transparency if it keeps one
  reference            "pillow" or, where Pillow 9.4 misreads the file, what is
                       compared instead (see below); pillow_rgba_sha256 then
                       keeps Pillow 9.4's own digest
  refused              Pillow refuses the file (pillow_error: its message); the
                       core must refuse it too
JPEG files are compared exactly too: the core decodes them with the same
libjpeg-turbo code Pillow links.

Pillow 9.4's BMP RLE reader has two reading errors: a delta escape consumes 4
bytes instead of 2, and an RLE4 absolute run of an odd number of pixels reads
one byte too few (dropping the last nibble and losing the 16-bit alignment);
both turn the rest of the image into noise (BMP Suite's g/pal4rle.bmp, a
valid file, among them). For RLE files the reference is Pillow's header,
palette and mode with the pixel indexes expanded by expand_rle() below, which
follows the BMP specification there and Pillow everywhere else (encoded runs
stop at the row's end, absolute runs don't, skipped pixels are index 0).
"""
import hashlib
import json
import os
import sys

# libjpeg-turbo's SIMD IDCTs (picked by the CPU) and its portable C IDCT give
# different pixels for blocks with corrupt coefficients; the C one is the same
# on every machine, so the JPEG references use it.
os.environ["JSIMD_FORCENONE"] = "1"

import PIL  # noqa: E402
from PIL import Image  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "..", "data", "pillow-cases")
IMAGE_SUFFIXES = (".png", ".gif", ".bmp", ".jpg", ".jpeg", ".tga", ".psd")


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def expand_rle(data, offset, width, height, rle4):
    """Pixel indexes of an RLE8/RLE4 stream, in file row order."""
    total = width * height
    out = bytearray(total)
    pos = x = 0
    p = offset

    def put(value):
        nonlocal pos
        if pos < total:
            out[pos] = value
        pos += 1

    while pos < total and p + 2 <= len(data):
        count, code = data[p], data[p + 1]
        p += 2
        if count:
            count = max(0, min(count, width - x))
            for i in range(count):
                put((code & 15 if i % 2 else code >> 4) if rle4 else code)
            x += count
        elif code == 0:
            pos = -(-pos // width) * width
            x = 0
        elif code == 1:
            break
        elif code == 2:
            pos += data[p] + data[p + 1] * width
            x = pos % width
            p += 2
        else:
            nbytes = (code + 1) // 2 if rle4 else code
            run = data[p : p + nbytes]
            for i in range(code):
                put((run[i // 2] & 15 if i % 2 else run[i // 2] >> 4) if rle4 else run[i])
            p += nbytes
            x += code
            if (p - offset) % 2:
                p += 1
    return bytes(out)


def rle_reference(path, im):
    """The RGBA bytes of a BMP RLE file as described in the docstring."""
    with open(path, "rb") as f:
        data = f.read()
    offset = int.from_bytes(data[10:14], "little")
    height = int.from_bytes(data[22:26], "little", signed=True)
    rle4 = int.from_bytes(data[30:34], "little") == 2
    width, rows = im.size
    indexes = expand_rle(data, offset, width, rows, rle4)
    frame = Image.frombytes("P" if im.mode == "P" else "L", im.size, indexes)
    if im.mode == "P":
        frame.putpalette(im.getpalette())
    if height > 0:  # bottom-up rows
        frame = frame.transpose(Image.Transpose.FLIP_TOP_BOTTOM)
    return frame


def natural(im):
    mode = im.mode
    entry = {"mode": mode}
    if mode == "1":
        entry["sha256"] = sha256(im.convert("L").tobytes())
    else:
        entry["sha256"] = sha256(im.tobytes())
    if mode == "P":
        entry["palette"] = im.getpalette()  # RGB triplets, Pillow's palette length
    transparency = im.info.get("transparency")
    if transparency is not None:
        entry["transparency"] = list(transparency) if isinstance(transparency, (bytes, tuple)) else transparency
    return entry


def png_chunks(data):
    pos, out = 8, []
    while pos + 8 <= len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        out.append((data[pos + 4 : pos + 8], pos, length))
        pos += 12 + length
    return out


def write_derived():
    """PNG files whose image data is complete but whose end is not: made from
    1_trns.png (its IHDR, tRNS, IDAT, IEND) into derived/, each with what
    Pillow makes of it (some it refuses, and so must the core)."""
    with open(os.path.join(CASES, "1_trns.png"), "rb") as f:
        png = f.read()
    idat = [pos for cid, pos, _ in png_chunks(png) if cid == b"IDAT"][-1]
    iend = [pos for cid, pos, _ in png_chunks(png) if cid == b"IEND"][0]
    variants = {
        "png_cut_after_idat.png": png[:iend],
        "png_idat_without_crc.png": png[: iend - 4],
        "png_junk_after_idat.png": png[:iend] + bytes([0x13, 0x37, 0xDE, 0xAD, 0xBE, 0xEF, 0, 1, 2, 3]),
        "png_cut_inside_idat.png": png[: idat + 8 + 100],
    }
    os.makedirs(os.path.join(CASES, "derived"), exist_ok=True)
    for name, data in variants.items():
        with open(os.path.join(CASES, "derived", name), "wb") as out:
            out.write(data)
    # Natural modes 1 and I: a bilevel and a 16-bit grey PNG, written by Pillow.
    width, height = 37, 21
    bilevel = Image.new("1", (width, height))
    bilevel.putdata([255 if (x * y + x) % 3 else 0 for y in range(height) for x in range(width)])
    bilevel.save(os.path.join(CASES, "derived", "png_bilevel.png"))
    grey16 = Image.new("I;16", (width, height))
    grey16.putdata([(x * 1777 + y * 3001) % 65536 for y in range(height) for x in range(width)])
    grey16.save(os.path.join(CASES, "derived", "png_grey16.png"))


def main():
    if not PIL.__version__.startswith("9.4."):
        sys.exit(f"Pillow 9.4 (Debian bookworm's python3-pil) expected, found {PIL.__version__}")
    write_derived()
    expected = {}
    names = [n for n in os.listdir(CASES) if n.lower().endswith(IMAGE_SUFFIXES)]
    names += ["derived/" + n for n in os.listdir(os.path.join(CASES, "derived"))]
    for name in sorted(names):
        path = os.path.join(CASES, name)
        try:
            with Image.open(path) as im:
                im.load()
        except (OSError, SyntaxError, ValueError) as error:
            expected[name] = {"refused": True, "pillow_error": str(error)}
            continue
        with Image.open(path) as im:
            sixteen = im.mode.startswith("I;16") or im.mode == "I" or im.info.get("bits") == 16
            fmt = im.format
            im.load()
            reference = "pillow"
            frame = im
            if fmt == "BMP" and im.info.get("compression") in (1, 2):
                frame = rle_reference(path, im)
                if frame.tobytes() != im.tobytes():
                    reference = "pillow-header-spec-rle"
            rgba = frame.convert("RGBA").tobytes()
            entry = {
                "format": fmt,
                "mode": im.mode,
                "size": list(im.size),
                "rgba_sha256": sha256(rgba),
                "sixteen_bit": sixteen,
                "natural": natural(frame),
                "reference": reference,
            }
            if reference != "pillow":
                entry["pillow_rgba_sha256"] = sha256(im.convert("RGBA").tobytes())
        expected[name] = entry
    with open(os.path.join(CASES, "expected.json"), "w") as out:
        json.dump(expected, out, indent=1, sort_keys=True)
        out.write("\n")
    print(f"{len(expected)} files, Pillow {PIL.__version__}")


if __name__ == "__main__":
    main()
