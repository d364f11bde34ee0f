// The one way the explorer talks to the service: GraphQL over HTTP POST to /graphql on the same host.

/** An error answered by the API (GraphQL errors) or by the network. */
export class ApiError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

const keyItem = 'cig.apiKey';

/** The API key the user entered (kept in this browser's local storage), or ''. */
export function apiKey() {
  try {
    return localStorage.getItem(keyItem) || '';
  } catch {
    return '';
  }
}

/** Stores (or, when empty, forgets) the API key and reloads, so every view asks again with it. */
export function setApiKey(value) {
  if (value) localStorage.setItem(keyItem, value.trim());
  else localStorage.removeItem(keyItem);
  location.reload();
}

const authorization = () => (apiKey() ? { 'X-Api-Key': apiKey() } : {});

/** Downloads a file of the service with the API key (a plain link cannot send it). */
export async function download(url, filename) {
  const response = await fetch(url, { headers: authorization() });
  if (!response.ok) throw new ApiError(`The download failed: ${response.status} ${response.statusText}.`, 'HTTP');
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** A click handler for download links: with a key, fetch with it; without, let the browser follow the link. */
export function onDownload(event) {
  if (!apiKey()) return;
  event.preventDefault();
  const url = event.currentTarget.getAttribute('href');
  const name = url.split('/')[2] + '-manifest.' + (url.includes('format=json') ? 'json' : 'csv');
  download(url, name).catch(error => alert(error.message));
}

/** Runs a GraphQL document and returns its data; throws ApiError with the API's messages. */
export async function gql(query, variables = {}, signal) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json', ...authorization() },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError('The service could not be reached. Check your connection and try again.', 'NETWORK');
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The service answered ${response.status} ${response.statusText} without a GraphQL result.`, 'HTTP');
  }
  if (body.errors?.length) {
    const first = body.errors[0];
    throw new ApiError(body.errors.map(e => e.message).join(' '), first.extensions?.code);
  }
  return body.data;
}

const integer = new Intl.NumberFormat('en');
const decimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** A count as a number: a plain number, or the figure to show of a protected count ({ value, readable, restricted, text }). */
export const amount = n => (n == null ? 0 : typeof n === 'object' ? n.value : n);

/** 12,345; a protected count as the API words it ("about 2,200", "fewer than 5", "1,234 + about 2,200"). */
export const count = n => (n == null ? '–' : typeof n === 'object' ? n.text : integer.format(n));

/** The fields of a protected count that the explorer shows. */
export const PROTECTED = 'value readable restricted exact text';

/** 1.2 */
export const number = n => (n == null ? '–' : decimal.format(n));

/** 1.2 GB (decimal units, as disks are sold). */
export function bytes(n) {
  if (n == null) return '–';
  if (typeof n === 'object') return n.text;
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let value = n;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? integer.format(value) : decimal.format(value)} ${units[unit]}`;
}
