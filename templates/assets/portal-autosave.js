// Autosave for the provider portal: posts the section form shortly after the provider stops typing,
// through the same endpoint as the Save button, and keeps the revision number in step.
// Nothing typed is ever lost: every change is first kept in this browser (localStorage, per link and
// section) and only dropped once the server has saved exactly that. A save that fails (refused,
// server error, offline) says so plainly and is retried with growing pauses; after a reload the kept
// changes are put back into the form. A stale revision (another tab or device saved meanwhile) is
// never overwritten silently: the changes stay kept and the provider checks them before saving.
(function () {
  'use strict';
  var form = document.getElementById('section-form');
  var bar = document.getElementById('autosave-bar');
  var status = document.getElementById('autosave-status');
  if (!form || form.getAttribute('data-autosave') !== 'on' || !window.fetch) return;
  var revisionField = form.querySelector('input[name="_revision"]');
  var draftKey = 'probity-portal-draft:' + new URL(form.action, window.location.href).pathname;
  var RETRY_SECONDS = [2, 4, 8, 15, 30, 60];
  var MAX_RETRY_AFTER_SECONDS = 300;
  var timer = null;
  var inFlight = false;
  var pending = false;
  var halted = false;
  var failures = 0;
  // How long ago the last save was, refreshed every few seconds beside the status line. It is hidden from
  // screen readers, which heard the save time once; a ticking live region would interrupt them each time.
  var age = document.getElementById('autosave-age');
  var savedAt = null;
  age.textContent = message('intro');

  function say(text, isProblem) {
    status.textContent = text;
    if (bar) bar.classList.toggle('is-problem', Boolean(isProblem));
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

  function timeText(milliseconds) {
    return new Date(milliseconds).toLocaleTimeString(document.documentElement.lang || undefined);
  }

  /** The answers as the form would post them, without the CSRF token and revision. */
  function answerFields() {
    var fields = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== '_csrf' && name !== '_revision' && typeof value === 'string') fields.push([name, value]);
    });
    return fields;
  }

  function sameFields(left, right) {
    return JSON.stringify(left) === JSON.stringify(right);
  }

  // Storage can be full or switched off (private windows): the page then works as before, unsaved
  // changes simply are not kept across a reload.
  function readDraft() {
    try {
      var text = window.localStorage.getItem(draftKey);
      return text ? JSON.parse(text) : null;
    } catch (ignored) {
      return null;
    }
  }

  function keepDraft(extra) {
    var draft = { fields: answerFields(), revision: Number(revisionField.value), keptAt: Date.now() };
    for (var key in extra || {}) draft[key] = extra[key];
    try {
      window.localStorage.setItem(draftKey, JSON.stringify(draft));
    } catch (ignored) {
      /* see readDraft */
    }
  }

  function dropDraftIfSaved(savedFields) {
    var draft = readDraft();
    if (!draft || !sameFields(draft.fields, savedFields)) return;
    try {
      window.localStorage.removeItem(draftKey);
    } catch (ignored) {
      /* see readDraft */
    }
  }

  /** Puts kept answers back into the form's fields (text, choices, lists, "not applicable" boxes). */
  function restore(fields) {
    var valuesByName = {};
    fields.forEach(function (field) {
      (valuesByName[field[0]] = valuesByName[field[0]] || []).push(field[1]);
    });
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!element.name || element.name === '_csrf' || element.name === '_revision' || element.type === 'file') return;
      if (element.form !== form) return;
      var values = valuesByName[element.name] || [];
      if (element.type === 'radio' || element.type === 'checkbox') element.checked = values.indexOf(element.value) >= 0;
      else if (element.tagName === 'SELECT' && element.multiple)
        Array.prototype.forEach.call(element.options, function (option) {
          option.selected = values.indexOf(option.value) >= 0;
        });
      else if (element.tagName === 'SELECT' || element.tagName === 'TEXTAREA' || element.tagName === 'INPUT')
        element.value = values.length ? values[0] : '';
    });
  }

  /**
   * Seconds the server asked us to wait (Retry-After on a 429 or a 503 when it is overloaded): either a
   * number of seconds or an HTTP date. A busy server is not asked again sooner than it said.
   */
  function retryAfterSeconds(header) {
    if (!header) return 0;
    var seconds = /^\d+$/.test(header.trim()) ? Number(header) : (Date.parse(header) - Date.now()) / 1000;
    return isFinite(seconds) ? Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, Math.ceil(seconds))) : 0;
  }

  function retryLater(text, askedSeconds) {
    var seconds = Math.max(RETRY_SECONDS[Math.min(failures, RETRY_SECONDS.length - 1)], askedSeconds || 0);
    failures += 1;
    say(message('failed', { reason: text, seconds: seconds }), true);
    schedule(seconds * 1000);
  }

  function save() {
    if (halted) return;
    if (inFlight) {
      pending = true;
      return;
    }
    inFlight = true;
    var fields = answerFields();
    say(message('saving'));
    fetch(form.action, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(new FormData(form)).toString(),
      credentials: 'same-origin',
    })
      .then(function (response) {
        return response
          .json()
          .catch(function () {
            return {};
          })
          .then(function (body) {
            return { status: response.status, body: body, retryAfter: response.headers.get('Retry-After') };
          });
      })
      .then(function (result) {
        var reason = [].concat(result.body.message || []).join(' ') || String(result.status);
        if (result.status === 200) {
          failures = 0;
          revisionField.value = String(result.body.revision);
          dropDraftIfSaved(fields);
          say(message('saved', { time: timeText(new Date(result.body.savedAt).getTime()) }));
          savedAt = Date.now();
          showAge();
        } else if (result.status === 409) {
          halted = true;
          keepDraft({ conflict: true });
          say(message('conflict'), true);
        } else if (result.status === 422) {
          say(message('invalid', { messages: reason }), true);
        } else if (result.status === 403 || result.status === 429 || result.status >= 500) {
          retryLater(reason, retryAfterSeconds(result.retryAfter));
        } else {
          // 400, 404, 410: the link or the page no longer takes answers; trying again would not help.
          say(message('not-saved', { reason: reason }), true);
        }
      })
      .catch(function () {
        failures += 1;
        say(message('offline'), true);
        // The browser tells us when it is back online; until then a slow retry covers a flaky network.
        schedule(RETRY_SECONDS[RETRY_SECONDS.length - 1] * 1000);
      })
      .then(function () {
        inFlight = false;
        if (pending) {
          pending = false;
          save();
        }
      });
  }

  function schedule(delay) {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, delay === undefined ? 1200 : delay);
  }

  function changed(event) {
    // Upload controls sit beside their question but belong to their own forms.
    if (event.target && event.target.form !== form) return;
    keepDraft();
    schedule();
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  // The Save button posts the page as usual; once that answer comes back with a newer revision, the
  // kept copy is known to be saved (see below).
  form.addEventListener('submit', function () {
    keepDraft({ submitted: true });
  });
  window.addEventListener('online', function () {
    if (!halted && readDraft()) save();
  });

  var draft = readDraft();
  if (draft && Array.isArray(draft.fields)) {
    var revision = Number(revisionField.value);
    // The server answered a Save button post with the latest answers because these changed elsewhere.
    var conflictShown = form.getAttribute('data-conflict') === 'true';
    if (sameFields(draft.fields, answerFields()) || (draft.submitted && revision > draft.revision && !conflictShown)) {
      dropDraftIfSaved(draft.fields);
    } else if (conflictShown || draft.conflict || draft.revision !== revision) {
      // Saved answers changed since these were typed: put them back, but let the provider decide.
      restore(draft.fields);
      say(message('restored-check', { time: timeText(draft.keptAt) }), true);
    } else {
      restore(draft.fields);
      say(message('restored', { time: timeText(draft.keptAt) }));
      schedule();
    }
  }
})();
