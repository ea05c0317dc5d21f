#pragma once
// The built-in page layout: a complete, accessible HTML page without any template files.
// Used when a site has no templates; the template engine's default theme replaces it.
#include <string>

#include "render/render.h"

namespace bengal {

std::string render_builtin_layout(const PageView& view);

}  // namespace bengal
