#include "base/mode.h"

#include <array>

namespace imagefield {
namespace {

struct ModeInfo {
  Mode mode;
  const char* name;
  int bands;
  std::size_t bytes;
};

constexpr std::array<ModeInfo, 12> kModes = {{
    {Mode::One, "1", 1, 1},
    {Mode::L, "L", 1, 1},
    {Mode::LA, "LA", 2, 2},
    {Mode::P, "P", 1, 1},
    {Mode::RGB, "RGB", 3, 3},
    {Mode::RGBA, "RGBA", 4, 4},
    {Mode::CMYK, "CMYK", 4, 4},
    {Mode::YCbCr, "YCbCr", 3, 3},
    {Mode::LAB, "LAB", 3, 3},
    {Mode::HSV, "HSV", 3, 3},
    {Mode::I, "I", 1, 4},
    {Mode::F, "F", 1, 4},
}};

const ModeInfo& info(Mode mode) {
  for (const auto& entry : kModes) {
    if (entry.mode == mode) return entry;
  }
  return kModes[1];
}

}  // namespace

std::optional<Mode> parseMode(std::string_view name) {
  for (const auto& entry : kModes) {
    if (name == entry.name) return entry.mode;
  }
  return std::nullopt;
}

const char* modeName(Mode mode) { return info(mode).name; }

const char* modeNameList() { return "1, L, LA, P, RGB, RGBA, CMYK, YCbCr, LAB, HSV, I, F"; }

int bandCount(Mode mode) { return info(mode).bands; }

std::size_t bytesPerPixel(Mode mode) { return info(mode).bytes; }

std::optional<Mode> naturalMode(std::size_t channels) {
  switch (channels) {
    case 1: return Mode::L;
    case 2: return Mode::LA;
    case 3: return Mode::RGB;
    case 4: return Mode::RGBA;
    default: return std::nullopt;
  }
}

}  // namespace imagefield
