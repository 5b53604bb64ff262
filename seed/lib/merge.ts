/**
 * Merges the per-document annotation files into one graph: records with the same slug (or key within
 * their parent) become one record whose evidence is the union of every file's quotes, each quote
 * resolved to its offsets in its own document.
 */
import type {
  ActorAnnotation, CitationAnnotation, DateClaimAnnotation, DocumentAnnotations, EventAnnotation, ItemAnnotation,
  ParticipantRole, QuantityAnnotation, Quote, RequestAnnotation, ResponseAnnotation, RoleAnnotation, StatusEntryAnnotation,
} from './annotation-types.ts';
import type { SeedAnnotationFile, SeedDocument } from './sources.ts';
import { describeQuoteFailure, resolveQuote } from '../../src/domain/spans.ts';
import { normalizeName } from '../../src/domain/text.ts';

export interface Ev {
  doc: string;
  start: number;
  end: number;
  quote: string;
  /** Slug of the actor the words are attributed to. */
  attributedTo?: string;
  attribution?: string;
  hedged?: boolean;
}

/** A quantity with the file and document it was stated in (its text was found in that document). */
export interface GQuantity extends QuantityAnnotation { doc: string; file: string }
export interface GDateClaim extends Omit<DateClaimAnnotation, 'evidence' | 'citations'> {
  declaredIn: Set<string>; evidence: Ev[]; citations: CitationAnnotation[]; sources: Sources;
}
export interface GStatusEntry extends Omit<StatusEntryAnnotation, 'evidence' | 'citations'> {
  declaredIn: Set<string>; evidence: Ev[]; citations: CitationAnnotation[]; sources: Sources;
}

/** Where each scalar came from, to name both files when two disagree. */
type Sources = Map<string, string>;
/** Files that declare a record, to name them in problems found after merging. */
export interface Declared { declaredIn: Set<string> }

export interface GRole extends Omit<RoleAnnotation, 'evidence' | 'citations'> { declaredIn: Set<string>; evidence: Ev[]; citations: CitationAnnotation[]; sources: Sources }
export interface GRelation {
  kind: 'MEMBER_OF' | 'PART_OF'; to: string; since?: string; until?: string; dateNote?: string;
  evidence: Ev[]; citations: CitationAnnotation[]; declaredIn: Set<string>; sources: Sources;
}
export interface GActor extends Omit<ActorAnnotation, 'aliases' | 'mentions' | 'roles' | 'relations'> { declaredIn: Set<string>;
  aliases: Map<string, string>;
  mentions: Ev[];
  roles: Map<string, GRole>;
  relations: Map<string, GRelation>;
  sources: Sources;
}
export interface GParticipant { actor: string; role: ParticipantRole; evidence: Ev[]; declaredIn: Set<string> }
export interface GEvent extends Omit<EventAnnotation, 'participants' | 'evidence' | 'citations' | 'quantities' | 'dateClaims'> { declaredIn: Set<string>;
  participants: Map<string, GParticipant>;
  evidence: Ev[];
  citations: CitationAnnotation[];
  quantities: GQuantity[];
  dateClaims: Map<string, GDateClaim>;
  sources: Sources;
}
export interface GParty { declaredIn: Set<string>; side: 'REQUESTER' | 'ADDRESSEE'; actor: string; onBehalfOf?: string; sources: Sources }
export interface GItem extends Omit<ItemAnnotation, 'evidence' | 'quantities'> { declaredIn: Set<string>; evidence: Ev[]; quantities: GQuantity[]; sources: Sources }
export interface GResponse extends Omit<ResponseAnnotation, 'evidence' | 'citations' | 'quantities'> {
  declaredIn: Set<string>; evidence: Ev[]; citations: CitationAnnotation[]; quantities: GQuantity[]; sources: Sources;
}
export interface GRequest extends Omit<RequestAnnotation, 'requesters' | 'addressees' | 'items' | 'responses' | 'evidence' | 'statusHistory' | 'dateClaims'> { declaredIn: Set<string>;
  parties: Map<string, GParty>;
  items: Map<string, GItem>;
  responses: Map<string, GResponse>;
  statusHistory: Map<string, GStatusEntry>;
  dateClaims: Map<string, GDateClaim>;
  evidence: Ev[];
  sources: Sources;
}

