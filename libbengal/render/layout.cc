#include "render/layout.h"

#include <algorithm>
#include <vector>

#include "support/text.h"

namespace bengal {
namespace {

// Kept small and inline so a site without a theme is a single request per page.
constexpr const char* kStyle = R"CSS(
:root{--fg:#1f2328;--muted:#59636e;--bg:#fff;--line:#d1d9e0;--accent:#0969da;--code:#f6f8fa}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--line:#3d444d;--accent:#4493f8;--code:#161b22}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 system-ui,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}
a:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem}
header.site{display:flex;gap:1.5rem;align-items:center;padding:.75rem 1.5rem;border-bottom:1px solid var(--line)}
header.site .brand{font-weight:700;text-decoration:none;color:var(--fg)}
header.site ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0}
.layout{display:grid;grid-template-columns:16rem minmax(0,1fr);gap:2rem;max-width:72rem;margin:0 auto;padding:1.5rem}
nav.tree ul{list-style:none;padding-left:1rem;margin:0}nav.tree>ul{padding-left:0}
nav.tree a[aria-current]{font-weight:700;color:var(--fg)}
.breadcrumbs ol{display:flex;flex-wrap:wrap;gap:.25rem;list-style:none;padding:0;margin:0 0 1rem;color:var(--muted);font-size:.9rem}
.breadcrumbs li+li::before{content:"/";margin-right:.25rem}
.toc{border-left:3px solid var(--line);padding-left:1rem;font-size:.95rem}
.toc ul{list-style:none;padding-left:1rem;margin:0}.toc>ul{padding-left:0}
pre{background:var(--code);padding:1rem;overflow:auto;border-radius:6px}
code{font-family:ui-monospace,monospace;font-size:.9em}
table{border-collapse:collapse}th,td{border:1px solid var(--line);padding:.3rem .6rem}
.pager{display:flex;justify-content:space-between;margin-top:2rem;padding-top:1rem;border-top:1px solid var(--line)}
.children dt{font-weight:600}.children dd{margin:0 0 1rem;color:var(--muted)}
footer.site{max-width:72rem;margin:0 auto;padding:1.5rem;color:var(--muted);font-size:.9rem}
@media (max-width:50rem){.layout{grid-template-columns:1fr}nav.tree{order:2}}
@media print{header.site,nav.tree,.pager,.skip{display:none}.layout{display:block}}
)CSS";

void link_to(std::string& out, const std::string& url, const std::string& title, bool current = false) {
  out += "<a href=\"";
  append_html_escaped(out, url);
  out += current ? "\" aria-current=\"page\">" : "\">";
  append_html_escaped(out, title);
  out += "</a>";
}

void head(std::string& out, const PageView& v) {
  out += "<!DOCTYPE html>\n<html lang=\"";
  append_html_escaped(out, v.site.language);
  out += "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  append_html_escaped(out, v.page.kind == std::string(kKindHome) ? v.site.title : v.page.title + " · " + v.site.title);
  out += "</title>\n";
  if (v.meta && !v.meta->front.description.empty()) {
    out += "<meta name=\"description\" content=\"";
    append_html_escaped(out, v.meta->front.description);
    out += "\">\n";
  }
  out += "<meta name=\"generator\" content=\"Bengal\">\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n";
}

void header(std::string& out, const PageView& v) {
  out += "<a class=\"skip\" href=\"#main\">Skip to content</a>\n<header class=\"site\">";
  out += "<a class=\"brand\" href=\"";
  append_html_escaped(out, v.site.base_path);
  out += "\">";
  append_html_escaped(out, v.site.title);
  out += "</a>";
  out += "\n<nav aria-label=\"Sections\"><ul>";
  for (const SiteSection& s : v.site.sections) {
    if (s.depth != 1) continue;
    out += "<li>";
    link_to(out, s.url, s.title);
    out += "</li>";
  }
  out += "</ul></nav>\n</header>\n";
}

