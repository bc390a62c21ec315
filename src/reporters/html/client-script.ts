/**
 * The report's only script: filters over the case list, and matrix cells that set them. The
 * filters live in the URL hash (#verdict=failed&stride=spoofing&q=env), so a filtered view can be
 * shared and survives a reload. It reads data-* attributes the server already escaped and writes
 * only textContent, hidden, select/input values and the hash.
 */
export const clientScript = `
(() => {
  const rows = Array.from(document.querySelectorAll('details[data-case]'));
  const groups = Array.from(document.querySelectorAll('section[data-group]'));
  const field = (name) => document.getElementById('filter-' + name);
  const names = ['verdict', 'stride', 'severity', 'language'];
  const count = document.getElementById('filter-count');
  function writeHash() {
    const params = new URLSearchParams();
    for (const n of names) if (field(n).value) params.set(n, field(n).value);
    if (field('text').value) params.set('q', field('text').value);
    const hash = params.toString();
    if (hash === location.hash.slice(1)) return;
    history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search);
  }
  function readHash() {
    const raw = location.hash.slice(1);
    if (!raw.includes('=')) return;
    const params = new URLSearchParams(raw);
    for (const n of names) {
      const value = params.get(n) || '';
      field(n).value = Array.from(field(n).options).some((o) => o.value === value) ? value : '';
    }
    field('text').value = params.get('q') || '';
  }
  function apply() {
    const q = field('text').value.trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      const ok =
        names.every((n) => !field(n).value || row.dataset[n] === field(n).value) &&
        (!q || row.dataset.search.includes(q));
      row.hidden = !ok;
      if (ok) shown++;
    }
    for (const group of groups) group.hidden = !group.querySelector('details[data-case]:not([hidden])');
    count.textContent = shown + ' of ' + rows.length + ' cases';
    writeHash();
  }
  for (const n of [...names, 'text']) field(n).addEventListener('input', apply);
  document.getElementById('filter-reset').addEventListener('click', () => {
    for (const n of [...names, 'text']) field(n).value = '';
    apply();
  });
  for (const cell of document.querySelectorAll('td[data-stride]')) {
    cell.addEventListener('click', () => {
      field('stride').value = cell.dataset.stride;
      field('severity').value = cell.dataset.severity || '';
      field('verdict').value = '';
      apply();
      document.getElementById('cases').scrollIntoView();
    });
  }
  window.addEventListener('hashchange', () => { readHash(); apply(); });
  readHash();
  apply();
})();
`;
