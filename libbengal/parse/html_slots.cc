#include "parse/html_slots.h"

#include <charconv>

#include "support/text.h"

namespace bengal {

static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

void SlotMarkers::append_marker(std::string& out) {
  out += kMarkerByte;
  out += std::to_string(markers_.size());
  out += kMarkerByte;
}

void SlotMarkers::append_slot(std::string& out, uint32_t link, SlotField field) {
  append_marker(out);
  markers_.push_back({true, Slot{link, static_cast<uint8_t>(field)}, {}});
}

void SlotMarkers::append_heading_id(std::string& out, std::string id) {
  append_marker(out);
  markers_.push_back({false, {}, std::move(id)});
}

// "...<h2>" -> "...<h2 id=\"x\">"; anything else is left alone.
void SlotMarkers::add_heading_id(std::string& part, std::string_view id) {
  size_t n = part.size();
  bool after_tag = n >= 4 && part[n - 4] == '<' && part[n - 3] == 'h' && part[n - 1] == '>';
  if (!after_tag) return;
  part.pop_back();
  part += " id=\"";
  append_html_escaped(part, id);
  part += "\">";
}

void SlotMarkers::split(std::string_view html, PageBody& body) const {
  body.html.assign(1, std::string());
  body.slots.clear();
  std::vector<bool> used(markers_.size(), false);
  size_t last = 0;
  for (size_t at = html.find(kMarkerByte); at != std::string_view::npos; at = html.find(kMarkerByte, last)) {
    std::string& part = body.html.back();
    part.append(html.substr(last, at - last));
    size_t close = html.find(kMarkerByte, at + 1);
    size_t index = markers_.size();
    if (close != std::string_view::npos && close > at + 1) {
      auto [end, ec] = std::from_chars(html.data() + at + 1, html.data() + close, index);
      if (ec != std::errc() || end != html.data() + close) index = markers_.size();
    }
    if (index >= markers_.size() || used[index]) {
      part += kReplacement;
      last = at + 1;
      continue;
    }
    used[index] = true;
    const Marker& marker = markers_[index];
    if (marker.is_slot) {
      body.slots.push_back(marker.slot);
      body.html.emplace_back();
    } else {
      add_heading_id(part, marker.id);
    }
    last = close + 1;
  }
  body.html.back().append(html.substr(last));
}

bool replace_marker_bytes(std::string& text) {
  size_t at = text.find(kMarkerByte);
  if (at == std::string::npos) return false;
  for (; at != std::string::npos; at = text.find(kMarkerByte, at + kReplacement.size())) {
    text.replace(at, 1, kReplacement);
  }
  return true;
}

}  // namespace bengal
