#include "site/videos.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <atomic>
#include <cerrno>
#include <fstream>
#include <sstream>

#include "core/hash.h"
#include "core/i18n.h"
#include "core/parallel.h"
#include "core/text.h"
#include "site/images.h"

extern char** environ;

namespace hongfan {

namespace fs = std::filesystem;

namespace {

// Bump when processing changes, so old cache entries are not reused.
constexpr const char* kVideoCacheVersion = "v1";

bool is_mp4(const std::string& path) { return ends_with(ascii_lower(path), ".mp4"); }

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

enum class Run { kOk, kFailed, kMissing };

// Runs a program with arguments as given (no shell: file names are never
// parsed), its output thrown away.
Run run(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc == ENOENT) return Run::kMissing;
  if (rc != 0) return Run::kFailed;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? Run::kOk : Run::kFailed;
}

struct Processed {
  std::shared_ptr<const std::string> video;   ///< without metadata
  std::shared_ptr<const std::string> poster;  ///< JPEG, null when none
};

// Fills `dir` with "video.mp4" (remuxed without metadata, moov first so it
// starts playing before it is all loaded) and "poster.jpg" (a representative
// frame of the first seconds). Written into a temporary folder renamed into
// place, so a killed build never leaves half an entry.
Run process_into(const std::string& bytes, const fs::path& dir) {
  fs::path tmp = dir.string() + ".tmp-" + short_hash(dir.string() + std::to_string(reinterpret_cast<std::uintptr_t>(&bytes)), 6);
  fs::remove_all(tmp);
  fs::create_directories(tmp);
  {
    std::ofstream out(tmp / "in.mp4", std::ios::binary);
    out << bytes;
  }
  const std::string in = (tmp / "in.mp4").string();
  Run stripped = run({"ffmpeg", "-nostdin", "-v", "error", "-y", "-i", in, "-map", "0", "-map_metadata", "-1",
                      "-map_chapters", "-1", "-c", "copy", "-movflags", "+faststart",
                      (tmp / "video.mp4").string()});
  if (stripped != Run::kOk) {
    fs::remove_all(tmp);
    return stripped;
  }
  run({"ffmpeg", "-nostdin", "-v", "error", "-y", "-i", in, "-vf", "thumbnail", "-frames:v", "1", "-q:v", "3",
       (tmp / "poster.jpg").string()});
  fs::remove(tmp / "in.mp4");
  std::ofstream(tmp / "meta") << "video\n";
  std::error_code ec;
  fs::rename(tmp, dir, ec);
  if (ec) fs::remove_all(tmp);  // another build got there first: same content
  return Run::kOk;
}

}  // namespace

VideoSet process_videos(StaticPlan& statics, const fs::path& cache, Diagnostics& diags) {
  std::vector<std::size_t> todo;
  for (std::size_t i = 0; i < statics.files.size(); ++i)
    if (is_mp4(statics.files[i].published)) todo.push_back(i);
  VideoSet videos;
  if (todo.empty()) return videos;
  std::error_code ec;
  fs::create_directories(cache, ec);
  std::atomic<bool> missing{false};
  std::vector<std::optional<Processed>> results(todo.size());
  parallel_for(todo.size(), [&](std::size_t k) {
    const StaticFile& f = statics.files[todo[k]];
    auto bytes = f.fs->read(f.source);
    if (!bytes) return;
    fs::path dir = cache / (short_hash(*bytes, 16) + "-" + kVideoCacheVersion);
    try {
      if (!fs::exists(dir / "meta")) {
        Run r = process_into(*bytes, dir);
        if (r == Run::kMissing) missing = true;
        if (r != Run::kOk) return;
      }
      Processed p;
      p.video = std::make_shared<const std::string>(read_all(dir / "video.mp4"));
      if (fs::exists(dir / "poster.jpg"))
        p.poster = std::make_shared<const std::string>(read_all(dir / "poster.jpg"));
      results[k] = std::move(p);
    } catch (const std::exception&) {
      // Published as it is, without a poster (below).
    }
  });
  if (missing)
    diags.warning({}, _("ffmpeg is not installed: videos are published as they are, without a poster frame"),
                  _("install it with: apt-get install ffmpeg"));

  std::vector<StaticFile> posters;
  for (std::size_t k = 0; k < todo.size(); ++k) {
    StaticFile& f = statics.files[todo[k]];
    const std::string key = f.published;
    const std::string stem = published_stem(key);
    VideoInfo info;
    f.published = info.path = stem + ".mp4";
    if (results[k]) {
      f.contents = results[k]->video;
      if (results[k]->poster) {
        info.poster = stem + ".poster.jpg";
        posters.push_back({nullptr, f.source, info.poster, results[k]->poster});
      }
    } else if (!missing) {
      diags.warning({f.source}, _("cannot read this video: it is published as it is, without a poster frame"),
                    _("save it again as an .mp4 (H.264) file"));
    }
    videos[key] = std::move(info);
  }
  for (auto& p : posters) statics.files.push_back(std::move(p));
  return videos;
}

}  // namespace hongfan
