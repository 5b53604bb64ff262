import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ItemCategory, RequestChannel, RequestItemInput, Stance } from '@dossier/sdk/documents';
import { editorApi, explain } from '../api.ts';
import type { Explained } from '../errors.ts';
import { ITEM_CATEGORIES, words } from '../format.ts';
import { href } from '../router.ts';
import { ActorInput, ErrorNote } from './common.tsx';

const STANCES = ['SUPPORTS', 'CONSIDERING', 'NONCOMMITTAL', 'ACCEPTS', 'DECLINES', 'CONDITIONS'] as const satisfies readonly Stance[];
const CHANNELS = ['LETTER', 'MEETING', 'SPEECH', 'STATEMENT', 'OTHER'] as const satisfies readonly RequestChannel[];
const DATE = '\\d{4}(-\\d{2}(-\\d{2})?)?';

export interface Selected {
  /** The document's global ID. */
  document: string;
  start: number;
  end: number;
  quote: string;
}

/** What a write made: said in words, with a link to the record's page when it has one. */
export interface Added {
  text: string;
  link?: string;
  start: number;
  end: number;
}

type Mode = 'evidence' | 'request' | 'response';
const text = (f: FormData, k: string) => String(f.get(k) ?? '').trim();

/** The items of a new request: one row each, added and removed; at least one. */
function Items() {
  const id = useId();
  const [rows, setRows] = useState([0]);
  return (
    <fieldset>
      <legend>Items (what was asked for, or explicitly not)</legend>
      {rows.map((row, i) => (
        <div key={row} className="item-row" role="group" aria-label={`Item ${i + 1}`}>
          <label htmlFor={`${id}-c${row}`}>Item {i + 1}: category</label>
          <select id={`${id}-c${row}`} name="item-category" defaultValue="TRAINING">
            {ITEM_CATEGORIES.map((c) => <option key={c} value={c}>{words(c)}</option>)}
          </select>
          <label htmlFor={`${id}-d${row}`}>Item {i + 1}: what exactly</label>
          <input id={`${id}-d${row}`} name="item-description" required />
          <label className="check"><input type="checkbox" name="item-excluded" value={String(row)} /> explicitly not asked for</label>
          <input type="hidden" name="item-row" value={String(row)} />
          {rows.length > 1 && <button type="button" onClick={() => setRows(rows.filter((r) => r !== row))}>Remove item {i + 1}</button>}
        </div>
      ))}
      <button type="button" onClick={() => setRows([...rows, Math.max(...rows) + 1])}>Add another item</button>
    </fieldset>
  );
}

function itemsOf(f: FormData, evidence: Selected): RequestItemInput[] {
  const excluded = new Set(f.getAll('item-excluded').map(String));
  const categories = f.getAll('item-category').map(String);
  const descriptions = f.getAll('item-description').map((d) => String(d).trim());
  return f.getAll('item-row').map(String).map((row, i) => ({
    category: categories[i] as ItemCategory,
    description: descriptions[i] ?? '',
    excluded: excluded.has(row),
    // An item stated in the selection carries it as evidence too, when its words are in it.
    ...(descriptions[i] && evidence.quote.includes(descriptions[i]) ? { evidence: [{ document: evidence.document, quote: descriptions[i], start: evidence.start + evidence.quote.indexOf(descriptions[i]), end: evidence.start + evidence.quote.indexOf(descriptions[i]) + descriptions[i].length }] } : {}),
  }));
}

/**
 * With a token: the selected span becomes evidence for a fact the document already supports (or any
 * record by global ID), starts a new request with the span as its evidence, or records a response to a
 * request with the span as its evidence.
 */
