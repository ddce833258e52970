#include "resize/reduce.h"

#include <cstdint>
#include <cstring>
#include <string>

#include "resize/resample_wide.h"

namespace imagefield {
namespace {

using std::size_t;
using std::uint32_t;

// Pillow's division_UINT32(n, 8): 2^32 / (256 n), in float, truncated.
uint32_t reciprocal(uint32_t cellArea) {
  const float maxInt = 4294967296.0f;
  return uint32_t(maxInt / float(256u * cellArea));
}

void reduce8(const Raster& in, int xs, int ys, const std::array<int, 4>& box, Raster& out) {
  const int c = bandCount(in.mode);
  const size_t inRow = size_t(in.width) * c, outRow = size_t(out.width) * c;
  for (uint32_t oy = 0; oy < out.height; ++oy) {
    const int y0 = box[1] + int(oy) * ys;
    const int y1 = std::min(y0 + ys, box[3]);
    for (uint32_t ox = 0; ox < out.width; ++ox) {
      const int x0 = box[0] + int(ox) * xs;
      const int x1 = std::min(x0 + xs, box[2]);
      const uint32_t area = uint32_t((x1 - x0) * (y1 - y0));
      const uint32_t multiplier = reciprocal(area);
      for (int b = 0; b < c; ++b) {
        uint32_t sum = area / 2;
        for (int y = y0; y < y1; ++y) {
          const std::uint8_t* row = in.data.data() + size_t(y) * inRow;
          for (int x = x0; x < x1; ++x) sum += row[size_t(x) * c + b];
        }
        out.data[oy * outRow + size_t(ox) * c + b] = std::uint8_t((sum * multiplier) >> 24);
      }
    }
  }
}

std::int32_t finish(double v, std::int32_t*) { return roundToInt32(v); }
float finish(double v, float*) { return float(v); }

// Sums of a few elements in the element type, as Pillow's C adds them:
// float for F, and for I the wrap-around int addition of the x86 build.
inline float add(float a, float b) { return a + b; }
inline std::int32_t add(std::int32_t a, std::int32_t b) { return std::int32_t(std::uint32_t(a) + std::uint32_t(b)); }
template <class T>
T add(T a, T b, T c, T d) { return add(add(add(a, b), c), d); }

// The full cells, summed as Pillow does: 2×2 groups added in the element
// type first (float for F), then the odd column, then the odd row.
template <class T>
double fullCellSum(const T* base, size_t stride, int x0, int y0, int xs, int ys) {
  double sum = 0;
  int y = y0;
  for (; y < y0 + ys - 1; y += 2) {
    const T* line0 = base + size_t(y) * stride;
    const T* line1 = line0 + stride;
    int x = x0;
    for (; x < x0 + xs - 1; x += 2) sum += add(line0[x], line0[x + 1], line1[x], line1[x + 1]);
    if (xs & 1) sum += add(line0[x], line1[x]);
  }
  if (ys & 1) {
    const T* line = base + size_t(y) * stride;
    int x = x0;
    for (; x < x0 + xs - 1; x += 2) sum += add(line[x], line[x + 1]);
    if (xs & 1) sum += line[x];
  }
  return sum;
}

template <class T>
void reduceWide(const Raster& in, int xs, int ys, const std::array<int, 4>& box, Raster& out) {
  const T* src = reinterpret_cast<const T*>(in.data.data());
  T* dst = reinterpret_cast<T*>(out.data.data());
  const int bw = box[2] - box[0], bh = box[3] - box[1];
  const int fullX = bw / xs, fullY = bh / ys;
  const double multiplier = 1.0 / (ys * xs);
  for (int y = 0; y < fullY; ++y) {
    for (int x = 0; x < fullX; ++x) {
      const double sum = fullCellSum(src, in.width, box[0] + x * xs, box[1] + y * ys, xs, ys);
      dst[size_t(y) * out.width + x] = finish(sum * multiplier, dst);
    }
  }
  // Edge cells: plain sums in row order, each value widened to double.
  auto edgeCell = [&](int ox, int oy, int cellW, int cellH) {
    double sum = 0;
    for (int y = box[1] + oy * ys; y < box[1] + oy * ys + cellH; ++y) {
      for (int x = box[0] + ox * xs; x < box[0] + ox * xs + cellW; ++x) sum += src[size_t(y) * in.width + x];
    }
    dst[size_t(oy) * out.width + ox] = finish(sum * (1.0 / (cellW * cellH)), dst);
  };
  if (bw % xs) {
    for (int y = 0; y < fullY; ++y) edgeCell(fullX, y, bw % xs, ys);
  }
  if (bh % ys) {
    for (int x = 0; x < fullX; ++x) edgeCell(x, fullY, xs, bh % ys);
  }
  if (bw % xs && bh % ys) edgeCell(fullX, fullY, bw % xs, bh % ys);
}

}  // namespace

Result<Raster> reduceRaster(const Raster& source, int xScale, int yScale, std::array<int, 4> box) {
  if (xScale < 1 || yScale < 1) {
    return makeError(ErrorCode::InvalidArgument, "reduce factors must be at least 1");
  }
  if (box[0] < 0 || box[1] < 0 || box[2] > int(source.width) || box[3] > int(source.height) || box[2] <= box[0] ||
      box[3] <= box[1]) {
    return makeError(ErrorCode::InvalidArgument, "reduce box must be a non-empty rectangle inside the image");
  }
  const int bw = box[2] - box[0], bh = box[3] - box[1];
  Raster out;
  out.mode = source.mode;
  out.palette = source.palette;
  out.width = uint32_t((bw + xScale - 1) / xScale);
  out.height = uint32_t((bh + yScale - 1) / yScale);
  out.data.resize(size_t(out.width) * out.height * bytesPerPixel(source.mode));
  if (source.mode == Mode::I) {
    reduceWide<std::int32_t>(source, xScale, yScale, box, out);
  } else if (source.mode == Mode::F) {
    reduceWide<float>(source, xScale, yScale, box, out);
  } else {
    reduce8(source, xScale, yScale, box, out);
  }
  return out;
}

}  // namespace imagefield
