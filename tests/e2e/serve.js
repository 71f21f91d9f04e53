// `hongfan serve` in a browser: an edit reloads the open page with the new
// text; a syntax error shows its file:line:col in the page and the terminal
// while the last good site stays online; fixing it recovers; requests
// outside the output folder are refused.
//   node serve.js HONGFAN REPO
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const path = require('path');
const { repo, tempDir, browser, check, done } = require('./lib/harness');

const [hongfan] = process.argv.slice(2);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
});
const rawGet = (port, p) => new Promise((resolve) => {
  http.get({ host: '127.0.0.1', port, path: p }, (res) => { res.resume(); resolve(res.statusCode); })
    .on('error', () => resolve(0));
});

(async () => {
  const site = path.join(tempDir('hf-serve-'), 'site');
  fs.cpSync(path.join(repo, 'tests/sites/minimal'), site, { recursive: true });
  const article = path.join(site, 'content/news/2024-06-01-first.md');
  const original = fs.readFileSync(article, 'utf8');
  // The article's neighbour gets a gallery of two demo photos: an edit of
  // the article re-renders the neighbour (its link to it) from the pages
  // the server kept, whose gallery must not be added a second time.
  const photos = path.join(site, 'static/images/album');
  fs.mkdirSync(photos, { recursive: true });
  for (const f of fs.readdirSync(path.join(repo, 'static/images/demo/yizhen')).filter((f) => /\.jpe?g$/i.test(f)).sort().slice(0, 2))
    fs.copyFileSync(path.join(repo, 'static/images/demo/yizhen', f), path.join(photos, f));
  const neighbour = path.join(site, 'content/news/2024-06-02-second.md');
  fs.writeFileSync(neighbour, fs.readFileSync(neighbour, 'utf8').replace(/^---\n/, '---\ngallery: /images/album/\n'));
  const port = await freePort();
  let terminal = '';
  const child = spawn(hongfan, ['serve', '-s', site, '--port', String(port), '--now', '2026-11-22']);
  child.stderr.on('data', (d) => { terminal += d; });
  for (let i = 0; i < 100 && !terminal.includes(`127.0.0.1:${port}/`); i++) await sleep(100);  // printed once the port is ours
  const b = await browser();
  try {
    const page = await b.newPage();
    const url = `http://127.0.0.1:${port}/news/first/`;
    await page.goto(url);
    check((await page.textContent('h1')).includes('第一篇新闻'), 'the article is served');
    const photosOn = async (p) => ((await (await fetch(`http://127.0.0.1:${port}${p}`)).text()).match(/<picture/g) || []).length;
    const galleryBefore = await photosOn('/news/second/');
    check(galleryBefore > 0, `the neighbour shows its gallery (${galleryBefore} pictures)`);
    await page.waitForTimeout(300);  // the event stream connects

    // An edit: the open page reloads by itself with the new title.
    fs.writeFileSync(article, original.replace('第一篇新闻', '第一篇新闻（已更新）'));
    await page.waitForFunction(() => document.querySelector('h1').textContent.includes('已更新'), null, { timeout: 15000 })
      .then(() => check(true, 'an edit reloads the open page'), () => check(false, 'an edit reloads the open page'));
    const shows = async (p, text) => (await (await fetch(`http://127.0.0.1:${port}${p}`)).text()).includes(text);
    check(await shows('/news/page/2/', '第一篇新闻（已更新）'), 'the list page showing the article (2 per page) has the new title');
    const gallery = await photosOn('/news/second/');
    check(await shows('/news/second/', '第一篇新闻（已更新）') && gallery === galleryBefore,
          `the neighbour links to the new title and shows its gallery once (${gallery} pictures, ${galleryBefore} before)`);
    // A second edit starts from the pages the first quick rebuild kept.
    fs.writeFileSync(article, original.replace('第一篇新闻', '第一篇新闻（再次更新）'));
    await page.waitForFunction(() => document.querySelector('h1').textContent.includes('再次更新'), null, { timeout: 15000 })
      .then(() => check(true, 'a second edit reloads the page'), () => check(false, 'a second edit reloads the page'));
    check(await shows('/news/page/2/', '第一篇新闻（再次更新）') && !(await shows('/news/page/2/', '（已更新）')),
          'that list page shows the second title only');
    // Once the editor pauses, a full build refreshes the search index.
    const searchHas = async (text) => {
      for (let i = 0; i < 20; i++) {
        const r = await fetch(`http://127.0.0.1:${port}/search/d/${i}.json`);
        if (r.status === 200 && (await r.text()).includes(text)) return true;
      }
      return false;
    };
    let indexed = false;
    for (let t = 0; t < 40 && !indexed; t++) {
      await sleep(250);
      indexed = await searchHas('第一篇新闻（再次更新）');
    }
    check(indexed, 'after a pause the search index has the new title');

    // A syntax error: file:line:col in the page and the terminal; the last
    // good page is still what is shown under the message.
    fs.writeFileSync(article, '---\ntitle: 第一篇新闻\ntags: [志愿服务, 邻里\ndate: 2024-06-01\n---\n正文\n');
    const where = /content\/news\/2024-06-01-first\.md:\d+:\d+: (front matter|文章开头)/;
    await page.waitForSelector('#hongfan-build-error', { timeout: 15000 }).catch(() => {});
    const shown = await page.$eval('#hongfan-build-error', (e) => e.textContent).catch(() => '');
    check(where.test(shown), `the page shows file:line:col: ${(shown.match(where) || [''])[0]}`);
    check(where.test(terminal), 'the terminal shows the same error');
    check((await page.textContent('h1')).includes('再次更新'), 'the last good page is still served');

    // Fixed again: the message goes away.
    fs.writeFileSync(article, original);
    await page.waitForFunction(() => !document.getElementById('hongfan-build-error') &&
                                     document.querySelector('h1').textContent === '第一篇新闻', null, { timeout: 15000 })
      .then(() => check(true, 'fixing the file clears the error'), () => check(false, 'fixing the file clears the error'));

    // Nothing outside the output folder.
    for (const p of ['/../site.yaml', '/%2e%2e/site.yaml', '/news/../../content/news/2024-06-01-first.md'])
      check([403, 404].includes(await rawGet(port, p)), `${p} is refused`);
    check(await rawGet(port, '/nope/') === 404, 'a missing page is 404');
  } finally {
    await b.close();
    child.kill('SIGTERM');
  }
  done('serve');
})().catch((e) => { console.error(e); process.exit(1); });
