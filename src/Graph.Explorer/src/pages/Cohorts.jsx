import { PROTECTED, amount, bytes, count, number, onDownload } from '../api.js';
import { navigate } from '../router.js';
import { useQuery } from '../useQuery.js';
import { Empty, ErrorBox, Loading } from '../components/Status.jsx';

const LIST = `query ExplorerCohorts {
  catalogueStatistics { catalogueVersion }
  cohorts(first: 200, order: [{ createdAt: DESC }]) {
    totalCount
    nodes {
      cohortId name description createdAt catalogueVersion criteria manifestUrl
      drift { savedPatients { ${PROTECTED} } currentPatients { ${PROTECTED} } added { ${PROTECTED} } removed { ${PROTECTED} } }
      selection { patients { ${PROTECTED} } studies { ${PROTECTED} } series { ${PROTECTED} } totalBytes { ${PROTECTED} } }
    }
  }
}`;

const COMPARE = `query ExplorerCompare($a: String!, $b: String!) {
  a: cohortByKey(key: $a) { cohortId name }
  b: cohortByKey(key: $b) { cohortId name }
  comparison: compareCohorts(a: $a, b: $b) {
    onlyA { ${PROTECTED} } onlyB { ${PROTECTED} } both { ${PROTECTED} } jaccard
    facets(fields: ["cancerTypes.code", "sex", "datasets.slug"], limit: 40) {
      field a { values { value label count { ${PROTECTED} } } } b { values { value label count { ${PROTECTED} } } }
    }
  }
}`;

const facetLabels = { 'cancerTypes.code': 'Cancer type', sex: 'Sex', 'datasets.slug': 'Dataset' };

