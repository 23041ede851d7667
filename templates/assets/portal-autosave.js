// Autosave for the provider portal: posts the section form shortly after the provider stops typing,
// through the same endpoint as the Save button, and keeps the revision number in step. A stale
// revision (another tab or device saved meanwhile) is reported, never silently overwritten.
(function () {
  'use strict';
  var form = document.getElementById('section-form');
  var status = document.getElementById('autosave-status');
  if (!form || form.getAttribute('data-autosave') !== 'on' || !window.fetch) return;
  var revisionField = form.querySelector('input[name="_revision"]');
  var timer = null;
  var inFlight = false;
  var pending = false;
  var halted = false;
  // How long ago the last save was, refreshed every few seconds beside the status line. It is hidden from
  // screen readers, which heard the save time once; a ticking live region would interrupt them each time.
  var age = document.createElement('span');
  age.className = 'autosave-age';
  age.setAttribute('aria-hidden', 'true');
  status.insertAdjacentElement('afterend', age);
  var savedAt = null;

  function say(text) {
    status.textContent = text;
    savedAt = null;
    age.textContent = '';
  }

  function showAge() {
    if (savedAt === null) return;
    var seconds = Math.max(0, Math.round((Date.now() - savedAt) / 1000));
    age.textContent =
      seconds < 60
        ? message('saved-seconds-ago', { seconds: seconds })
        : message('saved-minutes-ago', { minutes: Math.floor(seconds / 60) });
  }
  setInterval(showAge, 5000);

  // The page supplies every message in the provider's language; {name} marks a value to fill in.
  function message(name, values) {
    var template = form.getAttribute('data-msg-' + name) || '';
    return template.replace(/\{([a-zA-Z]+)\}/g, function (placeholder, key) {
      return values && values[key] !== undefined ? String(values[key]) : placeholder;
    });
  }

  function save() {
    if (halted) return;
    if (inFlight) {
      pending = true;
      return;
    }
    inFlight = true;
    say(message('saving'));
    fetch(form.action, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(new FormData(form)).toString(),
      credentials: 'same-origin',
    })
      .then(function (response) {
        return response.json().then(function (body) {
          return { status: response.status, body: body };
        });
      })
      .then(function (result) {
        if (result.status === 200) {
          revisionField.value = String(result.body.revision);
          say(
            message('saved', {
              time: new Date(result.body.savedAt).toLocaleTimeString(document.documentElement.lang || undefined),
            }),
          );
          savedAt = Date.now();
          showAge();
        } else if (result.status === 409) {
          halted = true;
          say(message('conflict'));
        } else if (result.status === 422) {
          var messages = [].concat(result.body.message || []);
          say(message('invalid', { messages: messages.join(' ') }));
        } else {
          say(message('failed', { reason: result.body.message || result.status }));
        }
      })
      .catch(function () {
        say(message('offline'));
      })
      .then(function () {
        inFlight = false;
        if (pending) {
          pending = false;
          save();
        }
      });
  }

  function schedule() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, 1200);
  }

  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
})();
