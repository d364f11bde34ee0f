import { useState } from 'preact/hooks';
import { PROTECTED, bytes, count, gql, number, onDownload } from '../api.js';
import { navigate } from '../router.js';
import { useQuery } from '../useQuery.js';
import { Autocomplete } from '../components/Autocomplete.jsx';
import { CrossTab } from '../components/CrossTab.jsx';
import { Histogram } from '../components/charts.jsx';
import { Empty, ErrorBox, Loading, ProtectedNote } from '../components/Status.jsx';
import { hasFilters, levels, patientFacets, ranges, readState, searchUrl, seriesFacets, toggle, whereOf } from '../filters.js';

export const PAGE_SIZE = 20;

const QUERY = `query ExplorerSearch($patients: PatientFilterInput, $series: SeriesFilterInput, $studies: StudyFilterInput,
  $criteria: CohortCriteriaInput!, $first: Int, $after: String, $last: Int, $before: String,
  $wantPatients: Boolean!, $wantStudies: Boolean!, $wantSeries: Boolean!) {
  selection: cohortPreview(criteria: $criteria) {
    patients { ${PROTECTED} } studies { ${PROTECTED} } series { ${PROTECTED} } datasets { ${PROTECTED} } repositories { ${PROTECTED} } totalBytes { ${PROTECTED} }
  }
  patientCounts: patients(where: $patients, first: 0) {
    totalCount
    facets(fields: [${patientFacets.map(f => `"${f.field}"`).join(', ')}], limit: 60) { field values { value label count } missing other }
    age: histogram(field: "ageAtDiagnosis", width: 10) { missing bins { from to count } }
  }
  seriesCounts: series(where: $series, first: 0) {
    totalCount
    facets(fields: [${seriesFacets.map(f => `"${f.field}"`).join(', ')}], limit: 60) { field values { value label count } missing other }
    thickness: histogram(field: "sliceThickness", width: 1) { missing bins { from to count } }
  }
  patients(where: $patients, first: $first, after: $after, last: $last, before: $before) @include(if: $wantPatients) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes { pseudonym sex ageAtDiagnosis cancerTypes { nodes { code name } } datasets { nodes { slug title } } studies { totalCount } series { totalCount } }
  }
  studies(where: $studies, first: $first, after: $after, last: $last, before: $before) @include(if: $wantStudies) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes { studyInstanceUid year description modalitiesInStudy viewerUrl retrieveUrl patient { pseudonym } series { totalCount } }
  }
  series(where: $series, first: $first, after: $after, last: $last, before: $before) @include(if: $wantSeries) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes { seriesInstanceUid modality bodyPart manufacturer sliceThickness imageCount sizeBytes year viewerUrl retrieveUrl patient { pseudonym } }
  }
}`;

/** Variables of the search query for a state (exported for the cohort form). */
export function variablesOf(state) {
  const where = whereOf(state);
  const paging = state.before ? { last: PAGE_SIZE, before: state.before } : { first: PAGE_SIZE, after: state.after };
  return {
    patients: where.patients, series: where.series, studies: where.studies, criteria: where.criteria, ...paging,
    wantPatients: state.level === 'patients', wantStudies: state.level === 'studies', wantSeries: state.level === 'series',
  };
}

