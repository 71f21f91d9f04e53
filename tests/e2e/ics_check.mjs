// Every .ics the demo produces parses with a third-party iCalendar parser
// (ical.js), its events start and end at the instants the activities' front
// matter gives, and no line is longer than 75 octets.
//   node ics_check.mjs PUBLIC_DIR REPO_ROOT
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const [publicDir, repoRoot] = process.argv.slice(2);
const require = createRequire(path.resolve(repoRoot, "package.json"));
const ICAL = (await import(require.resolve("ical.js"))).default;

// Front matter start/end → epoch ms; a time without zone is Asia/Shanghai.
function instant(text) {
  const m = text.trim().replace(/^['"]|['"]$/g, "")
    .match(/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$/);
  if (!m) throw new Error(`cannot read date-time ${text}`);
  let zone = m[7] || "+08:00";
  if (zone !== "Z" && !zone.includes(":")) zone = zone.slice(0, 3) + ":" + zone.slice(3);
  return Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] || "00"}${zone}`);
}

const expected = new Map();  // slug → {start, end}
const dir = path.join(repoRoot, "content", "activities");
for (const name of fs.readdirSync(dir)) {
  if (!name.endsWith(".md") || name.startsWith("_")) continue;
  const fm = fs.readFileSync(path.join(dir, name), "utf8").split(/^---$/m)[1];
  const get = (k) => (fm.match(new RegExp(`^${k}:\\s*(.+)$`, "m")) || [])[1];
  const start = instant(get("start"));
  expected.set(get("slug").trim(), { start, end: get("end") ? instant(get("end")) : start });
}

let failures = 0, events = 0, files = 0;
const fail = (msg) => { failures++; console.log("FAIL " + msg); };
function check(file) {
  files++;
  const bytes = fs.readFileSync(file);
  const text = bytes.toString("utf8");
  if (!text.endsWith("\r\n")) fail(`${file}: does not end with CRLF`);
  const lines = text.split("\r\n");
  lines.pop();
  lines.forEach((l, i) => {
    if (Buffer.byteLength(l, "utf8") > 75) fail(`${file}:${i + 1}: line of ${Buffer.byteLength(l)} octets`);
    if (l.includes("\n") || l.includes("\uFFFD")) fail(`${file}:${i + 1}: bare LF or broken UTF-8`);
  });
  const comp = new ICAL.Component(ICAL.parse(text));
  for (const prop of ["version", "prodid"])
    if (!comp.getFirstPropertyValue(prop)) fail(`${file}: no ${prop.toUpperCase()}`);
  for (const ve of comp.getAllSubcomponents("vevent")) {
    events++;
    const ev = new ICAL.Event(ve);
    const slug = ev.uid.split("@")[0];
    const want = expected.get(slug);
    if (!want) { fail(`${file}: UID ${ev.uid} names no activity`); continue; }
    if (!ve.getFirstPropertyValue("dtstamp")) fail(`${file}: ${slug} has no DTSTAMP`);
    const start = ev.startDate.toJSDate().getTime(), end = ev.endDate.toJSDate().getTime();
    if (start !== want.start) fail(`${file}: ${slug} starts ${new Date(start).toISOString()}, front matter says ${new Date(want.start).toISOString()}`);
    if (end !== want.end) fail(`${file}: ${slug} ends ${new Date(end).toISOString()}, front matter says ${new Date(want.end).toISOString()}`);
    if (!ev.location) fail(`${file}: ${slug} has no LOCATION`);
    if (!ve.getFirstPropertyValue("url")) fail(`${file}: ${slug} has no URL`);
  }
}
check(path.join(publicDir, "activities.ics"));
for (const name of fs.readdirSync(path.join(publicDir, "activities")))
  if (name.endsWith(".ics")) check(path.join(publicDir, "activities", name));
if (files < expected.size + 1) fail(`only ${files} .ics files for ${expected.size} activities`);
console.log(`${files} .ics files, ${events} events checked, ${failures} failure(s)`);
process.exit(failures ? 1 : 0);
