#include "index/search_table.h"

#include <cstdint>

#include "format/envelope.h"

namespace bengal::search_state {
namespace {

// The rows of a page table, read with msgpack's event parser straight from the file's bytes.
// decode_intermediate first builds the file's object tree, which for a 100,000-page table is
// 57 MB, more than the rows and the file together. Anything it does not expect (a bad
// envelope, a field of another type, a key given twice) stops it: the caller then decodes the
// file the usual way, which reports the problem as every tool does.
class TableReader : public msgpack::null_visitor {
 public:
  TableReader(Table& table, const KindInfo& kind) : table_(table), kind_(kind) {}
  bool ok() const { return ok_ && done_; }

  bool visit_str(const char* p, uint32_t n) { return string(std::string_view(p, n), true); }
  bool visit_bin(const char* p, uint32_t n) { return string(std::string_view(p, n), false); }
  bool visit_positive_integer(uint64_t v) {
    if (depth_ == 1 && item_ == 3) return expect(v >= uint64_t(kind_.oldest_schema) && v <= uint64_t(kind_.current_schema));
    return other();
  }
  bool visit_nil() { return other(); }
  bool visit_boolean(bool) { return other(); }
  bool visit_negative_integer(int64_t) { return other(); }
  bool visit_float32(float) { return other(); }
  bool visit_float64(double) { return other(); }
  bool visit_ext(const char*, uint32_t) { return other(); }

  bool start_array(uint32_t n) {
    if (depth_ == 0) {
      if (!expect(n == 5)) return false;
    } else if (depth_ == 2 && in_body_ && !in_key_ && key_ == "pages") {
      if (!expect(!pages_seen_)) return false;
      pages_seen_ = in_pages_ = true;
      table_.pages.reserve(n);
    } else if (!other()) {
      return false;
    }
    ++depth_;
    return true;
  }
  bool start_array_item() {
    if (depth_ == 1) ++item_;
    return true;
  }
  bool end_array() {
    --depth_;
    if (depth_ == 2 && in_pages_) in_pages_ = false;
    if (depth_ == 0) done_ = true;
    return true;
  }
  bool start_map(uint32_t) {
    if (depth_ == 1 && item_ == 5) {
      in_body_ = true;
    } else if (depth_ == 3 && in_pages_) {
      table_.pages.emplace_back();
      in_row_ = true;
      seen_ = 0;
    } else if (!other()) {
      return false;
    }
    ++depth_;
    return true;
  }
  bool start_map_key() {
    if (depth_ == 2 || depth_ == 4) in_key_ = true;
    return true;
  }
  bool end_map_key() {
    if (depth_ == 2 || depth_ == 4) in_key_ = false;
    return true;
  }
  bool end_map() {
    --depth_;
    if (depth_ == 3) in_row_ = false;
    if (depth_ == 1) in_body_ = false;
    return true;
  }

 private:
  // A value the table does not read: fine anywhere but where a string or a row must be.
  bool other() {
    if (depth_ <= 1) return expect(false);  // the envelope and its fields
    if ((depth_ == 2 && in_body_ && in_key_) || (depth_ == 4 && in_row_ && in_key_)) return expect(false);  // a key
    if (depth_ == 3 && in_pages_) return expect(false);  // a row that is not a map
    if (depth_ == 4 && in_row_ && field_ < kFields) return expect(false);  // a field of another type
    return true;
  }
  bool string(std::string_view s, bool is_str) {
    if (depth_ == 1) {
      if (item_ == 1) return expect(is_str && s == kEnvelopeMagic);
      if (item_ == 2) return expect(is_str && s == kind_.name);
      if (item_ == 4) return expect(is_str);  // the producer
      return expect(false);
    }
    if (depth_ == 2 && in_body_ && in_key_) {
      if (!expect(is_str)) return false;
      key_ = s;
    } else if (depth_ == 4 && in_row_ && in_key_) {
      if (!expect(is_str)) return false;
      field_ = kFields;
      for (size_t i = 0; i < kFields; ++i)
        if (TableRow::bengal_map_names[i] == s) field_ = i;
    } else if (depth_ == 4 && in_row_ && field_ < kFields) {
      if (!expect(!(seen_ & (1u << field_)))) return false;
      seen_ |= 1u << field_;
      TableRow& row = table_.pages.back();
      std::string_view* fields[kFields] = {&row.rel, &row.kind, &row.url, &row.title, &row.section, &row.description};
      *fields[field_] = s;
      field_ = kFields;
    } else {
      return other();
    }
    return true;
  }
  bool expect(bool good) {
    ok_ = ok_ && good;
    return good;
  }

  static constexpr size_t kFields = TableRow::bengal_map_names.size();
  Table& table_;
  const KindInfo& kind_;
  int depth_ = 0;           // containers open
  size_t item_ = 0;         // the envelope's field being read, from 1: magic, kind, schema, producer, body
  bool in_body_ = false, in_pages_ = false, in_row_ = false, in_key_ = false, pages_seen_ = false;
  bool ok_ = true, done_ = false;
  std::string_view key_;    // the body's key being read
  size_t field_ = kFields;  // the row's field being read; kFields: one the table does not read
  uint32_t seen_ = 0;       // the row's fields read
};

}  // namespace

std::optional<Table> read_table_events(std::string_view bytes) {
  Table table;
  TableReader reader(table, kind_info(Kind::kPageTable));
  size_t offset = 0;
  if (msgpack::parse(bytes.data(), bytes.size(), offset, reader) && reader.ok() && offset == bytes.size())
    return table;
  return std::nullopt;
}

Table read_table(std::string_view bytes, const std::string& path) {
  if (std::optional<Table> table = read_table_events(bytes)) return std::move(*table);
  return decode_intermediate<Table>(Kind::kPageTable, bytes, path);
}

}  // namespace bengal::search_state
