#include "core/encoding.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>

#include "core/i18n.h"
#include "core/utf8.h"

namespace hongfan {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// iconv_t as a scoped resource.
class Iconv {
 public:
  Iconv(const char* to, const char* from) : cd_(iconv_open(to, from)) {}
  ~Iconv() {
    if (ok()) iconv_close(cd_);
  }
  Iconv(const Iconv&) = delete;
  Iconv& operator=(const Iconv&) = delete;
  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }
  iconv_t get() const { return cd_; }

 private:
  iconv_t cd_;
};

// GB18030 → UTF-8; nullopt (and the offending offset) when the bytes are not GB18030.
std::optional<std::string> from_gb18030(std::string_view bytes, std::size_t* bad_offset) {
  Iconv cd("UTF-8", "GB18030");
  if (!cd.ok()) return std::nullopt;
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());  // iconv's signature; it does not write
  std::size_t in_left = bytes.size();
  char* dst = out.data();
  std::size_t out_left = out.size();
  while (in_left > 0) {
    if (iconv(cd.get(), &in, &in_left, &dst, &out_left) != static_cast<std::size_t>(-1)) continue;
    if (errno == E2BIG) {
      std::size_t used = static_cast<std::size_t>(dst - out.data());
      out.resize(out.size() * 2);
      dst = out.data() + used;
      out_left = out.size() - used;
      continue;
    }
    if (bad_offset) *bad_offset = static_cast<std::size_t>(in - bytes.data());
    return std::nullopt;
  }
  out.resize(static_cast<std::size_t>(dst - out.data()));
  return out;
}

}  // namespace

int line_of_offset(std::string_view bytes, std::size_t offset) {
  offset = std::min(offset, bytes.size());
  return 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + static_cast<long>(offset), '\n'));
}

std::optional<DecodedText> decode_text(std::string_view bytes, std::size_t* bad_offset) {
  DecodedText out;
  if (bytes.substr(0, kBom.size()) == kBom) {
    bytes.remove_prefix(kBom.size());
    out.encoding = TextEncoding::utf8_bom;
  }
  std::size_t invalid = utf8::first_invalid(bytes);
  if (invalid == std::string_view::npos) {
    out.text = std::string(bytes);
    return out;
  }
  std::size_t bad = 0;
  auto converted = from_gb18030(bytes, &bad);
  if (!converted) {
    // Point at the first byte that is wrong for UTF-8, the encoding we ask for.
    if (bad_offset) *bad_offset = invalid + (out.encoding == TextEncoding::utf8_bom ? kBom.size() : 0);
    return std::nullopt;
  }
  out.first_non_utf8 = invalid + (out.encoding == TextEncoding::utf8_bom ? kBom.size() : 0);
  out.text = std::move(*converted);
  out.encoding = TextEncoding::gb18030;
  return out;
}

std::optional<std::string> decode_file_text(const std::string& path, std::string_view bytes, Diagnostics& diags,
                                            GbkPolicy policy) {
  std::size_t bad = 0;
  auto decoded = decode_text(bytes, &bad);
  if (!decoded) {
    diags.error({path, line_of_offset(bytes, bad), 1},
                _("this file is neither UTF-8 nor GBK: its characters cannot be read"),
                _("open it in Notepad or WPS, choose Save As, and set Encoding to UTF-8"));
    return std::nullopt;
  }
  if (decoded->encoding == TextEncoding::gb18030 && policy == GbkPolicy::warn)
    diags.warning({path, line_of_offset(bytes, decoded->first_non_utf8), 1},
                  _("this file is saved as GBK (ANSI), not UTF-8; hongfan read it as GBK"),
                  _("open it in Notepad or WPS, choose Save As, and set Encoding to UTF-8"));
  return std::move(decoded->text);
}

std::optional<std::string> read_text_file(const FileSystem& fs, const std::string& path, Diagnostics& diags,
                                          GbkPolicy policy) {
  auto bytes = fs.read(path);
  if (!bytes) {
    diags.error({path}, _("cannot read this file"),
                _("check that the file is not open in another program and that you may read it"));
    return std::nullopt;
  }
  return decode_file_text(path, *bytes, diags, policy);
}

}  // namespace hongfan
