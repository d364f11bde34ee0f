import { PROTECTED, apiKey, bytes, count } from '../api.js';
import { RequestAccess } from '../components/RequestAccess.jsx';
import { useQuery } from '../useQuery.js';
import { Bars, Histogram } from '../components/charts.jsx';
import { Empty, ErrorBox, Loading, ProtectedNote } from '../components/Status.jsx';

const QUERY = `query ExplorerDataset($slug: String!) {
  datasetByKey(key: $slug) {
    slug title description project licence accessTier doi version
    repository { slug name country institution kind }
    cancerTypes(first: 20) { nodes { code name } }
    summary {
      patients { ${PROTECTED} } studies { ${PROTECTED} } series { ${PROTECTED} } totalBytes { ${PROTECTED} }
      patientFacets(fields: ["sex"]) { values { value count { ${PROTECTED} } } }
      seriesFacets(fields: ["modality", "bodyPart", "manufacturer"], limit: 12) { field values { value count { ${PROTECTED} } } }
    }
    patients { totalCount age: histogram(field: "ageAtDiagnosis", width: 10) { count missing mean bins { from to count } } }
    studies { year: histogram(field: "year", width: 1) { bins { from to count } } }
    series { thickness: histogram(field: "sliceThickness", width: 1) { bins { from to count } } }
    algorithms(first: 50) { totalCount nodes { slug name task version metrics } }
  }
}`;

const sexNames = { F: 'Female', M: 'Male', O: 'Other', U: 'Unknown' };

/** One dataset: description, counts, charts of its distributions, DCAT-AP link and the algorithms trained on it. */
export function Dataset({ slug }) {
  const { data, error, retry } = useQuery(QUERY, { slug }, slug);
  if (error) return <ErrorBox error={error} retry={retry} />;
  if (!data) return <Loading what="Loading the dataset" />;
  const d = data.datasetByKey;
  if (!d) return <Empty>There is no dataset “{slug}”. <a href="/">Back to the catalogue</a>.</Empty>;
  const s = d.summary;
  const facet = field => s.seriesFacets.find(f => f.field === field)?.values ?? [];
  const searchHref = `/search?dataset=${encodeURIComponent(d.slug)}`;
  return (
    <article aria-labelledby="dataset-title" class="dataset">
      <p class="crumbs"><a href="/">Catalogue</a> › {d.title ?? d.slug}</p>
      <h1 id="dataset-title">{d.title ?? d.slug}</h1>
      <p class="meta">
        {d.repository?.name} ({d.repository?.country}) · project {d.project ?? '–'} · <span class={`tier tier-${d.accessTier}`}>{d.accessTier}</span> ·
        licence {d.licence ?? 'not stated'}{d.version ? ` · version ${d.version}` : ''}{d.doi ? ` · DOI ${d.doi}` : ''}
      </p>
      {d.description && <p class="description">{d.description}</p>}
      <p class="actions">
        <a class="button" href={searchHref}>Search this dataset</a>
        <a class="button secondary" href={`/datasets/${encodeURIComponent(d.slug)}/dcat`} rel="alternate">DCAT-AP metadata</a>
      </p>
      <dl class="figures big">
        <div><dt>Patients</dt><dd data-figure="patients" data-exact={String(s.patients.exact)}>{count(s.patients)}</dd></div>
        <div><dt>Studies</dt><dd data-figure="studies">{count(s.studies)}</dd></div>
        <div><dt>Series</dt><dd data-figure="series">{count(s.series)}</dd></div>
        <div><dt>Size</dt><dd>{bytes(s.totalBytes)}</dd></div>
        <div><dt>Cancer types</dt><dd>{d.cancerTypes.nodes.map(c => c.name).join(', ') || '–'}</dd></div>
      </dl>
      <div class="chart-grid">
        <Bars title="Series by modality" values={facet('modality')} />
        <Bars title="Series by body part" values={facet('bodyPart')} />
        <Bars title="Series by manufacturer" values={facet('manufacturer')} />
        <Bars title="Patients by sex" values={(s.patientFacets[0]?.values ?? []).map(v => ({ ...v, label: sexNames[v.value] ?? v.value }))} />
      </div>
      {!s.patients.exact && <ProtectedNote />}
      {d.patients.totalCount === 0 ? (
        <>
          <Empty>You may not read this dataset’s records, so their distributions are not shown. {d.accessTier === 'open' ? '' : apiKey() ? 'Ask its holders for access below.' : 'Sign in with an API key that holds a grant for it.'}</Empty>
          {apiKey() && (d.accessTier ?? 'restricted') === 'restricted' && <RequestAccess datasets={[d.slug]} />}
        </>
      ) : (
        <div class="chart-grid">
          <Histogram title={`Age at diagnosis (${count(d.patients.totalCount)} patients you may read; mean ${Math.round(d.patients.age.mean ?? 0)} years)`} bins={d.patients.age.bins} unit="years" />
          <Histogram title="Slice thickness (series you may read)" bins={d.series.thickness.bins} unit="mm" />
          <Histogram title="Studies by year (studies you may read)" bins={d.studies.year.bins} unit="" format={String} />
        </div>
      )}
      <section aria-labelledby="algorithms-title">
        <h2 id="algorithms-title">Algorithms trained on this dataset</h2>
        {d.algorithms.nodes.length === 0 ? (
          <Empty>No algorithm in the catalogue is trained on this dataset yet.</Empty>
        ) : (
          <ul class="algorithms">
            {d.algorithms.nodes.map(a => (
              <li key={a.slug}><strong>{a.name ?? a.slug}</strong> — {a.task ?? 'task not stated'}{a.version ? `, version ${a.version}` : ''}{a.metrics ? <span class="metrics"> ({a.metrics})</span> : null}</li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
