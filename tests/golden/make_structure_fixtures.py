#!/usr/bin/python3
"""Writes the valid image files that tests/cpp/structure_check_test.cpp truncates
and corrupts, plus manifest.txt describing them.

Run with Debian's /usr/bin/python3 (it has Pillow). PSD files and BMP variants
Pillow cannot write come from ImageMagick (apt-get install imagemagick), the
JPEG with restart markers from cjpeg (apt-get install libjpeg-turbo-progs).

manifest.txt, one line per file: name format width height complete_length.
complete_length is the shortest prefix that is still structurally complete:
the file size, unless the format allows trailing bytes after what the decoder
needs (PNG after its last IDAT's data, GIF after the first frame, TGA's footer, BMP's last-row
padding, which stb_image never reads). The lengths are computed here from the
encoders' known layouts, independently of the C++ walker under test.
"""
import io
import os
import struct
import subprocess
import sys
import tempfile

from PIL import Image

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "structure")
CONVERT = "/usr/bin/convert"  # ImageMagick 6 itself, not a wrapper on PATH


def gradient(w, h, mode="RGB"):
    im = Image.new("RGB", (w, h))
    im.putdata([((x * 37) % 256, (y * 53) % 256, (x * y * 7) % 256) for y in range(h) for x in range(w)])
    if mode == "RGBA":
        im.putalpha(Image.new("L", (w, h), 180))
    return im.convert(mode) if mode not in ("RGB", "RGBA") else im


def pil_bytes(im, fmt, **kw):
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


def magick(im, args, target):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "src.png")
        im.save(src)
        dst = os.path.join(tmp, "out")
        subprocess.run([CONVERT, src, *args, f"{target}:{dst}"], check=True)
        with open(dst, "rb") as f:
            return f.read()


def cjpeg(im, args):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "src.ppm")
        im.save(src)
        return subprocess.run(["cjpeg", *args, src], check=True, stdout=subprocess.PIPE).stdout


def exif_with_thumbnail(thumb):
    # TIFF header, IFD0 (Orientation), IFD1 pointing at an embedded JPEG thumbnail
    # that carries its own SOI..EOI.
    ifd0 = struct.pack("<H", 1) + struct.pack("<HHII", 0x0112, 3, 1, 1) + struct.pack("<I", 26)
    ifd1 = struct.pack("<H", 3)
    ifd1 += struct.pack("<HHII", 0x0103, 3, 1, 6)
    ifd1 += struct.pack("<HHII", 0x0201, 4, 1, 68)
    ifd1 += struct.pack("<HHII", 0x0202, 4, 1, len(thumb))
    ifd1 += struct.pack("<I", 0)
    tiff = b"II*\x00" + struct.pack("<I", 8) + ifd0 + ifd1
    assert len(tiff) == 68
    return b"Exif\x00\x00" + tiff + thumb


# --- complete_length rules -------------------------------------------------

def png_complete(d):
    # Once the last IDAT's data is there (its CRC, later chunks and IEND may be
    # cut or replaced by junk), the image data is whole: libpng and Pillow
    # show such files, and the decoder checks that the zlib stream is complete.
    pos, end = 8, None
    while pos < len(d):
        length = int.from_bytes(d[pos : pos + 4], "big")
        if d[pos + 4 : pos + 8] == b"IDAT":
            end = pos + 8 + length
        pos += 12 + length
    return end


def jpeg_complete(d):
    assert d.endswith(b"\xff\xd9")
    return len(d)


def gif_complete(d):
    def sub_blocks(p):
        while d[p]:
            p += 1 + d[p]
        return p + 1

    flags = d[10]
    p = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
    while d[p] == 0x21:
        p = sub_blocks(p + 2)
    assert d[p] == 0x2C
    lflags = d[p + 9]
    p += 10 + (3 << ((lflags & 7) + 1) if lflags & 0x80 else 0)
    return sub_blocks(p + 1)  # after the LZW minimum code size


