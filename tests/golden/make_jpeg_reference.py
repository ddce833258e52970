#!/usr/bin/python3
"""Writes the JPEG decoding reference: what Pillow 9.4 makes of a set of JPEG
files, for tests/js/jpeg-decode.test.js and tests/cpp/jpeg_decode_test.cpp to
compare the core's decoder with, byte for byte.

Run by hand with Debian's /usr/bin/python3 (python3-pil, Pillow 9.4) and
cjpeg (apt-get install libjpeg-turbo-progs, for restart intervals and
arithmetic coding, which Pillow cannot write), and commit the results:

    /usr/bin/python3 tests/golden/make_jpeg_reference.py

It writes tests/data/jpeg/*.jpg, made from tests/data/photos/hopper.png (every
chroma subsampling Pillow writes, progressive, grey, Adobe CMYK, restart
intervals, arithmetic coding, sizes that are no multiple of the MCU), and
tests/data/jpeg/expected.json, keyed by path under tests/data/, for those and
for every other JPEG file in tests/data/:
  size, mode           Pillow's size and natural mode (L, RGB or CMYK)
  natural_sha256       sha256 of Image.open(f).tobytes()
  rgba_sha256          sha256 of Image.open(f).convert('RGBA').tobytes()
  refused              Pillow refuses the file (pillow_error: its message)
"""
import hashlib
import io
import json
import os
import subprocess
import sys
import tempfile

# libjpeg-turbo's SIMD IDCTs (picked by the CPU) and its portable C IDCT give
# different pixels for blocks with corrupt coefficients; the C one is the same
# on every machine and is the one the core builds.
os.environ["JSIMD_FORCENONE"] = "1"

import PIL  # noqa: E402
from PIL import Image  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "data"))
OUT = os.path.join(DATA, "jpeg")


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def pil_bytes(im, **options):
    buf = io.BytesIO()
    im.save(buf, "JPEG", **options)
    return buf.getvalue()


def cjpeg(im, args):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "src.ppm" if im.mode == "RGB" else "src.pgm")
        im.save(src)
        return subprocess.run(["cjpeg", *args, src], check=True, stdout=subprocess.PIPE).stdout


def generated(photo):
    odd = photo.crop((5, 9, 22, 22))          # 17x13
    odd_wide = photo.crop((30, 40, 67, 63))   # 37x23
    cmyk = photo.convert("CMYK")
    return {
        "hopper_444.jpg": pil_bytes(photo, quality=90, subsampling=0),
        "hopper_422.jpg": pil_bytes(photo, quality=90, subsampling=1),
        "hopper_420.jpg": pil_bytes(photo, quality=90, subsampling=2),
        "hopper_420_q50.jpg": pil_bytes(photo, quality=50, subsampling=2),
        "hopper_progressive_420.jpg": pil_bytes(photo, quality=85, progressive=True),
        "hopper_progressive_444.jpg": pil_bytes(photo, quality=85, progressive=True, subsampling=0),
        "hopper_optimized.jpg": pil_bytes(photo, quality=85, optimize=True),
        "hopper_grey.jpg": pil_bytes(photo.convert("L"), quality=85),
        "hopper_grey_progressive.jpg": pil_bytes(photo.convert("L"), quality=85, progressive=True),
        # Pillow writes CMYK inverted, with an Adobe marker, as Photoshop does.
        "hopper_cmyk_adobe.jpg": pil_bytes(cmyk, quality=90),
        "hopper_cmyk_progressive.jpg": pil_bytes(cmyk, quality=90, progressive=True),
        "hopper_restart_420.jpg": cjpeg(photo, ["-quality", "85", "-sample", "2x2", "-restart", "3B"]),
        "hopper_restart_rows_422.jpg": cjpeg(photo, ["-quality", "85", "-sample", "2x1", "-restart", "1"]),
        "hopper_arithmetic.jpg": cjpeg(photo, ["-quality", "85", "-arithmetic"]),
        "hopper_arithmetic_progressive.jpg": cjpeg(photo, ["-quality", "85", "-arithmetic", "-progressive"]),
        "hopper_rgb_colorspace.jpg": cjpeg(photo, ["-quality", "85", "-rgb"]),
        "odd_17x13_420.jpg": pil_bytes(odd, quality=90, subsampling=2),
        "odd_17x13_422.jpg": pil_bytes(odd, quality=90, subsampling=1),
        "odd_17x13_progressive.jpg": pil_bytes(odd, quality=90, progressive=True),
        "odd_37x23_420.jpg": pil_bytes(odd_wide, quality=75, subsampling=2),
        "odd_37x23_grey.jpg": pil_bytes(odd_wide.convert("L"), quality=75),
        "odd_37x23_h1v2.jpg": cjpeg(odd_wide, ["-quality", "80", "-sample", "1x2"]),
    }


def main():
    if not PIL.__version__.startswith("9.4."):
        sys.exit(f"Pillow 9.4 (Debian bookworm's python3-pil) expected, found {PIL.__version__}")
    os.makedirs(OUT, exist_ok=True)
    with Image.open(os.path.join(DATA, "photos", "hopper.png")) as photo:
        photo.load()
        for name, data in generated(photo.convert("RGB")).items():
            with open(os.path.join(OUT, name), "wb") as out:
                out.write(data)
    names = sorted(
        os.path.relpath(os.path.join(d, f), DATA)
        for d, _, files in os.walk(DATA)
        for f in files
        if f.lower().endswith((".jpg", ".jpeg"))
    )
    expected = {}
    for name in names:
        path = os.path.join(DATA, name)
        try:
            with Image.open(path) as im:
                im.load()
                expected[name] = {
                    "size": list(im.size),
                    "mode": im.mode,
                    "natural_sha256": sha256(im.tobytes()),
                    "rgba_sha256": sha256(im.convert("RGBA").tobytes()),
                }
        except (OSError, SyntaxError, ValueError) as error:
            expected[name] = {"refused": True, "pillow_error": str(error)}
    with open(os.path.join(OUT, "expected.json"), "w") as out:
        json.dump(expected, out, indent=1, sort_keys=True)
        out.write("\n")
    print(f"{len(expected)} JPEG files, Pillow {PIL.__version__}")


if __name__ == "__main__":
    main()
