// sitemap.xml (sitemaps.org protocol 0.9), split into a sitemap index past max_urls URLs.
#include <algorithm>

#include "index/index.h"
#include "model/front_matter.h"
#include "support/hash.h"
#include "support/text.h"

namespace bengal {

namespace {

constexpr const char* kXmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
constexpr const char* kNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

std::string loc(const Config& config, const std::string& url_path) {
  return xml_escape(percent_encode_url(absolute_url(config, url_path)));
}

// W3C datetime: dates are normalized by bengal-scan to "YYYY-MM-DD" or
// "YYYY-MM-DDThh:mm:ss" plus "Z" or an offset, which is the form sitemaps want.
const std::string& modified(const PageTableEntry& p) { return p.lastmod.empty() ? p.date : p.lastmod; }

std::string urlset(const Config& config, const std::vector<const PageTableEntry*>& pages, size_t begin, size_t end) {
  std::string out = std::string(kXmlDeclaration) + "<urlset xmlns=\"" + kNamespace + "\">\n";
  for (size_t i = begin; i < end; ++i) {
    out += "  <url>\n    <loc>" + loc(config, pages[i]->url) + "</loc>\n";
    if (!modified(*pages[i]).empty()) out += "    <lastmod>" + xml_escape(modified(*pages[i])) + "</lastmod>\n";
    out += "  </url>\n";
  }
  return out + "</urlset>\n";
}

// The newest of the pages' dates, as that page wrote it ("" when none has one); the first
// of equal times wins, so the choice is stable.
std::string newest(const std::vector<const PageTableEntry*>& pages, size_t begin, size_t end) {
  const std::string* best = nullptr;
  int64_t best_time = 0;
  for (size_t i = begin; i < end; ++i) {
    const std::string& m = modified(*pages[i]);
    if (m.empty()) continue;
    int64_t t = unix_time_of(m);
    if (best == nullptr || t > best_time) {
      best = &m;
      best_time = t;
    }
  }
  return best ? *best : std::string();
}

OutputFile file(std::string path, std::string bytes) {
  std::string hash = hash_hex(bytes);
  return {std::move(path), std::move(hash), std::move(bytes)};
}

}  // namespace

std::vector<OutputFile> render_sitemaps(const Config& config, const PageTable& table, size_t max_urls) {
  max_urls = std::max<size_t>(max_urls, 1);
  std::vector<const PageTableEntry*> pages;  // the table is sorted by URL: so is this
  for (const PageTableEntry& p : table.pages)
    if (p.sitemap) pages.push_back(&p);
  if (pages.size() <= max_urls) return {file(kSitemapFile, urlset(config, pages, 0, pages.size()))};

  std::vector<OutputFile> files;
  std::string index = std::string(kXmlDeclaration) + "<sitemapindex xmlns=\"" + kNamespace + "\">\n";
  for (size_t begin = 0, n = 1; begin < pages.size(); begin += max_urls, ++n) {
    size_t end = std::min(pages.size(), begin + max_urls);
    std::string name = sitemap_part_file(n);
    index += "  <sitemap>\n    <loc>" + loc(config, config.base_path() + name) + "</loc>\n";
    std::string lastmod = newest(pages, begin, end);
    if (!lastmod.empty()) index += "    <lastmod>" + xml_escape(lastmod) + "</lastmod>\n";
    index += "  </sitemap>\n";
    files.push_back(file(name, urlset(config, pages, begin, end)));
  }
  index += "</sitemapindex>\n";
  files.push_back(file(kSitemapFile, std::move(index)));
  std::sort(files.begin(), files.end(), [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  return files;
}

}  // namespace bengal
