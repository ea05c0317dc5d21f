#pragma once
// The local assets a rendered page references: img src and srcset, source src and srcset,
// script src, link href, video poster and src, audio and track src. Collected in the same
// render step (one forward pass over the page's HTML, no DOM), written per shard for
// bengal-index's asset check and map.
#include <string>
#include <string_view>
#include <vector>

namespace bengal {

// Site-absolute, percent-decoded URL paths without query or fragment ("/img/a b.png"),
// sorted and unique. Relative URLs are resolved against `page_url` ("/guide/intro/");
// external (scheme:, //host), data: and fragment-only URLs are left out.
std::vector<std::string> local_asset_urls(std::string_view html, std::string_view page_url);

// One URL the same way: "" when it is not local.
std::string local_asset_url(std::string_view url, std::string_view page_url);

}  // namespace bengal
