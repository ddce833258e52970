// Linked into the test-hooks module only (build/wasm/test-hooks, never
// web/wasm): allocation counters for the leak tests and a real trap or hang
// on demand for the containment tests.
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <malloc.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "decode_input_hook.h"

using emscripten::val;

// Every C++ object and container buffer is counted as it is created and
// destroyed, so the leak tests can check that no call leaves anything alive.
// Plain malloc (stb's pixels, input buffers) is covered by the heap-in-use
// figure instead.
namespace {
std::int64_t liveAllocations = 0;
std::int64_t allocationsMade = 0;
}  // namespace

void* operator new(std::size_t size) {
  void* block = std::malloc(size ? size : 1);
  if (!block) throw std::bad_alloc();
  ++liveAllocations;
  ++allocationsMade;
  return block;
}
void* operator new[](std::size_t size) { return operator new(size); }
void operator delete(void* block) noexcept {
  if (!block) return;
  --liveAllocations;
  std::free(block);
}
void operator delete[](void* block) noexcept { operator delete(block); }
void operator delete(void* block, std::size_t) noexcept { operator delete(block); }
void operator delete[](void* block, std::size_t) noexcept { operator delete(block); }

// Input starting with "imagefield:test-trap" traps, "imagefield:test-hang" spins.
void imagefield::js::inspectDecodeInput(const std::vector<std::uint8_t>& input) {
  auto startsWith = [&](const std::string& text) {
    return input.size() >= text.size() && std::equal(text.begin(), text.end(), input.begin());
  };
  if (startsWith("imagefield:test-trap")) __builtin_trap();
  if (startsWith("imagefield:test-hang")) {
    for (volatile bool spinning = true; spinning;) {
    }
  }
}

namespace {

val jsTestHeapCounters() {
  val out = val::object();
  out.set("liveAllocations", double(liveAllocations));
  out.set("allocationsMade", double(allocationsMade));
  out.set("heapBytesInUse", double(mallinfo().uordblks));
  return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(imagefield_test_hooks) { emscripten::function("testHeapCounters", &jsTestHeapCounters); }
