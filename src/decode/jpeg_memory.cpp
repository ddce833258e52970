// libjpeg-turbo's system-dependent memory layer (the jmemsys.h interface, in
// place of its jmemnobs.c), for the decoder and the compressor
// (encode/jpeg_write.cpp, which runs without a budget: its buffers follow
// from the raster's width, checked before it starts): every block libjpeg
// asks for is charged to the decode budget in force (decode_budget.h) and
// handed out zero-filled, so a hostile header cannot take more memory than
// the budget allows and no output can depend on what earlier work left in the
// heap. There is no backing store: an image whose buffers do not fit is
// refused, never spilled to files.
#include <cstddef>
#include <cstdio>

#include "decode/decode_budget.h"

extern "C" {
#include "jpeglib.h"
#include "jmemsys.h"
#include "jerror.h"
}

extern "C" {

void* jpeg_get_small(j_common_ptr, size_t size) { return imagefield::budgetMalloc(size); }

void jpeg_free_small(j_common_ptr, void* object, size_t) { imagefield::budgetFree(object); }

void* jpeg_get_large(j_common_ptr, size_t size) { return imagefield::budgetMalloc(size); }

void jpeg_free_large(j_common_ptr, void* object, size_t) { imagefield::budgetFree(object); }

// Whole-image buffers (progressive and multi-scan files) are always asked for
// in full; the budget refuses them if they do not fit.
size_t jpeg_mem_available(j_common_ptr, size_t, size_t maxBytesNeeded, size_t) { return maxBytesNeeded; }

void jpeg_open_backing_store(j_common_ptr cinfo, backing_store_ptr, long) {
  ERREXIT(cinfo, JERR_NO_BACKING_STORE);
}

long jpeg_mem_init(j_common_ptr) { return 0; }

void jpeg_mem_term(j_common_ptr) {}

}  // extern "C"
