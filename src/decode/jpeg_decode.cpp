#include "decode/jpeg_decode.h"

#include <csetjmp>
#include <cstdio>
#include <string>

extern "C" {
#include "jpeglib.h"
#include "jerror.h"
}

namespace imagefield {
namespace {

enum class Stop { None, LibraryError, Truncated, TooManyScans, SizeMismatch };

// Everything one decode needs, in one block of plain data: libjpeg's
// callbacks reach it through cinfo.client_data, and a longjmp out of them
// skips no destructor.
struct Session {
  // Zeroed, so that destroying it is safe however early creating it failed.
  jpeg_decompress_struct cinfo{};
  jpeg_error_mgr errors{};
  jpeg_source_mgr source{};
  jpeg_progress_mgr progress{};
  std::jmp_buf jump;
  Stop stop = Stop::None;
  char message[JMSG_LENGTH_MAX] = {};
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
  std::longjmp(session.jump, 1);
}

// libjpeg's error_exit must not return; the default one calls exit().
[[noreturn]] void onError(j_common_ptr cinfo) {
  Session& session = sessionOf(cinfo);
  (*cinfo->err->format_message)(cinfo, session.message);
  stopWith(session, Stop::LibraryError);
}

// Warnings (corrupt data libjpeg recovers from) are dropped, as Pillow drops them.
void onMessage(j_common_ptr) {}

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
  s.cinfo.err = jpeg_std_error(&s.errors);
  s.errors.error_exit = onError;
  s.errors.output_message = onMessage;
  s.cinfo.client_data = &s;
  s.created = true;
  jpeg_create_decompress(&s.cinfo);
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

// The one function that calls setjmp: libjpeg's fatal errors, a file that
// ends early and too many scans all jump back here. Only plain data (the
// Session) lives in the frames a jump leaves.
bool guarded(Session& session, void (*step)(Session&)) {
  if (setjmp(session.jump)) return false;
  step(session);
  return true;
}

// Owns the Session's libjpeg state for one call.
class Decompressor {
 public:
  Decompressor(const std::uint8_t* bytes, std::size_t size) {
    session_.source.init_source = initSource;
    session_.source.fill_input_buffer = fillInput;
    session_.source.skip_input_data = skipInput;
    session_.source.resync_to_restart = jpeg_resync_to_restart;
    session_.source.term_source = termSource;
    session_.source.next_input_byte = bytes;
    session_.source.bytes_in_buffer = size;
  }
  ~Decompressor() {
    if (session_.created) jpeg_destroy_decompress(&session_.cinfo);
  }
  Decompressor(const Decompressor&) = delete;
  Decompressor& operator=(const Decompressor&) = delete;

  Session& session() { return session_; }

  Error failure() const {
    switch (session_.stop) {
      case Stop::Truncated:
        return makeError(ErrorCode::DecodeFailed, "JPEG file is truncated: the data ends before the last row of pixels");
      case Stop::SizeMismatch:
        return makeError(ErrorCode::DecodeFailed, "JPEG decoder returned a size different from the header");
      case Stop::TooManyScans:
        return makeError(ErrorCode::DecodeFailed, "JPEG file has more than " + std::to_string(kMaxJpegScans) +
                                                      " scans; refused as a file made to stall decoders");
      default:
        return makeError(ErrorCode::DecodeFailed, std::string("JPEG data is corrupt or unsupported (") +
                                                      session_.message + ")");
    }
  }

 private:
  Session session_;
};

Result<JpegFrame> frameOf(Decompressor& decompressor) {
  Session& s = decompressor.session();
  if (!guarded(s, readHeader)) return decompressor.failure();
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
  Decompressor decompressor(bytes, size);
  return frameOf(decompressor);
}

Result<Raster> decodeJpeg(const std::uint8_t* bytes, std::size_t size, DecodeBudget& budget) {
  BudgetScope scope(budget);
  Decompressor decompressor(bytes, size);
  auto frame = frameOf(decompressor);
  if (!frame) return frame.error();
  Session& s = decompressor.session();
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
  if (!guarded(s, readPixels)) return decompressor.failure();
  // Adobe writes CMYK inverted, and Pillow assumes every CMYK JPEG is.
  if (raster.mode == Mode::CMYK) {
    for (std::uint8_t& value : raster.data) value = static_cast<std::uint8_t>(255 - value);
  }
  return raster;
}

}  // namespace imagefield
