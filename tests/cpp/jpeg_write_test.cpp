// encodeImage(raster, { format: jpeg, quality }) against the files Pillow 9.4
// writes with Image.save(f, 'JPEG', quality=q), byte for byte
// (tests/data/jpeg_encode_reference.json, written by
// tests/golden/make_jpeg_encode_reference.py).
#include "encode/jpeg_write.h"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "convert/convert.h"
#include "decode/decode.h"
#include "encode/encode.h"
#include "test_images.h"
#include "wandb/sha256.h"

namespace imagefield {
namespace {

using Bytes = std::vector<std::uint8_t>;
using testing::readTestData;

const nlohmann::json& reference() { return testing::testDataJson("jpeg_encode_reference.json"); }

Raster convertOrDie(const Raster& raster, Mode mode) {
  auto out = convert(raster, mode);
  EXPECT_TRUE(out) << out.error().message;
  return out ? out.value() : Raster{};
}

Raster crop(const Raster& rgb, const nlohmann::json& box) {
  const auto left = box[0].get<std::uint32_t>(), upper = box[1].get<std::uint32_t>();
  Raster out;
  out.mode = rgb.mode;
  out.width = box[2].get<std::uint32_t>() - left;
  out.height = box[3].get<std::uint32_t>() - upper;
  for (std::uint32_t y = 0; y < out.height; ++y) {
    const auto* row = rgb.data.data() + ((std::size_t(upper) + y) * rgb.width + left) * 3;
    out.data.insert(out.data.end(), row, row + std::size_t(out.width) * 3);
  }
  return out;
}

// The recipe of an input in the reference (see the generator's docstring), made with the core.
Raster build(const nlohmann::json& recipe) {
  const Bytes file = readTestData(recipe["source"].get<std::string>());
  auto decoded = decodeImage(file.data(), file.size(), {}, Mode::RGB);
  EXPECT_TRUE(decoded) << decoded.error().message;
  if (!decoded) return {};
  Raster rgb = decoded.value();
  if (recipe.contains("crop")) rgb = crop(rgb, recipe["crop"]);
  Raster image = recipe.contains("convert") ? convertOrDie(rgb, *parseMode(recipe["convert"].get<std::string>())) : rgb;
  if (recipe.contains("alpha")) {
    const Raster alpha = convertOrDie(rgb, Mode::L);
    const std::size_t bands = bytesPerPixel(image.mode);
    Raster withAlpha;
    withAlpha.width = image.width;
    withAlpha.height = image.height;
    withAlpha.mode = image.mode == Mode::L ? Mode::LA : Mode::RGBA;
    for (std::size_t i = 0; i < alpha.data.size(); ++i) {
      withAlpha.data.insert(withAlpha.data.end(), image.data.begin() + i * bands, image.data.begin() + (i + 1) * bands);
      withAlpha.data.push_back(alpha.data[i]);
    }
    image = withAlpha;
  }
  return image;
}

std::string hex(const Bytes& bytes) { return sha256Hex(bytes.data(), bytes.size()); }

TEST(JpegWrite, EveryVectorIsPillowsFile) {
  std::map<std::string, Raster> inputs;
  for (const auto& [name, recipe] : reference()["inputs"].items()) {
    SCOPED_TRACE(name);
    Raster raster = build(recipe);
    ASSERT_EQ(modeName(raster.mode), recipe["mode"].get<std::string>());
    ASSERT_EQ(raster.width, recipe["size"][0].get<std::uint32_t>());
    ASSERT_EQ(raster.height, recipe["size"][1].get<std::uint32_t>());
    ASSERT_EQ(hex(raster.data), recipe["sha256"].get<std::string>()) << "the input differs from Pillow's";
    inputs[name] = std::move(raster);
  }
  ASSERT_EQ(inputs.size(), 10u);
  int exact = 0;
  for (const auto& vector : reference()["vectors"]) {
    const auto name = vector["input"].get<std::string>();
    const int quality = vector["quality"].get<int>();
    SCOPED_TRACE(name + " q" + std::to_string(quality));
    EncodeOptions options;
    options.format = "jpeg";
    options.quality = quality;
    auto bytes = encodeImage(inputs.at(name), options);
    ASSERT_TRUE(bytes) << bytes.error().message;
    EXPECT_EQ(bytes.value().size(), vector["bytes"].get<std::size_t>());
    EXPECT_EQ(hex(bytes.value()), vector["sha256"].get<std::string>());
    exact += hex(bytes.value()) == vector["sha256"].get<std::string>();
  }
  EXPECT_EQ(exact, 60);
}

TEST(JpegWrite, ModesPillowCannotStoreAreRefused) {
  Raster hsv;
  hsv.width = 2;
  hsv.height = 2;
  hsv.mode = Mode::HSV;
  hsv.data.assign(12, 7);
  auto refused = encodeJpeg(hsv, 75);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::InvalidMode);
  EXPECT_NE(refused.error().message.find("HSV"), std::string::npos) << refused.error().message;
  // encodeImage converts such modes first, as it always has.
  EncodeOptions options;
  options.format = "jpg";
  auto converted = encodeImage(hsv, options);
  ASSERT_TRUE(converted) << converted.error().message;
  EXPECT_EQ(encodeImage(convertOrDie(hsv, Mode::RGB), options).value(), converted.value());
}

TEST(JpegWrite, SidesAboveLibjpegsLimitAreTooLarge) {
  EXPECT_FALSE(checkEncodeSize(kMaxJpegSide, 1, 3, EncodeFormat::JPEG));
  for (auto [w, h] : {std::pair{kMaxJpegSide + 1, 1u}, {1u, kMaxJpegSide + 1}}) {
    auto tooBig = checkEncodeSize(w, h, 3, EncodeFormat::JPEG);
    ASSERT_TRUE(tooBig);
    EXPECT_EQ(tooBig->code, ErrorCode::TooLarge);
    EXPECT_NE(tooBig->message.find("65500"), std::string::npos) << tooBig->message;
  }
  // The real encoder at the limit: a 65500×1 grey line.
  Raster line;
  line.width = kMaxJpegSide;
  line.height = 1;
  line.mode = Mode::L;
  line.data.assign(kMaxJpegSide, 200);
  auto bytes = encodeJpeg(line, 90);
  ASSERT_TRUE(bytes) << bytes.error().message;
  DecodeLimits limits;
  limits.maxAxis = kMaxJpegSide;
  auto decoded = decodeImage(bytes.value().data(), bytes.value().size(), limits);
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded.value().width, kMaxJpegSide);
  EXPECT_EQ(decoded.value().mode, Mode::L);
}

}  // namespace
}  // namespace imagefield
