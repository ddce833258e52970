#include "encode/encode.h"

#include <string>

#include "convert/convert.h"
#include "encode/encode_format.h"
#include "encode/jpeg_write.h"
#include "encode/png_palette.h"
#include "encode/png_write.h"
#include "stb/stb_image_write_calls.h"

namespace imagefield {
namespace {

// The mode a raster is written in; nullopt when it is written as it is.
std::optional<Mode> storageMode(Mode mode, EncodeFormat format) {
  switch (mode) {
    case Mode::L:
    case Mode::LA:
    case Mode::RGB:
    case Mode::RGBA:
      return std::nullopt;
    // Pillow writes these two to JPEG as they are.
    case Mode::CMYK:
    case Mode::YCbCr:
      if (format == EncodeFormat::JPEG) return std::nullopt;
      return Mode::RGB;
    case Mode::One:
    case Mode::I:
    case Mode::F:
      return Mode::L;
    default:
      return Mode::RGB;
  }
}

// Below this size a palette PNG is also compared with the truecolour one.
constexpr std::size_t kPaletteRecheckBytes = 4 * 1024;

}  // namespace

std::optional<Error> checkEncodeSize(std::uint32_t width, std::uint32_t height, int channels, EncodeFormat format) {
  const std::string size = std::to_string(width) + "x" + std::to_string(height);
  // The widest buffer an encoder builds is a PNG's filtered rows: one extra
  // byte per row on top of the pixels. stb_image_write (BMP, TGA) counts
  // bytes in int, and a PNG chunk holds at most 2^31-1 bytes.
  const std::uint64_t bytes = std::uint64_t(width) * height * channels + height;
  if (bytes > 0x7fffffffull) {
    return makeError(ErrorCode::TooLarge,
                     "a " + size + " image is too large to encode (more than 2^31-1 bytes of pixels)");
  }
  if (format == EncodeFormat::JPEG && (width > kMaxJpegSide || height > kMaxJpegSide)) {
    return makeError(ErrorCode::TooLarge, "libjpeg writes JPEG files of at most " + std::to_string(kMaxJpegSide) +
                                              " pixels per side; " + size + " does not fit");
  }
  if (format == EncodeFormat::TGA && (width > 65535 || height > 65535)) {
    return makeError(ErrorCode::TooLarge,
                     "TGA stores width and height in 16 bits; " + size + " does not fit (at most 65535 per side)");
  }
  return std::nullopt;
}

Result<std::vector<std::uint8_t>> encodeImage(const Raster& input, const EncodeOptions& options) {
  auto format = parseEncodeFormat(options.format);
  if (!format) return format.error();
  if (format.value() == EncodeFormat::JPEG && (options.quality < 1 || options.quality > 100)) {
    return makeError(ErrorCode::InvalidArgument,
                     "JPEG quality " + std::to_string(options.quality) + " is out of range; use 1 to 100");
  }
  if (options.compression < kMinCompressionLevel || options.compression > kMaxCompressionLevel) {
    return makeError(ErrorCode::InvalidArgument, "PNG compression " + std::to_string(options.compression) +
                                                     " is out of range; use 0 (fastest) to 12 (smallest)");
  }
  if (auto invalid = validateRaster(input)) return *invalid;

  const Raster* raster = &input;
  Raster converted;
  if (auto mode = storageMode(input.mode, format.value())) {
    auto result = convert(input, *mode);
    if (!result) return result.error();
    converted = std::move(result).value();
    raster = &converted;
  }

  const int channels = bandCount(raster->mode);
  if (auto tooLarge = checkEncodeSize(raster->width, raster->height, channels, format.value())) return *tooLarge;
  if (format.value() == EncodeFormat::JPEG) return encodeJpeg(*raster, options.quality);

  const int w = static_cast<int>(raster->width);
  const int h = static_cast<int>(raster->height);
  const std::uint8_t* pixels = raster->data.data();
  std::vector<std::uint8_t> out;
  bool ok = false;
  switch (format.value()) {
    case EncodeFormat::PNG:
      if (options.stbDeflate) {
        ok = stbw::writePngStbDeflate(out, w, h, channels, pixels);
      } else if (auto indexed = options.palette ? indexColours(*raster) : std::nullopt) {
        ok = writePalettePng(*indexed, options.compression, out);
        // A small file may owe more to its 768-byte PLTE than indices save
        // (smooth gradients compress well as truecolour): keep the smaller.
        if (ok && out.size() < kPaletteRecheckBytes) {
          std::vector<std::uint8_t> truecolour;
          if (png::writeImage(pixels, raster->width, raster->height, channels, options.compression, truecolour) &&
              truecolour.size() < out.size()) {
            out.swap(truecolour);
          }
        }
      } else {
        ok = png::writeImage(pixels, raster->width, raster->height, channels, options.compression, out);
      }
      break;
    case EncodeFormat::JPEG: break;  // written above
    case EncodeFormat::BMP: ok = stbw::writeBmp(out, w, h, channels, pixels); break;
    case EncodeFormat::TGA: ok = stbw::writeTga(out, w, h, channels, pixels); break;
  }
  if (!ok || out.empty()) {
    return makeError(ErrorCode::TooLarge, "the encoder could not allocate memory for a " + std::to_string(w) + "x" +
                                              std::to_string(h) + " " + options.format + " file");
  }
  return out;
}

}  // namespace imagefield
