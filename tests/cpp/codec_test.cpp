#include <gtest/gtest.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "convert/convert.h"
#include "decode/decode.h"
#include "encode/encode.h"
#include "encode/encode_format.h"
#include "test_images.h"

#include <zlib.h>

namespace imagefield {
namespace {

using testing::gradient;

std::vector<std::uint8_t> encodeOrDie(const Raster& r, const std::string& format, int quality = 75) {
  EncodeOptions options;
  options.format = format;
  options.quality = quality;
  auto bytes = encodeImage(r, options);
  EXPECT_TRUE(bytes) << (bytes ? "" : bytes.error().message);
  return bytes ? bytes.value() : std::vector<std::uint8_t>{};
}

Raster decodeOrDie(const std::vector<std::uint8_t>& bytes) {
  auto r = decodeImage(bytes.data(), bytes.size());
  EXPECT_TRUE(r) << (r ? "" : r.error().message);
  return r ? r.value() : Raster{};
}

class LosslessRoundTrip : public ::testing::TestWithParam<std::tuple<std::string, Mode>> {};

TEST_P(LosslessRoundTrip, PixelExact) {
  const auto [format, mode] = GetParam();
  const Raster original = gradient(37, 23, mode);
  const Raster decoded = decodeOrDie(encodeOrDie(original, format));
  ASSERT_EQ(decoded.width, original.width);
  ASSERT_EQ(decoded.height, original.height);
  // BMP has no gray or gray+alpha storage: stb_image_write expands them to RGB(A).
  Raster back = decoded;
  if (decoded.mode != original.mode) {
    auto converted = convert(decoded, original.mode);
    ASSERT_TRUE(converted) << converted.error().message;
    back = converted.value();
  }
  EXPECT_EQ(back.data, original.data) << format << " " << modeName(mode);
}

INSTANTIATE_TEST_SUITE_P(Formats, LosslessRoundTrip,
                         ::testing::Combine(::testing::Values("png", "tga"),
                                            ::testing::Values(Mode::L, Mode::LA, Mode::RGB, Mode::RGBA)));
INSTANTIATE_TEST_SUITE_P(Bmp, LosslessRoundTrip,
                         ::testing::Combine(::testing::Values("bmp"), ::testing::Values(Mode::L, Mode::RGB, Mode::RGBA)));

TEST(Codec, PngKeepsModes) {
  for (Mode mode : {Mode::L, Mode::LA, Mode::RGB, Mode::RGBA}) {
    EXPECT_EQ(decodeOrDie(encodeOrDie(gradient(8, 8, mode), "png")).mode, mode);
  }
}

TEST(Codec, JpegRoundTripWithinTolerance) {
  // Stated tolerance, on luma: JPEG files are Pillow's, whose 4:2:0 chroma
  // subsampling keeps luma at full resolution and halves colour resolution,
  // so this gradient's 1-pixel colour checkerboard and the band where its
  // blue wraps from 255 to 0 cannot survive in colour. At quality 95 every
  // luma value is within 34 levels (at that wrap), the mean below 1.5.
  const Raster original = gradient(64, 48, Mode::RGB);
  const Raster decoded = decodeOrDie(encodeOrDie(original, "jpg", 95));
  ASSERT_EQ(decoded.mode, Mode::RGB);
  ASSERT_EQ(decoded.data.size(), original.data.size());
  auto lumaOriginal = convert(original, Mode::L);
  auto lumaDecoded = convert(decoded, Mode::L);
  ASSERT_TRUE(lumaOriginal && lumaDecoded);
  long total = 0;
  int worst = 0;
  for (std::size_t i = 0; i < lumaOriginal.value().data.size(); ++i) {
    const int d = std::abs(int(lumaDecoded.value().data[i]) - int(lumaOriginal.value().data[i]));
    total += d;
    worst = std::max(worst, d);
  }
  EXPECT_LE(worst, 34);
  EXPECT_LT(double(total) / lumaOriginal.value().data.size(), 1.5);
}

TEST(Codec, JpegDropsAlphaAndHonoursQuality) {
  const Raster rgba = gradient(64, 64, Mode::RGBA);
  const auto small = encodeOrDie(rgba, "jpeg", 10);
  const auto large = encodeOrDie(rgba, "jpeg", 100);
  EXPECT_LT(small.size(), large.size());
  EXPECT_EQ(decodeOrDie(small).mode, Mode::RGB);
}

TEST(Codec, EncodeRejectsBadArguments) {
  const Raster r = gradient(4, 4, Mode::RGB);
  EncodeOptions gif;
  gif.format = "gif";
  EXPECT_EQ(encodeImage(r, gif).error().code, ErrorCode::InvalidFormat);
  EncodeOptions q0;
  q0.format = "jpg";
  q0.quality = 0;
  EXPECT_EQ(encodeImage(r, q0).error().code, ErrorCode::InvalidArgument);
  q0.quality = 101;
  EXPECT_EQ(encodeImage(r, q0).error().code, ErrorCode::InvalidArgument);
  Raster broken = r;
  broken.data.pop_back();
  EXPECT_EQ(encodeImage(broken).error().code, ErrorCode::InvalidShape);
}

TEST(Codec, EncodeRefusesMoreThan31BitsOfPixels) {
  // Checked from the dimensions alone, so no 2 GiB raster is needed here.
  auto tooBig = checkEncodeSize(46341, 46341, 1, EncodeFormat::PNG);  // 46341² > 2^31
  ASSERT_TRUE(tooBig);
  EXPECT_EQ(tooBig->code, ErrorCode::TooLarge);
  EXPECT_FALSE(checkEncodeSize(46340, 46340, 1, EncodeFormat::PNG));
  EXPECT_TRUE(checkEncodeSize(23171, 23171, 4, EncodeFormat::PNG));
  auto wideJpeg = checkEncodeSize(65536, 1, 3, EncodeFormat::JPEG);
  ASSERT_TRUE(wideJpeg);
  EXPECT_EQ(wideJpeg->code, ErrorCode::TooLarge);
  EXPECT_FALSE(checkEncodeSize(65536, 1, 3, EncodeFormat::BMP));
}

TEST(Codec, TruncatedFilesFail) {
  for (const char* format : {"png", "jpg", "bmp", "tga"}) {
    const auto whole = encodeOrDie(gradient(40, 30, Mode::RGB), format);
    for (std::size_t cut : {whole.size() / 4, whole.size() / 2, whole.size() - 20, whole.size() - 1}) {
      if (std::string(format) == "tga" && cut == whole.size() - 1) continue;  // TGA has no trailer byte to lose
      // PNG cut inside IEND: the image data is whole, and Pillow and browsers show it (below).
      if (std::string(format) == "png" && cut == whole.size() - 1) continue;
      std::vector<std::uint8_t> part(whole.begin(), whole.begin() + cut);
      auto r = decodeImage(part.data(), part.size());
      ASSERT_FALSE(r) << format << " cut at " << cut << " of " << whole.size();
      EXPECT_EQ(r.error().code, ErrorCode::DecodeFailed) << format << ": " << r.error().message;
    }
  }
}

TEST(Codec, PngWithWholeImageDataButNoEndDecodes) {
  const Raster original = gradient(40, 30, Mode::RGB);
  const auto whole = encodeOrDie(original, "png");
  for (std::size_t cut : {whole.size() - 12, whole.size() - 1}) {  // without IEND, IEND cut short
    std::vector<std::uint8_t> part(whole.begin(), whole.begin() + cut);
    auto r = decodeImage(part.data(), part.size());
    ASSERT_TRUE(r) << "cut at " << cut << ": " << r.error().message;
    EXPECT_EQ(r.value().data, original.data);
  }
  std::vector<std::uint8_t> junk(whole.begin(), whole.end() - 12);
  junk.insert(junk.end(), {0x13, 0x37, 0xDE, 0xAD, 0xBE, 0xEF, 0, 1});
  auto r = decodeImage(junk.data(), junk.size());
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r.value().data, original.data);
}

TEST(Codec, CorruptFilesFail) {
  auto png = encodeOrDie(gradient(16, 16, Mode::RGB), "png");
  // IHDR width 0 is invalid per the PNG spec.
  std::vector<std::uint8_t> zeroWidth = png;
  zeroWidth[16] = zeroWidth[17] = zeroWidth[18] = zeroWidth[19] = 0;
  auto r = decodeImage(zeroWidth.data(), zeroWidth.size());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::DecodeFailed);