export interface SeedGraph {
  documents: SeedDocument[];
  actors: Map<string, GActor>;
  events: Map<string, GEvent>;
  requests: Map<string, GRequest>;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function mergeAnnotations(documents: SeedDocument[], files: SeedAnnotationFile[], problems: string[]): SeedGraph {
  const graph: SeedGraph = { documents, actors: new Map(), events: new Map(), requests: new Map() };
  const bySlug = new Map(documents.map((d) => [d.slug, d]));
  const seenDocs = new Map<string, string>();

  for (const { file, annotations } of files) {
    const doc = bySlug.get(annotations.document);
    if (!doc) {
      problems.push(`${file}: document "${annotations.document}" is not in seed/documents`);
      continue;
    }
    const other = seenDocs.get(doc.slug);
    if (other) problems.push(`${file}: document "${doc.slug}" is already annotated by ${other}`);
    seenDocs.set(doc.slug, file);
    new FileMerger(graph, file, doc, problems).merge(annotations);
  }
  return graph;
}

/** Merges one file into the graph; `label`s in messages name the record ("request x, item y"). */
class FileMerger {
  constructor(
    private graph: SeedGraph,
    private file: string,
    private doc: SeedDocument,
    private problems: string[],
  ) {}

  merge(a: DocumentAnnotations) {
    for (const actor of a.actors ?? []) this.actor(actor);
    for (const event of a.events ?? []) this.event(event);
    for (const request of a.requests ?? []) this.request(request);
  }

  private problem(label: string, message: string) {
    this.problems.push(`${this.file}: ${label}: ${message}`);
  }

  /** Copies the scalars the file states onto the record, flagging a value that differs from another file's. */
  private scalars(target: { sources: Sources }, source: object, fields: readonly string[], label: string) {
    const into = target as unknown as Record<string, unknown>;
    const from = source as Record<string, unknown>;
    for (const field of fields) {
      const value = from[field];
      if (value === undefined) continue;
      const previous = into[field];
      if (previous === undefined) {
        into[field] = value;
        target.sources.set(field, this.file);
      } else if (!sameValue(previous, value)) {
        this.problem(label, `${field} ${JSON.stringify(value)} conflicts with ${JSON.stringify(previous)} in ${target.sources.get(field)}`);
      }
    }
  }

  private quotes(quotes: Quote[] | undefined, label: string): Ev[] {
    const out: Ev[] = [];
    for (const q of quotes ?? []) {
      const quote = typeof q === 'string' ? q : q?.quote;
      const occurrence = typeof q === 'string' ? undefined : q?.occurrence;
      if (typeof quote !== 'string') {
        this.problem(label, `evidence must be a quote string or { quote, occurrence, attributedTo, attribution, hedged }, got ${JSON.stringify(q)}`);
        continue;
      }
      const r = resolveQuote(this.doc.body, quote, occurrence);
      if (!r.ok) {
        this.problem(label, describeQuoteFailure(r, quote));
        continue;
      }
      const extra = typeof q === 'string' ? {} : {
        ...(q.attributedTo !== undefined ? { attributedTo: q.attributedTo } : {}),
        ...(q.attribution !== undefined ? { attribution: q.attribution } : {}),
        ...(q.hedged ? { hedged: true } : {}),
      };
      out.push({ doc: this.doc.slug, ...r.span, ...extra });
    }
    return out;
  }

  /** Quantities whose written text must occur in this document (so the number is the text's). */
  private quantities(list: QuantityAnnotation[] | undefined, label: string): GQuantity[] {
    const out: GQuantity[] = [];
    for (const q of list ?? []) {
      if (typeof q.text !== 'string' || !this.doc.body.includes(q.text)) {
        this.problem(label, `quantity text ${JSON.stringify(q.text)} does not occur in the document`);
        continue;
      }
      if (!Number.isFinite(q.amount)) this.problem(label, `quantity ${JSON.stringify(q.text)}: amount must be a finite number`);
      out.push({ ...q, doc: this.doc.slug, file: this.file });
    }
    return out;
  }

