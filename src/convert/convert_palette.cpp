// Dithering and palette conversions, reproducing Pillow 9.4's
// libImaging (Convert.c tobilevel/topalette, Palette.c, QuantOctree.c).
#include <algorithm>
#include <cstdint>
#include <vector>

#include "convert/convert_internal.h"

namespace imagefield {
namespace convert_detail {
namespace {

using std::uint8_t;

int clip8(int v) { return v <= 0 ? 0 : v >= 255 ? 255 : v; }

// One channel of Pillow's Floyd–Steinberg. Errors are kept ×16 and divided
// (truncating toward zero, as C does) only when applied; `nextRow[x]`
// accumulates what pixel x-1 of the next row receives, hence the +1 offset
// on reads. Keeping Pillow's exact bookkeeping matters: the truncation order
// changes which pixels flip.
struct DitherChannel {
  int carry = 0;          // 7/16 share for the next pixel on this row
  int pendingBelow = 0;   // 5/16 of the previous error + 1/16 of the one before
  int previousError = 0;  // error of the previous pixel

  int adjust(int value, int fromAbove) const { return clip8(value + (carry + fromAbove) / 16); }

  // Records the error of this pixel; returns what the next row's slot gets.
  int spread(int error) {
    const int belowLeft = 3 * error + pendingBelow;
    pendingBelow = 5 * error + previousError;
    previousError = error;
    carry = 7 * error;
    return belowLeft;
  }
};

// Pillow's 6×6×6 web palette sits at indices 10..225, red varying fastest;
// all other entries are black.
constexpr int kWebFirst = 10;
constexpr int kWebLevels = 6;

std::vector<uint8_t> webPalette() {
  std::vector<uint8_t> palette(768, 0);
  int i = kWebFirst;
  for (int b = 0; b < kWebLevels; ++b) {
    for (int g = 0; g < kWebLevels; ++g) {
      for (int r = 0; r < kWebLevels; ++r, ++i) {
        palette[i * 3 + 0] = static_cast<uint8_t>(r * 51);
        palette[i * 3 + 1] = static_cast<uint8_t>(g * 51);
        palette[i * 3 + 2] = static_cast<uint8_t>(b * 51);
      }
    }
  }
  return palette;
}

// Pillow's palette cache answers for (r & ~3, g & ~3, b & ~3) with the
// nearest entry by squared distance, lowest index on ties. On the web palette
// the distance is separable and the quantised value never lies half-way
// between two levels, so the nearest entry is the nearest level per channel;
// pure black resolves to index 0, the first of the many black entries.
int nearestWebIndex(int r, int g, int b) {
  const auto level = [](int v) { return ((v & ~3) + 25) / 51; };
  const int index = kWebFirst + level(r) + kWebLevels * level(g) + kWebLevels * kWebLevels * level(b);
  return index == kWebFirst ? 0 : index;
}

}  // namespace

std::vector<uint8_t> ditherToBilevel(const std::vector<int>& levels, std::uint32_t width, std::uint32_t height) {
  std::vector<uint8_t> out(levels.size());
  std::vector<int> nextRow(static_cast<std::size_t>(width) + 1, 0);
  for (std::size_t y = 0; y < height; ++y) {
    DitherChannel channel;
    const std::size_t row = y * width;
    for (std::size_t x = 0; x < width; ++x) {
      const int value = channel.adjust(levels[row + x], nextRow[x + 1]);
      const uint8_t chosen = value > 128 ? 255 : 0;
      out[row + x] = chosen;
      nextRow[x] = channel.spread(value - chosen);
    }
    nextRow[width] = channel.pendingBelow;
  }
  return out;
}

Raster rgbToWebPalette(const Raster& rgb) {
  Raster out;
  out.width = rgb.width;
  out.height = rgb.height;
  out.mode = Mode::P;
  out.palette = webPalette();
  out.data.resize(static_cast<std::size_t>(rgb.width) * rgb.height);

  std::vector<int> nextRow((static_cast<std::size_t>(rgb.width) + 1) * 3, 0);
  for (std::size_t y = 0; y < rgb.height; ++y) {
    DitherChannel channels[3];
    for (std::size_t x = 0; x < rgb.width; ++x) {
      const std::size_t pixel = y * rgb.width + x;
      int value[3];
      for (int c = 0; c < 3; ++c) value[c] = channels[c].adjust(rgb.data[pixel * 3 + c], nextRow[(x + 1) * 3 + c]);
      const int index = nearestWebIndex(value[0], value[1], value[2]);
      out.data[pixel] = static_cast<uint8_t>(index);
      for (int c = 0; c < 3; ++c) {
        nextRow[x * 3 + c] = channels[c].spread(value[c] - out.palette[index * 3 + c]);
      }
    }
    // At the row end Pillow stores the blue channel's leftovers in all three
    // channels' slots (its loop writes b0, b1, b2 there); reproduced on purpose.
    nextRow[rgb.width * 3 + 0] = channels[2].pendingBelow;
    nextRow[rgb.width * 3 + 1] = channels[2].previousError;
    nextRow[rgb.width * 3 + 2] = channels[2].previousError;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Fast octree (QuantOctree.c) with Pillow's RGBA cube sizes: a fine cube of
// 3/4/3/3 bits per R/G/B/A and a coarse one of 2 bits each. The palette is
// every used coarse bucket plus the most popular fine buckets.

namespace {

struct Bucket {
  std::uint32_t count = 0;  // also reused as the palette index in lookup cubes
  std::uint64_t sum[4] = {0, 0, 0, 0};
};

struct Cube {
  int bits[4];
  std::vector<Bucket> buckets;

  explicit Cube(const int (&b)[4]) : bits{b[0], b[1], b[2], b[3]} {
    buckets.resize(std::size_t{1} << (bits[0] + bits[1] + bits[2] + bits[3]));
  }
  std::size_t position(const unsigned (&c)[4]) const {
    std::size_t pos = 0;
    for (int i = 0; i < 4; ++i) pos = (pos << bits[i]) | c[i];
    return pos;
  }
  Bucket& at(const uint8_t* pixel) {
    unsigned c[4];
    for (int i = 0; i < 4; ++i) c[i] = pixel[i] >> (8 - bits[i]);
    return buckets[position(c)];
  }
  int width(int i) const { return 1 << bits[i]; }
};

constexpr int kFineBits[4] = {3, 4, 3, 3};
constexpr int kCoarseBits[4] = {2, 2, 2, 2};
constexpr std::uint32_t kColours = 256;

// The bucket mean, with Pillow's float division (sums are converted to float
// first, which rounds once they exceed 2^24).
void average(const Bucket& bucket, uint8_t* out) {
  const float count = static_cast<float>(bucket.count);
  for (int i = 0; i < 4; ++i) {
    out[i] = bucket.count == 0 ? 0 : static_cast<uint8_t>(clip8(static_cast<int>(static_cast<float>(bucket.sum[i]) / count)));
  }
}

// Re-buckets `from` at another resolution, summing (when shrinking) or
// replicating (when growing) bucket contents.
Cube resample(const Cube& from, const int (&bits)[4]) {
  Cube to(bits);
  int fromShift[4], toShift[4], width[4];
  for (int i = 0; i < 4; ++i) {
    const bool shrinking = from.bits[i] > bits[i];
    fromShift[i] = shrinking ? 0 : bits[i] - from.bits[i];
    toShift[i] = shrinking ? from.bits[i] - bits[i] : 0;
    width[i] = shrinking ? from.width(i) : to.width(i);
  }
  unsigned c[4];
  for (c[0] = 0; c[0] < unsigned(width[0]); ++c[0]) {
    for (c[1] = 0; c[1] < unsigned(width[1]); ++c[1]) {
      for (c[2] = 0; c[2] < unsigned(width[2]); ++c[2]) {
        for (c[3] = 0; c[3] < unsigned(width[3]); ++c[3]) {
          unsigned src[4], dst[4];
          for (int i = 0; i < 4; ++i) {
            src[i] = c[i] >> fromShift[i];
            dst[i] = c[i] >> toShift[i];
          }
          const Bucket& s = from.buckets[from.position(src)];
          Bucket& d = to.buckets[to.position(dst)];
          d.count += s.count;
          for (int i = 0; i < 4; ++i) d.sum[i] += s.sum[i];
        }
      }
    }
  }
  return to;
}

std::uint32_t usedBuckets(const Cube& cube) {
  return static_cast<std::uint32_t>(
      std::count_if(cube.buckets.begin(), cube.buckets.end(), [](const Bucket& b) { return b.count > 0; }));
}

// Most populated first. Pillow uses qsort, which glibc implements as a
// stable merge sort, so equal counts keep cube order.
std::vector<Bucket> sortedByCount(const Cube& cube) {
  std::vector<Bucket> sorted = cube.buckets;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Bucket& a, const Bucket& b) { return a.count > b.count; });
  return sorted;
}

// Removes the pixels of fine palette buckets [first, last) from the coarse cube.
void subtractFine(Cube& coarse, const std::vector<Bucket>& fine, std::size_t first, std::size_t last) {
  for (std::size_t i = first; i < last; ++i) {
    if (fine[i].count == 0) continue;
    uint8_t mean[4];
    average(fine[i], mean);
    Bucket& target = coarse.at(mean);
    target.count -= fine[i].count;
    for (int c = 0; c < 4; ++c) target.sum[c] -= fine[i].sum[c];
  }
}

// Lower indices are written last and so win when two entries share a bucket.
void addLookups(Cube& lookup, const std::vector<Bucket>& palette, std::size_t first, std::size_t count) {
  for (std::size_t i = first + count; i-- > first;) {
    uint8_t mean[4];
    average(palette[i], mean);
    lookup.at(mean).count = static_cast<std::uint32_t>(i);
  }
}

}  // namespace

Raster rgbaToOctreePalette(const Raster& rgba) {
  const std::size_t n = static_cast<std::size_t>(rgba.width) * rgba.height;
  // Quantize.c gives every fully transparent pixel the colour of the first one.
  std::vector<uint8_t> pixels(rgba.data);
  bool seenTransparent = false;
  uint8_t transparent[3] = {0, 0, 0};
  for (std::size_t i = 0; i < n; ++i) {
    uint8_t* p = &pixels[i * 4];
    if (p[3] != 0) continue;
    if (!seenTransparent) {
      seenTransparent = true;
      std::copy(p, p + 3, transparent);
    } else {
      std::copy(transparent, transparent + 3, p);
    }
  }

  Cube fine(kFineBits);
  for (std::size_t i = 0; i < n; ++i) {
    const uint8_t* p = &pixels[i * 4];
    Bucket& b = fine.at(p);
    b.count += 1;
    for (int c = 0; c < 4; ++c) b.sum[c] += p[c];
  }
  Cube coarse = resample(fine, kCoarseBits);
  std::uint32_t coarseColours = std::min(usedBuckets(coarse), kColours);
  std::uint32_t fineColours = kColours - coarseColours;

  const std::vector<Bucket> fineSorted = sortedByCount(fine);
  subtractFine(coarse, fineSorted, 0, fineColours);
  // Coarse buckets emptied by the subtraction free palette slots for more
  // fine buckets, which may empty more coarse buckets.
  while (coarseColours > usedBuckets(coarse)) {
    const std::uint32_t done = fineColours;
    coarseColours = usedBuckets(coarse);
    fineColours = kColours - coarseColours;
    subtractFine(coarse, fineSorted, done, fineColours);
  }

  std::vector<Bucket> palette = sortedByCount(coarse);
  palette.resize(coarseColours);
  palette.insert(palette.end(), fineSorted.begin(), fineSorted.begin() + fineColours);

  Cube coarseLookup(kCoarseBits);
  addLookups(coarseLookup, palette, 0, coarseColours);
  Cube lookup = resample(coarseLookup, kFineBits);
  addLookups(lookup, palette, coarseColours, fineColours);

  Raster out;
  out.width = rgba.width;
  out.height = rgba.height;
  out.mode = Mode::P;
  out.data.resize(n);
  for (std::size_t i = 0; i < n; ++i) out.data[i] = static_cast<uint8_t>(lookup.at(&pixels[i * 4]).count);
  out.palette.resize(kColours * 3);
  for (std::size_t i = 0; i < kColours; ++i) {
    uint8_t mean[4];
    average(palette[i], mean);
    std::copy(mean, mean + 3, &out.palette[i * 3]);
  }
  return out;
}

}  // namespace convert_detail
}  // namespace imagefield
