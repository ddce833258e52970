// Palette PNGs and the libdeflate-backed zlib helpers, natively.
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <vector>

#include "decode/decode.h"
#include "encode/encode.h"
#include "encode/png_palette.h"
#include "encode/zlib_deflate.h"

namespace imagefield {
namespace {

Raster cells(std::uint32_t w, std::uint32_t h, int colours, Mode mode) {
  Raster r;
  r.width = w;
  r.height = h;
  r.mode = mode;
  const int channels = mode == Mode::RGBA ? 4 : 3;
  r.data.resize(std::size_t(w) * h * channels);
  for (std::uint32_t y = 0; y < h; ++y) {
    for (std::uint32_t x = 0; x < w; ++x) {
      const int c = int((x / 3 * 31 + y / 2 * 17) % colours);
      std::uint8_t* p = &r.data[(std::size_t(y) * w + x) * channels];
      p[0] = std::uint8_t(c * 167 + 59);
      p[1] = std::uint8_t(100 + (c >> 8));
      p[2] = std::uint8_t(c * 91 + 7);
      if (channels == 4) p[3] = std::uint8_t(c % 2 ? 255 : c);
    }
  }
  return r;
}

TEST(Crc32, MatchesZlib) {
  std::vector<std::uint8_t> data(1000);
  for (std::size_t i = 0; i < data.size(); ++i) data[i] = std::uint8_t(i * 7 + 3);
  EXPECT_EQ(crc32(0, data.data(), data.size()), ::crc32(0, data.data(), uInt(data.size())));
  const std::uint32_t half = crc32(0, data.data(), 400);
  EXPECT_EQ(crc32(half, data.data() + 400, 600), ::crc32(0, data.data(), uInt(data.size())));
}

TEST(ZlibCompress, InflatesBackWithZlib) {
  std::vector<std::uint8_t> data(50000);
  for (std::size_t i = 0; i < data.size(); ++i) data[i] = std::uint8_t((i * i) >> 7);
  for (int level : {0, 1, 6, 12}) {
    std::vector<std::uint8_t> packed;
    ASSERT_TRUE(zlibCompress(data.data(), data.size(), level, packed));
    std::vector<std::uint8_t> back(data.size());
    uLongf backLength = uLongf(back.size());
    ASSERT_EQ(uncompress(back.data(), &backLength, packed.data(), uLong(packed.size())), Z_OK) << level;
    EXPECT_EQ(back, data) << level;
  }
}

TEST(IndexColours, StopsAt257Colours) {
  EXPECT_TRUE(indexColours(cells(64, 64, 256, Mode::RGB)));
  EXPECT_FALSE(indexColours(cells(64, 64, 257, Mode::RGB)));
  Raster grey;
  grey.width = grey.height = 2;
  grey.mode = Mode::L;
  grey.data = {1, 2, 3, 4};
  EXPECT_FALSE(indexColours(grey));  // only RGB and RGBA
}

TEST(IndexColours, OpaqueImagesHaveNoAlphaTable) {
  const auto indexed = indexColours(cells(10, 10, 5, Mode::RGB));
  ASSERT_TRUE(indexed);
  EXPECT_EQ(indexed->rgb.size(), 5u * 3);
  EXPECT_TRUE(indexed->alpha.empty());
}

class PalettePng : public ::testing::TestWithParam<std::tuple<int, Mode>> {};

TEST_P(PalettePng, DecodesPixelExact) {
  const auto [colours, mode] = GetParam();
  const Raster image = cells(97, 41, colours, mode);
  const auto indexed = indexColours(image);
  ASSERT_TRUE(indexed);
  std::vector<std::uint8_t> png;
  ASSERT_TRUE(writePalettePng(*indexed, kDefaultCompressionLevel, png));
  EXPECT_EQ(png[25], 3) << "colour type";
  auto back = decodeImage(png.data(), png.size());
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back.value().mode, mode);
  EXPECT_EQ(back.value().data, image.data);

  // encodeImage keeps the palette file unless, under 4 KiB, truecolour is smaller.
  auto chosen = encodeImage(image);
  ASSERT_TRUE(chosen);
  EXPECT_LE(chosen.value().size(), png.size());
  auto again = decodeImage(chosen.value().data(), chosen.value().size());
  ASSERT_TRUE(again);
  EXPECT_EQ(again.value().data, image.data);
}

INSTANTIATE_TEST_SUITE_P(Colours, PalettePng,
                         ::testing::Combine(::testing::Values(2, 4, 16, 200, 256),
                                            ::testing::Values(Mode::RGB, Mode::RGBA)));

TEST(EncodeOptions, CompressionOutOfRangeIsInvalidArgument) {
  EncodeOptions options;
  for (int level : {-1, 13}) {
    options.compression = level;
    auto png = encodeImage(cells(4, 4, 3, Mode::RGB), options);
    ASSERT_FALSE(png);
    EXPECT_EQ(png.error().code, ErrorCode::InvalidArgument);
  }
}

}  // namespace
}  // namespace imagefield