  private dateClaims(into: Map<string, GDateClaim>, list: DateClaimAnnotation[] | undefined, label: string) {
    for (const c of list ?? []) {
      const l = `${label}, date claim ${c.key}`;
      let g = into.get(c.key);
      if (!g) into.set(c.key, (g = { key: c.key, evidence: [], citations: [], sources: new Map(), declaredIn: new Set<string>() }));
      g.declaredIn.add(this.file);
      this.scalars(g, c, ['date', 'claim', 'used', 'note'], l);
      g.evidence.push(...this.quotes(c.evidence, l));
      g.citations.push(...(c.citations ?? []));
    }
  }

  private slugOf(record: { slug?: unknown }, what: string): string | null {
    if (typeof record.slug !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(record.slug)) {
      this.problem(what, `slug ${JSON.stringify(record.slug)} must be kebab-case (a-z, 0-9, single hyphens)`);
      return null;
    }
    return record.slug;
  }

  private actor(a: ActorAnnotation) {
    const slug = this.slugOf(a, 'actor');
    if (!slug) return;
    const label = `actor ${slug}`;
    let g = this.graph.actors.get(slug);
    if (!g) {
      g = { slug, aliases: new Map(), mentions: [], roles: new Map(), relations: new Map(), sources: new Map(), declaredIn: new Set<string>() };
      this.graph.actors.set(slug, g);
    }
    g.declaredIn.add(this.file);
    this.scalars(g, a, ['name', 'kind', 'countryCode', 'description'], label);
    for (const alias of a.aliases ?? []) {
      if (!alias.trim()) this.problem(label, 'an alias is empty');
      else g.aliases.set(normalizeName(alias), alias.trim());
    }
    g.mentions.push(...this.quotes(a.mentions, label));
    for (const role of a.roles ?? []) {
      const roleLabel = `${label}, role ${role.key}`;
      let r = g.roles.get(role.key);
      if (!r) g.roles.set(role.key, (r = { key: role.key, evidence: [], citations: [], sources: new Map(), declaredIn: new Set<string>() }));
      r.declaredIn.add(this.file);
      this.scalars(r, role, ['title', 'within', 'from', 'to', 'dateNote'], roleLabel);
      r.evidence.push(...this.quotes(role.evidence, roleLabel));
      r.citations.push(...(role.citations ?? []));
    }
    for (const rel of a.relations ?? []) {
      const key = `${rel.kind}:${rel.to}`;
      let r = g.relations.get(key);
      if (!r) g.relations.set(key, (r = { kind: rel.kind, to: rel.to, evidence: [], citations: [], sources: new Map(), declaredIn: new Set<string>() }));
      r.declaredIn.add(this.file);
      const relLabel = `${label}, relation ${rel.kind} ${rel.to}`;
      this.scalars(r, rel, ['since', 'until', 'dateNote'], relLabel);
      r.evidence.push(...this.quotes(rel.evidence, relLabel));
      r.citations.push(...(rel.citations ?? []));
    }
  }

  private event(e: EventAnnotation) {
    const slug = this.slugOf(e, 'event');
    if (!slug) return;
    const label = `event ${slug}`;
    let g = this.graph.events.get(slug);
    if (!g) {
      g = { slug, participants: new Map(), evidence: [], citations: [], quantities: [], dateClaims: new Map(), sources: new Map(), declaredIn: new Set<string>() };
      this.graph.events.set(slug, g);
    }
    g.declaredIn.add(this.file);
    this.scalars(g, e, ['kind', 'status', 'title', 'summary', 'start', 'end', 'dateNote', 'location'], label);
    g.evidence.push(...this.quotes(e.evidence, label));
    g.citations.push(...(e.citations ?? []));
    g.quantities.push(...this.quantities(e.quantities, label));
    this.dateClaims(g.dateClaims, e.dateClaims, label);
    for (const p of e.participants ?? []) {
      const key = `${p.actor}:${p.role}`;
      let gp = g.participants.get(key);
      if (!gp) g.participants.set(key, (gp = { actor: p.actor, role: p.role, evidence: [], declaredIn: new Set<string>() }));
      gp.declaredIn.add(this.file);
      gp.evidence.push(...this.quotes(p.evidence, `${label}, participant ${p.actor} (${p.role})`));
    }
  }

