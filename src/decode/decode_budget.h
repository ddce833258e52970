// A byte budget for one decode, enforced inside stb_image's allocator and
// libjpeg-turbo's memory layer (jpeg_memory.cpp).
//
// stb_image allocates as it parses: a 1×1 PNG whose compressed data inflates
// to a gigabyte grows its zlib buffer by doubling. Checking declared
// dimensions cannot catch that, so every decoder allocation is charged to
// the budget of the decode in progress and fails once the budget is spent;
// the decoder then reports out-of-memory and the core reports too_large.
#pragma once
#include <cstddef>

namespace imagefield {

struct DecodeBudget {
  std::size_t limit = 0;
  std::size_t inUse = 0;
  std::size_t peak = 0;
  bool exceeded = false;
};

// Makes `budget` the one charged by decoder allocations for this scope.
// stb_image's allocator hooks are macros without a context argument, so the
// active budget has to live in a (thread-local) slot they can reach.
class BudgetScope {
 public:
  explicit BudgetScope(DecodeBudget& budget);
  ~BudgetScope();
  BudgetScope(const BudgetScope&) = delete;
  BudgetScope& operator=(const BudgetScope&) = delete;

 private:
  DecodeBudget* previous_;
};

// The functions STBI_MALLOC / STBI_REALLOC / STBI_FREE expand to, and
// libjpeg-turbo's jpeg_get_small / jpeg_get_large call.
void* budgetMalloc(std::size_t size);
void* budgetRealloc(void* block, std::size_t size);
void budgetFree(void* block);

}  // namespace imagefield
