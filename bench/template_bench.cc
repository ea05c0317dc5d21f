// template_bench: renders a typical documentation page many times and reports renders per
// second on one core. The page is a child template extending a base layout with blocks, a
// header and a footer include, a sidebar nav loop over 30 items, a TOC loop, and a
// pre-rendered body passed in as a safe string (as the site renderer will pass page HTML).
//
//   template_bench [seconds]      (default 3)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "template/environment.h"

namespace tmpl = bengal::tmpl;

namespace {

const char* kBase = R"(<!DOCTYPE html>
<html lang="{{ site.language | default('en') }}">
<head>
  <meta charset="utf-8">
  <title>{% block title %}{{ site.title }}{% endblock %}</title>
  {% if page.description %}<meta name="description" content="{{ page.description | striptags | truncate(150) }}">{% endif %}
  <link rel="stylesheet" href="{{ site.base_url }}/assets/site.css">
</head>
<body>
{% include "header.html" %}
<div class="layout">
  <nav class="sidebar">
    <ul>
    {% for item in nav %}
      <li{% if item.url == page.url %} class="active"{% endif %}><a href="{{ item.url }}">{{ item.title }}</a></li>
    {% endfor %}
    </ul>
  </nav>
  <main>
  {% block content %}{% endblock %}
  </main>
  {% if toc %}
  <aside class="toc">
    <p>On this page</p>
    {% for h in toc %}
    <a class="level-{{ h.level }}" href="#{{ h.id }}">{{ h.text }}</a>
    {% endfor %}
  </aside>
  {% endif %}
</div>
{% include "footer.html" %}
</body>
</html>
)";

const char* kPage = R"({% extends "base.html" %}
{% block title %}{{ page.title }} | {{ site.title }}{% endblock %}
{% block content %}
<article>
  <h1>{{ page.title }}</h1>
  {% if page.date %}<time datetime="{{ page.date }}">{{ page.date | date("%B %d, %Y") }}</time>{% endif %}
  {% if page.tags %}
  <ul class="tags">
    {% for tag in page.tags %}
    <li><a href="/tags/{{ tag | lower }}/">{{ tag }}</a></li>
    {% endfor %}
  </ul>
  {% endif %}
  {{ content }}
  {% if page.prev or page.next %}
  <nav class="pager">
    {% if page.prev %}<a rel="prev" href="{{ page.prev.url }}">&larr; {{ page.prev.title }}</a>{% endif %}
    {% if page.next %}<a rel="next" href="{{ page.next.url }}">{{ page.next.title }} &rarr;</a>{% endif %}
  </nav>
  {% endif %}
</article>
{% endblock %}
)";

const char* kHeader = R"(<header class="site-header">
  <a class="brand" href="{{ site.base_url }}/">{{ site.title }}</a>
  <span class="tagline">{{ site.tagline }}</span>
</header>
)";

const char* kFooter = R"(<footer>&copy; {{ site.year }} {{ site.author }} &middot; Built with Bengal</footer>
)";

tmpl::Value make_context() {
  tmpl::Map site;
  site.set("title", "Bengal Docs");
  site.set("language", "en");
  site.set("base_url", "https://docs.example.org");
  site.set("tagline", "Fast static sites & friendly templates");
  site.set("year", 2024);
  site.set("author", "The Bengal Team");

  std::vector<tmpl::Value> nav;
  for (int i = 1; i <= 30; ++i) {
    tmpl::Map item;
    item.set("title", "Chapter " + std::to_string(i) + ": Topics & Details");
    item.set("url", "/docs/chapter-" + std::to_string(i) + "/");
    nav.emplace_back(std::move(item));
  }
  std::vector<tmpl::Value> toc;
  for (int i = 1; i <= 12; ++i) {
    tmpl::Map h;
    h.set("level", 2 + i % 2);
    h.set("id", "section-" + std::to_string(i));
    h.set("text", "Section " + std::to_string(i) + " <overview>");
    toc.emplace_back(std::move(h));
  }
  tmpl::Map prev, next;
  prev.set("url", "/docs/chapter-6/");
  prev.set("title", "Chapter 6");
  next.set("url", "/docs/chapter-8/");
  next.set("title", "Chapter 8");
  tmpl::Map page;
  page.set("title", "Chapter 7: Topics & Details");
  page.set("url", "/docs/chapter-7/");
  page.set("date", "2024-05-01T10:00:00Z");
  page.set("tags", tmpl::Value::list({"templates", "Jinja", "performance"}));
  page.set("description", "<p>How <b>templates</b> are rendered &amp; cached</p>");
  page.set("prev", std::move(prev));
  page.set("next", std::move(next));

  std::string body;
  for (int i = 1; i <= 12; ++i) {
    body += "<h2 id=\"section-" + std::to_string(i) + "\">Section " + std::to_string(i) + "</h2>\n";
    body += "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut "
            "labore et dolore magna aliqua. <code>{{ x }}</code> and <a href=\"/x\">a link</a>.</p>\n";
  }
  tmpl::Map context;
  context.set("site", std::move(site));
  context.set("page", std::move(page));
  context.set("nav", tmpl::Value::list(std::move(nav)));
  context.set("toc", tmpl::Value::list(std::move(toc)));
  context.set("content", tmpl::Value::safe_string(std::move(body)));  // page HTML from Markdown
  return tmpl::Value(std::move(context));
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = argc > 1 ? std::atof(argv[1]) : 3.0;
  auto loader = std::make_shared<tmpl::MemoryLoader>();
  loader->add("base.html", kBase);
  loader->add("page.html", kPage);
  loader->add("header.html", kHeader);
  loader->add("footer.html", kFooter);
  tmpl::Environment env(loader);
  auto page = env.get_template("page.html");
  tmpl::Value context = make_context();

  std::string out;
  page->render_to(out, context);  // warm up: parses the parent and includes once
  size_t bytes = out.size();
  using Clock = std::chrono::steady_clock;
  auto start = Clock::now();
  long renders = 0;
  double elapsed = 0;
  while (elapsed < seconds) {
    for (int i = 0; i < 1000; ++i) {
      out.clear();
      page->render_to(out, context);
    }
    renders += 1000;
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  }
  std::printf("template_bench: %ld renders in %.2f s: %.0f renders/s, %.2f us/render, %zu bytes/page\n", renders,
              elapsed, renders / elapsed, 1e6 * elapsed / renders, bytes);
  return 0;
}
