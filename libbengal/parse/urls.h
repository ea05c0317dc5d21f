#pragma once
// What a link destination written in Markdown points at, and how a relative one becomes
// a site URL.
#include <optional>
#include <string>
#include <string_view>

namespace bengal {

enum class UrlKind {
  kExternal,  // has a scheme ("https:", "mailto:") or starts with '/': left as written
  kLocal,     // no path: "", "#anchor", "?query": left as written
  kPage,      // relative path to a Markdown file: "../guide/a.md#step": an internal link
  kResource,  // any other relative path: "img/x.png", "files/": rewritten to a site URL
};

UrlKind classify_url(std::string_view url);

// The site URL of a relative resource: its path resolved against the page's folder in the
// content tree, under base_path ("/" or "/docs/"); query and fragment are kept. nullopt when
// the path climbs out of the content tree.
//   ("img/x.png", "docs/guide", "/") -> "/docs/guide/img/x.png"
std::optional<std::string> resource_site_url(std::string_view url, std::string_view page_dir,
                                             std::string_view base_path);

}  // namespace bengal
