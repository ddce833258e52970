#!/usr/bin/python3
"""Writes tests/data/convert_golden.json: Pillow 9.4's Image.convert(mode) on
small deterministic images, for every ordered pair of the 12 modes.

Run with the Debian system Python, which has Pillow 9.4:
    /usr/bin/python3 tests/golden/make_convert_golden.py

Bytes are base64 of the layout the C++ core uses: Image.tobytes() for every
mode except "1", which is one byte per pixel (0 or 255) as Pillow stores it
internally, and P, whose palette is stored separately (Image.getpalette()).
"""
import base64
import json
import os
import random
import struct

import PIL
from PIL import Image

MODES = ["1", "L", "LA", "P", "RGB", "RGBA", "CMYK", "YCbCr", "LAB", "HSV", "I", "F"]
SMALL = (8, 6)
# Large enough for Floyd–Steinberg errors to travel across rows and columns.
DITHER = (16, 16)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "convert_golden.json")


def b64(data):
    return base64.b64encode(bytes(data)).decode("ascii")


def raster_bytes(im):
    if im.mode == "1":
        return bytes(im.convert("L").tobytes())
    return im.tobytes()


def make_image(mode, size, data, palette=None):
    w, h = size
    if mode == "1":
        return Image.frombytes("L", size, bytes(data)).convert("1", dither=Image.Dither.NONE)
    if mode == "I":
        return Image.frombytes("I", size, struct.pack("<%di" % (w * h), *data))
    if mode == "F":
        return Image.frombytes("F", size, struct.pack("<%df" % (w * h), *data))
    im = Image.frombytes(mode, size, bytes(data))
    if palette is not None:
        im.putpalette(palette)
    return im


def byte_sources(mode, rng):
    """Edge values, a gradient and random pixels for an 8-bit mode."""
    bands = len(Image.new(mode, (1, 1)).getbands())
    n_small = SMALL[0] * SMALL[1]
    levels = [0, 255, 1, 254, 127, 128]
    edges = []
    for i in range(n_small):
        edges += [levels[(i // (len(levels) ** b)) % len(levels)] for b in range(bands)]
    gradient = []
    for y in range(SMALL[1]):
        for x in range(SMALL[0]):
            gradient += [(x * 36 + y * 5 + b * 80) % 256 for b in range(bands)]
    noise = [rng.randrange(256) for _ in range(DITHER[0] * DITHER[1] * bands)]
    return [("edges", SMALL, edges), ("gradient", SMALL, gradient), ("random", DITHER, noise)]


def sources():
    rng = random.Random(20240611)
    out = []
    for mode in MODES:
        if mode == "1":
            n = SMALL[0] * SMALL[1]
            imgs = [
                ("checker", SMALL, [255 if (i + i // SMALL[0]) % 2 else 0 for i in range(n)]),
                ("random", DITHER, [rng.choice([0, 255]) for _ in range(DITHER[0] * DITHER[1])]),
            ]
            out += [(mode, name, size, data, None) for name, size, data in imgs]
        elif mode == "P":
            # A 40-entry palette; indices past its end (Pillow 9.4 fills those
            # entries with a grey ramp) are part of the edges image.
            palette = [rng.randrange(256) for _ in range(40 * 3)]
            palette[:6] = [0, 0, 0, 255, 255, 255]
            n = SMALL[0] * SMALL[1]
            edges = [i % 40 for i in range(n - 4)] + [40, 128, 200, 255]
            noise = [rng.randrange(40) for _ in range(DITHER[0] * DITHER[1])]
            out.append((mode, "edges", SMALL, edges, palette))
            out.append((mode, "random", DITHER, noise, palette))
            full = [rng.randrange(256) for _ in range(256 * 3)]
            out.append((mode, "full_palette", SMALL, [rng.randrange(256) for _ in range(n)], full))
        elif mode == "I":
            special = [0, 1, -1, 127, 128, 254, 255, 256, -255, 1000, -1000, 65535, 65536,
                       2147483647, -2147483648, 16777217, -16777217, 300, 12, 200]
            n = SMALL[0] * SMALL[1]
            edges = (special * 3)[:n]
            noise = [rng.randrange(-100, 400) for _ in range(DITHER[0] * DITHER[1])]
            out.append((mode, "edges", SMALL, edges, None))
            out.append((mode, "random", DITHER, noise, None))
        elif mode == "F":
            # Values with a defined result for every target: F→I is a C cast
            # in Pillow, undefined (platform dependent) for NaN, infinities
            # and values outside the int32 range, so those are left out.
            special = [0.0, -0.0, 0.25, 0.5, 0.75, 1.5, 127.5, 128.0, 254.5, 254.99, 255.0, 255.5,
                       256.0, -0.5, -1.0, -300.25, 1e6, -1e6, 2147483520.0, -2147483648.0,
                       16777217.0, 3.0e9 / 2, 1e-30, 99.999]
            n = SMALL[0] * SMALL[1]
            edges = (special * 2)[:n]
            noise = [struct.unpack("<f", struct.pack("<f", rng.uniform(-40.0, 300.0)))[0]
                     for _ in range(DITHER[0] * DITHER[1])]
            out.append((mode, "edges", SMALL, edges, None))
            out.append((mode, "random", DITHER, noise, None))
        else:
            out += [(mode, name, size, data, None) for name, size, data in byte_sources(mode, rng)]
    return out


def main():
    doc = {"pillow": PIL.__version__, "sources": [], "cases": []}
    for mode, name, size, data, palette in sources():
        im = make_image(mode, size, data, palette)
        entry = {"name": mode + "/" + name, "mode": mode, "width": size[0], "height": size[1],
                 "data": b64(raster_bytes(im))}
        if mode == "P":
            entry["palette"] = b64(im.getpalette())
        doc["sources"].append(entry)
        for target in MODES:
            case = {"source": entry["name"], "target": target}
            try:
                converted = im.convert(target)
            except ValueError as e:
                case["error"] = str(e)
            else:
                case["data"] = b64(raster_bytes(converted))
                if target == "P":
                    case["palette"] = b64(converted.getpalette())
            doc["cases"].append(case)
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=0, separators=(",", ":"))
        f.write("\n")
    print("wrote %s: %d sources, %d cases, %d bytes" % (
        os.path.normpath(OUT), len(doc["sources"]), len(doc["cases"]), os.path.getsize(OUT)))


if __name__ == "__main__":
    main()
