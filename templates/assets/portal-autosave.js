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

  function say(text) {
    status.textContent = text;
  }

  function save() {
    if (halted) return;
    if (inFlight) {
      pending = true;
      return;
    }
    inFlight = true;
    say('Saving…');
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
          say('All changes saved at ' + new Date(result.body.savedAt).toLocaleTimeString() + '.');
        } else if (result.status === 409) {
          halted = true;
          say(
            'Not saved: these answers were changed in another tab or on another device. Reload the page to see the latest answers, then make your change again.',
          );
        } else if (result.status === 422) {
          var messages = [].concat(result.body.message || []);
          say('Not saved: ' + messages.join(' '));
        } else {
          say('Not saved (' + (result.body.message || result.status) + '). Use the Save button to try again.');
        }
      })
      .catch(function () {
        say(
          'Not saved: the connection was lost. Your changes are still on this page; use the Save button when you are back online.',
        );
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
