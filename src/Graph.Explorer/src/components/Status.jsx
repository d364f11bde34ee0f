/** A loading line, announced politely to screen readers. */
export function Loading({ what = 'Loading' }) {
  return <p class="loading" role="status">{what}…</p>;
}

/** An error box with the API's message and a way to try again. */
export function ErrorBox({ error, retry }) {
  return (
    <div class="error" role="alert">
      <strong>Something went wrong.</strong> {error?.message ?? String(error)}
      {retry && <button type="button" onClick={retry}>Try again</button>}
    </div>
  );
}

/** What to say when nothing matched, and what to do about it. */
export function Empty({ children }) {
  return <div class="empty" role="status">{children}</div>;
}
