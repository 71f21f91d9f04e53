// Shared by the browser tests: build a site with the real binary, serve it
// with tests/tools/serve_static.py, drive Debian's chromium through
// playwright-core (node_modules at the repository root).
'use strict';
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const repo = path.resolve(__dirname, '../../..');
const req = (name) => require(path.join(repo, 'node_modules', name));

function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function build(hongfan, site, out, extra = []) {
  execFileSync(hongfan, ['build', '-s', site, '-o', out, '--now', '2026-11-22', '-q', ...extra],
               { stdio: 'inherit' });
  return out;
}

// { gzip: true } compresses text as the user guide's Nginx example does.
async function serve(root, { gzip = false } = {}) {
  const portFile = path.join(tempDir('hf-port-'), 'port');
  const child = spawn('python3', [path.join(repo, 'tests/tools/serve_static.py'), root,
                                  '--port', '0', '--port-file', portFile, ...(gzip ? ['--gzip'] : [])],
                      { stdio: 'ignore' });
  for (let i = 0; i < 200 && !fs.existsSync(portFile); i++) await new Promise((r) => setTimeout(r, 50));
  const port = fs.readFileSync(portFile, 'utf8').trim();
  return { url: `http://127.0.0.1:${port}/`, close: () => child.kill() };
}

async function browser() {
  const { chromium } = req('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// The first article page of a section, in name order: a folder whose page is
// an article, not the pager or a year/month archive (/news/2025/), which
// would otherwise come first and be measured as "an article".
function firstArticle(out, section) {
  return fs.readdirSync(path.join(out, section)).sort().find((d) => {
    const f = path.join(out, section, d, 'index.html');
    return fs.existsSync(f) && fs.readFileSync(f, 'utf8').includes('<article class="article"');
  });
}

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
}
function done(name) {
  if (failures) {
    console.log(`${name}: ${failures} check(s) failed`);
    process.exit(1);
  }
  console.log(`${name}: all checks passed`);
}

// Lighthouse 12 (default mobile emulation) on `url` in Debian's chromium;
// returns the parsed report. `profile` is the browser's user-data folder.
function lighthouse(url, categories, reportDir, profile) {
  const report = path.join(reportDir, 'report.json');
  try {
    execFileSync(path.join(repo, 'node_modules/.bin/lighthouse'), [
      url, '--output=json', `--output-path=${report}`, '--quiet', `--only-categories=${categories.join(',')}`,
      `--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --user-data-dir=${profile}`,
    ], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || '/usr/bin/chromium' },
         stdio: ['ignore', 'ignore', 'inherit'], timeout: 180000 });
  } catch (e) {
    if (!fs.existsSync(report)) throw e;  // Lighthouse exits non-zero on some audits' errors
  }
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  fs.rmSync(report);
  return r;
}

module.exports = { repo, req, tempDir, build, serve, browser, firstArticle, lighthouse, check, done };
