#include "decode/jpeg_decode.h"

#include <cstdio>
#include <string>

#include "decode/jpeg_error_trap.h"

extern "C" {
#include "jpeglib.h"
}

namespace imagefield {
namespace {

enum class Stop { LibraryError, Truncated, TooManyScans, SizeMismatch };

// Everything one decode needs, in one block of plain data: libjpeg's
// callbacks reach it through cinfo.client_data, and a longjmp out of them
// skips no destructor.
struct Session {
  // Zeroed, so that destroying it is safe however early creating it failed.
  jpeg_decompress_struct cinfo{};
  JpegErrorTrap trap;
  jpeg_source_mgr source{};
  jpeg_progress_mgr progress{};
  Stop stop = Stop::LibraryError;  // unless one of the callbacks below stops it
  bool created = false;
  // Where the rows go: a raster of width × height × channels bytes.
  std::uint8_t* pixels = nullptr;
  JDIMENSION width = 0;
  JDIMENSION height = 0;
  int channels = 0;
};

Session& sessionOf(j_common_ptr cinfo) { return *static_cast<Session*>(cinfo->client_data); }

[[noreturn]] void stopWith(Session& session, Stop stop) {
  session.stop = stop;
  leaveGuarded(session.trap);
}

void onProgress(j_common_ptr cinfo) {
  if (reinterpret_cast<j_decompress_ptr>(cinfo)->input_scan_number > kMaxJpegScans) {
    stopWith(sessionOf(cinfo), Stop::TooManyScans);
  }
}

void initSource(j_decompress_ptr) {}
void termSource(j_decompress_ptr) {}

// The whole file is in the buffer from the start, so libjpeg asks for more
// only when the file ends early, even if only its end-of-image marker is
// missing: Pillow then fails too ("image file is truncated").
boolean fillInput(j_decompress_ptr cinfo) {
  stopWith(sessionOf(reinterpret_cast<j_common_ptr>(cinfo)), Stop::Truncated);
}

void skipInput(j_decompress_ptr cinfo, long count) {
  if (count <= 0) return;
  jpeg_source_mgr* source = cinfo->src;
  if (static_cast<unsigned long>(count) > source->bytes_in_buffer) fillInput(cinfo);
  source->next_input_byte += count;
  source->bytes_in_buffer -= static_cast<std::size_t>(count);
}

void readHeader(Session& s) {
  createJpegSession(s);
  s.cinfo.src = &s.source;
  s.cinfo.progress = &s.progress;
  s.progress.progress_monitor = onProgress;
  // As Pillow: tables-only datastreams before the image are read and passed over.
  while (jpeg_read_header(&s.cinfo, FALSE) == JPEG_HEADER_TABLES_ONLY) {
  }
}

void setOutput(Session& s) {
  switch (s.cinfo.num_components) {
    case 1: s.cinfo.out_color_space = JCS_GRAYSCALE; break;
    case 3: s.cinfo.out_color_space = JCS_RGB; break;
    default: s.cinfo.out_color_space = JCS_CMYK; break;
  }
  // libjpeg's defaults, which Pillow keeps when it is not in draft mode.
  s.cinfo.dct_method = JDCT_ISLOW;
  s.cinfo.do_fancy_upsampling = TRUE;
  s.cinfo.quantize_colors = FALSE;
  s.cinfo.scale_num = 1;
  s.cinfo.scale_denom = 1;
}

void readPixels(Session& s) {
  jpeg_start_decompress(&s.cinfo);
  // Never seen; guards the raster against a decoder disagreeing with its own header.
  if (s.cinfo.output_width != s.width || s.cinfo.output_height != s.height || s.cinfo.output_components != s.channels) {
    stopWith(s, Stop::SizeMismatch);
  }
  const std::size_t rowBytes = std::size_t(s.width) * s.channels;
  while (s.cinfo.output_scanline < s.cinfo.output_height) {
    JSAMPROW row = s.pixels + std::size_t(s.cinfo.output_scanline) * rowBytes;
    if (jpeg_read_scanlines(&s.cinfo, &row, 1) != 1) stopWith(s, Stop::Truncated);
  }
  jpeg_finish_decompress(&s.cinfo);
}

// Besides libjpeg's fatal errors, a file that ends early and too many scans
// stop a guarded step.
using Decompressor = JpegSessionOwner<Session>;

void setSource(Session& s, const std::uint8_t* bytes, std::size_t size) {
  s.source.init_source = initSource;
  s.source.fill_input_buffer = fillInput;
  s.source.skip_input_data = skipInput;
  s.source.resync_to_restart = jpeg_resync_to_restart;
  s.source.term_source = termSource;
  s.source.next_input_byte = bytes;
  s.source.bytes_in_buffer = size;
}

Error failureOf(const Session& s) {
  switch (s.stop) {
    case Stop::Truncated:
      return makeError(ErrorCode::DecodeFailed, "JPEG file is truncated: the data ends before the last row of pixels");
    case Stop::SizeMismatch:
      return makeError(ErrorCode::DecodeFailed, "JPEG decoder returned a size different from the header");
    case Stop::TooManyScans:
      return makeError(ErrorCode::DecodeFailed, "JPEG file has more than " + std::to_string(kMaxJpegScans) +
                                                    " scans; refused as a file made to stall decoders");
    default:
      return makeError(ErrorCode::DecodeFailed, std::string("JPEG data is corrupt or unsupported (") +
                                                    s.trap.message + ")");
  }
}

Result<JpegFrame> frameOf(Session& s) {
  if (!guarded(s, readHeader)) return failureOf(s);
  const int components = s.cinfo.num_components;
  if (components != 1 && components != 3 && components != 4) {
    return makeError(ErrorCode::DecodeFailed, "JPEG file has " + std::to_string(components) +
                                                  " components; 1 (grey), 3 (colour) and 4 (CMYK) are read");
  }
  JpegFrame frame;
  frame.width = s.cinfo.image_width;
  frame.height = s.cinfo.image_height;
  frame.mode = components == 1 ? Mode::L : components == 3 ? Mode::RGB : Mode::CMYK;
  return frame;
}

}  // namespace

Result<JpegFrame> readJpegFrame(const std::uint8_t* bytes, std::size_t size, DecodeBudget& budget) {
  BudgetScope scope(budget);
  Decompressor decompressor;
  setSource(decompressor.session(), bytes, size);
  return frameOf(decompressor.session());
}

Result<Raster> decodeJpeg(const std::uint8_t* bytes, std::size_t size, DecodeBudget& budget) {
  BudgetScope scope(budget);
  Decompressor decompressor;
  Session& s = decompressor.session();
  setSource(s, bytes, size);
  auto frame = frameOf(s);
  if (!frame) return frame.error();
  Raster raster;
  raster.width = frame.value().width;
  raster.height = frame.value().height;
  raster.mode = frame.value().mode;
  const std::size_t channels = bytesPerPixel(raster.mode);
  const std::uint64_t rasterBytes = std::uint64_t(raster.width) * raster.height * channels;
  if (rasterBytes > budget.limit - budget.inUse) {
    budget.exceeded = true;
    return makeError(ErrorCode::TooLarge, "JPEG raster does not fit the decode budget");
  }
  budget.inUse += static_cast<std::size_t>(rasterBytes);
  raster.data.resize(static_cast<std::size_t>(rasterBytes));
  s.pixels = raster.data.data();
  s.width = raster.width;
  s.height = raster.height;
  s.channels = static_cast<int>(channels);
  setOutput(s);
  if (!guarded(s, readPixels)) return failureOf(s);
  // Adobe writes CMYK inverted, and Pillow assumes every CMYK JPEG is.
  if (raster.mode == Mode::CMYK) {
    for (std::uint8_t& value : raster.data) value = static_cast<std::uint8_t>(255 - value);
  }
  return raster;
}

}  // namespace imagefield
