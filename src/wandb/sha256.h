// SHA-256 (FIPS 180-4), for the content digests wandb's media JSON carries.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace imagefield {

std::array<std::uint8_t, 32> sha256(const std::uint8_t* data, std::size_t size);

// Lower-case hex, 64 characters: the form wandb writes in "sha256".
std::string sha256Hex(const std::uint8_t* data, std::size_t size);

}  // namespace imagefield
