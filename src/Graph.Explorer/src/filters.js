// The search state lives in the URL (so it can be bookmarked and shared) and maps to GraphQL filters.
//
// Patient-level facets are counted on the patients connection, series-level ones on the series connection.
// Each ticked facet is one top-level clause, so the API leaves a facet's own clause out of its counts
// (multi-select within a facet, AND across facets). The selection is the cohort criteria
// { patients: P, series: S }: patients matching P with some series matching S, and those series.

/** Facets on patients (counts are patients). */
export const patientFacets = [
  { param: 'cancer', field: 'cancerTypes.code', label: 'Cancer type', clause: v => ({ cancerTypes: { some: { code: { in: v } } } }) },
  { param: 'sex', field: 'sex', label: 'Sex', clause: v => ({ sex: { in: v } }), names: { F: 'Female', M: 'Male', O: 'Other', U: 'Unknown' } },
  { param: 'country', field: 'datasets.repository.country', label: 'Country', clause: v => ({ datasets: { some: { repository: { country: { in: v } } } } }) },
  { param: 'repository', field: 'datasets.repository.slug', label: 'Repository', clause: v => ({ datasets: { some: { repository: { slug: { in: v } } } } }) },
  { param: 'tier', field: 'datasets.accessTier', label: 'Access tier', clause: v => ({ datasets: { some: { accessTier: { in: v } } } }) },
  { param: 'dataset', field: 'datasets.slug', label: 'Dataset', clause: v => ({ datasets: { some: { slug: { in: v } } } }) },
];

/** Facets on series (counts are series). */
export const seriesFacets = [
  { param: 'modality', field: 'modality', label: 'Modality', clause: v => ({ modality: { in: v } }) },
  { param: 'bodyPart', field: 'bodyPart', label: 'Body part', clause: v => ({ bodyPart: { in: v } }) },
  { param: 'manufacturer', field: 'manufacturer', label: 'Manufacturer', clause: v => ({ manufacturer: { in: v } }) },
];

/** Range facets, drawn as histograms whose bars are ticked like values. */
export const ranges = [
  { param: 'age', level: 'patients', field: 'ageAtDiagnosis', label: 'Age at diagnosis', unit: 'years', width: 10 },
  { param: 'thickness', level: 'series', field: 'sliceThickness', label: 'Slice thickness', unit: 'mm', width: 1 },
];

export const levels = ['patients', 'studies', 'series'];

/** The state of a search, read from URL query parameters. */
export function readState(query) {
  const state = { text: query.get('q') ?? '', level: levels.includes(query.get('level')) ? query.get('level') : 'patients' };
  for (const facet of [...patientFacets, ...seriesFacets]) state[facet.param] = query.getAll(facet.param).filter(Boolean);
  for (const range of ranges) state[range.param] = query.getAll(range.param).map(parseRange).filter(Boolean);
  state.after = query.get('after');
  state.before = query.get('before');
  return state;
}

/** The URL of a search state (only what is set, in a stable order). */
export function searchUrl(state) {
  const query = new URLSearchParams();
  if (state.text) query.set('q', state.text);
  for (const facet of [...patientFacets, ...seriesFacets]) for (const value of state[facet.param] ?? []) query.append(facet.param, value);
  for (const range of ranges) for (const [from, to] of state[range.param] ?? []) query.append(range.param, `${from}-${to}`);
  if (state.level && state.level !== 'patients') query.set('level', state.level);
  if (state.after) query.set('after', state.after);
  if (state.before) query.set('before', state.before);
  const text = query.toString();
  return text ? `/search?${text}` : '/search';
}

/** The state with one value ticked or unticked; paging starts again. */
export function toggle(state, param, value) {
  const current = state[param] ?? [];
  const same = v => JSON.stringify(v) === JSON.stringify(value);
  const next = current.some(same) ? current.filter(v => !same(v)) : [...current, value];
  return { ...state, [param]: next, after: null, before: null };
}

/** Whether any filter is set. */
export function hasFilters(state) {
  return Boolean(state.text) || [...patientFacets, ...seriesFacets, ...ranges].some(f => state[f.param]?.length);
}

function parseRange(text) {
  const match = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(text ?? '');
  if (!match) return null;
  const from = Number(match[1]);
  const to = Number(match[2]);
  return to > from ? [from, to] : null;
}

function rangeClause(field, values) {
  const parts = values.map(([from, to]) => ({ [field]: { gte: from, lt: to } }));
  return parts.length === 1 ? parts[0] : { or: parts };
}

/** The patient clauses (P) of a state. */
export function patientClauses(state) {
  const clauses = patientFacets.filter(f => state[f.param]?.length).map(f => f.clause(state[f.param]));
  for (const range of ranges.filter(r => r.level === 'patients' && state[r.param]?.length)) clauses.push(rangeClause(range.field, state[range.param]));
  return clauses;
}

/** The series clauses (S) of a state. */
export function seriesClauses(state) {
  const clauses = seriesFacets.filter(f => state[f.param]?.length).map(f => f.clause(state[f.param]));
  for (const range of ranges.filter(r => r.level === 'series' && state[r.param]?.length)) clauses.push(rangeClause(range.field, state[range.param]));
  if (state.text) clauses.push({ description: { contains: state.text } });
  return clauses;
}

const and = clauses => (clauses.length === 0 ? null : clauses.length === 1 ? clauses[0] : { and: clauses });

/** The filters of each level's connection, and the cohort criteria. */
export function whereOf(state) {
  const p = patientClauses(state);
  const s = seriesClauses(state);
  return {
    patients: and(s.length ? [...p, { series: { some: and(s) } }] : p),
    series: and(p.length ? [...s, { patient: and(p) }] : s),
    studies: and([...(p.length ? [{ patient: and(p) }] : []), ...(s.length ? [{ series: { some: and(s) } }] : [])]),
    criteria: { patients: and(p), series: and(s) },
  };
}
