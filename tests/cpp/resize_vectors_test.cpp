// resize() and toTensor() against Pillow 9.4 and torchvision 0.14, byte for
// byte: tests/data/resize_vectors.json holds the sha256 of what they output
// (written by tests/reference/generate_resize_vectors.py).
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "decode/decode.h"
#include "resize/resample_8bit.h"
#include "resize/resize.h"
#include "wandb/sha256.h"
#include "tensor/tensor.h"

namespace imagefield {
namespace {

using nlohmann::json;

const json& vectors() {
  static const json doc = [] {
    std::ifstream file(IMAGEFIELD_TEST_DATA "/resize_vectors.json");
    return json::parse(file);
  }();
  return doc;
}

// The generator's seeded pixels (xorshift32; see the Python script).
Raster seededRaster(std::uint32_t seed, std::uint32_t width, std::uint32_t height, Mode mode) {
  std::uint32_t state = seed;
  auto step = [&] {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
  };
  Raster r;
  r.width = width;
  r.height = height;
  r.mode = mode;
  const std::size_t n = std::size_t(width) * height;
  r.data.resize(n * bytesPerPixel(mode));
  if (mode == Mode::I || mode == Mode::F) {
    for (std::size_t i = 0; i < n; ++i) {
      const std::int32_t v = std::int32_t(step() % 2000001u) - 1000000;
      if (mode == Mode::I) {
        std::memcpy(&r.data[i * 4], &v, 4);
      } else {
        const float f = float(double(v) / 1000.0);
        std::memcpy(&r.data[i * 4], &f, 4);
      }
    }
    return r;
  }
  const int bands = bandCount(mode);
  const bool alpha = mode == Mode::LA || mode == Mode::RGBA;
  for (std::size_t i = 0; i < n * bands; ++i) {
    std::uint32_t v = step() >> 24;
    if (alpha && int(i % bands) == bands - 1) v = v < 32 ? 0 : v > 223 ? 255 : v;
    if (mode == Mode::One) v = v >= 128 ? 255 : 0;
    r.data[i] = std::uint8_t(v);
  }
  if (mode == Mode::P) {
    for (int i = 0; i < 256; ++i) {
      r.palette.insert(r.palette.end(), {std::uint8_t(i), std::uint8_t(255 - i), std::uint8_t((7 * i) % 256)});
    }
  }
  return r;
}

Raster inputFor(const json& source) {
  if (source["kind"] == "photo") {
    static std::map<std::string, Raster> photos;
    const std::string file = source["file"];
    if (!photos.count(file)) {
      std::ifstream in(std::string(IMAGEFIELD_TEST_DATA "/") + file, std::ios::binary);
      const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      auto decoded = decodeImage(bytes.data(), bytes.size(), {}, Mode::RGB);
      EXPECT_TRUE(decoded.ok()) << file;
      photos[file] = decoded.value();
    }
    return photos[file];
  }
  return seededRaster(source["seed"], source["width"], source["height"], *parseMode(source["mode"].get<std::string>()));
}

TEST(ResizeVectors, MatchPillowByteForByte) {
  const json& cases = vectors()["resize"];
  ASSERT_GT(cases.size(), 500u);
  int failures = 0;
  for (const json& c : cases) {
    ResizeOptions options;
    options.width = c["width"];
    options.height = c["height"];
    options.filter = *parseResizeFilter(c["filter"].get<std::string>());
    if (c.contains("box")) options.box = c["box"].get<std::array<double, 4>>();
    if (c.contains("reducingGap")) options.reducingGap = c["reducingGap"].get<double>();
    auto out = resize(inputFor(c["input"]), options);
    ASSERT_TRUE(out.ok()) << c["name"] << ": " << out.error().message;
    EXPECT_EQ(out.value().width, c["outWidth"].get<std::uint32_t>()) << c["name"];
    EXPECT_EQ(out.value().height, c["outHeight"].get<std::uint32_t>()) << c["name"];
    const std::string hash = sha256Hex(out.value().data.data(), out.value().data.size());
    if (hash != c["sha256"]) {
      ++failures;
      ADD_FAILURE() << c["name"] << " differs from Pillow";
    }
  }
  EXPECT_EQ(failures, 0);
}

TensorOptions tensorOptionsFrom(const json& o) {
  TensorOptions t;
  if (o.contains("resize")) {
    if (o["resize"].is_number()) t.resizeShorter = o["resize"].get<std::int64_t>();
    else t.resizeTo = o["resize"].get<std::array<std::int64_t, 2>>();
  }
  if (o.contains("filter")) t.filter = o["filter"];
  if (o.contains("crop")) t.crop = o["crop"].get<std::array<std::int64_t, 2>>();
  if (o.contains("letterbox")) t.letterbox = o["letterbox"].get<std::array<std::int64_t, 2>>();
  if (o.contains("letterboxColor")) t.letterboxColor = o["letterboxColor"].get<std::vector<double>>();
  if (o.contains("mean")) t.mean = o["mean"].get<std::vector<double>>();
  if (o.contains("std")) t.std = o["std"].get<std::vector<double>>();
  if (o.contains("channels")) t.channels = o["channels"];
  if (o.contains("layout")) t.layout = o["layout"];
  if (o.contains("dtype")) t.dtype = o["dtype"];
  return t;
}

TEST(TensorVectors, MatchTorchvisionByteForByte) {
  const json& cases = vectors()["tensor"];
  ASSERT_GT(cases.size(), 15u);
  for (const json& c : cases) {
    auto out = toTensor(inputFor(c["input"]), tensorOptionsFrom(c["options"]));
    ASSERT_TRUE(out.ok()) << c["name"] << ": " << out.error().message;
    const Tensor& t = out.value();
    EXPECT_EQ(t.dims, c["dims"].get<std::vector<std::int64_t>>()) << c["name"];
    const std::string hash = t.type == TensorDType::Uint8
                                 ? sha256Hex(t.bytes.data(), t.bytes.size())
                                 : sha256Hex(reinterpret_cast<const std::uint8_t*>(t.floats.data()),
                                             t.floats.size() * sizeof(float));
    EXPECT_EQ(hash, c["sha256"].get<std::string>()) << c["name"] << " differs from torchvision";
    if (c.contains("letterbox")) {
      ASSERT_TRUE(t.letterbox.has_value()) << c["name"];
      EXPECT_DOUBLE_EQ(t.letterbox->scale, c["letterbox"]["scale"].get<double>()) << c["name"];
      EXPECT_EQ(t.letterbox->left, c["letterbox"]["left"].get<std::uint32_t>()) << c["name"];
      EXPECT_EQ(t.letterbox->top, c["letterbox"]["top"].get<std::uint32_t>()) << c["name"];
      EXPECT_EQ(t.letterbox->width, c["letterbox"]["width"].get<std::uint32_t>()) << c["name"];
      EXPECT_EQ(t.letterbox->height, c["letterbox"]["height"].get<std::uint32_t>()) << c["name"];
    }
  }
}

// The dispatching entry points (SIMD bodies in the Wasm build) against the
// scalar bodies on wide rows, every channel count, with clipping weights.
TEST(ResampleKernels, DispatchedBodiesMatchScalar) {
  for (int channels = 1; channels <= 4; ++channels) {
    const Raster in = seededRaster(99 + channels, 301, 7, channels == 1 ? Mode::L : channels == 2 ? Mode::LA
                                                               : channels == 3               ? Mode::RGB
                                                                                             : Mode::RGBA);
    for (auto filter : {ResizeFilter::Lanczos, ResizeFilter::Bilinear, ResizeFilter::Bicubic}) {
      for (int outWidth : {97, 640}) {
        const FixedAxisWeights w = toFixedPoint(axisWeights(301, 0, 301, outWidth, filter));
        std::vector<std::uint8_t> a(std::size_t(outWidth) * 7 * channels), b(a.size());
        kernels::resampleHorizontal8(in.data.data(), in.data.data() + in.data.size(), 301, channels, 7, w, a.data());
        kernels::resampleHorizontal8Scalar(in.data.data(), 301, channels, 7, w, b.data());
        EXPECT_EQ(a, b) << channels << " channels → " << outWidth;
        const FixedAxisWeights v = toFixedPoint(axisWeights(7, 0, 7, 3, filter));
        std::vector<std::uint8_t> c(std::size_t(301) * 3 * channels), d(c.size());
        kernels::resampleVertical8(in.data.data(), std::size_t(301) * channels, v, c.data());
        kernels::resampleVertical8Scalar(in.data.data(), std::size_t(301) * channels, v, d.data());
        EXPECT_EQ(c, d) << channels << " channels vertical";
      }
    }
  }
}

Raster rgb(std::uint32_t w, std::uint32_t h) { return seededRaster(3, w, h, Mode::RGB); }

// The window of a resize is the same bytes as the whole resize cropped,
// on the windowed path and on every fallback (nearest, alpha, boxes, gaps).
TEST(ResizeWindow, EqualsResizeThenCrop) {
  for (Mode mode : {Mode::L, Mode::RGB, Mode::RGBA, Mode::CMYK, Mode::I, Mode::F}) {
    const Raster in = seededRaster(17, 83, 61, mode);
    for (auto filter : {ResizeFilter::Nearest, ResizeFilter::Bilinear, ResizeFilter::Bicubic, ResizeFilter::Lanczos}) {
      for (auto [w, h] : {std::pair{40, 29}, std::pair{120, 90}, std::pair{83, 20}}) {
        ResizeOptions options;
        options.width = std::uint32_t(w);
        options.height = std::uint32_t(h);
        options.filter = filter;
        const std::array<std::uint32_t, 4> window = {3, 5, std::uint32_t(w - 7), std::uint32_t(h - 6)};
        auto whole = resize(in, options);
        auto part = resizeWindow(in, options, window);
        ASSERT_TRUE(whole.ok() && part.ok());
        const std::size_t bpp = bytesPerPixel(mode);
        ASSERT_EQ(part.value().width, window[2]);
        ASSERT_EQ(part.value().height, window[3]);
        for (std::uint32_t y = 0; y < window[3]; ++y) {
          const auto* a = &whole.value().data[((y + window[1]) * whole.value().width + window[0]) * bpp];
          const auto* b = &part.value().data[y * window[2] * bpp];
          ASSERT_EQ(std::memcmp(a, b, window[2] * bpp), 0) << modeName(mode) << " " << resizeFilterName(filter);
        }
      }
    }
  }
  ResizeOptions options;
  options.width = 10;
  options.height = 10;
  EXPECT_FALSE(resizeWindow(rgb(20, 20), options, {5, 5, 6, 5}).ok());
}

void expectInvalid(const Result<Tensor>& r, const std::string& fragment) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
  EXPECT_NE(r.error().message.find(fragment), std::string::npos) << r.error().message;
}

TEST(TensorOptions, BadOptionsNameTheOptionAndWhatIsAccepted) {
  TensorOptions o;
  o.mean = {0.5, 0.5};
  expectInvalid(toTensor(rgb(8, 8), o), "mean has 2 values but channels \"RGB\" has 3");
  o = {};
  o.std = {1, 0, 1};
  expectInvalid(toTensor(rgb(8, 8), o), "std values must not be 0");
  o = {};
  o.resizeShorter = 0;
  expectInvalid(toTensor(rgb(8, 8), o), "resize must be a positive integer");
  o = {};
  o.crop = std::array<std::int64_t, 2>{-3, 4};
  expectInvalid(toTensor(rgb(8, 8), o), "crop must be [height, width] of positive integers");
  o = {};
  o.letterbox = std::array<std::int64_t, 2>{0, 4};
  expectInvalid(toTensor(rgb(8, 8), o), "letterbox must be");
  o = {};
  o.filter = "cubic";
  expectInvalid(toTensor(rgb(8, 8), o), "filter \"cubic\" is not one of nearest, box, bilinear");
  o = {};
  o.layout = "cwh";
  expectInvalid(toTensor(rgb(8, 8), o), "layout \"cwh\" is not one of nchw, nhwc, chw, hwc");
  o = {};
  o.channels = "RGBA";
  expectInvalid(toTensor(rgb(8, 8), o), "channels \"RGBA\" is not one of RGB, BGR, L");
  o = {};
  o.dtype = "uint8";
  o.mean = {0, 0, 0};
  expectInvalid(toTensor(rgb(8, 8), o), "float32 only");
  o = {};
  o.scale = -1;
  expectInvalid(toTensor(rgb(8, 8), o), "scale must be a positive finite number");
}

TEST(ResizeOptions, BadOptionsAreRefused) {
  ResizeOptions o;
  o.width = 0;
  o.height = 4;
  auto r = resize(rgb(8, 8), o);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("positive integers"), std::string::npos);
  o.width = 4;
  o.box = std::array<double, 4>{0, 0, 9, 8};
  r = resize(rgb(8, 8), o);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("box [0, 0, 9, 8]"), std::string::npos) << r.error().message;
  o.box.reset();
  o.reducingGap = 0.5;
  r = resize(rgb(8, 8), o);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("reducingGap"), std::string::npos);
}

TEST(TensorScale, DefaultIsTrueDivisionBy255) {
  Raster one = rgb(1, 1);
  one.data = {1, 2, 3};
  auto t = toTensor(one, {});
  ASSERT_TRUE(t.ok());
  // 1/255 in float32 division differs from 1 × float(1/255) for some bytes;
  // the table must hold the division.
  for (int c = 0; c < 3; ++c) EXPECT_EQ(t.value().floats[std::size_t(c)], float(c + 1) / 255.0f);
  TensorOptions half;
  half.scale = 0.3;
  t = toTensor(one, half);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t.value().floats[0], 1.0f * 0.3f);
}

}  // namespace
}  // namespace imagefield
