// Uploading public/ to the `deploy.remote` of studio.yaml with rclone,
// changed files only. Which files changed is decided here, from content
// hashes recorded at the last successful upload: every build rewrites every
// file (new times), and many remotes (WebDAV, SFTP) have no hashes rclone
// could compare, so neither times nor remote hashes can be trusted.
#pragma once

#include <string>
#include <vector>

namespace hongfan::studio {

struct DeployResult {
  bool ok = false;
  std::size_t uploaded = 0, removed = 0;
  std::string log;  ///< rclone's output
};

/// Runs a program with `args` (no shell: values come from studio.yaml and
/// uploads) and returns its exit status; its output is appended to `output`.
int run_program(const std::vector<std::string>& args, std::string* output);

/// Uploads the files of `public_dir` that changed since the last upload to
/// `remote` (recorded in `state_dir`), and deletes the ones that are gone.
DeployResult deploy(const std::string& public_dir, const std::string& remote, const std::string& state_dir);

}  // namespace hongfan::studio
