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
  // One click handler on the document, attached now: nothing waits for the
  // page to finish parsing. (A DOMContentLoaded handler on every page showed
  // as the home page's one long task after its first paint.) Enter and Space
  // on the button fire click as well.
  document.addEventListener('click', function (e) {
    var button = e.target && e.target.closest ? e.target.closest('#elder-toggle') : null;
    if (!button) return;
    var now = root.classList.toggle('elder');
    try { localStorage.setItem(key, now ? '1' : '0'); } catch (err) { /* not kept */ }
    button.setAttribute('aria-pressed', now ? 'true' : 'false');
  });
  // The button is sent as aria-pressed="false"; only a page opened in
  // 长辈版 has to say otherwise.
  function pressed() {
    var button = document.getElementById('elder-toggle');
    if (button) button.setAttribute('aria-pressed', 'true');
  }
  if (on) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', pressed);
    else pressed();
  }
})();
