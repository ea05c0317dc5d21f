#pragma once
// The envelope every intermediate file shares (bengal-intermediate(5)):
//
//   msgpack array [ "bengal-ir", kind, schema, producer, body ]
//
// `kind` names the format ("scan", "meta", ...), `schema` is its integer version, `producer`
// is "tool version" and `body` a map with string keys, so readers skip keys they do not
// know. A reader checks, in order: signature, header, kind, schema range, then decodes the
// body and checks that nothing follows it (bengal-dump's open_envelope() decodes the whole
// file first). Each failure is a Failure(kExitBadIntermediate) whose message says how to
// recover.
#include <msgpack.hpp>
#include <string>
#include <string_view>

#include "format/json_msgpack.h"
#include "format/msgpack_reader.h"
#include "format/pack_buffer.h"
#include "support/failure.h"
#include "support/fs.h"

namespace bengal {

inline constexpr std::string_view kEnvelopeMagic = "bengal-ir";

enum class Kind { kScan, kMeta, kBody, kText, kLink, kSite, kPageTable, kPages, kManifest, kTaxonomies, kAssets, kAssetRefs, kFeeds };

struct KindInfo {
  Kind kind;
  std::string_view name;
  int oldest_schema;   // oldest schema this build can still read
  int current_schema;  // schema this build writes
};

const KindInfo& kind_info(Kind kind);

// "bengal-scan 0.1.0": the producer recorded in every envelope a tool writes.
std::string producer_of(std::string_view tool);

// Packs an envelope around a body that msgpack-cxx can pack, into the buffer it was packed
// in: a large file is then held once (the buffer grows by realloc, which moves no bytes).
template <class Body>
PackBuffer encode_intermediate_buffer(Kind kind, std::string_view producer, const Body& body) {
  const KindInfo& info = kind_info(kind);
  PackBuffer buf;
  msgpack::packer<PackBuffer> pk(buf);
  pk.pack_array(5);
  pk.pack(kEnvelopeMagic);
  pk.pack(info.name);
  pk.pack(info.current_schema);
  pk.pack(producer);
  pk.pack(body);
  return buf;
}

// The same, as a string.
template <class Body>
std::string encode_intermediate(Kind kind, std::string_view producer, const Body& body) {
  PackBuffer buf = encode_intermediate_buffer(kind, producer, body);
  return std::string(buf.data(), buf.size());
}

// A decoded envelope; `body` points into `handle`'s zone and into the bytes it was decoded
// from, which must outlive it.
struct Envelope {
  std::string kind;
  int schema = 0;
  std::string producer;
  msgpack::object_handle handle;
  msgpack::object body;
};

// Decodes and checks the envelope of `bytes` read from `path` (used in messages).
// expected_kind == nullptr accepts any known kind (bengal-dump).
Envelope open_envelope(std::string_view bytes, const std::string& path, const Kind* expected_kind);

// The same checks, leaving a reader at the body (a map), for decode_intermediate.
MsgpackReader open_envelope_reader(std::string_view bytes, const std::string& path, Kind expected_kind);

// The messages of a file that ends early, holds a byte that starts no value, or goes on
// after the envelope.
Failure truncated_intermediate(const std::string& path);
Failure corrupt_intermediate(const std::string& path, const std::string& why);
Failure trailing_bytes(const std::string& path);

// Checks the envelope of `bytes` read from `path` and decodes the body, straight from the
// bytes (format/msgpack_reader.h); a Body's string_views point into them.
template <class Body>
Body decode_intermediate(Kind kind, std::string_view bytes, const std::string& path) {
  MsgpackReader r = open_envelope_reader(bytes, path, kind);
  Body body;
  try {
    msgpack_read::read(r, body);
  } catch (const MsgpackTruncated&) {
    throw truncated_intermediate(path);
  } catch (const MsgpackCorrupt& e) {
    throw corrupt_intermediate(path, e.what());
  } catch (const std::exception& e) {
    throw Failure(kExitBadIntermediate, path + ": malformed " + std::string(kind_info(kind).name) +
                                            " file (" + e.what() + "); delete it and rebuild");
  }
  if (!r.at_end()) throw trailing_bytes(path);
  return body;
}

template <class Body>
bool write_intermediate(Kind kind, std::string_view producer, const Body& body, const std::string& path) {
  return write_file_if_changed(path, encode_intermediate(kind, producer, body));
}

// Reads an intermediate file from disk; a missing file is a bad intermediate too.
std::string read_intermediate_bytes(Kind kind, const std::string& path);

template <class Body>
Body read_intermediate(Kind kind, const std::string& path) {
  return decode_intermediate<Body>(kind, read_intermediate_bytes(kind, path), path);
}

}  // namespace bengal
