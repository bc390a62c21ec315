/**
 * The report's only script: filters over the case list, and matrix cells that set them. It reads
 * data-* attributes the server already escaped and writes only textContent and hidden.
 */
export const clientScript = `
(() => {
  const rows = Array.from(document.querySelectorAll('details[data-case]'));
  const field = (name) => document.getElementById('filter-' + name);
  const names = ['verdict', 'stride', 'severity', 'language'];
  const count = document.getElementById('filter-count');
  function apply() {
    const q = field('text').value.trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      const ok = names.every((n) => !field(n).value || row.dataset[n] === field(n).value) && (!q || row.dataset.search.includes(q));
      row.hidden = !ok;
      if (ok) shown++;
    }
    count.textContent = shown + ' of ' + rows.length + ' cases';
  }
  for (const n of [...names, 'text']) field(n).addEventListener('input', apply);
  document.getElementById('filter-reset').addEventListener('click', () => { for (const n of [...names, 'text']) field(n).value = ''; apply(); });
  for (const cell of document.querySelectorAll('td[data-stride]')) {
    cell.addEventListener('click', () => {
      field('stride').value = cell.dataset.stride;
      field('severity').value = cell.dataset.severity || '';
      field('verdict').value = '';
      apply();
      document.getElementById('cases').scrollIntoView();
    });
  }
  apply();
})();
`;
