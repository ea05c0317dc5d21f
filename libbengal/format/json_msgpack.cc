#include "format/json_msgpack.h"

namespace bengal {

nlohmann::json msgpack_to_json(const msgpack::object& o) {
  switch (o.type) {
    case msgpack::type::NIL: return nullptr;
    case msgpack::type::BOOLEAN: return o.via.boolean;
    case msgpack::type::POSITIVE_INTEGER: return o.via.u64;
    case msgpack::type::NEGATIVE_INTEGER: return o.via.i64;
    case msgpack::type::FLOAT32:
    case msgpack::type::FLOAT64: return o.via.f64;
    case msgpack::type::STR: return std::string(o.via.str.ptr, o.via.str.size);
    case msgpack::type::BIN: {
      nlohmann::json arr = nlohmann::json::array();
      for (uint32_t i = 0; i < o.via.bin.size; ++i) arr.push_back(static_cast<unsigned char>(o.via.bin.ptr[i]));
      return arr;
    }
    case msgpack::type::EXT: {
      nlohmann::json arr = nlohmann::json::array();
      for (uint32_t i = 0; i < o.via.ext.size; ++i) arr.push_back(static_cast<unsigned char>(o.via.ext.data()[i]));
      return nlohmann::json{{"ext_type", o.via.ext.type()}, {"data", arr}};
    }
    case msgpack::type::ARRAY: {
      nlohmann::json arr = nlohmann::json::array();
      for (uint32_t i = 0; i < o.via.array.size; ++i) arr.push_back(msgpack_to_json(o.via.array.ptr[i]));
      return arr;
    }
    case msgpack::type::MAP: {
      nlohmann::json obj = nlohmann::json::object();
      for (uint32_t i = 0; i < o.via.map.size; ++i) {
        const msgpack::object_kv& kv = o.via.map.ptr[i];
        std::string key = kv.key.type == msgpack::type::STR ? std::string(kv.key.via.str.ptr, kv.key.via.str.size)
                                                             : msgpack_to_json(kv.key).dump();
        obj[key] = msgpack_to_json(kv.val);
      }
      return obj;
    }
  }
  return nullptr;
}

}  // namespace bengal
