#pragma once
// bengal-render: turns a shard's bodies, metadata and links into finished pages. Until the
// template engine is wired in, pages use the built-in layout (layout.h).
#include <string>
#include <vector>

#include "model/page.h"
#include "model/site.h"
#include "support/diagnostics.h"

namespace bengal {

// Fills a body's link slots with the resolved links: the page's final content HTML.
std::string fill_slots(const PageBody& body, const std::vector<ResolvedLink>& links);

// Everything one page's layout may show.
struct PageView {
  const Site& site;
  const PageLinks& page;
  const PageMeta* meta;  // null for generated pages
  const std::string& content;  // body HTML, slots filled
  const std::vector<const SectionListing*>& nav;  // from the root section down to the page's own
};

// Renders all pages of a link shard. meta and body are null for the generated-pages shard.
PagesShard render_shard(const Site& site, const LinkShard& links, const MetaShard* meta, const BodyShard* body,
                        Diagnostics& diags);

}  // namespace bengal
