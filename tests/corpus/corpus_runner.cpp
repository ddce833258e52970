// Runs every file of a malformed-image corpus through decodeImage and checks
// the outcome: a raster of consistent size or an error with a known code;
// files listed in the guards file must be refused by the named guard; files
// with a `<name>.ref.png` next to them must match it (see reference_match.h).
// Meant to run in a sanitizer build, where a memory error aborts the process.
//
// Usage: corpus_runner CORPUS_DIR GUARDS_FILE [SECONDS_PER_FILE]
// Exit status 0 only when every file passed; a file taking longer than
// SECONDS_PER_FILE (default 2) ends the run with status 3 and its name.
#include <csignal>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "base/raster.h"
#include "corpus_guards.h"
#include "decode/decode.h"
#include "reference_match.h"

namespace fs = std::filesystem;
using namespace imagefield;

namespace {

// The file in progress, for the hang report written from the signal handler.
char currentFile[4096] = "";

void onHang(int) {
  const char prefix[] = "HANG: decoding took longer than the per-file limit: ";
  (void)!write(2, prefix, sizeof prefix - 1);
  (void)!write(2, currentFile, strlen(currentFile));
  (void)!write(2, "\n", 1);
  _exit(3);
}

std::vector<std::uint8_t> readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Result<Raster> decodeFile(const fs::path& path, std::optional<Mode> mode = std::nullopt) {
  const auto bytes = readFile(path);
  return decodeImage(bytes.data(), bytes.size(), DecodeLimits{}, mode);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s CORPUS_DIR GUARDS_FILE [SECONDS_PER_FILE]\n", argv[0]);
    return 2;
  }
  const fs::path root = argv[1];
  const unsigned seconds = argc > 3 ? unsigned(std::stoul(argv[3])) : 2;
  auto guards = readCorpusGuards(argv[2]);
  if (!guards) {
    std::fprintf(stderr, "FAIL: %s\n", guards.error().message.c_str());
    return 1;
  }
  std::signal(SIGALRM, onHang);

  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::fprintf(stderr, "FAIL: no files under %s\n", root.c_str());
    return 1;
  }

  int failures = 0;
  std::map<std::string, int> outcomes;
  int referencesCompared = 0;
  auto fail = [&](const std::string& name, const std::string& why) {
    ++failures;
    std::fprintf(stderr, "FAIL %s: %s\n", name.c_str(), why.c_str());
  };

  for (const auto& path : files) {
    const std::string name = fs::relative(path, root).generic_string();
    std::snprintf(currentFile, sizeof currentFile, "%s", name.c_str());
    alarm(seconds);
    auto decoded = decodeFile(path);
    alarm(0);

    std::string outcome;
    if (decoded) {
      const Raster& r = decoded.value();
      outcome = "raster";
      if (r.width == 0 || r.height == 0 || r.data.size() != expectedByteSize(r.width, r.height, r.mode)) {
        fail(name, "raster size does not match its dimensions");
      }
    } else {
      outcome = errorCodeName(decoded.error().code);
    }
    ++outcomes[outcome];
    std::printf("%-70s %s%s%s\n", name.c_str(), outcome.c_str(), decoded ? "" : ": ",
                decoded ? "" : decoded.error().message.c_str());

    if (auto guard = guards.value().find(name); guard != guards.value().end()) {
      guard->second.seen = true;
      if (decoded || outcome != guard->second.code ||
          decoded.error().message.find(guard->second.messagePart) == std::string::npos) {
        fail(name, "expected the guard to refuse it with " + guard->second.code + " containing \"" +
                       guard->second.messagePart + "\", got " + outcome);
      }
    }

    fs::path reference = path;
    reference += ".ref.png";
    if (fs::exists(reference)) {
      ++referencesCompared;
      if (!decoded) {
        if (!guards.value().count(name)) fail(name, "has a reference image but was refused and is not listed as guarded");
        continue;
      }
      const auto bytes = readFile(path);
      alarm(seconds);
      auto mine = decodeFile(path, Mode::RGBA);
      auto theirs = decodeFile(reference, Mode::RGBA);
      alarm(0);
      if (!theirs) {
        fail(name, "reference image did not decode: " + theirs.error().message);
        continue;
      }
      const auto tolerance = referenceTolerance(bytes.data(), bytes.size());
      if (auto mismatch = compareWithReference(tolerance, mine.value(), theirs.value())) fail(name, *mismatch);
    }
  }

  for (const auto& [name, guard] : guards.value()) {
    if (!guard.seen) fail(name, "listed in the guards file but not in the corpus");
  }

  std::printf("\n%zu files:", files.size());
  for (const auto& [outcome, count] : outcomes) std::printf(" %s=%d", outcome.c_str(), count);
  std::printf("; %d compared with a reference; %zu guarded; %d failures\n", referencesCompared,
              guards.value().size(), failures);
  return failures ? 1 : 0;
}
