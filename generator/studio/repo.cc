#include "studio/repo.h"

#include <git2.h>

#include <unistd.h>

#include <memory>

namespace hongfan::studio {

namespace {

struct LibGit {
  LibGit() { git_libgit2_init(); }
  ~LibGit() { git_libgit2_shutdown(); }
};
void ensure_libgit() { static LibGit lib; }

std::string last_error() {
  const git_error* e = git_error_last();
  return e && e->message ? e->message : "libgit2";
}

template <class T, void (*Free)(T*)>
struct Owned {
  T* p = nullptr;
  ~Owned() { if (p) Free(p); }
  T** out() { return &p; }
  T* get() const { return p; }
};
using Index = Owned<git_index, git_index_free>;
using Tree = Owned<git_tree, git_tree_free>;
using Commit = Owned<git_commit, git_commit_free>;
using Signature = Owned<git_signature, git_signature_free>;
using Walk = Owned<git_revwalk, git_revwalk_free>;
using Entry = Owned<git_tree_entry, git_tree_entry_free>;
using Blob = Owned<git_blob, git_blob_free>;
using Diff = Owned<git_diff, git_diff_free>;
using Ref = Owned<git_reference, git_reference_free>;

// The blob id of `path` in `tree`, or a zero id when absent.
git_oid blob_id(git_tree* tree, const std::string& path) {
  git_oid zero{};
  if (!tree) return zero;
  Entry e;
  if (git_tree_entry_bypath(e.out(), tree, path.c_str()) != 0) return zero;
  return *git_tree_entry_id(e.get());
}

// Files a new repository starts with: what staff edit, never the output,
// caches or studio.yaml (password hashes).
constexpr const char* kFirstCommitPaths[] = {"site.yaml", "content", "data", "static", "templates", "themes"};

}  // namespace

std::optional<Repo> Repo::open_or_init(const std::string& site, std::string* error) {
  ensure_libgit();
  git_repository* repo = nullptr;
  if (git_repository_open_ext(&repo, site.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) == 0)
    return Repo(repo);
  if (git_repository_init(&repo, site.c_str(), 0) != 0) {
    *error = last_error();
    return std::nullopt;
  }
  Repo r(repo);
  Index index;
  if (git_repository_index(index.out(), repo) != 0) {
    *error = last_error();
    return std::nullopt;
  }
  std::vector<char*> specs;
  for (const char* p : kFirstCommitPaths) specs.push_back(const_cast<char*>(p));
  git_strarray arr{specs.data(), specs.size()};
  if (git_index_add_all(index.get(), &arr, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr) != 0 ||
      git_index_write(index.get()) != 0) {
    *error = last_error();
    return std::nullopt;
  }
  if (r.commit({}, "hongfan studio", "studio@localhost", "studio: first commit of the site", error).empty())
    return std::nullopt;
  return r;
}

Repo::Repo(Repo&& other) noexcept : repo_(other.repo_) { other.repo_ = nullptr; }
Repo& Repo::operator=(Repo&& other) noexcept {
  std::swap(repo_, other.repo_);
  return *this;
}
Repo::~Repo() {
  if (repo_) git_repository_free(repo_);
}

std::string Repo::commit(const std::vector<std::string>& paths, const std::string& author, const std::string& email,
                         const std::string& message, std::string* error) {
  Index index;
  if (git_repository_index(index.out(), repo_) != 0) {
    *error = last_error();
    return {};
  }
  for (const auto& p : paths) {
    std::string full = std::string(git_repository_workdir(repo_)) + p;
    int rc = access(full.c_str(), F_OK) == 0 ? git_index_add_bypath(index.get(), p.c_str())
                                             : git_index_remove_bypath(index.get(), p.c_str());
    if (rc != 0) {
      *error = last_error();
      return {};
    }
  }
  git_oid tree_id, commit_id;
  Tree tree;
  Signature sig;
  if (git_index_write(index.get()) != 0 || git_index_write_tree(&tree_id, index.get()) != 0 ||
      git_tree_lookup(tree.out(), repo_, &tree_id) != 0 ||
      git_signature_now(sig.out(), author.c_str(), email.c_str()) != 0) {
    *error = last_error();
    return {};
  }
  Commit parent;
  git_oid head;
  bool has_parent = git_reference_name_to_id(&head, repo_, "HEAD") == 0 &&
                    git_commit_lookup(parent.out(), repo_, &head) == 0;
  const git_commit* parents[] = {parent.get()};
  if (git_commit_create(&commit_id, repo_, "HEAD", sig.get(), sig.get(), "UTF-8", message.c_str(), tree.get(),
                        has_parent ? 1 : 0, has_parent ? parents : nullptr) != 0) {
    *error = last_error();
    return {};
  }
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &commit_id);
  return hex;
}

