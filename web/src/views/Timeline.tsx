import { useId, type FormEvent } from 'react';
import type { TimelineQuery } from '@dossier/sdk/documents';
import { useLoad } from '../api.ts';
import { dateRange, partialDate, words } from '../format.ts';
import { href, navigate } from '../router.ts';
import { Load, useTitle } from './common.tsx';

type Edge = TimelineQuery['timeline']['edges'][number];

function label(e: Edge): string {
  const n = e.node;
  if (n.__typename === 'Event') return n.title;
  if (n.__typename === 'Request') return `Request: ${n.summary}`;
  return `${n.responder.name} ${words(n.stance).toLowerCase()}: ${n.summary}`;
}

function link(e: Edge): string | null {
  const n = e.node;
  if (n.__typename === 'Request') return href(`requests/${encodeURIComponent(n.slug)}`);
  if (n.__typename === 'RequestResponse') return href(`requests/${encodeURIComponent(n.request.slug)}`);
  return null;
}

/** One lane per actor asked for; each entry spans the whole of its date (a year-precise date is a year wide). */
function Chart({ lanes, edges }: { lanes: string[]; edges: readonly Edge[] }) {
  if (edges.length === 0) return <p>Nothing dated for these actors.</p>;
  const ranges = edges.map((e) => dateRange(e.date));
  const min = Math.min(...ranges.map((r) => r[0]));
  const max = Math.max(...ranges.map((r) => r[1]));
  const x = (t: number) => ((t - min) / (max - min)) * 100;
  const firstYear = new Date(min).getUTCFullYear();
  const lastYear = new Date(max).getUTCFullYear();
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  return (
    <figure className="timeline" aria-label={`Timeline of ${lanes.join(', ')}, ${firstYear} to ${lastYear}, to scale`}>
      <div className="ticks" aria-hidden="true">
        {years.map((y) => <span key={y} style={{ left: `${x(Date.UTC(y, 0, 1))}%` }}>{y}</span>)}
      </div>
      {lanes.map((lane) => (
        <div key={lane} className="lane">
          <span className="lane-label">{lane}</span>
          <div className="lane-track">
            {edges.map((e, i) => {
              const matched = e.matchedVia.some((m) => m.principal.slug === lane);
              if (!matched && lanes.length > 1) return null;
              const [s, t] = ranges[i]!;
              const to = link(e);
              const precision = e.date.length === 4 ? 'year' : e.date.length === 7 ? 'month' : 'day';
              const body = <span className="sr">{partialDate(e.date)}: {label(e)}</span>;
              return (
                <span key={e.cursor} className={`entry t-${e.node.__typename} p-${precision}`} title={`${partialDate(e.date)} — ${label(e)}`}
                  style={{ left: `${x(s)}%`, width: `max(${x(t) - x(s)}%, 3px)` }}>
                  {to ? <a href={to}>{body}</a> : body}
                </span>
              );
            })}
          </div>
        </div>
      ))}
    </figure>
  );
}

export function TimelineView({ params }: { params: URLSearchParams }) {
  const id = useId();
  const actors = (params.get('actors') ?? 'iraq,nato').split(',').map((s) => s.trim()).filter(Boolean);
  useTitle(`Timeline: ${actors.join(', ')}`);
  const [result] = useLoad(`timeline:${actors.join(',')}`, (c) => c.timeline({ actors, first: 100 }));
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    navigate('timeline', { actors: String(new FormData(e.currentTarget).get('actors') ?? '') });
  };
  return (
    <>
      <h1>Timeline</h1>
      <form onSubmit={submit}>
        <label htmlFor={id}>Actors (slugs or names, comma-separated)</label>
        <input id={id} name="actors" defaultValue={actors.join(',')} key={actors.join(',')} size={40} />
        <button type="submit">Show</button>
      </form>
      <p className="muted">Bars are as wide as the date is precise: a date known only to the month covers the whole month.</p>
      <Load result={result}>
        {(d) => (
          <>
            <Chart lanes={actors} edges={d.timeline.edges} />
            <h2>Entries ({d.timeline.totalCount})</h2>
            <ol className="facts">
              {d.timeline.edges.map((e) => {
                const to = link(e);
                return <li key={e.cursor}><time>{partialDate(e.date)}</time> · {to ? <a href={to}>{label(e)}</a> : label(e)} <span className="muted">({[...new Set(e.matchedVia.map((m) => m.principal.slug))].join(', ')})</span></li>;
              })}
            </ol>
          </>
        )}
      </Load>
    </>
  );
}
