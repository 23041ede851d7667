// Progressive enhancement for the dossier decision form: the conditions and reason fields are shown
// only with the decision that needs them. Without JavaScript both stay visible with their hints.
(function () {
  'use strict';
  var form = document.querySelector('.decision-form');
  if (!form) return;
  var fields = {
    'approve-with-conditions': document.getElementById('conditions'),
    'request-changes': document.getElementById('reason'),
  };

  function update() {
    var checked = form.querySelector('input[name="decision"]:checked');
    Object.keys(fields).forEach(function (decision) {
      var field = fields[decision] && fields[decision].closest('.field');
      if (!field) return;
      var needed = checked && checked.value === decision;
      // A field with an error stays visible, so the message is never hidden from the reviewer.
      field.hidden = !needed && !field.classList.contains('has-error');
    });
  }

  form.addEventListener('change', update);
  update();
})();
