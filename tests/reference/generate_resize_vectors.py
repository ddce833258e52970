#!/usr/bin/python3
"""Writes tests/data/resize_vectors.json: Pillow 9.4's Image.resize and
torchvision 0.14's transforms on small seeded images, one photo and JPEG
files made from it (tests/golden/make_jpeg_reference.py), kept as
sha256 digests of the output bytes so the native and Wasm test suites can
check the core for exact equality without Python.

Run by hand with Debian's python3-pil and python3-torchvision:
    /usr/bin/python3 tests/reference/generate_resize_vectors.py
"""
import hashlib
import json
import math
import os
import struct
import sys

# libjpeg-turbo's portable C code, the one the core builds: the same pixels on
# every machine (its SIMD code differs only on corrupt blocks).
os.environ['JSIMD_FORCENONE'] = '1'

import PIL  # noqa: E402
import torch
import torchvision
from PIL import Image
from torchvision import transforms as T

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PHOTO = os.path.join(ROOT, 'tests', 'data', 'photos', 'hopper.png')
OUT = os.path.join(ROOT, 'tests', 'data', 'resize_vectors.json')

FILTERS = {
    'nearest': Image.Resampling.NEAREST,
    'box': Image.Resampling.BOX,
    'bilinear': Image.Resampling.BILINEAR,
    'hamming': Image.Resampling.HAMMING,
    'bicubic': Image.Resampling.BICUBIC,
    'lanczos': Image.Resampling.LANCZOS,
}
BANDS = {'L': 1, 'LA': 2, 'RGB': 3, 'RGBA': 4, 'CMYK': 4, 'I': 1, 'F': 1, 'YCbCr': 3, 'LAB': 3, 'HSV': 3, '1': 1, 'P': 1}
# Mode P's palette in every suite: entry i is (i, 255 - i, 7i mod 256).
PALETTE = [v for i in range(256) for v in (i, 255 - i, (7 * i) % 256)]


def seeded_pixels(seed, width, height, mode):
    """The seeded input every suite rebuilds (tests/js/resize-vectors.js and
    tests/cpp/resize_vectors.cpp hold the same generator): xorshift32; 8-bit
    bands take the top byte, alpha bands are pushed to 0/255 at the ends so
    the premultiplied path sees both; I and F take a value in ±10^6 (F: /1000);
    mode 1 holds 0 or 255 (the top byte thresholded at 128), P the top byte as index."""
    state = seed
    def step():
        nonlocal state
        state ^= (state << 13) & 0xFFFFFFFF
        state ^= state >> 17
        state ^= (state << 5) & 0xFFFFFFFF
        return state
    n = width * height
    if mode == 'I':
        return struct.pack('<%di' % n, *[(step() % 2000001) - 1000000 for _ in range(n)])
    if mode == 'F':
        return struct.pack('<%df' % n, *[((step() % 2000001) - 1000000) / 1000.0 for _ in range(n)])
    bands = BANDS[mode]
    alpha = mode in ('LA', 'RGBA')
    out = bytearray()
    for _ in range(n):
        for b in range(bands):
            v = step() >> 24
            if alpha and b == bands - 1:
                v = 0 if v < 32 else 255 if v > 223 else v
            if mode == '1':
                v = 255 if v >= 128 else 0
            out.append(v)
    return bytes(out)


def seeded_image(seed, width, height, mode):
    data = seeded_pixels(seed, width, height, mode)
    if mode == '1':
        return Image.frombytes('1', (width, height), data, 'raw', '1;8')
    image = Image.frombytes(mode, (width, height), data)
    if mode == 'P':
        image.putpalette(PALETTE)
    return image


def raster_bytes(image):
    """The bytes of the core's raster: one byte per pixel (0/255) for mode 1."""
    return image.tobytes('raw', 'L') if image.mode == '1' else image.tobytes()


def digest(data):
    return hashlib.sha256(data).hexdigest()


def tensor_digest(t):
    return digest(t.contiguous().numpy().astype('<f4').tobytes())


cases = []
tensor_cases = []


def add_resize(source, image, size, filt, box=None, reducing_gap=None, name=None):
    out = image.resize(size, FILTERS[filt], box=box, reducing_gap=reducing_gap)
    if name is None:
        name = '%s %s %dx%d->%dx%d' % (source['mode'], filt, image.width, image.height, size[0], size[1])
        if box is not None:
            name += ' box %s' % (list(box),)
        if reducing_gap is not None:
            name += ' reducing_gap %s' % reducing_gap
    case = {'name': name,
            'input': source, 'width': size[0], 'height': size[1], 'filter': filt,
            'outWidth': out.width, 'outHeight': out.height, 'mode': out.mode, 'sha256': digest(raster_bytes(out))}
    if box is not None:
        case['box'] = list(box)
    if reducing_gap is not None:
        case['reducingGap'] = reducing_gap
    cases.append(case)


def seeded_source(seed, width, height, mode):
    return {'kind': 'seeded', 'seed': seed, 'width': width, 'height': height, 'mode': mode}


