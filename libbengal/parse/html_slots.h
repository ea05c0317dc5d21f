#pragma once
// Markers the walker writes into the HTML that cmark-gfm renders, and the one pass that
// splits the rendered HTML at them into PageBody parts and slots.
//
// A marker is "\x1A<index>\x1A". The scan step replaces every 0x1A of the source and the
// walker replaces those that entities produce, so the byte is unambiguous in the HTML.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/page.h"

namespace bengal {

inline constexpr char kMarkerByte = '\x1A';

class SlotMarkers {
 public:
  // A slot for links[link]: the HTML is cut here and the slot is filled later.
  void append_slot(std::string& out, uint32_t link, SlotField field);
  // Written right after "<hN>": the tag becomes <hN id="...">.
  void append_heading_id(std::string& out, std::string id);

  // Splits `html` at the markers. A malformed or repeated marker is replaced by U+FFFD.
  void split(std::string_view html, PageBody& body) const;

 private:
  struct Marker {
    bool is_slot = true;
    Slot slot;
    std::string id;
  };
  void append_marker(std::string& out);
  static void add_heading_id(std::string& part, std::string_view id);

  std::vector<Marker> markers_;
};

// Replaces each 0x1A byte of `text` with U+FFFD. Returns false when there was none.
bool replace_marker_bytes(std::string& text);

}  // namespace bengal