  private request(q: RequestAnnotation) {
    const slug = this.slugOf(q, 'request');
    if (!slug) return;
    const label = `request ${slug}`;
    let g = this.graph.requests.get(slug);
    if (!g) {
      g = {
        slug, parties: new Map(), items: new Map(), responses: new Map(), statusHistory: new Map(), dateClaims: new Map(),
        evidence: [], sources: new Map(), declaredIn: new Set<string>(),
      };
      this.graph.requests.set(slug, g);
    }
    g.declaredIn.add(this.file);
    this.scalars(g, q, ['summary', 'channel', 'status', 'date', 'dateNote', 'madeAt'], label);
    g.evidence.push(...this.quotes(q.evidence, label));
    this.dateClaims(g.dateClaims, q.dateClaims, label);
    for (const s of q.statusHistory ?? []) {
      const l = `${label}, status ${s.key}`;
      let gs = g.statusHistory.get(s.key);
      if (!gs) g.statusHistory.set(s.key, (gs = { key: s.key, evidence: [], citations: [], sources: new Map(), declaredIn: new Set<string>() }));
      gs.declaredIn.add(this.file);
      this.scalars(gs, s, ['status', 'date', 'dateNote', 'note'], l);
      gs.evidence.push(...this.quotes(s.evidence, l));
      gs.citations.push(...(s.citations ?? []));
    }
    const parties = [
      ...(q.requesters ?? []).map((p) => ({ ...p, side: 'REQUESTER' as const })),
      ...(q.addressees ?? []).map((p) => ({ ...p, side: 'ADDRESSEE' as const })),
    ];
    for (const p of parties) {
      const key = `${p.side}:${p.actor}`;
      let gp = g.parties.get(key);
      if (!gp) g.parties.set(key, (gp = { side: p.side, actor: p.actor, sources: new Map(), declaredIn: new Set<string>() }));
      gp.declaredIn.add(this.file);
      this.scalars(gp, p, ['onBehalfOf'], `${label}, ${p.side.toLowerCase()} ${p.actor}`);
    }
    for (const item of q.items ?? []) {
      const itemLabel = `${label}, item ${item.key}`;
      let gi = g.items.get(item.key);
      if (!gi) g.items.set(item.key, (gi = { key: item.key, evidence: [], quantities: [], sources: new Map(), declaredIn: new Set<string>() }));
      gi.declaredIn.add(this.file);
      this.scalars(gi, item, ['category', 'description', 'excluded'], itemLabel);
      gi.evidence.push(...this.quotes(item.evidence, itemLabel));
      gi.quantities.push(...this.quantities(item.quantities, itemLabel));
    }
    for (const resp of q.responses ?? []) {
      const respLabel = `${label}, response ${resp.key}`;
      let gr = g.responses.get(resp.key);
      if (!gr) {
        gr = { key: resp.key, evidence: [], citations: [], quantities: [], sources: new Map(), declaredIn: new Set<string>() };
        g.responses.set(resp.key, gr);
      }
      gr.declaredIn.add(this.file);
      this.scalars(gr, resp, ['responder', 'stance', 'date', 'dateNote', 'event', 'summary', 'answers'], respLabel);
      gr.evidence.push(...this.quotes(resp.evidence, respLabel));
      gr.citations.push(...(resp.citations ?? []));
      gr.quantities.push(...this.quantities(resp.quantities, respLabel));
    }
  }
}
