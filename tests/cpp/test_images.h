// Deterministic rasters, hand-built files and the files of tests/data, shared
// by the C++ tests.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/raster.h"

namespace imagefield::testing {

// A smooth gradient with some high-frequency detail, in any 8-bit natural mode.
Raster gradient(std::uint32_t width, std::uint32_t height, Mode mode);

// A PNG declaring width×height RGB whose IDAT inflates to `inflatedBytes` of
// zeros: the classic decompression bomb (a few hundred KB per GiB).
std::vector<std::uint8_t> inflationBombPng(std::uint32_t width, std::uint32_t height, std::uint64_t inflatedBytes);

// Headers declaring width×height followed by a few bytes of pixel data: a GIF
// (one frame covering the screen) and an uncompressed 24-bit TGA.
std::vector<std::uint8_t> gifClaiming(std::uint16_t width, std::uint16_t height);
std::vector<std::uint8_t> tgaClaiming(std::uint16_t width, std::uint16_t height);

// The whole of a file under tests/data (`relativePath` as "jpeg/hopper_420.jpg");
// empty when it cannot be read.
std::vector<std::uint8_t> readTestData(const std::string& relativePath);

// A JSON file under tests/data (a reference written by a tests/golden/
// generator), parsed on first use and kept for the whole run.
const nlohmann::json& testDataJson(const std::string& relativePath);

// A PNG chunk: length, type, data, CRC.
void appendPngChunk(std::vector<std::uint8_t>& png, const char type[4], const std::vector<std::uint8_t>& data);

}  // namespace imagefield::testing
