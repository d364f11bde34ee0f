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

/** Downloads a file of the service (with the API key when there is one: a plain link cannot send it), showing its progress. */
export async function download(url, filename) {
  const progress = downloadProgress(filename);
  try {
    const response = await fetch(url, { headers: authorization() });
    if (!response.ok) throw new ApiError(`The download failed: ${response.status} ${response.statusText}.`, 'HTTP');
    // Manifests and exports are streamed without a length: count what has arrived.
    const reader = response.body.getReader();
    const chunks = [];
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      bytes += value.length;
      progress.update(bytes, false);
    }
    progress.update(bytes, true);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob(chunks, { type: response.headers.get('Content-Type') || '' }));
    link.download = filename;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  } catch (error) {
    progress.fail(error.message);
    throw error;
  }
}

/** A status line at the bottom of the page: bytes received while a download runs, then its size (kept a few seconds). */
function downloadProgress(filename) {
  const line = document.createElement('p');
  line.className = 'download-progress';
  line.setAttribute('role', 'status');
  line.setAttribute('aria-live', 'polite');
  line.dataset.file = filename;
  document.body.append(line);
  const size = bytes => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
  const done = () => setTimeout(() => line.remove(), 8_000);
  return {
    update(bytes, finished) {
      line.dataset.bytes = String(bytes);
      line.dataset.state = finished ? 'done' : 'running';
      line.textContent = finished ? `Downloaded ${filename}: ${size(bytes)}.` : `Downloading ${filename}: ${size(bytes)} so far…`;
      if (finished) done();
    },
    fail(message) {
      line.dataset.state = 'failed';
      line.textContent = `${filename}: ${message}`;
      done();
    },
  };
}

/** A click handler for download links: fetch (with the key, if any) and show progress; the link still works without script. */
export function onDownload(event) {
  event.preventDefault();
  const url = event.currentTarget.getAttribute('href');
  const name = url.split('/')[2] + '-manifest.' + (url.includes('format=json') ? 'json' : 'csv');
  download(url, name).catch(() => {});
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
