#include "array/array_image.h"
#include "base/layout.h"

#include <gtest/gtest.h>

#include <numeric>
#include <vector>

namespace imagefield {
namespace {

TEST(Layout, AcceptedShapes) {
  auto hw = resolveShape({4, 5}, Layout::HWC, 20);
  ASSERT_TRUE(hw);
  EXPECT_EQ(hw.value().height, 4u);
  EXPECT_EQ(hw.value().width, 5u);
  EXPECT_EQ(hw.value().channels, 1u);

  auto hwc = resolveShape({4, 5, 3}, Layout::HWC, 60);
  ASSERT_TRUE(hwc);
  EXPECT_EQ(hwc.value().channels, 3u);

  auto chw = resolveShape({3, 4, 5}, Layout::CHW, 60);
  ASSERT_TRUE(chw);
  EXPECT_EQ(chw.value().height, 4u);
  EXPECT_EQ(chw.value().width, 5u);
  EXPECT_EQ(chw.value().channels, 3u);

  auto batched = resolveShape({1, 3, 4, 5}, Layout::CHW, 60);
  ASSERT_TRUE(batched);
  EXPECT_EQ(batched.value().width, 5u);
}

void expectShapeError(const std::vector<std::int64_t>& shape, Layout layout, std::size_t length,
                      const std::string& mustContain) {
  auto result = resolveShape(shape, layout, length);
  ASSERT_FALSE(result) << describeShape(shape);
  EXPECT_EQ(result.error().code, ErrorCode::InvalidShape);
  EXPECT_NE(result.error().message.find(describeShape(shape)), std::string::npos) << result.error().message;
  EXPECT_NE(result.error().message.find(mustContain), std::string::npos) << result.error().message;
}

TEST(Layout, InvalidShapesNameTheShape) {
  expectShapeError({0, 4}, Layout::HWC, 0, "at least 1");
  expectShapeError({4, 4, 0}, Layout::HWC, 0, "at least 1");
  expectShapeError({2, 2, 5}, Layout::HWC, 20, "5 channels");
  expectShapeError({5, 2, 2}, Layout::CHW, 20, "5 channels");
  expectShapeError({2, 2, 3}, Layout::HWC, 11, "needs 12 elements but the data has 11");
  expectShapeError({7}, Layout::HWC, 7, "not an image shape");
  expectShapeError({1, 1, 1, 1, 1}, Layout::HWC, 1, "not an image shape");
  expectShapeError({2, 3, 4, 4}, Layout::CHW, 96, "batch axis of 2");
  expectShapeError({-3, 4}, Layout::HWC, 12, "negative");
  // A channels-first array passed with the default layout gets a hint.
  expectShapeError({3, 8, 8}, Layout::HWC, 192, "pass layout \"chw\"");
}

TEST(Layout, GuessMode) {
  auto shape = [](std::size_t c) { return ImageShape{2, 2, c, Layout::HWC}; };
  EXPECT_EQ(guessMode(shape(1), "png"), Mode::L);
  EXPECT_EQ(guessMode(shape(2), "png"), Mode::LA);
  EXPECT_EQ(guessMode(shape(3), "png"), Mode::RGB);
  EXPECT_EQ(guessMode(shape(4), "png"), Mode::RGBA);
  EXPECT_EQ(guessMode(shape(4), "jpg"), Mode::RGB);
  EXPECT_EQ(guessMode(shape(4), "jpeg"), Mode::RGB);
  EXPECT_EQ(guessMode(shape(3), "jpg"), Mode::RGB);
}

TEST(ArrayImage, HwcChwAndBatchedChwGiveIdenticalRasters) {
  const std::size_t h = 3, w = 4, c = 3;
  std::vector<float> hwc(h * w * c), chw(h * w * c);
  for (std::size_t y = 0; y < h; ++y)
    for (std::size_t x = 0; x < w; ++x)
      for (std::size_t ch = 0; ch < c; ++ch) {
        const float v = -1.0f + 2.0f * float((y * w + x) * c + ch) / float(h * w * c - 1);
        hwc[(y * w + x) * c + ch] = v;
        chw[(ch * h + y) * w + x] = v;
      }
  ArrayImageOptions hwcOptions;
  hwcOptions.shape = {3, 4, 3};
  ArrayImageOptions chwOptions;
  chwOptions.shape = {3, 3, 4};
  chwOptions.layout = Layout::CHW;
  ArrayImageOptions batchOptions = chwOptions;
  batchOptions.shape = {1, 3, 3, 4};

  auto a = rasterFromArray(TypedView{DType::F32, hwc.data(), hwc.size()}, hwcOptions);
  auto b = rasterFromArray(TypedView{DType::F32, chw.data(), chw.size()}, chwOptions);
  auto d = rasterFromArray(TypedView{DType::F32, chw.data(), chw.size()}, batchOptions);
  ASSERT_TRUE(a && b && d);
  EXPECT_EQ(a.value().mode, Mode::RGB);
  EXPECT_EQ(a.value().width, 4u);
  EXPECT_EQ(a.value().height, 3u);
  EXPECT_EQ(a.value().data, b.value().data);
  EXPECT_EQ(a.value().data, d.value().data);
  // Spot-check the signed branch: first element -1 → 0, last +1 → 255.
  EXPECT_EQ(a.value().data.front(), 0);
  EXPECT_EQ(a.value().data.back(), 255);
}

TEST(ArrayImage, FourChannelsWithJpegDropAlpha) {
  std::vector<std::uint8_t> rgba = {10, 20, 30, 40, 50, 60, 70, 80};
  ArrayImageOptions options;
  options.shape = {1, 2, 4};
  options.fileType = "jpg";
  auto raster = rasterFromArray(TypedView{DType::U8, rgba.data(), rgba.size()}, options);
  ASSERT_TRUE(raster);
  EXPECT_EQ(raster.value().mode, Mode::RGB);
  EXPECT_EQ(raster.value().data, (std::vector<std::uint8_t>{10, 20, 30, 50, 60, 70}));
}

TEST(ArrayImage, ExplicitModeConvertsFromNaturalMode) {
  std::vector<std::uint8_t> rgb = {255, 0, 0, 0, 255, 0, 0, 0, 255};
  ArrayImageOptions options;
  options.shape = {1, 3, 3};
  options.mode = Mode::L;
  auto raster = rasterFromArray(TypedView{DType::U8, rgb.data(), rgb.size()}, options);
  ASSERT_TRUE(raster);
  EXPECT_EQ(raster.value().mode, Mode::L);
  // Pillow's fixed-point luma: R·19595, G·38470, B·7471, +0x8000, >>16.
  EXPECT_EQ(raster.value().data, (std::vector<std::uint8_t>{76, 150, 29}));
}

TEST(ArrayImage, UnknownFileTypeIsCheckedFirst) {
  std::vector<std::uint8_t> bytes(5);
  ArrayImageOptions options;
  options.shape = {2, 2, 9};  // also invalid, but the file type is reported first
  options.fileType = "gif";
  auto raster = rasterFromArray(TypedView{DType::U8, bytes.data(), bytes.size()}, options);
  ASSERT_FALSE(raster);
  EXPECT_EQ(raster.error().code, ErrorCode::InvalidFormat);
  EXPECT_NE(raster.error().message.find("gif"), std::string::npos);
}

}  // namespace
}  // namespace imagefield
