#pragma once
// Decodes msgpack bytes straight into the structs of BENGAL_DEFINE_MAP, without the object
// tree msgpack-cxx builds first: that tree (one node per value, then a second pass to convert
// it) was a quarter of bengal-link's instructions and most of the prune step's.
//
// The rules are msgpack_map.h's and msgpack-cxx's, so a file reads the same either way: an
// unknown key is skipped, a missing key leaves its member as it was, a key given twice, a
// key that is not a string or a value of the wrong type throws MapError naming the member's
// path ("pages.front.weight: wrong type"). Integers must fit their member; a double also
// takes an integer; a string or a string_view takes a str or a bin. A string_view points
// into the bytes, which must outlive it. Bytes that end inside a value throw
// MsgpackTruncated; a byte that starts no value (0xc1) throws MsgpackCorrupt.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#include "format/msgpack_map.h"

namespace bengal {

struct MsgpackTruncated : std::runtime_error {
  MsgpackTruncated() : std::runtime_error("truncated") {}
};
struct MsgpackCorrupt : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A cursor over msgpack bytes. The read_* calls take one value of their type, or throw
// MapError("", "wrong type"), after which the cursor is of no further use.
class MsgpackReader {
 public:
  explicit MsgpackReader(std::string_view bytes) : p_(bytes.data()), end_(bytes.data() + bytes.size()) {}

  bool at_end() const { return p_ == end_; }
  size_t left() const { return static_cast<size_t>(end_ - p_); }
  uint8_t peek() const {
    need(1);
    return static_cast<uint8_t>(*p_);
  }
  bool next_is_map() const {
    uint8_t b = peek();
    return (b & 0xf0) == 0x80 || b == 0xde || b == 0xdf;
  }
  bool next_is_str() const {
    uint8_t b = peek();
    return (b & 0xe0) == 0xa0 || b == 0xd9 || b == 0xda || b == 0xdb;
  }

  uint32_t read_map();    // the number of pairs
  uint32_t read_array();  // the number of elements
  bool read_bool();
  uint64_t read_unsigned();              // a positive integer
  int64_t read_signed();                 // any integer that fits int64
  double read_double();                  // a float, or an integer
  std::string_view read_string();        // a str or a bin
  // The next value, any type, passed over; returns its bytes.
  std::string_view skip();

 private:
  void need(size_t n) const {
    if (left() < n) throw MsgpackTruncated();
  }
  template <class T>
  T big_endian_at(size_t at) const;  // the T at p_ + at, big-endian
  uint32_t read_container(uint8_t fix, uint8_t tag16);
  [[noreturn]] static void wrong_type() { throw MapError("", "wrong type"); }

  const char* p_;
  const char* end_;
};

namespace msgpack_read {

inline void read(MsgpackReader& r, bool& v) { v = r.read_bool(); }

template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
void read(MsgpackReader& r, T& v) {
  if constexpr (std::is_unsigned_v<T>) {
    uint64_t u = r.read_unsigned();
    if (u > std::numeric_limits<T>::max()) throw MapError("", "wrong type");
    v = static_cast<T>(u);
  } else {
    int64_t i = r.read_signed();
    if (i < std::numeric_limits<T>::min() || i > std::numeric_limits<T>::max()) throw MapError("", "wrong type");
    v = static_cast<T>(i);
  }
}

inline void read(MsgpackReader& r, double& v) { v = r.read_double(); }
inline void read(MsgpackReader& r, std::string& v) { v = r.read_string(); }
inline void read(MsgpackReader& r, std::string_view& v) { v = r.read_string(); }
void read(MsgpackReader& r, nlohmann::json& v);  // as msgpack_to_json() makes it

template <class T>
void read(MsgpackReader& r, std::vector<T>& v);
template <class V>
void read(MsgpackReader& r, std::map<std::string, V>& m);
template <class T, class = decltype(std::declval<T&>().bengal_map_members())>
void read(MsgpackReader& r, T& v);

// A value decoded into a member, its key prepended to the path of any error.
template <class T>
void read_member(MsgpackReader& r, std::string_view key, T& member) {
  try {
    read(r, member);
  } catch (const MapError& e) {
    throw e.under(key);
  }
}

template <class T>
void read(MsgpackReader& r, std::vector<T>& v) {
  uint32_t n = r.read_array();
  v.clear();
  v.reserve(std::min<size_t>(n, r.left()));  // a count the bytes cannot hold is not trusted
  for (uint32_t i = 0; i < n; ++i) read(r, v.emplace_back());
}

template <class V>
void read(MsgpackReader& r, std::map<std::string, V>& m) {
  uint32_t n = r.read_map();
  m.clear();
  for (uint32_t i = 0; i < n; ++i) {
    std::string key(r.read_string());
    read(r, m[key]);
  }
}

// A BENGAL_DEFINE_MAP struct: msgpack_map::unpack's rules, one pass over the pairs.
template <class T, class>
void read(MsgpackReader& r, T& v) {
  if (!r.next_is_map()) throw MapError("", "not a map");
  const auto& names = T::bengal_map_names;
  constexpr size_t N = std::tuple_size_v<std::decay_t<decltype(names)>>;
  static_assert(N <= 64, "at most 64 members");
  auto members = v.bengal_map_members();
  uint64_t seen = 0;
  size_t expected = 0;
  for (uint32_t pairs = r.read_map(); pairs > 0; --pairs) {
    if (!r.next_is_str()) throw MapError("", "a key is not a string");
    std::string_view key = r.read_string();
    size_t i = msgpack_map::find_name(names, key, expected);
    if (i == N) {
      r.skip();
      continue;
    }
    if (seen & (uint64_t{1} << i)) throw MapError(std::string(key), "given twice");
    seen |= uint64_t{1} << i;
    std::apply([&](auto&... m) {  // decodes the i-th member
      size_t j = 0;
      (void)((j++ == i && (read_member(r, key, m), true)) || ...);
    }, members);
    expected = i + 1;
  }
}

}  // namespace msgpack_read
}  // namespace bengal
