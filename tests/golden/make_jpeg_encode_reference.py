#!/usr/bin/python3
"""Writes the JPEG encoding reference: the sha256 of the files Pillow 9.4 writes
with Image.save(f, 'JPEG', quality=q) and nothing else, for
tests/cpp/jpeg_write_test.cpp and tests/js/jpeg-encode.test.js to compare
core.encode(raster, { format: 'jpeg', quality: q }) with, byte for byte.

Run by hand with Debian's /usr/bin/python3 (python3-pil, Pillow 9.4, linked
with libjpeg62-turbo 2.1.5) and commit the result:

    /usr/bin/python3 tests/golden/make_jpeg_encode_reference.py

It writes tests/data/jpeg_encode_reference.json:
  inputs   how each input raster is made from a file under tests/data/ (so the
           tests can build it with the core), and the sha256 of its pixels as
           Pillow has them (Image.tobytes()), which the tests check first:
             source     the file, opened and converted to RGB
             crop       [left, upper, right, lower] of Image.crop, or absent
             convert    the mode of Image.convert after the crop, or absent
             alpha      'L': the RGB image's L conversion is put in as the alpha
                        band (RGB + that → RGBA, L + that → LA), or absent
             saved_as   the mode Pillow saves: Pillow refuses RGBA and LA, and
                        the core writes them without their alpha, as Pillow
                        writes Image.convert('RGB') and Image.convert('L')
           Inputs carry no metadata (no info dict: no comment, EXIF or ICC).
  vectors  input, quality, size (bytes) and sha256 of Pillow's file.

Pillow's libjpeg-turbo uses its SIMD code on this machine, the core the
portable C; the script checks that both write the same bytes (it runs itself
again with JSIMD_FORCENONE=1) before writing anything.
"""
import hashlib
import io
import json
import os
import subprocess
import sys

import PIL
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "data"))
OUT = os.path.join(DATA, "jpeg_encode_reference.json")

QUALITIES = [1, 50, 75, 90, 95, 100]

INPUTS = {
    "hopper_rgb": {"source": "photos/hopper.png"},
    "hopper_l": {"source": "photos/hopper.png", "convert": "L"},
    "hopper_cmyk": {"source": "photos/hopper.png", "convert": "CMYK"},
    "hopper_ycbcr": {"source": "photos/hopper.png", "convert": "YCbCr"},
    "hopper_rgba": {"source": "photos/hopper.png", "alpha": "L", "saved_as": "RGB"},
    "hopper_la": {"source": "photos/hopper.png", "convert": "L", "alpha": "L", "saved_as": "L"},
    # No multiple of the 16×16 colour MCU, nor of the 8×8 block.
    "crop_17x13": {"source": "photos/hopper.png", "crop": [5, 9, 22, 22]},
    "crop_17x13_l": {"source": "photos/hopper.png", "crop": [40, 70, 57, 83], "convert": "L"},
    "pixel_1x1": {"source": "photos/hopper.png", "crop": [64, 64, 65, 65]},
    "pixel_1x1_cmyk": {"source": "photos/hopper.png", "crop": [10, 100, 11, 101], "convert": "CMYK"},
}


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def build(recipe):
    with Image.open(os.path.join(DATA, recipe["source"])) as opened:
        rgb = opened.convert("RGB")
    # A raster carries pixels only: hopper.png's tEXt comment, which Pillow
    # would copy into a COM marker, is not part of the input.
    rgb.info = {}
    if "crop" in recipe:
        rgb = rgb.crop(tuple(recipe["crop"]))
    image = rgb.convert(recipe["convert"]) if "convert" in recipe else rgb
    if recipe.get("alpha") == "L":
        image = image.copy()
        image.putalpha(rgb.convert("L"))
    return image


def pillow_jpeg(image, quality):
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def digests():
    inputs = {}
    vectors = []
    for name, recipe in INPUTS.items():
        image = build(recipe)
        saved = image.convert(recipe["saved_as"]) if "saved_as" in recipe else image
        inputs[name] = {**recipe, "mode": image.mode, "size": list(image.size), "sha256": sha256(image.tobytes())}
        for quality in QUALITIES:
            data = pillow_jpeg(saved, quality)
            vectors.append({"input": name, "quality": quality, "bytes": len(data), "sha256": sha256(data)})
    return {"inputs": inputs, "vectors": vectors}


def compact_json(reference):
    """One line per input and per vector: small, and a diff shows what changed."""
    lines = ["{"]
    for key in ("generator", "pillow", "options"):
        lines.append(f" {json.dumps(key)}: {json.dumps(reference[key])},")
    lines.append(' "inputs": {')
    inputs = [f"  {json.dumps(name)}: {json.dumps(entry)}" for name, entry in reference["inputs"].items()]
    lines.append(",\n".join(inputs))
    lines.append(" },")
    lines.append(' "vectors": [')
    lines.append(",\n".join(f"  {json.dumps(vector)}" for vector in reference["vectors"]))
    lines.append(" ]")
    lines.append("}")
    text = "\n".join(lines) + "\n"
    assert json.loads(text) == reference
    return text


def main():
    if "--digests" in sys.argv:
        json.dump(digests(), sys.stdout)
        return
    if not PIL.__version__.startswith("9.4."):
        sys.exit(f"Pillow 9.4 (Debian bookworm's python3-pil) expected, found {PIL.__version__}")
    runs = []
    for forcenone in (False, True):
        env = dict(os.environ)
        env.pop("JSIMD_FORCENONE", None)
        if forcenone:
            env["JSIMD_FORCENONE"] = "1"
        out = subprocess.run([sys.executable, __file__, "--digests"], env=env, check=True, stdout=subprocess.PIPE)
        runs.append(json.loads(out.stdout))
    if runs[0] != runs[1]:
        sys.exit("libjpeg-turbo's SIMD and C compressors wrote different files; the reference would not hold")
    reference = {
        "generator": "tests/golden/make_jpeg_encode_reference.py",
        "pillow": PIL.__version__,
        "options": "Image.save(f, 'JPEG', quality=q), every other option at Pillow's default",
        **runs[0],
    }
    with open(OUT, "w") as out:
        out.write(compact_json(reference))
    print(f"wrote {os.path.relpath(OUT)}: {len(reference['vectors'])} files from {len(reference['inputs'])} inputs")


if __name__ == "__main__":
    main()
