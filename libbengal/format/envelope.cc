#include "format/envelope.h"

#include <array>

#include "bengal/version.h"

namespace bengal {

static const std::array<KindInfo, 13> kKinds = {{
    {Kind::kScan, "scan", 1, 1},
    {Kind::kMeta, "meta", 2, 2},
    {Kind::kBody, "body", 2, 2},
    {Kind::kText, "text", 2, 2},
    {Kind::kLink, "link", 1, 1},
    {Kind::kSite, "site", 1, 1},
    {Kind::kPageTable, "pagetable", 1, 1},
    {Kind::kPages, "pages", 1, 1},
    {Kind::kManifest, "manifest", 1, 1},
    {Kind::kTaxonomies, "taxonomies", 1, 1},
    {Kind::kAssets, "assets", 1, 1},
    {Kind::kAssetRefs, "assetrefs", 1, 1},
    {Kind::kFeeds, "feeds", 1, 1},
}};

const KindInfo& kind_info(Kind kind) {
  for (const KindInfo& k : kKinds)
    if (k.kind == kind) return k;
  throw Failure(kExitInternal, "unknown intermediate kind");
}

std::string producer_of(std::string_view tool) { return std::string(tool) + " " + kVersion; }

// Strings and binaries in the decoded tree point into the file's bytes instead of being
// copied into the zone: the bodies are then copied once, into the structs.
static bool reference_bytes(msgpack::type::object_type, size_t, void*) { return true; }

static Failure bad(const std::string& path, const std::string& what) {
  return Failure(kExitBadIntermediate, path + ": " + what);
}

// The bytes every envelope starts with: array of 5, then the magic as a fixstr.
static std::string envelope_prefix() {
  std::string p;
  p += static_cast<char>(0x95);
  p += static_cast<char>(0xa0 | kEnvelopeMagic.size());
  p.append(kEnvelopeMagic);
  return p;
}

static void check_signature(std::string_view bytes, const std::string& path) {
  static const std::string prefix = envelope_prefix();
  if (bytes.empty()) throw bad(path, "empty file, not a Bengal intermediate; delete it and rebuild");
  if (bytes.substr(0, prefix.size()) != prefix)
    throw bad(path, "not a Bengal intermediate file (bad signature); delete it and rebuild");
}

// The kind and schema checks, in the order bengal-intermediate(5) gives.
static void check_kind(const std::string& kind, int schema, const std::string& producer, const std::string& path,
                       const Kind* expected_kind) {
  const KindInfo* info = nullptr;
  for (const KindInfo& k : kKinds)
    if (k.name == kind) info = &k;
  if (info == nullptr) throw bad(path, "unknown intermediate kind '" + kind + "'; delete it and rebuild");
  if (expected_kind != nullptr && info->kind != *expected_kind)
    throw bad(path, "expected a " + std::string(kind_info(*expected_kind).name) + " file, found a " + kind +
                        " file; check the command's arguments");
  if (schema < info->oldest_schema)
    throw bad(path, kind + " schema " + std::to_string(schema) + " from '" + producer +
                        "' is too old (this Bengal reads " + std::to_string(info->oldest_schema) + " to " +
                        std::to_string(info->current_schema) + "); delete .bengal/ and rebuild");
  if (schema > info->current_schema)
    throw bad(path, kind + " schema " + std::to_string(schema) + " from '" + producer +
                        "' is newer than this Bengal reads (" + std::to_string(info->current_schema) +
                        "); rebuild with this version or upgrade Bengal");
}

Failure truncated_intermediate(const std::string& path) {
  return bad(path, "truncated intermediate file; delete it and rebuild");
}

Failure corrupt_intermediate(const std::string& path, const std::string& why) {
  return bad(path, "corrupt intermediate file (" + why + "); delete it and rebuild");
}

Failure trailing_bytes(const std::string& path) {
  return bad(path, "trailing bytes after the intermediate; delete it and rebuild");
}

Envelope open_envelope(std::string_view bytes, const std::string& path, const Kind* expected_kind) {
  check_signature(bytes, path);
  Envelope env;
  size_t offset = 0;
  try {
    env.handle = msgpack::unpack(bytes.data(), bytes.size(), offset, reference_bytes);
  } catch (const msgpack::insufficient_bytes&) {
    throw truncated_intermediate(path);
  } catch (const std::exception& e) {
    throw corrupt_intermediate(path, e.what());
  }
  if (offset != bytes.size()) throw trailing_bytes(path);

  const msgpack::object& root = env.handle.get();
  const msgpack::object* f = root.via.array.ptr;
  if (root.type != msgpack::type::ARRAY || root.via.array.size != 5 || f[1].type != msgpack::type::STR ||
      f[2].type != msgpack::type::POSITIVE_INTEGER || f[3].type != msgpack::type::STR)
    throw bad(path, "corrupt intermediate header; delete it and rebuild");
  env.kind.assign(f[1].via.str.ptr, f[1].via.str.size);
  env.schema = static_cast<int>(f[2].via.u64);
  env.producer.assign(f[3].via.str.ptr, f[3].via.str.size);
  env.body = f[4];
  check_kind(env.kind, env.schema, env.producer, path, expected_kind);
  if (env.body.type != msgpack::type::MAP) throw bad(path, "corrupt intermediate body; delete it and rebuild");
  return env;
}

MsgpackReader open_envelope_reader(std::string_view bytes, const std::string& path, Kind expected_kind) {
  check_signature(bytes, path);
  MsgpackReader r(bytes);
  std::string kind, producer;
  uint64_t schema = 0;
  try {
    if (r.read_array() != 5) throw MapError("", "header");
    r.read_string();  // the magic, checked above
    if (!r.next_is_str()) throw MapError("", "header");
    kind = r.read_string();
    schema = r.read_unsigned();  // a non-negative integer, or MapError
    if (!r.next_is_str()) throw MapError("", "header");
    producer = r.read_string();
  } catch (const MsgpackTruncated&) {
    throw truncated_intermediate(path);
  } catch (const MapError&) {
    throw bad(path, "corrupt intermediate header; delete it and rebuild");
  }
  check_kind(kind, static_cast<int>(std::min<uint64_t>(schema, 1u << 30)), producer, path, &expected_kind);
  try {
    if (!r.next_is_map()) throw bad(path, "corrupt intermediate body; delete it and rebuild");
  } catch (const MsgpackTruncated&) {
    throw truncated_intermediate(path);
  }
  return r;
}

std::string read_intermediate_bytes(Kind kind, const std::string& path) {
  if (!file_exists(path))
    throw bad(path, "missing " + std::string(kind_info(kind).name) +
                        " file; run the step that produces it first (or run ninja)");
  return read_file(path);
}

}  // namespace bengal
