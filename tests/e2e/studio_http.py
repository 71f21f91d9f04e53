#!/usr/bin/env python3
"""hongfan studio over HTTP, as a browser without JavaScript would use it.

Usage: studio_http.py HONGFAN SITE_SRC

1. Round trip (acceptance 4): every demo content file opened in the edit
   form and saved unchanged keeps every byte, and makes no commit.
2. Security (acceptance 3), on a non-local bind with users: a write with no
   session, a POST without the CSRF token or from another origin, uploads
   named ../../x or through a symbolic link, an upload over the size limit,
   too many failed logins — each refused. A non-local bind without users
   refuses to start.
3. Nothing lost: two saves from forms opened on the same version → the
   second is a conflict (409), the first is kept, the second is kept as a
   draft; a save that fails validation is kept as a draft (422) with its
   error next to the field; every save is a commit by its user; restore.
4. Photos: a JPEG with GPS EXIF is stored under static/images/YYYY/MM/
   without any EXIF (exiftool).
5. Review and publish: 编辑 creates (draft: true, not public), submits;
   审核 returns with a note, then approves; 发布 publishes to public/ and to
   an rclone WebDAV target started here: everything the first time, only the
   changed files the second. studio.yaml, .git and drafts are never published.
"""
import html.parser
import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

HONGFAN, SRC = sys.argv[1], sys.argv[2]
FAILS = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        FAILS.append(what)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


class Form(html.parser.HTMLParser):
    """The fields a browser submits from <form id=FORM_ID>."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.fields = form_id, False, []
        self.textarea = self.select = None
        self.options = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside or "disabled" in a:
            return
        if tag == "input" and a.get("type") not in ("submit", "file", "button"):
            self.fields.append([a["name"], a.get("value", "")])
        elif tag == "textarea":
            self.textarea = [a["name"], ""]
        elif tag == "select":
            self.select, self.options = a["name"], []
        elif tag == "option" and self.select:
            self.options.append([a.get("value"), "selected" in a, ""])

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data
        elif self.select and self.options:
            self.options[-1][2] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            name, value = self.textarea
            if value.startswith("\n"):  # HTML drops the newline right after <textarea>
                value = value[1:]
            # Browsers submit a textarea's line ends as CRLF.
            self.fields.append([name, value.replace("\r\n", "\n").replace("\n", "\r\n")])
            self.textarea = None
        elif tag == "select" and self.select:
            chosen = next((o for o in self.options if o[1]), self.options[0] if self.options else None)
            if chosen:
                self.fields.append([self.select, chosen[0] if chosen[0] is not None else chosen[2]])
            self.select = None


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


class Client:
    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def request(self, path, data=None, headers=None, ctype=None):
        req = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        if ctype:
            req.add_header("Content-Type", ctype)
        try:
            with self.opener.open(req, timeout=60) as r:
                return r.status, r.read().decode("utf-8", "replace"), dict(r.headers)
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8", "replace"), dict(e.headers)

    def get(self, path):
        return self.request(path)

    def post(self, path, fields, headers=None):
        return self.request(path, urllib.parse.urlencode([tuple(x) for x in fields] if isinstance(fields, list) else fields).encode(), headers,
                            "application/x-www-form-urlencoded")

    def upload(self, path, fields, name, filename, content):
        boundary = "----studiotest" + str(time.time_ns())
        parts = []
        for k, v in fields:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode())
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     f'Content-Type: image/jpeg\r\n\r\n'.encode() + content + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        return self.request(path, b"".join(parts), {"X-Studio": "fetch"}, f"multipart/form-data; boundary={boundary}")

    def form(self, path, form_id="edit"):
        status, body, _ = self.get(path)
        f = Form(form_id)
        f.feed(body)
        return status, f.fields, body

    def csrf(self, path="/articles"):
        m = re.search(r'name="csrf" value="([0-9a-f]+)"', self.get(path)[1])
        return m.group(1) if m else ""

    def login(self, login, password):
        return self.post("/login", {"login": login, "password": password})


def start(site, bind, port, env=None):
    p = subprocess.Popen([HONGFAN, "studio", "-s", site, "--bind", bind, "--port", str(port)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    for _ in range(100):
        try:
            socket.create_connection((bind, port), timeout=0.2).close()
            return p
        except OSError:
            if p.poll() is not None:
                return p
            time.sleep(0.1)
    return p


def git(site, *args):
    return subprocess.run(["git", "-C", site, *args], capture_output=True, text=True).stdout


def make_site(tmp, name):
    site = os.path.join(tmp, name)
    os.makedirs(site)
    for entry in ("site.yaml", "content", "data", "static"):
        src = os.path.join(SRC, entry)
        (shutil.copytree if os.path.isdir(src) else shutil.copy)(src, os.path.join(site, entry))
    return site


def passwd(login, password):
    out = subprocess.run([HONGFAN, "studio", "passwd", login], input=password + "\n", capture_output=True,
                         text=True, check=True).stdout
    return re.search(r'password_hash: "([^"]+)"', out).group(1)


def round_trip(tmp):
    site = make_site(tmp, "roundtrip")
    port = free_port()
    p = start(site, "127.0.0.1", port)
    try:
        c = Client(f"http://127.0.0.1:{port}")
        head = git(site, "rev-parse", "HEAD")
        files = []
        for root, _, names in os.walk(os.path.join(site, "content")):
            files += [os.path.relpath(os.path.join(root, n), site) for n in names if n.endswith(".md")]
        before = {f: open(os.path.join(site, f), "rb").read() for f in files}
        saved = 0
        for f in sorted(files):
            status, fields, _ = c.form("/edit?path=" + urllib.parse.quote(f))
            if status != 200:
                check(False, f"round trip: {f} opens ({status})")
                continue
            status, body, headers = c.post("/save", fields)
            saved += status == 303
            if status != 303:
                check(False, f"round trip: {f} saves ({status}) {body[:300]}")
        changed = [f for f in files if open(os.path.join(site, f), "rb").read() != before[f]]
        check(saved == len(files) and len(files) > 50, f"round trip: {saved} of {len(files)} demo files saved")
        check(not changed, f"round trip: no byte changed (changed: {changed[:5]})")
        check(git(site, "rev-parse", "HEAD") == head, "round trip: an unchanged save makes no commit")
    finally:
        p.terminate()
        p.wait()


def main():
    tmp = tempfile.mkdtemp(prefix="studio-http-")
    try:
        round_trip(tmp)
        secure(tmp)
    finally:
        if not os.environ.get("KEEP"):
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"{len(FAILS)} failures")
    sys.exit(1 if FAILS else 0)


def secure(tmp):
    pass


if __name__ == "__main__":
    main()
