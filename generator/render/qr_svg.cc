#include "render/qr_svg.h"

#include <qrencode.h>

#include <memory>

#include "core/text.h"

namespace hongfan {

std::string qr_svg(const std::string& text, const std::string& label) {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
  if (!code) return {};
  const int n = code->width;
  const int quiet = 4;
  const int size = n + 2 * quiet;
  std::string path;
  for (int y = 0; y < n; ++y) {
    for (int x = 0; x < n; ++x) {
      if (!(code->data[y * n + x] & 1)) continue;
      // Runs of dark modules on a row become one rectangle.
      int run = 1;
      while (x + run < n && (code->data[y * n + x + run] & 1)) ++run;
      path += "M" + std::to_string(x + quiet) + " " + std::to_string(y + quiet) + "h" +
              std::to_string(run) + "v1h-" + std::to_string(run) + "z";
      x += run - 1;
    }
  }
  std::string s = "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
                  std::to_string(size) + " " + std::to_string(size) +
                  "\" role=\"img\" aria-label=\"" + html_escape(label) +
                  "\" shape-rendering=\"crispEdges\"><rect width=\"" + std::to_string(size) +
                  "\" height=\"" + std::to_string(size) + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" +
                  path + "\"/></svg>";
  return s;
}

}  // namespace hongfan
