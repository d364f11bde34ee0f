import { PROTECTED, amount, bytes, count } from '../api.js';
import { navigate } from '../router.js';
import { useQuery } from '../useQuery.js';
import { Empty, ErrorBox, Loading, ProtectedNote } from '../components/Status.jsx';

// Two queries: the cheap one draws the page at once, the series figures (a pass over every series) follow. Counts are of the
// whole catalogue: exact for what the caller may read, protected for the rest ("about 2,200"), so restricted datasets show their size.
const QUERY = `query ExplorerCatalogue {
  catalogueStatistics { repositories datasets cancerTypes patients { ${PROTECTED} } studies { ${PROTECTED} } series { ${PROTECTED} } }
  datasets(first: 1000) {
    totalCount
    nodes {
      slug title project licence accessTier
      repository { slug name country }
      cancerTypes(first: 20) { nodes { code name } }
      summary { patients { ${PROTECTED} } }
    }
  }
}`;

const SERIES_QUERY = `query ExplorerCatalogueSeries {
  datasets(first: 1000) {
    nodes { slug summary { series { ${PROTECTED} } totalBytes { ${PROTECTED} } seriesFacets(fields: ["modality"], limit: 50) { values { value } } } }
  }
}`;

const pending = { series: null, totalBytes: null, seriesFacets: [] };

const columns = [
  { key: 'title', label: 'Title', value: d => d.title ?? d.slug },
  { key: 'repository', label: 'Repository', value: d => d.repository?.name ?? '' },
  { key: 'country', label: 'Country', value: d => d.repository?.country ?? '' },
  { key: 'cancerTypes', label: 'Cancer types', value: d => d.cancerTypes.nodes.map(c => c.name).join(', ') },
  { key: 'modalities', label: 'Modalities', value: d => modalities(d).join(', ') },
  { key: 'patients', label: 'Patients', value: d => amount(d.patients), numeric: true, shown: d => count(d.patients) },
  { key: 'series', label: 'Series', value: d => amount(d.series.series), numeric: true, shown: d => count(d.series.series) },
  { key: 'size', label: 'Size', value: d => amount(d.series.totalBytes), numeric: true, shown: d => bytes(d.series.totalBytes) },
  { key: 'accessTier', label: 'Access', value: d => d.accessTier ?? '' },
  { key: 'licence', label: 'Licence', value: d => d.licence ?? '' },
];

const modalities = d => d.series.seriesFacets[0]?.values.map(v => v.value) ?? [];

