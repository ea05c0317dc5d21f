#pragma once
// bengal-render: turns a shard's bodies, metadata and links into finished pages through the
// theme's templates (theme.h, context.h).
#include <set>
#include <string>
#include <vector>

#include "format/depfile.h"
#include "model/assets.h"
#include "model/page.h"
#include "model/site.h"
#include "render/theme.h"
#include "support/diagnostics.h"

namespace bengal {

// Fills a body's link slots with the resolved links: the page's final content HTML.
std::string fill_slots(const PageBody& body, const std::vector<ResolvedLink>& links);

// Renders all pages of a link shard. meta and body are null for the generated-pages shard.
// A shard's per-page inputs; all null for a shard of generated pages. `text` is needed only
// for index.json and index.txt (Site::json_kinds, txt_kinds).
struct ShardSources {
  const MetaShard* meta = nullptr;
  const BodyShard* body = nullptr;
  const TextShard* text = nullptr;
};

struct RenderedShard {
  PagesShard pages;
  AssetRefsShard asset_refs;  // the local assets each page's HTML references
  FeedsShard feeds;           // Site::full_feeds: feeds with content slots, and content (feeds.h)
};

// Template files read are added to `templates_used` (for the depfile), and so is
// `taxonomies_path` when a template reads site.taxonomies. Template errors are reported at
// their file, line and column; the other pages are still rendered.
RenderedShard render_shard(const Site& site, const LinkShard& links, ShardSources sources, Theme& theme,
                           std::set<std::string>& templates_used, Diagnostics& diags,
                           const std::string& taxonomies_path = "");


}  // namespace bengal
