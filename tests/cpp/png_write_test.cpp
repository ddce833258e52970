// The core's PNG writer, checked against the core's decoder (stb_image) and
// against a decoder written here from the PNG specification on top of zlib:
// chunk CRCs, inflate, unfilter, unpack, palette lookup.
#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "convert/convert.h"
#include "decode/decode.h"
#include "encode/encode.h"
#include "encode/png_filter_kernels.h"
#include "encode/png_palette.h"
#include "encode/png_write.h"
#include "encode/zlib_deflate.h"
#include "test_images.h"

namespace imagefield {
namespace {

std::uint32_t readU32(const std::uint8_t* p) {
  return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3];
}

// What the independent decoder found: pixels as 8-bit samples per channel
// (palette entries expanded to RGB or RGBA), and the filter type of each row.
struct Decoded {
  std::uint32_t width = 0, height = 0;
  int channels = 0;
  std::vector<std::uint8_t> pixels;
  std::vector<int> rowFilters;
  int idatChunks = 0;
};

int predictPaeth(int a, int b, int c) {
  const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

// Fails the calling test (and returns an empty result) on anything a PNG
// reader would reject.
Decoded decodeWithZlib(const std::vector<std::uint8_t>& png) {
  Decoded d;
  static const std::uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  EXPECT_TRUE(png.size() >= 8 && std::equal(kSignature, kSignature + 8, png.begin())) << "signature";
  int depth = 0, colourType = -1;
  std::vector<std::uint8_t> palette, trns, idat;
  bool ended = false;
  for (std::size_t at = 8; at + 12 <= png.size() && !ended;) {
    const std::uint32_t length = readU32(&png[at]);
    if (at + 12 + length > png.size()) {
      ADD_FAILURE() << "chunk runs past the end";
      return {};
    }
    const std::string type(png.begin() + at + 4, png.begin() + at + 8);
    const std::uint8_t* data = &png[at + 8];
    EXPECT_EQ(readU32(data + length), ::crc32(0, &png[at + 4], length + 4)) << type << " CRC";
    if (type == "IHDR") {
      d.width = readU32(data);
      d.height = readU32(data + 4);
      depth = data[8];
      colourType = data[9];
      EXPECT_EQ(data[10], 0);
      EXPECT_EQ(data[11], 0);
      EXPECT_EQ(data[12], 0) << "interlace";
    } else if (type == "PLTE") {
      palette.assign(data, data + length);
    } else if (type == "tRNS") {
      trns.assign(data, data + length);
    } else if (type == "IDAT") {
      idat.insert(idat.end(), data, data + length);
      ++d.idatChunks;
    } else if (type == "IEND") {
      ended = true;
      EXPECT_EQ(at + 12, png.size()) << "bytes after IEND";
    } else {
      ADD_FAILURE() << "unexpected chunk " << type;
    }
    at += 12 + length;
  }
  EXPECT_TRUE(ended) << "no IEND";
  const std::map<int, int> kChannels = {{0, 1}, {2, 3}, {3, 1}, {4, 2}, {6, 4}};
  if (!kChannels.count(colourType)) {
    ADD_FAILURE() << "colour type " << colourType;
    return {};
  }
  const int samples = kChannels.at(colourType);
  const std::size_t rowBytes = (std::size_t(d.width) * samples * depth + 7) / 8;
  const int bpp = std::max(1, samples * depth / 8);
  std::vector<std::uint8_t> raw((rowBytes + 1) * d.height);
  uLongf rawLength = uLongf(raw.size());
  EXPECT_EQ(uncompress(raw.data(), &rawLength, idat.data(), uLong(idat.size())), Z_OK);
  EXPECT_EQ(rawLength, raw.size()) << "inflated size";

  std::vector<std::uint8_t> rows(rowBytes * d.height), zeros(rowBytes, 0);
  for (std::uint32_t y = 0; y < d.height; ++y) {
    const std::uint8_t* in = &raw[y * (rowBytes + 1)];
    std::uint8_t* row = rows.data() + y * rowBytes;
    const std::uint8_t* above = y ? row - rowBytes : zeros.data();
    d.rowFilters.push_back(in[0]);
    for (std::size_t x = 0; x < rowBytes; ++x) {
      const int a = x >= std::size_t(bpp) ? row[x - bpp] : 0, b = above[x];
      const int c = x >= std::size_t(bpp) ? above[x - bpp] : 0;
      int predicted = 0;
      switch (in[0]) {
        case 0: break;
        case 1: predicted = a; break;
        case 2: predicted = b; break;
        case 3: predicted = (a + b) / 2; break;
        case 4: predicted = predictPaeth(a, b, c); break;
        default: ADD_FAILURE() << "filter type " << int(in[0]); return {};
      }
      row[x] = std::uint8_t(in[1 + x] + predicted);
    }
  }
  if (colourType != 3) {
    EXPECT_EQ(depth, 8);
    d.channels = samples;
    d.pixels = std::move(rows);
    return d;
  }
  d.channels = trns.empty() ? 3 : 4;
  for (std::uint32_t y = 0; y < d.height; ++y) {
    for (std::uint32_t x = 0; x < d.width; ++x) {
      const std::size_t bit = std::size_t(x) * depth;
      const int index = (rows[y * rowBytes + bit / 8] >> (8 - depth - bit % 8)) & ((1 << depth) - 1);
      if (std::size_t(index) * 3 + 2 >= palette.size()) {
        ADD_FAILURE() << "index " << index << " outside the palette";
        return {};
      }
      d.pixels.insert(d.pixels.end(), &palette[index * 3], &palette[index * 3 + 3]);
      if (d.channels == 4) d.pixels.push_back(std::size_t(index) < trns.size() ? trns[index] : 255);
    }
  }
  return d;
}

// A deterministic generator, so a failure can be reproduced.
struct Random {
  std::uint32_t s;
  std::uint8_t next() {
    s = s * 1664525u + 1013904223u;
    return std::uint8_t(s >> 24);
  }
};

// A gradient with a little noise; modes of more than one byte per band (I,
// F) get random bytes, and P a random palette.
Raster noisy(std::uint32_t w, std::uint32_t h, Mode mode, std::uint32_t seed) {
  Random rnd{seed};
  if (bytesPerPixel(mode) != std::size_t(bandCount(mode))) {
    Raster r;
    r.width = w;
    r.height = h;
    r.mode = mode;
    r.data.resize(expectedByteSize(w, h, mode));
    for (auto& v : r.data) v = rnd.next();
    return r;
  }
  Raster r = testing::gradient(w, h, mode);
  for (auto& v : r.data) v = std::uint8_t(v + (rnd.next() & 7));
  if (mode == Mode::P) {
    r.palette.resize(768);
    for (auto& v : r.palette) v = rnd.next();
  }
  return r;
}

std::vector<std::uint8_t> encodeOrFail(const Raster& r, EncodeOptions options = {}) {
  auto png = encodeImage(r, options);
  EXPECT_TRUE(png) << (png ? "" : png.error().message);
  return png ? png.value() : std::vector<std::uint8_t>{};
}

// Both decoders give back exactly `expected` (in its own mode).
void expectRoundTrip(const std::vector<std::uint8_t>& png, const Raster& expected) {
  DecodeLimits limits;
  limits.maxAxis = 65535;  // PNG's own limit is 2^31-1; the tests go up to 65535
  const Decoded ours = decodeWithZlib(png);
  EXPECT_EQ(ours.width, expected.width);
  EXPECT_EQ(ours.height, expected.height);
  EXPECT_EQ(ours.channels, bandCount(expected.mode));
  EXPECT_TRUE(ours.pixels == expected.data) << "independent decoder: pixels differ";
  auto core = decodeImage(png.data(), png.size(), limits);
  ASSERT_TRUE(core) << core.error().message;
  EXPECT_EQ(core.value().mode, expected.mode);
  EXPECT_TRUE(core.value().data == expected.data) << "core decoder: pixels differ";
}

class PngModes : public ::testing::TestWithParam<Mode> {};

TEST_P(PngModes, RoundTripsThroughBothDecoders) {
  const Mode mode = GetParam();
  for (auto [w, h] : {std::pair{1u, 1u}, {1u, 37u}, {37u, 1u}, {33u, 17u}, {64u, 9u}, {101u, 23u}}) {
    const Raster original = noisy(w, h, mode, w * 31 + h);
    EncodeOptions truecolour;
    truecolour.palette = false;
    Raster expected = original;
    // Modes PNG cannot hold are stored converted (1, I, F → L; others → RGB).
    if (mode != Mode::L && mode != Mode::LA && mode != Mode::RGB && mode != Mode::RGBA) {
      const Mode stored = (mode == Mode::One || mode == Mode::I || mode == Mode::F) ? Mode::L : Mode::RGB;
      auto converted = convert(original, stored);
      ASSERT_TRUE(converted) << converted.error().message;
      expected = converted.value();
    }
    SCOPED_TRACE(std::string(modeName(mode)) + " " + std::to_string(w) + "x" + std::to_string(h));
    expectRoundTrip(encodeOrFail(original, truecolour), expected);
    expectRoundTrip(encodeOrFail(original), expected);  // palette allowed (small images have few colours)
  }
}

INSTANTIATE_TEST_SUITE_P(Modes, PngModes,
                         ::testing::Values(Mode::L, Mode::LA, Mode::RGB, Mode::RGBA, Mode::One, Mode::P, Mode::I,
                                           Mode::F, Mode::CMYK, Mode::YCbCr, Mode::HSV, Mode::LAB),
                         [](const auto& info) { return std::string(modeName(info.param)) == "1"
                                                           ? std::string("One")
                                                           : std::string(modeName(info.param)); });

// Palette files at every bit depth, with and without tRNS, through both decoders.
TEST(PngPalette, EveryDepthRoundTripsThroughBothDecoders) {
  for (int colours : {2, 3, 4, 9, 16, 17, 256}) {
    for (Mode mode : {Mode::RGB, Mode::RGBA}) {
      Raster r;
      r.width = 61;
      r.height = 13;
      r.mode = mode;
      const int channels = bandCount(mode);
      Random rnd{std::uint32_t(colours)};
      for (std::uint32_t i = 0; i < r.width * r.height; ++i) {
        const int c = i < std::uint32_t(colours) ? int(i) : rnd.next() % colours;
        r.data.insert(r.data.end(), {std::uint8_t(c * 37), std::uint8_t(c * 11 + 5), std::uint8_t(255 - c)});
        if (channels == 4) r.data.push_back(std::uint8_t(c % 3 ? 255 : c * 5));
      }
      const auto indexed = indexColours(r);
      ASSERT_TRUE(indexed);
      std::vector<std::uint8_t> png;
      ASSERT_TRUE(writePalettePng(*indexed, kDefaultCompressionLevel, png));
      SCOPED_TRACE(std::to_string(colours) + " colours, " + modeName(mode));
      const int expectedDepth = colours <= 2 ? 1 : colours <= 4 ? 2 : colours <= 16 ? 4 : 8;
      EXPECT_EQ(png[24], expectedDepth);
      EXPECT_EQ(png[25], 3);
      expectRoundTrip(png, r);
    }
  }
}

TEST(PngWrite, EveryCompressionLevelRoundTrips) {
  const Raster image = noisy(45, 31, Mode::RGB, 5);
  std::size_t stored = 0, smallest = SIZE_MAX;
  for (int level = kMinCompressionLevel; level <= kMaxCompressionLevel; ++level) {
    EncodeOptions options;
    options.compression = level;
    const auto png = encodeOrFail(image, options);
    SCOPED_TRACE("level " + std::to_string(level));
    expectRoundTrip(png, image);
    if (level == 0) stored = png.size();
    smallest = std::min(smallest, png.size());
  }
  EXPECT_GT(stored, image.data.size()) << "level 0 stores the filtered rows as they are";
  EXPECT_LT(smallest, stored);
}

TEST(PngWrite, LongestSidesRoundTrip) {
  for (auto [w, h] : {std::pair{65535u, 1u}, {1u, 65535u}, {65535u, 2u}}) {
    const Raster image = noisy(w, h, Mode::RGBA, w + h);
    SCOPED_TRACE(std::to_string(w) + "x" + std::to_string(h));
    expectRoundTrip(encodeOrFail(image), image);
  }
}

TEST(PngWrite, StreamLongerThanAChunkIsSplitAcrossIdatChunks) {
  const Raster image = noisy(50, 40, Mode::RGB, 9);
  const auto scanlines = png::filterRows(image.data.data(), 150, 40, 3);
  std::vector<std::uint8_t> whole, split;
  const png::ImageHeader header{50, 40, 8, png::ColourType::RGB};
  ASSERT_TRUE(png::writeFile(header, {}, {}, scanlines, 6, whole));
  ASSERT_TRUE(png::writeFile(header, {}, {}, scanlines, 6, split, 100));
  EXPECT_EQ(decodeWithZlib(whole).idatChunks, 1);
  const Decoded d = decodeWithZlib(split);
  EXPECT_EQ(d.idatChunks, int((whole.size() - 57 + 99) / 100)) << "57 bytes: signature, IHDR, IDAT and IEND framing";
  expectRoundTrip(split, image);
}

// An image whose rows each favour a different filter, so the file holds
// all five and the decoders must undo each one.
Raster everyFilterImage() {
  Raster r;
  r.width = 64;
  r.height = 40;
  r.mode = Mode::RGB;
  r.data.resize(64 * 40 * 3);
  Random rnd{77};
  for (std::uint32_t y = 0; y < r.height; ++y) {
    const int band = int(y / 8);
    for (std::uint32_t x = 0; x < r.width; ++x) {
      for (int ch = 0; ch < 3; ++ch) {
        std::uint8_t& v = r.data[(y * 64 + x) * 3 + ch];
        const std::uint8_t left = x ? r.data[(y * 64 + x - 1) * 3 + ch] : 0;
        const std::uint8_t up = y ? r.data[((y - 1) * 64 + x) * 3 + ch] : 0;
        const std::uint8_t noise = rnd.next() & 3;
        switch (band) {
          case 0: v = std::uint8_t(noise - 2); break;                       // small signed values: None
          case 1: v = std::uint8_t(x * 40 + ch * 90 + y * 77 + noise); break;  // horizontal ramp: Sub
          case 2: v = std::uint8_t(up + noise); break;                    // like the row above: Up
          case 3: v = std::uint8_t((left + up) / 2 + noise); break;        // mean of the neighbours: Average
          default: v = std::uint8_t(x * 23 + y * y * 13 + ch * 50 + noise * 9); break;  // plane: Paeth
        }
      }
    }
  }
  return r;
}

TEST(PngWrite, EveryFilterTypeIsUsedAndDecoded) {
  const Raster image = everyFilterImage();
  EncodeOptions options;
  options.palette = false;
  const auto png = encodeOrFail(image, options);
  const Decoded d = decodeWithZlib(png);
  const std::set<int> used(d.rowFilters.begin(), d.rowFilters.end());
  EXPECT_EQ(used, (std::set<int>{0, 1, 2, 3, 4}));
  expectRoundTrip(png, image);
}

// The kernels against a one-filter-at-a-time reference written here, on
// random rows of every length up to past two SIMD vectors and every bpp.
TEST(PngFilterKernels, MatchReferenceOnRandomRows) {
  Random rnd{3};
  for (int bpp = 1; bpp <= 4; ++bpp) {
    for (std::size_t n = 0; n <= 70; ++n) {
      std::vector<std::uint8_t> row(n), above(n), out(n);
      for (auto& v : row) v = rnd.next();
      for (auto& v : above) v = rnd.next();
      const png::FilterCosts costs = png::filterCosts(row.data(), above.data(), n, bpp);
      for (int f = 0; f < png::kFilterCount; ++f) {
        std::uint64_t cost = 0;
        for (std::size_t x = 0; x < n; ++x) {
          const int a = x >= std::size_t(bpp) ? row[x - bpp] : 0, b = above[x];
          const int c = x >= std::size_t(bpp) ? above[x - bpp] : 0;
          const int predicted = f == 0 ? 0 : f == 1 ? a : f == 2 ? b : f == 3 ? (a + b) / 2 : predictPaeth(a, b, c);
          const std::uint8_t residual = std::uint8_t(row[x] - predicted);
          cost += std::abs(int(std::int8_t(residual)));
          out[x] = residual;
        }
        std::vector<std::uint8_t> got(n);
        png::filterRow(static_cast<png::Filter>(f), row.data(), above.data(), n, bpp, got.data());
        EXPECT_EQ(got, out) << "filter " << f << " bpp " << bpp << " n " << n;
        EXPECT_EQ(costs.cost[f], cost) << "filter " << f << " bpp " << bpp << " n " << n;
      }
    }
  }
}

// Long buffers take the sliced path, short ones the nibble table; both are
// zlib's CRC-32, also when continued across a split at any offset.
TEST(Crc32, LongBuffersMatchZlib) {
  Random rnd{11};
  std::vector<std::uint8_t> data(100003);
  for (auto& v : data) v = rnd.next();
  for (std::size_t length : {4095u, 4096u, 4097u, 4103u, 100003u}) {
    const auto expected = std::uint32_t(::crc32(0, data.data(), uInt(length)));
    EXPECT_EQ(crc32(0, data.data(), length), expected) << length;
    for (std::size_t split : {std::size_t(1), std::size_t(7), length / 2, length - 1}) {
      EXPECT_EQ(crc32(crc32(0, data.data(), split), data.data() + split, length - split), expected)
          << length << " split at " << split;
    }
  }
}

TEST(PngFilterKernels, CheapestFilterPrefersTheLowerTypeOnATie) {
  EXPECT_EQ(png::cheapestFilter({{5, 5, 5, 5, 5}}), png::Filter::None);
  EXPECT_EQ(png::cheapestFilter({{9, 4, 4, 7, 7}}), png::Filter::Sub);
  EXPECT_EQ(png::cheapestFilter({{9, 8, 7, 6, 5}}), png::Filter::Paeth);
  EXPECT_EQ(png::cheapestFilter({{9, 8, 7, 3, 5}}), png::Filter::Average);
}

}  // namespace
}  // namespace imagefield
