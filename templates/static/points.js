// The running identity / residency points total as documents are ticked, on the enrollment
// form and the residents' document pre-check (/check). Both pages work without it: the server
// totals the points again.
'use strict';

(function points() {
  const box = document.getElementById('points');
  if (!box) return;
  const boxes = Array.from(document.querySelectorAll('input[type="checkbox"][data-identity]'));
  const met = box.dataset.met;
  const missing = box.dataset.missing;
  function update() {
    const totals = { identity: 0, residency: 0 };
    for (const b of boxes) {
      if (!b.checked) continue;
      totals.identity += Number(b.dataset.identity) || 0;
      totals.residency += Number(b.dataset.residency) || 0;
    }
    for (const row of box.querySelectorAll('[data-kind]')) {
      const kind = row.dataset.kind;
      const need = Number(row.dataset.need) || 0;
      const short = Math.max(0, need - totals[kind]);
      row.querySelector('output').value = String(totals[kind]);
      row.classList.toggle('met', short === 0);
      row.classList.toggle('short', short > 0);
      const state = row.querySelector('[data-state]');
      const icon = document.createElement('span');
      icon.className = 'icon';
      icon.setAttribute('aria-hidden', 'true');
      icon.textContent = short === 0 ? '✓' : '✗';
      state.replaceChildren(icon, ' ' + (short === 0 ? met : missing.replace('{n}', String(short))));
    }
  }
  for (const b of boxes) b.addEventListener('change', update);
  update();
})();
