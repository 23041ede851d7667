// Progressive enhancement for the comparison page: the status line follows scoring live. Without
// JavaScript or EventSource the page still shows the progress as rendered; a reload updates it.
(function () {
  'use strict';
  var status = document.querySelector('[data-progress-stream]');
  if (!status || typeof window.EventSource !== 'function') return;
  var source = new EventSource(status.getAttribute('data-progress-stream'));
  source.addEventListener('progress', function (event) {
    var progress;
    try {
      progress = JSON.parse(event.data);
    } catch (error) {
      return;
    }
    status.textContent = progress.message;
    if (progress.done) {
      source.close();
      var link = document.createElement('a');
      link.href = window.location.pathname;
      link.textContent = 'Show the updated comparison';
      status.appendChild(document.createTextNode(' '));
      status.appendChild(link);
    }
  });
})();
