#pragma once
// Exit statuses shared by every Bengal tool (documented in bengal(7)).
namespace bengal {

enum ExitCode : int {
  kExitOk = 0,
  kExitContentError = 1,   // a problem in the user's content, templates or config
  kExitUsage = 2,          // bad command line
  kExitBadIntermediate = 3,  // an intermediate file is missing, foreign, truncated or stale
  kExitIoError = 4,        // reading an input or writing an output failed
  kExitInternal = 5,       // a bug in Bengal
};

}  // namespace bengal
