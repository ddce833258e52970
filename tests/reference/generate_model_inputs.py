#!/usr/bin/python3
"""Writes tests/data/model-inputs/expected.json: for each real JPEG and PNG
in that folder, what a Python model server would hand its model. The file is
read with Pillow 9.4, turned upright by its EXIF orientation (as browsers
show it) and converted to RGB and to RGBA; the digests are of those pixels
and of the torchvision 0.14 tensors of two common preprocessing pipelines
(ImageNet and CLIP) of the RGB image, as float32 little-endian bytes with a
batch axis.

Run by hand with Debian's python3-pil and python3-torchvision:
    /usr/bin/python3 tests/reference/generate_model_inputs.py
"""
import hashlib
import json
import os
import sys

import PIL
import torchvision
from PIL import Image, ImageOps
from torchvision import transforms as T

HERE = os.path.dirname(os.path.abspath(__file__))
FOLDER = os.path.join(os.path.dirname(HERE), 'data', 'model-inputs')

IMAGENET = ([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
CLIP = ([0.48145466, 0.4578275, 0.40821073], [0.26862954, 0.26130258, 0.27577711])
# Each pipeline with the tensorOptions that ask the package for the same tensor.
PIPELINES = {
    'imagenet': (T.Compose([T.Resize(256), T.CenterCrop(224), T.ToTensor(), T.Normalize(*IMAGENET)]),
                 {'resize': 256, 'crop': [224, 224], 'mean': IMAGENET[0], 'std': IMAGENET[1]}),
    'clip': (T.Compose([T.Resize(224, interpolation=T.InterpolationMode.BICUBIC), T.CenterCrop(224),
                        T.ToTensor(), T.Normalize(*CLIP)]),
             {'resize': 224, 'filter': 'bicubic', 'crop': [224, 224], 'mean': CLIP[0], 'std': CLIP[1]}),
}


def digest(data):
    return hashlib.sha256(data).hexdigest()


files = []
for name in sorted(os.listdir(FOLDER)):
    if not name.endswith(('.jpg', '.png')):
        continue
    with Image.open(os.path.join(FOLDER, name)) as opened:
        upright = ImageOps.exif_transpose(opened)
        image = upright.convert('RGB')
        rgba = upright.convert('RGBA')
    entry = {'file': name, 'width': image.width, 'height': image.height, 'rgb': digest(image.tobytes()),
             'rgba': digest(rgba.tobytes()), 'tensors': {}}
    for label, (pipeline, options) in PIPELINES.items():
        t = pipeline(image).unsqueeze(0)
        entry['tensors'][label] = {'options': options, 'dims': list(t.shape),
                                   'sha256': digest(t.contiguous().numpy().astype('<f4').tobytes())}
    files.append(entry)

document = {
    'generator': 'tests/reference/generate_model_inputs.py',
    'pillow': PIL.__version__,
    'torchvision': torchvision.__version__,
    'files': files,
}
with open(os.path.join(FOLDER, 'expected.json'), 'w') as f:
    json.dump(document, f, indent=1)
    f.write('\n')
print('%d files -> tests/data/model-inputs/expected.json' % len(files), file=sys.stderr)
