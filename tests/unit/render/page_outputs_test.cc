// index.json and index.txt beside a page (render/page_outputs.h). index.json is written by
// hand; these tests hold it to the bytes nlohmann::json's dump(2) writes for the same document.
#include "render/page_outputs.h"

#include <gtest/gtest.h>

#include "render/context.h"

namespace bengal {
namespace {

// The document as nlohmann::json writes it: what index.json has always been.
std::string reference_json(const Site& site, const PageLinks& page, const PageMeta* meta, const PageBody* body,
                           const FrontMatter& front, const std::string& text) {
  return page_json_via_nlohmann(site, page, meta, body, front, text);
}

struct Fixture {
  Site site;
  PageLinks page;
  PageMeta meta;
  PageBody body;
  FrontMatter front;
  std::string text;

  Fixture() {
    site.baseurl = "https://example.org/docs/";
    page.kind = "page";
    page.url = "/docs/guide/intro/";
    page.section = "guide";
    page.title = "Intro";
    text = "Plain text.\nSecond line.\n";
  }
  std::string json() const { return page_json(site, page, &meta, &body, front, text); }
  std::string reference() const { return reference_json(site, page, &meta, &body, front, text); }
};

TEST(PageJson, MinimalPageIsTheSameAsNlohmann) {
  Fixture f;
  EXPECT_EQ(f.json(), f.reference());
  EXPECT_NE(f.json().find("\"terms\": {},\n  \"headings\": [],\n"), std::string::npos);
}

TEST(PageJson, FullPageIsTheSameAsNlohmann) {
  Fixture f;
  f.front.date = "2026-01-05";
  f.front.lastmod = "2026-02-01T10:00:00Z";
  f.front.description = "A \"quoted\" description\\with a backslash";
  f.meta.summary = "Summary with <html> & 'quotes'";
  f.page.terms = {{"tags", "Go", "/docs/tags/go/"}, {"categories", "Guides", "/docs/categories/guides/"},
                  {"tags", "C++", "/docs/tags/c++/"}};
  f.meta.headings = {{2, "one", "One"}, {3, "one-a", "One \"A\""}, {2, "two", "Two"}};
  f.body.word_count = 1234;
  EXPECT_EQ(f.json(), f.reference());
}

TEST(PageJson, EscapesAndUnicodeAreTheSameAsNlohmann) {
  Fixture f;
  std::string controls;
  for (int c = 0; c < 0x20; ++c) controls += static_cast<char>(c);
  f.text = "tabs\tand\nnewlines\r\n, controls " + controls + " DEL \x7f, slash /, \"quotes\", back\\slash, "
           "é, €, 𝄞 (U+1D11E), U+0085 \xc2\x85, U+FFFF \xef\xbf\xbf, U+10FFFF \xf4\x8f\xbf\xbf";
  f.page.title = "Ünïcödé \"title\"";
  f.page.terms = {{"タグ", "名前", "/docs/タグ/名前/"}};
  EXPECT_EQ(f.json(), f.reference());
}

TEST(PageJson, InvalidUtf8BecomesReplacementCharactersAsBefore) {
  for (std::string bad : {"\xff", "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82", "a\x80z", "\xf0\x9f\x98"}) {
    Fixture f;
    f.text = "before " + bad + " after";
    EXPECT_EQ(f.json(), f.reference()) << "text";
    Fixture g;
    g.page.terms = {{"tags" + bad, "x", "/x/"}};
    EXPECT_EQ(g.json(), g.reference()) << "taxonomy";
  }
}

TEST(PageJson, GeneratedPageHasNoMetaOrBody) {
  Fixture f;
  f.page.kind = "section";
  f.text.clear();
  EXPECT_EQ(page_json(f.site, f.page, nullptr, nullptr, f.front, f.text),
            reference_json(f.site, f.page, nullptr, nullptr, f.front, f.text));
}

}  // namespace
}  // namespace bengal
