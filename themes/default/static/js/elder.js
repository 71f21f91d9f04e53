/* 长辈版 (large-text mode). Loaded in <head> as a tiny blocking script so the
   stored choice applies before the first paint (no inline script, so no CSP
   changes are ever needed). Without JavaScript the switch stays hidden and
   the page keeps its normal, readable size.
   A link turns it on for a relative: ?长辈版=1 (or ?elder=1) or #elder on any
   page's address, shared in a WeChat group, switches it on and remembers it
   on that phone; ?长辈版=0 switches it off. Remembering needs a script: a
   static site has no server to keep a cookie, and CSS alone cannot carry a
   choice from one page to the next. */
(function () {
  var root = document.documentElement, key = 'hongfan-elder', on = false, asked = null;
  root.classList.add('js');
  try { on = localStorage.getItem(key) === '1'; } catch (e) { /* private mode */ }
  try {
    var params = new URLSearchParams(location.search);
    var v = params.has('长辈版') ? params.get('长辈版') : params.get('elder');
    if (v !== null) asked = v !== '0' && v !== 'false';
  } catch (e) { /* old browser: the button still works */ }
  if (location.hash === '#elder') asked = true;
  if (asked !== null) {
    on = asked;
    try { localStorage.setItem(key, on ? '1' : '0'); } catch (e) { /* not kept */ }
  }
  if (on) root.classList.add('elder');
  function wire() {
    var button = document.getElementById('elder-toggle');
    if (!button) return;
    function sync() { button.setAttribute('aria-pressed', root.classList.contains('elder') ? 'true' : 'false'); }
    sync();
    button.addEventListener('click', function () {
      var now = root.classList.toggle('elder');
      try { localStorage.setItem(key, now ? '1' : '0'); } catch (e) { /* not kept */ }
      sync();
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire);
  else wire();
})();
