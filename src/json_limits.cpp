#include <cstdint>
#include <string>

#include "json_document.h"

namespace imagefield {
namespace {

// Counts nesting only; every event but a too-deep container or a syntax error
// continues the parse.
class DepthCheck {
 public:
  explicit DepthCheck(std::size_t maxDepth) : maxDepth_(maxDepth) {}
  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(std::int64_t) { return true; }
  bool number_unsigned(std::uint64_t) { return true; }
  bool number_float(double, const std::string&) { return true; }
  bool string(std::string&) { return true; }
  bool binary(nlohmann::json::binary_t&) { return true; }
  bool start_object(std::size_t) { return enter(); }
  bool key(std::string&) { return true; }
  bool end_object() { return leave(); }
  bool start_array(std::size_t) { return enter(); }
  bool end_array() { return leave(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::json::exception& error) {
    errorPosition = position;
    syntaxError = error.what();
    return false;
  }

  bool tooDeep = false;
  std::size_t errorPosition = 0;
  std::string syntaxError;

 private:
  bool enter() {
    if (++depth_ > maxDepth_) {
      tooDeep = true;
      return false;
    }
    return true;
  }
  bool leave() {
    --depth_;
    return true;
  }
  std::size_t maxDepth_;
  std::size_t depth_ = 0;
};

// nlohmann's messages start with "[json.exception.parse_error.101] "; the rest is useful.
std::string withoutPrefix(const std::string& message) {
  const auto end = message.find("] ");
  return end == std::string::npos ? message : message.substr(end + 2);
}

}  // namespace

Result<nlohmann::json> parseJsonWithLimits(std::string_view text, const JsonLimits& limits, ErrorCode code,
                                           const std::string& what) {
  if (text.size() > limits.maxBytes) {
    return makeError(ErrorCode::TooLarge, what + " is " + std::to_string(text.size()) +
                                              " bytes of JSON, above the limit of " + std::to_string(limits.maxBytes));
  }
  DepthCheck check(limits.maxDepth);
  const bool ok = nlohmann::json::sax_parse(text.begin(), text.end(), &check);
  if (check.tooDeep) {
    return makeError(code, what + " nests objects and arrays more than " + std::to_string(limits.maxDepth) +
                               " levels deep");
  }
  if (!ok) return makeError(code, what + " is not valid JSON (" + withoutPrefix(check.syntaxError) + ")");
  nlohmann::json document = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (document.is_discarded()) return makeError(code, what + " is not valid JSON");
  return document;
}

std::string dumpJson(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string describeJson(const nlohmann::json& value) {
  std::string text = dumpJson(value);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

}  // namespace imagefield
