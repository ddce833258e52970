#include "decode/decode_budget.h"

#include <cstdlib>
#include <cstring>
#include <cstddef>
#include <cstdint>

namespace imagefield {
namespace {

thread_local DecodeBudget* activeBudget = nullptr;

// Each block carries its size in front so realloc and free can refund it.
constexpr std::size_t kHeader = alignof(std::max_align_t) > sizeof(std::size_t) ? alignof(std::max_align_t) : sizeof(std::size_t);

std::size_t& sizeOf(void* base) { return *static_cast<std::size_t*>(base); }
void* userPointer(void* base) { return static_cast<unsigned char*>(base) + kHeader; }
void* basePointer(void* user) { return static_cast<unsigned char*>(user) - kHeader; }

bool charge(std::size_t extra) {
  DecodeBudget* budget = activeBudget;
  if (!budget) return true;
  if (extra > budget->limit - budget->inUse) {
    budget->exceeded = true;
    return false;
  }
  budget->inUse += extra;
  if (budget->inUse > budget->peak) budget->peak = budget->inUse;
  return true;
}

void refund(std::size_t amount) {
  DecodeBudget* budget = activeBudget;
  if (!budget) return;
  budget->inUse = amount > budget->inUse ? 0 : budget->inUse - amount;
}

}  // namespace

BudgetScope::BudgetScope(DecodeBudget& budget) : previous_(activeBudget) { activeBudget = &budget; }
BudgetScope::~BudgetScope() { activeBudget = previous_; }

// Blocks are handed out zero-filled (and grown zero-filled): a decoder that
// reads memory the file never wrote then reads zeros, the same on every
// decode, never what earlier work left there.
void* budgetMalloc(std::size_t size) {
  if (size > SIZE_MAX - kHeader || !charge(size)) return nullptr;
  void* base = std::calloc(1, size + kHeader);
  if (!base) {
    refund(size);
    return nullptr;
  }
  sizeOf(base) = size;
  return userPointer(base);
}

void* budgetRealloc(void* block, std::size_t size) {
  if (!block) return budgetMalloc(size);
  void* oldBase = basePointer(block);
  const std::size_t oldSize = sizeOf(oldBase);
  if (size > SIZE_MAX - kHeader) return nullptr;
  if (size > oldSize && !charge(size - oldSize)) return nullptr;
  void* base = std::realloc(oldBase, size + kHeader);
  if (!base) {
    if (size > oldSize) refund(size - oldSize);
    return nullptr;
  }
  if (size < oldSize) refund(oldSize - size);
  if (size > oldSize) std::memset(static_cast<unsigned char*>(userPointer(base)) + oldSize, 0, size - oldSize);
  sizeOf(base) = size;
  return userPointer(base);
}

void budgetFree(void* block) {
  if (!block) return;
  void* base = basePointer(block);
  refund(sizeOf(base));
  std::free(base);
}

}  // namespace imagefield
