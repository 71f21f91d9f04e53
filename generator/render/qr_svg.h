// QR codes as inline SVG (libqrencode), for the printable grid cards: one
// <path> of dark modules, crisp at any print size, no image file to fetch.
#pragma once

#include <string>

namespace hongfan {

/// An <svg> element encoding `text` (error correction M, 4-module quiet
/// zone), labelled `label` for screen readers. Empty when it cannot encode.
std::string qr_svg(const std::string& text, const std::string& label);

}  // namespace hongfan