/** Faceted search with charts, result lists at three levels with cursor paging, and saving as a cohort. */
export function Search({ query, search }) {
  const state = readState(query);
  const variables = variablesOf(state);
  const { data, error, loading, retry, dataKey } = useQuery(QUERY, variables, search);
  const go = next => navigate(searchUrl(next));

  // On a narrow screen the filters start folded, so the results come first.
  const [wide] = useState(() => window.matchMedia('(min-width: 801px)').matches);
  const facetsOf = (counts, field) => counts?.facets.find(f => f.field === field);
  return (
    <section aria-labelledby="search-title" class="search" aria-busy={loading ? 'true' : 'false'} data-loaded={loading ? null : dataKey}>
      <h1 id="search-title">Search</h1>
      <Autocomplete onChoose={item => go(item.param === 'q' ? { ...state, text: item.value, after: null, before: null }
        : state[item.param].includes(item.value) ? state : toggle(state, item.param, item.value))} />
      <ActiveFilters state={state} go={go} data={data} />
      <div class="search-layout">
        <aside class="facets" aria-label="Facets">
          <details open={wide} class="facet-group">
            <summary>Filters</summary>
            <p class="hint">Patient facets count patients, series facets count series. Tick several values of a facet to combine them with “or”.</p>
            {error && !data ? null : !data ? <Loading what="Counting" /> : (
              <>
                {patientFacets.slice(0, 2).map(f => <FacetPanel key={f.param} facet={f} result={facetsOf(data.patientCounts, f.field)} unit="patients" state={state} go={go} />)}
                <RangePanel range={ranges[0]} histogram={data.patientCounts.age} state={state} go={go} />
                {seriesFacets.map(f => <FacetPanel key={f.param} facet={f} result={facetsOf(data.seriesCounts, f.field)} unit="series" state={state} go={go} />)}
                <RangePanel range={ranges[1]} histogram={data.seriesCounts.thickness} state={state} go={go} />
                {patientFacets.slice(2).map(f => <FacetPanel key={f.param} facet={f} result={facetsOf(data.patientCounts, f.field)} unit="patients" state={state} go={go} />)}
              </>
            )}
          </details>
        </aside>
        <div class="results">
          {error ? <ErrorBox error={error} retry={retry} /> : !data ? <Loading what="Searching" /> : (
            <>
              <Summary selection={data.selection} loading={loading} />
              <SaveCohort state={state} disabled={data.selection.patients.readable === 0} />
              <Results state={state} data={data} go={go} />
              <CrossTab criteria={variables.criteria} criteriaKey={JSON.stringify(variables.criteria)} />
            </>
          )}
        </div>
      </div>
    </section>
  );
}

function Summary({ selection, loading }) {
  return (
    <>
      <p class="summary" role="status" aria-live="polite" data-patients={selection.patients.value} data-studies={selection.studies.value} data-series={selection.series.value}
        data-readable-patients={selection.patients.readable} data-exact={String(selection.patients.exact)}>
        <strong>{count(selection.patients)}</strong> patients, <strong>{count(selection.studies)}</strong> studies,{' '}
        <strong>{count(selection.series)}</strong> series ({bytes(selection.totalBytes)}) in {count(selection.datasets)} datasets
        of {count(selection.repositories)} repositories{loading ? ' — updating…' : ''}
      </p>
      {!selection.patients.exact && (
        <p class="hint">{count(selection.patients.readable)} of these patients are in data you may read, listed below; the rest is protected.</p>
      )}
      {!selection.patients.exact && <ProtectedNote />}
    </>
  );
}

function ActiveFilters({ state, go, data }) {
  if (!hasFilters(state)) return null;
  const labelOf = (facet, value) => {
    const counts = patientFacets.includes(facet) ? data?.patientCounts : data?.seriesCounts;
    const found = counts?.facets.find(f => f.field === facet.field)?.values.find(v => v.value === value);
    return facet.names?.[value] ?? found?.label ?? value;
  };
  const chips = [];
  if (state.text) chips.push({ key: 'q', text: `Series description contains “${state.text}”`, next: { ...state, text: '', after: null, before: null } });
  for (const facet of [...patientFacets, ...seriesFacets])
    for (const value of state[facet.param]) chips.push({ key: `${facet.param}:${value}`, text: `${facet.label}: ${labelOf(facet, value)}`, next: toggle(state, facet.param, value) });
  for (const range of ranges)
    for (const r of state[range.param]) chips.push({ key: `${range.param}:${r}`, text: `${range.label}: ${number(r[0])}–${number(r[1])} ${range.unit}`, next: toggle(state, range.param, r) });
  return (
    <div class="chips" aria-label="Active filters" role="group">
      {chips.map(chip => (
        <button type="button" class="chip" key={chip.key} onClick={() => go(chip.next)} aria-label={`Remove filter ${chip.text}`}>{chip.text} <span aria-hidden="true">×</span></button>
      ))}
      <button type="button" class="link" onClick={() => go({ level: state.level })}>Clear all</button>
    </div>
  );
}

