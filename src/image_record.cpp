#include "image_record.h"

#include "encode.h"
#include "npy_image.h"
#include "sha256.h"

namespace imagefield {

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
  switch (probed.value().format) {
    case FileFormat::PNG: file.format = "png"; break;
    case FileFormat::JPEG: file.format = "jpg"; break;
    case FileFormat::BMP: file.format = "bmp"; break;
    case FileFormat::GIF: file.format = "gif"; break;
    case FileFormat::PSD: file.format = "psd"; break;
    default: file.format = "tga"; break;
  }
  file.sha256 = sha256Hex(file.bytes.data(), file.bytes.size());
  return file;
}

}  // namespace imagefield
