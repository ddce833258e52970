#include "corpus_guards.h"

#include <fstream>
#include <sstream>

imagefield::Result<std::map<std::string, CorpusGuard>> readCorpusGuards(const std::string& path) {
  using imagefield::ErrorCode;
  std::ifstream in(path);
  if (!in) return imagefield::makeError(ErrorCode::InvalidArgument, "cannot read the guards file " + path);
  std::map<std::string, CorpusGuard> guards;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string name;
    CorpusGuard guard;
    fields >> name >> guard.code >> std::ws;
    std::getline(fields, guard.messagePart);
    if (name.empty() || guard.code.empty() || guard.messagePart.empty()) {
      return imagefield::makeError(ErrorCode::InvalidArgument,
                                   path + ":" + std::to_string(number) + ": expected <path> <code> <message part>");
    }
    guards[name] = guard;
  }
  return guards;
}
