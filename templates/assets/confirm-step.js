// Progressive enhancement for steps that cannot be undone: a form with data-confirm-title asks in a
// native <dialog> before it is sent. Without JavaScript the server answers the same form with a
// confirmation page, so the step is always confirmed; the dialog only saves a page load.
(function () {
  'use strict';
  var forms = document.querySelectorAll('form[data-confirm-title]');
  if (!forms.length || typeof HTMLDialogElement !== 'function') return;

  function build(form) {
    var dialog = document.createElement('dialog');
    dialog.className = 'confirm-dialog';
    dialog.setAttribute('aria-labelledby', 'confirm-dialog-title');
    dialog.setAttribute('aria-describedby', 'confirm-dialog-body');
    var title = document.createElement('h2');
    title.id = 'confirm-dialog-title';
    title.textContent = form.dataset.confirmTitle;
    var body = document.createElement('p');
    body.id = 'confirm-dialog-body';
    body.textContent = form.dataset.confirmBody || '';
    var choice = document.createElement('form');
    choice.method = 'dialog';
    var confirm = document.createElement('button');
    confirm.type = 'submit';
    confirm.value = 'confirm';
    confirm.textContent = form.dataset.confirmLabel || 'Confirm';
    if (form.hasAttribute('data-confirm-danger')) confirm.className = 'danger';
    var cancel = document.createElement('button');
    cancel.type = 'submit';
    cancel.value = 'cancel';
    cancel.className = 'secondary';
    cancel.textContent = 'Cancel';
    choice.append(confirm, cancel);
    dialog.append(title, body, choice);
    return dialog;
  }

  forms.forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var opener = document.activeElement;
      var dialog = build(form);
      document.body.append(dialog);
      dialog.addEventListener('close', function () {
        dialog.remove();
        if (dialog.returnValue !== 'confirm') {
          // Back where the officer was, so keyboard users keep their place.
          if (opener && opener.focus) opener.focus();
          return;
        }
        var confirmed = document.createElement('input');
        confirmed.type = 'hidden';
        confirmed.name = 'confirmed';
        confirmed.value = 'yes';
        form.append(confirmed);
        // submit() skips this listener, so the form is sent once, confirmed.
        form.submit();
      });
      dialog.showModal();
      // Focus starts on Cancel: pressing Enter by habit must not take the irreversible step.
      dialog.querySelector('button.secondary').focus();
    });
  });
})();
