import { useState } from 'preact/hooks';
import { apiKey, setApiKey } from '../api.js';

/** Sign in with an API key (researchers save cohorts and read registered and granted datasets) or sign out. */
export function KeyControl() {
  const current = apiKey();
  const [value, setValue] = useState('');
  if (current) {
    return (
      <div class="key">
        <span>Signed in with key {current.split('_')[1] ?? ''}</span>
        <button type="button" onClick={() => setApiKey('')}>Sign out</button>
      </div>
    );
  }
  return (
    <form class="key" onSubmit={event => { event.preventDefault(); setApiKey(value); }}>
      <label for="api-key">API key</label>
      <input id="api-key" type="password" autocomplete="off" value={value} onInput={event => setValue(event.currentTarget.value)} placeholder="cig_…" />
      <button type="submit" disabled={!value.trim()}>Sign in</button>
    </form>
  );
}
