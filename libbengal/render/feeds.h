#pragma once
// [feeds] content = "full": feeds whose entries carry each page's content, without a render
// shard ever reading another shard's bodies (model/site.h, FeedsShard):
//   1. a list page's shard renders its rss.xml and atom.xml with `item.content` set to a slot
//      marker, and cuts the result at the markers (a FeedFile);
//   2. the shard of each page some feed lists gives that page's content (a FeedItem), with its
//      URLs made absolute, as feed readers need;
//   3. one site-wide step (bengal-render --fill-feeds) fills every slot: string splicing, no
//      templates, so it stays cheap however many feeds the site has.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/site.h"

namespace bengal {

// The value `item.content` has while a feed template renders entry `index`. It is not valid
// XML (U+001F), so it cannot be in a feed by chance; printed as is or HTML-escaped, it is
// found again in the output and says which of the two the template did.
std::string feed_slot_marker(size_t index);

// Cuts a rendered feed at its slot markers; `feed` is the list page's page.feed, whose entry
// a marker names. Empty when a marker was changed (a filter applied to item.content), with
// the reason in `error`.
std::optional<FeedFile> cut_feed(std::string path, std::string_view text, const std::vector<ChildEntry>& feed,
                                 std::string& error);

// A page's content for a feed: every URL in an href or src attribute that is root-relative
// ("/a/b/"), relative ("photo.jpg", "../x/") or a fragment ("#intro") made absolute with the
// site's baseurl, against `page_url`. URLs with a scheme or a host are kept. A baseurl without
// a host leaves them site-absolute ("/blog/a/photo.jpg").
std::string absolute_urls_in(std::string_view html, const Site& site, const std::string& page_url);

// Step 3: every feed of every shard with its slots filled, as a pages file for bengal-emit.
// A slot whose page no shard gave is a stale intermediate (Failure kExitBadIntermediate).
PagesShard fill_feeds(const std::vector<FeedsShard>& shards);

}  // namespace bengal
