#include "test_images.h"

#include <zlib.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <map>

namespace imagefield::testing {

Raster gradient(std::uint32_t width, std::uint32_t height, Mode mode) {
  Raster r;
  r.width = width;
  r.height = height;
  r.mode = mode;
  const int bands = bandCount(mode);
  r.data.resize(std::size_t(width) * height * bands);
  std::size_t i = 0;
  for (std::uint32_t y = 0; y < height; ++y)
    for (std::uint32_t x = 0; x < width; ++x)
      for (int b = 0; b < bands; ++b)
        r.data[i++] = static_cast<std::uint8_t>((x * 255 / (width > 1 ? width - 1 : 1)) * (b % 2 ? 1 : 0) +
                                                (y * 255 / (height > 1 ? height - 1 : 1)) * (b % 2 ? 0 : 1) +
                                                ((x ^ y) & 1) * 7 * b);
  return r;
}

static void put32(std::vector<std::uint8_t>& out, std::uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<std::uint8_t>(v >> s));
}

void appendPngChunk(std::vector<std::uint8_t>& png, const char type[4], const std::vector<std::uint8_t>& data) {
  put32(png, static_cast<std::uint32_t>(data.size()));
  const std::size_t typeAt = png.size();
  png.insert(png.end(), type, type + 4);
  png.insert(png.end(), data.begin(), data.end());
  const uLong crc = crc32(0, png.data() + typeAt, static_cast<uInt>(4 + data.size()));
  put32(png, static_cast<std::uint32_t>(crc));
}

std::vector<std::uint8_t> inflationBombPng(std::uint32_t width, std::uint32_t height, std::uint64_t inflatedBytes) {
  std::vector<std::uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  std::vector<std::uint8_t> ihdr;
  put32(ihdr, width);
  put32(ihdr, height);
  ihdr.insert(ihdr.end(), {8, 2, 0, 0, 0});  // 8-bit RGB, deflate, no filter, no interlace
  appendPngChunk(png, "IHDR", ihdr);

  // Deflating a gigabyte takes seconds, but after a sync flush every further
  // MiB of zeros compresses to the same bytes: compress two MiB, repeat the
  // second block, and close the stream by hand (empty final block + Adler-32).
  const std::size_t block = 1 << 20;
  std::vector<std::uint8_t> zeros(block, 0), out(block), first, steady;
  z_stream z{};
  deflateInit(&z, 9);
  auto compressBlock = [&](std::vector<std::uint8_t>& into) {
    z.next_in = zeros.data();
    z.avail_in = static_cast<uInt>(block);
    do {
      z.next_out = out.data();
      z.avail_out = static_cast<uInt>(out.size());
      deflate(&z, Z_SYNC_FLUSH);
      into.insert(into.end(), out.data(), out.data() + (out.size() - z.avail_out));
    } while (z.avail_out == 0);
  };
  compressBlock(first);
  compressBlock(steady);
  deflateEnd(&z);
  const std::uint64_t blocks = (inflatedBytes + block - 1) / block;
  std::vector<std::uint8_t> compressed = first;
  for (std::uint64_t i = 1; i < blocks; ++i) compressed.insert(compressed.end(), steady.begin(), steady.end());
  compressed.insert(compressed.end(), {0x03, 0x00});  // empty final block with fixed codes
  const std::uint64_t total = blocks * block;
  put32(compressed, static_cast<std::uint32_t>(((total % 65521) << 16) | 1));  // Adler-32 of zeros
  appendPngChunk(png, "IDAT", compressed);
  appendPngChunk(png, "IEND", {});
  return png;
}

std::vector<std::uint8_t> readTestData(const std::string& relativePath) {
  std::ifstream in(std::string(IMAGEFIELD_TEST_DATA) + "/" + relativePath, std::ios::binary);
  return std::vector<std::uint8_t>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

const nlohmann::json& testDataJson(const std::string& relativePath) {
  static std::map<std::string, nlohmann::json> parsed;
  auto found = parsed.find(relativePath);
  if (found == parsed.end()) {
    found = parsed.emplace(relativePath, nlohmann::json::parse(readTestData(relativePath))).first;
  }
  return found->second;
}

std::vector<std::uint8_t> gifClaiming(std::uint16_t width, std::uint16_t height) {
  const std::uint8_t w0 = width & 0xFF, w1 = width >> 8, h0 = height & 0xFF, h1 = height >> 8;
  return {'G', 'I', 'F', '8', '9', 'a', w0, w1, h0, h1, 0x80, 0, 0,  // global table of 2 colors
          0, 0, 0, 255, 255, 255,
          0x2C, 0, 0, 0, 0, w0, w1, h0, h1, 0,  // one frame covering the screen
          2, 2, 0x4C, 0x01, 0, 0x3B};          // LZW: clear, one pixel, end; trailer
}

std::vector<std::uint8_t> tgaClaiming(std::uint16_t width, std::uint16_t height) {
  std::vector<std::uint8_t> tga = {0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                   std::uint8_t(width & 0xFF), std::uint8_t(width >> 8),
                                   std::uint8_t(height & 0xFF), std::uint8_t(height >> 8), 24, 0};
  tga.resize(tga.size() + 3 * 64, 0x80);
  return tga;
}

}  // namespace imagefield::testing
