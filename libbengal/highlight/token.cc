#include "highlight/token.h"

#include <array>

namespace bengal::highlight {
namespace {

constexpr std::array<std::string_view, static_cast<size_t>(Tok::kCount)> kCssClasses = {
    "",   "err", "k",  "kc",  "kd", "kn", "kp", "kr", "kt", "na", "nb", "bp", "nc", "no", "nd", "ni", "ne",
    "nf", "fm",  "nl", "nn",  "py", "nt", "nv", "vm", "l",  "ld", "s",  "sa", "sb", "sc", "dl", "sd", "s2",
    "se", "sh",  "si", "sx",  "sr", "s1", "ss", "m",  "mb", "mf", "mh", "mi", "mo", "o",  "ow", "p",  "c",
    "ch", "cm",  "cp", "cpf", "c1", "cs", "gd", "ge", "gh", "gi", "go", "gp", "gs", "gu", "gt",
};
static_assert(kCssClasses.back() == "gt", "one class name per Tok, in the enum's order");

}  // namespace

std::string_view css_class(Tok cls) { return kCssClasses[static_cast<size_t>(cls)]; }

}  // namespace bengal::highlight
