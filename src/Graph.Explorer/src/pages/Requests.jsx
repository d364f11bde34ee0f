import { useState } from 'preact/hooks';
import { apiKey, gql } from '../api.js';
import { useQuery } from '../useQuery.js';
import { Empty, ErrorBox, Loading } from '../components/Status.jsx';

const QUERY = `query ExplorerAccessRequests {
  accessRequests { requestId status requester datasets cohort purpose project createdAt grantExpiresAt history { time actor action status text } }
}`;

const STEPS = {
  approve: `mutation ExplorerApprove($id: String!, $text: String) { approveAccessRequest(requestId: $id, reason: $text) { status } }`,
  reject: `mutation ExplorerReject($id: String!, $text: String!) { rejectAccessRequest(requestId: $id, reason: $text) { status } }`,
  comment: `mutation ExplorerComment($id: String!, $text: String!) { commentOnAccessRequest(requestId: $id, text: $text) { status } }`,
  withdraw: `mutation ExplorerWithdraw($id: String!, $text: String) { withdrawAccessRequest(requestId: $id, reason: $text) { status } }`,
  revoke: `mutation ExplorerRevoke($id: String!, $text: String!) { revokeAccessRequest(requestId: $id, reason: $text) { status } }`,
};

/** Access requests: a researcher's own (to answer questions or withdraw), or, for holders, those for their datasets (to ask, approve, reject, or revoke an approval). */
export function Requests() {
  const [version, setVersion] = useState(0);
  const { data, error, retry } = useQuery(QUERY, {}, `requests-${version}`);
  if (!apiKey()) return <Empty>Sign in with an API key to see your access requests.</Empty>;
  if (error) return <ErrorBox error={error} retry={retry} />;
  if (!data) return <Loading what="Loading access requests" />;
  const self = `key:${apiKey().split('_')[1] ?? ''}`;
  return (
    <section aria-labelledby="requests-title" class="requests">
      <h1 id="requests-title">Access requests</h1>
      {data.accessRequests.length === 0 ? (
        <Empty>No access requests. Ask for a restricted dataset from its page.</Empty>
      ) : (
        <ul class="request-list">
          {data.accessRequests.map(r => <Request key={r.requestId} request={r} own={r.requester === self} done={() => setVersion(v => v + 1)} />)}
        </ul>
      )}
    </section>
  );
}

function Request({ request: r, own, done }) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const open = r.status === 'SUBMITTED' || r.status === 'IN_REVIEW';
  // A holder who approved by mistake takes the grant back here; the requester only sees the outcome.
  const revocable = r.status === 'APPROVED' && !own;
  const run = async step => {
    setError('');
    try {
      await gql(STEPS[step], { id: r.requestId, text: text.trim() || null });
      setText('');
      done();
    } catch (e) {
      setError(e.message);
    }
  };
  return (
    <li class="card request" data-request={r.requestId} data-status={r.status}>
      <h2>{r.datasets.join(', ')} <span class={`status status-${r.status.toLowerCase()}`}>{r.status}</span></h2>
      <p class="meta">{r.requestId} · by {r.requester} · project {r.project} · {r.createdAt.slice(0, 10)}{r.cohort ? ` · cohort ${r.cohort}` : ''}{r.grantExpiresAt ? ` · granted until ${r.grantExpiresAt.slice(0, 10)}` : ''}</p>
      <p class="purpose">{r.purpose}</p>
      <ol class="history">
        {r.history.map((e, i) => <li key={i}>{e.time.slice(0, 16).replace('T', ' ')} {e.actor} {e.action}{e.text ? `: ${e.text}` : ''}</li>)}
      </ol>
      {open && (
        <form class="request-actions" onSubmit={event => event.preventDefault()}>
          <label>{own ? 'Answer or reason' : 'Question or reason'} <input name="text" value={text} onInput={e => setText(e.currentTarget.value)} /></label>
          <button type="button" disabled={!text.trim()} onClick={() => run('comment')}>{own ? 'Answer' : 'Ask'}</button>
          {own ? (
            <button type="button" onClick={() => run('withdraw')}>Withdraw</button>
          ) : (
            <>
              <button type="button" onClick={() => run('approve')}>Approve</button>
              <button type="button" disabled={!text.trim()} onClick={() => run('reject')}>Reject</button>
            </>
          )}
          {error && <p class="error" role="alert">{error}</p>}
        </form>
      )}
      {revocable && (
        <form class="request-actions" onSubmit={event => event.preventDefault()}>
          <label>Reason <input name="text" value={text} onInput={e => setText(e.currentTarget.value)} /></label>
          <button type="button" disabled={!text.trim()} onClick={() => run('revoke')}>Revoke</button>
          {error && <p class="error" role="alert">{error}</p>}
        </form>
      )}
    </li>
  );
}