  // A JPEG signature followed by noise.
  std::vector<std::uint8_t> jpeg = {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x02};
  for (int i = 0; i < 200; ++i) jpeg.push_back(static_cast<std::uint8_t>(i * 37 + 11));
  r = decodeImage(jpeg.data(), jpeg.size());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::DecodeFailed);
  EXPECT_NE(r.error().message.find("JPEG"), std::string::npos) << r.error().message;
}

TEST(Codec, NonImagesAreUnsupported) {
  const std::string text = "hello, this is a text file pasted by mistake\n";
  auto r = decodeImage(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::UnsupportedFile);

  const char webpBytes[] = "RIFF\x10\0\0\0WEBPVP8 ";
  const std::string webp(webpBytes, sizeof webpBytes - 1);
  r = decodeImage(reinterpret_cast<const std::uint8_t*>(webp.data()), webp.size());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::UnsupportedFile);
  EXPECT_NE(r.error().message.find("WebP"), std::string::npos);

  const std::string pnm = "P6\n2 2\n255\n............";
  r = decodeImage(reinterpret_cast<const std::uint8_t*>(pnm.data()), pnm.size());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::UnsupportedFile);

  r = decodeImage(nullptr, 0);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::DecodeFailed);
}

TEST(Codec, LimitsAreEnforcedFromTheHeader) {
  const auto png = encodeOrDie(gradient(300, 200, Mode::RGB), "png");
  DecodeLimits limits;
  limits.maxAxis = 299;
  auto r = decodeImage(png.data(), png.size(), limits);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::TooLarge);
  EXPECT_NE(r.error().message.find("300x200"), std::string::npos) << r.error().message;

  limits = {};
  limits.maxPixels = 300 * 200 - 1;
  r = decodeImage(png.data(), png.size(), limits);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::TooLarge);

  limits = {};
  limits.maxFileBytes = png.size() - 1;
  r = decodeImage(png.data(), png.size(), limits);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::TooLarge);

  limits = {};
  limits.maxDecodeBytes = 1000;
  r = decodeImage(png.data(), png.size(), limits);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::TooLarge);

  EXPECT_TRUE(decodeImage(png.data(), png.size()));
}