/** Saved cohorts with their drift since saving, manifests, and a side-by-side comparison of two of them. */
export function Cohorts({ query }) {
  const a = query.get('a') ?? '';
  const b = query.get('b') ?? '';
  const { data, error, retry } = useQuery(LIST, {}, 'cohorts');
  const set = (key, value) => {
    const next = new URLSearchParams(query);
    value ? next.set(key, value) : next.delete(key);
    const text = next.toString();
    navigate(text ? `/cohorts?${text}` : '/cohorts');
  };

  if (error) return <ErrorBox error={error} retry={retry} />;
  if (!data) return <Loading what="Loading cohorts" />;
  const cohorts = data.cohorts.nodes;
  return (
    <section aria-labelledby="cohorts-title" class="cohorts">
      <h1 id="cohorts-title">Cohorts</h1>
      <p class="lead">Saved searches with the catalogue version they ran on (now {count(data.catalogueStatistics.catalogueVersion)}).
        Drift counts the patients the same criteria add or drop on today’s catalogue. <a href="/search">Build a new cohort</a>.</p>
      {cohorts.length === 0 ? (
        <Empty>No cohort has been saved yet. <a href="/search">Search the catalogue</a> and choose “Save as cohort”.</Empty>
      ) : (
        <>
          <form class="toolbar compare-form" aria-label="Compare two cohorts" onSubmit={e => e.preventDefault()}>
            <CohortSelect label="Cohort A" name="a" value={a} cohorts={cohorts} set={set} />
            <CohortSelect label="Cohort B" name="b" value={b} cohorts={cohorts} set={set} />
          </form>
          {a && b ? <Comparison a={a} b={b} /> : <p class="hint">Choose two cohorts to compare them side by side.</p>}
          <div class="table-wrap">
            <table class="cohort-table">
              <caption class="visually-hidden">Saved cohorts</caption>
              <thead><tr>
                <th scope="col">Name</th><th scope="col">Saved</th><th scope="col" class="num">Patients</th><th scope="col" class="num">Series</th>
                <th scope="col" class="num">Size</th><th scope="col">Drift since saving</th><th scope="col">Manifest</th><th scope="col">Compare</th>
              </tr></thead>
              <tbody>
                {cohorts.map(c => (
                  <tr key={c.cohortId} data-cohort={c.cohortId} class={c.cohortId === a || c.cohortId === b ? 'picked' : ''}>
                    <td><strong>{c.name}</strong>{c.description ? <div class="hint">{c.description}</div> : null}
                      <details><summary>Criteria</summary><pre>{pretty(c.criteria)}</pre></details></td>
                    <td>{c.createdAt ? new Date(c.createdAt).toLocaleString('en-GB') : '–'}<div class="hint">catalogue version {count(c.catalogueVersion)}</div></td>
                    <td class="num">{count(c.drift.savedPatients)}</td>
                    <td class="num">{count(c.selection.series)}</td>
                    <td class="num">{bytes(c.selection.totalBytes)}</td>
                    <td data-drift-added={c.drift.added.value} data-drift-removed={c.drift.removed.value}>
                      {c.drift.added.value === 0 && c.drift.removed.value === 0 ? 'no change' : `+${count(c.drift.added)} / −${count(c.drift.removed)} (now ${count(c.drift.currentPatients)})`}
                    </td>
                    <td><a href={c.manifestUrl} download onClick={onDownload}>CSV</a> · <a href={c.manifestUrl.replace('format=csv', 'format=json')} download onClick={onDownload}>JSON</a></td>
                    <td>
                      <button type="button" class="link" onClick={() => set('a', c.cohortId)} aria-label={`Compare ${c.name} as A`}>as A</button>{' '}
                      <button type="button" class="link" onClick={() => set('b', c.cohortId)} aria-label={`Compare ${c.name} as B`}>as B</button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function pretty(criteria) {
  try {
    return JSON.stringify(JSON.parse(criteria), null, 2);
  } catch {
    return criteria ?? '';
  }
}

function CohortSelect({ label, name, value, cohorts, set }) {
  return (
    <label>{label}
      <select name={name} value={value} onChange={e => set(name, e.currentTarget.value)}>
        <option value="">choose a cohort</option>
        {cohorts.map(c => <option key={c.cohortId} value={c.cohortId}>{c.name} ({count(c.drift.savedPatients)} patients)</option>)}
      </select>
    </label>
  );
}

function Comparison({ a, b }) {
  const { data, error, retry } = useQuery(COMPARE, { a, b }, `${a}|${b}`);
  if (error) return <ErrorBox error={error} retry={retry} />;
  if (!data) return <Loading what="Comparing" />;
  const { comparison: c } = data;
  if (!data.a || !data.b) return <Empty>One of these cohorts no longer exists.</Empty>;
  return (
    <section class="comparison" aria-labelledby="comparison-title" data-only-a={c.onlyA.value} data-only-b={c.onlyB.value} data-both={c.both.value}>
      <h2 id="comparison-title">{data.a.name} compared with {data.b.name}</h2>
      <div class="venn" role="img" aria-label={`${count(c.onlyA)} patients only in A, ${count(c.both)} in both, ${count(c.onlyB)} only in B`}>
        <span class="only-a">Only A <strong>{count(c.onlyA)}</strong></span>
        <span class="both">Both <strong>{count(c.both)}</strong></span>
        <span class="only-b">Only B <strong>{count(c.onlyB)}</strong></span>
        <span class="jaccard">Jaccard overlap {number(c.jaccard * 100)}% (of the patients you may read)</span>
      </div>
      <div class="side-by-side">
        {c.facets.map(f => {
          const values = [...new Set([...f.a.values, ...f.b.values].map(v => v.value))];
          const find = (side, value) => side.values.find(v => v.value === value);
          const max = Math.max(1, ...f.a.values.map(v => amount(v.count)), ...f.b.values.map(v => amount(v.count)));
          return (
            <table key={f.field} class="compare-table" data-field={f.field}>
              <caption>{facetLabels[f.field] ?? f.field} (patients)</caption>
              <thead><tr><th scope="col">Value</th><th scope="col" class="num">A: {data.a.name}</th><th scope="col" class="num">B: {data.b.name}</th></tr></thead>
              <tbody>
                {values.map(value => {
                  const x = find(f.a, value);
                  const y = find(f.b, value);
                  return (
                    <tr key={value}>
                      <th scope="row">{x?.label ?? y?.label ?? value}</th>
                      <td class="num"><Bar n={x?.count ?? 0} max={max} side="a" /></td>
                      <td class="num"><Bar n={y?.count ?? 0} max={max} side="b" /></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          );
        })}
      </div>
    </section>
  );
}

function Bar({ n, max, side }) {
  return (
    <span class={`pair pair-${side}`}>
      <span class="bar" aria-hidden="true" ref={el => el && (el.style.width = `${(100 * amount(n)) / max}%`)} /> {count(n)}
    </span>
  );
}
