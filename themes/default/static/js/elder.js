/* 长辈版 (large-text mode). Loaded in <head> as a tiny blocking script so the
   stored choice applies before the first paint (no inline script, so no CSP
   changes are ever needed). Without JavaScript the switch stays hidden and
   the page keeps its normal, readable size. */
(function () {
  var root = document.documentElement, key = 'hongfan-elder';
  root.classList.add('js');
  try { if (localStorage.getItem(key) === '1') root.classList.add('elder'); } catch (e) { /* private mode */ }
  function wire() {
    var button = document.getElementById('elder-toggle');
    if (!button) return;
    function sync() { button.setAttribute('aria-pressed', root.classList.contains('elder') ? 'true' : 'false'); }
    sync();
    button.addEventListener('click', function () {
      var on = root.classList.toggle('elder');
      try { localStorage.setItem(key, on ? '1' : '0'); } catch (e) { /* not kept */ }
      sync();
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire);
  else wire();
})();
