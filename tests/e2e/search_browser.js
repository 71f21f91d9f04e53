// Types queries into the demo's /search/ page in headless Chromium and
// checks the expected articles come up, with the match in <mark>.
//   node search_browser.js HONGFAN REPO
'use strict';
const path = require('path');
const { tempDir, build, serve, browser, check, done } = require('./lib/harness');

const [hongfan, site] = process.argv.slice(2);
const cases = [
  // [query, a result title must contain, text that must be marked]
  ['段简', '楼长夜话', '段简'],            // mid-word: 一段简单
  ['网格员', '网格员', '网格员'],          // inside 专职网格员
  ['专职网格员', '招募', '专职网格员'],
  ['楼道公约', '楼道公约', '楼道公约'],
  ['红帆驿站', '红帆驿站', '红帆驿站'],
];

(async () => {
  const out = build(hongfan, site, path.join(tempDir('hf-search-'), 'public'));
  const server = await serve(out);
  const b = await browser();
  try {
    const page = await b.newPage({ viewport: { width: 375, height: 740 } });
    await page.goto(server.url + 'search/');
    for (const [query, title, marked] of cases) {
      await page.fill('#search-q', '');
      await page.type('#search-q', query);
      await page.press('#search-q', 'Enter');
      await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0 ||
                                       /没有找到/.test(document.getElementById('search-status').textContent),
                                 null, { timeout: 10000 }).catch(() => {});
      const titles = await page.$$eval('#search-results .result-title', (as) => as.map((a) => a.textContent));
      const marks = await page.$$eval('#search-results mark', (ms) => ms.map((m) => m.textContent));
      check(titles.some((t) => t.includes(title)), `"${query}" finds an article titled …${title}… (${titles.length} results)`);
      check(marks.includes(marked), `"${query}" marks "${marked}" in the results`);
      check(new URL(page.url()).searchParams.get('q') === query, `"${query}" is kept in the address as ?q=`);
    }
    // A result link leads to the article.
    const href = await page.$eval('#search-results .result-title', (a) => a.href);
    const res = await page.goto(href);
    check(res.status() === 200, `a result link opens (${href})`);
    // Plain GET form: /search/?q=… runs the query on load.
    await page.goto(server.url + 'search/?q=' + encodeURIComponent('段简'));
    await page.waitForSelector('#search-results li', { timeout: 10000 }).catch(() => {});
    check(await page.$$eval('#search-results li', (l) => l.length) > 0, 'search/?q=段简 shows results on load');
    // Nothing found, and markup in the query is shown as text.
    await page.goto(server.url + 'search/?q=' + encodeURIComponent('<b>不存在的词语</b>'));
    await page.waitForFunction(() => /没有找到/.test(document.getElementById('search-status').textContent), null,
                               { timeout: 10000 }).catch(() => {});
    const status = await page.$eval('#search-status', (s) => s.innerHTML);
    check(/没有找到/.test(status) && status.includes('&lt;b&gt;'), 'a query with markup is escaped and finds nothing');
  } finally {
    await b.close();
    server.close();
  }
  done('search_browser');
})().catch((e) => { console.error(e); process.exit(1); });
