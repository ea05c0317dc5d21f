#pragma once
// HTML escaping exactly as MarkupSafe does it (& < > " ' -> &amp; &lt; &gt; &#34; &#39;),
// which differs from support/text.h's html_escape in the quote entity. Jinja's output is
// the reference, so templates use this one.
#include <string>
#include <string_view>

namespace bengal::tmpl {

void append_markup_escaped(std::string& out, std::string_view text);
std::string markup_escape(std::string_view text);

}  // namespace bengal::tmpl
