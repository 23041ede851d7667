// Progressive enhancement for the case page: while a dossier version is being rendered, its status
// cell follows the render progress and the status line says when it is done. Without JavaScript the
// page shows the progress as rendered; a reload updates it.
(function () {
  'use strict';
  var status = document.querySelector('[data-dossier-progress]');
  if (!status || typeof window.fetch !== 'function') return;
  var url = status.getAttribute('data-dossier-progress');
  var labels = { pending: 'Being rendered', rendered: 'Rendered', signed: 'Signed', superseded: 'Superseded' };

  function finish() {
    status.textContent = 'Rendering finished. ';
    var link = document.createElement('a');
    link.href = window.location.pathname + '#dossier';
    link.textContent = 'Show the rendered version and its downloads';
    link.addEventListener('click', function () {
      window.location.reload();
    });
    status.appendChild(link);
  }

  function poll() {
    window
      .fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (versions) {
        if (!versions) return;
        var pending = false;
        versions.forEach(function (version) {
          var row = document.querySelector('[data-dossier-version="' + version.id + '"] [data-dossier-status]');
          if (!row) return;
          var label = labels[version.status] || version.status;
          row.textContent = version.status === 'pending' ? label + ' (' + version.renderProgress + ' %)' : label;
          if (version.status === 'pending') pending = true;
        });
        if (pending) window.setTimeout(poll, 1500);
        else finish();
      })
      .catch(function () {
        window.setTimeout(poll, 5000);
      });
  }
  window.setTimeout(poll, 1000);
})();
