import { useState } from 'preact/hooks';
import { PROTECTED, amount, count } from '../api.js';
import { useQuery } from '../useQuery.js';
import { patientFacets, seriesFacets } from '../filters.js';
import { ErrorBox, Loading } from './Status.jsx';

// Patients counted per pair of values of two fields, as a heat-map table (the API's crossTab, protected as facets are).
const FIELDS = [
  ...patientFacets.map(f => ({ field: f.field, label: f.label })),
  ...seriesFacets.map(f => ({ field: `series.${f.field}`, label: f.label })),
];

const QUERY = `query ExplorerCrossTab($criteria: CohortCriteriaInput, $rows: String!, $columns: String!) {
  crossTab(where: $criteria, level: "Patient", rows: $rows, columns: $columns, limit: 12) {
    cells { value label total { ${PROTECTED} } columns { values { value label count { ${PROTECTED} } } missing { ${PROTECTED} } } }
    otherRows { ${PROTECTED} }
  }
}`;

/** A folded panel: opened, it counts the selection's patients by two chosen fields in a table shaded by count. */
export function CrossTab({ criteria, criteriaKey }) {
  const [open, setOpen] = useState(false);
  const [rows, setRows] = useState('cancerTypes.code');
  const [columns, setColumns] = useState('series.modality');
  return (
    <details class="crosstab-panel" onToggle={e => setOpen(e.currentTarget.open)}>
      <summary>Cross-tabulate the selection</summary>
      <div class="crosstab-fields">
        <FieldChoice name="rows" label="Rows" value={rows} onChange={setRows} />
        <FieldChoice name="columns" label="Columns" value={columns} onChange={setColumns} />
      </div>
      {open && (rows === columns ? <p class="hint">Choose two different fields.</p>
        : <CrossTabTable criteria={criteria} rows={rows} columns={columns} queryKey={`${criteriaKey}|${rows}|${columns}`} />)}
    </details>
  );
}

function FieldChoice({ name, label, value, onChange }) {
  return (
    <label>
      {label}{' '}
      <select name={name} value={value} onChange={e => onChange(e.currentTarget.value)}>
        {FIELDS.map(f => <option key={f.field} value={f.field}>{f.label}</option>)}
      </select>
    </label>
  );
}

function CrossTabTable({ criteria, rows, columns, queryKey }) {
  const { data, error, loading, retry, dataKey } = useQuery(QUERY, { criteria, rows, columns }, queryKey);
  if (error) return <ErrorBox error={error} retry={retry} />;
  if (!data) return <Loading what="Counting" />;
  const cells = data.crossTab.cells;
  // The columns: every value any row lists, largest overall first.
  const totals = new Map();
  for (const row of cells)
    for (const v of row.columns.values) {
      const seen = totals.get(v.value) ?? { value: v.value, label: v.label, sum: 0 };
      seen.sum += amount(v.count);
      totals.set(v.value, seen);
    }
  const heads = [...totals.values()].sort((a, b) => b.sum - a.sum);
  const max = Math.max(1, ...cells.flatMap(row => row.columns.values.map(v => amount(v.count))));
  const label = field => FIELDS.find(f => f.field === field)?.label ?? field;
  return (
    <div class="crosstab-scroll" aria-busy={loading ? 'true' : 'false'} data-loaded={loading ? null : dataKey}>
      <table class="crosstab" data-rows={rows} data-columns={columns}>
        <caption>Patients by {label(rows).toLowerCase()} (rows) and {label(columns).toLowerCase()} (columns). A patient with several values counts in each.</caption>
        <thead>
          <tr>
            <th scope="col">{label(rows)}</th>
            <th scope="col">All</th>
            {heads.map(h => <th scope="col" key={h.value} data-value={h.value}>{h.label ?? h.value}</th>)}
            <th scope="col">No value</th>
          </tr>
        </thead>
        <tbody>
          {cells.map(row => (
            <tr key={row.value ?? ''} data-row={row.value ?? ''}>
              <th scope="row">{row.value == null ? 'No value' : row.label ?? row.value}</th>
              <td class="total" data-count={amount(row.total)}>{count(row.total)}</td>
              {heads.map(h => {
                const cell = row.columns.values.find(v => v.value === h.value);
                if (!cell) return <td key={h.value} class="none" title="None listed: no patient, or withheld">·</td>;
                const shade = amount(cell.count) / max;
                return (
                  <td key={h.value} data-column={h.value} data-count={amount(cell.count)} class={shade > 0.55 ? 'dark' : undefined}
                    ref={el => el && el.style.setProperty('--shade', shade.toFixed(3))}>{count(cell.count)}</td>
                );
              })}
              <td class="missing">{count(row.columns.missing)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {amount(data.crossTab.otherRows) > 0 && <p class="hint">{count(data.crossTab.otherRows)} more patient–value pairs in rows not listed.</p>}
    </div>
  );
}
