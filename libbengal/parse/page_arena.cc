#include "parse/page_arena.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

namespace bengal {
namespace {

constexpr size_t kBlockSize = size_t{1} << 20;
constexpr size_t kAlign = 16;

// Before each allocation: its size, for realloc. Keeps payloads 16-byte aligned.
struct alignas(kAlign) Header {
  size_t size;
};

size_t round_up(size_t n) { return (n + kAlign - 1) & ~(kAlign - 1); }
Header* header_of(void* payload) { return reinterpret_cast<Header*>(static_cast<char*>(payload) - sizeof(Header)); }

class Arena {
 public:
  void* allocate(size_t bytes) {
    size_t need = sizeof(Header) + round_up(bytes);
    while (current_ < blocks_.size() && used_ + need > blocks_[current_].size) next_block();
    if (current_ == blocks_.size()) add_block(need);
    char* start = blocks_[current_].data.get() + used_;
    used_ += need;
    reinterpret_cast<Header*>(start)->size = bytes;
    last_ = start + sizeof(Header);
    return last_;
  }

  // The latest allocation grows in place while its block has room (cmark's buffers grow
  // while being written); anything else moves.
  void* reallocate(void* payload, size_t bytes) {
    if (payload == nullptr) return allocate(bytes);
    Header* header = header_of(payload);
    size_t old = header->size;
    if (bytes <= old || (payload == last_ && grow_last(bytes))) {
      header->size = bytes;
      return payload;
    }
    void* moved = allocate(bytes);
    std::memcpy(moved, payload, old);
    return moved;
  }

  void enter() { ++scopes_; }
  void leave() {
    if (--scopes_ > 0) return;
    if (blocks_.size() > 1) blocks_.resize(1);  // a huge page does not keep its memory
    current_ = 0;
    used_ = 0;
    last_ = nullptr;
  }

 private:
  struct Block {
    std::unique_ptr<char[]> data;
    size_t size;
  };

  bool grow_last(size_t bytes) {
    size_t start = static_cast<size_t>(static_cast<char*>(last_) - blocks_[current_].data.get());
    if (start + round_up(bytes) > blocks_[current_].size) return false;
    used_ = start + round_up(bytes);
    return true;
  }
  void next_block() {
    ++current_;
    used_ = 0;
  }
  void add_block(size_t need) {
    size_t size = need > kBlockSize ? need : kBlockSize;
    blocks_.push_back({std::unique_ptr<char[]>(new char[size]), size});
    used_ = 0;
  }

  std::vector<Block> blocks_;
  size_t current_ = 0;
  size_t used_ = 0;
  void* last_ = nullptr;
  int scopes_ = 0;
};

thread_local Arena arena;

void* arena_calloc(size_t count, size_t size) {
  if (size != 0 && count > SIZE_MAX / size) std::abort();  // as cmark's own allocator does
  void* p = arena.allocate(count * size);
  std::memset(p, 0, count * size);
  return p;
}

void* arena_realloc(void* payload, size_t size) { return arena.reallocate(payload, size); }

void arena_free(void*) {}  // everything goes when the page is done

cmark_mem arena_mem = {arena_calloc, arena_realloc, arena_free};

}  // namespace

cmark_mem* page_arena() { return &arena_mem; }

PageArenaScope::PageArenaScope() { arena.enter(); }
PageArenaScope::~PageArenaScope() { arena.leave(); }

}  // namespace bengal
