// hongfan studio: the toolbar, live preview and photo drop. The forms work
// without this file; it only saves typing.
(function () {
  'use strict';
  var body = document.getElementById('body');
  var form = document.getElementById('edit');
  if (!body || !form) return;
  var csrf = form.querySelector('input[name=csrf]').value;

  function insert(before, after, placeholder) {
    var s = body.selectionStart, e = body.selectionEnd, v = body.value;
    var chosen = v.slice(s, e) || placeholder || '';
    body.value = v.slice(0, s) + before + chosen + (after || '') + v.slice(e);
    body.focus();
    body.selectionStart = s + before.length;
    body.selectionEnd = s + before.length + chosen.length;
    schedule();
  }
  // A table or a photo is a block of its own: a blank line before it, or
  // Markdown would read it as the next row of a table above the cursor.
  function blockBefore() {
    var v = body.value.slice(0, body.selectionStart);
    if (v === '' || /\n\s*\n$/.test(v)) return '';
    return /\n$/.test(v) ? '\n' : '\n\n';
  }
  function atLineStart(prefix, placeholder) {
    var s = body.selectionStart, v = body.value;
    var lineStart = v.lastIndexOf('\n', s - 1) + 1;
    var lineEnd = v.indexOf('\n', s);
    if (lineEnd < 0) lineEnd = v.length;
    var hasText = v.slice(lineStart, lineEnd).trim() !== '';
    body.selectionStart = body.selectionEnd = lineStart;
    insert(prefix, '', hasText ? '' : placeholder);
  }
  var actions = {
    heading: function () { atLineStart('## ', '小标题'); },
    bold: function () { insert('**', '**', '加粗文字'); },
    list: function () { atLineStart('- ', '列表项'); },
    link: function () { insert('[', '](https://)', '链接文字'); },
    image: function () { var f = document.getElementById('photo'); if (f) f.click(); },
    table: function () { insert(blockBefore() + '| 项目 | 内容 |\n| --- | --- |\n| ', ' |  |\n', '第一行'); }
  };
  document.querySelectorAll('.toolbar button[data-md]').forEach(function (b) {
    b.addEventListener('click', function () { actions[b.getAttribute('data-md')](); });
  });

  // Live preview: the page built by the site's own pipeline and theme.
  var frame = document.getElementById('preview');
  var timer = null;
  function schedule() {
    if (!frame) return;
    clearTimeout(timer);
    timer = setTimeout(preview, 800);
  }
  function preview() {
    // Multipart, as the form itself posts: a long article urlencoded is
    // over the server's 8 KB limit for that encoding.
    var data = new FormData(form);
    fetch('/preview', {method: 'POST', body: data, headers: {'X-Studio': 'fetch'}, credentials: 'same-origin'})
      .then(function (r) { return r.json(); })
      .then(function (j) {
        var out = document.getElementById('preview-status');
        if (j.url) { frame.src = j.url; if (out) out.textContent = '预览已更新'; }
        else if (out) out.textContent = j.error || '预览失败';
      });
  }
  form.addEventListener('input', schedule);
  if (frame) preview();

  // Photos: choose or drop; uploaded, cleaned of EXIF/GPS by the server,
  // inserted where the cursor is.
  function upload(file) {
    var data = new FormData();
    data.append('csrf', csrf);
    data.append('photo', file, file.name);
    var out = document.getElementById('upload-status');
    if (out) out.textContent = '正在上传 ' + file.name + '…';
    return fetch('/upload', {method: 'POST', body: data, headers: {'X-Studio': 'fetch'}, credentials: 'same-origin'})
      .then(function (r) { return r.json(); })
      .then(function (j) {
        if (j.markdown) { insert(blockBefore(), '', j.markdown + '\n'); if (out) out.textContent = '已插入 ' + j.path; }
        else if (out) out.textContent = j.error || '上传失败';
      });
  }
  var picker = document.getElementById('photo');
  if (picker) picker.addEventListener('change', function () {
    Array.prototype.forEach.call(picker.files, upload);
    picker.value = '';
  });
  var drop = document.getElementById('drop');
  if (drop) {
    ['dragenter', 'dragover'].forEach(function (t) {
      drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add('over'); });
    });
    ['dragleave', 'drop'].forEach(function (t) {
      drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.remove('over'); });
    });
    drop.addEventListener('drop', function (e) { Array.prototype.forEach.call(e.dataTransfer.files, upload); });
  }
})();