photo_source = {'kind': 'photo', 'file': 'photos/hopper.png', 'mode': 'RGB'}
photo = Image.open(PHOTO).convert('RGB')

# Every filter × mode, shrinking, enlarging, one axis each way, odd sizes, 1 pixel.
for mode in BANDS:
    for index, (w, h, targets) in enumerate([
            (37, 23, [(13, 9), (71, 50), (50, 7), (1, 1), (37, 11)]),
            (1, 1, [(5, 3)]),
            (17, 1, [(4, 1), (40, 2)]),
            (1, 9, [(3, 4)])]):
        source = seeded_source(1000 + index * 17 + len(mode), w, h, mode)
        image = seeded_image(source['seed'], w, h, mode)
        for filt in FILTERS:
            for size in targets:
                add_resize(source, image, size, filt)

# Boxes: fractional (the convolution path), integral with a matching size
# (Pillow's crop shortcut), and nearest's accumulated steps.
for mode in ('L', 'RGB', 'RGBA', 'I', 'F'):
    source = seeded_source(77, 37, 23, mode)
    image = seeded_image(77, 37, 23, mode)
    for filt in FILTERS:
        add_resize(source, image, (20, 11), filt, box=(3.5, 2.25, 30.75, 20))
        add_resize(source, image, (13, 10), filt, box=(2, 3, 15, 13))
        add_resize(source, image, (9, 30), filt, box=(0.1, 0, 36.9, 23))

# reducing_gap: Image.reduce first (ignored by Pillow for LA/RGBA and nearest).
for mode in ('L', 'RGB', 'RGBA', 'CMYK', 'I', 'F'):
    source = seeded_source(4242, 97, 61, mode)
    image = seeded_image(4242, 97, 61, mode)
    for filt in ('box', 'bilinear', 'bicubic', 'lanczos', 'nearest'):
        for gap in (1.0, 2.0, 3.0):
            add_resize(source, image, (20, 13), filt, reducing_gap=gap)
        add_resize(source, image, (11, 7), filt, box=(5.5, 3, 90, 58.5), reducing_gap=1.5)

# The photo, every filter, down and up.
for filt in FILTERS:
    add_resize(photo_source, photo, (45, 45), filt, name='photo %s 45x45' % filt)
    add_resize(photo_source, photo, (300, 200), filt, name='photo %s 300x200' % filt)

