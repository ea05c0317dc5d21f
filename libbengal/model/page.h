#pragma once
// The per-page records that travel between the steps (bengal-intermediate(5)). Each struct is
// a msgpack map with string keys (format/msgpack_map.h): a reader skips keys it does not know,
// and a missing key keeps its default, so fields can be added without breaking older files of
// the same schema.
#include <cstdint>
#include <map>
#include <msgpack.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "format/json_msgpack.h"
#include "format/msgpack_map.h"

namespace bengal {

// A position in a source file: 1-based line, 1-based byte column; 0 = unknown.
struct SourcePos {
  uint32_t line = 0;
  uint32_t col = 0;
  BENGAL_DEFINE_MAP(line, col);
};

// Front matter, typed. An empty string means "not set".
struct FrontMatter {
  std::string title;
  std::string date;     // ISO 8601, normalized: "2024-05-01" or "2024-05-01T10:00:00Z" / "+02:00"
  std::string lastmod;  // same format as date
  std::string publishdate;  // same format; the page is not published before it (default: date)
  std::string expirydate;   // same format; the page is not published from then on
  bool draft = false;
  int64_t weight = 0;
  std::string slug;  // replaces the last URL segment; never contains '/'
  std::string url;   // replaces the whole URL; "/a/b/", never climbs out with ".."
  std::vector<std::string> aliases;
  std::vector<std::string> tags;
  std::vector<std::string> categories;
  std::string description;
  std::string summary;
  std::string layout;
  std::string id;  // a stable name for [[id:name]] references
  nlohmann::json params = nlohmann::json::object();  // `params:` and every key Bengal does not type
  std::map<std::string, SourcePos> positions;        // where each top-level key was written
  BENGAL_DEFINE_MAP(title, date, lastmod, publishdate, expirydate, draft, weight, slug, url, aliases, tags,
                    categories, description, summary, layout, id, params, positions);
};

// bengal-scan's output for one source page.
struct ScannedPage {
  std::string source;        // site-relative path for diagnostics: "content/docs/intro.md"
  std::string rel;           // content-relative path: "docs/intro.md"
  std::string content_hash;  // xxh3-64 hex of the raw file bytes
  FrontMatter front;
  std::string body;        // Markdown after the front matter; BOM removed, CRLF -> LF
  uint32_t body_line = 1;  // line of the file on which `body` starts
  BENGAL_DEFINE_MAP(source, rel, content_hash, front, body, body_line);
};

struct ScanShard {
  std::vector<ScannedPage> pages;  // sorted by rel
  BENGAL_DEFINE_MAP(pages);
};

struct Heading {
  uint32_t level = 1;
  std::string id;    // unique within the page
  std::string text;  // plain text of the heading
  BENGAL_DEFINE_MAP(level, id, text);
};

enum class LinkKind : uint8_t {
  kMarkdown = 0,  // [text](relative/path.md#anchor)
  kWiki = 1,      // [[path]], [[path#anchor]], [[path|text]]
};

// An internal reference found by bengal-parse, resolved by bengal-link.
struct OutLink {
  std::string target;  // as written, without the "|text" part: "../guide/install.md#step-2"
  uint8_t kind = 0;    // LinkKind
  bool auto_text = false;  // [[path]] with no text: the target page's title is shown
  BENGAL_DEFINE_MAP(target, kind, auto_text);
};

// An image of the page's Markdown: its URL as rendered (site URL or as written) and where.
struct ImageRef {
  std::string url;
  SourcePos pos;
  BENGAL_DEFINE_MAP(url, pos);
};

// bengal-parse's metadata for one page: what other pages and the site-wide steps need, and
// nothing else. bengal-link reads every S.meta, so an edit must change this file only when it
// changes what other pages see: source positions and counts live in PageBody, so adding a line
// or a word to a page leaves S.meta byte-identical and stops the rebuild before bengal-link.
struct PageMeta {
  std::string source;
  std::string rel;
  FrontMatter front;
  std::string summary;  // plain text: front matter summary, or the first paragraph
  std::vector<Heading> headings;  // document order; also the table of contents
  std::vector<OutLink> links;     // document order; links[i] fills the body slots that name i
  BENGAL_DEFINE_MAP(source, rel, front, summary, headings, links);
};

struct MetaShard {
  std::vector<PageMeta> pages;
  BENGAL_DEFINE_MAP(pages);
};

// What bengal-index reads of a meta file: decoded into these, the rest of each PageMeta (the
// other front matter keys, their positions, the links) is skipped, not built and freed.
// The member names are PageMeta's keys.
struct IndexFront {
  std::vector<std::string> tags;
  BENGAL_DEFINE_MAP(tags);
};

struct IndexPageMeta {
  std::string rel;
  IndexFront front;
  std::string summary;
  std::vector<Heading> headings;
  BENGAL_DEFINE_MAP(rel, front, summary, headings);
};

struct IndexMetaShard {
  std::vector<IndexPageMeta> pages;
  BENGAL_DEFINE_MAP(pages);
};

enum class SlotField : uint8_t {
  kHref = 0,   // the resolved URL (with #anchor), attribute-escaped
  kTitle = 1,  // the target page's title, text-escaped
};

struct Slot {
  uint32_t link = 0;  // index into PageMeta::links
  uint8_t field = 0;  // SlotField
  BENGAL_DEFINE_MAP(link, field);
};

// The rendered body: html[0] slot[0] html[1] slot[1] ... html[n]. Every internal link is a
// slot that bengal-link fills, so no step ever scans HTML for references.
//
// It also carries what only the page itself needs from its body, and what moves with every
// edit: the word count, the images (for the asset check) and the source positions of the
// headings and links of its PageMeta (heading_pos[i] is headings[i]'s; bengal-link reads
// link_pos only to place a diagnostic).
struct PageBody {
  std::string rel;
  std::vector<std::string> html;  // slots.size() + 1 parts
  std::vector<Slot> slots;
  uint32_t word_count = 0;
  std::vector<ImageRef> images;  // document order
  std::vector<SourcePos> heading_pos;
  std::vector<SourcePos> link_pos;  // position in the source file (front matter lines included)
  BENGAL_DEFINE_MAP(rel, html, slots, word_count, images, heading_pos, link_pos);
};

struct BodyShard {
  std::vector<PageBody> pages;
  BENGAL_DEFINE_MAP(pages);
};

// Plain text of a page, for search and other text outputs (read only by site-wide steps).
struct PageText {
  std::string rel;
  std::string text;
  // The search terms of the text and how often each occurs, up to the count the search index
  // scores (search_body_terms), so that bengal-index merges them instead of reading every
  // page's words again: "term count" lines, sorted by term. Empty when search is off.
  std::string terms;
  BENGAL_DEFINE_MAP(rel, text, terms);
};

struct TextShard {
  std::vector<PageText> pages;
  BENGAL_DEFINE_MAP(pages);
};

}  // namespace bengal