std::vector<Revision> Repo::history(const std::string& path, std::size_t limit) {
  std::vector<Revision> out;
  Walk walk;
  if (git_revwalk_new(walk.out(), repo_) != 0) return out;
  git_revwalk_sorting(walk.get(), GIT_SORT_TIME);
  if (git_revwalk_push_head(walk.get()) != 0) return out;
  git_oid id;
  while (out.size() < limit && git_revwalk_next(&id, walk.get()) == 0) {
    Commit c;
    if (git_commit_lookup(c.out(), repo_, &id) != 0) continue;
    Tree tree, parent_tree;
    git_commit_tree(tree.out(), c.get());
    Commit parent;
    if (git_commit_parentcount(c.get()) > 0 && git_commit_parent(parent.out(), c.get(), 0) == 0)
      git_commit_tree(parent_tree.out(), parent.get());
    git_oid now = blob_id(tree.get(), path), before = blob_id(parent_tree.get(), path);
    if (git_oid_equal(&now, &before)) continue;
    Revision r;
    char hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(hex, sizeof hex, &id);
    r.id = hex;
    const git_signature* a = git_commit_author(c.get());
    r.author = a && a->name ? a->name : "";
    r.time = a ? a->when.time : 0;
    r.message = git_commit_message(c.get()) ? git_commit_message(c.get()) : "";
    out.push_back(std::move(r));
  }
  return out;
}

std::optional<std::string> Repo::file_at(const std::string& id, const std::string& path) {
  git_oid oid;
  Commit c;
  Tree tree;
  if (git_oid_fromstr(&oid, id.c_str()) != 0 || git_commit_lookup(c.out(), repo_, &oid) != 0 ||
      git_commit_tree(tree.out(), c.get()) != 0)
    return std::nullopt;
  git_oid b = blob_id(tree.get(), path);
  if (git_oid_is_zero(&b)) return std::nullopt;
  Blob blob;
  if (git_blob_lookup(blob.out(), repo_, &b) != 0) return std::nullopt;
  return std::string(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                     static_cast<std::size_t>(git_blob_rawsize(blob.get())));
}

std::string Repo::diff(const std::string& id, const std::string& path) {
  git_oid oid;
  Commit c, parent;
  Tree tree, parent_tree;
  if (git_oid_fromstr(&oid, id.c_str()) != 0 || git_commit_lookup(c.out(), repo_, &oid) != 0 ||
      git_commit_tree(tree.out(), c.get()) != 0)
    return {};
  if (git_commit_parentcount(c.get()) > 0 && git_commit_parent(parent.out(), c.get(), 0) == 0)
    git_commit_tree(parent_tree.out(), parent.get());
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  char* spec = const_cast<char*>(path.c_str());
  opts.pathspec = {&spec, 1};
  opts.flags |= GIT_DIFF_DISABLE_PATHSPEC_MATCH;
  Diff d;
  if (git_diff_tree_to_tree(d.out(), repo_, parent_tree.get(), tree.get(), &opts) != 0) return {};
  git_buf buf = GIT_BUF_INIT;
  std::string out;
  if (git_diff_to_buf(&buf, d.get(), GIT_DIFF_FORMAT_PATCH) == 0) out.assign(buf.ptr, buf.size);
  git_buf_dispose(&buf);
  return out;
}

}  // namespace hongfan::studio
