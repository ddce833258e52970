// PIL image modes and what each one stores per pixel.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace imagefield {

// 8-bit modes store one byte per band; I stores int32 and F float32, both in
// native (little-endian in Wasm) byte order, as PIL does in memory.
// Mode "1" stores one byte per pixel, 0 or 255, as PIL does internally.
enum class Mode { One, L, LA, P, RGB, RGBA, CMYK, YCbCr, LAB, HSV, I, F };

std::optional<Mode> parseMode(std::string_view name);
const char* modeName(Mode mode);
// The list accepted by parseMode, for error messages.
const char* modeNameList();

int bandCount(Mode mode);
std::size_t bytesPerPixel(Mode mode);

// The mode an interleaved array with this many channels is read as:
// 1 → L, 2 → LA, 3 → RGB, 4 → RGBA.
std::optional<Mode> naturalMode(std::size_t channels);

}  // namespace imagefield
