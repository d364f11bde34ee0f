import { useState } from 'preact/hooks';
import { gql } from '../api.js';

const REQUEST = `mutation ExplorerRequestAccess($input: RequestAccessInput!) {
  requestAccess(input: $input) { requestId status }
}`;

/** Asks the holders of restricted datasets for access to their records, with a purpose and a project (optionally for a saved cohort). */
export function RequestAccess({ datasets, cohort }) {
  const [purpose, setPurpose] = useState('');
  const [project, setProject] = useState('');
  const [sent, setSent] = useState(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (sent) {
    return (
      <p class="request-status" role="status" data-request={sent.requestId} data-status={sent.status}>
        Request {sent.requestId} sent ({sent.status}). The dataset’s holders will review it; follow it under <a href="/requests">Requests</a>.
      </p>
    );
  }
  const submit = async event => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      const data = await gql(REQUEST, { input: { datasets, cohort: cohort ?? null, purpose, project } });
      setSent(data.requestAccess);
    } catch (e) {
      setError(e.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="request-access" id="request-access-form" onSubmit={submit} aria-labelledby="request-access-title">
      <h2 id="request-access-title">Request access</h2>
      <label>Purpose <textarea name="purpose" required value={purpose} onInput={e => setPurpose(e.currentTarget.value)} /></label>
      <label>Project <input name="project" required maxLength={200} value={project} onInput={e => setProject(e.currentTarget.value)} /></label>
      {error && <p class="error" role="alert">{error}</p>}
      <button type="submit" disabled={busy || !purpose.trim() || !project.trim()}>Request access</button>
    </form>
  );
}
