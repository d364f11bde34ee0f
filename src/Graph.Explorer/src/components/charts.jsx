import { amount, count, number } from '../api.js';

// Charts are plain HTML (bars sized through the CSSOM, which the CSP allows), so screen readers and
// keyboards get the same numbers: each chart is a list or a group of buttons with the figures as text.

/** Horizontal bars for categories: label, bar, count. */
export function Bars({ title, values, unit = '' }) {
  const max = Math.max(1, ...values.map(v => amount(v.count)));
  if (!values.length) return <p class="empty">No values.</p>;
  return (
    <figure class="chart bars">
      {title && <figcaption>{title}</figcaption>}
      <ul>
        {values.map(v => (
          <li key={v.value}>
            <span class="bar-label">{v.label ?? v.value}</span>
            <span class="bar-track" aria-hidden="true">
              <span class="bar" ref={el => el && (el.style.width = `${(100 * amount(v.count)) / max}%`)} />
            </span>
            <span class="bar-count">{count(v.count)}{unit}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/**
 * A histogram of bins (from, to, count). With onToggle, each bar is a toggle button that ticks its range,
 * as a checkbox ticks a value.
 */
export function Histogram({ title, label = title, bins, unit, selected = [], onToggle, name, format = number }) {
  const max = Math.max(1, ...bins.map(b => b.count));
  if (!bins.length) return <p class="empty">No values.</p>;
  const isSelected = bin => selected.some(([from, to]) => from === bin.from && to === bin.to);
  return (
    <figure class="chart histogram" data-facet={name}>
      {title && <figcaption>{title}</figcaption>}
      <div class="columns" role={onToggle ? 'group' : 'list'} aria-label={label}>
        {bins.map(bin => {
          const binLabel = `${format(bin.from)}–${format(bin.to)} ${unit}: ${count(bin.count)}`.replace(' :', ':');
          const column = (
            <span class="column" ref={el => el && (el.style.height = `${Math.max(2, (100 * bin.count) / max)}%`)} />
          );
          return onToggle ? (
            <button type="button" key={bin.from} class="bin" aria-pressed={isSelected(bin) ? 'true' : 'false'} title={binLabel}
              aria-label={binLabel} data-from={bin.from} data-to={bin.to} data-count={bin.count} onClick={() => onToggle([bin.from, bin.to])}>
              {column}
            </button>
          ) : (
            <span key={bin.from} class="bin" role="listitem" title={binLabel} aria-label={binLabel}>{column}</span>
          );
        })}
      </div>
      <div class="axis" aria-hidden="true">
        <span>{format(bins[0].from)}</span>
        <span>{format(bins[bins.length - 1].to)} {unit}</span>
      </div>
    </figure>
  );
}
