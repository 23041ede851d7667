// Evidence uploads in the provider portal: each question's upload form posts through XMLHttpRequest
// so the provider sees how far a large file has got, next to the question it is for. Without this
// script the form posts and redirects as usual. An upload that fails because of the connection or the
// server is tried again a few times on its own; the chosen file stays selected whatever happens, so
// the provider can always press Upload again. Answers typed meanwhile are kept by the autosave script
// across the reload that shows the new file.
(function () {
  'use strict';
  if (!window.XMLHttpRequest || !window.FormData) return;
  var RETRY_SECONDS = [2, 5, 10];

  function message(form, name, values) {
    var template = form.getAttribute('data-msg-' + name) || '';
    return template.replace(/\{([a-zA-Z]+)\}/g, function (placeholder, key) {
      return values && values[key] !== undefined ? String(values[key]) : placeholder;
    });
  }

  function attach(form) {
    // The controls sit with their question inside the section form and belong to this form by their
    // `form` attribute; progress and messages go there too.
    var controls = document.getElementById(form.getAttribute('data-controls')) || form;
    var input = form.elements.namedItem('file');
    var button = document.querySelector('button[form="' + form.id + '"]');
    var progress = document.createElement('progress');
    progress.max = 100;
    progress.value = 0;
    progress.hidden = true;
    progress.setAttribute('aria-label', message(form, 'progress-label'));
    var status = document.createElement('p');
    status.className = 'upload-status';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    controls.appendChild(progress);
    controls.appendChild(status);

    function send(attempt) {
      var request = new XMLHttpRequest();
      request.open('POST', form.action);
      request.setRequestHeader('Accept', 'application/json');
      request.upload.addEventListener('progress', function (progressEvent) {
        if (!progressEvent.lengthComputable) return;
        var percent = Math.round((progressEvent.loaded / progressEvent.total) * 100);
        progress.value = percent;
        status.textContent = message(form, 'uploading', { percent: percent });
      });
      request.addEventListener('load', function () {
        if (request.status === 201) {
          status.textContent = message(form, 'uploaded');
          // The page lists the new file with its fingerprint: show it where the question is.
          window.location.reload();
          return;
        }
        var text = '';
        try {
          var body = JSON.parse(request.responseText);
          text = [].concat(body.message || []).join(' ');
        } catch (ignored) {
          text = '';
        }
        var transient = request.status === 403 || request.status === 429 || request.status >= 500;
        if (transient) retryOrFail(attempt, text || String(request.status));
        else fail(text);
      });
      request.addEventListener('error', function () {
        retryOrFail(attempt, '');
      });
      status.setAttribute('role', 'status');
      progress.hidden = false;
      progress.value = 0;
      status.textContent = message(form, 'uploading', { percent: 0 });
      if (button) button.disabled = true;
      request.send(new FormData(form));
    }

    function retryOrFail(attempt, detail) {
      if (attempt >= RETRY_SECONDS.length) {
        fail(detail);
        return;
      }
      var seconds = RETRY_SECONDS[attempt];
      progress.hidden = true;
      status.textContent = message(form, 'retrying', { seconds: seconds });
      setTimeout(function () {
        send(attempt + 1);
      }, seconds * 1000);
    }

    function fail(detail) {
      progress.hidden = true;
      status.setAttribute('role', 'alert');
      status.textContent = message(form, 'failed', { detail: detail });
      if (button) button.disabled = false;
    }

    form.addEventListener('submit', function (event) {
      if (!input || !input.files || input.files.length === 0) return;
      event.preventDefault();
      send(0);
    });
  }

  var forms = document.querySelectorAll('form.evidence-upload-form');
  for (var index = 0; index < forms.length; index++) attach(forms[index]);
})();
