// The guards file: corpus files that stb_image 2.27 alone would mishandle,
// each with the error our guard must refuse it with. One entry per line:
//   <path relative to the corpus>  <error code>  <part of the message>
// Lines starting with # explain the entry below them. Read by the native
// corpus runner and by the Jest corpus test alike.
#pragma once
#include <map>
#include <string>

#include "base/error.h"

struct CorpusGuard {
  std::string code;
  std::string messagePart;
  bool seen = false;
};

imagefield::Result<std::map<std::string, CorpusGuard>> readCorpusGuards(const std::string& path);