const SHOWN = 8;

function FacetPanel({ facet, result, unit, state, go }) {
  const [all, setAll] = useState(false);
  const selected = state[facet.param];
  const values = [...(result?.values ?? [])];
  for (const value of selected) if (!values.some(v => v.value === value)) values.push({ value, label: value, count: 0 });
  const max = Math.max(1, ...values.map(v => v.count));
  const shown = (v, i) => all || i < SHOWN || selected.includes(v.value);
  const hiddenCount = values.filter((v, i) => !shown(v, i)).length;
  const id = `facet-${facet.param}`;
  return (
    <fieldset class="facet" data-facet={facet.param}>
      <legend>{facet.label} <span class="unit">({unit})</span></legend>
      {values.length === 0 ? <p class="empty">No values.</p> : (
        <ul>
          {values.map((v, i) => {
            const inputId = `${id}-${v.value}`;
            return (
              <li key={v.value} data-value={v.value} data-count={v.count} hidden={!shown(v, i)}>
                <input type="checkbox" id={inputId} data-facet={facet.param} value={v.value} checked={selected.includes(v.value)}
                  onChange={() => go(toggle(state, facet.param, v.value))} />
                <label for={inputId}>
                  <span class="value">{facet.names?.[v.value] ?? v.label ?? v.value}</span>
                  <span class="bar-track" aria-hidden="true"><span class="bar" ref={el => el && (el.style.width = `${(100 * v.count) / max}%`)} /></span>
                  <span class="count">{count(v.count)}</span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {hiddenCount > 0 || all ? (
        <button type="button" class="link" aria-expanded={all ? 'true' : 'false'} onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${values.length}`}
        </button>
      ) : null}
      {result?.missing ? <p class="missing">{count(result.missing)} {unit} with no value</p> : null}
    </fieldset>
  );
}

function RangePanel({ range, histogram, state, go }) {
  return (
    <fieldset class="facet range" data-facet={range.param}>
      <legend>{range.label} <span class="unit">({range.level}, {range.unit})</span></legend>
      <Histogram name={range.param} label={`${range.label}, ${range.unit}`} bins={histogram.bins} unit={range.unit}
        selected={state[range.param]} onToggle={value => go(toggle(state, range.param, value))} />
      {histogram.missing ? <p class="missing">{count(histogram.missing)} {range.level} with no value</p> : null}
    </fieldset>
  );
}

const levelLabels = { patients: 'Patients', studies: 'Studies', series: 'Series' };

function Results({ state, data, go }) {
  const connection = data[state.level];
  const select = level => go({ ...state, level, after: null, before: null });
  const onTabKey = e => {
    const index = levels.indexOf(state.level);
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const next = levels[(index + (e.key === 'ArrowRight' ? 1 : levels.length - 1)) % levels.length];
      select(next);
      setTimeout(() => document.getElementById(`tab-${next}`)?.focus(), 0);
    }
  };
  return (
    <div class="result-lists">
      <div role="tablist" aria-label="Result level" class="tabs" onKeyDown={onTabKey}>
        {levels.map(level => (
          <button type="button" role="tab" id={`tab-${level}`} key={level} aria-selected={state.level === level ? 'true' : 'false'}
            aria-controls="results-panel" tabIndex={state.level === level ? 0 : -1} onClick={() => select(level)}>
            {levelLabels[level]} <span class="count">{count(data.selection[level].readable)}</span>
          </button>
        ))}
      </div>
      <div role="tabpanel" id="results-panel" aria-labelledby={`tab-${state.level}`} tabIndex={0}>
        {!connection ? <Loading what="Loading results" /> : connection.nodes.length === 0 ? (
          <Empty>Nothing matches these filters. Untick a filter{hasFilters(state) ? <>, or <a href={searchUrl({ level: state.level })}>clear them all</a></> : null}.</Empty>
        ) : (
          <>
            {state.level === 'patients' && <PatientTable nodes={connection.nodes} />}
            {state.level === 'studies' && <StudyTable nodes={connection.nodes} />}
            {state.level === 'series' && <SeriesTable nodes={connection.nodes} />}
            <Pager state={state} pageInfo={connection.pageInfo} go={go} total={connection.totalCount} />
          </>
        )}
      </div>
    </div>
  );
}

function Pager({ state, pageInfo, go, total }) {
  return (
    <nav class="pager" aria-label="Result pages">
      <button type="button" disabled={!state.after && !state.before} onClick={() => go({ ...state, after: null, before: null })}>First page</button>
      <button type="button" rel="prev" disabled={!pageInfo.hasPreviousPage} onClick={() => go({ ...state, after: null, before: pageInfo.startCursor })}>‹ Previous</button>
      <button type="button" rel="next" disabled={!pageInfo.hasNextPage} onClick={() => go({ ...state, before: null, after: pageInfo.endCursor })}>Next ›</button>
      <span class="hint">{PAGE_SIZE} per page of {count(total)}</span>
    </nav>
  );
}

const sexNames = { F: 'Female', M: 'Male', O: 'Other', U: 'Unknown' };

function PatientTable({ nodes }) {
  return (
    <div class="table-wrap">
      <table class="results-table" data-level="patients">
        <caption class="visually-hidden">Patients</caption>
        <thead><tr><th scope="col">Pseudonym</th><th scope="col">Sex</th><th scope="col" class="num">Age</th><th scope="col">Cancer types</th><th scope="col">Datasets</th><th scope="col" class="num">Studies</th><th scope="col" class="num">Series</th></tr></thead>
        <tbody>
          {nodes.map(p => (
            <tr key={p.pseudonym} data-key={p.pseudonym}>
              <td><code>{p.pseudonym}</code></td>
              <td>{sexNames[p.sex] ?? p.sex ?? '–'}</td>
              <td class="num">{p.ageAtDiagnosis ?? '–'}</td>
              <td>{p.cancerTypes.nodes.map(c => c.name).join(', ')}</td>
              <td>{p.datasets.nodes.map(d => <a key={d.slug} href={`/datasets/${encodeURIComponent(d.slug)}`}>{d.title ?? d.slug}</a>)}</td>
              <td class="num">{count(p.studies.totalCount)}</td>
              <td class="num">{count(p.series.totalCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StudyTable({ nodes }) {
  return (
    <div class="table-wrap">
      <table class="results-table" data-level="studies">
        <caption class="visually-hidden">Studies</caption>
        <thead><tr><th scope="col">Study Instance UID</th><th scope="col" class="num">Year</th><th scope="col">Description</th><th scope="col">Modalities</th><th scope="col">Patient</th><th scope="col" class="num">Series</th><th scope="col">Images</th></tr></thead>
        <tbody>
          {nodes.map(s => (
            <tr key={s.studyInstanceUid} data-key={s.studyInstanceUid}>
              <td><code class="uid">{s.studyInstanceUid}</code></td>
              <td class="num">{s.year ?? '–'}</td>
              <td>{s.description ?? '–'}</td>
              <td>{(s.modalitiesInStudy ?? []).join(', ')}</td>
              <td><code>{s.patient?.pseudonym}</code></td>
              <td class="num">{count(s.series.totalCount)}</td>
              <td><ViewerLinks node={s} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SeriesTable({ nodes }) {
  return (
    <div class="table-wrap">
      <table class="results-table" data-level="series">
        <caption class="visually-hidden">Series</caption>
        <thead><tr><th scope="col">Series Instance UID</th><th scope="col">Modality</th><th scope="col">Body part</th><th scope="col">Manufacturer</th><th scope="col" class="num">Slice (mm)</th><th scope="col" class="num">Images</th><th scope="col" class="num">Size</th><th scope="col">Patient</th><th scope="col">Images</th></tr></thead>
        <tbody>
          {nodes.map(s => (
            <tr key={s.seriesInstanceUid} data-key={s.seriesInstanceUid}>
              <td><code class="uid">{s.seriesInstanceUid}</code></td>
              <td>{s.modality ?? '–'}</td>
              <td>{s.bodyPart ?? '–'}</td>
              <td>{s.manufacturer ?? '–'}</td>
              <td class="num">{number(s.sliceThickness)}</td>
              <td class="num">{count(s.imageCount)}</td>
              <td class="num">{bytes(s.sizeBytes)}</td>
              <td><code>{s.patient?.pseudonym}</code></td>
              <td><ViewerLinks node={s} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The viewer link of a readable study or series (the API gives none for others) and its DICOMweb retrieve URL beside it. */
function ViewerLinks({ node }) {
  if (!node.viewerUrl && !node.retrieveUrl) return '–';
  return (
    <span class="viewer-links">
      {node.viewerUrl && <a class="viewer-link" href={node.viewerUrl} target="_blank" rel="noopener noreferrer">View</a>}
      {node.viewerUrl && node.retrieveUrl && ' · '}
      {node.retrieveUrl && <a class="retrieve-link" href={node.retrieveUrl} target="_blank" rel="noopener noreferrer" title="DICOMweb WADO-RS retrieve URL">DICOMweb</a>}
    </span>
  );
}

const SAVE = `mutation ExplorerSaveCohort($input: SaveCohortInput!) {
  saveCohort(input: $input) { cohortId name manifestUrl selection { patients { ${PROTECTED} } series { ${PROTECTED} } } }
}`;

function SaveCohort({ state, disabled }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [status, setStatus] = useState(null);
  const submit = async e => {
    e.preventDefault();
    if (!name.trim()) {
      setStatus({ error: 'Give the cohort a name.' });
      return;
    }
    setStatus({ saving: true });
    try {
      const input = { name: name.trim(), description: description.trim() || null, criteria: whereOf(state).criteria };
      const { saveCohort } = await gql(SAVE, { input });
      setStatus({ saved: saveCohort });
      setName('');
      setDescription('');
    } catch (error) {
      setStatus({ error: error.message });
    }
  };
  return (
    <div class="save-cohort">
      <button type="button" aria-expanded={open ? 'true' : 'false'} aria-controls="save-cohort-form" disabled={disabled} onClick={() => setOpen(!open)}>
        Save as cohort…
      </button>
      {open && (
        <form id="save-cohort-form" onSubmit={submit} aria-label="Save this search as a cohort">
          <label>Name <input name="name" required maxLength={200} value={name} onInput={e => setName(e.currentTarget.value)} /></label>
          <label>Description <input name="description" maxLength={2000} value={description} onInput={e => setDescription(e.currentTarget.value)} /></label>
          <button type="submit" disabled={status?.saving}>Save cohort</button>
        </form>
      )}
      {status?.error && <p class="error" role="alert">Not saved: {status.error}</p>}
      {status?.saved && (
        <p class="saved" role="status" data-cohort={status.saved.cohortId}>
          Saved “{status.saved.name}”: {count(status.saved.selection.patients)} patients, {count(status.saved.selection.series)} series.{' '}
          <a href={`/cohorts?a=${encodeURIComponent(status.saved.cohortId)}`}>See your cohorts</a> ·{' '}
          <a href={status.saved.manifestUrl} download onClick={onDownload}>manifest (CSV)</a>
        </p>
      )}
    </div>
  );
}
