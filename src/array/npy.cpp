#include "array/npy.h"

#include <cstring>
#include <string>
#include <string_view>
#include <utility>

namespace imagefield {
namespace {

Error malformed(const std::string& what) {
  return makeError(ErrorCode::DecodeFailed, ".npy header is malformed: " + what);
}

// The header is a Python dict literal; only the three keys numpy writes are read.
struct Header {
  std::string descr;
  bool fortran = false;
  std::vector<std::int64_t> shape;
  bool hasDescr = false, hasFortran = false, hasShape = false;
};

class HeaderReader {
 public:
  explicit HeaderReader(std::string_view text) : text_(text) {}

  Result<Header> read(std::size_t maxDims) {
    Header header;
    skipSpace();
    if (!take('{')) return malformed("it does not start with '{'");
    for (;;) {
      skipSpace();
      if (take('}')) break;
      std::string key;
      if (!readString(key)) return malformed("expected a quoted key at offset " + std::to_string(pos_));
      skipSpace();
      if (!take(':')) return malformed("expected ':' after '" + key + "'");
      skipSpace();
      if (key == "descr") {
        if (!readString(header.descr)) return malformed("'descr' is not a string");
        header.hasDescr = true;
      } else if (key == "fortran_order") {
        if (!readBool(header.fortran)) return malformed("'fortran_order' is not True or False");
        header.hasFortran = true;
      } else if (key == "shape") {
        auto shape = readShape(maxDims);
        if (!shape) return shape.error();
        header.shape = std::move(shape.value());
        header.hasShape = true;
      } else {
        return malformed("unexpected key '" + key + "' (expected descr, fortran_order, shape)");
      }
      skipSpace();
      if (take(',')) continue;
      skipSpace();
      if (take('}')) break;
      return malformed("expected ',' or '}' after '" + key + "'");
    }
    skipSpace();
    if (pos_ != text_.size()) return malformed("unexpected text after the closing '}'");
    if (!header.hasDescr || !header.hasFortran || !header.hasShape) {
      return malformed("it must have the keys descr, fortran_order and shape");
    }
    return header;
  }

