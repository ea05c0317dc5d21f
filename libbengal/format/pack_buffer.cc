#include "format/pack_buffer.h"

#include <algorithm>
#include <cstdlib>
#include <new>

namespace bengal {

PackBuffer::~PackBuffer() { std::free(data_); }

PackBuffer::PackBuffer(PackBuffer&& other) noexcept
    : data_(other.data_), size_(other.size_), capacity_(other.capacity_) {
  other.data_ = nullptr;
  other.size_ = other.capacity_ = 0;
}

void PackBuffer::grow(size_t more) {
  const size_t capacity = std::max({capacity_ * 2, size_ + more, size_t{8192}});
  void* p = std::realloc(data_, capacity);
  if (p == nullptr) throw std::bad_alloc();
  data_ = static_cast<char*>(p);
  capacity_ = capacity;
}

}  // namespace bengal
