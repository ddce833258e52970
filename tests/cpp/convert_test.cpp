// convert() against Pillow 9.4's Image.convert(), byte for byte, using the
// golden file written by tests/golden/make_convert_golden.py.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <map>
#include <ostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "convert/convert.h"

namespace imagefield {
namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes decodeBase64(const std::string& text) {
  const auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  Bytes out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    const int v = value(c);
    if (v < 0) continue;  // padding
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<std::uint8_t>(buffer >> bits));
    }
  }
  return out;
}

Mode modeOf(const std::string& name) {
  const auto mode = parseMode(name);
  if (!mode) throw std::runtime_error("unknown mode in golden file: " + name);
  return *mode;
}

struct GoldenCase {
  std::string sourceName;
  Mode target;
  bool refused = false;
  Bytes data;
  Bytes palette;
};

struct Golden {
  std::map<std::string, Raster> sources;
  std::vector<GoldenCase> cases;
};

const Golden& golden() {
  static const Golden loaded = [] {
    std::ifstream file(IMAGEFIELD_TEST_DATA "/convert_golden.json");
    if (!file) throw std::runtime_error("cannot open convert_golden.json");
    const nlohmann::json doc = nlohmann::json::parse(file);
    Golden g;
    for (const auto& s : doc.at("sources")) {
      Raster r;
      r.width = s.at("width").get<std::uint32_t>();
      r.height = s.at("height").get<std::uint32_t>();
      r.mode = modeOf(s.at("mode").get<std::string>());
      r.data = decodeBase64(s.at("data").get<std::string>());
      if (s.contains("palette")) r.palette = decodeBase64(s.at("palette").get<std::string>());
      g.sources.emplace(s.at("name").get<std::string>(), std::move(r));
    }
    for (const auto& c : doc.at("cases")) {
      GoldenCase gc;
      gc.sourceName = c.at("source").get<std::string>();
      gc.target = modeOf(c.at("target").get<std::string>());
      gc.refused = c.contains("error");
      if (c.contains("data")) gc.data = decodeBase64(c.at("data").get<std::string>());
      if (c.contains("palette")) gc.palette = decodeBase64(c.at("palette").get<std::string>());
      g.cases.push_back(std::move(gc));
    }
    return g;
  }();
  return loaded;
}

// Index of the first differing byte, for a readable failure.
std::string firstDifference(const Bytes& expected, const Bytes& actual) {
  const std::size_t n = std::min(expected.size(), actual.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (expected[i] != actual[i]) {
      return "byte " + std::to_string(i) + ": expected " + std::to_string(expected[i]) + ", got " +
             std::to_string(actual[i]);
    }
  }
  return "sizes " + std::to_string(expected.size()) + " vs " + std::to_string(actual.size());
}

const Mode kAllModes[] = {Mode::One, Mode::L,     Mode::LA,  Mode::P,   Mode::RGB, Mode::RGBA,
                          Mode::CMYK, Mode::YCbCr, Mode::LAB, Mode::HSV, Mode::I,   Mode::F};

struct Pair {
  Mode from;
  Mode to;
};

void PrintTo(const Pair& pair, std::ostream* os) { *os << modeName(pair.from) << " -> " << modeName(pair.to); }

std::vector<Pair> allPairs() {
  std::vector<Pair> pairs;
  for (Mode from : kAllModes) {
    for (Mode to : kAllModes) pairs.push_back({from, to});
  }
  return pairs;
}

class ConvertGolden : public ::testing::TestWithParam<Pair> {};

TEST_P(ConvertGolden, MatchesPillow) {
  const Pair pair = GetParam();
  const Golden& g = golden();
  int checked = 0;
  for (const GoldenCase& c : g.cases) {
    const Raster& source = g.sources.at(c.sourceName);
    if (source.mode != pair.from || c.target != pair.to) continue;
    SCOPED_TRACE(c.sourceName + " -> " + modeName(c.target));
    ++checked;
    const Result<Raster> result = convert(source, c.target);
    if (c.refused) {
      ASSERT_FALSE(result.ok()) << "Pillow refuses this pair";
      EXPECT_EQ(result.error().code, ErrorCode::InvalidMode);
      const std::string& message = result.error().message;
      EXPECT_NE(message.find(modeName(pair.from)), std::string::npos) << message;
      EXPECT_NE(message.find(modeName(pair.to)), std::string::npos) << message;
      continue;
    }
    ASSERT_TRUE(result.ok()) << result.error().message;
    const Raster& out = result.value();
    EXPECT_EQ(out.mode, c.target);
    EXPECT_EQ(out.width, source.width);
    EXPECT_EQ(out.height, source.height);
    EXPECT_TRUE(out.data == c.data) << firstDifference(c.data, out.data);
    EXPECT_TRUE(out.palette == c.palette) << "palette " << firstDifference(c.palette, out.palette);
  }
  EXPECT_GT(checked, 0) << "no golden cases for this pair";
}

INSTANTIATE_TEST_SUITE_P(Convert, ConvertGolden, ::testing::ValuesIn(allPairs()),
                         [](const ::testing::TestParamInfo<Pair>& pairInfo) {
                           const auto name = [](Mode m) {
                             return m == Mode::One ? std::string("1bit") : std::string(modeName(m));
                           };
                           return name(pairInfo.param.from) + "_to_" + name(pairInfo.param.to);
                         });

TEST(Convert, RejectsInvalidSource) {
  Raster wrongSize;
  wrongSize.width = 2;
  wrongSize.height = 2;
  wrongSize.mode = Mode::RGB;
  wrongSize.data.assign(11, 0);
  const auto result = convert(wrongSize, Mode::L);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::InvalidShape);

  Raster noPalette;
  noPalette.width = 1;
  noPalette.height = 1;
  noPalette.mode = Mode::P;
  noPalette.data = {0};
  EXPECT_FALSE(convert(noPalette, Mode::RGB).ok());

  Raster empty;
  empty.mode = Mode::L;
  EXPECT_FALSE(convert(empty, Mode::RGB).ok());
}

TEST(Convert, SameModeIsACopy) {
  for (const auto& [name, source] : golden().sources) {
    SCOPED_TRACE(name);
    const auto result = convert(source, source.mode);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.value().data, source.data);
    EXPECT_EQ(result.value().palette, source.palette);
    EXPECT_EQ(result.value().width, source.width);
    EXPECT_EQ(result.value().height, source.height);
  }
}

// Pillow's F→I and F→L on NaN, infinities and out-of-range values are C
// behaviour undefined by the standard; we fix them to what x86 Pillow gives
// (and never trap, as a plain Wasm float→int truncation would).
TEST(Convert, FloatEdgeValuesAreDefined) {
  const float values[] = {std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity(),
                          -std::numeric_limits<float>::infinity(), 3e9f, -3e9f, 2147483648.0f};
  Raster f;
  f.width = 6;
  f.height = 1;
  f.mode = Mode::F;
  f.data.resize(24);
  std::memcpy(f.data.data(), values, sizeof values);

  const auto asInt = convert(f, Mode::I);
  ASSERT_TRUE(asInt.ok());
  std::int32_t ints[6];
  std::memcpy(ints, asInt.value().data.data(), sizeof ints);
  for (std::int32_t v : ints) EXPECT_EQ(v, std::numeric_limits<std::int32_t>::min());

  const auto asL = convert(f, Mode::L);
  ASSERT_TRUE(asL.ok());
  EXPECT_EQ(asL.value().data, (Bytes{0, 255, 0, 255, 0, 255}));
}

}  // namespace
}  // namespace imagefield
