#include "tensor/tensor.h"

#include "convert/convert.h"
#include "resize/resize.h"
#include "tensor/tensor_values.h"

namespace imagefield {
namespace {

// Holds the latest intermediate raster without copying the caller's.
struct Stage {
  const Raster* current;
  Raster owned;
  void replace(Raster next) {
    owned = std::move(next);
    current = &owned;
  }
};

Result<Raster> resizeTo(const Raster& in, std::uint32_t width, std::uint32_t height, ResizeFilter filter) {
  ResizeOptions options;
  options.width = width;
  options.height = height;
  options.filter = filter;
  return resize(in, options);
}

}  // namespace

Result<Tensor> toTensor(const Raster& source, const TensorOptions& options) {
  if (auto bad = validateRaster(source)) return *bad;
  auto checked = checkTensorOptions(options);
  if (!checked) return checked.error();
  const CheckedTensorOptions& o = checked.value();

  Stage stage{&source, {}};
  const Mode working = o.channels == TensorChannels::L ? Mode::L : Mode::RGB;
  if (source.mode != working) {
    auto converted = convert(source, working);
    if (!converted) return converted.error();
    stage.replace(std::move(converted.value()));
  }

  std::optional<std::array<std::uint32_t, 2>> crop = o.crop;
  if (o.resizeShorter || o.resizeTo) {
    const auto size = o.resizeTo ? *o.resizeTo
                                 : shorterSideSize(stage.current->width, stage.current->height, *o.resizeShorter);
    // torchvision returns the image untouched when the size already matches.
    if (size[0] != stage.current->height || size[1] != stage.current->width) {
      ResizeOptions resizeOptions;
      resizeOptions.width = size[1];
      resizeOptions.height = size[0];
      resizeOptions.filter = o.filter;
      // A crop inside the resized image: resample only the pixels it keeps.
      const bool cropInside = crop && (*crop)[0] <= size[0] && (*crop)[1] <= size[1];
      Result<Raster> resized = Raster{};
      if (cropInside) {
        const auto corner = centerCropCorner(size[1], size[0], (*crop)[0], (*crop)[1]);
        resized = resizeWindow(*stage.current, resizeOptions, {corner[0], corner[1], (*crop)[1], (*crop)[0]});
        crop.reset();
      } else {
        resized = resize(*stage.current, resizeOptions);
      }
      if (!resized) return resized.error();
      stage.replace(std::move(resized.value()));
    }
  }
  if (crop && ((*crop)[0] != stage.current->height || (*crop)[1] != stage.current->width)) {
    stage.replace(centerCrop(*stage.current, (*crop)[0], (*crop)[1]));
  }
  Tensor tensor;
  if (o.letterbox) {
    const auto [height, width] = *o.letterbox;
    const LetterboxPlacement placement =
        letterboxPlacement(stage.current->width, stage.current->height, height, width);
    if (placement.width != stage.current->width || placement.height != stage.current->height) {
      auto resized = resizeTo(*stage.current, placement.width, placement.height, o.filter);
      if (!resized) return resized.error();
      stage.replace(std::move(resized.value()));
    }
    stage.replace(letterboxCanvas(*stage.current, placement, height, width, o.letterboxColor));
    tensor.letterbox = placement;
  }

  const Raster& image = *stage.current;
  const std::size_t pixels = std::size_t(image.width) * image.height;
  const int sourceChannels = bandCount(image.mode);
  const std::int64_t c = o.channelCount(), h = image.height, w = image.width;
  switch (o.layout) {
    case TensorLayout::NCHW: tensor.dims = {1, c, h, w}; break;
    case TensorLayout::NHWC: tensor.dims = {1, h, w, c}; break;
    case TensorLayout::CHW: tensor.dims = {c, h, w}; break;
    case TensorLayout::HWC: tensor.dims = {h, w, c}; break;
  }
  tensor.type = o.dtype;
  if (o.dtype == TensorDType::Float32) {
    tensor.floats = pixelsToFloatTensor(image.data.data(), pixels, sourceChannels, o);
  } else {
    tensor.bytes = pixelsToByteTensor(image.data.data(), pixels, sourceChannels, o);
  }
  return tensor;
}

}  // namespace imagefield
