// Container checks run on real encoder output (tests/golden/make_structure_fixtures.py)
// and on hand-made corruptions of it. Every input is copied into a buffer of
// exactly its own size so ASan catches any read past the end.
#include "decode/structure_check.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

// The decoders the core uses (its own BMP reader, libjpeg-turbo for JPEG, its
// stb_image build for the rest), called directly so the test checks that fixtures really decode
// without going through the structure check it is testing.
#include "decode/bmp_decode.h"
#include "decode/jpeg_decode.h"
#include "stb/stb_image_calls.h"
#include "test_images.h"

namespace imagefield {
namespace {

using Bytes = std::vector<std::uint8_t>;

struct Fixture {
  std::string name;
  FileFormat format;
  int width;
  int height;
  std::size_t complete;  // shortest prefix that is structurally complete
  Bytes bytes;
};

FileFormat formatFromName(const std::string& name) {
  for (FileFormat f :
       {FileFormat::PNG, FileFormat::JPEG, FileFormat::GIF, FileFormat::BMP, FileFormat::TGA, FileFormat::PSD}) {
    if (name == formatName(f)) return f;
  }
  return FileFormat::Unknown;
}

const std::string kDir = std::string(IMAGEFIELD_TEST_DATA) + "/structure/";

const std::vector<Fixture>& fixtures() {
  static const std::vector<Fixture> all = [] {
    std::vector<Fixture> out;
    std::ifstream manifest(kDir + "manifest.txt");
    std::string line;
    while (std::getline(manifest, line)) {
      std::istringstream fields(line);
      Fixture f;
      std::string format;
      fields >> f.name >> format >> f.width >> f.height >> f.complete;
      f.format = formatFromName(format);
      f.bytes = testing::readTestData("structure/" + f.name);
      out.push_back(std::move(f));
    }
    return out;
  }();
  return all;
}

const Fixture& fixture(const std::string& name) {
  for (const Fixture& f : fixtures()) {
    if (f.name == name) return f;
  }
  ADD_FAILURE() << "no fixture " << name;
  static const Fixture missing{};
  return missing;
}

std::optional<Error> check(FileFormat format, const Bytes& bytes, std::size_t n) {
  const Bytes exact(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(std::min(n, bytes.size())));
  return checkStructure(format, exact.data(), exact.size());
}

std::optional<Error> check(FileFormat format, const Bytes& bytes) { return check(format, bytes, bytes.size()); }

// The message must start with "<FORMAT> file is " and mention `fragment`.
void expectRejected(FileFormat format, const Bytes& bytes, const std::string& fragment) {
  const std::optional<Error> error = check(format, bytes);
  ASSERT_TRUE(error.has_value()) << "accepted; expected: " << fragment;
  EXPECT_EQ(error->code, ErrorCode::DecodeFailed);
  EXPECT_EQ(error->message.rfind(std::string(formatName(format)) + " file is ", 0), 0u) << error->message;
  EXPECT_NE(error->message.find(fragment), std::string::npos) << error->message;
}

void expectAccepted(FileFormat format, const Bytes& bytes) {
  const std::optional<Error> error = check(format, bytes);
  EXPECT_FALSE(error.has_value()) << error->message;
}

bool decoderReads(const Bytes& bytes, int* width = nullptr, int* height = nullptr) {
  if (sniffFormat(bytes.data(), bytes.size()) == FileFormat::BMP) {
    auto raster = decodeBmp(bytes.data(), bytes.size());
    if (!raster) return false;
    if (width) *width = static_cast<int>(raster.value().width);
    if (height) *height = static_cast<int>(raster.value().height);
    return true;
  }
  if (sniffFormat(bytes.data(), bytes.size()) == FileFormat::JPEG) {
    DecodeBudget budget;
    budget.limit = 64u << 20;
    auto raster = decodeJpeg(bytes.data(), bytes.size(), budget);
    if (!raster) return false;
    if (width) *width = static_cast<int>(raster.value().width);
    if (height) *height = static_cast<int>(raster.value().height);
    return true;
  }
  int w = 0, h = 0, channels = 0;
  std::uint8_t* pixels = stb::load(bytes.data(), bytes.size(), &w, &h, &channels);
  if (pixels == nullptr) return false;
  stb::release(pixels);
  if (width) *width = w;
  if (height) *height = h;
  return true;
}

void put16be(Bytes& b, std::size_t at, std::uint32_t v) {
  b[at] = v >> 8 & 255;
  b[at + 1] = v & 255;
}
void put32be(Bytes& b, std::size_t at, std::uint32_t v) {
  put16be(b, at, v >> 16);
  put16be(b, at + 2, v & 0xFFFF);
}
void put16le(Bytes& b, std::size_t at, std::uint32_t v) {
  b[at] = v & 255;
  b[at + 1] = v >> 8 & 255;
}
void put32le(Bytes& b, std::size_t at, std::uint32_t v) {
  put16le(b, at, v & 0xFFFF);
  put16le(b, at + 2, v >> 16);
}
std::uint32_t get32be(const Bytes& b, std::size_t at) {
  return std::uint32_t{b[at]} << 24 | b[at + 1] << 16 | b[at + 2] << 8 | b[at + 3];
}

Bytes splice(Bytes b, std::size_t at, std::size_t remove, const Bytes& insert) {
  b.erase(b.begin() + static_cast<std::ptrdiff_t>(at), b.begin() + static_cast<std::ptrdiff_t>(at + remove));
  b.insert(b.begin() + static_cast<std::ptrdiff_t>(at), insert.begin(), insert.end());
  return b;
}

Bytes prefix(const Bytes& b, std::size_t n) { return Bytes(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(n)); }

// Offset of the first PNG chunk of `type` (test fixtures are well-formed).
std::size_t pngChunk(const Bytes& b, const char* type) {
  for (std::size_t pos = 8; pos + 8 <= b.size(); pos += 12 + get32be(b, pos)) {
    if (std::memcmp(&b[pos + 4], type, 4) == 0) return pos;
  }
  ADD_FAILURE() << "no chunk " << type;
  return 0;
}

// Offset of the first JPEG marker segment FF<marker> before the first scan.
std::size_t jpegSegment(const Bytes& b, std::uint8_t marker) {
  for (std::size_t pos = 2; pos + 4 <= b.size(); pos += 2 + (b[pos + 2] << 8 | b[pos + 3])) {
    if (b[pos + 1] == marker) return pos;
    if (b[pos + 1] == 0xDA) break;
  }
  ADD_FAILURE() << "no segment " << int{marker};
  return 0;
}

// ------------------------------------------------------------ all fixtures

TEST(StructureCheck, FixturesCoverEveryCheckedFormat) {
  ASSERT_EQ(fixtures().size(), 24u);
  for (FileFormat f :
       {FileFormat::PNG, FileFormat::JPEG, FileFormat::GIF, FileFormat::BMP, FileFormat::TGA, FileFormat::PSD}) {
    EXPECT_TRUE(std::any_of(fixtures().begin(), fixtures().end(), [f](const Fixture& x) { return x.format == f; }));
  }
}

TEST(StructureCheck, ValidFixturesPassAndDecode) {
  for (const Fixture& f : fixtures()) {
    SCOPED_TRACE(f.name);
    ASSERT_FALSE(f.bytes.empty());
    EXPECT_EQ(sniffFormat(f.bytes.data(), f.bytes.size()),
              f.format == FileFormat::TGA ? FileFormat::Unknown : f.format);
    expectAccepted(f.format, f.bytes);
    int w = 0, h = 0;
    EXPECT_TRUE(decoderReads(f.bytes, &w, &h)) << stb::failureReason();
    EXPECT_EQ(w, f.width);
    EXPECT_EQ(h, f.height);
  }
}

// Every prefix shorter than the complete structure is "truncated"; every
// longer one (PNG after its last IDAT's data, GIF frames after the first, TGA's footer,
// BMP's last-row padding) still passes.
TEST(StructureCheck, EveryPrefixIsRejectedUntilTheStructureIsComplete) {
  for (const Fixture& f : fixtures()) {
    SCOPED_TRACE(f.name);
    const std::string expected = std::string(formatName(f.format)) + " file is truncated: ";
    int mismatches = 0;
    for (std::size_t n = 0; n <= f.bytes.size() && mismatches < 5; ++n) {
      const std::optional<Error> error = check(f.format, f.bytes, n);
      if (n >= f.complete) {
        if (error) ++mismatches, ADD_FAILURE() << "prefix " << n << " rejected: " << error->message;
      } else if (!error) {
        ++mismatches, ADD_FAILURE() << "prefix " << n << " of " << f.complete << " accepted";
      } else if (error->code != ErrorCode::DecodeFailed || error->message.rfind(expected, 0) != 0) {
        ++mismatches, ADD_FAILURE() << "prefix " << n << ": " << error->message;
      }
    }
  }
}

// Random byte damage may or may not break the structure; it must never make
// the walker read out of bounds (ASan) or stall.
TEST(StructureCheck, RandomDamageIsHandledSafely) {
  std::mt19937 rng(12345);
  for (const Fixture& f : fixtures()) {
    for (int round = 0; round < 300; ++round) {
      Bytes damaged = f.bytes;
      const int edits = 1 + static_cast<int>(rng() % 4);
      for (int i = 0; i < edits; ++i) damaged[rng() % damaged.size()] = static_cast<std::uint8_t>(rng());
      const std::size_t n = round % 2 ? damaged.size() : rng() % (damaged.size() + 1);
      const std::optional<Error> error = check(f.format, damaged, n);
      if (error) {
        EXPECT_EQ(error->code, ErrorCode::DecodeFailed);
      }
    }
  }
}

// Documents why the check exists: stb_image 2.27 "decodes" these cut files.
// (BMP no longer goes through stb_image; its reader refuses cut files itself.)
TEST(StructureCheck, StbDecodesTruncatedFilesTheCheckRejects) {
  for (const char* name : {"rgb.tga", "rgba_rle.tga", "raw.psd", "rle.psd", "animated.gif"}) {
    SCOPED_TRACE(name);
    const Fixture& f = fixture(name);
    const Bytes cut = prefix(f.bytes, f.complete - 20);
    EXPECT_TRUE(decoderReads(cut));
    EXPECT_TRUE(check(f.format, cut).has_value());
  }
}

TEST(StructureCheck, OtherFormatsAndEmptyInput) {
  const Bytes junk = {1, 2, 3};
  for (FileFormat f : {FileFormat::Unknown, FileFormat::WebP, FileFormat::TIFF, FileFormat::ICO, FileFormat::SVG}) {
    EXPECT_FALSE(check(f, junk).has_value());
  }
  for (FileFormat f :
       {FileFormat::PNG, FileFormat::JPEG, FileFormat::GIF, FileFormat::BMP, FileFormat::TGA, FileFormat::PSD}) {
    expectRejected(f, {}, "truncated");
    EXPECT_TRUE(checkStructure(f, nullptr, 0).has_value());
  }
}

// ------------------------------------------------------------ PNG

TEST(StructureCheck, PngChunkPastEnd) {
  Bytes png = fixture("rgb.png").bytes;
  const std::size_t idat = pngChunk(png, "IDAT");
  put32be(png, idat, 65536);
  expectRejected(FileFormat::PNG, png,
                 "chunk IDAT at offset " + std::to_string(idat) + " declares 65536 bytes but only ");
  put32be(png, idat, 0xFFFFFFFF);
  expectRejected(FileFormat::PNG, png, "declares 4294967295 bytes");
}

// Pillow and browsers show a PNG whose image data is whole but whose end is
// missing or junk; an IDAT cut short stays refused.
TEST(StructureCheck, PngEndAfterImageData) {
  const Bytes& png = fixture("rgb.png").bytes;
  const std::size_t iend = pngChunk(png, "IEND");
  expectAccepted(FileFormat::PNG, prefix(png, iend));
  EXPECT_TRUE(decoderReads(prefix(png, iend)));
  const Bytes junk = splice(prefix(png, iend), iend, 0, {0x13, 0x37, 0xDE, 0xAD, 0xBE, 0xEF, 0, 1});
  expectAccepted(FileFormat::PNG, junk);
  EXPECT_TRUE(decoderReads(junk));
  expectRejected(FileFormat::PNG, prefix(png, iend - 5), "chunk IDAT at offset");
  // Whole chunks but a zlib stream cut short: the decoder refuses it.
  const std::size_t idat = pngChunk(png, "IDAT");
  const std::uint32_t length = get32be(png, idat);
  Bytes shortStream = splice(png, idat + 8 + length - 6, 6, {});
  put32be(shortStream, idat, length - 6);
  EXPECT_FALSE(decoderReads(shortStream));
}

TEST(StructureCheck, PngChunkOrder) {
  const Bytes& png = fixture("palette.png").bytes;
  const Bytes text = {0, 0, 0, 1, 't', 'E', 'X', 't', 'x', 0, 0, 0, 0};
  expectRejected(FileFormat::PNG, splice(png, 8, 0, text), "chunk tEXt at offset 8 comes before IHDR");
  const std::size_t idat = pngChunk(png, "IDAT");
  expectRejected(FileFormat::PNG, splice(png, idat, 12 + get32be(png, idat), {}), "no IDAT chunk before IEND");
}

TEST(StructureCheck, PngAppleChunkBeforeHeaderAndTrailingBytesPass) {
  const Bytes cgbi = {0, 0, 0, 4, 'C', 'g', 'B', 'I', 0x50, 0, 0x20, 0x06, 0, 0, 0, 0};
  Bytes png = splice(fixture("rgb.png").bytes, 8, 0, cgbi);
  png.insert(png.end(), {'t', 'r', 'a', 'i', 'l', 'e', 'r'});
  expectAccepted(FileFormat::PNG, png);
}

// ------------------------------------------------------------ JPEG

TEST(StructureCheck, JpegSegmentLengthPastEnd) {
  Bytes jpeg = fixture("baseline.jpg").bytes;
  const std::size_t dqt = jpegSegment(jpeg, 0xDB);
  put16be(jpeg, dqt + 2, 0xFFFF);
  expectRejected(FileFormat::JPEG, jpeg,
                 "segment FFDB at offset " + std::to_string(dqt) + " declares 65535 bytes but only ");
  put16be(jpeg, dqt + 2, 1);
  expectRejected(FileFormat::JPEG, jpeg, "declares length 1");
}

TEST(StructureCheck, JpegMissingEndOfImage) {
  const Bytes& jpeg = fixture("progressive.jpg").bytes;
  expectRejected(FileFormat::JPEG, prefix(jpeg, jpeg.size() - 2), "no end-of-image marker after the scan data");
}

// The thumbnail inside the EXIF APP1 segment ends with its own FFD9; it must
// not count as the end of the main image.
TEST(StructureCheck, JpegExifThumbnailEndMarkerIsSkipped) {
  const Bytes& jpeg = fixture("exif_thumbnail.jpg").bytes;
  const std::size_t app1 = jpegSegment(jpeg, 0xE1);
  const std::size_t app1End = app1 + 2 + (jpeg[app1 + 2] << 8 | jpeg[app1 + 3]);
  ASSERT_EQ(jpeg[app1End - 2], 0xFF);
  ASSERT_EQ(jpeg[app1End - 1], 0xD9);  // the thumbnail's EOI closes the segment
  expectRejected(FileFormat::JPEG, prefix(jpeg, app1End), "no end-of-image marker");
  expectRejected(FileFormat::JPEG, prefix(jpeg, app1End - 1), "segment FFE1 at offset " + std::to_string(app1));
  expectRejected(FileFormat::JPEG, prefix(jpeg, jpeg.size() - 2), "after the scan data");
}

TEST(StructureCheck, JpegWithoutFrameOrScan) {
  const Bytes& jpeg = fixture("baseline.jpg").bytes;
  const std::size_t sof = jpegSegment(jpeg, 0xC0);
  expectRejected(FileFormat::JPEG, splice(jpeg, sof, 2 + (jpeg[sof + 2] << 8 | jpeg[sof + 3]), {}),
                 "corrupt: no frame header (SOF)");
  const std::size_t sos = jpegSegment(jpeg, 0xDA);
  expectRejected(FileFormat::JPEG, splice(jpeg, sos, jpeg.size() - 2 - sos, {}), "corrupt: no scan (SOS)");
}

TEST(StructureCheck, JpegToleratedPadding) {
  const Bytes& jpeg = fixture("baseline.jpg").bytes;
  // Fill bytes before the end marker, stray bytes (FF 00 among them) between
  // segments (libjpeg and the patched stb_image skip both) and data appended
  // after EOI.
  Bytes padded = splice(jpeg, jpeg.size() - 2, 0, {0xFF, 0xFF, 0xFF});
  padded = splice(padded, jpegSegment(padded, 0xDB), 0, {0, 0, 0x12});
  padded.insert(padded.end(), {0xFF, 0xD8, 0xFF, 0xE1, 0x40, 0, 1, 2});
  expectAccepted(FileFormat::JPEG, padded);
  EXPECT_TRUE(decoderReads(padded));
  const std::size_t dht = jpegSegment(jpeg, 0xC4);
  ASSERT_GT(dht, jpegSegment(jpeg, 0xC0));
  const Bytes stray = splice(jpeg, dht, 0, {0, 0xFF, 0x00, 7});
  expectAccepted(FileFormat::JPEG, stray);
  EXPECT_TRUE(decoderReads(stray));
}

TEST(StructureCheck, JpegRestartMarkersProgressiveScansAndDnl) {
  const Bytes& restart = fixture("restart.jpg").bytes;
  const Bytes rst0 = {0xFF, 0xD0};
  EXPECT_NE(std::search(restart.begin(), restart.end(), rst0.begin(), rst0.end()), restart.end());
  const Bytes& progressive = fixture("progressive.jpg").bytes;
  std::size_t scans = 0;
  for (std::size_t i = 0; i + 1 < progressive.size(); ++i)
    scans += progressive[i] == 0xFF && progressive[i + 1] == 0xDA;
  EXPECT_GT(scans, 1u);
  // A DNL segment (here redundantly restating the height) follows the first scan.
  const Bytes& baseline = fixture("baseline.jpg").bytes;
  const Bytes withDnl = splice(baseline, baseline.size() - 2, 0, {0xFF, 0xDC, 0, 4, 0, 16});
  expectAccepted(FileFormat::JPEG, withDnl);
  EXPECT_TRUE(decoderReads(withDnl));
  expectRejected(FileFormat::JPEG, prefix(withDnl, withDnl.size() - 3), "segment FFDC");
}

// ------------------------------------------------------------ GIF

// 2x2 screen with a 2-entry global table; one frame whose data is one
// 3-byte sub-block; trailer.
Bytes tinyGif() {
  // clang-format off
  return {'G', 'I', 'F', '8', '9', 'a', 2, 0, 2, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255,
          0x21, 0xFE, 2, 'h', 'i', 0,                 // comment extension
          0x2C, 0, 0, 0, 0, 2, 0, 2, 0, 0,            // image descriptor
          2, 3, 0x04, 0x00, 0x05, 0, 0x3B};           // LZW: clear, 0, 0, 0, 0, end; trailer
  // clang-format on
}

TEST(StructureCheck, GifSubBlocks) {
  const Bytes gif = tinyGif();
  expectAccepted(FileFormat::GIF, gif);
  EXPECT_TRUE(decoderReads(gif));
  Bytes longData = gif;
  longData[36] = 0x40;
  expectRejected(FileFormat::GIF, longData,
                 "sub-block at offset 36 of the first frame's image data declares 64 bytes but only 5 remain");
  Bytes longComment = gif;
  longComment[21] = 0xF0;
  expectRejected(FileFormat::GIF, longComment, "sub-block at offset 21 of extension at offset 19");
  expectRejected(FileFormat::GIF, prefix(gif, 40), "first frame's image data has no block terminator");
  expectAccepted(FileFormat::GIF, prefix(gif, 41));  // the trailer is optional
}

TEST(StructureCheck, GifBadBlocks) {
  const Bytes gif = tinyGif();
  Bytes wide = gif;
  wide[30] = 3;
  expectRejected(FileFormat::GIF, wide, "first frame (3x2 at 0,0) extends beyond the 2x2 logical screen");
  Bytes noTable = gif;
  noTable[10] = 0;
  expectAccepted(FileFormat::GIF, splice(noTable, 13, 6, {}));  // grey levels, as in Pillow
  EXPECT_TRUE(decoderReads(splice(noTable, 13, 6, {})));
  expectRejected(FileFormat::GIF, splice(gif, 19, 0, {0x3B}), "trailer at offset 19 comes before any image");
  expectRejected(FileFormat::GIF, splice(gif, 19, 0, {0x00}), "unknown block type 0x00 at offset 19");
  const Fixture& animated = fixture("animated.gif");
  EXPECT_TRUE(decoderReads(prefix(animated.bytes, animated.complete)));
}

// ------------------------------------------------------------ BMP

TEST(StructureCheck, BmpPixelDataShort) {
  const Bytes& bmp = fixture("bpp24.bmp").bytes;  // 24x16, 72-byte rows at offset 54
  expectRejected(FileFormat::BMP, prefix(bmp, bmp.size() - 72),
                 "pixel data needs 1152 bytes (16 rows of 72) but only 1080 remain after offset 54");
  Bytes tall = bmp;
  put32le(tall, 22, 0x7FFFFFFF);
  put32le(tall, 18, 0x7FFFFFFF);
  expectRejected(FileFormat::BMP, tall, "pixel data needs");
}

TEST(StructureCheck, BmpOffsets) {
  Bytes bmp = fixture("bpp8.bmp").bytes;
  put32le(bmp, 10, static_cast<std::uint32_t>(bmp.size() + 1));
  expectRejected(FileFormat::BMP, bmp, "truncated: pixel data offset");
  put32le(bmp, 10, 20);
  expectRejected(FileFormat::BMP, bmp, "corrupt: pixel data offset 20 lies inside the headers, which end at 54");
  put32le(bmp, 18, 0xFFFFFFFF);
  expectRejected(FileFormat::BMP, bmp, "negative width");
}

TEST(StructureCheck, BmpTopDownAndLastRowPadding) {
  Bytes bmp = fixture("odd_width.bmp").bytes;  // 7x5, 21 bytes + 3 padding per row
  put32le(bmp, 22, static_cast<std::uint32_t>(-5));
  expectAccepted(FileFormat::BMP, bmp);
  EXPECT_TRUE(decoderReads(bmp));
  const Bytes unpadded = prefix(bmp, bmp.size() - 3);
  expectAccepted(FileFormat::BMP, unpadded);  // stb_image never reads it
  EXPECT_TRUE(decoderReads(unpadded));
  expectRejected(FileFormat::BMP, prefix(bmp, bmp.size() - 4), "BMP file is truncated");
}

TEST(StructureCheck, BmpRleIsLeftToTheReader) {
  Bytes rle = prefix(fixture("bpp8.bmp").bytes, 200);
  put32le(rle, 30, 1);  // BI_RLE8: the reader walks the stream (and finds this one cut)
  expectAccepted(FileFormat::BMP, rle);
  EXPECT_FALSE(decoderReads(rle));
  // A negative compression is checked like BI_RGB (and refused by the reader).
  Bytes negative = prefix(fixture("bpp24.bmp").bytes, 600);
  put32le(negative, 30, 0xF9000000);
  expectRejected(FileFormat::BMP, negative, "pixel data needs 1152 bytes");
  Bytes negativeWhole = fixture("bpp24.bmp").bytes;
  put32le(negativeWhole, 30, 0xF9000000);
  expectAccepted(FileFormat::BMP, negativeWhole);
  EXPECT_FALSE(decoderReads(negativeWhole));
}

// ------------------------------------------------------------ TGA

// Uncompressed or RLE true-color 24-bit, 4x1 pixels, no ID or color map.
Bytes tgaHeader(std::uint8_t type) { return {0, 0, type, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 1, 0, 24, 0}; }

TEST(StructureCheck, TgaRlePackets) {
  Bytes tga = tgaHeader(10);
  tga.insert(tga.end(), {0x81, 1, 2, 3, 0x01, 4, 5, 6, 7, 8, 9});  // run of 2, raw packet of 2
  expectAccepted(FileFormat::TGA, tga);
  EXPECT_TRUE(decoderReads(tga));
  expectRejected(FileFormat::TGA, prefix(tga, tga.size() - 1),
                 "RLE packet at offset 22 needs 6 bytes but only 5 remain");
  tga[22] = 0x7F;  // a raw packet of 128 covering the last 2 pixels: only 6 bytes are read
  expectAccepted(FileFormat::TGA, tga);
  expectRejected(FileFormat::TGA, prefix(tga, 22), "RLE data ends after 2 of 4 pixels");
}

TEST(StructureCheck, TgaHeaderAndPixelData) {
  Bytes tga = tgaHeader(2);
  tga.resize(18 + 12);
  expectAccepted(FileFormat::TGA, tga);
  expectRejected(FileFormat::TGA, prefix(tga, tga.size() - 1), "pixel data needs 12 bytes but only 11 remain");
  Bytes mapped = fixture("palette_rle.tga").bytes;
  put16le(mapped, 5, 0xFFFF);
  expectRejected(FileFormat::TGA, mapped, "image ID and color map need");
  // stb_image skips the first-entry index as a byte count before the entries.
  Bytes shifted = fixture("palette_rle.tga").bytes;
  put16le(shifted, 3, 0x3900);
  expectRejected(FileFormat::TGA, shifted,
                 "image ID and color map need " + std::to_string(18 + 0x3900 + 256 * 3) + " bytes");
  Bytes huge = tgaHeader(10);
  put16le(huge, 12, 0xFFFF);
  put16le(huge, 14, 0xFFFF);
  huge.insert(huge.end(), 64, 0xFF);  // 16 runs of 128 pixels, then nothing
  expectRejected(FileFormat::TGA, huge, "RLE data ends after 2048 of 4294836225 pixels");
  Bytes other = tgaHeader(32);  // a type stb_image doesn't read
  expectAccepted(FileFormat::TGA, other);
}

// A 2x1 color-mapped TGA (type 1, or 9 with RLE) whose map has 2 RGB entries.
Bytes colorMappedTga(std::uint8_t type, std::initializer_list<std::uint8_t> pixelData) {
  Bytes tga = {0, 1, type, 0, 0, 2, 0, 24, 0, 0, 0, 0, 2, 0, 1, 0, 8, 0};
  tga.insert(tga.end(), {10, 20, 30, 40, 50, 60});
  tga.insert(tga.end(), pixelData);
  return tga;
}

TEST(StructureCheck, TgaColorIndexesMustLieInsideTheMap) {
  expectAccepted(FileFormat::TGA, colorMappedTga(1, {0, 1}));
  EXPECT_TRUE(decoderReads(colorMappedTga(1, {0, 2})));  // stb_image paints index 2 with entry 0
  expectRejected(FileFormat::TGA, colorMappedTga(1, {0, 2}), "pixel at offset 25 uses color-map entry 2 but the map has 2");
  expectAccepted(FileFormat::TGA, colorMappedTga(9, {0x81, 1}));             // a run of 2
  expectRejected(FileFormat::TGA, colorMappedTga(9, {0x81, 7}), "color-map entry 7");
  expectRejected(FileFormat::TGA, colorMappedTga(9, {0x01, 0, 200}), "color-map entry 200");  // raw packet
}

// ------------------------------------------------------------ PSD

// RGB, 8 bits, 2x2, raw data for `channels` channels cut to `dataBytes`.
Bytes tinyPsd(std::uint16_t channels, std::size_t dataBytes) {
  // clang-format off
  Bytes psd = {'8', 'B', 'P', 'S', 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2, 0, 8, 0, 3};
  // clang-format on
  put16be(psd, 12, channels);
  psd.insert(psd.end(), 12 + 2, 0);  // three empty sections, compression 0
  psd.insert(psd.end(), dataBytes, 0x80);
  return psd;
}

TEST(StructureCheck, PsdReadsOnlyTheFirstFourChannels) {
  expectAccepted(FileFormat::PSD, tinyPsd(6, 16));
  EXPECT_TRUE(decoderReads(tinyPsd(6, 16)));
  expectRejected(FileFormat::PSD, tinyPsd(6, 15), "raw image data needs 16 bytes but only 15 remain");
  expectAccepted(FileFormat::PSD, tinyPsd(3, 12));
  expectRejected(FileFormat::PSD, tinyPsd(3, 11), "raw image data needs 12 bytes");
  Bytes huge = tinyPsd(3, 12);
  put32be(huge, 14, 0xFFFFFFFF);
  put32be(huge, 18, 0xFFFFFFFF);
  expectRejected(FileFormat::PSD, huge, "raw image data needs 18446744073709551615 bytes");
}

TEST(StructureCheck, PsdSectionPastEnd) {
  Bytes psd = fixture("raw.psd").bytes;
  put32be(psd, 30, 0xFFFFFFF0);
  expectRejected(FileFormat::PSD, psd, "image resources section at offset 30 declares 4294967280 bytes but only ");
  Bytes layers = fixture("rle.psd").bytes;
  const std::size_t layerSection = 30 + 4 + get32be(layers, 30);
  put32be(layers, layerSection, static_cast<std::uint32_t>(layers.size()));
  expectRejected(FileFormat::PSD, layers,
                 "layer and mask information section at offset " + std::to_string(layerSection));
}

TEST(StructureCheck, PsdRleCounts) {
  Bytes psd = fixture("rle.psd").bytes;
  std::size_t table = 26;
  for (int section = 0; section < 3; ++section) table += 4 + get32be(psd, table);
  table += 2;
  put16be(psd, table, 0xFFFF);
  expectRejected(FileFormat::PSD, psd, "RLE rows of the first 3 channels total");
  // Counts that understate the data don't hide a stream that runs past the end.
  Bytes understated = prefix(fixture("rle.psd").bytes, fixture("rle.psd").bytes.size() - 10);
  for (std::size_t row = 0; row < 48; ++row) put16be(understated, table + 2 * row, 1);
  expectRejected(FileFormat::PSD, understated, "RLE run at offset");
}

}  // namespace
}  // namespace imagefield

