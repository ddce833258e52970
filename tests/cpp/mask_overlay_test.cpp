// Mask colour layers: every id looks up its own RGBA entry.
#include <gtest/gtest.h>

#include <vector>

#include "wandb/mask_overlay.h"

namespace imagefield {
namespace {

std::vector<std::uint8_t> tableWith(std::uint8_t id, std::vector<std::uint8_t> rgba) {
  std::vector<std::uint8_t> table(kMaskColorTableBytes, 0);
  for (int c = 0; c < 4; ++c) table[id * 4 + c] = rgba[c];
  return table;
}

TEST(MaskOverlay, LooksUpEachIdsColour) {
  auto table = tableWith(3, {10, 20, 30, 128});
  table[255 * 4 + 0] = 255;
  table[255 * 4 + 3] = 7;
  const std::vector<std::uint8_t> ids = {0, 3, 255, 3, 0, 0};
  auto layer = maskOverlay(ids.data(), ids.size(), 3, 2, table.data(), table.size());
  ASSERT_TRUE(layer) << layer.error().message;
  EXPECT_EQ(layer.value().mode, Mode::RGBA);
  EXPECT_EQ(layer.value().width, 3u);
  EXPECT_EQ(layer.value().height, 2u);
  const std::vector<std::uint8_t> expected = {0, 0, 0, 0, 10, 20, 30, 128, 255, 0, 0, 7,
                                              10, 20, 30, 128, 0, 0, 0, 0, 0, 0, 0, 0};
  EXPECT_EQ(layer.value().data, expected);
}

TEST(MaskOverlay, RejectsWrongSizes) {
  const auto table = tableWith(1, {1, 2, 3, 4});
  const std::vector<std::uint8_t> ids(5, 1);
  auto wrongCount = maskOverlay(ids.data(), ids.size(), 3, 2, table.data(), table.size());
  ASSERT_FALSE(wrongCount);
  EXPECT_EQ(wrongCount.error().code, ErrorCode::InvalidMask);
  EXPECT_NE(wrongCount.error().message.find("5 class ids"), std::string::npos);
  auto shortTable = maskOverlay(ids.data(), ids.size(), 5, 1, table.data(), 12);
  ASSERT_FALSE(shortTable);
  EXPECT_EQ(shortTable.error().code, ErrorCode::InvalidArgument);
  auto empty = maskOverlay(ids.data(), 0, 0, 0, table.data(), table.size());
  EXPECT_FALSE(empty);
}

}  // namespace
}  // namespace imagefield
