// The browser tokeniser (search.js) against the cases the C++ tokeniser is
// unit-tested with (tests/search/tokenize_cases.json): both must agree.
'use strict';
const path = require('path');
const { repo, check, done } = require('./lib/harness');
const s = require(path.join(repo, 'themes/default/static/js/search.js'));
const cases = require(path.join(repo, 'tests/search/tokenize_cases.json'));
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
for (const c of cases) {
  check(same(s.indexTokens(c.text), c.index), `index tokens of ${JSON.stringify(c.text)}`);
  const terms = s.queryTerms(c.text);
  check(same(terms, c.query), `query terms of ${JSON.stringify(c.text)}`);
  check(same(terms.map(s.tokenHash), c.hash), `token hashes of ${JSON.stringify(c.text)}`);
}
done('search_tokens');
