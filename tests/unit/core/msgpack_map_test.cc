#include "format/msgpack_map.h"

#include <gtest/gtest.h>

#include "format/msgpack_reader.h"
#include "format/pack_buffer.h"

#include "model/assets.h"
#include "model/page.h"
#include "model/site.h"

namespace bengal {
namespace {

template <class T>
struct IsVector : std::false_type {};
template <class T>
struct IsVector<std::vector<T>> : std::true_type {};
template <class T>
struct IsMap : std::false_type {};
template <class V>
struct IsMap<std::map<std::string, V>> : std::true_type {};

// Sets every member of `v`, recursively, to a value unlike its default; `depth` stops the
// recursion of MenuEntry::children.
template <class T>
void fill(T& v, int& n, int depth = 0) {
  ++n;
  if constexpr (std::is_same_v<T, bool>) {
    v = !v;
  } else if constexpr (std::is_integral_v<T>) {
    v = static_cast<T>(std::is_signed_v<T> ? -(n % 100 + 1) : n % 100 + 1);
  } else if constexpr (std::is_same_v<T, std::string>) {
    v = "v" + std::to_string(n);
  } else if constexpr (std::is_same_v<T, nlohmann::json>) {
    v = {{"k", n}, {"list", {n, "x"}}};
  } else if constexpr (IsVector<T>::value) {
    v.resize(depth < 2 ? 2 : 0);
    for (auto& e : v) fill(e, n, depth + 1);
  } else if constexpr (IsMap<T>::value) {
    fill(v["a"], n, depth + 1);
    fill(v["b"], n, depth + 1);
  } else {
    std::apply([&](auto&... m) { (fill(m, n, depth + 1), ...); }, v.bengal_map_members());
  }
}

template <class T>
T filled() {
  T v;
  int n = 0;
  fill(v, n);
  return v;
}

template <class T>
std::string pack(const T& v) {
  msgpack::sbuffer buf;
  msgpack::pack(buf, v);
  return std::string(buf.data(), buf.size());
}

// Through msgpack-cxx's object tree (msgpack_unpack)...
template <class T>
T unpack(const std::string& bytes) {
  return msgpack::unpack(bytes.data(), bytes.size())->as<T>();
}

// ...and straight from the bytes (format/msgpack_reader.h), which must read the same.
template <class T>
T read_direct(const std::string& bytes) {
  MsgpackReader r(bytes);
  T v;
  msgpack_read::read(r, v);
  EXPECT_TRUE(r.at_end());
  return v;
}

// The pairs of a packed map, to rearrange and pack again.
struct Pairs {
  msgpack::object_handle handle;
  std::vector<msgpack::object_kv> kv;

