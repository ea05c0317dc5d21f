#pragma once
// The one exception type of libbengal. The library never prints: it throws a Failure carrying
// the exit status the tool should end with, and the tool's main reports it.
#include <stdexcept>
#include <string>

#include "support/exit_codes.h"

namespace bengal {

class Failure : public std::runtime_error {
 public:
  Failure(ExitCode code, std::string message)
      : std::runtime_error(std::move(message)), code_(code) {}
  ExitCode code() const { return code_; }

 private:
  ExitCode code_;
};

}  // namespace bengal