TEST(Codec, HonestHugeHeaderIsRejectedBeforeDecoding) {
  // 16000×16000 declared: refused from the header, without inflating anything.
  const auto png = testing::inflationBombPng(16000, 16000, 1 << 20);
  auto r = decodeImage(png.data(), png.size());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::TooLarge);
  EXPECT_NE(r.error().message.find("16000x16000"), std::string::npos);
}

TEST(Codec, BombGeneratorProducesAValidStream) {
  // The test below trusts the generator; check it on a small size with zlib.
  const auto png = testing::inflationBombPng(1, 1, 3u << 20);
  const std::size_t idatLength = (std::size_t(png[33]) << 24) | (png[34] << 16) | (png[35] << 8) | png[36];
  ASSERT_EQ(std::string(png.begin() + 37, png.begin() + 41), "IDAT");
  std::vector<std::uint8_t> inflated((3u << 20) + 1);
  uLongf size = inflated.size();
  ASSERT_EQ(uncompress(inflated.data(), &size, png.data() + 41, idatLength), Z_OK);
  EXPECT_EQ(size, 3u << 20);
}

long peakRssKiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

TEST(Codec, InflationBombIsRejectedQuicklyWithBoundedMemory) {
  const auto bomb = testing::inflationBombPng(1, 1, 1ull << 30);  // 1×1 declared, 1 GiB inflated
  ASSERT_LT(bomb.size(), 2u << 20);
  const long rssBefore = peakRssKiB();
  auto r = decodeImage(bomb.data(), bomb.size());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::TooLarge) << r.error().message;
  // Inflating the gigabyte would raise the peak RSS by 1 GiB; the budget
  // stops it after a few MiB.
  EXPECT_LT(peakRssKiB() - rssBefore, 64 * 1024);
}


