#pragma once
// msgpack-cxx adaptors for nlohmann::json, so free-form user data (front matter `params`)
// travels inside the typed intermediates, and msgpack objects can be printed as JSON.
#include <msgpack.hpp>
#include <nlohmann/json.hpp>

namespace bengal {

// Converts any msgpack object to JSON (bin becomes an array of byte values, ext its data).
nlohmann::json msgpack_to_json(const msgpack::object& o);

}  // namespace bengal

namespace msgpack {
MSGPACK_API_VERSION_NAMESPACE(MSGPACK_DEFAULT_API_NS) {
namespace adaptor {

template <>
struct convert<nlohmann::json> {
  const msgpack::object& operator()(const msgpack::object& o, nlohmann::json& v) const {
    v = bengal::msgpack_to_json(o);
    return o;
  }
};

template <>
struct pack<nlohmann::json> {
  template <typename Stream>
  msgpack::packer<Stream>& operator()(msgpack::packer<Stream>& pk, const nlohmann::json& j) const {
    switch (j.type()) {
      case nlohmann::json::value_t::null:
      case nlohmann::json::value_t::discarded: pk.pack_nil(); break;
      case nlohmann::json::value_t::boolean: pk.pack(j.get<bool>()); break;
      case nlohmann::json::value_t::number_integer: pk.pack(j.get<int64_t>()); break;
      case nlohmann::json::value_t::number_unsigned: pk.pack(j.get<uint64_t>()); break;
      case nlohmann::json::value_t::number_float: pk.pack(j.get<double>()); break;
      case nlohmann::json::value_t::string: pk.pack(j.get_ref<const std::string&>()); break;
      case nlohmann::json::value_t::binary: {
        const auto& b = j.get_binary();
        pk.pack_bin(static_cast<uint32_t>(b.size()));
        pk.pack_bin_body(reinterpret_cast<const char*>(b.data()), static_cast<uint32_t>(b.size()));
        break;
      }
      case nlohmann::json::value_t::array:
        pk.pack_array(static_cast<uint32_t>(j.size()));
        for (const auto& e : j) (*this)(pk, e);
        break;
      case nlohmann::json::value_t::object:
        // nlohmann's object is a std::map: keys come out sorted, so bytes are deterministic.
        pk.pack_map(static_cast<uint32_t>(j.size()));
        for (auto it = j.begin(); it != j.end(); ++it) {
          pk.pack(it.key());
          (*this)(pk, it.value());
        }
        break;
    }
    return pk;
  }
};

}  // namespace adaptor
}  // MSGPACK_API_VERSION_NAMESPACE
}  // namespace msgpack
