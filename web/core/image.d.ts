// Types of web/core/image.js: wandb.Image in the page, reached as `core.Image`.
import type { ArrayInput, Core, FromArrayOptions, Layout, Mode, Raster } from './core.js';

/** Image file types of {@link WandbImage}, as wandb's `file_type`. */
export type ImageFileType = 'png' | 'jpg' | 'jpeg' | 'bmp';

/**
 * One box of a boxes layer. `position` is `{minX, maxX, minY, maxY}` or
 * `{middle: [x, y], width, height}`; with `domain: "pixel"` in pixels,
 * otherwise in fractions of the image. Other fields are kept as given.
 * `<image-field>` also draws `domain: "tensor"`: pixels of its
 * `type="tensor"` value, mapped back onto the image (see its `boxes`).
 */
export interface Box {
  position: { minX: number; maxX: number; minY: number; maxY: number } | { middle: [number, number]; width: number; height: number };
  class_id?: number;
  box_caption?: string;
  scores?: Record<string, number>;
  domain?: string;
  [other: string]: unknown;
}

/** Class id (as an object key) → name. */
export type ClassLabels = Record<number | string, string>;

/** One layer of `boxes`: wandb's BoundingBoxes2D. */
export interface BoxesLayer {
  box_data: Box[];
  /** Default: `class_<id>` for each `class_id` used. */
  class_labels?: ClassLabels;
}

/** One layer of `masks`: wandb's ImageMask. */
export interface MaskLayer {
  /**
   * One class id (whole number 0–255) per pixel, `[height, width]` of the
   * image: a typed array with `shape`, nested number arrays, or a tensor.
   */
  mask_data: ArrayInput;
  shape?: readonly [number, number];
  /** Default: `class_<id>` for each id present. */
  class_labels?: ClassLabels;
}

export interface ImageOptions {
  /** For array input: see {@link FromArrayOptions.shape}. Without it a Uint8Array is read as file bytes. */
  shape?: readonly number[];
  /** For array and `.npy` input. Default `hwc`. */
  layout?: Layout;
  /** For array input: read naturally and convert to this mode. */
  mode?: Mode;
  /** For array input. Default true; see {@link FromArrayOptions.normalize}. */
  normalize?: boolean;
  caption?: string | null;
  /** Written to the JSON only when non-zero, as wandb does. */
  grouping?: number | null;
  /** `[{id, name}]`; merged with the labels of boxes and masks into {@link WandbImage.classes}. */
  classes?: { id: number; name: string }[];
  boxes?: Record<string, BoxesLayer>;
  masks?: Record<string, MaskLayer>;
  /**
   * Checked before anything else: `invalid_format` "file_type must be one of
   * png, jpg, jpeg, bmp". Default `png`. JPEG is written at quality 75 and drops
   * alpha (a 4-channel array becomes RGB). Encoded file bytes keep their own format.
   */
  fileType?: ImageFileType;
}

/** Where an image's files go: wandb's log key and step (and, in a sequence, the index). */
export interface MediaBinding {
  /** A non-empty path-like key without `..`, backslashes or a leading `/`, e.g. `"examples"` or `"val/samples"`. */
  key: string;
  /** A non-negative integer, or a name like `"summary"`. */
  step: number | string;
  /** The index in a sequence: names files `<key>_<step>_<id>` instead of by digest (as seqToJSON does). */
  id?: number;
}

/** A file the JSON refers to, to upload or zip. */
export interface MediaFile {
  path: string;
  data: Uint8Array;
}

/** A layer file's entry in the JSON. */
export interface LayerFileJSON {
  _type: 'boxes2D' | 'mask';
  sha256: string;
  size: number;
  path: string;
}

/** wandb's "image-file" JSON, keys in this order (caption and grouping only when set). */
export interface ImageFileJSON {
  caption?: string;
  _type: 'image-file';
  sha256: string;
  size: number;
  /** `media/images/<key>_<step>_<sha256[:20]>.<format>` (in a sequence, the index instead of the digest). */
  path: string;
  format: string;
  width: number;
  height: number;
  grouping?: number;
  /** `media/metadata/boxes2D/<key>_<step>_<id>.boxes2D.json` per layer. */
  boxes?: Record<string, LayerFileJSON & { _type: 'boxes2D' }>;
  /**
   * `media/images/mask/<key>_<step>_<id>.mask.png` per layer. Differs from
   * wandb: each layer also carries its `class_labels` (wandb keeps them in the
   * run summary, which a page does not have), so fromJSON restores them.
   */
  masks?: Record<string, LayerFileJSON & { _type: 'mask'; class_labels: Record<string, string> }>;
}

/** wandb's "images/separated" JSON. */
export interface ImagesSeparatedJSON {
  _type: 'images/separated';
  width: number;
  height: number;
  format: string;
  count: number;
  filenames: string[];
  captions?: (string | null)[];
  all_masks?: (ImageFileJSON['masks'] | null)[];
  all_boxes?: (ImageFileJSON['boxes'] | null)[];
}

