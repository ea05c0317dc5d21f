#include "format/envelope.h"

#include <gtest/gtest.h>

#include "model/page.h"
#include "model/site.h"

namespace bengal {

static ScanShard sample() {
  ScanShard s;
  ScannedPage p;
  p.source = "content/a.md";
  p.rel = "a.md";
  p.front.title = "Hello";
  p.front.tags = {"x", "y"};
  p.front.params = {{"answer", 42}, {"nested", {{"k", "v"}}}};
  p.body = "# Hi\n";
  p.body_line = 4;
  s.pages.push_back(p);
  return s;
}

static int expect_failure(const std::function<void()>& f, const std::string& fragment) {
  try {
    f();
  } catch (const Failure& e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
    return e.code();
  }
  ADD_FAILURE() << "no failure";
  return -1;
}

TEST(Envelope, WriteRead) {
  std::string bytes = encode_intermediate(Kind::kScan, "bengal-test 1", sample());
  ScanShard back = decode_intermediate<ScanShard>(Kind::kScan, bytes, "x.scan");
  ASSERT_EQ(back.pages.size(), 1u);
  EXPECT_EQ(back.pages[0].front.title, "Hello");
  EXPECT_EQ(back.pages[0].front.tags, (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(back.pages[0].front.params["nested"]["k"], "v");
  EXPECT_EQ(back.pages[0].body_line, 4u);
}

TEST(Envelope, FeedsWriteRead) {
  FeedsShard f;
  f.feeds.push_back({"rss.xml", {"<d>", "</d>"}, {{"/a/", true}}});
  f.items.push_back({"/a/", "<p>A</p>"});
  FeedsShard back = decode_intermediate<FeedsShard>(Kind::kFeeds, encode_intermediate(Kind::kFeeds, "p", f), "x.feeds");
  ASSERT_EQ(back.feeds.size(), 1u);
  EXPECT_EQ(back.feeds[0].parts, (std::vector<std::string>{"<d>", "</d>"}));
  EXPECT_EQ(back.feeds[0].slots[0].url, "/a/");
  EXPECT_TRUE(back.feeds[0].slots[0].escaped);
  ASSERT_EQ(back.items.size(), 1u);
  EXPECT_EQ(back.items[0].html, "<p>A</p>");
  EXPECT_EQ(kind_info(Kind::kFeeds).name, "feeds");
}

TEST(Envelope, BytesAreDeterministic) {
  EXPECT_EQ(encode_intermediate(Kind::kScan, "p", sample()), encode_intermediate(Kind::kScan, "p", sample()));
}

TEST(Envelope, InvalidHeader) {
  EXPECT_EQ(expect_failure([] { decode_intermediate<ScanShard>(Kind::kScan, "{\"json\": 1}", "f"); }, "bad signature"),
            kExitBadIntermediate);
  EXPECT_EQ(expect_failure([] { decode_intermediate<ScanShard>(Kind::kScan, "", "f"); }, "empty file"),
            kExitBadIntermediate);
}

TEST(Envelope, Truncate) {
  std::string bytes = encode_intermediate(Kind::kScan, "p", sample());
  for (size_t cut : {bytes.size() - 1, bytes.size() / 2, size_t(12)}) {
    std::string part = bytes.substr(0, cut);
    EXPECT_EQ(expect_failure([&] { decode_intermediate<ScanShard>(Kind::kScan, part, "f"); }, "truncated"),
              kExitBadIntermediate);
  }
}

// Every cut after the signature, in the header or anywhere in the body, says so.
TEST(Envelope, TruncatedAtEveryByte) {
  std::string bytes = encode_intermediate(Kind::kScan, "p", sample());
  for (size_t cut = 11; cut < bytes.size(); ++cut) {
    std::string part = bytes.substr(0, cut);
    expect_failure([&] { decode_intermediate<ScanShard>(Kind::kScan, part, "f"); }, "truncated intermediate file");
  }
}

TEST(Envelope, AByteThatStartsNoValueIsCorrupt) {
  std::string bytes = encode_intermediate(Kind::kScan, "p", sample());
  // An unknown key, skipped, whose value is the one byte msgpack never uses.
  size_t body = bytes.find("pages") - 2;  // the body's map header, then the "pages" key
  ASSERT_EQ(static_cast<unsigned char>(bytes[body]), 0x81u);
  bytes[body] = static_cast<char>(0x82);
  bytes.insert(body + 1, std::string("\xa1z\xc1", 3));
  expect_failure([&] { decode_intermediate<ScanShard>(Kind::kScan, bytes, "f"); }, "corrupt intermediate file");
}

TEST(Envelope, WrongKind) {
  std::string bytes = encode_intermediate(Kind::kScan, "p", sample());
  expect_failure([&] { decode_intermediate<MetaShard>(Kind::kMeta, bytes, "f"); }, "expected a meta file, found a scan file");
}

TEST(Envelope, ObsoleteOldVersion) {
  std::string bytes = encode_intermediate(Kind::kScan, "p", sample());
  // The schema is the positive fixint right after the kind string.
  size_t at = bytes.find("scan") + 4;
  bytes[at] = 0;  // schema 0: older than any supported
  expect_failure([&] { decode_intermediate<ScanShard>(Kind::kScan, bytes, "f"); }, "too old");
  bytes[at] = 99;
  expect_failure([&] { decode_intermediate<ScanShard>(Kind::kScan, bytes, "f"); }, "newer than this Bengal reads");
}

TEST(Envelope, TrailingGarbage) {
  std::string bytes = encode_intermediate(Kind::kScan, "p", sample()) + "x";
  expect_failure([&] { decode_intermediate<ScanShard>(Kind::kScan, bytes, "f"); }, "trailing bytes");
}

TEST(Envelope, UnknownKeysAreSkipped) {
  // A body with an extra key (as a newer producer of the same schema might write).
  msgpack::sbuffer buf;
  msgpack::packer<msgpack::sbuffer> pk(buf);
  pk.pack_array(5);
  pk.pack(std::string("bengal-ir"));
  pk.pack(std::string("text"));
  pk.pack(2);
  pk.pack(std::string("future"));
  pk.pack_map(2);
  pk.pack(std::string("pages"));
  pk.pack_array(0);
  pk.pack(std::string("shiny_new_key"));
  pk.pack(7);
  TextShard t = decode_intermediate<TextShard>(Kind::kText, std::string(buf.data(), buf.size()), "f");
  EXPECT_TRUE(t.pages.empty());
}

TEST(Envelope, WrongTypeIsMalformed) {
  nlohmann::json body = {{"pages", {{{"front", {{"weight", "heavy"}}}}}}};
  std::string bytes = encode_intermediate(Kind::kScan, "p", body);
  EXPECT_EQ(expect_failure([&] { decode_intermediate<ScanShard>(Kind::kScan, bytes, "f"); },
                           "f: malformed scan file (pages.front.weight: wrong type); delete it and rebuild"),
            kExitBadIntermediate);
}

}  // namespace bengal
