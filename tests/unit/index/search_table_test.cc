// The search step's page table (index/search_table.h): read from msgpack's events, the rows
// decode_intermediate gives; anything else is left to decode_intermediate, and its error.
#include "index/search_table.h"

#include <gtest/gtest.h>

#include <msgpack.hpp>

#include "format/envelope.h"
#include "index_test_util.h"
#include "model/page.h"
#include "model/site.h"
#include "support/failure.h"

namespace bengal::search_state {
namespace {

using bengal::MetaShard;
using bengal::PageTable;
using bengal::PageTableEntry;

PageTable sample() {
  using bengal::testing::entry_of_kind;
  PageTable table;
  table.pages.push_back(entry_of_kind(kKindHome, "/", "", "Home", "The home page.", "_index.md"));
  table.pages.push_back(entry_of_kind(kKindSection, "/docs/", "docs", "Docs", "", "docs/_index.md"));
  table.pages.push_back(entry_of_kind(kKindPage, "/docs/été/", "docs", "Été \"quoted\"", "", "docs/été.md"));
  table.pages.back().aliases = {"/old/", "/older/"};
  table.pages.back().date = "2024-05-01";
  table.pages.push_back(entry_of_kind(kKindTaxonomy, "/tags/", "", "Tags"));
  return table;
}

// A page table envelope of `schema` whose one row is the map `row` writes.
template <class Row>
std::string table_with_row(int schema, const Row& row) {
  msgpack::sbuffer out;
  msgpack::packer<msgpack::sbuffer> pk(out);
  pk.pack_array(5);
  pk.pack(std::string(kEnvelopeMagic));
  pk.pack(std::string("pagetable"));
  pk.pack(schema);
  pk.pack(std::string("test"));
  pk.pack_map(1);
  pk.pack(std::string("pages"));
  pk.pack_array(1);
  row(pk);
  return std::string(out.data(), out.size());
}

std::string decode_error(const std::string& bytes) {
  try {
    decode_intermediate<Table>(Kind::kPageTable, bytes, "t");
  } catch (const Failure& f) {
    return f.what();
  }
  return "";
}

TEST(SearchTable, ReadsTheRowsDecodeIntermediateReads) {
  const PageTable table = sample();
  const std::string bytes = encode_intermediate(Kind::kPageTable, "test", table);
  const std::optional<Table> read = read_table_events(bytes);
  ASSERT_TRUE(read);
  const Table decoded = decode_intermediate<Table>(Kind::kPageTable, bytes, "t");
  ASSERT_EQ(read->pages.size(), table.pages.size());
  ASSERT_EQ(decoded.pages.size(), table.pages.size());
  for (size_t i = 0; i < table.pages.size(); ++i) {
    for (const Table* t : {&*read, &decoded}) {
      const TableRow& r = t->pages[i];
      EXPECT_EQ(r.rel, table.pages[i].rel);
      EXPECT_EQ(r.kind, table.pages[i].kind);
      EXPECT_EQ(r.url, table.pages[i].url);
      EXPECT_EQ(r.title, table.pages[i].title);
      EXPECT_EQ(r.section, table.pages[i].section);
      EXPECT_EQ(r.description, table.pages[i].description);
    }
  }
  EXPECT_TRUE(read_table_events(encode_intermediate(Kind::kPageTable, "test", PageTable())));
}

TEST(SearchTable, LeavesWhatItDoesNotExpectToDecodeIntermediate) {
  const int schema = kind_info(Kind::kPageTable).current_schema;
  const std::string good = encode_intermediate(Kind::kPageTable, "test", sample());
  const std::vector<std::pair<const char*, std::string>> bad = {
      {"another kind", encode_intermediate(Kind::kMeta, "test", MetaShard())},
      {"a newer schema", table_with_row(schema + 1, [](auto& pk) { pk.pack_map(0); })},
      {"a field of another type", table_with_row(schema, [](auto& pk) {
         pk.pack_map(2);
         pk.pack(std::string("rel"));
         pk.pack(std::string("a.md"));
         pk.pack(std::string("title"));
         pk.pack(5);
       })},
      {"a key given twice", table_with_row(schema, [](auto& pk) {
         pk.pack_map(2);
         pk.pack(std::string("url"));
         pk.pack(std::string("/a/"));
         pk.pack(std::string("url"));
         pk.pack(std::string("/b/"));
       })},
      {"a row that is not a map", table_with_row(schema, [](auto& pk) { pk.pack(std::string("row")); })},
      {"trailing bytes", good + "x"},
      {"truncated", good.substr(0, good.size() - 3)},
  };
  for (const auto& [what, bytes] : bad) {
    EXPECT_FALSE(read_table_events(bytes)) << what;
    const std::string error = decode_error(bytes);
    EXPECT_FALSE(error.empty()) << what;
    try {
      read_table(bytes, "t");
      ADD_FAILURE() << what << ": no error";
    } catch (const Failure& f) {
      EXPECT_EQ(f.what(), error) << what;
    }
  }
  // A key the table does not read, of any type, is skipped, as decode_intermediate skips it.
  const std::string extra = table_with_row(schema, [](auto& pk) {
    pk.pack_map(2);
    pk.pack(std::string("weight"));
    pk.pack_map(1);
    pk.pack(std::string("title"));
    pk.pack(7);
    pk.pack(std::string("title"));
    pk.pack(std::string("T"));
  });
  const std::optional<Table> read = read_table_events(extra);
  ASSERT_TRUE(read);
  ASSERT_EQ(read->pages.size(), 1u);
  EXPECT_EQ(read->pages[0].title, "T");
  EXPECT_EQ(decode_error(extra), "");
}

}  // namespace
}  // namespace bengal::search_state
