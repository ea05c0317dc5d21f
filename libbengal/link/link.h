#pragma once
// bengal-link: the linker. From every page's metadata it computes URLs, the section tree,
// navigation and resolved references, and splits the result so that no later per-shard step
// needs a table of the whole site (bengal-link(1)).
#include <string>
#include <vector>

#include "model/config.h"
#include "model/page.h"
#include "model/site.h"
#include "link/template_refs.h"
#include "support/diagnostics.h"

namespace bengal {

struct LinkOptions {
  bool drafts = false;        // publish pages with `draft: true`
  bool strict_links = true;   // a broken reference is an error (else a warning)
  std::vector<TemplateRef> template_refs;  // ref("...") calls found in the site's templates
};

struct LinkResult {
  Site site;
  std::vector<LinkShard> shards;  // one per input MetaShard, same order
  LinkShard generated;            // section and home pages that have no source file
  PageTable table;
};

LinkResult link_site(const Config& config, const std::vector<MetaShard>& shards, const LinkOptions& options,
                     Diagnostics& diags);

// "getting-started" -> "Getting started": the title of a page or section that sets none.
std::string title_from_name(std::string_view name);

}  // namespace bengal