IMAGENET = ([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
CLIP = ([0.48145466, 0.4578275, 0.40821073], [0.26862954, 0.26130258, 0.27577711])
BILINEAR = T.InterpolationMode.BILINEAR
BICUBIC = T.InterpolationMode.BICUBIC


def add_tensor(name, source, image, pipeline, options, post=None):
    t = pipeline(image)
    if post is not None:
        t = post(t)
    if t.dtype == torch.uint8:
        data = t.contiguous().numpy().tobytes()
    else:
        data = t.contiguous().numpy().astype('<f4').tobytes()
    tensor_cases.append({'name': name, 'input': source, 'options': options, 'dims': list(t.shape),
                         'type': 'uint8' if t.dtype == torch.uint8 else 'float32', 'sha256': digest(data)})


def batched(t):
    return t.unsqueeze(0)


imagenet = T.Compose([T.Resize(256), T.CenterCrop(224), T.ToTensor(), T.Normalize(*IMAGENET)])
clip = T.Compose([T.Resize(224, interpolation=BICUBIC), T.CenterCrop(224), T.ToTensor(), T.Normalize(*CLIP)])
add_tensor('imagenet photo', photo_source, photo, imagenet,
           {'resize': 256, 'crop': [224, 224], 'mean': IMAGENET[0], 'std': IMAGENET[1]}, batched)
add_tensor('clip photo', photo_source, photo, clip,
           {'resize': 224, 'filter': 'bicubic', 'crop': [224, 224], 'mean': CLIP[0], 'std': CLIP[1]}, batched)
# The same pipeline from JPEG files opened as a dataset loader opens them
# (Image.open(f).convert('RGB')): core.decode + core.toTensor must give these.
for jpeg in ['jpeg/hopper_420.jpg', 'jpeg/hopper_422.jpg', 'jpeg/hopper_progressive_420.jpg']:
    with Image.open(os.path.join(ROOT, 'tests', 'data', jpeg)) as opened:
        decoded = opened.convert('RGB')
    add_tensor('imagenet %s' % jpeg, {'kind': 'photo', 'file': jpeg, 'mode': 'RGB'}, decoded, imagenet,
               {'resize': 256, 'crop': [224, 224], 'mean': IMAGENET[0], 'std': IMAGENET[1]}, batched)
for (w, h) in [(317, 263), (263, 317), (600, 131)]:
    source = seeded_source(9 + w, w, h, 'RGB')
    image = seeded_image(source['seed'], w, h, 'RGB')
    add_tensor('imagenet seeded %dx%d' % (w, h), source, image, imagenet,
               {'resize': 256, 'crop': [224, 224], 'mean': IMAGENET[0], 'std': IMAGENET[1]}, batched)
    add_tensor('clip seeded %dx%d' % (w, h), source, image, clip,
               {'resize': 224, 'filter': 'bicubic', 'crop': [224, 224], 'mean': CLIP[0], 'std': CLIP[1]},
               batched)

source = seeded_source(31, 150, 97, 'RGB')
image = seeded_image(31, 150, 97, 'RGB')
add_tensor('rectangular resize', source, image, T.Compose([T.Resize((120, 200)), T.ToTensor()]),
           {'resize': [120, 200], 'layout': 'chw'})
add_tensor('rectangular resize lanczos bgr', source, image,
           T.Compose([T.Resize((61, 47), interpolation=T.InterpolationMode.LANCZOS), T.ToTensor()]),
           {'resize': [61, 47], 'filter': 'lanczos', 'channels': 'BGR'}, lambda t: t[[2, 1, 0]].unsqueeze(0))
add_tensor('rectangular resize nhwc', source, image, T.Compose([T.Resize((61, 47)), T.ToTensor()]),
           {'resize': [61, 47], 'layout': 'nhwc'}, lambda t: t.permute(1, 2, 0).unsqueeze(0))
add_tensor('uint8 hwc', source, image, T.Compose([T.Resize(40), T.PILToTensor()]),
           {'resize': 40, 'dtype': 'uint8', 'layout': 'hwc'}, lambda t: t.permute(1, 2, 0))

small = seeded_source(5, 37, 23, 'RGB')
small_image = seeded_image(5, 37, 23, 'RGB')
add_tensor('crop larger than the image', small, small_image, T.Compose([T.CenterCrop((40, 31)), T.ToTensor()]),
           {'crop': [40, 31], 'layout': 'chw'})
add_tensor('crop taller, narrower', small, small_image, T.Compose([T.CenterCrop((30, 20)), T.ToTensor()]),
           {'crop': [30, 20], 'layout': 'chw'})
add_tensor('crop odd offsets', small, small_image, T.Compose([T.CenterCrop((20, 10)), T.ToTensor()]),
           {'crop': [20, 10], 'layout': 'chw'})

rgba = seeded_source(12, 64, 48, 'RGBA')
rgba_image = seeded_image(12, 64, 48, 'RGBA')
add_tensor('grayscale from RGBA', rgba, rgba_image,
           T.Compose([lambda im: im.convert('L'), T.Resize(32), T.ToTensor(), T.Normalize([0.5], [0.5])]),
           {'resize': 32, 'channels': 'L', 'mean': [0.5], 'std': [0.5], 'layout': 'chw'})
add_tensor('RGBA input drops alpha', rgba, rgba_image,
           T.Compose([lambda im: im.convert('RGB'), T.Resize(32, interpolation=BICUBIC), T.ToTensor()]),
           {'resize': 32, 'filter': 'bicubic', 'layout': 'chw'})


def letterbox_reference(image, height, width, color, resample):
    scale = min(height / image.height, width / image.width)
    nw = min(width, max(1, math.floor(image.width * scale + 0.5)))
    nh = min(height, max(1, math.floor(image.height * scale + 0.5)))
    placed = image if (nw, nh) == image.size else image.resize((nw, nh), resample)
    canvas = Image.new(image.mode, (width, height), color)
    left, top = (width - nw) // 2, (height - nh) // 2
    canvas.paste(placed, (left, top))
    return canvas, {'scale': scale, 'left': left, 'top': top, 'width': nw, 'height': nh}


for (w, h) in [(150, 97), (97, 150)]:
    source = seeded_source(50 + w, w, h, 'RGB')
    image = seeded_image(source['seed'], w, h, 'RGB')
    canvas, placement = letterbox_reference(image, 64, 64, (114, 114, 114), Image.Resampling.BILINEAR)
    t = T.ToTensor()(canvas).unsqueeze(0)
    tensor_cases.append({'name': 'letterbox %dx%d' % (w, h), 'input': source, 'options': {'letterbox': [64, 64]},
                         'dims': list(t.shape), 'type': 'float32', 'sha256': tensor_digest(t),
                         'letterbox': placement})
    canvas, placement = letterbox_reference(image, 48, 80, (0, 20, 40), Image.Resampling.BICUBIC)
    t = T.ToTensor()(canvas).unsqueeze(0)
    tensor_cases.append({'name': 'letterbox %dx%d wide coloured' % (w, h), 'input': source,
                         'options': {'letterbox': [48, 80], 'letterboxColor': [0, 20, 40], 'filter': 'bicubic'},
                         'dims': list(t.shape), 'type': 'float32', 'sha256': tensor_digest(t),
                         'letterbox': placement})

document = {
    'generator': 'tests/reference/generate_resize_vectors.py',
    'pillow': PIL.__version__,
    'torchvision': torchvision.__version__,
    'resize': cases,
    'tensor': tensor_cases,
}
with open(OUT, 'w') as f:
    json.dump(document, f, indent=0, separators=(',', ':'))
    f.write('\n')
print('%d resize cases, %d tensor cases -> %s' % (len(cases), len(tensor_cases), os.path.relpath(OUT, ROOT)),
      file=sys.stderr)