 private:
  void skipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool take(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool readString(std::string& out) {
    if (pos_ >= text_.size() || (text_[pos_] != '\'' && text_[pos_] != '"')) return false;
    const char quote = text_[pos_++];
    const std::size_t end = text_.find(quote, pos_);
    if (end == std::string_view::npos || end - pos_ > 64) return false;
    out.assign(text_.substr(pos_, end - pos_));
    pos_ = end + 1;
    return true;
  }
  bool readBool(bool& out) {
    if (text_.substr(pos_, 4) == "True") {
      out = true;
      pos_ += 4;
      return true;
    }
    if (text_.substr(pos_, 5) == "False") {
      out = false;
      pos_ += 5;
      return true;
    }
    return false;
  }
  Result<std::vector<std::int64_t>> readShape(std::size_t maxDims) {
    std::vector<std::int64_t> dims;
    if (!take('(')) return malformed("'shape' is not a tuple");
    for (;;) {
      skipSpace();
      if (take(')')) break;
      std::int64_t value = 0;
      std::size_t digits = 0;
      while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
        if (++digits > 12) return malformed("a 'shape' dimension is too large");
        value = value * 10 + (text_[pos_++] - '0');
      }
      if (digits == 0) return malformed("'shape' holds something other than non-negative integers");
      take('L');  // Python 2 long literals, as old numpy wrote them
      if (dims.size() == maxDims) return malformed("'shape' has more than " + std::to_string(maxDims) + " dimensions");
      dims.push_back(value);
      skipSpace();
      if (take(',')) continue;
      skipSpace();
      if (take(')')) break;
      return malformed("'shape' is not a tuple of integers");
    }
    return dims;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

struct Element {
  DType dtype;
  std::size_t bytes;
  bool bigEndian;
  bool boolean;
};

Result<Element> parseDescr(const std::string& descr) {
  const std::string supported = "supported: u1 i1 u2 i2 u4 i4 f4 f8 b1";
  auto unsupported = [&] {
    return makeError(ErrorCode::UnsupportedFile, ".npy dtype '" + descr + "' is not supported; " + supported);
  };
  if (descr.size() != 3) return unsupported();
  const char order = descr[0];
  if (order != '<' && order != '>' && order != '|' && order != '=') return unsupported();
  const std::string kind = descr.substr(1);
  Element e{DType::U8, 1, order == '>', false};
  if (kind == "u1") e = {DType::U8, 1, false, false};
  else if (kind == "i1") e = {DType::I8, 1, false, false};
  else if (kind == "b1") e = {DType::U8, 1, false, true};
  else if (kind == "u2") e = {DType::U16, 2, order == '>', false};
  else if (kind == "i2") e = {DType::I16, 2, order == '>', false};
  else if (kind == "u4") e = {DType::U32, 4, order == '>', false};
  else if (kind == "i4") e = {DType::I32, 4, order == '>', false};
  else if (kind == "f4") e = {DType::F32, 4, order == '>', false};
  else if (kind == "f8") e = {DType::F64, 8, order == '>', false};
  else return unsupported();
  // '|' means "byte order does not apply", which is only true of 1-byte types.
  if (order == '|' && e.bytes != 1) return unsupported();
  return e;
}

// Fortran order stores the first index fastest; C order the last.
void fortranToC(const std::uint8_t* in, std::uint8_t* out, const std::vector<std::int64_t>& shape,
                std::size_t itemBytes, std::size_t count) {
  const std::size_t n = shape.size();
  std::vector<std::size_t> index(n, 0);
  std::vector<std::size_t> fortranStride(n, 1);
  for (std::size_t d = 1; d < n; ++d) fortranStride[d] = fortranStride[d - 1] * std::size_t(shape[d - 1]);
  for (std::size_t i = 0; i < count; ++i) {
    std::size_t source = 0;
    for (std::size_t d = 0; d < n; ++d) source += index[d] * fortranStride[d];
    std::memcpy(out + i * itemBytes, in + source * itemBytes, itemBytes);
    for (std::size_t d = n; d-- > 0;) {  // advance the C-order index, last axis fastest
      if (++index[d] < std::size_t(shape[d])) break;
      index[d] = 0;
    }
  }
}

}  // namespace

Result<NpyArray> parseNpy(const std::uint8_t* bytes, std::size_t size, const NpyLimits& limits) {
  if (size < 10 || std::memcmp(bytes, "\x93NUMPY", 6) != 0) {
    return makeError(ErrorCode::DecodeFailed, "the bytes are not a .npy file (no \\x93NUMPY signature)");
  }
  const int major = bytes[6], minor = bytes[7];
  if (major < 1 || major > 3 || minor != 0) {
    return makeError(ErrorCode::UnsupportedFile, ".npy format version " + std::to_string(major) + "." +
                                                     std::to_string(minor) + " is not supported; supported: 1.0, 2.0, 3.0");
  }
  std::size_t headerStart = 10;
  std::uint64_t headerLength = bytes[8] | std::uint32_t(bytes[9]) << 8;
  if (major >= 2) {
    if (size < 12) return malformed("the file ends inside the header length");
    headerStart = 12;
    headerLength = bytes[8] | std::uint32_t(bytes[9]) << 8 | std::uint32_t(bytes[10]) << 16 |
                   std::uint64_t(bytes[11]) << 24;
  }
  if (headerLength > limits.maxHeaderBytes) {
    return malformed("it declares " + std::to_string(headerLength) + " bytes, above the limit of " +
                     std::to_string(limits.maxHeaderBytes));
  }
  if (headerLength > size - headerStart) {
    return malformed("it declares " + std::to_string(headerLength) + " bytes but the file has only " +
                     std::to_string(size - headerStart) + " after the signature");
  }
  const std::string_view text(reinterpret_cast<const char*>(bytes + headerStart), std::size_t(headerLength));
  for (unsigned char c : text) {
    // Version 3 allows UTF-8, but numpy writes only ASCII for the dtypes read here.
    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') return malformed("it contains control characters");
    if (c >= 0x80) return malformed("it contains non-ASCII characters");
  }
  auto parsed = HeaderReader(text).read(limits.maxDims);
  if (!parsed) return parsed.error();
  const Header& header = parsed.value();
  auto element = parseDescr(header.descr);
  if (!element) return element.error();
  const Element e = element.value();

  std::uint64_t count = 1;
  for (std::int64_t d : header.shape) {
    if (d != 0 && count > limits.maxElements / std::uint64_t(d)) {
      return makeError(ErrorCode::TooLarge, ".npy array has more than " + std::to_string(limits.maxElements) +
                                                " elements");
    }
    count *= std::uint64_t(d);
  }
  if (count > limits.maxElements) {
    return makeError(ErrorCode::TooLarge, ".npy array has " + std::to_string(count) + " elements, above the limit of " +
                                              std::to_string(limits.maxElements));
  }
  const std::uint64_t dataBytes = count * e.bytes;
  const std::size_t dataStart = headerStart + std::size_t(headerLength);
  if (size - dataStart != dataBytes) {
    return makeError(ErrorCode::DecodeFailed,
                     ".npy header declares " + std::to_string(count) + " elements of '" + header.descr + "' (" +
                         std::to_string(dataBytes) + " bytes) but the file holds " +
                         std::to_string(size - dataStart) + " bytes of data");
  }

  NpyArray out;
  out.dtype = e.dtype;
  out.shape = header.shape;
  out.length = std::size_t(count);
  out.storage.resize((dataBytes + sizeof(double) - 1) / sizeof(double));
  auto* dst = reinterpret_cast<std::uint8_t*>(out.storage.data());
  const std::uint8_t* src = bytes + dataStart;
  if (header.fortran && header.shape.size() > 1) {
    fortranToC(src, dst, header.shape, e.bytes, out.length);
  } else if (dataBytes) {
    std::memcpy(dst, src, std::size_t(dataBytes));
  }
  // Wasm and every native target we build for are little-endian.
  if (e.bigEndian) {
    for (std::size_t i = 0; i < out.length; ++i) {
      std::uint8_t* v = dst + i * e.bytes;
      for (std::size_t a = 0, b = e.bytes - 1; a < b; ++a, --b) std::swap(v[a], v[b]);
    }
  }
  if (e.boolean) {
    for (std::size_t i = 0; i < out.length; ++i) dst[i] = dst[i] ? 1 : 0;
  }
  return out;
}

}  // namespace imagefield
