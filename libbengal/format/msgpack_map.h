#pragma once
// BENGAL_DEFINE_MAP(members...): msgpack-cxx's MSGPACK_DEFINE_MAP with a faster reader.
//
// The wire format is the same: a map with one string key per member, in the order listed,
// and the packed bytes are identical. MSGPACK_DEFINE_MAP reads a map by first copying every
// key into a temporary std::map, per struct, which was a fifth to a quarter of a tool's
// instructions. This reader walks the pairs once and matches each key against the member
// names, trying the member after the last one matched first: writers put the keys in member
// order, so that is usually a single comparison.
//
// Reading rules (bengal-intermediate(5)): an unknown key is skipped, so files of newer
// writers stay readable; a missing key leaves its member as it was (the default); a value of
// the wrong type, a key that is not a string, or a key given twice throws MapError, whose
// message names the member's path ("pages.front.weight: wrong type").
#include <array>
#include <cstdint>
#include <msgpack.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>

namespace bengal {

// A map that does not fit its struct; what() is "path: problem", path as "pages.front.weight".
class MapError : public std::runtime_error {
 public:
  MapError(const std::string& path, const std::string& problem)
      : std::runtime_error(path.empty() ? problem : path + ": " + problem), path_(path), problem_(problem) {}
  // The same error seen from the map that holds this one under `key`.
  MapError under(std::string_view key) const {
    return MapError(path_.empty() ? std::string(key) : std::string(key) + "." + path_, problem_);
  }

 private:
  std::string path_, problem_;
};

namespace msgpack_map {

// The member names of a stringized argument list "a, b,   c".
constexpr size_t count_names(std::string_view list) {
  size_t n = 1;
  for (char c : list) n += c == ',';
  return n;
}

template <size_t N>
constexpr std::array<std::string_view, N> split_names(std::string_view list) {
  std::array<std::string_view, N> names{};
  for (size_t i = 0; i < N; ++i) {
    size_t comma = list.find(',');
    std::string_view name = list.substr(0, comma);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    names[i] = name;
    list.remove_prefix(comma == std::string_view::npos ? list.size() : comma + 1);
  }
  return names;
}

// The index of `key` in `names`, or N for a key this build does not know.
template <size_t N>
size_t find_name(const std::array<std::string_view, N>& names, std::string_view key, size_t expected) {
  if (expected < N && names[expected] == key) return expected;
  for (size_t i = 0; i < N; ++i)
    if (names[i] == key) return i;
  return N;
}

template <class Packer, size_t N, class... Members>
void pack(Packer& pk, const std::array<std::string_view, N>& names, const std::tuple<const Members&...>& members) {
  static_assert(sizeof...(Members) == N, "one name per member");
  pk.pack_map(N);
  std::apply([&](const Members&... m) {
    size_t i = 0;
    ((pk.pack(names[i++]), pk.pack(m)), ...);
  }, members);
}

// Converts one member, naming it in any error so the message locates the bad value.
template <class T>
void convert_member(const msgpack::object& value, std::string_view key, T& member) {
  try {
    value.convert(member);
  } catch (const MapError& e) {
    throw e.under(key);
  } catch (const msgpack::type_error&) {
    throw MapError(std::string(key), "wrong type");
  }
}

template <size_t N, class... Members>
void unpack(const msgpack::object& o, const std::array<std::string_view, N>& names,
            const std::tuple<Members&...>& members) {
  static_assert(sizeof...(Members) == N && N <= 64, "one name per member, at most 64");
  if (o.type != msgpack::type::MAP) throw MapError("", "not a map");
  uint64_t seen = 0;
  size_t expected = 0;
  for (const msgpack::object_kv *kv = o.via.map.ptr, *end = kv + o.via.map.size; kv != end; ++kv) {
    if (kv->key.type != msgpack::type::STR) throw MapError("", "a key is not a string");
    std::string_view key(kv->key.via.str.ptr, kv->key.via.str.size);
    size_t i = find_name(names, key, expected);
    if (i == N) continue;
    if (seen & (uint64_t{1} << i)) throw MapError(std::string(key), "given twice");
    seen |= uint64_t{1} << i;
    std::apply([&](Members&... m) {  // converts the i-th member
      size_t j = 0;
      (void)((j++ == i && (convert_member(kv->val, key, m), true)) || ...);
    }, members);
    expected = i + 1;
  }
}

}  // namespace msgpack_map
}  // namespace bengal

// Also defines bengal_map_members(): the members as a tuple of references, in key order.
#define BENGAL_DEFINE_MAP(...)                                                                              \
  static constexpr auto bengal_map_names =                                                                  \
      ::bengal::msgpack_map::split_names<::bengal::msgpack_map::count_names(#__VA_ARGS__)>(#__VA_ARGS__); \
  auto bengal_map_members() { return std::tie(__VA_ARGS__); }                                               \
  auto bengal_map_members() const { return std::tie(__VA_ARGS__); }                                         \
  template <class Packer>                                                                                   \
  void msgpack_pack(Packer& pk) const {                                                                     \
    ::bengal::msgpack_map::pack(pk, bengal_map_names, bengal_map_members());                                \
  }                                                                                                         \
  void msgpack_unpack(const msgpack::object& o) {                                                           \
    ::bengal::msgpack_map::unpack(o, bengal_map_names, bengal_map_members());                               \
  }
