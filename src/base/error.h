// One error type for the whole core. Functions return Result<T> instead of
// throwing: in the Wasm build exceptions would cross into JS as bare numbers.
#pragma once
#include <string>
#include <utility>
#include <variant>

namespace imagefield {

// The codes are public API; their names and spelling live in error_codes.def.
enum class ErrorCode {
#define X(name, text) name,
#include "base/error_codes.def"
#undef X
};

const char* errorCodeName(ErrorCode code);

struct Error {
  ErrorCode code;
  std::string message;
};

template <class T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}
  Result(Error error) : state_(std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

inline Error makeError(ErrorCode code, std::string message) {
  return Error{code, std::move(message)};
}

}  // namespace imagefield
