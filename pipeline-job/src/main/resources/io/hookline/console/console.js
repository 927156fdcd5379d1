// Hookline console: live progress over SSE and the in-page player. Everything else is plain HTML forms.
(function () {
  'use strict';

  function fill(container, data) {
    ['state', 'clips', 'renditions', 'failed', 'deadLetters', 'profileVersion'].forEach(function (field) {
      var cell = container.querySelector('[data-field="' + field + '"]');
      if (cell) { cell.textContent = String(data[field]); }
    });
  }

  function follow(element) {
    var source = new EventSource(element.getAttribute('data-live'));
    source.addEventListener('open', function () { document.body.setAttribute('data-stream', 'open'); });
    source.addEventListener('error', function () { document.body.setAttribute('data-stream', 'retrying'); });
    source.addEventListener('progress', function (event) {
      var data = JSON.parse(event.data);
      if (element.id === 'matches') {
        var row = null;
        element.querySelectorAll('tr[data-match]').forEach(function (r) {
          if (r.getAttribute('data-match') === data.matchId) { row = r; }
        });
        if (row) { fill(row, data); } else { location.reload(); }
      } else if (element.getAttribute('data-match') === data.matchId) {
        fill(element, data);
      }
    });
  }

  function play(link) {
    var box = document.getElementById('player-box');
    var video = document.getElementById('player');
    box.hidden = false;
    video.src = link.getAttribute('data-play');
    document.getElementById('player-label').textContent = link.getAttribute('data-label');
    video.play().catch(function () { /* the controls are there to start it by hand */ });
    box.scrollIntoView({ block: 'nearest' });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-live]').forEach(follow);
    document.addEventListener('click', function (event) {
      var link = event.target.closest('a[data-play]');
      if (link && document.getElementById('player')) {
        event.preventDefault();
        play(link);
      }
    });
  });
})();