/** The datasets as cards or a table, filtered and sorted by controls whose state is in the URL. */
export function Catalogue({ query }) {
  const { data, error, loading, retry } = useQuery(QUERY, {}, 'catalogue');
  const details = useQuery(SERIES_QUERY, {}, 'catalogue-series');
  const view = query.get('view') === 'table' ? 'table' : 'cards';
  const sort = columns.find(c => c.key === query.get('sort')) ?? null;
  const dir = query.get('dir') === 'desc' ? 'desc' : 'asc';
  const filters = { q: query.get('q') ?? '', cancer: query.get('cancer') ?? '', modality: query.get('modality') ?? '', country: query.get('country') ?? '', tier: query.get('tier') ?? '' };

  const set = changes => {
    const next = new URLSearchParams(query);
    for (const [key, value] of Object.entries(changes)) value ? next.set(key, value) : next.delete(key);
    const text = next.toString();
    navigate(text ? `/?${text}` : '/', { replace: 'q' in changes });
  };

  // One "Try again" retries both queries: when the service is down both fail.
  if (error) return <ErrorBox error={error} retry={() => { retry(); if (details.error) details.retry(); }} />;
  if (!data) return <Loading what="Loading datasets" />;

  const seriesBySlug = new Map((details.data?.datasets.nodes ?? []).map(d => [d.slug, d.summary]));
  const all = data.datasets.nodes.map(d => ({ ...d, patients: d.summary.patients, series: seriesBySlug.get(d.slug) ?? pending }));
  const options = {
    cancer: unique(all.flatMap(d => d.cancerTypes.nodes.map(c => [c.code, c.name]))),
    modality: unique(all.flatMap(d => modalities(d).map(m => [m, m]))),
    country: unique(all.map(d => [d.repository?.country, d.repository?.country]).filter(([c]) => c)),
    tier: unique(all.map(d => [d.accessTier, d.accessTier]).filter(([t]) => t)),
  };
  const needle = filters.q.trim().toLowerCase();
  let shown = all.filter(d =>
    (!needle || [d.title, d.slug, d.project, d.repository?.name, ...d.cancerTypes.nodes.map(c => c.name)].some(t => t?.toLowerCase().includes(needle))) &&
    (!filters.cancer || d.cancerTypes.nodes.some(c => c.code === filters.cancer)) &&
    (!filters.modality || modalities(d).includes(filters.modality)) &&
    (!filters.country || d.repository?.country === filters.country) &&
    (!filters.tier || d.accessTier === filters.tier));
  if (sort) {
    const order = dir === 'desc' ? -1 : 1;
    shown = [...shown].sort((a, b) => {
      const x = sort.value(a);
      const y = sort.value(b);
      return order * (sort.numeric ? x - y : String(x).localeCompare(String(y)));
    });
  }
  const stats = data.catalogueStatistics;

  return (
    <section aria-labelledby="catalogue-title" class="catalogue" aria-busy={details.loading ? 'true' : 'false'}>
      <h1 id="catalogue-title">Catalogue</h1>
      <p class="lead">
        {count(stats.datasets)} datasets from {count(stats.repositories)} repositories: {count(stats.patients)} patients,{' '}
        {count(stats.studies)} studies, {count(stats.series)} series over {count(stats.cancerTypes)} cancer types.{' '}
        <a href="/search">Search the catalogue</a> to build a cohort.
      </p>
      {!stats.patients.exact && <ProtectedNote />}
      <form class="toolbar" role="search" aria-label="Filter datasets" onSubmit={e => e.preventDefault()}>
        <label>Find <input type="search" name="q" value={filters.q} placeholder="title, repository, cancer type" onInput={e => set({ q: e.currentTarget.value })} /></label>
        <Select label="Cancer type" name="cancer" value={filters.cancer} options={options.cancer} set={set} />
        <Select label="Modality" name="modality" value={filters.modality} options={options.modality} set={set} />
        <Select label="Country" name="country" value={filters.country} options={options.country} set={set} />
        <Select label="Access" name="tier" value={filters.tier} options={options.tier} set={set} />
        <label>Sort by
          <select name="sort" value={sort?.key ?? ''} onChange={e => set({ sort: e.currentTarget.value })}>
            <option value="">catalogue order</option>
            {columns.map(c => <option key={c.key} value={c.key}>{c.label.toLowerCase()}</option>)}
          </select>
        </label>
        <label>Order
          <select name="dir" value={dir} onChange={e => set({ dir: e.currentTarget.value === 'desc' ? 'desc' : '' })}>
            <option value="asc">ascending</option>
            <option value="desc">descending</option>
          </select>
        </label>
        <fieldset class="view-switch">
          <legend class="visually-hidden">View</legend>
          <button type="button" aria-pressed={view === 'cards' ? 'true' : 'false'} onClick={() => set({ view: '' })}>Cards</button>
          <button type="button" aria-pressed={view === 'table' ? 'true' : 'false'} onClick={() => set({ view: 'table' })}>Table</button>
        </fieldset>
      </form>
      <p role="status" class="result-count" data-count={shown.length}>{count(shown.length)} of {count(all.length)} datasets{loading || details.loading ? ' (loading series figures…)' : ''}</p>
      {details.error && <ErrorBox error={details.error} retry={details.retry} />}
      {shown.length === 0 ? (
        <Empty>No dataset matches these filters. <a href="/">Clear the filters</a>.</Empty>
      ) : view === 'table' ? (
        <Table rows={shown} sort={sort} dir={dir} set={set} />
      ) : (
        <ul class="cards">{shown.map(d => <Card key={d.slug} dataset={d} />)}</ul>
      )}
    </section>
  );
}

function unique(pairs) {
  const map = new Map(pairs);
  return [...map.entries()].sort((a, b) => String(a[1]).localeCompare(String(b[1])));
}

function Select({ label, name, value, options, set }) {
  return (
    <label>{label}
      <select name={name} value={value} onChange={e => set({ [name]: e.currentTarget.value })}>
        <option value="">all</option>
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    </label>
  );
}

function Card({ dataset: d }) {
  return (
    <li class="card" data-slug={d.slug}>
      <h2><a href={`/datasets/${encodeURIComponent(d.slug)}`}>{d.title ?? d.slug}</a></h2>
      <p class="meta">{d.repository?.name} · {d.repository?.country} · <span class={`tier tier-${d.accessTier}`}>{d.accessTier}</span></p>
      <p class="tags">{d.cancerTypes.nodes.map(c => <span class="tag" key={c.code}>{c.name}</span>)}</p>
      <dl class="figures">
        <div><dt>Patients</dt><dd data-figure="patients" data-exact={String(d.patients.exact)}>{count(d.patients)}</dd></div>
        <div><dt>Series</dt><dd>{d.series === pending ? '…' : count(d.series.series)}</dd></div>
        <div><dt>Size</dt><dd>{d.series === pending ? '…' : bytes(d.series.totalBytes)}</dd></div>
        <div><dt>Modalities</dt><dd>{d.series === pending ? '…' : modalities(d).join(', ') || '–'}</dd></div>
      </dl>
      <p class="licence">Licence: {d.licence ?? 'not stated'}</p>
    </li>
  );
}

function Table({ rows, sort, dir, set }) {
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label="Datasets table">
      <table class="datasets">
        <thead>
          <tr>
            {columns.map(c => {
              const active = sort?.key === c.key;
              const next = active && dir === 'asc' ? 'desc' : '';
              return (
                <th key={c.key} scope="col" class={c.numeric ? 'num' : ''} aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" onClick={() => set({ sort: c.key, dir: next })}>{c.label}{active ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}</button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map(d => (
            <tr key={d.slug} data-slug={d.slug}>
              {columns.map(c => (
                <td key={c.key} class={c.numeric ? 'num' : ''}>
                  {c.key === 'title' ? <a href={`/datasets/${encodeURIComponent(d.slug)}`}>{d.title ?? d.slug}</a> : d.series === pending && ['series', 'size', 'modalities'].includes(c.key) ? '…' : c.shown ? c.shown(d) : c.value(d)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
