import { useEffect, useRef, useState } from 'preact/hooks';
import { gql } from '../api.js';

const QUERY = `query ExplorerSuggest($text: String!) {
  search(text: $text, kinds: ["CancerType", "Dataset", "Repository"], first: 12) {
    hits { node { __typename ... on CancerType { code name } ... on Dataset { slug title } ... on Repository { slug name } } }
  }
  modality: facetValues(kind: "Series", field: "modality", prefix: $text, limit: 3) { value count }
  bodyPart: facetValues(kind: "Series", field: "bodyPart", prefix: $text, limit: 3) { value count }
  manufacturer: facetValues(kind: "Series", field: "manufacturer", prefix: $text, limit: 3) { value count }
}`;

/** Turns the API's answer into suggestions: each ticks a facet value, the last filters series descriptions. */
function suggestionsOf(data, text) {
  const list = [];
  for (const { node } of data.search.hits) {
    if (node.__typename === 'CancerType') list.push({ param: 'cancer', value: node.code, kind: 'Cancer type', text: node.name ?? node.code });
    if (node.__typename === 'Dataset') list.push({ param: 'dataset', value: node.slug, kind: 'Dataset', text: node.title ?? node.slug });
    if (node.__typename === 'Repository') list.push({ param: 'repository', value: node.slug, kind: 'Repository', text: node.name ?? node.slug });
  }
  for (const [param, kind] of [['modality', 'Modality'], ['bodyPart', 'Body part'], ['manufacturer', 'Manufacturer']])
    for (const v of data[param]) list.push({ param, value: v.value, kind, text: v.value, count: v.count });
  list.push({ param: 'q', value: text, kind: 'Series description contains', text: `“${text}”` });
  return list;
}

/** A combobox (ARIA 1.2 pattern): type to get suggestions from the API, arrows to move, Enter to choose. */
export function Autocomplete({ onChoose }) {
  const [text, setText] = useState('');
  const [items, setItems] = useState([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState(null);
  const timer = useRef(0);

  useEffect(() => {
    const trimmed = text.trim();
    clearTimeout(timer.current);
    if (trimmed.length < 2) {
      setItems([]);
      setOpen(false);
      return undefined;
    }
    const controller = new AbortController();
    timer.current = setTimeout(() => {
      gql(QUERY, { text: trimmed.slice(0, 200) }, controller.signal)
        .then(data => {
          setItems(suggestionsOf(data, trimmed));
          setActive(-1);
          setOpen(true);
          setError(null);
        })
        .catch(e => {
          if (e.name === 'AbortError') return;
          setItems([{ param: 'q', value: trimmed, kind: 'Series description contains', text: `“${trimmed}”` }]);
          setOpen(true);
          setError(e.message);
        });
    }, 150);
    return () => controller.abort();
  }, [text]);

  const choose = item => {
    if (!item) return;
    onChoose(item);
    setText('');
    setItems([]);
    setOpen(false);
  };

  const onKeyDown = e => {
    if (e.key === 'ArrowDown' && items.length) {
      e.preventDefault();
      setOpen(true);
      setActive(a => (a + 1) % items.length);
    } else if (e.key === 'ArrowUp' && items.length) {
      e.preventDefault();
      setActive(a => (a <= 0 ? items.length - 1 : a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const trimmed = text.trim();
      if (open && active >= 0) choose(items[active]);
      else if (trimmed) choose({ param: 'q', value: trimmed });
    } else if (e.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div class="autocomplete">
      <label for="search-text">Search cancer types, datasets, repositories, modalities, body parts, manufacturers</label>
      <input id="search-text" type="text" role="combobox" autocomplete="off" value={text} placeholder="e.g. lung, MR, siemens"
        aria-autocomplete="list" aria-expanded={open ? 'true' : 'false'} aria-controls="search-suggestions"
        aria-activedescendant={open && active >= 0 ? `suggestion-${active}` : undefined}
        onInput={e => setText(e.currentTarget.value)} onKeyDown={onKeyDown} onBlur={() => setTimeout(() => setOpen(false), 150)} />
      <ul id="search-suggestions" role="listbox" aria-label="Suggestions" hidden={!open}>
        {items.map((item, i) => (
          <li id={`suggestion-${i}`} key={`${item.param}:${item.value}`} role="option" aria-selected={i === active ? 'true' : 'false'}
            data-param={item.param} data-value={item.value} onMouseDown={e => { e.preventDefault(); choose(item); }}>
            <span class="kind">{item.kind}</span> {item.text}{item.count != null ? <span class="count"> {item.count.toLocaleString('en')} series</span> : null}
          </li>
        ))}
      </ul>
      {error && <p class="hint">Suggestions are unavailable: {error}</p>}
    </div>
  );
}