export function Curate({ selected, targets, requests, onAdded }: {
  selected: Selected;
  /** Records the document supports: [global ID, description]. */
  targets: readonly [string, string][];
  /** Requests the document has evidence on: [slug, summary]. */
  requests: readonly [string, string][];
  onAdded: (added: Added) => void;
}) {
  const id = useId();
  const [mode, setMode] = useState<Mode>('evidence');
  const [target, setTarget] = useState(targets[0]?.[0] ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Explained | null>(null);
  const span = { document: selected.document, start: selected.start, end: selected.end };
  const at = { start: selected.start, end: selected.end };

  const run = async (write: () => Promise<Added>) => {
    setBusy(true);
    setError(null);
    try {
      onAdded(await write());
    } catch (e) {
      setError(explain(e, 'write'));
    } finally {
      setBusy(false);
    }
  };

  const attach = () => void run(async () => {
    await editorApi().addEvidence({ input: { target, evidence: span } });
    return { text: 'Evidence added.', ...at };
  });

  const createRequest = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const date = text(f, 'date');
    const onBehalfOf = text(f, 'onBehalfOf');
    void run(async () => {
      const { createRequest: made } = await editorApi().createRequest({
        input: {
          summary: text(f, 'summary'),
          channel: text(f, 'channel') as RequestChannel,
          ...(date ? { date } : {}),
          requesters: [{ actor: text(f, 'requester'), ...(onBehalfOf ? { onBehalfOf } : {}) }],
          addressees: [{ actor: text(f, 'addressee') }],
          items: itemsOf(f, selected),
          evidence: [span],
        },
      });
      return { text: `Request recorded: “${made.request.summary}”, with the selection as its evidence.`, link: href(`requests/${encodeURIComponent(made.request.slug)}`), ...at };
    });
  };

  const respond = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const date = text(f, 'date');
    const request = text(f, 'otherRequest') || text(f, 'request');
    void run(async () => {
      const { addRequestResponse: made } = await editorApi().addRequestResponse({
        input: { request, responder: text(f, 'responder'), stance: text(f, 'stance') as Stance, summary: text(f, 'summary'), evidence: [span], ...(date ? { date } : {}) },
      });
      return { text: `Response recorded to “${made.request.summary}”, with the selection as its evidence.`, link: href(`requests/${encodeURIComponent(made.request.slug)}`), ...at };
    });
  };

  const field = (name: string, label: string, input: ReactNode) => (
    <div className="field"><label htmlFor={`${id}-${name}`}>{label}</label>{input}</div>
  );
  return (
    <section className="curate" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Curate the selection</h2>
      <p><q>{selected.quote}</q> <span className="muted">(characters {selected.start}–{selected.end})</span></p>
      <fieldset>
        <legend>Use it to</legend>
        <label><input type="radio" name={`${id}-mode`} checked={mode === 'evidence'} onChange={() => setMode('evidence')} /> attach it as evidence</label>
        <label><input type="radio" name={`${id}-mode`} checked={mode === 'request'} onChange={() => setMode('request')} /> start a request from it</label>
        <label><input type="radio" name={`${id}-mode`} checked={mode === 'response'} onChange={() => setMode('response')} /> add a response from it</label>
      </fieldset>
      {mode === 'evidence' && (
        <>
          {field('target', 'Supports', (
            <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
              {targets.map(([tid, label]) => <option key={tid} value={tid}>{label}</option>)}
            </select>
          ))}
          {field('target-id', "or the record's global ID", <input id={`${id}-target-id`} onChange={(e) => e.target.value.trim() && setTarget(e.target.value.trim())} />)}
          <button type="button" onClick={attach} disabled={!target || busy}>Attach evidence</button>
        </>
      )}
      {mode === 'request' && (
        <form onSubmit={createRequest} aria-label="New request">
          {field('summary', 'What was asked, in a sentence', <textarea id={`${id}-summary`} name="summary" defaultValue={selected.quote} required rows={3} />)}
          <ActorInput label="Requested by" name="requester" required />
          <ActorInput label="On behalf of (optional)" name="onBehalfOf" />
          <ActorInput label="Addressed to" name="addressee" required />
          {field('channel', 'Through', (
            <select id={`${id}-channel`} name="channel" defaultValue="STATEMENT">{CHANNELS.map((c) => <option key={c} value={c}>{words(c)}</option>)}</select>
          ))}
          {field('date', 'Made (YYYY, YYYY-MM or YYYY-MM-DD)', <input id={`${id}-date`} name="date" pattern={DATE} inputMode="numeric" />)}
          <Items />
          <button type="submit" disabled={busy}>Record the request</button>
        </form>
      )}
      {mode === 'response' && (
        <form onSubmit={respond} aria-label="New response">
          {field('request', 'To the request', (
            <select id={`${id}-request`} name="request">{requests.map(([slug, summary]) => <option key={slug} value={slug}>{summary}</option>)}</select>
          ))}
          {field('otherRequest', "or another request's slug or global ID", <input id={`${id}-otherRequest`} name="otherRequest" required={requests.length === 0} />)}
          <ActorInput label="Responder" name="responder" required />
          {field('stance', 'Stance', <select id={`${id}-stance`} name="stance">{STANCES.map((x) => <option key={x} value={x}>{words(x)}</option>)}</select>)}
          {field('rdate', 'Date (YYYY, YYYY-MM or YYYY-MM-DD)', <input id={`${id}-rdate`} name="date" pattern={DATE} inputMode="numeric" />)}
          {field('rsummary', 'What was said or done', <textarea id={`${id}-rsummary`} name="summary" defaultValue={selected.quote} required rows={3} />)}
          <button type="submit" disabled={busy}>Record the response</button>
        </form>
      )}
      {error && <ErrorNote error={error} />}
    </section>
  );
}
