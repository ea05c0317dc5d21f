// The local assets a rendered page references (render/asset_refs.h).
#include "render/asset_refs.h"

#include <gtest/gtest.h>

namespace bengal {
namespace {

using Urls = std::vector<std::string>;

TEST(AssetRefs, FindsEveryAssetAttribute) {
  std::string html =
      R"(<link rel="stylesheet" href="/css/a.css"><script src='/js/b.js'></script>)"
      R"(<img src="img/c.png" alt="x"><picture><source srcset="/d.webp 1x, /d2.webp 2x"></picture>)"
      R"(<video poster="/p.jpg" src="/v.mp4"><track src="/t.vtt"></video><audio src=/a.ogg></audio>)";
  EXPECT_EQ(local_asset_urls(html, "/guide/x/"),
            (Urls{"/a.ogg", "/css/a.css", "/d.webp", "/d2.webp", "/guide/x/img/c.png", "/js/b.js", "/p.jpg", "/t.vtt",
                  "/v.mp4"}));
}

TEST(AssetRefs, LeavesOutExternalDataAndFragmentUrlsAndPlainLinks) {
  std::string html = R"(<img src="https://x.org/a.png"><img src="//cdn/b.png"><img src="data:image/png;base64,AA">)"
                     R"(<a href="/page/">p</a><img src="#x"><script src="mailto:a@b"></script>)";
  EXPECT_EQ(local_asset_urls(html, "/"), Urls{});
}

TEST(AssetRefs, ResolvesDotSegmentsAndDecodes) {
  EXPECT_EQ(local_asset_urls(R"(<img src="../img/a%20b.png?v=1#top">)", "/guide/x/"), Urls{"/guide/img/a b.png"});
  EXPECT_EQ(local_asset_urls(R"(<img src="/x/./y/../z.png">)", "/"), Urls{"/x/z.png"});
  EXPECT_EQ(local_asset_urls(R"(<img src="/a.png?x=1&amp;y=2">)", "/"), Urls{"/a.png"});
}

TEST(AssetRefs, SkipsCommentsAndScriptText) {
  std::string html = R"(<!-- <img src="/no.png"> --><script>var s = '<img src="/nor.png">';</script>)"
                     R"(<style>a{background:url(<img src="/x.png">)}</style><img src="/yes.png">)";
  EXPECT_EQ(local_asset_urls(html, "/"), Urls{"/yes.png"});
}

TEST(AssetRefs, TagAndAttributeNamesIgnoreCaseButMustMatchWhole) {
  std::string html = R"(<SCRIPT SRC="/a.js"></script><Source SrcSet="/b.webp 2x"><LINK HREF=/c.css>)"
                     R"(<scripts src="/no1.js"><imgs src="/no2.png"><img data-src="/no3.png"><link src="/no4.css">)"
                     R"(<video poster="/d.jpg"></video><track src="/e.vtt"><audio src="/f.ogg"></audio>)";
  EXPECT_EQ(local_asset_urls(html, "/"), (Urls{"/a.js", "/b.webp", "/c.css", "/d.jpg", "/e.vtt", "/f.ogg"}));
}

TEST(AssetRefs, QuotedValuesMayHoldAngleBrackets) {
  std::string html = R"(<a title="a > b <img src='/no.png'>" href="/x/"><img alt='1 > 0' src="/yes.png">)"
                     R"(<p data-x=a"b>text<img src = "/spaced.png" / >)";
  EXPECT_EQ(local_asset_urls(html, "/"), (Urls{"/spaced.png", "/yes.png"}));
}

TEST(AssetRefs, TagsWithoutAssetsEndWhereTheirAttributesEnd) {
  // A quote opens a value only after '=': elsewhere it is part of a name or a bare value.
  std::string html = R"(<a x=b=c "d>text<img src="/1.png"><a = ">" y=z'>q'><img src=/2.png>)"
                     R"(<p title = 'a > <img src="/no.png">' / ><img src="/3.png"><span a="unclosed><img src="/no2.png">)";
  EXPECT_EQ(local_asset_urls(html, "/"), (Urls{"/1.png", "/2.png", "/3.png"}));
}

TEST(AssetRefs, PlainPathsAsWrittenOthersResolved) {
  EXPECT_EQ(local_asset_urls(R"(<img src="/"><img src="/a/b/"><img src="/a/b.png">)", "/x/"), (Urls{"/", "/a/b.png", "/a/b/"}));
  EXPECT_EQ(local_asset_urls(R"(<img src="/a//b.png"><img src="/a/./c.png"><img src="/a/d/.."><img src=" /e.png ">)", "/"),
            (Urls{"/a", "/a/b.png", "/a/c.png", "/e.png"}));
}

TEST(AssetRefs, SortedAndUnique) {
  EXPECT_EQ(local_asset_urls(R"(<img src="/b.png"><img src="/a.png"><IMG SRC="/b.png">)", "/"),
            (Urls{"/a.png", "/b.png"}));
}

}  // namespace
}  // namespace bengal
