#include "encode/jpeg_write.h"

#include <algorithm>
#include <cstdio>
#include <new>
#include <optional>
#include <string>

#include "decode/jpeg_error_trap.h"

extern "C" {
#include "jpeglib.h"
#include "jerror.h"
}

namespace imagefield {
namespace {

enum class Stop { LibraryError, OutOfMemory };

// How one mode's rows reach libjpeg: straight from the raster, or through a
// one-row buffer that `reshape` fills.
struct InputLayout {
  J_COLOR_SPACE colourSpace = JCS_UNKNOWN;
  int components = 0;  // per pixel, as libjpeg reads them
  void (*reshape)(const std::uint8_t* row, std::uint32_t width, std::uint8_t* buffer) = nullptr;
};

// Pillow's "CMYK;I" packer: Adobe's inverted CMYK.
void invertCmyk(const std::uint8_t* row, std::uint32_t width, std::uint8_t* buffer) {
  for (std::size_t i = 0; i < std::size_t(width) * 4; ++i) buffer[i] = static_cast<std::uint8_t>(255 - row[i]);
}

void greyOfGreyAlpha(const std::uint8_t* row, std::uint32_t width, std::uint8_t* buffer) {
  for (std::uint32_t x = 0; x < width; ++x) buffer[x] = row[2 * std::size_t(x)];
}

std::optional<InputLayout> inputLayout(Mode mode) {
  switch (mode) {
    case Mode::L: return InputLayout{JCS_GRAYSCALE, 1, nullptr};
    case Mode::LA: return InputLayout{JCS_GRAYSCALE, 1, greyOfGreyAlpha};
    case Mode::RGB: return InputLayout{JCS_RGB, 3, nullptr};
    // What Pillow does for RGBX: libjpeg skips every fourth byte itself.
    case Mode::RGBA: return InputLayout{JCS_EXT_RGBX, 4, nullptr};
    case Mode::YCbCr: return InputLayout{JCS_YCbCr, 3, nullptr};
    case Mode::CMYK: return InputLayout{JCS_CMYK, 4, invertCmyk};
    default: return std::nullopt;
  }
}

// Everything one encode needs, in one block of plain data: libjpeg's
// callbacks reach it through cinfo.client_data, and a longjmp out of them
// skips no destructor.
struct Session {
  // Zeroed, so that destroying it is safe however early creating it failed.
  jpeg_compress_struct cinfo{};
  JpegErrorTrap trap;
  jpeg_destination_mgr destination{};
  Stop stop = Stop::LibraryError;  // unless growDestination stops it
  bool created = false;
  const Raster* raster = nullptr;
  InputLayout layout;
  int quality = 75;
  std::uint8_t* rowBuffer = nullptr;  // width × components bytes when layout.reshape is set
  std::vector<std::uint8_t>* out = nullptr;
};

Session& sessionOf(j_common_ptr cinfo) { return *static_cast<Session*>(cinfo->client_data); }
Session& sessionOf(j_compress_ptr cinfo) { return sessionOf(reinterpret_cast<j_common_ptr>(cinfo)); }

[[noreturn]] void stopWith(Session& session, Stop stop) {
  session.stop = stop;
  leaveGuarded(session.trap);
}

void initDestination(j_compress_ptr cinfo) {
  std::vector<std::uint8_t>& out = *sessionOf(cinfo).out;
  cinfo->dest->next_output_byte = out.data();
  cinfo->dest->free_in_buffer = out.size();
}

// Called when the whole buffer is full: double it, and carry on after what is written.
boolean growDestination(j_compress_ptr cinfo) {
  Session& session = sessionOf(cinfo);
  std::vector<std::uint8_t>& out = *session.out;
  const std::size_t written = out.size();
  bool grown = true;
  try {
    out.resize(written * 2);
  } catch (const std::bad_alloc&) {
    grown = false;
  }
  if (!grown) stopWith(session, Stop::OutOfMemory);
  cinfo->dest->next_output_byte = out.data() + written;
  cinfo->dest->free_in_buffer = out.size() - written;
  return TRUE;
}

void termDestination(j_compress_ptr cinfo) {
  std::vector<std::uint8_t>& out = *sessionOf(cinfo).out;
  out.resize(out.size() - cinfo->dest->free_in_buffer);
}

// JpegEncode.c's set-up with Pillow's defaults: no quantization tables, no
// subsampling, DPI, smoothing, optimization or progression given.
void compress(Session& s) {
  createJpegSession(s);
  s.cinfo.dest = &s.destination;
  s.cinfo.image_width = s.raster->width;
  s.cinfo.image_height = s.raster->height;
  s.cinfo.input_components = s.layout.components;
  s.cinfo.in_color_space = s.layout.colourSpace;
  jpeg_set_defaults(&s.cinfo);
  jpeg_set_quality(&s.cinfo, s.quality, TRUE);
  jpeg_start_compress(&s.cinfo, TRUE);
  const std::size_t rowBytes = std::size_t(s.raster->width) * bytesPerPixel(s.raster->mode);
  const std::uint8_t* pixels = s.raster->data.data();
  while (s.cinfo.next_scanline < s.cinfo.image_height) {
    const std::uint8_t* source = pixels + std::size_t(s.cinfo.next_scanline) * rowBytes;
    JSAMPROW row = s.rowBuffer;
    if (s.layout.reshape) {
      s.layout.reshape(source, s.raster->width, s.rowBuffer);
    } else {
      row = const_cast<JSAMPROW>(source);  // libjpeg only reads its input rows
    }
    jpeg_write_scanlines(&s.cinfo, &row, 1);
  }
  jpeg_finish_compress(&s.cinfo);
}

// Besides libjpeg's fatal errors, a failed output allocation stops a guarded step.
using Compressor = JpegSessionOwner<Session>;

void setDestination(Session& s, std::vector<std::uint8_t>& out) {
  s.destination.init_destination = initDestination;
  s.destination.empty_output_buffer = growDestination;
  s.destination.term_destination = termDestination;
  s.out = &out;
}

std::string sizeText(const Raster& raster) {
  return std::to_string(raster.width) + "x" + std::to_string(raster.height);
}

}  // namespace

Result<std::vector<std::uint8_t>> encodeJpeg(const Raster& raster, int quality) {
  const auto layout = inputLayout(raster.mode);
  if (!layout) {
    return makeError(ErrorCode::InvalidMode, std::string("JPEG cannot store mode ") + modeName(raster.mode) +
                                                 "; convert to L, RGB or CMYK first");
  }
  const std::string outOfMemory = "the encoder could not allocate memory for a " + sizeText(raster) + " jpeg file";
  std::vector<std::uint8_t> out;
  std::vector<std::uint8_t> rowBuffer;
  try {
    // A photo at the default quality takes about a tenth of its pixel bytes.
    const std::size_t pixelBytes = raster.data.size();
    out.resize(std::max<std::size_t>(pixelBytes / 8, 4096));
    if (layout->reshape) rowBuffer.resize(std::size_t(raster.width) * layout->components);
  } catch (const std::bad_alloc&) {
    return makeError(ErrorCode::TooLarge, outOfMemory);
  }
  Compressor compressor;
  Session& s = compressor.session();
  s.raster = &raster;
  s.layout = *layout;
  s.quality = quality;
  s.rowBuffer = rowBuffer.data();
  setDestination(s, out);
  if (!guarded(s, compress)) {
    if (s.stop == Stop::OutOfMemory || s.trap.messageCode == JERR_OUT_OF_MEMORY) {
      return makeError(ErrorCode::TooLarge, outOfMemory);
    }
    return makeError(ErrorCode::InvalidArgument, "the JPEG encoder refused a " + sizeText(raster) + " " +
                                                     modeName(raster.mode) + " image (" + s.trap.message + ")");
  }
  return out;
}

}  // namespace imagefield
