// The bytes staff save, as UTF-8 text: every reader of a site file (site.yaml,
// data/*.yaml, the ledger, content/**/*.md) goes through here, so a file that
// Notepad or WPS saved as GBK ("ANSI" on Chinese Windows) is read the same way
// everywhere and never published as mojibake.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/fs.h"

namespace hongfan {

/// How a file's bytes were written.
enum class TextEncoding {
  utf8,      ///< UTF-8 (or plain ASCII)
  utf8_bom,  ///< UTF-8 with a byte order mark (Notepad's "UTF-8 with BOM", Excel's "CSV UTF-8")
  gb18030,   ///< GBK or GB18030 (a superset of GBK): Notepad's and WPS's "ANSI" on Chinese Windows
};

struct DecodedText {
  std::string text;  ///< UTF-8, without a BOM
  TextEncoding encoding = TextEncoding::utf8;
  /// For gb18030: the byte offset of the first byte that was not UTF-8
  /// (where the warning points).
  std::size_t first_non_utf8 = 0;
};

/// The text of `bytes` as UTF-8: a UTF-8 BOM is dropped; bytes that are not
/// valid UTF-8 are converted from GB18030 with glibc's iconv. nullopt when
/// they are neither; `bad_offset` then tells the first offending byte.
std::optional<DecodedText> decode_text(std::string_view bytes, std::size_t* bad_offset = nullptr);

/// What read_text_file does with a GBK file.
enum class GbkPolicy {
  warn,    ///< read it, and warn that it should be saved as UTF-8 (YAML, Markdown)
  silent,  ///< read it quietly: the format expects it (Excel's "CSV" on Chinese Windows)
};

/// `bytes` of the file `path` as UTF-8 text (decode_text). Bytes that are
/// neither UTF-8 nor GBK are an error at the first bad byte's line; GBK is
/// converted, with a warning unless `policy` is silent. nullopt after an error.
std::optional<std::string> decode_file_text(const std::string& path, std::string_view bytes, Diagnostics& diags,
                                            GbkPolicy policy = GbkPolicy::warn);

/// Reads `path` from `fs` as UTF-8 text (decode_text). A file that is
/// neither UTF-8 nor GBK is an error at its first bad byte; a GBK file is
/// read, with a warning unless `policy` is silent. nullopt when the file
/// cannot be read or decoded (the error is reported).
std::optional<std::string> read_text_file(const FileSystem& fs, const std::string& path, Diagnostics& diags,
                                          GbkPolicy policy = GbkPolicy::warn);

/// 1-based line of byte offset `offset` in `bytes`.
int line_of_offset(std::string_view bytes, std::size_t offset);

}  // namespace hongfan
