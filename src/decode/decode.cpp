#include "decode/decode.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

#include "array/npy_image.h"
#include "convert/convert.h"
#include "convert/transpose.h"
#include "decode/bmp_decode.h"
#include "decode/decode_budget.h"
#include "decode/exif_orientation.h"
#include "decode/jpeg_decode.h"
#include "decode/structure_check.h"
#include "decode/tga_orientation.h"
#include "stb/stb_image_calls.h"

namespace imagefield {
namespace {

std::string mib(std::uint64_t bytes) {
  return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MiB";
}

Error unsupported(FileFormat format) {
  if (format == FileFormat::Unknown) {
    return makeError(ErrorCode::UnsupportedFile,
                     "the bytes are not an image file the core can read; supported: PNG, JPEG, GIF, BMP, TGA, PSD, NPY");
  }
  return makeError(ErrorCode::UnsupportedFile,
                   std::string(formatName(format)) +
                       " files are not decoded by the core; supported: PNG, JPEG, GIF, BMP, TGA, PSD, NPY "
                       "(in a browser, let the browser decode other formats and pass the pixels)");
}

std::string sizeText(std::uint32_t width, std::uint32_t height) {
  return std::to_string(width) + "x" + std::to_string(height);
}

Result<ImageInfo> withinLimits(const ImageInfo& info, const DecodeLimits& limits) {
  const std::string dims = sizeText(info.width, info.height);
  if (info.width > limits.maxAxis || info.height > limits.maxAxis) {
    return makeError(ErrorCode::TooLarge, "the image is " + dims + ", above the limit of " +
                                              std::to_string(limits.maxAxis) + " pixels per side (maxAxis)");
  }
  const std::uint64_t pixels = std::uint64_t(info.width) * std::uint64_t(info.height);
  if (pixels > limits.maxPixels) {
    return makeError(ErrorCode::TooLarge, "the image is " + dims + " = " + std::to_string(pixels) +
                                              " pixels, above the limit of " + std::to_string(limits.maxPixels) +
                                              " (maxPixels)");
  }
  return info;
}

std::size_t decodeBudgetFor(const ImageInfo& info, std::size_t size, const DecodeLimits& limits) {
  const std::uint64_t derived = derivedDecodeBudget(std::uint64_t(info.width) * info.height, size);
  const std::uint64_t limit = limits.maxDecodeBytes ? std::min(limits.maxDecodeBytes, derived) : derived;
  return limit > SIZE_MAX ? SIZE_MAX : static_cast<std::size_t>(limit);
}

Error budgetExceeded(const ImageInfo& info, std::size_t limit) {
  return makeError(ErrorCode::TooLarge, std::string(formatName(info.format)) + " data needs more than " + mib(limit) +
                                            " of memory to decode a " + sizeText(info.width, info.height) +
                                            " image (a decompression bomb, or maxDecodeBytes is too low)");
}

// The core's own BMP reader (bmp_decode.h): stb_image is not used for BMP.
Result<Raster> decodeBmpImage(const std::uint8_t* bytes, std::size_t size, const ImageInfo& info,
                              const DecodeLimits& limits, std::optional<Mode> mode) {
  if (auto broken = checkStructure(FileFormat::BMP, bytes, size)) return *broken;
  // The reader's memory: one index per pixel (palette files) and the raster.
  const std::uint64_t pixels = std::uint64_t(info.width) * info.height;
  const std::size_t limit = decodeBudgetFor(info, size, limits);
  if (pixels * (1 + 4) > limit) return budgetExceeded(info, limit);
  auto raster = decodeBmp(bytes, size);
  if (!raster) return raster.error();
  if (mode && *mode != raster.value().mode) return convert(raster.value(), *mode);
  return raster;
}

// JPEG through libjpeg-turbo (jpeg_decode.h): stb_image is not used for JPEG.
Result<Raster> decodeJpegImage(const std::uint8_t* bytes, std::size_t size, const ImageInfo& info,
                               const DecodeLimits& limits, std::optional<Mode> mode, bool exifTranspose) {
  DecodeBudget budget;
  budget.limit = decodeBudgetFor(info, size, limits);
  auto raster = decodeJpeg(bytes, size, budget);
  if (!raster) {
    if (budget.exceeded) return budgetExceeded(info, budget.limit);
    return raster.error();
  }
  if (raster.value().width != info.width || raster.value().height != info.height) {
    return makeError(ErrorCode::DecodeFailed, "JPEG decoder returned a size different from the header");
  }
  if (mode && *mode != raster.value().mode) raster = convert(raster.value(), *mode);
  if (!raster || !exifTranspose) return raster;
  return orientedAsExif(std::move(raster.value()), jpegExifOrientation(bytes, size));
}

// IHDR's bit depth and colour type; {0, 0} if the bytes are too short.
struct PngHeader {
  int depth = 0;
  int colorType = 0;
};
PngHeader pngHeader(const std::uint8_t* bytes, std::size_t size) {
  if (size < 26) return {};
  return PngHeader{bytes[24], bytes[25]};
}

// 16-bit grey PNG in Pillow's natural mode I (one int32 per pixel).
Result<Raster> decodeGrey16(const std::uint8_t* bytes, std::size_t size, const ImageInfo& info,
                            const DecodeLimits& limits) {
  DecodeBudget budget;
  budget.limit = decodeBudgetFor(info, size, limits);
  int width = 0, height = 0, channels = 0;
  std::uint16_t* samples = nullptr;
  {
    BudgetScope scope(budget);
    samples = stb::load16(bytes, size, &width, &height, &channels);
  }
  if (!samples) {
    if (budget.exceeded) return budgetExceeded(info, budget.limit);
    return makeError(ErrorCode::DecodeFailed, std::string("PNG data is corrupt (") + stb::failureReason() + ")");
  }
  if (std::uint32_t(width) != info.width || std::uint32_t(height) != info.height || channels != 1) {
    stb::release(samples);
    return makeError(ErrorCode::DecodeFailed, "PNG decoder returned a size different from the header");
  }
  Raster raster;
  raster.width = info.width;
  raster.height = info.height;
  raster.mode = Mode::I;
  const std::size_t pixels = std::size_t(info.width) * info.height;
  raster.data.resize(pixels * 4);
  for (std::size_t i = 0; i < pixels; ++i) {
    const std::int32_t value = samples[i];
    std::memcpy(raster.data.data() + i * 4, &value, 4);
  }
  stb::release(samples);
  return raster;
}

bool decodable(FileFormat format) {
  switch (format) {
    case FileFormat::PNG:
    case FileFormat::JPEG:
    case FileFormat::GIF:
    case FileFormat::BMP:
    case FileFormat::PSD:
    case FileFormat::Unknown:  // possibly TGA, which has no signature
      return true;
    default:
      return false;
  }
}

// A run of 0xFF bytes followed by 0xD8: a JPEG start behind fill bytes.
bool startsLikeJpeg(const std::uint8_t* bytes, std::size_t size) {
  std::size_t i = 0;
  if (size < 2 || bytes[0] != 0xFF) return false;
  while (i < size && bytes[i] == 0xFF) ++i;
  return i < size && bytes[i] == 0xD8;
}

}  // namespace

std::uint64_t derivedDecodeBudget(std::uint64_t pixels, std::size_t fileBytes) {
  return pixels * 24 + std::uint64_t(fileBytes) * 2 + (4u << 20);
}

Result<ImageInfo> probeImage(const std::uint8_t* bytes, std::size_t size, const DecodeLimits& limits) {
  if (size == 0) return makeError(ErrorCode::DecodeFailed, "the file is empty (0 bytes)");
  if (size > limits.maxFileBytes) {
    return makeError(ErrorCode::TooLarge, "the file has " + std::to_string(size) + " bytes, above the limit of " +
                                              std::to_string(limits.maxFileBytes) + " (maxFileBytes)");
  }
  FileFormat format = sniffFormat(bytes, size);
  if (!decodable(format)) return unsupported(format);
  if (format == FileFormat::BMP) {
    auto bmp = readBmpInfo(bytes, size);
    if (!bmp) return bmp.error();
    const BmpInfo& header = bmp.value();
    return withinLimits(ImageInfo{format, header.width, header.height, bandCount(header.mode)}, limits);
  }
  // Fill bytes before a JPEG's SOI: no decoder reads such a file as JPEG, and
  // saying so is clearer than "not an image".
  if (format != FileFormat::JPEG && startsLikeJpeg(bytes, size)) {
    return makeError(ErrorCode::DecodeFailed, "JPEG file is corrupt: bytes before the start-of-image marker");
  }
  if (format == FileFormat::JPEG) {
    if (auto broken = checkStructure(FileFormat::JPEG, bytes, size)) return *broken;
    // The header's own allocations (quantization and Huffman tables) are small.
    DecodeBudget budget;
    budget.limit = static_cast<std::size_t>(derivedDecodeBudget(0, size));
    auto frame = readJpegFrame(bytes, size, budget);
    if (!frame) return frame.error();
    const JpegFrame& header = frame.value();
    return withinLimits(ImageInfo{format, header.width, header.height, bandCount(header.mode)}, limits);
  }

  int width = 0, height = 0, channels = 0;
  if (!stb::info(bytes, size, &width, &height, &channels)) {
    if (format == FileFormat::Unknown) return unsupported(format);
    return makeError(ErrorCode::DecodeFailed, std::string(formatName(format)) + " header is invalid (" +
                                                  stb::failureReason() + ")");
  }
  if (format == FileFormat::Unknown) format = FileFormat::TGA;
  if (width <= 0 || height <= 0 || channels < 1 || channels > 4) {
    return makeError(ErrorCode::DecodeFailed, std::string(formatName(format)) + " header declares " +
                                                  std::to_string(width) + "x" + std::to_string(height) + " with " +
                                                  std::to_string(channels) + " channels");
  }
  return withinLimits(ImageInfo{format, std::uint32_t(width), std::uint32_t(height), channels}, limits);
}

Result<Raster> decodeImage(const std::uint8_t* bytes, std::size_t size, const DecodeLimits& limits,
                           std::optional<Mode> mode, Layout layout, bool exifTranspose) {
  if (sniffFormat(bytes, size) == FileFormat::NPY) return decodeNpyImage(bytes, size, limits, mode, layout);
  auto probed = probeImage(bytes, size, limits);
  if (!probed) return probed.error();
  const ImageInfo info = probed.value();
  if (info.format == FileFormat::BMP) return decodeBmpImage(bytes, size, info, limits, mode);
  if (info.format == FileFormat::JPEG) return decodeJpegImage(bytes, size, info, limits, mode, exifTranspose);
  // The structure check must walk the container stb_image will parse: a file
  // sniffed as one format (or as TGA, which has no signature) that stb_image
  // reads as another would otherwise reach it unchecked.
  const FileFormat reader = stb::readerFor(bytes, size);
  if (reader != info.format) {
    return makeError(ErrorCode::DecodeFailed,
                     std::string("the file starts like ") + (info.format == FileFormat::TGA ? "no known format" : formatName(info.format)) +
                         " but would be parsed as " + formatName(reader) + "; refused as malformed");
  }
  if (auto broken = checkStructure(info.format, bytes, size)) return *broken;

  const PngHeader png = info.format == FileFormat::PNG ? pngHeader(bytes, size) : PngHeader{};
  // Pillow opens 16-bit grey as mode I; with a mode asked for, the 8-bit
  // reduction below is converted instead.
  if (!mode && png.depth == 16 && png.colorType == 0 && info.channels == 1) {
    return decodeGrey16(bytes, size, info, limits);
  }
  const std::uint64_t pixels = std::uint64_t(info.width) * info.height;
  DecodeBudget budget;
  budget.limit = decodeBudgetFor(info, size, limits);

  int width = 0, height = 0, channels = 0;
  std::uint8_t* pixelsOut = nullptr;
  {
    BudgetScope scope(budget);
    pixelsOut = stb::load(bytes, size, &width, &height, &channels);
  }
  const char* name = formatName(info.format);
  if (!pixelsOut) {
    if (budget.exceeded) return budgetExceeded(info, budget.limit);
    return makeError(ErrorCode::DecodeFailed, std::string(name) + " data is corrupt (" + stb::failureReason() + ")");
  }
  Raster raster;
  if (std::uint32_t(width) != info.width || std::uint32_t(height) != info.height || channels < 1 || channels > 4) {
    // Never seen; guards against a decoder disagreeing with its own header.
    stb::release(pixelsOut);
    return makeError(ErrorCode::DecodeFailed, std::string(name) + " decoder returned a size different from the header");
  }
  raster.width = info.width;
  raster.height = info.height;
  raster.mode = *naturalMode(static_cast<std::size_t>(channels));
  raster.data.assign(pixelsOut, pixelsOut + pixels * channels);
  stb::release(pixelsOut);
  if (info.format == FileFormat::TGA && tgaStoresRightToLeft(bytes, size)) mirrorRows(raster);
  // A 1-bit grey PNG (stb_image gives 0 and 255) is Pillow's mode 1.
  if (png.depth == 1 && png.colorType == 0 && channels == 1) raster.mode = Mode::One;
  if (mode && *mode != raster.mode) return convert(raster, *mode);
  return raster;
}

}  // namespace imagefield
