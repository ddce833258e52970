// sha256, .npy parsing and the JSON caps of the annotation validators.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "array/npy.h"
#include "decode/decode.h"
#include "wandb/boxes.h"
#include "wandb/classes.h"
#include "wandb/masks.h"
#include "wandb/sha256.h"

namespace imagefield {
namespace {

std::string hexOf(const std::string& text) {
  return sha256Hex(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
}

TEST(Sha256, FipsVectors) {
  EXPECT_EQ(hexOf(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(hexOf("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(hexOf("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(hexOf(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, PaddingBoundaries) {
  // 55, 56 and 64 bytes put the length in the first, a second, and a fresh block.
  EXPECT_EQ(hexOf(std::string(55, 'a')), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  EXPECT_EQ(hexOf(std::string(56, 'a')), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  EXPECT_EQ(hexOf(std::string(64, 'a')), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

std::vector<std::uint8_t> npy(const std::string& header, std::size_t dataBytes, int major = 1, std::uint8_t fill = 0) {
  std::vector<std::uint8_t> out = {0x93, 'N', 'U', 'M', 'P', 'Y', std::uint8_t(major), 0};
  const std::size_t lengthBytes = major == 1 ? 2 : 4;
  std::string text = header;
  while ((8 + lengthBytes + text.size() + 1) % 64) text += ' ';
  text += '\n';
  for (std::size_t i = 0; i < lengthBytes; ++i) out.push_back(std::uint8_t(text.size() >> (8 * i)));
  out.insert(out.end(), text.begin(), text.end());
  out.insert(out.end(), dataBytes, fill);
  return out;
}

Result<NpyArray> parse(const std::vector<std::uint8_t>& bytes, const NpyLimits& limits = {}) {
  return parseNpy(bytes.data(), bytes.size(), limits);
}

TEST(Npy, ReadsVersionsOneToThree) {
  for (int major : {1, 2, 3}) {
    auto a = parse(npy("{'descr': '<u2', 'fortran_order': False, 'shape': (2, 3), }", 12, major, 1));
    ASSERT_TRUE(a) << a.error().message;
    EXPECT_EQ(a.value().dtype, DType::U16);
    EXPECT_EQ(a.value().shape, (std::vector<std::int64_t>{2, 3}));
    EXPECT_EQ(static_cast<const std::uint16_t*>(a.value().view().data)[0], 0x0101);
  }
}

TEST(Npy, SwapsBigEndianAndTransposesFortranOrder) {
  auto bytes = npy("{'descr': '>i2', 'fortran_order': True, 'shape': (2, 3)}", 0);
  // Fortran order stores column by column: (0,0) (1,0) (0,1) (1,1) (0,2) (1,2).
  for (std::int16_t v : {0, 10, 1, 11, 2, 12}) {
    bytes.push_back(std::uint8_t(v >> 8));
    bytes.push_back(std::uint8_t(v));
  }
  auto a = parse(bytes);
  ASSERT_TRUE(a) << a.error().message;
  const auto* v = static_cast<const std::int16_t*>(a.value().view().data);
  EXPECT_EQ(std::vector<std::int16_t>(v, v + 6), (std::vector<std::int16_t>{0, 1, 2, 10, 11, 12}));
}

TEST(Npy, BooleansBecomeZeroOrOne) {
  auto bytes = npy("{'descr': '|b1', 'fortran_order': False, 'shape': (1, 2), }", 0);
  bytes.push_back(0);
  bytes.push_back(7);
  auto a = parse(bytes);
  ASSERT_TRUE(a);
  const auto* v = static_cast<const std::uint8_t*>(a.value().view().data);
  EXPECT_EQ(v[0], 0);
  EXPECT_EQ(v[1], 1);
}

void expectError(const std::vector<std::uint8_t>& bytes, ErrorCode code, const std::string& fragment,
                 const NpyLimits& limits = {}) {
  auto a = parse(bytes, limits);
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().code, code) << a.error().message;
  EXPECT_NE(a.error().message.find(fragment), std::string::npos) << a.error().message;
}

TEST(Npy, RejectsMalformedHeadersClearly) {
  expectError(npy("{'descr': '<f4', 'fortran_order': False}", 0), ErrorCode::DecodeFailed, "descr, fortran_order and shape");
  expectError(npy("{'descr': '<f4', 'fortran_order': maybe, 'shape': (1,)}", 4), ErrorCode::DecodeFailed, "True or False");
  expectError(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1, -2)}", 4), ErrorCode::DecodeFailed, "non-negative integers");
  expectError(npy("{'descr': '<f4', 'fortran_order': False, 'shape': [1, 2]}", 8), ErrorCode::DecodeFailed, "not a tuple");
  expectError(npy("['descr']", 0), ErrorCode::DecodeFailed, "does not start with '{'");
  expectError(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), 'x': 1}", 16), ErrorCode::DecodeFailed, "unexpected key 'x'");
  expectError(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2)}", 15), ErrorCode::DecodeFailed, "16 bytes) but the file holds 15");
  expectError(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2)}", 17), ErrorCode::DecodeFailed, "holds 17");
  expectError(npy("{'descr': '<i8', 'fortran_order': False, 'shape': (1,)}", 8), ErrorCode::UnsupportedFile, "'<i8' is not supported");
  expectError(npy("{'descr': '|u2', 'fortran_order': False, 'shape': (1,)}", 2), ErrorCode::UnsupportedFile, "'|u2'");
  expectError(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,1,1,1,1,1,1,1,1)}", 4), ErrorCode::DecodeFailed, "more than 8 dimensions");
  expectError(npy("{'descr': '<u1', 'fortran_order': False, 'shape': (100000, 100000)}", 0), ErrorCode::TooLarge, "elements");
  auto version = npy("{'descr': '<u1', 'fortran_order': False, 'shape': (1,)}", 1);
  version[6] = 4;
  expectError(version, ErrorCode::UnsupportedFile, "version 4.0");
  auto truncated = npy("{'descr': '<u1', 'fortran_order': False, 'shape': (1,)}", 1);
  truncated.resize(30);
  expectError(truncated, ErrorCode::DecodeFailed, "declares");
  std::vector<std::uint8_t> huge = {0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, 0xff, 0xff, 0xff, 0x7f};
  expectError(huge, ErrorCode::DecodeFailed, "above the limit");
}

TEST(Npy, EveryMutationOfTheHeaderIsAResultNotACrash) {
  auto valid = npy("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3, 3), }", 72, 2, 0x3f);
  std::uint32_t seed = 12345;
  int failures = 0;
  for (std::size_t pos = 0; pos < 80; ++pos) {
    for (int trial = 0; trial < 8; ++trial) {
      auto bytes = valid;
      seed = seed * 1664525u + 1013904223u;
      bytes[pos] = std::uint8_t(seed >> 24);
      if (trial == 7) bytes.resize(pos);  // and every truncation
      auto a = parse(bytes);
      auto r = decodeImage(bytes.data(), bytes.size(), {}, std::nullopt, Layout::CHW);
      if (!a) ++failures;
      if (r) EXPECT_GT(r.value().width, 0u);
    }
  }
  EXPECT_GT(failures, 100);  // most mutations are caught, none crash (run under ASan/UBSan too)
}

TEST(Npy, DecodesAsAnImageWithTheLayout) {
  auto bytes = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 1, 2), }", 0);
  for (float v : {0.f, 1.f, 0.f, 0.f, 0.f, 1.f}) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(&v);
    bytes.insert(bytes.end(), p, p + 4);
  }
  auto r = decodeImage(bytes.data(), bytes.size(), {}, std::nullopt, Layout::CHW);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r.value().mode, Mode::RGB);
  EXPECT_EQ(r.value().width, 2u);
  EXPECT_EQ(r.value().data, (std::vector<std::uint8_t>{0, 0, 0, 255, 0, 255}));
}

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

TEST(JsonLimits, DepthAndSizeAreCapped) {
  const std::string deep = "{\"box_data\": [{\"position\": {\"minX\": 0, \"maxX\": 1, \"minY\": 0, \"maxY\": 1}, "
                           "\"scores\": {\"a\": 1}, \"extra\": " + nested(200000) + "}]}";
  auto boxes = validateBoxesLayer("p", deep);
  ASSERT_FALSE(boxes);
  EXPECT_EQ(boxes.error().code, ErrorCode::InvalidBoxes);
  EXPECT_NE(boxes.error().message.find("more than 64 levels"), std::string::npos);

  JsonLimits small;
  small.maxBytes = 10;
  auto big = validateClasses("[{\"id\": 1, \"name\": \"a\"}]", small);
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().code, ErrorCode::TooLarge);

  auto atLimit = validateClasses("[" + nested(63) + "]");  // 64 levels: accepted by the parser, refused as a class
  ASSERT_FALSE(atLimit);
  EXPECT_NE(atLimit.error().message.find("classes[0] must be an object"), std::string::npos);
  auto syntax = validateClasses("[{\"id\": 1,");
  ASSERT_FALSE(syntax);
  EXPECT_NE(syntax.error().message.find("not valid JSON"), std::string::npos);
}

TEST(Masks, DefaultLabelsAndSizeCheck) {
  const std::uint8_t ids[] = {0, 3, 3, 0};
  auto layer = prepareMaskLayer("gt", TypedView{DType::U8, ids, 4}, {2, 2}, "", 2, 2);
  ASSERT_TRUE(layer) << layer.error().message;
  EXPECT_EQ(layer.value().classLabelsJson, "{\"0\":\"class_0\",\"3\":\"class_3\"}");
  auto wrong = prepareMaskLayer("gt", TypedView{DType::U8, ids, 4}, {1, 4}, "", 2, 2);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, ErrorCode::InvalidMask);
}

}  // namespace
}  // namespace imagefield
