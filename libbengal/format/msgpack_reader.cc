#include "format/msgpack_reader.h"

#include <cstring>
#include <msgpack.hpp>

#include "format/json_msgpack.h"

namespace bengal {

namespace {
template <size_t N> struct UnsignedOf;
template <> struct UnsignedOf<1> { using type = uint8_t; };
template <> struct UnsignedOf<2> { using type = uint16_t; };
template <> struct UnsignedOf<4> { using type = uint32_t; };
template <> struct UnsignedOf<8> { using type = uint64_t; };
}  // namespace

template <class T>
T MsgpackReader::big_endian_at(size_t at) const {
  need(at + sizeof(T));
  uint64_t u = 0;
  for (size_t k = 0; k < sizeof(T); ++k) u = (u << 8) | static_cast<unsigned char>(p_[at + k]);
  auto same_size = static_cast<typename UnsignedOf<sizeof(T)>::type>(u);
  T v;
  std::memcpy(&v, &same_size, sizeof(T));  // signed and floating types: the same bits
  return v;
}

// A map (fix form 0x80, 16-bit 0xde, 32-bit 0xdf) or an array (0x90, 0xdc, 0xdd): the size in
// its header, which is passed over.
uint32_t MsgpackReader::read_container(uint8_t fix, uint8_t tag16) {
  uint8_t b = peek();
  uint32_t n;
  if ((b & 0xf0) == fix) n = b & 0x0f, p_ += 1;
  else if (b == tag16) n = big_endian_at<uint16_t>(1), p_ += 3;
  else if (b == tag16 + 1) n = big_endian_at<uint32_t>(1), p_ += 5;
  else wrong_type();
  return n;
}

uint32_t MsgpackReader::read_map() { return read_container(0x80, 0xde); }
uint32_t MsgpackReader::read_array() { return read_container(0x90, 0xdc); }

std::string_view MsgpackReader::read_string() {
  uint8_t b = peek();
  size_t header, size;
  if ((b & 0xe0) == 0xa0) header = 1, size = b & 0x1f;
  else if (b == 0xd9 || b == 0xc4) header = 2, size = big_endian_at<uint8_t>(1);
  else if (b == 0xda || b == 0xc5) header = 3, size = big_endian_at<uint16_t>(1);
  else if (b == 0xdb || b == 0xc6) header = 5, size = big_endian_at<uint32_t>(1);
  else wrong_type();
  need(header + size);
  std::string_view s(p_ + header, size);
  p_ += header + size;
  return s;
}

bool MsgpackReader::read_bool() {
  uint8_t b = peek();
  if (b != 0xc2 && b != 0xc3) wrong_type();
  ++p_;
  return b == 0xc3;
}

uint64_t MsgpackReader::read_unsigned() {
  if (peek() == 0xcf) {
    uint64_t v = big_endian_at<uint64_t>(1);
    p_ += 9;
    return v;
  }
  // msgpack-cxx reads a non-negative value in a signed encoding as a positive integer.
  int64_t i = read_signed();
  if (i < 0) wrong_type();
  return static_cast<uint64_t>(i);
}

int64_t MsgpackReader::read_signed() {
  uint8_t b = peek();
  int64_t v;
  size_t size;
  if (b <= 0x7f) v = b, size = 1;
  else if (b >= 0xe0) v = static_cast<int8_t>(b), size = 1;
  else if (b == 0xd0) v = big_endian_at<int8_t>(1), size = 2;
  else if (b == 0xd1) v = big_endian_at<int16_t>(1), size = 3;
  else if (b == 0xd2) v = big_endian_at<int32_t>(1), size = 5;
  else if (b == 0xd3) v = big_endian_at<int64_t>(1), size = 9;
  else if (b == 0xcc) v = big_endian_at<uint8_t>(1), size = 2;
  else if (b == 0xcd) v = big_endian_at<uint16_t>(1), size = 3;
  else if (b == 0xce) v = big_endian_at<uint32_t>(1), size = 5;
  else if (b == 0xcf) {
    uint64_t u = big_endian_at<uint64_t>(1);
    if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) wrong_type();
    v = static_cast<int64_t>(u), size = 9;
  } else {
    wrong_type();
  }
  p_ += size;
  return v;
}

double MsgpackReader::read_double() {
  uint8_t b = peek();
  if (b == 0xca) {
    float f = big_endian_at<float>(1);
    p_ += 5;
    return f;
  }
  if (b == 0xcb) {
    double d = big_endian_at<double>(1);
    p_ += 9;
    return d;
  }
  if (b == 0xcf) {
    uint64_t u = big_endian_at<uint64_t>(1);
    p_ += 9;
    return static_cast<double>(u);
  }
  return static_cast<double>(read_signed());
}

std::string_view MsgpackReader::skip() {
  const char* start = p_;
  uint64_t values = 1;  // still to pass over; a map's pair counts twice
  while (values > 0) {
    --values;
    uint8_t b = peek();
    size_t header = 1, size = 0;
    if (b <= 0x7f || b >= 0xe0 || b == 0xc0 || b == 0xc2 || b == 0xc3) {
    } else if ((b & 0xe0) == 0xa0) {
      size = b & 0x1f;
    } else if ((b & 0xf0) == 0x90 || (b & 0xf0) == 0x80) {
      values += static_cast<uint64_t>(b & 0x0f) * ((b & 0xf0) == 0x80 ? 2 : 1);
    } else {
      switch (b) {
        case 0xcc: case 0xd0: header = 2; break;
        case 0xcd: case 0xd1: header = 3; break;
        case 0xca: case 0xce: case 0xd2: header = 5; break;
        case 0xcb: case 0xcf: case 0xd3: header = 9; break;
        case 0xd4: header = 3; break;  // fixext 1: type, data
        case 0xd5: header = 4; break;
        case 0xd6: header = 6; break;
        case 0xd7: header = 10; break;
        case 0xd8: header = 18; break;
        case 0xc4: case 0xd9: header = 2, size = big_endian_at<uint8_t>(1); break;
        case 0xc5: case 0xda: header = 3, size = big_endian_at<uint16_t>(1); break;
        case 0xc6: case 0xdb: header = 5, size = big_endian_at<uint32_t>(1); break;
        case 0xc7: header = 3, size = big_endian_at<uint8_t>(1); break;  // ext 8: size, type
        case 0xc8: header = 4, size = big_endian_at<uint16_t>(1); break;
        case 0xc9: header = 6, size = big_endian_at<uint32_t>(1); break;
        case 0xdc: header = 3, values += big_endian_at<uint16_t>(1); break;
        case 0xdd: header = 5, values += big_endian_at<uint32_t>(1); break;
        case 0xde: header = 3, values += 2 * uint64_t{big_endian_at<uint16_t>(1)}; break;
        case 0xdf: header = 5, values += 2 * uint64_t{big_endian_at<uint32_t>(1)}; break;
        default: throw MsgpackCorrupt("byte 0xc1 starts no value");
      }
    }
    need(header + size);
    p_ += header + size;
    if (values > left()) throw MsgpackTruncated();  // each value takes a byte at least
  }
  return std::string_view(start, static_cast<size_t>(p_ - start));
}

namespace msgpack_read {

void read(MsgpackReader& r, nlohmann::json& v) {
  std::string_view bytes = r.skip();
  msgpack::object_handle oh = msgpack::unpack(bytes.data(), bytes.size());
  v = msgpack_to_json(oh.get());
}

}  // namespace msgpack_read
}  // namespace bengal
