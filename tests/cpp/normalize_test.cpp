#include "array/normalize.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace imagefield {
namespace {

template <class T>
std::vector<std::uint8_t> run(DType dtype, const std::vector<T>& values, bool normalize = true) {
  return toUint8(TypedView{dtype, values.data(), values.size()}, normalize);
}

using Bytes = std::vector<std::uint8_t>;

TEST(Normalize, UnitRangeFloat32ScalesBy255AndTruncates) {
  // 0.5·255 = 127.5 → 127; 0.3f·255 = 76.5 in float32 → 76.
  EXPECT_EQ(run<float>(DType::F32, {0.0f, 0.5f, 0.3f, 1.0f, 0.999f}), (Bytes{0, 127, 76, 255, 254}));
  EXPECT_EQ(chooseRule(TypedView{DType::F32, std::vector<float>{0, 1}.data(), 2}), NormalizeRule::ScaleUnit);
}

TEST(Normalize, UnitRangeFloat64) {
  EXPECT_EQ(run<double>(DType::F64, {0.0, 0.5, 0.3, 1.0, 0.1}), (Bytes{0, 127, 76, 255, 25}));
}

TEST(Normalize, SignedRangeRescales) {
  // 127.5·(v+1): -1 → 0, 0 → 127 (127.5 truncated), 1 → 255, -0.5 → 63.75 → 63.
  EXPECT_EQ(run<float>(DType::F32, {-1.0f, 0.0f, 1.0f, -0.5f, 0.5f}), (Bytes{0, 127, 255, 63, 191}));
  EXPECT_EQ(run<double>(DType::F64, {-1.0, 0.0, 1.0, -0.5, 0.5}), (Bytes{0, 127, 255, 63, 191}));
}

TEST(Normalize, BoundariesAreInclusive) {
  // max exactly 1 keeps the unit branch; min exactly -1 keeps the signed branch.
  EXPECT_EQ(run<float>(DType::F32, {0.2f, 1.0f}), (Bytes{51, 255}));
  EXPECT_EQ(run<float>(DType::F32, {-1.0f, 0.2f}), (Bytes{0, 153}));
}

TEST(Normalize, JustOutsideTheRangesClips) {
  // 1.0000001 leaves [0,1] and [-1,1]: clip, so 0.5 → 0 and 1.0000001 → 1.
  EXPECT_EQ(run<float>(DType::F32, {0.5f, 1.0000001f}), (Bytes{0, 1}));
  EXPECT_EQ(run<double>(DType::F64, {0.5, 1.0000001}), (Bytes{0, 1}));
  // -1.0000001 leaves [-1,1]: clip, negatives → 0.
  EXPECT_EQ(run<float>(DType::F32, {-1.0000001f, 0.5f, 1.0f}), (Bytes{0, 0, 1}));
  EXPECT_EQ(run<double>(DType::F64, {-1.0000001, 0.5, 1.0}), (Bytes{0, 0, 1}));
}

TEST(Normalize, ClipBranchTruncates) {
  EXPECT_EQ(run<float>(DType::F32, {-5.0f, 0.7f, 254.5f, 255.0f, 300.0f, 12.9f}), (Bytes{0, 0, 254, 255, 255, 12}));
  EXPECT_EQ(run<double>(DType::F64, {-5.0, 0.7, 254.5, 255.0, 300.0, 12.9}), (Bytes{0, 0, 254, 255, 255, 12}));
}

TEST(Normalize, NaNSendsWholeArrayToClipAndBecomesZero) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  // Without the NaN this would be the unit branch (0.5 → 127); with it, clip.
  EXPECT_EQ(run<float>(DType::F32, {0.5f, nan, 1.0f}), (Bytes{0, 0, 1}));
  EXPECT_EQ(run<double>(DType::F64, {0.5, std::nan(""), 200.0}), (Bytes{0, 0, 200}));
}

TEST(Normalize, InfinitiesClip) {
  const float inf = std::numeric_limits<float>::infinity();
  EXPECT_EQ(run<float>(DType::F32, {inf, -inf, 0.5f}), (Bytes{255, 0, 0}));
  const double dinf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(run<double>(DType::F64, {dinf, -dinf, 100.0}), (Bytes{255, 0, 100}));
}

TEST(Normalize, BoolLikeUint8BecomesBlackAndWhite) {
  EXPECT_EQ(run<std::uint8_t>(DType::U8, {0, 1, 1, 0}), (Bytes{0, 255, 255, 0}));
  // All zeros is inside [0,1] too.
  EXPECT_EQ(run<std::uint8_t>(DType::U8, {0, 0}), (Bytes{0, 0}));
}

TEST(Normalize, OrdinaryUint8IsUnchanged) {
  EXPECT_EQ(run<std::uint8_t>(DType::U8, {0, 2, 128, 255}), (Bytes{0, 2, 128, 255}));
}

TEST(Normalize, IntegersGoThroughTheSameBranches) {
  EXPECT_EQ(run<std::int8_t>(DType::I8, {-1, 0, 1}), (Bytes{0, 127, 255}));
  EXPECT_EQ(run<std::int16_t>(DType::I16, {-300, 0, 100, 1000}), (Bytes{0, 0, 100, 255}));
  EXPECT_EQ(run<std::uint16_t>(DType::U16, {0, 1}), (Bytes{0, 255}));
  EXPECT_EQ(run<std::uint16_t>(DType::U16, {0, 65535, 254}), (Bytes{0, 255, 254}));
  EXPECT_EQ(run<std::int32_t>(DType::I32, {-2147483647 - 1, 2147483647, 7}), (Bytes{0, 255, 7}));
  EXPECT_EQ(run<std::uint32_t>(DType::U32, {4294967295u, 1, 0}), (Bytes{255, 1, 0}));
  EXPECT_EQ(run<std::int32_t>(DType::I32, {0, 1}), (Bytes{0, 255}));
}

TEST(Normalize, DisabledOnlyClips) {
  // wandb's documented normalize=False: -1 → 0, 300 → 255, 0.7 → 0.
  EXPECT_EQ(run<float>(DType::F32, {-1.0f, 300.0f, 0.7f, 1.0f}, false), (Bytes{0, 255, 0, 1}));
  EXPECT_EQ(run<std::uint8_t>(DType::U8, {0, 1}, false), (Bytes{0, 1}));
  EXPECT_EQ(run<double>(DType::F64, {std::nan(""), 254.9}, false), (Bytes{0, 254}));
}

TEST(Normalize, DTypeNamesRoundTrip) {
  for (const char* name : {"uint8", "int8", "uint16", "int16", "uint32", "int32", "float32", "float64"}) {
    auto dtype = parseDType(name);
    ASSERT_TRUE(dtype) << name;
    EXPECT_STREQ(dtypeName(*dtype), name);
  }
  EXPECT_FALSE(parseDType("int64"));
}

}  // namespace
}  // namespace imagefield

namespace imagefield {
namespace {

TEST(Normalize, Float32IsComputedInFloat32) {
  // -0.2f: 127.5f·(v+1) is exactly 102 in float32, 101.99999962 in float64.
  EXPECT_EQ(run<float>(DType::F32, {-0.2f, 1.0f}), (Bytes{102, 255}));
  EXPECT_EQ(run<double>(DType::F64, {double(-0.2f), 1.0}), (Bytes{101, 255}));
}

}  // namespace
}  // namespace imagefield
