#pragma once
// Page tables and configs for the bengal-index tests.
#include <string>
#include <vector>

#include "index/index.h"

namespace bengal::testing {

inline Config config_with(const std::string& baseurl) {
  Config c;
  c.baseurl = baseurl;
  return c;
}

// A page of the table: with a source when `rel` is given, else a generated section page.
inline PageTableEntry entry(const std::string& url, const std::string& rel = "", const std::string& date = "",
                            const std::string& lastmod = "") {
  PageTableEntry e;
  e.url = url;
  e.rel = rel;
  e.source = rel.empty() ? "" : "content/" + rel;
  e.kind = rel.empty() ? kKindSection : kKindPage;
  e.title = "T " + url;
  e.date = date;
  e.lastmod = lastmod;
  return e;
}

inline PageTableEntry entry_of_kind(const char* kind, const std::string& url, const std::string& section,
                                    const std::string& title, const std::string& description = "",
                                    const std::string& rel = "") {
  PageTableEntry e;
  e.kind = kind;
  e.url = url;
  e.section = section;
  e.title = title;
  e.description = description;
  e.rel = rel;
  e.source = rel.empty() ? "" : "content/" + rel;
  return e;
}

inline PageTable table(std::vector<PageTableEntry> entries) {
  PageTable t;
  t.pages = std::move(entries);
  return t;
}

inline std::vector<std::string> paths_of(const std::vector<OutputFile>& files) {
  std::vector<std::string> out;
  for (const OutputFile& f : files) out.push_back(f.path);
  return out;
}

}  // namespace bengal::testing
