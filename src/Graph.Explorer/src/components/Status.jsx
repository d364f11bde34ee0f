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

/** Says how the counts of records the visitor may not read are shown. */
export function ProtectedNote() {
  return (
    <p class="hint protected-note">
      Counts of data you may not read are protected: estimates rounded to 5 with a little noise (“about 2,200”), “fewer than 5” below that,
      and values seen in fewer than 5 such patients are not listed. What you may read is counted exactly.
    </p>
  );
}
