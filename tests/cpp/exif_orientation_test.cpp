// The EXIF orientation read from a JPEG's APP1 segment (decode/exif_orientation)
// and the pixels turned as it says (convert/transpose). End to end against
// Pillow's ImageOps.exif_transpose: tests/js/model-inputs.test.js.
#include <gtest/gtest.h>

#include <vector>

#include "convert/transpose.h"
#include "decode/exif_orientation.h"

namespace imagefield {
namespace {

// SOI, [JFIF APP0], an APP1 Exif segment with one IFD0 entry (Orientation = value), SOS.
std::vector<std::uint8_t> jpegWithOrientation(int value, bool little = false, bool jfif = false) {
  auto u16 = [&](int n) { return little ? std::vector<std::uint8_t>{std::uint8_t(n & 255), std::uint8_t(n >> 8)}
                                        : std::vector<std::uint8_t>{std::uint8_t(n >> 8), std::uint8_t(n & 255)}; };
  auto u32 = [&](std::uint32_t n) {
    std::vector<std::uint8_t> b{std::uint8_t(n >> 24), std::uint8_t(n >> 16), std::uint8_t(n >> 8), std::uint8_t(n)};
    if (little) std::swap(b[0], b[3]), std::swap(b[1], b[2]);
    return b;
  };
  std::vector<std::uint8_t> tiff = little ? std::vector<std::uint8_t>{0x49, 0x49} : std::vector<std::uint8_t>{0x4d, 0x4d};
  for (const auto& part : {u16(42), u32(8), u16(1), u16(0x0112), u16(3), u32(1), u16(value), std::vector<std::uint8_t>{0, 0}, u32(0)}) {
    tiff.insert(tiff.end(), part.begin(), part.end());
  }
  std::vector<std::uint8_t> out{0xff, 0xd8};
  if (jfif) out.insert(out.end(), {0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0});
  out.insert(out.end(), {0xff, 0xe1, 0, std::uint8_t(2 + 6 + tiff.size()), 0x45, 0x78, 0x69, 0x66, 0, 0});
  out.insert(out.end(), tiff.begin(), tiff.end());
  out.insert(out.end(), {0xff, 0xda, 0, 2});
  return out;
}

int orientationOf(const std::vector<std::uint8_t>& bytes) { return jpegExifOrientation(bytes.data(), bytes.size()); }

TEST(ExifOrientation, ReadsBigAndLittleEndianAfterJfifTooAndOneWithoutIt) {
  EXPECT_EQ(orientationOf(jpegWithOrientation(6)), 6);
  EXPECT_EQ(orientationOf(jpegWithOrientation(8, true)), 8);
  EXPECT_EQ(orientationOf(jpegWithOrientation(3, false, true)), 3);
  EXPECT_EQ(orientationOf({0xff, 0xd8, 0xff, 0xda, 0, 2}), 1);
  EXPECT_EQ(orientationOf(jpegWithOrientation(9)), 1);  // not an orientation
  const auto cut = jpegWithOrientation(6);
  EXPECT_EQ(jpegExifOrientation(cut.data(), 20), 1);  // cut short
}

std::vector<std::vector<int>> rows(const Raster& r) {
  std::vector<std::vector<int>> out(r.height);
  for (std::uint32_t y = 0; y < r.height; ++y) {
    for (std::uint32_t x = 0; x < r.width; ++x) out[y].push_back(r.data[y * r.width + x]);
  }
  return out;
}

TEST(ExifOrientation, TurnsPixelsAsEachOrientationSays) {
  const Raster raster{3, 2, Mode::L, {1, 2, 3, 4, 5, 6}, {}};
  using Rows = std::vector<std::vector<int>>;
  EXPECT_EQ(rows(orientedAsExif(raster, 1)), (Rows{{1, 2, 3}, {4, 5, 6}}));
  EXPECT_EQ(rows(orientedAsExif(raster, 2)), (Rows{{3, 2, 1}, {6, 5, 4}}));
  EXPECT_EQ(rows(orientedAsExif(raster, 3)), (Rows{{6, 5, 4}, {3, 2, 1}}));
  EXPECT_EQ(rows(orientedAsExif(raster, 4)), (Rows{{4, 5, 6}, {1, 2, 3}}));
  EXPECT_EQ(rows(orientedAsExif(raster, 5)), (Rows{{1, 4}, {2, 5}, {3, 6}}));
  EXPECT_EQ(rows(orientedAsExif(raster, 6)), (Rows{{4, 1}, {5, 2}, {6, 3}}));  // 90° clockwise
  EXPECT_EQ(rows(orientedAsExif(raster, 7)), (Rows{{6, 3}, {5, 2}, {4, 1}}));
  EXPECT_EQ(rows(orientedAsExif(raster, 8)), (Rows{{3, 6}, {2, 5}, {1, 4}}));  // 90° counter-clockwise
}

TEST(ExifOrientation, MovesWholePixelsOfAnySize) {
  const Raster turned = orientedAsExif(Raster{2, 1, Mode::RGB, {1, 2, 3, 4, 5, 6}, {}}, 6);
  EXPECT_EQ(turned.width, 1u);
  EXPECT_EQ(turned.height, 2u);
  EXPECT_EQ(turned.mode, Mode::RGB);
  EXPECT_EQ(turned.data, (std::vector<std::uint8_t>{1, 2, 3, 4, 5, 6}));
}

}  // namespace
}  // namespace imagefield
