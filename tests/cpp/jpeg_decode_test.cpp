// JPEG through libjpeg-turbo against Pillow 9.4's own output, byte for byte
// (tests/data/jpeg/expected.json, written by tests/golden/make_jpeg_reference.py),
// and the ways a hostile or broken JPEG is refused.
#include "decode/jpeg_decode.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "decode/decode.h"
#include "test_images.h"
#include "wandb/sha256.h"

namespace imagefield {
namespace {

using Bytes = std::vector<std::uint8_t>;
using testing::readTestData;

const nlohmann::json& expected() { return testing::testDataJson("jpeg/expected.json"); }

std::string hex(const Raster& raster) { return sha256Hex(raster.data.data(), raster.data.size()); }

TEST(JpegDecode, EveryFileAsPillowReadsIt) {
  ASSERT_GE(expected().size(), 30u);
  int exact = 0;
  for (const auto& [name, entry] : expected().items()) {
    SCOPED_TRACE(name);
    const Bytes bytes = readTestData(name);
    ASSERT_FALSE(bytes.empty());
    auto natural = decodeImage(bytes.data(), bytes.size());
    if (entry.value("refused", false)) {
      ASSERT_FALSE(natural);
      EXPECT_EQ(natural.error().code, ErrorCode::DecodeFailed);
      continue;
    }
    ASSERT_TRUE(natural) << natural.error().message;
    EXPECT_EQ(natural.value().width, entry["size"][0].get<std::uint32_t>());
    EXPECT_EQ(natural.value().height, entry["size"][1].get<std::uint32_t>());
    EXPECT_EQ(modeName(natural.value().mode), entry["mode"].get<std::string>());
    EXPECT_EQ(hex(natural.value()), entry["natural_sha256"].get<std::string>());
    auto rgba = decodeImage(bytes.data(), bytes.size(), {}, Mode::RGBA);
    ASSERT_TRUE(rgba) << rgba.error().message;
    EXPECT_EQ(hex(rgba.value()), entry["rgba_sha256"].get<std::string>());
    exact += hex(natural.value()) == entry["natural_sha256"].get<std::string>();
  }
  EXPECT_GE(exact, 29);
}

// Adobe CMYK comes back as CMYK with the inversion undone, as Pillow's "CMYK;I".
TEST(JpegDecode, AdobeCmykIsReadInverted) {
  const Bytes bytes = readTestData("jpeg/hopper_cmyk_adobe.jpg");
  auto raster = decodeImage(bytes.data(), bytes.size());
  ASSERT_TRUE(raster) << raster.error().message;
  EXPECT_EQ(raster.value().mode, Mode::CMYK);
  EXPECT_EQ(raster.value().data.size(), 128u * 128u * 4u);
}

// Pillow refuses a file cut anywhere, even one that lacks only its
// end-of-image marker ("image file is truncated"); so does the core.
TEST(JpegDecode, EveryCutBeforeTheLastRowIsRefused) {
  for (const char* name : {"jpeg/hopper_420.jpg", "jpeg/hopper_progressive_420.jpg", "jpeg/hopper_arithmetic.jpg"}) {
    SCOPED_TRACE(name);
    const Bytes bytes = readTestData(name);
    for (std::size_t n = 0; n < bytes.size(); n += n + 40 < bytes.size() ? 37 : 1) {
      const Bytes cut(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(n));
      auto raster = decodeImage(cut.data(), cut.size());
      ASSERT_FALSE(raster) << "prefix " << n;
      EXPECT_EQ(raster.error().code, ErrorCode::DecodeFailed) << raster.error().message;
    }
  }
}

// The last scan of a progressive file repeated until the file has more scans
// than any encoder writes: refused with a clear message instead of a pass over
// the whole image per scan.
Bytes withRepeatedLastScan(const Bytes& jpeg, int copies) {
  std::size_t lastScan = 0;
  for (std::size_t i = 0; i + 1 < jpeg.size(); ++i) {
    if (jpeg[i] == 0xFF && jpeg[i + 1] == 0xDA) lastScan = i;
  }
  const Bytes scan(jpeg.begin() + static_cast<std::ptrdiff_t>(lastScan), jpeg.end() - 2);
  Bytes out(jpeg.begin(), jpeg.end() - 2);
  for (int i = 0; i < copies; ++i) out.insert(out.end(), scan.begin(), scan.end());
  out.push_back(0xFF);
  out.push_back(0xD9);
  return out;
}

TEST(JpegDecode, TooManyScansAreRefused) {
  const Bytes progressive = readTestData("jpeg/hopper_progressive_420.jpg");
  const Bytes fewer = withRepeatedLastScan(progressive, 20);
  EXPECT_TRUE(decodeImage(fewer.data(), fewer.size()));  // repeated scans are only a warning to libjpeg
  const Bytes many = withRepeatedLastScan(progressive, kMaxJpegScans);
  auto raster = decodeImage(many.data(), many.size());
  ASSERT_FALSE(raster);
  EXPECT_EQ(raster.error().code, ErrorCode::DecodeFailed);
  EXPECT_NE(raster.error().message.find("more than 500 scans"), std::string::npos) << raster.error().message;
}

TEST(JpegDecode, DecodeBudgetAndLimits) {
  const Bytes bytes = readTestData("jpeg/hopper_progressive_420.jpg");
  DecodeLimits tight;
  tight.maxDecodeBytes = 20000;
  auto overBudget = decodeImage(bytes.data(), bytes.size(), tight);
  ASSERT_FALSE(overBudget);
  EXPECT_EQ(overBudget.error().code, ErrorCode::TooLarge);
  EXPECT_NE(overBudget.error().message.find("maxDecodeBytes"), std::string::npos) << overBudget.error().message;
  DecodeLimits narrow;
  narrow.maxAxis = 127;
  auto tooWide = decodeImage(bytes.data(), bytes.size(), narrow);
  ASSERT_FALSE(tooWide);
  EXPECT_EQ(tooWide.error().code, ErrorCode::TooLarge);
  EXPECT_NE(tooWide.error().message.find("maxAxis"), std::string::npos);
}

// A header declaring 65000×65000 is refused from the header alone.
TEST(JpegDecode, HugeHeaderIsRefusedBeforeDecoding) {
  Bytes bytes = readTestData("jpeg/hopper_420.jpg");
  for (std::size_t i = 0; i + 8 < bytes.size(); ++i) {
    if (bytes[i] == 0xFF && bytes[i + 1] == 0xC0) {
      bytes[i + 5] = 0xFD, bytes[i + 6] = 0xE8, bytes[i + 7] = 0xFD, bytes[i + 8] = 0xE8;
      break;
    }
  }
  auto raster = decodeImage(bytes.data(), bytes.size());
  ASSERT_FALSE(raster);
  EXPECT_EQ(raster.error().code, ErrorCode::TooLarge);
  EXPECT_NE(raster.error().message.find("maxAxis"), std::string::npos) << raster.error().message;
  auto info = probeImage(bytes.data(), bytes.size());
  ASSERT_FALSE(info);
  EXPECT_NE(info.error().message.find("65000x65000"), std::string::npos) << info.error().message;
}

TEST(JpegDecode, NotJpegDataSaysWhatLibjpegFound) {
  Bytes bytes = readTestData("jpeg/hopper_420.jpg");
  for (std::size_t i = 0; i + 4 < bytes.size(); ++i) {
    if (bytes[i] == 0xFF && bytes[i + 1] == 0xC0) {
      bytes[i + 4] = 12;  // sample precision
      break;
    }
  }
  auto raster = decodeImage(bytes.data(), bytes.size());
  ASSERT_FALSE(raster);
  EXPECT_EQ(raster.error().code, ErrorCode::DecodeFailed);
  EXPECT_NE(raster.error().message.find("precision 12"), std::string::npos) << raster.error().message;
}

}  // namespace
}  // namespace imagefield
