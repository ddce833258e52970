#!/usr/bin/python3
"""What Pillow 9.4 makes of every PNG, GIF, BMP, TGA, PSD and JPEG file under a
folder (Pillow's own Tests/images, from `apt-get source pillow`), for
tests/reference/measure-pillow-images.js to compare the core's decoder with.

    /usr/bin/python3 tests/reference/measure_pillow_images.py IMAGES_DIR OUT_DIR

OUT_DIR/pillow.json, per file (path relative to IMAGES_DIR):
  refused, pillow_error  Pillow cannot load it
  format, mode, size     Pillow's format, natural mode and frame-0 size
  frames                 n_frames (animated GIFs: only frame 0 is compared)
  compression            BMP compression field (1 RLE8, 2 RLE4)
  sixteen_bit            16-bit grey (mode I / I;16): the core keeps the high
                         byte where Pillow's convert('RGBA') clips
  rgba_sha256            sha256 of Image.open(f).convert('RGBA').tobytes()
  jpeg_sampling          JPEG: Pillow's get_sampling (0 4:4:4, 1 4:2:2, 2 4:2:0,
                         -1 one component); progressive
  high_byte_sha256       16-bit grey: sha256 of the RGBA the core gives by its
                         documented rule (grey = value >> 8, opaque);
                         high_byte_trns_sha256 the same with Pillow's
                         transparency colour made alpha 0
  spec_rle_sha256        BMP RLE: the same through the BMP specification's RLE
                         reading (tests/golden/make_pillow_reference.py), which
                         the core follows where Pillow 9.4 misreads
OUT_DIR/rgba/N.rgba.gz: the RGBA bytes themselves, so a difference can be
measured.
"""
import gzip
import hashlib
import json
import os
import sys

# The portable C IDCT of libjpeg-turbo gives the same pixels on every machine.
os.environ["JSIMD_FORCENONE"] = "1"

import PIL  # noqa: E402
from PIL import Image, JpegImagePlugin  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "golden"))
from make_pillow_reference import rle_reference  # noqa: E402

SUFFIXES = (".png", ".gif", ".bmp", ".jpg", ".jpeg", ".tga", ".psd")


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def measure(path, vector_path):
    try:
        with Image.open(path) as im:
            im.load()
    except Exception as error:  # noqa: BLE001 -- any refusal is what is recorded
        return {"refused": True, "pillow_error": f"{type(error).__name__}: {error}"}
    with Image.open(path) as im:
        im.load()
        entry = {
            "format": im.format,
            "mode": im.mode,
            "size": list(im.size),
            "frames": getattr(im, "n_frames", 1),
            "sixteen_bit": im.mode in ("I", "I;16", "I;16B", "I;16L"),
        }
        rgba = im.convert("RGBA").tobytes()
        if im.format == "JPEG":
            entry["jpeg_sampling"] = JpegImagePlugin.get_sampling(im)
            entry["progressive"] = bool(im.info.get("progressive"))
        if entry["sixteen_bit"]:
            values = list(im.getdata())
            grey = bytes(max(0, min(255, v >> 8)) for v in values)
            opaque = Image.merge("RGBA", [Image.frombytes("L", im.size, grey)] * 3 + [Image.new("L", im.size, 255)])
            entry["high_byte_sha256"] = sha256(opaque.tobytes())
            transparency = im.info.get("transparency")
            if isinstance(transparency, int):
                alpha = bytes(0 if v == transparency else 255 for v in values)
                opaque.putalpha(Image.frombytes("L", im.size, alpha))
                entry["high_byte_trns_sha256"] = sha256(opaque.tobytes())
        entry["rgba_sha256"] = sha256(rgba)
        if im.format == "BMP" and im.info.get("compression") in (1, 2):
            entry["compression"] = im.info["compression"]
            try:
                entry["spec_rle_sha256"] = sha256(rle_reference(path, im).convert("RGBA").tobytes())
            except Exception as error:  # noqa: BLE001
                entry["spec_rle_error"] = str(error)
    with gzip.GzipFile(vector_path, "wb", mtime=0) as out:
        out.write(rgba)
    return entry


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: measure_pillow_images.py IMAGES_DIR OUT_DIR")
    if not PIL.__version__.startswith("9.4."):
        sys.exit(f"Pillow 9.4 (Debian bookworm's python3-pil) expected, found {PIL.__version__}")
    root, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(os.path.join(out_dir, "rgba"), exist_ok=True)
    names = sorted(
        os.path.relpath(os.path.join(d, f), root)
        for d, _, files in os.walk(root)
        for f in files
        if f.lower().endswith(SUFFIXES)
    )
    result = {}
    for i, name in enumerate(names):
        entry = measure(os.path.join(root, name), os.path.join(out_dir, "rgba", f"{i}.rgba.gz"))
        if not entry.get("refused"):
            entry["vector"] = f"rgba/{i}.rgba.gz"
        result[name] = entry
    with open(os.path.join(out_dir, "pillow.json"), "w") as out:
        json.dump(result, out, indent=1, sort_keys=True)
        out.write("\n")
    refused = sum(1 for e in result.values() if e.get("refused"))
    print(f"{len(result)} files, Pillow {PIL.__version__}: {len(result) - refused} read, {refused} refused")


if __name__ == "__main__":
    main()
