// Runs before Banana Cake Pop loads (same origin, no inline code, so the page's CSP stays as it is).
// 1. A first visit opens a document with the README's example instead of the welcome screen.
// 2. /graphql?example=NAME opens a new document with schema/examples/NAME.graphql.
// 3. An "Examples" menu lists schema/examples/, each a click away.
(() => {
  'use strict';
  const params = new URLSearchParams(window.location.search);
  const example = params.get('example');
  if (example !== null) {
    // The IDE reads its endpoint from the address: keep it the plain GraphQL path.
    params.delete('example');
    const rest = params.toString();
    window.history.replaceState(window.history.state, '', window.location.pathname + (rest ? '?' + rest : '') + window.location.hash);
  }

  const examples = window.fetch('examples.json', { headers: { Accept: 'application/json' } })
    .then(response => (response.ok ? response.json() : []))
    .catch(() => []);

  // The IDE fetches bcp-config.json once; its graphQLDocument is what a new document holds.
  if (example !== null) {
    const original = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      const response = await original(input, init);
      const url = typeof input === 'string' ? input : input.url;
      if (!/\/bcp-config\.json$/.test(new URL(url, document.baseURI).pathname)) return response;
      const config = await response.json();
      const chosen = (await examples).find(e => e.name === example);
      if (chosen) config.graphQLDocument = chosen.document;
      return new Response(JSON.stringify(config), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
  }

  // Banana Cake Pop's own notice about its successor (with a link to chillicream.com) stays hidden: it reads this cookie.
  document.cookie = 'chillicream_bcp_legacy_info_shown=true; path=/; max-age=31536000; SameSite=Lax';

  const createButton = () => [...document.querySelectorAll('button')].find(b => b.textContent.trim() === 'Create Document');
  const editor = () => document.querySelector(".monaco-editor[data-uri^='file:///operations/']");

  // On the welcome screen (no document open), open one; the button does nothing until the IDE has loaded its workspace, so
  // click again until the editor is there. When an example was asked for and documents are open, open a new tab (Ctrl+Alt+T).
  // On a busy machine a tab can show without its request editor (about 1 run in 4 under load here), the restored one or the
  // new one. So the new tab opens once the tabs show and the IDE has its schema (or 10 s later, for a server without
  // introspection), and going to another tab and back mounts its editor when it is missing.
  const settled = () => document.body.textContent.includes('Schema available');
  const tabs = () => document.querySelectorAll("[data-section-name='main-header'] [draggable='true']");
  const remount = tries => {
    if (editor() || tries === 0 || tabs().length < 2) return;
    tabs()[0].click();
    window.setTimeout(() => [...tabs()].pop()?.click(), 500);
    window.setTimeout(() => remount(tries - 1), 3000);
  };
  // A reload can restore the one tab without its request editor too, with no other tab to go to: going to the schema
  // reference and back to the operation mounts it (once the IDE has its schema and the editor has been missing for 3 s).
  const section = name => [...document.querySelectorAll('button, [role="tab"], a, span, div')]
    .find(e => e.childElementCount === 0 && e.textContent.trim() === name);
  let missingSince = 0;
  let revisits = 0;
  const revisit = () => {
    if (!missingSince) missingSince = Date.now();
    if (revisits >= 5 || !settled() || Date.now() - missingSince < 3000 * (revisits + 1)) return;
    const reference = section('Schema Reference');
    if (!reference) return;
    revisits++;
    reference.click();
    window.setTimeout(() => section('Operation')?.click(), 500);
  };
  const startedAt = Date.now();
  let clickedAt = 0;
  let shownAt = 0;
  let opened = false;
  const open = () => {
    if (Date.now() - startedAt > 60000) return;
    const create = createButton();
    if (create) {
      if (Date.now() - clickedAt > 1000) {
        create.click();
        clickedAt = Date.now();
        opened = true;
      }
    } else if (editor() || (example !== null && tabs().length > 0)) {
      shownAt = shownAt || Date.now();
      if (example !== null && !opened && (settled() || Date.now() - shownAt > 10000)) {
        opened = true;
        const keys = { key: 't', code: 'KeyT', keyCode: 84, ctrlKey: true, altKey: true, bubbles: true, cancelable: true };
        document.body.dispatchEvent(new KeyboardEvent('keydown', keys));
        document.body.dispatchEvent(new KeyboardEvent('keyup', keys));
        window.setTimeout(() => remount(10), 2000);
      }
      if (example === null || opened) return;
    } else if (example === null && tabs().length > 0) {
      revisit();
    }
    window.setTimeout(open, 250);
  };

  const menu = async () => {
    const list = await examples;
    if (!list.length) return;
    const details = document.createElement('details');
    details.id = 'graph-examples';
    Object.assign(details.style, {
      position: 'fixed', right: '12px', bottom: '34px', zIndex: '10000', font: '13px system-ui, sans-serif',
      background: '#1e2a3d', color: '#fff', borderRadius: '6px', padding: '4px 10px', maxHeight: '70vh', overflowY: 'auto',
      boxShadow: '0 2px 8px rgba(0,0,0,.3)',
    });
    const summary = document.createElement('summary');
    summary.textContent = 'Examples';
    summary.style.cursor = 'pointer';
    details.appendChild(summary);
    const items = document.createElement('ul');
    Object.assign(items.style, { listStyle: 'none', margin: '6px 0', padding: '0' });
    for (const item of list) {
      const entry = document.createElement('li');
      const link = document.createElement('a');
      link.href = window.location.pathname + '?example=' + encodeURIComponent(item.name);
      link.textContent = item.name;
      link.title = item.title;
      Object.assign(link.style, { color: '#ffd866', display: 'block', padding: '2px 0', textDecoration: 'none' });
      entry.appendChild(link);
      items.appendChild(entry);
    }
    details.appendChild(items);
    document.body.appendChild(details);
  };

  const start = () => {
    open();
    menu();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