  explicit Pairs(const std::string& bytes) : handle(msgpack::unpack(bytes.data(), bytes.size())) {
    const msgpack::object& o = handle.get();
    kv.assign(o.via.map.ptr, o.via.map.ptr + o.via.map.size);
  }
  msgpack::object map() const {
    msgpack::object o;
    o.type = msgpack::type::MAP;
    o.via.map.size = static_cast<uint32_t>(kv.size());
    o.via.map.ptr = const_cast<msgpack::object_kv*>(kv.data());
    return o;
  }
};

// Every struct of the intermediate files.
using ModelTypes = ::testing::Types<
    SourcePos, FrontMatter, ScannedPage, ScanShard, Heading, OutLink, ImageRef, PageMeta, MetaShard, Slot, PageBody,
    BodyShard, PageText, TextShard, PageRef, ListItem, ChildEntry, TermRef, ResolvedLink, PageLinks, SectionListing,
    LinkShard, SiteSection, MenuEntry, Site, TermEntry, TaxonomyEntry, Taxonomies, PageTableEntry, PageTable,
    OutputFile, PagesShard, FeedSlot, FeedFile, FeedItem, FeedsShard, ManifestEntry, Manifest, AssetEntry, AssetMap,
    AssetRef, PageAssets, AssetRefsShard>;

template <class T>
class MsgpackMapModel : public ::testing::Test {};
TYPED_TEST_SUITE(MsgpackMapModel, ModelTypes);

// The other tests are only as good as fill(): it must change every member.
TYPED_TEST(MsgpackMapModel, FillSetsEveryMember) {
  Pairs full(pack(filled<TypeParam>())), dflt(pack(TypeParam{}));
  ASSERT_EQ(full.kv.size(), dflt.kv.size());
  for (size_t i = 0; i < full.kv.size(); ++i) EXPECT_NE(full.kv[i].val, dflt.kv[i].val) << full.kv[i].key;
}

TYPED_TEST(MsgpackMapModel, WriteRead) {
  std::string bytes = pack(filled<TypeParam>());
  EXPECT_EQ(pack(unpack<TypeParam>(bytes)), bytes);
  EXPECT_EQ(pack(read_direct<TypeParam>(bytes)), bytes);
  // The tools' own stream packs the same bytes as msgpack::sbuffer.
  PackBuffer own;
  msgpack::pack(own, filled<TypeParam>());
  EXPECT_EQ(std::string(own.data(), own.size()), bytes);
}

TYPED_TEST(MsgpackMapModel, KeysInMemberOrder) {
  Pairs p(pack(TypeParam{}));
  ASSERT_EQ(p.kv.size(), TypeParam::bengal_map_names.size());
  for (size_t i = 0; i < p.kv.size(); ++i)
    EXPECT_EQ(p.kv[i].key.as<std::string_view>(), TypeParam::bengal_map_names[i]);
}

TYPED_TEST(MsgpackMapModel, MissingKeyKeepsDefault) {
  std::string bytes = pack(filled<TypeParam>());
  Pairs dflt(pack(TypeParam{}));
  for (size_t i = 0; i < dflt.kv.size(); ++i) {
    Pairs without(bytes), expected(bytes);
    without.kv.erase(without.kv.begin() + static_cast<ptrdiff_t>(i));
    expected.kv[i].val = dflt.kv[i].val;
    EXPECT_EQ(pack(without.map().as<TypeParam>()), pack(expected.map())) << dflt.kv[i].key;
    EXPECT_EQ(pack(read_direct<TypeParam>(pack(without.map()))), pack(expected.map())) << dflt.kv[i].key;
  }
}

TYPED_TEST(MsgpackMapModel, AnyOrderAndUnknownKeys) {
  std::string bytes = pack(filled<TypeParam>());
  Pairs p(bytes);
  std::reverse(p.kv.begin(), p.kv.end());
  // What a newer writer might add, before and after the known keys.
  Pairs extra(pack(nlohmann::json{{"future", {{"nested", {1, 2}}}}, {"zz", "new"}}));
  p.kv.insert(p.kv.begin(), extra.kv[0]);
  p.kv.push_back(extra.kv[1]);
  EXPECT_EQ(pack(p.map().as<TypeParam>()), bytes);
  EXPECT_EQ(pack(read_direct<TypeParam>(pack(p.map()))), bytes);
}

// The same members packed by msgpack-cxx's MSGPACK_DEFINE_MAP and by BENGAL_DEFINE_MAP.
struct TwinFields {
  std::string text;
  bool flag = false;
  uint8_t small = 0;
  uint32_t count = 0;
  int64_t weight = 0;
  std::vector<std::string> list;
  std::map<std::string, SourcePos> positions;
  nlohmann::json params;
  SourcePos pos;
};
struct OldTwin : TwinFields {
  MSGPACK_DEFINE_MAP(text, flag, small, count, weight, list, positions, params, pos);
};
struct NewTwin : TwinFields {
  BENGAL_DEFINE_MAP(text, flag, small, count, weight, list, positions, params, pos);
};

TEST(MsgpackMap, PacksLikeMsgpackDefineMap) {
  NewTwin now = filled<NewTwin>();
  OldTwin old;
  static_cast<TwinFields&>(old) = now;
  EXPECT_EQ(pack(now), pack(old));
  EXPECT_EQ(pack(NewTwin{}), pack(OldTwin{}));
  // Values at the edges of msgpack's encodings.
  now.text.assign(300, 'x');
  now.small = 255;
  now.count = 70000;
  now.weight = -200;
  static_cast<TwinFields&>(old) = now;
  EXPECT_EQ(pack(now), pack(old));
}

TEST(MsgpackMap, NamesFromTheMacroArguments) {
  EXPECT_EQ(msgpack_map::count_names("a"), 1u);
  auto names = msgpack_map::split_names<3>("a,  bb ,c");
  EXPECT_EQ(names[0], "a");
  EXPECT_EQ(names[1], "bb");
  EXPECT_EQ(names[2], "c");
}

// The error of both readers, which must agree.
static std::string map_error(const std::string& bytes) {
  std::string tree = "no error", direct = "no error";
  try {
    unpack<ScanShard>(bytes);
  } catch (const MapError& e) {
    tree = e.what();
  }
  try {
    MsgpackReader r(bytes);
    ScanShard shard;
    msgpack_read::read(r, shard);
  } catch (const MapError& e) {
    direct = e.what();
  }
  EXPECT_EQ(direct, tree);
  return tree;
}

TEST(MsgpackMap, WrongTypeNamesThePath) {
  nlohmann::json page = {{"front", {{"weight", "heavy"}}}};
  EXPECT_EQ(map_error(pack(nlohmann::json{{"pages", {page}}})), "pages.front.weight: wrong type");
  EXPECT_EQ(map_error(pack(nlohmann::json{{"pages", 1}})), "pages: wrong type");
  EXPECT_EQ(map_error(pack(nlohmann::json{{"pages", {1}}})), "pages: not a map");
  EXPECT_EQ(map_error(pack(nlohmann::json::array())), "not a map");
}

TEST(MsgpackMap, KeyNotAStringOrGivenTwice) {
  msgpack::sbuffer buf;
  msgpack::packer<msgpack::sbuffer> pk(buf);
  pk.pack_map(1).pack(1).pack_array(0);
  EXPECT_EQ(map_error(std::string(buf.data(), buf.size())), "a key is not a string");
  buf.clear();
  pk.pack_map(2).pack("pages").pack_array(0).pack("pages").pack_array(0);
  EXPECT_EQ(map_error(std::string(buf.data(), buf.size())), "pages: given twice");
}

// Writes of every short size (the copies without memcpy) and long ones, across growth.
TEST(PackBuffer, HoldsWhatWasWrittenInOrder) {
  PackBuffer buf;
  std::string expected, source;
  for (int i = 0; i < 70000; ++i) source += static_cast<char>('a' + i % 26);
  for (size_t n = 0; n <= 40; ++n) {
    buf.write(source.data() + n, n);
    expected.append(source.data() + n, n);
  }
  buf.write(source.data(), source.size());
  expected += source;
  for (size_t n = 0; n < 5000; ++n) {
    buf.write(source.data() + n % 17, n % 13);
    expected.append(source.data() + n % 17, n % 13);
  }
  EXPECT_EQ(std::string(buf.data(), buf.size()), expected);
  PackBuffer moved(std::move(buf));
  EXPECT_EQ(std::string(moved.data(), moved.size()), expected);
  EXPECT_EQ(buf.size(), 0u);
}

// Values at the edges of every encoding, into members of every width: the direct reader
// takes what msgpack-cxx takes, and refuses what it refuses.
TEST(MsgpackReader, IntegersFitTheirMemberOrAreTheWrongType) {
  const std::vector<nlohmann::json> values = {0, 1, 127, 128, 255, 256, 65535, 65536, 4294967295u, 4294967296u,
                                              std::numeric_limits<uint64_t>::max(), -1, -32, -33, -128, -129,
                                              -32768, -32769, -2147483648LL, -2147483649LL,
                                              std::numeric_limits<int64_t>::min(), 1.5, true, "7"};
  auto same = [&](auto member) {
    using T = decltype(member);
    for (const nlohmann::json& value : values) {
      std::string bytes = pack(value);
      std::string tree, direct;
      try {
        tree = std::to_string(msgpack::unpack(bytes.data(), bytes.size())->as<T>());
      } catch (const msgpack::type_error&) {
        tree = "wrong type";
      }
      try {
        MsgpackReader r(bytes);
        T v;
        msgpack_read::read(r, v);
        direct = std::to_string(v);
      } catch (const MapError&) {
        direct = "wrong type";
      }
      EXPECT_EQ(direct, tree) << value.dump() << " into " << typeid(T).name();
    }
  };
  same(uint8_t{}), same(uint16_t{}), same(uint32_t{}), same(uint64_t{});
  same(int8_t{}), same(int16_t{}), same(int32_t{}), same(int64_t{}), same(double{});
}

TEST(MsgpackReader, SkipsEveryKindOfValue) {
  msgpack::sbuffer buf;
  msgpack::packer<msgpack::sbuffer> pk(buf);
  pk.pack_map(9);
  pk.pack("a").pack_nil();
  pk.pack("b").pack(3.25f);
  pk.pack("c").pack(-1e300);
  pk.pack("d").pack_bin(3).pack_bin_body("xyz", 3);
  pk.pack("e").pack_ext(1, 7).pack_ext_body("q", 1);
  pk.pack("f").pack_ext(20, 7).pack_ext_body("01234567890123456789", 20);
  pk.pack("g").pack(std::string(70000, 'l'));
  pk.pack("h").pack_array(2).pack_map(1).pack("k").pack_array(0).pack(uint64_t{1} << 40);
  pk.pack("pages").pack_array(0);
  std::string bytes(buf.data(), buf.size());
  EXPECT_EQ(pack(read_direct<ScanShard>(bytes)), pack(ScanShard{}));
  // Every shorter prefix is truncated, never read past its end.
  for (size_t n = 0; n < bytes.size(); n += n < 200 ? 1 : 997) {
    MsgpackReader r(std::string_view(bytes).substr(0, n));
    ScanShard shard;
    EXPECT_THROW(msgpack_read::read(r, shard), MsgpackTruncated) << n;
  }
}

TEST(MsgpackReader, CountsTheBytesCannotHoldAreTruncated) {
  std::string huge_array = "\x81\xa5pages\xdd\xff\xff\xff\xff";  // 4 billion pages, no bytes
  MsgpackReader r(huge_array);
  ScanShard shard;
  EXPECT_THROW(msgpack_read::read(r, shard), MsgpackTruncated);
  std::string huge_skip = "\x81\xa7unknown\xdf\xff\xff\xff\xff";
  MsgpackReader s(huge_skip);
  EXPECT_THROW(msgpack_read::read(s, shard), MsgpackTruncated);
  std::string never_used = "\x81\xa7unknown\xc1";
  MsgpackReader t(never_used);
  EXPECT_THROW(msgpack_read::read(t, shard), MsgpackCorrupt);
}

}  // namespace
}  // namespace bengal
