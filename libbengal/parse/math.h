#pragma once
// $…$ and $$…$$ (with [markdown] math = true): a cmark-gfm inline extension, so that the
// TeX inside is never read as emphasis or links. Each becomes an HTML_INLINE node:
//   <span class="math math-inline">\(…\)</span>   <div class="math math-display">\[…\]</div>
// with the TeX HTML-escaped. Inline math follows Pandoc: the opening '$' is followed by a
// non-space, the closing one preceded by a non-space and not followed by a digit; "\$" is a
// dollar sign. Display math may span lines of a paragraph.
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>

namespace bengal {

cmark_syntax_extension* math_extension();

// Display math made by the extension (a paragraph holding only that is unwrapped).
bool is_display_math(cmark_node* node);

}  // namespace bengal