/**
 * wandb.Image in the page. All state is plain JS (the encoded file, its
 * digest, the pixels, the layers); nothing needs `.delete()`.
 *
 * Where it differs from wandb (Python SDK):
 * - Files are named from `{key, step}` passed to `toJSON`/`files` instead of a
 *   run; a sequence names them `<key>_<step>_<index>` as wandb's logging does.
 * - `raster` is the pixels read back from the file, as wandb reloads its file;
 *   a BMP of an L image reads back as RGB, a JPEG with its compression loss.
 * - Box layer files are compact JSON with sorted keys (`{"box_data":[...],
 *   "class_labels":{...}}`, default labels filled in); wandb writes Python's
 *   `json.dumps` of the dict as given. The digests therefore differ from wandb's.
 * - Mask layers carry `class_labels` in the JSON (see {@link ImageFileJSON.masks}).
 * - Mask ids must be whole numbers 0–255; wandb casts other values to int8.
 * - `seqToJSON` writes `captions` when any image has one (wandb looks only at
 *   the first); `classes` is not written (wandb writes it only into artifacts).
 * - `toDataArray` is one flat Uint8Array with its shape instead of nested rows.
 */
export interface WandbImage {
  /** The pixels as a reader of the image file sees them (a fresh copy). */
  readonly raster: Raster;
  readonly width: number;
  readonly height: number;
  /** File extension: png, jpg, jpeg or bmp (gif, tga, psd for files given as such). */
  readonly format: string;
  /** SHA-256 of the image file, lower-case hex, computed by the core. */
  readonly sha256: string;
  /** Bytes in the image file. */
  readonly size: number;
  readonly caption: string | null;
  readonly grouping: number | null;
  /** The class labels of the boxes and masks layers and `classes`, merged in wandb's order; null when none. */
  readonly classes: { id: number; name: string }[] | null;
  /** The validated layers (class_labels filled in); null when none. */
  readonly boxes: Record<string, Required<BoxesLayer>> | null;
  readonly masks: Record<string, { mask_data: Uint8Array; shape: [number, number]; class_labels: Record<string, string> }> | null;
  /** wandb's "image-file" JSON. */
  toJSON(binding: MediaBinding): ImageFileJSON;
  /** The image file and the box JSON / mask PNG files the JSON of the same binding names. */
  files(binding: MediaBinding): MediaFile[];
  /** The pixels as one flat Uint8Array and its shape: `[H, W]` for L, `[H, W, C]` otherwise. */
  toDataArray(): { data: Uint8Array; shape: number[] };
}

export interface ImageConstructor {
  /**
   * `data` is a typed array or tensor (normalized by the rules of
   * {@link Core.fromArray}), a raster or ImageData, or the bytes of an image
   * file (a Uint8Array without `shape`, or an ArrayBuffer: kept as is, not
   * re-encoded; `.npy` bytes are read as an array). Errors: `invalid_format`,
   * `invalid_boxes` (naming the layer, box index and field), `invalid_mask`,
   * `invalid_classes`, and those of the pixel input. JSON options are capped at
   * 16 MiB (`too_large`) and 64 levels of nesting.
   */
  new (data: ArrayInput | Raster | ImageData | Uint8Array | ArrayBuffer, options?: ImageOptions): WandbImage;
  /**
   * Rebuilds an equal image (pixels, caption, grouping, boxes, masks) from
   * `toJSON` and `files` output (`[{path, data}]`, a Map or an object of path →
   * bytes). A file whose sha256 or size differs from the JSON throws
   * `invalid_argument`, as does a missing one.
   */
  fromJSON(json: ImageFileJSON, files: MediaFile[] | Map<string, Uint8Array> | Record<string, Uint8Array | ArrayBuffer>): WandbImage;
  /**
   * "images/separated" for a list logged under one key. At most 108 images
   * are kept (wandb's limit); the rest are dropped with a console warning.
   * The files of image i are `images[i].files({key, step, id: i})`, or all at
   * once from {@link ImageConstructor.seqFiles}.
   */
  seqToJSON(images: WandbImage[], binding: MediaBinding): ImagesSeparatedJSON;
  /** Every file of a sequence, named as seqToJSON names them. */
  seqFiles(images: WandbImage[], binding: MediaBinding): MediaFile[];
  /** Captions (null where missing), or false when no image has one. */
  allCaptions(images: WandbImage[]): (string | null)[] | false;
  /** Each image's `boxes` JSON as in a sequence (null for images without), or false when none has boxes. */
  allBoxes(images: WandbImage[], binding: MediaBinding): (ImageFileJSON['boxes'] | null)[] | false;
  /** Each image's `masks` JSON as in a sequence (null for images without), or false when none has masks. */
  allMasks(images: WandbImage[], binding: MediaBinding): (ImageFileJSON['masks'] | null)[] | false;
}
