"""The digest of a folder tree: relative paths and file contents, in sorted
order, so two trees have the same digest exactly when they hold the same
files with the same bytes. Shared by the e2e tests that check public/ was
left untouched."""
import hashlib
import os


def tree_digest(root):
    h = hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            h.update(os.path.relpath(path, root).encode())
            with open(path, "rb") as f:
                h.update(hashlib.sha256(f.read()).digest())
    return h.hexdigest()
