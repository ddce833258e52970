// The BMP reader on hand-built files: each one isolates one rule (RLE escapes,
// row order, palette placement, channel expansion) so a failure names it.
// Pillow's own files are compared end to end in tests/js/pillow-parity.test.js.
#include "decode/bmp_decode.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace imagefield {
namespace {

using Bytes = std::vector<std::uint8_t>;

void put16(Bytes& b, std::size_t at, std::uint32_t v) {
  b[at] = v & 255;
  b[at + 1] = (v >> 8) & 255;
}
void put32(Bytes& b, std::size_t at, std::uint32_t v) {
  put16(b, at, v & 0xFFFF);
  put16(b, at + 2, v >> 16);
}

struct Spec {
  std::uint32_t headerSize = 40;
  std::int32_t width = 4;
  std::int32_t height = 2;
  std::uint32_t bits = 8;
  std::uint32_t compression = 0;
  std::uint32_t colors = 0;             // the header's colour count (0: 1 << bits)
  Bytes palette;                        // entries as stored (BGRX, or BGR for OS/2 v1)
  std::vector<std::uint32_t> masks;     // after a 40-byte header, or inside a longer one
  Bytes pixels;
  std::int64_t offset = -1;             // -1: right after the palette
};

Bytes build(const Spec& s) {
  Bytes b(14 + s.headerSize, 0);
  b[0] = 'B', b[1] = 'M';
  put32(b, 14, s.headerSize);
  if (s.headerSize == 12) {
    put16(b, 18, static_cast<std::uint32_t>(s.width));
    put16(b, 20, static_cast<std::uint32_t>(s.height));
    put16(b, 22, 1);
    put16(b, 24, s.bits);
  } else {
    put32(b, 18, static_cast<std::uint32_t>(s.width));
    put32(b, 22, static_cast<std::uint32_t>(s.height));
    put16(b, 26, 1);
    put16(b, 28, s.bits);
    put32(b, 30, s.compression);
    put32(b, 46, s.colors);
    for (std::size_t i = 0; i < s.masks.size() && s.headerSize > 40; ++i) put32(b, 54 + 4 * i, s.masks[i]);
  }
  if (s.headerSize == 40) {
    for (std::uint32_t mask : s.masks) {
      b.resize(b.size() + 4);
      put32(b, b.size() - 4, mask);
    }
  }
  b.insert(b.end(), s.palette.begin(), s.palette.end());
  put32(b, 10, static_cast<std::uint32_t>(s.offset < 0 ? b.size() : static_cast<std::size_t>(s.offset)));
  b.insert(b.end(), s.pixels.begin(), s.pixels.end());
  put32(b, 2, static_cast<std::uint32_t>(b.size()));
  return b;
}

// A palette of `n` BGRX entries, entry i = (r, g, b) = (i*10+1, i*10+2, i*10+3).
Bytes palette(int n, int entryBytes = 4) {
  Bytes p;
  for (int i = 0; i < n; ++i) {
    p.push_back(static_cast<std::uint8_t>(i * 10 + 3));
    p.push_back(static_cast<std::uint8_t>(i * 10 + 2));
    p.push_back(static_cast<std::uint8_t>(i * 10 + 1));
    if (entryBytes == 4) p.push_back(0);
  }
  return p;
}

Raster decoded(const Bytes& file) {
  // A buffer of exactly the file's size, so ASan sees any read past its end.
  auto result = decodeBmp(file.data(), file.size());
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  return result.ok() ? result.value() : Raster{};
}

std::string failure(const Bytes& file) {
  auto result = decodeBmp(file.data(), file.size());
  return result.ok() ? "decoded" : result.error().message;
}

TEST(BmpDecode, Rle8EscapesFollowPillow) {
  Spec s;
  s.width = 4, s.height = 3, s.compression = 1, s.colors = 8, s.palette = palette(8);
  s.pixels = {
      2, 5,          // bottom row: 5 5
      0, 3, 1, 2, 3, 0,  // absolute run of 3 (padded to 16 bits): 1 2 3 -> row 0 full
      0, 2, 1, 1,    // delta: 1 right, 1 row on -> skips pixels 4..8
      3, 7,          // 7 7 7 from x=2: only 2 fit in the row
      0, 1,          // end of bitmap
  };
  const Raster r = decoded(build(s));
  ASSERT_EQ(r.mode, Mode::P);
  // File rows, bottom-up: [5 5 1 2] [3 0 0 0] [0 0 7 7]. The absolute run
  // goes on into the next row; the delta lands on pixel 10, and the run of 3
  // there is cut at the row's end.
  EXPECT_EQ(r.data, (Bytes{0, 0, 7, 7, /**/ 3, 0, 0, 0, /**/ 5, 5, 1, 2}));
  EXPECT_EQ(r.palette.size(), 8u * 3);
}

TEST(BmpDecode, Rle8EncodedRunStopsAtRowEndAndEndOfLinePads) {
  Spec s;
  s.width = 3, s.height = 2, s.compression = 1, s.colors = 4, s.palette = palette(4);
  s.pixels = {5, 1, 0, 0, 1, 2, 0, 1};  // run of 5 clipped to 3; end of line; 2; end of bitmap
  EXPECT_EQ(decoded(build(s)).data, (Bytes{2, 0, 0, /**/ 1, 1, 1}));
}

TEST(BmpDecode, Rle4OddAbsoluteRunKeepsItsLastNibble) {
  Spec s;
  s.width = 4, s.height = 1, s.bits = 4, s.compression = 2, s.colors = 16, s.palette = palette(16);
  s.pixels = {0, 3, 0x12, 0x30, 1, 0xAB, 0, 1};  // 1 2 3 (2 bytes, aligned), then one pixel A
  EXPECT_EQ(decoded(build(s)).data, (Bytes{1, 2, 3, 0xA}));
}

TEST(BmpDecode, RleWithoutEndOfBitmapThatStopsShortIsTruncated) {
  Spec s;
  s.width = 4, s.height = 2, s.compression = 1, s.colors = 2, s.palette = palette(2);
  s.pixels = {4, 1};
  EXPECT_NE(failure(build(s)).find("truncated: RLE data ends after 4 of 8 pixels"), std::string::npos);
  s.pixels = {4, 1, 0, 5, 1};  // absolute run of 5 with only 1 byte left
  EXPECT_NE(failure(build(s)).find("truncated: RLE absolute run"), std::string::npos);
}

TEST(BmpDecode, TopDownRowsAndRleTopDown) {
  Spec s;
  s.width = 2, s.height = -2, s.bits = 24;
  s.pixels = {1, 2, 3, 4, 5, 6, 0, 0, /**/ 7, 8, 9, 10, 11, 12};
  const Raster r = decoded(build(s));
  EXPECT_EQ(r.height, 2u);
  EXPECT_EQ(r.data, (Bytes{3, 2, 1, 6, 5, 4, 9, 8, 7, 12, 11, 10}));

  Spec rle;
  rle.width = 2, rle.height = -2, rle.compression = 1, rle.colors = 4, rle.palette = palette(4);
  rle.pixels = {2, 1, 0, 0, 2, 3, 0, 1};
  EXPECT_EQ(decoded(build(rle)).data, (Bytes{1, 1, 3, 3}));
}

TEST(BmpDecode, SixteenBitChannelsScaleLikePillow) {
  Spec s;
  s.width = 2, s.height = 1, s.bits = 16;
  // 5-5-5: red 16, green 1, blue 31; then red 0, green 30, blue 2.
  const std::uint32_t a = (16 << 10) | (1 << 5) | 31, b = (30 << 5) | 2;
  s.pixels = {std::uint8_t(a), std::uint8_t(a >> 8), std::uint8_t(b), std::uint8_t(b >> 8)};
  // floor(v * 255 / 31): 16 -> 131 (bit replication would give 132).
  EXPECT_EQ(decoded(build(s)).data, (Bytes{131, 8, 255, 0, 246, 16}));

  s.compression = 3, s.masks = {0xF800, 0x7E0, 0x1F};
  const std::uint32_t c = (16 << 11) | (32 << 5) | 1;
  s.width = 1, s.pixels = {std::uint8_t(c), std::uint8_t(c >> 8), 0, 0};
  // floor(32 * 255 / 63) = 129.
  EXPECT_EQ(decoded(build(s)).data, (Bytes{131, 129, 8}));
}

TEST(BmpDecode, ThirtyTwoBitPaddingIsNotAlphaButBitfieldsAlphaIs) {
  Spec s;
  s.width = 1, s.height = 1, s.bits = 32, s.pixels = {1, 2, 3, 0x80};
  Raster r = decoded(build(s));
  EXPECT_EQ(r.mode, Mode::RGB);
  EXPECT_EQ(r.data, (Bytes{3, 2, 1}));

  s.headerSize = 108, s.compression = 3, s.masks = {0xFF0000, 0xFF00, 0xFF, 0xFF000000};
  r = decoded(build(s));
  EXPECT_EQ(r.mode, Mode::RGBA);
  EXPECT_EQ(r.data, (Bytes{3, 2, 1, 0x80}));
}

TEST(BmpDecode, PaletteRulesAndNaturalModes) {
  // Out-of-range indexes stay indexes; the core's P -> RGB gives them grey levels, as Pillow.
  Spec s;
  s.width = 2, s.height = 1, s.colors = 2, s.palette = palette(2), s.pixels = {1, 200, 0, 0};
  Raster r = decoded(build(s));
  EXPECT_EQ(r.mode, Mode::P);
  EXPECT_EQ(r.data, (Bytes{1, 200}));
  EXPECT_EQ(r.palette, (Bytes{1, 2, 3, 11, 12, 13}));

  // A pixel offset pointing at the palette itself is moved past it.
  s.offset = 54;
  EXPECT_EQ(decoded(build(s)).data, (Bytes{1, 200}));

  // Grey ramps are mode L, black and white 1-bit is mode 1.
  Spec grey;
  grey.width = 2, grey.height = 1, grey.colors = 3, grey.pixels = {2, 1, 0, 0};
  grey.palette = {0, 0, 0, 0, 1, 1, 1, 0, 2, 2, 2, 0};
  EXPECT_EQ(decoded(build(grey)).mode, Mode::L);
  Spec bilevel;
  bilevel.width = 3, bilevel.height = 1, bilevel.bits = 1, bilevel.colors = 2;
  bilevel.palette = {0, 0, 0, 0, 255, 255, 255, 0};
  bilevel.pixels = {0xA0, 0, 0, 0};
  r = decoded(build(bilevel));
  EXPECT_EQ(r.mode, Mode::One);
  EXPECT_EQ(r.data, (Bytes{255, 0, 255}));
}

TEST(BmpDecode, Os2Headers) {
  Spec v1;
  v1.headerSize = 12, v1.width = 2, v1.height = 1, v1.palette = palette(256, 3), v1.pixels = {0, 3, 0, 0};
  Raster r = decoded(build(v1));
  EXPECT_EQ(r.data, (Bytes{0, 3}));
  EXPECT_EQ(r.palette[9], 31);

  Spec v2;
  v2.headerSize = 64, v2.width = 2, v2.height = 1, v2.colors = 4, v2.palette = palette(4), v2.pixels = {3, 1, 0, 0};
  r = decoded(build(v2));
  EXPECT_EQ(r.data, (Bytes{3, 1}));
}

TEST(BmpDecode, ErrorsNameWhatIsUnsupportedOrWrong) {
  Spec s;
  s.compression = 4;
  const Bytes jpeg = build(s);
  auto result = decodeBmp(jpeg.data(), jpeg.size());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::UnsupportedFile);
  EXPECT_NE(result.error().message.find("embedded JPEG"), std::string::npos);

  Spec depth;
  depth.bits = 2;
  EXPECT_NE(failure(build(depth)).find("pixel depth of 2 bits"), std::string::npos);
  Bytes header = build(Spec{});
  header[14] = 20;
  EXPECT_NE(failure(header).find("info header of 20 bytes"), std::string::npos);
  Spec raw;
  raw.width = 3, raw.height = 2, raw.bits = 24, raw.pixels = Bytes(12 + 8, 0);  // rows of 9 bytes + 3 padding
  EXPECT_NE(failure(build(raw)).find("truncated: pixel data needs 21 bytes"), std::string::npos);
  raw.pixels.push_back(0);  // the last row's padding is not needed
  EXPECT_EQ(failure(build(raw)), "decoded");
  raw.width = -4;
  EXPECT_NE(failure(build(raw)).find("negative width"), std::string::npos);
}

}  // namespace
}  // namespace imagefield