// Headers claiming gigabytes of pixels: refused from the header, before stb_image allocates.
struct HeaderBomb {
  const char* name;
  std::vector<std::uint8_t> bytes;
  const char* limit;
};

TEST(Codec, GifAndTgaHeaderBombsAreRejectedWithBoundedMemory) {
  // The generators make real files: small sizes decode.
  const auto smallGif = testing::gifClaiming(1, 1);
  const auto smallTga = testing::tgaClaiming(8, 8);
  ASSERT_TRUE(decodeImage(smallGif.data(), smallGif.size()));
  ASSERT_TRUE(decodeImage(smallTga.data(), smallTga.size()));
  const HeaderBomb bombs[] = {
      {"GIF 65535x65535 (17 GB RGBA)", testing::gifClaiming(65535, 65535), "(maxAxis)"},
      {"GIF 16000x16000 (1 GB RGBA)", testing::gifClaiming(16000, 16000), "(maxPixels)"},
      {"TGA 65535x65535 (12 GB RGB)", testing::tgaClaiming(65535, 65535), "(maxAxis)"},
      {"TGA 16000x16000 (768 MB RGB)", testing::tgaClaiming(16000, 16000), "(maxPixels)"},
  };
  for (const auto& bomb : bombs) {
    const long rssBefore = peakRssKiB();
    const auto start = std::chrono::steady_clock::now();
    auto r = decodeImage(bomb.bytes.data(), bomb.bytes.size());
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    ASSERT_FALSE(r) << bomb.name;
    EXPECT_EQ(r.error().code, ErrorCode::TooLarge) << bomb.name << ": " << r.error().message;
    EXPECT_NE(r.error().message.find(bomb.limit), std::string::npos) << r.error().message;
    EXPECT_LT(peakRssKiB() - rssBefore, 16 * 1024) << bomb.name;
    std::printf("  %s: rejected in %.3f ms, peak RSS +%ld KiB\n", bomb.name, ms, peakRssKiB() - rssBefore);
  }
}

// stb_image skips 0xFF fill bytes before a JPEG's SOI; the sniffer does not
// see a JPEG there, so the JPEG structure check would be bypassed (found by
// fuzz/decode_fuzzer.cpp). Such a file is refused.
TEST(Codec, FileThatStbWouldParseAsAnotherFormatIsRefused) {
  auto jpeg = encodeOrDie(gradient(16, 16, Mode::RGB), "jpeg");
  ASSERT_TRUE(decodeImage(jpeg.data(), jpeg.size()));
  jpeg.insert(jpeg.begin(), {0xFF, 0xFF});
  auto r = decodeImage(jpeg.data(), jpeg.size());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::DecodeFailed);
  EXPECT_NE(r.error().message.find("bytes before the start-of-image marker"), std::string::npos) << r.error().message;
}

// stb_image 2.27 ignores the right-to-left flag (descriptor bit 4) of TGA.
TEST(Codec, TgaStoredRightToLeftComesBackUnmirrored) {
  std::vector<std::uint8_t> tga = {0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 2, 0, 8, 0x20};  // gray 3x2, top-down
  tga.insert(tga.end(), {1, 2, 3, 4, 5, 6});
  auto leftToRight = decodeImage(tga.data(), tga.size());
  ASSERT_TRUE(leftToRight) << leftToRight.error().message;
  EXPECT_EQ(leftToRight.value().data, (std::vector<std::uint8_t>{1, 2, 3, 4, 5, 6}));
  tga[17] |= 0x10;
  auto rightToLeft = decodeImage(tga.data(), tga.size(), {}, Mode::RGB);
  ASSERT_TRUE(rightToLeft) << rightToLeft.error().message;
  EXPECT_EQ(rightToLeft.value().data,
            (std::vector<std::uint8_t>{3, 3, 3, 2, 2, 2, 1, 1, 1, 6, 6, 6, 5, 5, 5, 4, 4, 4}));
}

}  // namespace
}  // namespace imagefield
