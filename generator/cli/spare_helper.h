// Starts the helper process that makes the spare tree after a build that
// left none (site/spare_tree.h), and is that helper (`hongfan make-spare`).
#pragma once

#include <string>

namespace hongfan::cli {

/// After a good build into `output_dir`: when it has no spare tree, starts
/// `hongfan make-spare` in the background, in a session of its own, with
/// no terminal, and returns at once. Only when stderr is a terminal (staff
/// at work), or HONGFAN_SPARE_HELPER=1; never with HONGFAN_SPARE_HELPER=0.
void start_spare_helper(const std::string& output_dir);

/// The helper: makes the spare of `output_dir`, holding the lock on the
/// inherited descriptor `lock_fd`. Always succeeds (best effort).
int run_make_spare(const std::string& output_dir, int lock_fd);

}  // namespace hongfan::cli
