import { useId, type CSSProperties, type FormEvent } from 'react';
import type { ActorRefFragment, TimelineQuery } from '@dossier/sdk/documents';
import type { DossierClient } from '@dossier/sdk';
import { useLoad } from '../api.ts';
import { findActor } from '../actors.ts';
import { stack } from '../stack.ts';
import { dateRange, partialDate, words } from '../format.ts';
import { href, navigate } from '../router.ts';
import { Load, useTitle } from './common.tsx';
import { MoreButton, useMore } from '../paging.tsx';

/** Entries per page; "Show more" loads the next, and the chart redraws over all loaded. */
const PAGE = 100;

type Edge = TimelineQuery['timeline']['edges'][number];
/** A lane: what the user typed (slug, name or alias, or global ID) and the actor it names, if any. */
interface Lane { key: string; actor: ActorRefFragment | null }

async function resolve(c: DossierClient, key: string): Promise<Lane> {
  return { key, actor: await findActor(c, key) };
}

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

const laneName = (lane: Lane) => lane.actor?.name ?? `${lane.key} (no such actor)`;

/** One lane per actor asked for; each entry spans the whole of its date (a year-precise date is a year wide). */
function Chart({ lanes, edges }: { lanes: readonly Lane[]; edges: readonly Edge[] }) {
  if (edges.length === 0) return <p>Nothing dated for these actors.</p>;
  const ranges = edges.map((e) => dateRange(e.date));
  const min = Math.min(...ranges.map((r) => r[0]));
  const max = Math.max(...ranges.map((r) => r[1]));
  const x = (t: number) => ((t - min) / (max - min)) * 100;
  const firstYear = new Date(min).getUTCFullYear();
  const lastYear = new Date(max).getUTCFullYear();
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  return (
    <figure className="timeline" aria-label={`Timeline of ${lanes.map(laneName).join(', ')}, ${firstYear} to ${lastYear}, to scale`}>
      {/* The years in a row of the lanes' own grid, so each label sits over its year in every lane at any width. */}
      <div className="ticks-row" aria-hidden="true">
        <span />
        <div className="ticks">
          {years.map((y) => <span key={y} style={{ left: `${x(Date.UTC(y, 0, 1))}%` }}>{y}</span>)}
        </div>
      </div>
      {lanes.map((lane) => {
        // By the actor's ID: the lane's word may be a name, an alias or a slug, which the entry's
        // match (the principal the server resolved) need not repeat.
        const mine = edges.flatMap((e, i) => (lanes.length === 1 || (lane.actor !== null && e.matchedVia.some((m) => m.principal.id === lane.actor!.id)) ? [i] : []));
        const rows = stack(mine.map((i) => ranges[i]!), (max - min) / 100);
        const height = Math.max(1, ...rows);
        return (
          <div key={lane.key} className="lane" data-actor={lane.actor?.id}>
            <span className="lane-label">{laneName(lane)}</span>
            <div className="lane-track" style={{ '--rows': height } as CSSProperties}>
              {mine.map((i, k) => {
                const e = edges[i]!;
                const [s, t] = ranges[i]!;
                const to = link(e);
                const precision = e.date.length === 4 ? 'year' : e.date.length === 7 ? 'month' : 'day';
                const body = <span className="sr">{partialDate(e.date)}: {label(e)}</span>;
                return (
                  <span key={e.cursor} className={`entry t-${e.node.__typename} p-${precision}`} title={`${partialDate(e.date)} — ${label(e)}`}
                    style={{ left: `${x(s)}%`, width: `max(${x(t) - x(s)}%, 3px)`, '--row': rows[k]! - 1 } as CSSProperties}>
                    {to ? <a href={to}>{body}</a> : body}
                  </span>
                );
              })}
            </div>
          </div>
        );
      })}
    </figure>
  );
}

export function TimelineView({ params }: { params: URLSearchParams }) {
  const id = useId();
  const actors = (params.get('actors') ?? 'iraq,nato').split(',').map((s) => s.trim()).filter(Boolean);
  useTitle(`Timeline: ${actors.join(', ')}`);
  const [result, reload] = useLoad(`timeline:${actors.join(',')}`, async (c) => {
    const [{ timeline }, ...lanes] = await Promise.all([c.timeline({ actors, first: PAGE }), ...actors.map((a) => resolve(c, a))]);
    return { timeline, lanes };
  });
  const entries = useMore(result.state === 'ok' ? result.data.timeline : null, (c, after) => c.timeline({ actors, first: PAGE, after }).then((r) => r.timeline));
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
      <Load result={result} reload={reload}>
        {(d) => (
          <>
            <Chart lanes={d.lanes} edges={entries.edges} />
            <MoreButton list={entries} noun="entries" />
            <h2>Entries ({d.timeline.totalCount})</h2>
            <ol className="facts">
              {entries.edges.map((e) => {
                const to = link(e);
                return <li key={e.cursor}><time dateTime={e.date}>{partialDate(e.date)}</time> · {to ? <a href={to}>{label(e)}</a> : label(e)} <span className="muted">({[...new Set(e.matchedVia.map((m) => m.principal.name))].join(', ')})</span></li>;
              })}
            </ol>
          </>
        )}
      </Load>
    </>
  );
}
