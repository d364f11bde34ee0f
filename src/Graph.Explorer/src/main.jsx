import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { onLinkClick, useLocation } from './router.js';
import { Catalogue } from './pages/Catalogue.jsx';
import { Dataset } from './pages/Dataset.jsx';
import { Search } from './pages/Search.jsx';
import { Cohorts } from './pages/Cohorts.jsx';
import { Requests } from './pages/Requests.jsx';
import { KeyControl } from './components/KeyControl.jsx';
import './style.css';

const titles = { '/': 'Catalogue', '/search': 'Search', '/cohorts': 'Cohorts', '/requests': 'Access requests' };

function App() {
  const { path, query, search } = useLocation();
  const dataset = /^\/datasets\/([^/]+)$/.exec(path);
  useEffect(() => {
    document.title = `${titles[path] ?? (dataset ? 'Dataset' : 'Not found')} · Cancer Imaging Graph explorer`;
  }, [path]);

  let page;
  if (path === '/') page = <Catalogue query={query} />;
  else if (path === '/search') page = <Search query={query} search={search} />;
  else if (path === '/cohorts') page = <Cohorts query={query} />;
  else if (path === '/requests') page = <Requests />;
  else if (dataset) page = <Dataset slug={decodeURIComponent(dataset[1])} key={dataset[1]} />;
  else page = <p class="empty">This page does not exist. <a href="/">Back to the catalogue</a>.</p>;

  const current = href => (href === path || (href === '/' && dataset) ? 'page' : undefined);
  return (
    <div class="app" onClick={onLinkClick}>
      <a class="skip" href="#main">Skip to content</a>
      <header class="top">
        <a class="brand" href="/">Cancer Imaging Graph</a>
        <nav aria-label="Main">
          <a href="/" aria-current={current('/')}>Catalogue</a>
          <a href="/search" aria-current={current('/search')}>Search</a>
          <a href="/cohorts" aria-current={current('/cohorts')}>Cohorts</a>
          <a href="/requests" aria-current={current('/requests')}>Requests</a>
          <a href="/graphql">GraphQL IDE</a>
        </nav>
        <KeyControl />
      </header>
      <main id="main" tabIndex={-1}>{page}</main>
      <footer>Synthetic demo catalogue. Built only on the public GraphQL API at <a href="/graphql">/graphql</a>. Without an API key you see the records of open datasets and rounded counts of the rest.</footer>
    </div>
  );
}

// The static page holds a loading line until the script runs; the app replaces it.
const root = document.getElementById('app');
root.textContent = '';
render(<App />, root);
