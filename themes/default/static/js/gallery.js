/* Galleries (site/media.cc): each thumbnail links to its photo's :target
   lightbox, which works without JavaScript. This adds what needs a script:
   Escape closes, the arrow keys turn pages, focus moves into the open photo
   and back to its thumbnail, and turning pages replaces the history entry so
   the Back button leaves the gallery instead of stepping through it. */
(function () {
  var root = document.documentElement, last = null;
  function box() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    return el && el.classList.contains('lightbox') ? el : null;
  }
  function sync() {
    var open = box();
    root.classList.toggle('lightbox-open', !!open);
    if (open) {
      last = open.id;
      var close = open.querySelector('.lightbox-close');
      if (close) close.focus({ preventScroll: true });
    } else if (last) {
      var thumb = document.querySelector('a[href="#' + last + '"]');
      last = null;
      if (thumb) thumb.focus({ preventScroll: true });
    }
  }
  function go(href) { location.replace(href); }
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('.lightbox-nav a');
    if (!a) return;
    e.preventDefault();
    go(a.getAttribute('href'));
  });
  document.addEventListener('keydown', function (e) {
    var open = box();
    if (!open) return;
    var sel = e.key === 'ArrowLeft' ? 'a[rel="prev"]' : e.key === 'ArrowRight' ? 'a[rel="next"]'
      : e.key === 'Escape' ? '.lightbox-close' : null;
    var a = sel && open.querySelector(sel);
    if (!a) return;
    e.preventDefault();
    go(a.getAttribute('href'));
  });
  window.addEventListener('hashchange', sync);
  sync();
})();
