// The spare tree, made ahead of the rebuild that will want it.
//
// A rebuild starts its staging tree from the spare, the tree the last build
// replaced (site/output.h): most of its files already are hard links to the
// output's. A first build into a new folder replaces nothing, so the
// rebuild after it found no spare and hard-linked every file of the output
// into a new staging tree itself: at 10,000 articles 30,000 links, 0.7–1.1 s,
// most of that rebuild. After such a build, `hongfan build` at a terminal
// starts a helper process (`hongfan make-spare`, cli/spare_helper.h) that
// makes the spare in the background while staff look at the site: every
// folder of the output, and a hard link to each of its files. Like
// `git gc --auto`, it runs after the command has returned.
//
// The helper holds an exclusive flock on `.hongfan-cache/spare-public.lock`
// from its start (its parent takes it and hands it over) to its end. A
// build that begins while the helper still runs stops it and takes what it
// made: a spare is checked entry by entry against the output, so part of
// one is as good as any, only a smaller saving. The helper never writes
// into the output.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <string>

namespace hongfan {

/// `.hongfan-cache/spare-public` for `public/`.
std::string spare_tree_path(const std::string& output_dir);

/// The lock file the helper holds while it works.
std::string spare_lock_path(const std::string& output_dir);

/// True when `output_dir` holds a build's output and no spare exists.
bool spare_tree_missing(const std::string& output_dir);

/// The helper's work: makes the spare of `output_dir` when it is missing,
/// holding the lock on the open file `lock_fd` (-1: takes it here, and
/// does nothing if another holds it). Best effort: on any error it stops,
/// leaving what it made. Returns the number of files linked.
std::size_t make_spare_tree(const std::string& output_dir, int lock_fd = -1);

/// For the one starting a helper: an open descriptor of the lock file
/// holding the lock, to hand to the helper; -1 when a helper already holds
/// it or the cache folder cannot be written.
int lock_for_spare_maker(const std::string& output_dir);

/// Notes the helper's process id in the lock file, for stop_spare_maker().
void note_spare_maker(int lock_fd, pid_t pid);

/// Stops a helper still making the spare of `output_dir`, and returns once
/// it is gone. Called before a build touches the spare.
void stop_spare_maker(const std::string& output_dir);

}  // namespace hongfan
