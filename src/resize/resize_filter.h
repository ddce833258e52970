// The resampling filters of Pillow's Image.resize, by name.
#pragma once
#include <optional>
#include <string_view>

namespace imagefield {

enum class ResizeFilter { Nearest, Box, Bilinear, Hamming, Bicubic, Lanczos };

std::optional<ResizeFilter> parseResizeFilter(std::string_view name);
const char* resizeFilterName(ResizeFilter filter);
// "nearest, box, bilinear, hamming, bicubic, lanczos", for error messages.
const char* resizeFilterList();

// The kernel of a convolution filter (not Nearest) and its support radius at
// scale 1, evaluated in double as Pillow does.
double filterWeight(ResizeFilter filter, double x);
double filterSupport(ResizeFilter filter);

}  // namespace imagefield
