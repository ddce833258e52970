#include "base/error.h"

namespace imagefield {

const char* errorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::InvalidShape: return "invalid_shape";
    case ErrorCode::InvalidMode: return "invalid_mode";
    case ErrorCode::InvalidFormat: return "invalid_format";
    case ErrorCode::InvalidArgument: return "invalid_argument";
    case ErrorCode::DecodeFailed: return "decode_failed";
    case ErrorCode::TooLarge: return "too_large";
    case ErrorCode::InvalidBoxes: return "invalid_boxes";
    case ErrorCode::InvalidMask: return "invalid_mask";
    case ErrorCode::InvalidClasses: return "invalid_classes";
    case ErrorCode::UnsupportedFile: return "unsupported_file";
  }
  return "invalid_argument";
}

}  // namespace imagefield
