// llms.txt and llms-full.txt (https://llmstxt.org/): the site's pages as Markdown link lists
// and as plain text, for language models.
#include <unordered_map>

#include "index/index.h"
#include "support/text.h"

namespace bengal {

namespace {

// Markdown link text: the characters that would end or nest the link are escaped.
std::string link_text(std::string_view text) {
  std::string out;
  for (char c : collapse_whitespace(text)) {
    if (c == '\\' || c == '[' || c == ']') out += '\\';
    out += c;
  }
  return out;
}

// A Markdown link destination: absolute and percent-encoded, parentheses too (an unbalanced
// one would end the link).
std::string link_url(const Config& config, const std::string& url_path) {
  std::string out;
  for (char c : percent_encode_url(absolute_url(config, url_path))) {
    if (c == '(') out += "%28";
    else if (c == ')') out += "%29";
    else out += c;
  }
  return out;
}

// "posts/walks" -> "posts"; "" stays "".
std::string top_key(const std::string& section) { return section.substr(0, section.find('/')); }

}  // namespace

// "# Title", then "> description" when the site or its home page has one.
std::string llms_header(const Config& config, const std::vector<std::string_view>& home_descriptions) {
  std::string description = collapse_whitespace(config.description);
  for (std::string_view d : home_descriptions)
    if (description.empty()) description = collapse_whitespace(d);
  std::string out = "# " + collapse_whitespace(config.title) + "\n";
  if (!description.empty()) out += "\n> " + description + "\n";
  return out;
}

namespace {

std::string link_line(const Config& config, const PageTableEntry& p) {
  std::string line = "- [" + link_text(p.title) + "](" + link_url(config, p.url) + ")";
  std::string description = collapse_whitespace(p.description);
  return line + (description.empty() ? "" : ": " + description) + "\n";
}

}  // namespace

std::string render_llms(const Config& config, const PageTable& table) {
  // Top-level sections in the order their first page comes in the table (URL order), each
  // with its section and content pages; content pages at the root go under "Pages".
  struct Group {
    std::string title;
    std::vector<const PageTableEntry*> pages;
  };
  std::vector<std::string> order;
  std::unordered_map<std::string, Group> groups;
  for (const PageTableEntry& p : table.pages) {
    bool listed = p.kind == kKindPage || (p.kind == kKindSection && !p.section.empty());
    if (!listed) continue;
    std::string key = top_key(p.section);
    auto [it, added] = groups.try_emplace(key);
    if (added && !key.empty()) order.push_back(key);
    if (p.kind == kKindSection && p.section == key) it->second.title = p.title;
    it->second.pages.push_back(&p);
  }
  std::string out = llms_header(config, table);
  auto section = [&](const std::string& title, const Group& g) {
    out += "\n## " + collapse_whitespace(title) + "\n\n";
    for (const PageTableEntry* p : g.pages) out += link_line(config, *p);
  };
  for (const std::string& key : order) {
    const Group& g = groups.at(key);
    section(g.title.empty() ? key : g.title, g);
  }
  if (auto root = groups.find(""); root != groups.end()) section("Pages", root->second);
  return out;
}

void append_llms_full_section(std::string& out, const Config& config, std::string_view title, std::string_view url,
                              std::string_view text) {
  out.append("\n---\n\n## ").append(collapse_whitespace(title)).append("\n\nURL: ").append(link_url(config, std::string(url)));
  out += '\n';
  text = trim(text);
  if (!text.empty()) out.append("\n").append(text).append("\n");
}

std::string render_llms_full(const Config& config, const PageTable& table, const std::vector<TextShard>& texts) {
  std::unordered_map<std::string_view, const std::string*> text_of;
  for (const TextShard& s : texts)
    for (const PageText& t : s.pages) text_of[t.rel] = &t.text;
  std::string out = llms_header(config, table);
  for (const PageTableEntry& p : table.pages) {
    if (!in_llms_full(p)) continue;
    auto t = text_of.find(p.rel);
    append_llms_full_section(out, config, p.title, p.url, t == text_of.end() ? std::string_view() : *t->second);
  }
  return out;
}

}  // namespace bengal
