// toml++'s implementation, compiled once here (TOML_HEADER_ONLY=0 everywhere else): Debian
// ships toml++ only as a shared library, and the tools link statically (BENGAL_STATIC_TOOLS).
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