namespace imagefield {
namespace {

// stb_image 2.27 writes past its code-length array when one DHT table declares
// more than 256 codes (fuzz/regressions/decode/jpeg-dht-more-than-256-symbols).
TEST(StructureCheck, JpegHuffmanTableWithMoreThan256Codes) {
  auto jpegWithCodes = [](int codes) {
    Bytes jpeg = {0xFF, 0xD8, 0xFF, 0xC4, 0, 0, 0x00};
    for (int i = 0; i < 16; ++i) jpeg.push_back(std::uint8_t(codes / 16 + (i == 15 ? codes % 16 : 0)));
    jpeg.insert(jpeg.end(), std::size_t(codes), 0);
    const std::size_t length = jpeg.size() - 4;
    jpeg[4] = std::uint8_t(length >> 8);
    jpeg[5] = std::uint8_t(length & 0xFF);
    jpeg.insert(jpeg.end(), {0xFF, 0xD9});
    return jpeg;
  };
  expectRejected(FileFormat::JPEG, jpegWithCodes(257), "(DHT) declares 257 codes in one table; at most 256 exist");
  auto error = check(FileFormat::JPEG, jpegWithCodes(256));
  ASSERT_TRUE(error);  // no frame: refused, but not for the table
  EXPECT_EQ(error->message.find("codes in one table"), std::string::npos) << error->message;
}

// A scan naming Huffman table slot 2 or 3 that no DHT defined is refused, as
// libjpeg (and so Pillow) refuses it; slots 0 and 1 fall back to the standard
// tables, as Motion-JPEG frames need.
TEST(StructureCheck, JpegScanUsingUndefinedHuffmanTable) {
  const Bytes crash = testing::readTestData("structure/jpeg_undefined_huffman_table.jpg");
  ASSERT_FALSE(crash.empty());
  auto error = check(FileFormat::JPEG, crash);
  ASSERT_TRUE(error);
  EXPECT_NE(error->message.find("which no DHT segment defined"), std::string::npos) << error->message;

  // Baseline file with every DHT segment removed: a Motion-JPEG style frame.
  Bytes noTables = fixture("baseline.jpg").bytes;
  for (std::size_t pos = 2; pos + 4 <= noTables.size() && noTables[pos + 1] != 0xDA;) {
    const std::size_t length = (std::size_t(noTables[pos + 2]) << 8) | noTables[pos + 3];
    if (noTables[pos + 1] == 0xC4) {
      noTables.erase(noTables.begin() + static_cast<std::ptrdiff_t>(pos),
                     noTables.begin() + static_cast<std::ptrdiff_t>(pos + 2 + length));
    } else {
      pos += 2 + length;
    }
  }
  expectAccepted(FileFormat::JPEG, noTables);
  int w = 0, h = 0;
  EXPECT_TRUE(decoderReads(noTables, &w, &h));
  EXPECT_EQ(w, 24);

  // The real files, progressive ones included, keep passing.
  for (const char* name : {"baseline.jpg", "progressive.jpg", "exif_thumbnail.jpg", "restart.jpg"}) {
    EXPECT_FALSE(check(FileFormat::JPEG, fixture(name).bytes)) << name;
  }
}

}  // namespace
}  // namespace imagefield
