import { useEffect, useId, useState, type FormEvent } from 'react';
import type { RequestDetailFragment, RequestStatus } from '@dossier/sdk/documents';
import { editorApi, explain } from '../api.ts';
import type { Explained } from '../errors.ts';
import { REQUEST_STATUSES, words } from '../format.ts';
import { ErrorNote } from './common.tsx';

const DATE = '\\d{4}(-\\d{2}(-\\d{2})?)?';

/**
 * With a token: change the request's summary, or record a new status. Both send the version the page
 * was opened at, so a change someone else made meanwhile is never overwritten: the server refuses with
 * CONFLICT and the page says so in words, with a reload.
 */
export function EditRequest({ r, onSaved }: { r: RequestDetailFragment; onSaved: () => void }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Explained | null>(null);
  // A reload that brings a new version answers the error; the forms start again from the record as it is.
  useEffect(() => setError(null), [r.version]);

  const save = async (write: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await write();
      onSaved();
    } catch (e) {
      setError(explain(e, 'write'));
    } finally {
      setBusy(false);
    }
  };
  const saveSummary = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const summary = String(new FormData(e.currentTarget).get('summary') ?? '').trim();
    void save(() => editorApi().updateRequest({ input: { id: r.id, expectedVersion: r.version, summary } }));
  };
  const saveStatus = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => String(f.get(k) ?? '').trim();
    const date = text('date');
    const note = text('note');
    void save(() => editorApi().setRequestStatus({
      input: { id: r.id, expectedVersion: r.version, status: text('status') as RequestStatus, ...(date ? { date } : {}), ...(note ? { note } : {}) },
    }));
  };

  if (!open) {
    return <p><button type="button" onClick={() => setOpen(true)} aria-expanded="false">Edit this request</button> <span className="muted">(version {r.version})</span></p>;
  }
  return (
    <section className="edit" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Edit this request <span className="muted">(as opened: version {r.version})</span></h2>
      <form key={`summary-${r.version}`} onSubmit={saveSummary} aria-label="Change the summary">
        <label htmlFor={`${id}-summary`}>Summary</label>
        <textarea id={`${id}-summary`} name="summary" defaultValue={r.summary} required rows={3} />
        <button type="submit" disabled={busy}>Save the summary</button>
      </form>
      <form key={`status-${r.version}`} onSubmit={saveStatus} aria-label="Record a new status">
        <label htmlFor={`${id}-status`}>New status</label>
        <select id={`${id}-status`} name="status" defaultValue={r.status}>
          {REQUEST_STATUSES.map((s) => <option key={s} value={s}>{words(s)}</option>)}
        </select>
        <label htmlFor={`${id}-date`}>From (YYYY, YYYY-MM or YYYY-MM-DD; empty: undated, taken as current)</label>
        <input id={`${id}-date`} name="date" pattern={DATE} inputMode="numeric" />
        <label htmlFor={`${id}-note`}>Why</label>
        <input id={`${id}-note`} name="note" />
        <button type="submit" disabled={busy}>Record the status</button>
      </form>
      {error && <ErrorNote error={error} onReload={onSaved} />}
      <p><button type="button" onClick={() => { setOpen(false); setError(null); }}>Close the editor</button></p>
    </section>
  );
}
