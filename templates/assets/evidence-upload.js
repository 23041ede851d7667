// Evidence uploads in the provider portal: the same form posts through XMLHttpRequest so the provider
// sees how far a large file has got. Without this script the form posts and redirects as usual.
(function () {
  'use strict';
  if (!window.XMLHttpRequest || !window.FormData) return;

  function message(form, name, values) {
    var template = form.getAttribute('data-msg-' + name) || '';
    return template.replace(/\{([a-zA-Z]+)\}/g, function (placeholder, key) {
      return values && values[key] !== undefined ? String(values[key]) : placeholder;
    });
  }

  function attach(form) {
    var progress = document.createElement('progress');
    progress.max = 100;
    progress.value = 0;
    progress.hidden = true;
    progress.setAttribute('aria-label', message(form, 'progress-label'));
    var status = document.createElement('p');
    status.className = 'upload-status';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    form.appendChild(progress);
    form.appendChild(status);
    var button = form.querySelector('button[type="submit"]');

    form.addEventListener('submit', function (event) {
      var input = form.querySelector('input[type="file"]');
      if (!input || !input.files || input.files.length === 0) return;
      event.preventDefault();
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
        fail(text);
      });
      request.addEventListener('error', function () {
        fail('');
      });
      function fail(detail) {
        progress.hidden = true;
        status.setAttribute('role', 'alert');
        status.textContent = message(form, 'failed', { detail: detail });
        if (button) button.disabled = false;
      }
      status.setAttribute('role', 'status');
      progress.hidden = false;
      progress.value = 0;
      status.textContent = message(form, 'uploading', { percent: 0 });
      if (button) button.disabled = true;
      request.send(new FormData(form));
    });
  }

  var forms = document.querySelectorAll('form.evidence-upload');
  for (var index = 0; index < forms.length; index++) attach(forms[index]);
})();
