// libFuzzer target: the container walkers of structure_check.cpp on arbitrary
// bytes, for every format they know, plus format sniffing. They must never
// read outside the buffer, loop without consuming input, or overflow.
#include <cstddef>
#include <cstdint>

#include "decode/format_sniff.h"
#include "decode/structure_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace imagefield;
  (void)sniffFormat(data, size);
  for (FileFormat format :
       {FileFormat::PNG, FileFormat::JPEG, FileFormat::GIF, FileFormat::BMP, FileFormat::TGA, FileFormat::PSD}) {
    (void)checkStructure(format, data, size);
  }
  return 0;
}
