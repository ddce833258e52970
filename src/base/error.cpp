#include "base/error.h"

namespace imagefield {

const char* errorCodeName(ErrorCode code) {
  switch (code) {
#define X(name, text) \
  case ErrorCode::name: return text;
#include "base/error_codes.def"
#undef X
  }
  return errorCodeName(ErrorCode::InvalidArgument);  // a value outside the enum
}

}  // namespace imagefield
