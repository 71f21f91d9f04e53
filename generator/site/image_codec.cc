#include "site/image_codec.h"

#include <dlfcn.h>

#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "core/i18n.h"

#ifndef HONGFAN_MODULEDIR
#define HONGFAN_MODULEDIR "/usr/local/lib/hongfan"
#endif

namespace hongfan {

namespace fs = std::filesystem;

namespace {

constexpr const char* kModuleName = "hongfan-vips.so";

// The module's functions, not yet started.
const imaging::Api* find(std::string& why) {
#ifdef HONGFAN_VIPS_LINKED  // sanitizer builds (CMakeLists.txt says why)
  (void)why;
  return hongfan_imaging_api();
#else
  std::vector<fs::path> candidates;
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.push_back(self.parent_path() / kModuleName);
  candidates.push_back(fs::path(HONGFAN_MODULEDIR) / kModuleName);
  for (const auto& path : candidates) {
    if (!fs::exists(path, ec)) continue;
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      const char* e = ::dlerror();
      why = tr("{} cannot be loaded: {}", path.string(), e ? e : "?");
      return nullptr;
    }
    using Entry = const imaging::Api* (*)();
    auto entry = reinterpret_cast<Entry>(::dlsym(handle, "hongfan_imaging_api"));
    const imaging::Api* api = entry ? entry() : nullptr;
    if (!api || api->version != imaging::kApiVersion) {
      why = tr("{} belongs to another version of hongfan", path.string());
      return nullptr;  // left loaded: harmless, and unloading libvips is not
    }
    return api;
  }
  why = tr("{} is in neither {} nor {}", kModuleName,
           candidates.size() > 1 ? candidates.front().parent_path().string() : std::string("?"),
           HONGFAN_MODULEDIR);
  return nullptr;
#endif
}

const imaging::Api* load(std::string& why) {
  const imaging::Api* api = find(why);
  if (api && !api->start()) {
    why = _("libvips failed to start");
    return nullptr;
  }
  return api;
}

}  // namespace

const imaging::Api& image_codec() {
  static std::once_flag once;
  static const imaging::Api* api = nullptr;
  static std::string why;
  std::call_once(once, [] { api = load(why); });
  if (!api) throw ImageCodecMissing(tr("the photo module is missing: {}", why));
  return *api;
}

const char* image_codec_install_dir() { return HONGFAN_MODULEDIR; }

}  // namespace hongfan
