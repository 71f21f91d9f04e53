// The per-query download bound on a 10,000-article site: a query fetches at
// most search.js MAX_TERMS index shards plus the documents of the first page
// of results, and that must stay under 300 KB however common the words are.
//   node search_index_size.js HONGFAN [ARTICLES]
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { repo, tempDir, build, check, done } = require('./lib/harness');
const s = require(path.join(repo, 'themes/default/static/js/search.js'));

const [hongfan, n = '10000'] = process.argv.slice(2);
const LIMIT = 300 * 1024;
const queries = ['社区', '网格员', '志愿服务', '垃圾分类', '党员', '居民', '的',
                 '关于进一步加强社区党建引领基层治理工作的通知', 'wifi', '2024年'];

(async () => {
  const site = tempDir('hf-corpus-');
  execFileSync('python3', [path.join(repo, 'bench/gen_corpus.py'), '--n', n, '--out', site],
               { stdio: 'ignore' });
  fs.writeFileSync(path.join(site, 'site.yaml'),
                   'title: 测试站\nbase_url: https://example.org/\nlanguage: zh-CN\ntheme: default\n');
  const out = build(hongfan, site, path.join(site, 'public'));
  const html = fs.readFileSync(path.join(out, 'search/index.html'), 'utf8');
  const attr = (name) => Number(html.match(new RegExp(`data-${name}="?(\\d+)`))[1]);
  const opts = { shards: attr('shards'), docs: attr('docs') };
  check(opts.docs === Number(n), `the index holds ${opts.docs} documents`);
  const shardFiles = fs.readdirSync(path.join(out, 'search/s'));
  const biggest = Math.max(...shardFiles.map((f) => fs.statSync(path.join(out, 'search/s', f)).size));
  console.log(`     ${opts.shards} shards, largest ${(biggest / 1024).toFixed(1)} KB`);

  let worst = 0;
  for (const q of queries) {
    let bytes = 0, gz = 0, files = 0;
    const load = (p) => {
      const data = fs.readFileSync(path.join(out, 'search', p));
      bytes += data.length;
      gz += zlib.gzipSync(data).length;
      files++;
      return Promise.resolve(data.toString('utf8'));
    };
    const searcher = new s.Searcher(opts, load);
    const r = await searcher.search(q);
    await searcher.docs(r.ids.slice(0, s.PAGE));
    worst = Math.max(worst, bytes);
    check(bytes <= LIMIT,
          `"${q}": ${r.ids.length} results, ${files} files, ${(bytes / 1024).toFixed(1)} KB ` +
          `(${(gz / 1024).toFixed(1)} KB gzip) fetched`);
  }
  const docFiles = fs.readdirSync(path.join(out, 'search/d'));
  const biggestDoc = Math.max(...docFiles.map((f) => fs.statSync(path.join(out, 'search/d', f)).size));
  const bound = s.MAX_TERMS * biggest + s.PAGE * biggestDoc;
  check(bound <= LIMIT, `any query: at most ${s.MAX_TERMS} shards × ${(biggest / 1024).toFixed(1)} KB + ` +
        `${s.PAGE} documents × ${(biggestDoc / 1024).toFixed(1)} KB = ${(bound / 1024).toFixed(1)} KB`);
  console.log(`     worst query: ${(worst / 1024).toFixed(1)} KB of index (limit ${LIMIT / 1024} KB)`);
  fs.rmSync(site, { recursive: true, force: true });
  done('search_index_size');
})().catch((e) => { console.error(e); process.exit(1); });
