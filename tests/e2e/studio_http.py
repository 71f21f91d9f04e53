#!/usr/bin/env python3
"""hongfan studio over HTTP, as a browser without JavaScript would use it.

Usage: studio_http.py HONGFAN SITE_SRC

1. Round trip (acceptance 4): every demo content file opened in the edit
   form and saved unchanged keeps every byte, and makes no commit; so does
   every data file in its data form. Data forms: one value changes only its
   bytes, items are added and deleted by their lines, the consent flag is
   added, a bad value (or a renamed id other files use) is refused next to
   its field and kept as a draft, conflicts; check's findings link to fields.
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
        if tag == "input" and a.get("type") in ("checkbox", "radio") and "checked" not in a:
            return  # a browser sends only the boxes that are ticked
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

    def multipart(self, path, fields):
        boundary = "----studiotest" + str(time.time_ns())
        body = b"".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n'.encode() + v.encode() + b"\r\n"
                        for k, v in fields) + f"--{boundary}--\r\n".encode()
        return self.request(path, body, None, f"multipart/form-data; boundary={boundary}")

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
        long_article(c, site)
        data_forms(c, site, git(site, "rev-parse", "HEAD"))
    finally:
        p.terminate()
        p.wait()


def long_article(c, site):
    """An article of a few thousand characters saves (the form is multipart: a
    urlencoded body over 8 KB is refused by the HTTP library)."""
    f = "content/news/" + sorted(os.listdir(os.path.join(site, "content/news")))[-1]
    status, fields, _ = c.form("/edit?path=" + urllib.parse.quote(f))
    for field in fields:
        if field[0] == "body":
            field[1] += "\r\n\r\n" + "网格员逐户走访，了解居民的急难愁盼。" * 200 + "\r\n"
    status, body, _ = c.multipart("/save", fields)
    text = open(os.path.join(site, f), encoding="utf-8").read()
    check(status == 303 and text.count("了解居民的急难愁盼") == 200, f"a long article (multipart) saves ({status})")


def data_forms(c, site, head):
    """The data forms: unchanged → no byte, one value → one line, a bad value → 422 next to its field."""
    names = sorted(n for n in os.listdir(os.path.join(site, "data")) if n.endswith(".yaml") and n != "points.yaml")
    before = {n: open(os.path.join(site, "data", n), "rb").read() for n in names}
    for n in names:
        status, fields, _ = c.form("/data/edit?file=data/" + n, "data")
        status2, body, _ = c.multipart("/data/save", fields) if status == 200 else (status, "", {})
        check(status == 200 and status2 == 303 and open(os.path.join(site, "data", n), "rb").read() == before[n],
              f"data form round trip: data/{n} unchanged ({status}, {status2}) {body[:300]}")
    for start in (50, 100, 150):  # the people list's later pages
        status, fields, _ = c.form(f"/data/edit?file=data/people.yaml&from={start}", "data")
        status2, _, _ = c.multipart("/data/save", fields)
        check(status2 == 303 and open(os.path.join(site, "data/people.yaml"), "rb").read() == before["people.yaml"],
              f"data form round trip: people.yaml from item {start + 1} unchanged ({status2})")
    check(git(site, "rev-parse", "HEAD") == head, "data forms: unchanged saves make no commit")

    # Two forms opened on one version: the second save is a conflict, kept as a draft.
    _, first, _ = c.form("/data/edit?file=data/contacts.yaml", "data")
    _, second, _ = c.form("/data/edit?file=data/contacts.yaml", "data")
    for f in first:
        if f[1] == "8:30—17:30":
            f[1] = "8:00—17:00"
            break
    for f in second:
        if f[1] == "社区居委会":
            f[1] = "社区居民委员会"
    s1, _, _ = c.multipart("/data/save", first)
    s2, body, _ = c.multipart("/data/save", second)
    contacts = open(os.path.join(site, "data/contacts.yaml"), encoding="utf-8").read()
    draft = os.path.join(site, ".hongfan-studio/drafts/data/contacts.yaml")
    check(s1 == 303 and s2 == 409 and "8:00—17:00" in contacts and "社区居民委员会" not in contacts and
          os.path.exists(draft) and "社区居民委员会" in open(draft, encoding="utf-8").read(),
          f"data forms: a second save from the same version is a conflict, kept as a draft ({s1}, {s2})")
    # The draft is loaded and saved: both changes are then in the file.
    status, fields, page = c.form("/data/edit?draft=1&file=data/contacts.yaml", "data")
    status, _, _ = c.multipart("/data/save", fields)
    contacts = open(os.path.join(site, "data/contacts.yaml"), encoding="utf-8").read()
    check(status == 303 and "社区居民委员会" in contacts and "8:00—17:00" in contacts and not os.path.exists(draft),
          f"data forms: the draft, loaded and saved, is committed and removed ({status})")

    # The first grid's 网格长 gets a new phone: only that value's bytes change.
    status, fields, page = c.form("/data/edit?file=data/grids.yaml", "data")
    m = re.search(r'<fieldset id="(n\d+)"><legend>第1项：网格长 ', page)
    field = next((f for f in fields if f[1] == "13805371009"), None)
    check(m is not None and field is not None, "grid form: the 网格长 has a fieldset named by role and name")
    if field:
        field[1] = "13805379999"
        status, body, _ = c.multipart("/data/save", fields)
        after = open(os.path.join(site, "data/grids.yaml"), "rb").read()
        check(status == 303 and after == before["grids.yaml"].replace(b'"13805371009"', b'"13805379999"'),
              f"grid form: only the phone changed, quotes kept ({status})")
        check("修改网格" in git(site, "log", "-1", "--format=%s"), "grid form: the save is a commit")
    # A 楼长 is added to the first grid, in the style of its other staff lines.
    status, fields, _ = c.form("/data/edit?file=data/grids.yaml", "data")
    new = [f for f in fields if "-new-" in f[0]]
    first_staff = new[0][0].rsplit("-new-", 1)[0] if new else ""
    for f in new:
        if f[0].startswith(first_staff + "-new-"):
            f[1] = {"role": "楼长", "name": "测试楼长", "phone": "13805370000", "duty": "1号楼"}.get(f[0].rsplit("-", 1)[1], "")
    status, body, _ = c.multipart("/data/save", fields)
    after = open(os.path.join(site, "data/grids.yaml"), encoding="utf-8").read()
    check(status == 303 and "      - {role: 楼长, name: 万丽, phone: \"13805371015\", duty: 4号楼—6号楼}\n"
          "      - {role: 楼长, name: 测试楼长, phone: 13805370000, duty: 1号楼}\n  - id: g02" in after,
          f"grid form: a staff member is added after the grid's last one ({status})")
    # An awardee is deleted: their line goes, nothing else.
    honors = open(os.path.join(site, "data/honors.yaml"), encoding="utf-8").read()
    status, fields, page = c.form("/data/edit?file=data/honors.yaml", "data")
    m = re.search(r'<fieldset id="(n\d+)"><legend>第2项：刘海燕', page)
    if m:
        fields.append([m.group(1) + "-delete", "1"])
        status, body, _ = c.multipart("/data/save", fields)
        after = open(os.path.join(site, "data/honors.yaml"), encoding="utf-8").read()
        gone = [l for l in honors.splitlines() if "刘海燕" in l]
        check(status == 303 and len(gone) == 1 and after == honors.replace(gone[0] + "\n", ""),
              f"honours form: a deleted awardee's line goes, nothing else ({status})")
    else:
        check(False, "honours form: an awardee has a fieldset with a delete box")
    # A person's consent flag is added where the file has none.
    status, fields, _ = c.form("/data/edit?file=data/people.yaml", "data")
    flag = next((f for f in fields if f[0].endswith("-public")), None)
    if flag:
        flag[1] = "true"
        status, body, _ = c.multipart("/data/save", fields)
        after = open(os.path.join(site, "data/people.yaml"), encoding="utf-8").read()
        check(status == 303 and "p001, name: 李瑞勤, grid: g01, member: true, public: true}" in after,
              f"people form: the consent flag is added in place ({status})")
    else:
        check(False, "people form: offers the consent flag")
    # A station on an organisation that does not exist: refused by the loader, kept as a draft.
    status, fields, page = c.form("/data/edit?file=data/stations.yaml", "data")
    org = next((f for f in fields if f[1] == "jsjy"), None)
    stations = open(os.path.join(site, "data/stations.yaml"), "rb").read()
    if org:
        org[1] = "nowhere"
        status, body, _ = c.multipart("/data/save", fields)
        m = re.search(r'id="' + org[0] + r'" name="' + org[0] + r'" aria-describedby="' + org[0] + r'-error"', body)
        check(status == 422 and m is not None and "nowhere" in body and
              open(os.path.join(site, "data/stations.yaml"), "rb").read() == stations,
              f"station form: a bad org is refused next to its field, the file untouched ({status}) {re.findall(r'class=.error.[^<]*', body)[:3]}")
        check(os.path.exists(os.path.join(site, ".hongfan-studio/drafts/data/stations.yaml")), "station form: kept as a draft")
    # A grid id renamed while people.yaml and the ledger still name it:
    # refused, with the other files' errors listed.
    status, fields, _ = c.form("/data/edit?file=data/grids.yaml", "data")
    gid = next((f for f in fields if f[1] == "g08"), None)
    grids = open(os.path.join(site, "data/grids.yaml"), "rb").read()
    if gid:
        gid[1] = "g99"
        status, body, _ = c.multipart("/data/save", fields)
        check(status == 422 and "data/people.yaml" in body and open(os.path.join(site, "data/grids.yaml"), "rb").read() == grids,
              f"grid form: renaming an id other files use is refused, naming those files ({status})")
    else:
        check(False, "grid form: the grid id g08 is a field")
    # check's findings link to the studio's fields. A page with no paragraph
    # to show on its card asks for a summary (the demo's pages all have one).
    with open(os.path.join(site, "content/news/2026-01-01-no-summary.md"), "w", encoding="utf-8") as f:
        f.write("---\ntitle: 只有小标题\ndate: 2026-01-01\n---\n\n## 小标题\n")
    status, body, _ = c.get("/check")
    check(status == 200 and "网站检查" in body, f"check page opens ({status})")
    # A finding about a missing summary opens the article at its 摘要 field.
    m = re.search(r'href="(/edit\?path=content/[^"#]+\.md#f_summary)"', body)
    check(m is not None, "check page: a missing summary links to the article's 摘要 field")
    if m:
        status, page_html, _ = c.get(m.group(1).split("#")[0])
        check(status == 200 and 'id="f_summary"' in page_html, "check page: the link opens the editor with that field")


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


def jpeg_with_gps(tmp):
    path = os.path.join(tmp, "gps.jpg")
    subprocess.run(["vips", "black", path + "[Q=90]", "64", "48"], check=True)
    subprocess.run(["exiftool", "-q", "-overwrite_original", "-GPSLatitude=35.4153", "-GPSLatitudeRef=N",
                    "-GPSLongitude=116.5871", "-GPSLongitudeRef=E", "-Make=TestPhone", path], check=True)
    check("GPS" in subprocess.run(["exiftool", "-gps:all", path], capture_output=True, text=True).stdout,
          "photo: the test photo carries GPS before upload")
    return open(path, "rb").read()


def users_yaml(site, remote):
    lines = ["users:"]
    for name, login, roles in (("王芳", "wangfang", "编辑"), ("李明", "liming", "审核"), ("赵磊", "zhaolei", "发布")):
        lines.append(f'  - {{name: {name}, login: {login}, password_hash: "{passwd(login, login + "-pass")}", '
                     f"roles: [{roles}]}}")
    lines += ["deploy:", f'  remote: "{remote}"']
    open(os.path.join(site, "studio.yaml"), "w").write("\n".join(lines) + "\n")


def secure(tmp):
    site = make_site(tmp, "secure")
    bind = "127.0.0.2"  # a non-local bind: logins required
    port = free_port()
    p = start(site, bind, port)
    out = p.communicate(timeout=30)[1].decode()
    check(p.returncode == 1 and "studio.yaml" in out, "a non-local bind without users refuses to start")

    target = os.path.join(tmp, "webdav")
    os.makedirs(target)
    dav_port = free_port()
    dav = subprocess.Popen(["rclone", "serve", "webdav", target, "--addr", f"127.0.0.1:{dav_port}"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    users_yaml(site, f":webdav,url='http://127.0.0.1:{dav_port}':")
    p = start(site, bind, port)
    if p.poll() is not None:
        print(p.communicate()[1].decode())
    try:
        flows(site, tmp, f"http://{bind}:{port}", target)
    finally:
        p.terminate()
        p.wait()
        dav.terminate()
        dav.wait()


def flows(site, tmp, base, target):
    news = "content/news/" + sorted(f for f in os.listdir(os.path.join(site, "content/news")) if f[0] != "_")[-1]
    original = open(os.path.join(site, news), "rb").read()

    anon = Client(base)
    status, _, headers = anon.get("/articles")
    check(status == 303 and headers.get("Location") == "/login", "no session: pages send to the login")
    status, _, _ = anon.post("/save", {"path": news, "body": "x", "f_title": "hacked"})
    check(status == 403, f"no session: a write is refused ({status})")
    check(open(os.path.join(site, news), "rb").read() == original, "no session: the file is unchanged")
    status, _, _ = anon.login("wangfang", "wrong-password")
    check(status == 401, "a wrong password is refused")

    editor, reviewer, publisher = Client(base), Client(base), Client(base)
    status, _, headers = editor.login("wangfang", "wangfang-pass")
    cookie = headers.get("Set-Cookie", "")
    check(status == 303 and "HttpOnly" in cookie and "SameSite=Strict" in cookie,
          f"login: a session cookie, HttpOnly and SameSite=Strict ({cookie[:60]})")
    reviewer.login("liming", "liming-pass")
    publisher.login("zhaolei", "zhaolei-pass")

    # CSRF: a form without the token, or posted from another site.
    status, fields, _ = editor.form("/edit?path=" + news)
    fields = [f for f in fields if f[0] != "csrf"] + [["f_title", "改了"]]
    status, _, _ = editor.post("/save", [f for f in fields if f[0] != "f_title" or f[1] == "改了"])
    check(status == 403, f"a POST without the CSRF token is refused ({status})")
    status, fields, _ = editor.form("/edit?path=" + news)
    status, _, _ = editor.post("/save", fields, {"Origin": "http://evil.example"})
    check(status == 403, f"a POST from another origin is refused ({status})")
    check(open(os.path.join(site, news), "rb").read() == original, "CSRF: the file is unchanged")

    # Uploads.
    csrf = editor.csrf()
    photo = jpeg_with_gps(tmp)
    status, body, _ = editor.upload("/upload", [("csrf", csrf)], "photo", "../../x.jpg", photo)
    check(status == 400, f"an upload named ../../x is refused ({status})")
    outside = os.path.join(tmp, "outside")
    os.makedirs(outside)
    month = time.strftime("%Y/%m")
    year_dir = os.path.join(site, "static/images", month.split("/")[0])
    os.makedirs(os.path.dirname(year_dir), exist_ok=True)
    os.symlink(outside, year_dir)
    status, body, _ = editor.upload("/upload", [("csrf", csrf)], "photo", "a.jpg", photo)
    check(status == 400 and not os.listdir(outside), f"an upload through a symbolic link is refused ({status})")
    os.unlink(year_dir)
    status, body, _ = editor.upload("/upload", [("csrf", csrf)], "photo", "big.jpg", b"\xff\xd8" + b"0" * (13 << 20))
    check(status == 413, f"an upload over the size limit is refused ({status})")
    status, body, _ = editor.upload("/upload", [("csrf", csrf)], "photo", "big.jpg", b"\xff\xd8" + b"0" * (10 << 20) + b"0")
    check(status == 413, f"a photo over 10 MB is refused ({status})")
    status, body, _ = editor.upload("/upload", [], "photo", "a.jpg", photo)
    check(status == 403, f"an upload without the CSRF token is refused ({status})")
    status, body, _ = editor.upload("/upload", [("csrf", csrf)], "photo", "IMG 0001.JPG", photo)
    m = re.search(r'"path":"(/images/\d{4}/\d{2}/img-0001-[0-9a-f]{8}\.jpg)"', body)
    check(status == 200 and m, f"a photo is stored under static/images/YYYY/MM/ with an ASCII name ({body[:120]})")
    image_path = m.group(1) if m else "/images/none.jpg"
    stored = os.path.join(site, "static" + image_path)
    exif = subprocess.run(["exiftool", "-a", "-G1", "-EXIF:all", "-GPS:all", "-XMP:all", stored],
                          capture_output=True, text=True).stdout
    check(os.path.exists(stored) and not exif.strip(), f"the stored photo has no EXIF or GPS ({exif[:100]})")
    uploads = [l for l in git(site, "log", "--format=%an|%s").splitlines() if "上传照片" in l]
    check(uploads and uploads[0].startswith("王芳|"), "the upload is a commit by its user")

    # Two people edit one file: the second save is a conflict, no write lost.
    _, mine, _ = editor.form("/edit?path=" + news)
    _, theirs, _ = reviewer.form("/edit?path=" + news)
    mine = [[k, "编辑改的标题" if k == "f_title" else v] for k, v in mine]
    theirs = [[k, "审核写的摘要" if k == "f_summary" else v] for k, v in theirs]
    status, _, _ = editor.post("/save", mine)
    check(status == 303, "conflict: the first save succeeds")
    status, body, _ = reviewer.post("/save", theirs)
    text = open(os.path.join(site, news), encoding="utf-8").read()
    draft = os.path.join(site, ".hongfan-studio/drafts", news)
    check(status == 409 and "编辑改的标题" in text and "审核写的摘要" not in text,
          f"conflict: the second save is refused, the first kept ({status})")
    check(os.path.exists(draft) and "审核写的摘要" in open(draft, encoding="utf-8").read() and "审核写的摘要" in body,
          "conflict: the second version is kept as a draft and shown again")
    check("编辑改的标题" in open(draft, encoding="utf-8").read(),
          "conflict: the draft holds only what the second person changed, on top of the first's save")
    changed = [l for l in git(site, "diff", "HEAD~1", "--", news).splitlines()
               if l[:1] in "+-" and not l.startswith(("+++", "---"))]
    check(len(changed) == 2 and changed[0].startswith("-title:") and changed[1] == "+title: 编辑改的标题",
          f"a changed title rewrites only its line ({changed})")
    check(git(site, "log", "-1", "--format=%an", "--", news).strip() == "王芳", "the save is a commit by its user")

    # A save that fails validation is kept as a draft, its error at the field.
    _, form, _ = editor.form("/edit?path=" + news)
    before = open(os.path.join(site, news), "rb").read()
    form = [[k, "明天" if k == "f_date" else v] for k, v in form]
    status, body, _ = editor.post("/save", form)
    check(status == 422 and re.search(r'id="f_date"[^>]*aria-invalid="true"', body) is not None,
          f"an invalid date is refused with its error at the 日期 field ({status})")
    check(open(os.path.join(site, news), "rb").read() == before and "明天" in open(draft, encoding="utf-8").read(),
          "the invalid save is kept as a draft; the file is unchanged")
    check("载入草稿" in editor.get("/edit?path=" + news)[1], "the edit page offers the draft")

    # History and restore.
    status, page_html, _ = editor.get("/history?path=" + news)
    check("王芳" in page_html and "编辑改的标题" in page_html, "history lists the save with its author and diff")
    m = re.findall(r'name="id" value="([0-9a-f]{40})"', page_html)
    base = re.search(r'name="base" value="([0-9a-f]+)"', page_html)
    status, _, _ = editor.post("/restore", {"csrf": editor.csrf(), "path": news, "id": m[0], "base": base.group(1)})
    check(status == 303 and open(os.path.join(site, news), "rb").read() == original,
          f"restore brings back the earlier version byte for byte ({status})")

    # Review and publish.
    status, form, _ = editor.form("/new")
    form = [[k, {"section": "news", "f_title": "网格员入户走访甲乙丙", "f_date": "2024-06-03",
                 "f_summary": "走访独居老人", "f_tags": "网格, 走访",
                 "body": f"走访情况如下。\r\n\r\n| 楼栋 | 户数 |\r\n| --- | --- |\r\n| 1号楼 | 12 |\r\n\r\n![照片]({image_path})\r\n"}.get(k, v)]
            for k, v in form]
    status, _, headers = editor.post("/save", form)
    loc = urllib.parse.unquote(headers.get("Location", ""))
    created = loc.split("path=")[-1]
    check(status == 303 and re.match(r"content/news/2024-06-03-[0-9a-f]{6}\.md$", created),
          f"a new article gets an ASCII file name ({created})")
    ctext = open(os.path.join(site, created), encoding="utf-8").read() if created else ""
    check("draft: true" in ctext, "a new article starts as a draft")
    status, _, _ = editor.post("/approve", {"csrf": editor.csrf(), "path": created})
    check(status == 403, "编辑 cannot approve")
    status, _, _ = editor.post("/publish", {"csrf": editor.csrf()})
    check(status == 403, "编辑 cannot publish")
    status, _, _ = editor.post("/submit", {"csrf": editor.csrf(), "path": created})
    check(status == 303 and "review: 待审核" in open(os.path.join(site, created), encoding="utf-8").read(),
          "编辑 submits: review: 待审核")
    check("网格员入户走访甲乙丙" in reviewer.get("/review")[1], "the reviewer sees it waiting")
    status, _, _ = reviewer.post("/return", {"csrf": reviewer.csrf("/review"), "path": created, "note": "请补充户数"})
    ctext = open(os.path.join(site, created), encoding="utf-8").read()
    check(status == 303 and "review: 已退回" in ctext and "review_note: 请补充户数" in ctext,
          "审核 returns it with a note")
    editor.post("/submit", {"csrf": editor.csrf(), "path": created})
    status, _, _ = publisher.post("/publish", {"csrf": publisher.csrf("/review")})
    slug_pages = subprocess.run(["grep", "-rl", "网格员入户走访甲乙丙", os.path.join(site, "public")],
                                capture_output=True, text=True).stdout
    check(status == 303 and os.path.isdir(os.path.join(site, "public")) and not slug_pages,
          "before approval the article is not public")
    public_files = sorted(os.path.relpath(os.path.join(r, f), os.path.join(site, "public"))
                          for r, _, fs in os.walk(os.path.join(site, "public")) for f in fs
                          if f != ".hongfan-output")  # the build's own marker, not part of the site
    target_files = sorted(os.path.relpath(os.path.join(r, f), target) for r, _, fs in os.walk(target) for f in fs)
    check(target_files == public_files, f"the first publish uploads every file to the WebDAV target ({len(target_files)} of {len(public_files)})")
    after_publish = publisher.get("/review")[1]
    m = re.search(r"(上传|uploaded) (\d+)", after_publish)
    check(m and int(m.group(2)) == len(public_files), f"the page shows the upload ({m.group(0) if m else ''})")
    # The demo's base_url is still the example: the build's warning is shown
    # with the publish, at its place, not lost.
    check("生成时发现了下面这些问题" in after_publish and "site.yaml:5:11: 警告：base_url 还是示例地址" in after_publish,
          "the publish shows the build's warnings with file:line:col")
    status, _, _ = reviewer.post("/approve", {"csrf": reviewer.csrf("/review"), "path": created})
    ctext = open(os.path.join(site, created), encoding="utf-8").read()
    check(status == 303 and "review: 已通过" in ctext and "draft" not in ctext, "审核 approves: draft removed")
    first_files = sum(len(f) for _, _, f in os.walk(target))
    status, _, _ = publisher.post("/publish", {"csrf": publisher.csrf("/review")})
    _, review_page, _ = publisher.get("/review")
    published = subprocess.run(["grep", "-rl", "网格员入户走访甲乙丙", os.path.join(site, "public/news")],
                               capture_output=True, text=True).stdout.split()
    # The article's own page (news/SLUG/), not a list, an archive or a
    # neighbouring article that shows its title; grep lists them in the
    # file system's order, so choose by the page's address.
    slug = os.path.splitext(os.path.basename(created))[0].rsplit("-", 1)[-1]
    article = [f for f in published if f.endswith(f"/news/{slug}/index.html")]
    html_text = open(article[0], encoding="utf-8").read() if article else ""
    check(article and "<table" in html_text and "1号楼" in html_text and "img-0001" in html_text,
          "after approval and 发布 the article is public, with its table and photo")
    public_files = sorted(os.path.relpath(os.path.join(r, f), os.path.join(site, "public"))
                          for r, _, fs in os.walk(os.path.join(site, "public")) for f in fs)
    leaked = [f for f in public_files if "studio.yaml" in f or ".git" in f or ".hongfan-cache" in f or "drafts" in f]
    check(not leaked, f"studio.yaml, .git, drafts and caches are never published ({leaked[:3]})")
    target_files = sorted(os.path.relpath(os.path.join(r, f), target) for r, _, fs in os.walk(target) for f in fs)
    check("studio.yaml" not in target_files and any("网格员入户走访甲乙丙" in open(os.path.join(target, f), encoding="utf-8", errors="replace").read()
                                                    for f in target_files if f.endswith(".html")),
          "the approved article reached the target")
    # A small change: only the files it shows on are uploaded again.
    _, form, _ = editor.form("/edit?path=" + urllib.parse.quote(created))
    form = [[k, v.replace("走访独居老人", "走访独居老人和困难家庭") if k == "f_summary" else v] for k, v in form]
    editor.post("/save", form)
    publisher.post("/publish", {"csrf": publisher.csrf("/review")})
    _, review_page, _ = publisher.get("/review")
    m = re.search(r"(上传|uploaded) (\d+)", review_page)
    n = int(m.group(2)) if m else -1
    check(0 < n < len(public_files) // 4, f"the second publish uploads only the changed files ({n} of {len(public_files)})")
    check("走访独居老人和困难家庭" in open(os.path.join(target, os.path.relpath(article[0], os.path.join(site, "public"))),
                                      encoding="utf-8").read() if article else False, "the target has the change")
    authors = git(site, "log", "--format=%an|%s")
    for who, what in (("王芳", "新建"), ("王芳", "提交审核"), ("李明", "退回"), ("李明", "审核通过")):
        check(any(l.startswith(who + "|" + what) for l in authors.splitlines()), f"git log: {what} by {who}")

    # The points ledger (GBK, as Excel saves it): checked with the build's
    # rules, previewed by row number, replaced only when clean.
    ledger = os.path.join(site, "data/points.csv")
    old = open(ledger, "rb").read()
    lines = old.decode("gbk").splitlines()
    first = lines[1].split(",")
    rows = len(lines)
    good_rows = [",".join(["2026-11-01", first[1], first[2], first[3], "3", "参加楼道清洁"]),
                 ",".join(["2026-11-02", first[1], first[2], first[3], "2", "参加义诊"])]
    good = old + ("\r\n".join(good_rows) + "\r\n").encode("gbk")
    bad = old + ",".join(["2026-11-03", "p999", first[2], first[3], "2", "无此人"]).encode("gbk") + b"\r\n"
    csrf = editor.csrf("/ledger")
    status, body, _ = editor.upload("/ledger", [("csrf", csrf)], "ledger", "points.csv", bad)
    check(status == 422 and f"第 {rows + 1} 行" in body and "替换台账" not in body,
          f"ledger: a row in error is shown by its row number and nothing is replaced ({status})")
    check(open(ledger, "rb").read() == old, "ledger: the file is unchanged after the bad upload")
    status, body, _ = editor.upload("/ledger", [("csrf", csrf)], "ledger", "points.csv", good)
    check(status == 200 and "新增 2 行" in body and "有错误的 0 行" in body and f">{rows + 2}<" in body,
          f"ledger: the preview shows the rows added ({status})")
    token = re.search(r'name="token" value="([0-9a-f]+)"', body)
    status, body, _ = editor.post("/ledger/apply", {"csrf": csrf, "token": token.group(1) if token else "", "added": "2"})
    check(status == 200 and open(ledger, "rb").read() == good, f"ledger: replaced after the preview ({status})")
    check(git(site, "log", "-1", "--format=%an|%s", "--", "data/points.csv").startswith("王芳|更新积分台账"),
          "ledger: the replacement is a commit by its user")

    # Failed logins are limited.
    for _ in range(5):
        anon.login("liming", "guess")
    status, _, _ = anon.login("liming", "liming-pass")
    check(status == 429, f"after 5 failed logins even the right password waits ({status})")


if __name__ == "__main__":
    main()