def bmp_complete(d):
    offset, hsz = struct.unpack_from("<II", d, 10)
    if hsz == 12:
        w, h, _, bpp = struct.unpack_from("<HHHH", d, 18)
    else:
        w, h, _, bpp = struct.unpack_from("<iiHH", d, 18)
    stride = (w * bpp + 31) // 32 * 4
    assert offset + abs(h) * stride == len(d)
    return len(d) - (stride - (w * bpp + 7) // 8)


def tga_complete(d):
    footer = d[-26:]
    assert footer[8:] == b"TRUEVISION-XFILE.\x00" and footer[:8] == bytes(8)
    return len(d) - 26


def psd_complete(d):
    channels, h, w, depth = struct.unpack_from(">HIIH", d, 12)
    p = 26
    for _ in range(3):
        p += 4 + struct.unpack_from(">I", d, p)[0]
    (compression,) = struct.unpack_from(">H", d, p)
    p += 2
    if compression == 0:
        p += channels * h * w * depth // 8
    else:
        counts = struct.unpack_from(f">{channels * h}H", d, p)
        p += 2 * channels * h + sum(counts)
    assert p == len(d)
    return p


def main():
    os.makedirs(OUT, exist_ok=True)
    W, H = 24, 16
    rgb = gradient(W, H)
    files = []  # (name, format, width, height, bytes, complete_length)

    def add(name, fmt, data, complete, size=(W, H)):
        files.append((name, fmt, size[0], size[1], data, complete(data)))

    add("rgb.png", "PNG", pil_bytes(rgb, "PNG"), png_complete)
    add("palette.png", "PNG", pil_bytes(rgb.quantize(8), "PNG", transparency=0), png_complete)

    thumb = pil_bytes(gradient(8, 8), "JPEG", quality=50)
    add("baseline.jpg", "JPEG", pil_bytes(rgb, "JPEG", quality=85), jpeg_complete)
    add("progressive.jpg", "JPEG", pil_bytes(rgb, "JPEG", quality=85, progressive=True), jpeg_complete)
    add("exif_thumbnail.jpg", "JPEG", pil_bytes(rgb, "JPEG", quality=85, exif=exif_with_thumbnail(thumb)),
        jpeg_complete)
    add("gray.jpg", "JPEG", pil_bytes(rgb.convert("L"), "JPEG", quality=85), jpeg_complete)
    # 4:4:4 gives 8x8 MCUs, so a restart marker after each of the 6 MCUs but the last.
    add("restart.jpg", "JPEG", cjpeg(rgb, ["-quality", "85", "-sample", "1x1", "-restart", "1B"]), jpeg_complete)

    add("single.gif", "GIF", pil_bytes(rgb.quantize(16), "GIF", comment=b"structure fixture"), gif_complete)
    frames = [gradient(W, H).rotate(90 * i).quantize(16) for i in range(3)]
    add("animated.gif", "GIF", pil_bytes(frames[0], "GIF", save_all=True, append_images=frames[1:],
                                         duration=100, loop=0), gif_complete)

    add("bpp1.bmp", "BMP", pil_bytes(rgb.convert("1"), "BMP"), bmp_complete)
    add("bpp4.bmp", "BMP", magick(rgb.quantize(16), ["-type", "Palette"], "BMP3"), bmp_complete)
    add("bpp8.bmp", "BMP", pil_bytes(rgb.quantize(64), "BMP"), bmp_complete)
    add("bpp24.bmp", "BMP", pil_bytes(rgb, "BMP"), bmp_complete)
    add("bpp32.bmp", "BMP", pil_bytes(gradient(W, H, "RGBA"), "BMP"), bmp_complete)
    add("v5_bitfields.bmp", "BMP", magick(gradient(W, H, "RGBA"), [], "BMP"), bmp_complete)
    add("os2.bmp", "BMP", magick(rgb, [], "BMP2"), bmp_complete)
    # 7 columns of 24 bits leave 3 padding bytes per row.
    add("odd_width.bmp", "BMP", pil_bytes(gradient(7, 5), "BMP"), bmp_complete, (7, 5))

    add("rgb.tga", "TGA", pil_bytes(rgb, "TGA"), tga_complete)
    add("gray.tga", "TGA", pil_bytes(rgb.convert("L"), "TGA"), tga_complete)
    add("rgba_rle.tga", "TGA", pil_bytes(gradient(W, H, "RGBA"), "TGA", compression="tga_rle"), tga_complete)
    add("palette_rle.tga", "TGA", pil_bytes(rgb.quantize(16), "TGA", compression="tga_rle"), tga_complete)

    add("raw.psd", "PSD", magick(rgb, ["-compress", "None"], "PSD"), psd_complete)
    add("rle.psd", "PSD", magick(rgb, ["-compress", "RLE"], "PSD"), psd_complete)
    add("rgba_rle.psd", "PSD", magick(gradient(W, H, "RGBA"), ["-compress", "RLE"], "PSD"), psd_complete)

    with open(os.path.join(OUT, "manifest.txt"), "w") as manifest:
        for name, fmt, w, h, data, complete in files:
            with open(os.path.join(OUT, name), "wb") as f:
                f.write(data)
            manifest.write(f"{name} {fmt} {w} {h} {complete}\n")
            print(f"{name:22} {len(data):6} bytes, complete at {complete}", file=sys.stderr)


if __name__ == "__main__":
    main()
