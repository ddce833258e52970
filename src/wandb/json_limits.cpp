#include <cstdint>
#include <string>

#include "wandb/json_document.h"

namespace imagefield {
namespace {

// nlohmann's own document builder, refusing to nest deeper than the limit: the
// document is built in the same pass that checks it (a second parser of the
// same text would double nlohmann's parser code in the Wasm module), and a
// too-deep document is abandoned at the first level too many, before it is
// built any further.
class LimitedDocumentBuilder {
 public:
  LimitedDocumentBuilder(nlohmann::json& root, std::size_t maxDepth) : builder_(root, false), maxDepth_(maxDepth) {}
  bool null() { return builder_.null(); }
  bool boolean(bool value) { return builder_.boolean(value); }
  bool number_integer(std::int64_t value) { return builder_.number_integer(value); }
  bool number_unsigned(std::uint64_t value) { return builder_.number_unsigned(value); }
  bool number_float(double value, const std::string& text) { return builder_.number_float(value, text); }
  bool string(std::string& value) { return builder_.string(value); }
  bool binary(nlohmann::json::binary_t& value) { return builder_.binary(value); }
  bool start_object(std::size_t size) { return enter() && builder_.start_object(size); }
  bool key(std::string& value) { return builder_.key(value); }
  bool end_object() { return leave() && builder_.end_object(); }
  bool start_array(std::size_t size) { return enter() && builder_.start_array(size); }
  bool end_array() { return leave() && builder_.end_array(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::json::exception& error) {
    syntaxError = error.what();
    return false;
  }

  bool tooDeep = false;
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
  nlohmann::detail::json_sax_dom_parser<nlohmann::json> builder_;
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
  nlohmann::json document;
  LimitedDocumentBuilder builder(document, limits.maxDepth);
  const bool ok = nlohmann::json::sax_parse(text.begin(), text.end(), &builder);
  if (builder.tooDeep) {
    return makeError(code, what + " nests objects and arrays more than " + std::to_string(limits.maxDepth) +
                               " levels deep");
  }
  if (!ok) return makeError(code, what + " is not valid JSON (" + withoutPrefix(builder.syntaxError) + ")");
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
