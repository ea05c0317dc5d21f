#include "format/msgpack_map.h"

#include <gtest/gtest.h>

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

template <class T>
T unpack(const std::string& bytes) {
  return msgpack::unpack(bytes.data(), bytes.size())->as<T>();
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

static std::string map_error(const std::string& bytes) {
  try {
    unpack<ScanShard>(bytes);
  } catch (const MapError& e) {
    return e.what();
  }
  return "no error";
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

}  // namespace
}  // namespace bengal
