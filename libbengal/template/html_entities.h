#pragma once
// Python's html.unescape for the striptags filter: numeric references and the named
// entities that occur in practice (the full HTML5 table is not included). Internal.
#include <string>
#include <string_view>

namespace bengal::tmpl {

std::string html_unescape(std::string_view text);

}  // namespace bengal::tmpl
