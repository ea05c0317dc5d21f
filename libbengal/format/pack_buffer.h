#pragma once
// A msgpack-cxx stream (msgpack::packer<PackBuffer>) that appends in place. msgpack-cxx writes
// every value as a header of one to nine bytes and then its body, each through write():
// msgpack::sbuffer's write is a call, and so is the memcpy of every header, which together
// were an eighth of bengal-link's instructions. Here the short writes are a few moves.
#include <cstddef>
#include <cstring>

namespace bengal {

class PackBuffer {
 public:
  PackBuffer() = default;
  ~PackBuffer();
  PackBuffer(PackBuffer&& other) noexcept;
  PackBuffer(const PackBuffer&) = delete;
  PackBuffer& operator=(const PackBuffer&) = delete;
  PackBuffer& operator=(PackBuffer&&) = delete;

  void write(const char* bytes, size_t n) {
    if (n > capacity_ - size_) grow(n);
    char* to = data_ + size_;
    if (n >= 8 && n <= 16) {  // two overlapping fixed-size copies: moves, not a call
      std::memcpy(to, bytes, 8);
      std::memcpy(to + n - 8, bytes + n - 8, 8);
    } else if (n >= 4 && n < 8) {
      std::memcpy(to, bytes, 4);
      std::memcpy(to + n - 4, bytes + n - 4, 4);
    } else if (n < 4) {
      for (size_t i = 0; i < n; ++i) to[i] = bytes[i];
    } else {
      std::memcpy(to, bytes, n);
    }
    size_ += n;
  }

  const char* data() const { return data_; }
  size_t size() const { return size_; }

 private:
  void grow(size_t more);  // by realloc, which moves no bytes of a big buffer (mremap)

  char* data_ = nullptr;
  size_t size_ = 0, capacity_ = 0;
};

}  // namespace bengal
