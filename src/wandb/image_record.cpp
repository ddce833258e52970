#include "wandb/image_record.h"

#include "array/npy_image.h"
#include "encode/encode.h"
#include "wandb/sha256.h"

namespace imagefield {
namespace {

FileFormat fileFormatOf(EncodeFormat format) {
  switch (format) {
    case EncodeFormat::PNG: return FileFormat::PNG;
    case EncodeFormat::JPEG: return FileFormat::JPEG;
    case EncodeFormat::BMP: return FileFormat::BMP;
    case EncodeFormat::TGA: return FileFormat::TGA;
  }
  return FileFormat::Unknown;
}

const char* extensionOf(FileFormat format) {
  switch (format) {
    case FileFormat::PNG: return "png";
    case FileFormat::JPEG: return "jpg";
    case FileFormat::BMP: return "bmp";
    case FileFormat::GIF: return "gif";
    case FileFormat::PSD: return "psd";
    default: return "tga";  // the only decodable format without a signature
  }
}

}  // namespace

Result<EncodeFormat> parseImageFileType(std::string_view name) {
  if (name == "png") return EncodeFormat::PNG;
  if (name == "jpg" || name == "jpeg") return EncodeFormat::JPEG;
  if (name == "bmp") return EncodeFormat::BMP;
  return makeError(ErrorCode::InvalidFormat,
                   "file_type must be one of png, jpg, jpeg, bmp (got \"" + std::string(name) + "\")");
}

Result<ImageFile> imageFileFromRaster(const Raster& raster, std::string_view fileType) {
  auto format = parseImageFileType(fileType);
  if (!format) return format.error();
  EncodeOptions options;
  options.format = std::string(fileType);
  options.quality = 75;
  auto encoded = encodeImage(raster, options);
  if (!encoded) return encoded.error();
  ImageFile file;
  file.bytes = std::move(encoded.value());
  DecodeLimits limits;
  limits.maxFileBytes = file.bytes.size();
  limits.maxAxis = 65535;
  limits.maxPixels = std::uint64_t(raster.width) * raster.height;
  auto decoded = decodeImage(file.bytes.data(), file.bytes.size(), limits);
  if (!decoded) return decoded.error();
  file.raster = std::move(decoded.value());
  file.format = std::string(fileType);
  file.sha256 = sha256Hex(file.bytes.data(), file.bytes.size());
  return file;
}

Result<ImageFile> imageFileFromBytes(const std::uint8_t* bytes, std::size_t size, const DecodeLimits& limits,
                                     Layout layout, std::string_view fileType) {
  auto format = parseImageFileType(fileType);
  if (!format) return format.error();
  const FileFormat sniffed = sniffFormat(bytes, size);
  if (sniffed == FileFormat::NPY) {
    auto raster = decodeNpyImage(bytes, size, limits, std::nullopt, layout);
    if (!raster) return raster.error();
    return imageFileFromRaster(raster.value(), fileType);
  }
  auto probed = probeImage(bytes, size, limits);
  if (!probed) return probed.error();
  auto raster = decodeImage(bytes, size, limits);
  if (!raster) return raster.error();
  ImageFile file;
  file.bytes.assign(bytes, bytes + size);
  file.raster = std::move(raster.value());
  // The given file type names the extension when it describes these bytes (jpeg stays jpeg).
  const FileFormat sniffedFormat = probed.value().format;
  file.format = sniffedFormat == fileFormatOf(format.value()) ? std::string(fileType) : extensionOf(sniffedFormat);
  file.sha256 = sha256Hex(file.bytes.data(), file.bytes.size());
  return file;
}

}  // namespace imagefield