// The section tree down the current branch only, so a page's size does not grow with the site.
void tree_level(std::string& out, const PageView& v, size_t depth) {
  if (depth >= v.nav.size()) return;
  out += "<ul>";
  for (const ListItem& item : v.nav[depth]->items) {
    out += "<li>";
    link_to(out, item.url, item.title, item.url == v.page.url);
    if (item.is_section && depth + 1 < v.nav.size() && item.url == v.nav[depth + 1]->url)
      tree_level(out, v, depth + 1);  // the branch that leads to this page: open
    out += "</li>";
  }
  out += "</ul>";
}

void sidebar(std::string& out, const PageView& v) {
  out += "<nav class=\"tree\" aria-label=\"Site\">";
  tree_level(out, v, 0);
  out += "</nav>\n";
}

void breadcrumbs(std::string& out, const PageView& v) {
  if (v.page.breadcrumbs.empty()) return;
  out += "<nav class=\"breadcrumbs\" aria-label=\"Breadcrumbs\"><ol>";
  for (const PageRef& c : v.page.breadcrumbs) {
    out += "<li>";
    link_to(out, c.url, c.title);
    out += "</li>";
  }
  out += "<li aria-current=\"page\">";
  append_html_escaped(out, v.page.title);
  out += "</li></ol></nav>\n";
}

// Levels 2 and 3, nested. A level-3 heading with no level-2 heading before it sits at the
// top level, so the lists always balance.
void toc(std::string& out, const PageView& v) {
  if (!v.meta) return;
  std::vector<const Heading*> items;
  for (const Heading& h : v.meta->headings)
    if (h.level == 2 || h.level == 3) items.push_back(&h);
  if (items.size() < 2) return;
  out += "<nav class=\"toc\" aria-label=\"On this page\"><strong>On this page</strong>\n";
  int depth = -1;
  for (const Heading* h : items) {
    int want = std::min(h->level == 3 ? 1 : 0, depth + 1);
    if (want > depth) out += "<ul><li>";
    else out += (want < depth ? "</li></ul>" : "") + std::string("</li><li>");
    depth = want;
    link_to(out, "#" + h->id, h->text);
  }
  for (; depth >= 0; --depth) out += "</li></ul>";
  out += "</nav>\n";
}

void children(std::string& out, const PageView& v) {
  if (v.page.children.empty()) return;
  out += "<dl class=\"children\">";
  for (const ChildEntry& c : v.page.children) {
    out += "<dt>";
    link_to(out, c.url, c.title);
    out += "</dt>";
    if (!c.summary.empty()) {
      out += "<dd>";
      append_html_escaped(out, c.summary);
      out += "</dd>";
    }
  }
  out += "</dl>\n";
}

void pager(std::string& out, const PageView& v) {
  if (v.page.prev.url.empty() && v.page.next.url.empty()) return;
  out += "<nav class=\"pager\" aria-label=\"Previous and next\">";
  out += "<span>";
  if (!v.page.prev.url.empty()) {
    out += "← ";
    link_to(out, v.page.prev.url, v.page.prev.title);
  }
  out += "</span><span>";
  if (!v.page.next.url.empty()) {
    link_to(out, v.page.next.url, v.page.next.title);
    out += " →";
  }
  out += "</span></nav>\n";
}

bool body_has_h1(const PageView& v) {
  if (!v.meta) return false;
  for (const Heading& h : v.meta->headings)
    if (h.level == 1) return true;
  return false;
}

}  // namespace

std::string render_builtin_layout(const PageView& v) {
  std::string out;
  out.reserve(v.content.size() + 8192);
  head(out, v);
  out += "<body>\n";
  header(out, v);
  out += "<div class=\"layout\">\n";
  sidebar(out, v);
  out += "<main id=\"main\">\n";
  breadcrumbs(out, v);
  out += "<article>\n";
  if (!body_has_h1(v)) {
    out += "<h1>";
    append_html_escaped(out, v.page.title);
    out += "</h1>\n";
  }
  toc(out, v);
  out += v.content;
  children(out, v);
  out += "</article>\n";
  pager(out, v);
  out += "</main>\n</div>\n<footer class=\"site\">Built with Bengal</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace bengal
