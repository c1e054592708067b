// The replication client (docs/sync.md §3): one round of CouchDB's replication protocol between the
// local archive and a team database — push (`_revs_diff`, `_bulk_docs` with `new_edits: false`,
// originals as attachments deduplicated by SHA-256), then pull (`_changes` from the checkpoint,
// `_bulk_get`, zod validation, one archive transaction per batch, checkpoint kept locally and in a
// `_local/` document). Plain Node `fetch`: it runs in the services process or the CLI, never Electron.
// The password is only ever put in the Authorization header: never in a message, a log or a file.
import path from 'node:path';
import { z } from 'zod';
import { readFile } from 'node:fs/promises';
import type { Archive } from '../archive';
import { AppError } from '../../shared/errors';
import { parseBody, parseDocId, Rev, Sha256, type SyncDoc } from '../archive/sync/documents';
import { createHash } from 'node:crypto';
import { inApplyOrder, type ApplyResult, type OutgoingDoc, type PulledDoc, type PulledRemoval } from '../archive/sync/repo';
import { isRelation, isRelationBody, relationNeeds } from '../archive/sync/relations';

export interface SyncOptions {
  archive: Archive;
  /** The team database's URL: https://host/db (http only for loopback). */
  remote: string;
  user?: string;
  password?: string;
  /** Changes per pull batch and documents per push batch (default 200). */
  batchSize?: number;
  onProgress?: (progress: SyncProgress) => void;
  /** The fetch to use (tests pass one that fails on cue). */
  fetch?: typeof fetch;
}

export interface SyncProgress {
  phase: 'push' | 'pull';
  done: number;
  total: number | null;
}

export interface SyncReport {
  remote: string;
  pushed: number;
  pulled: number;
  originalsPushed: number;
  originalsPulled: number;
  /** Claims marked conflict by this round (local id; both versions are in their history). */
  conflicts: number[];
  /** Documents from the server that were refused, with why: the archive was not touched by them. */
  rejected: { id: string; reason: string }[];
  /** Local changes not on the server after this round (refused, or made meanwhile): they go out at the next. */
  pending: number;
  /** 'refused': the server would not take this user's changes (a read-only reviewer); they stay here as drafts. */
  state: 'synced' | 'refused';
  /** The server's reason, when it refused the changes. */
  refused: string | null;
}

/** The server refused the changes themselves (CouchDB's 403 / `forbidden`): pulling still works. */
export class ChangesRefused extends AppError {
  constructor(readonly reason: string) {
    super('FORBIDDEN', `The sync server refused your changes (${reason}). They stay in this archive as drafts.`);
  }
}

/** The server could not be reached (down, no network): nothing is lost, the next sync resumes. */
export const isUnreachable = (err: unknown): boolean => err instanceof AppError && (err as { unreachable?: boolean }).unreachable === true;

const LOOPBACK = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);
const DB_NAME = /^[a-z][a-z0-9_$()+/-]*$/;
/** The largest original sent or taken (the same cap as an import). */
const MAX_ORIGINAL_BYTES = 256 * 1024 * 1024;

/** Checks a remote URL: https (http only on loopback), no credentials in it, a database named. */
export function parseRemote(remote: string): { base: string; label: string } {
  let url: URL;
  try {
    url = new URL(remote);
  } catch {
    throw new AppError('INVALID_ARGUMENT', `"${remote}" is not a URL (expected https://server/database).`);
  }
  if (url.username || url.password)
    throw new AppError('INVALID_ARGUMENT', 'Put no user name or password in the URL: use --user and the CLAIMDESK_SYNC_PASSWORD variable.');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
    throw new AppError('INVALID_ARGUMENT', `Sync needs https:// (plain http:// only to this computer), not ${url.protocol}//${url.host}.`);
  const db = decodeURIComponent(url.pathname.replace(/^\/+|\/+$/g, ''));
  if (!DB_NAME.test(db.split('/').pop() ?? ''))
    throw new AppError('INVALID_ARGUMENT', `The URL must name the team database (https://server/claimdesk-team), got "${url.pathname}".`);
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return { base, label: base };
}

/** The shapes of the server's answers: anything else is a malformed answer, never a crash. */
const Str = z.string().max(10_000);
const Answers = {
  info: z.object({}).passthrough(),
  revsDiff: z.record(Str, z.object({ missing: z.array(Str).max(10_000).optional() }).passthrough()),
  bulkDocs: z.array(z.object({ id: Str.optional(), error: Str.optional(), reason: z.unknown().optional() }).passthrough()),
  bulkGet: z.object({
    results: z.array(
      z
        .object({ id: Str, docs: z.array(z.object({ ok: z.record(z.string(), z.unknown()).optional() }).passthrough()).max(100) })
        .passthrough(),
    ),
  }),
  local: z.object({ _rev: Str.optional() }).passthrough(),
  saved: z.object({ rev: Str.optional() }).passthrough(),
  changes: z.object({
    results: z.array(
      z
        .object({
          id: Str,
          changes: z
            .array(z.object({ rev: Str }).passthrough())
            .min(1)
            .max(1_000),
          deleted: z.boolean().optional(),
        })
        .passthrough(),
    ),
    last_seq: z.union([Str, z.number()]),
  }),
  head: z.object({ _conflicts: z.array(Str).max(1_000).optional() }).passthrough(),
};

interface Http {
  json<T>(method: string, path: string, body: unknown, shape: z.ZodType<T>, allow404?: boolean): Promise<T | null>;
}

function http(base: string, label: string, user: string | undefined, password: string | undefined, doFetch: typeof fetch): Http {
  const auth = user ? `Basic ${Buffer.from(`${user}:${password ?? ''}`).toString('base64')}` : null;
  return {
    async json<T>(method: string, p: string, body: unknown, shape: z.ZodType<T>, allow404 = false): Promise<T | null> {
      const send = () =>
        doFetch(`${base}/${p}`, {
          method,
          headers: {
            accept: 'application/json',
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(auth ? { authorization: auth } : {}),
          },
          body: body !== undefined ? JSON.stringify(body) : undefined,
        });
      let res: Response;
      try {
        // Sent again once when a kept-alive connection was closed by the server just as it was reused
        // (after a long pause between requests, e.g. building 200k documents): every request here can be repeated.
        res = await send().catch((err: { cause?: { code?: string } }) => {
          if (err.cause?.code === 'UND_ERR_SOCKET' || err.cause?.code === 'ECONNRESET') return send();
          throw err;
        });
      } catch (err) {
        const inner = (err as { cause?: { code?: string; message?: string } }).cause;
        const cause = inner?.code ?? inner?.message ?? (err as Error).message;
        throw Object.assign(
          new AppError(
            'IO',
            `Cannot reach the sync server at ${label} (${cause}). Nothing is lost: the next sync resumes where this one stopped.`,
          ),
          { unreachable: true },
        );
      }
      if (allow404 && res.status === 404) return null;
      if (res.status === 401)
        throw new AppError(
          'FORBIDDEN',
          `The sync server at ${label} refused the sign-in${user ? ` for ${user}` : ''}: check the user name and password.`,
        );
      if (res.status === 403) {
        const reason = ((await res.json().catch(() => ({}))) as { reason?: string }).reason ?? 'forbidden';
        throw new ChangesRefused(String(reason).slice(0, 200));
      }
      if (!res.ok) throw new AppError('IO', `The sync server at ${label} answered ${res.status} to ${method} ${p.split('?')[0]}.`);
      let answer: unknown;
      try {
        answer = await res.json();
      } catch {
        throw new AppError('IO', `The sync server at ${label} sent something that is not JSON (${method} ${p.split('?')[0]}).`);
      }
      const checked = shape.safeParse(answer);
      if (!checked.success)
        throw new AppError(
          'IO',
          `The sync server at ${label} sent a malformed answer to ${method} ${p.split('?')[0]} (${checked.error.issues[0].path.join('.') || 'the answer'}: ${checked.error.issues[0].message}). Nothing was changed.`,
        );
      return checked.data;
    },
  };
}

const chunks = <T>(items: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** The revision of an original's document: the same on every device, so two uploads never conflict. */
const originalRev = (sha: string) => `1-${sha.slice(0, 32)}`;

/** One push and pull with the team database. */
export async function syncOnce(opts: SyncOptions): Promise<SyncReport> {
  const { archive } = opts;
  const { base, label } = parseRemote(opts.remote);
  const batch = Math.max(1, opts.batchSize ?? 200);
  const api = http(base, label, opts.user, opts.password, opts.fetch ?? fetch);
  const report: SyncReport = {
    remote: label,
    pushed: 0,
    pulled: 0,
    originalsPushed: 0,
    originalsPulled: 0,
    conflicts: [],
    rejected: [],
    pending: 0,
    state: 'synced',
    refused: null,
  };

  const info = await api.json('GET', '', undefined, Answers.info, true);
  if (!info) throw new AppError('NOT_FOUND', `There is no team database at ${label}: ask the team's admin to create it.`);

  const pushRefusable = async () => {
    try {
      await push(archive, api, batch, report, opts.onProgress);
    } catch (err) {
      if (!(err instanceof ChangesRefused)) throw err;
      // What the server did not store goes back to pending (and what it did store is agreed).
      await resolveSending(archive, api, batch);
      // A read-only member: their edits stay here as drafts, and the team's work still comes in.
      report.state = 'refused';
      report.refused = err.reason;
    }
  };
  await pushRefusable();
  const settled = await pull(archive, api, label, batch, report, opts.onProgress);
  // Conflicts settled by this pull: the merged claims go out now, so every device sees the mark.
  if (settled && report.state !== 'refused') await pushRefusable();
  report.pending = archive.sync.outgoing().filter((d) => d.changed).length;
  return report;
}

/**
 * Revisions a push wrote ahead but whose answer this device never got (it was killed, or the server
 * went away, between sending and recording): the server says which it stores (`_revs_diff`). Those
 * become the revisions agreed, so the next edit is their child, never a sibling the server could
 * prefer; the others go back to pending. Runs before every push.
 */
async function resolveSending(archive: Archive, api: Http, batch: number) {
  for (const group of chunks(archive.sync.sending(), batch)) {
    const diff = (await api.json('POST', '_revs_diff', Object.fromEntries(group.map((d) => [d.id, [d.rev]])), Answers.revsDiff))!;
    await archive.sync.sent(group.map((d) => ({ gid: d.gid, rev: d.rev, stored: !diff[d.id]?.missing?.includes(d.rev) })));
  }
}

async function push(archive: Archive, api: Http, batch: number, report: SyncReport, onProgress?: (p: SyncProgress) => void) {
  await archive.sync.assignIds();
  await resolveSending(archive, api, batch);
  // Batch by batch (dependencies first): each batch's documents are built and their next revisions
  // written ahead in one transaction, then sent; only one batch of documents is held at a time.
  const queue = archive.sync.pushQueue();
  let done = 0;
  for (const gids of chunks(queue, batch)) {
    const changed = await archive.sync.beginPush(gids);
    await pushOriginals(archive, api, changed, batch, report);
    if (changed.length > 0) {
      const diff = (await api.json('POST', '_revs_diff', Object.fromEntries(changed.map((d) => [d.id, [d.rev]])), Answers.revsDiff))!;
      const missing = changed.filter((d) => diff[d.id]?.missing?.includes(d.rev));
      if (missing.length > 0) await bulkDocs(api, missing.map(toCouch));
      await archive.sync.sent(changed.map((d) => ({ gid: d.gid, rev: d.rev, stored: true })));
      report.pushed += missing.length;
    }
    done += gids.length;
    onProgress?.({ phase: 'push', done, total: queue.length });
  }
}

/** The original files of these article documents the server lacks, one per request (they can be large), before the articles. */
async function pushOriginals(archive: Archive, api: Http, docs: OutgoingDoc[], batch: number, report: SyncReport) {
  const shas = [...new Set(docs.flatMap((d) => (d.body?.type === 'article' && d.body.source ? [d.body.source.sha256] : [])))].filter(
    (sha) => archive.originals.path(sha) !== null,
  );
  for (const group of chunks(shas, batch)) {
    const diff = (await api.json(
      'POST',
      '_revs_diff',
      Object.fromEntries(group.map((sha) => [`original:${sha}`, [originalRev(sha)]])),
      Answers.revsDiff,
    ))!;
    for (const sha of group) {
      if (!diff[`original:${sha}`]) continue;
      const file = archive.originals.path(sha)!;
      const bytes = await readFile(file);
      if (bytes.length > MAX_ORIGINAL_BYTES) continue;
      const doc = {
        _id: `original:${sha}`,
        _rev: originalRev(sha),
        _revisions: { start: 1, ids: [sha.slice(0, 32)] },
        type: 'original',
        v: 1,
        sha256: sha,
        ext: path.extname(file).slice(1),
        _attachments: { original: { content_type: 'application/octet-stream', data: bytes.toString('base64') } },
      };
      await bulkDocs(api, [doc]);
      report.originalsPushed++;
    }
  }
}

function toCouch(d: OutgoingDoc): Record<string, unknown> {
  const [gen, hash] = d.rev.split('-');
  const ids = [hash, ...(d.parentRev ? [d.parentRev.split('-')[1]] : [])];
  // A record removed here: CouchDB's tombstone, a child of the revision last agreed.
  return { _id: d.id, _rev: d.rev, _revisions: { start: Number(gen), ids }, ...(d.body ?? { _deleted: true }) };
}

async function bulkDocs(api: Http, docs: Record<string, unknown>[]) {
  const res = await api.json('POST', '_bulk_docs', { new_edits: false, docs }, Answers.bulkDocs);
  const failed = (res ?? []).filter((r) => r.error);
  if (failed.length === 0) return;
  const forbidden = failed.find((r) => r.error === 'forbidden' || r.error === 'unauthorized');
  if (forbidden) throw new ChangesRefused(String(forbidden.reason ?? forbidden.error).slice(0, 200));
  throw new AppError('IO', `The sync server did not store ${failed.length} document(s): ${failed[0].id}: ${failed[0].error}.`);
}

/** A document's `_revisions` (`?revs=true`) as revisions, newest first; undefined when absent or malformed. */
const Revisions = z.object({
  start: z.number().int().positive(),
  ids: z
    .array(z.string().regex(/^[0-9a-f]{1,64}$/))
    .min(1)
    .max(10_000),
});
function ancestorsOf(raw: Record<string, unknown>): string[] | undefined {
  const r = Revisions.safeParse(raw._revisions);
  return r.success ? r.data.ids.map((id, i) => `${r.data.start - i}-${id}`) : undefined;
}

/** Splits a fetched CouchDB document into its id, revision and body; checks the body. */
function fromCouch(raw: Record<string, unknown>): { doc: PulledDoc } | { rejected: { id: string; reason: string } } | null {
  const id = typeof raw._id === 'string' ? raw._id : '(no id)';
  if (raw._deleted === true) return null;
  const parsed = parseDocId(id);
  if (!parsed) return { rejected: { id: id.slice(0, 200), reason: 'not a Claimdesk document id' } };
  const rev = typeof raw._rev === 'string' ? raw._rev : '';
  if (!Rev.safeParse(rev).success)
    return { rejected: { id: id.slice(0, 200), reason: `_rev: ${Rev.safeParse(rev).error?.issues[0].message}` } };
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (!k.startsWith('_')) body[k] = v;
  const checked = parseBody(parsed.kind, body);
  if (!checked.ok) return { rejected: { id: id.slice(0, 200), reason: checked.reason.slice(0, 300) } };
  return { doc: { id, kind: parsed.kind, gid: parsed.gid, rev, body: checked.body, ancestors: ancestorsOf(raw) } };
}

async function bulkGet(api: Http, ids: string[], attachments = false): Promise<Record<string, unknown>[]> {
  if (ids.length === 0) return [];
  const res = (await api.json(
    'POST',
    // With each document's revision history: a pulled revision must descend from the one agreed here.
    `_bulk_get?revs=${attachments ? 'false&attachments=true' : 'true'}`,
    { docs: ids.map((id) => ({ id })) },
    Answers.bulkGet,
  ))!;
  return res.results.flatMap((r) => r.docs.flatMap((d) => (d.ok ? [d.ok] : [])));
}

/** The tombstones of removed records, with the revisions they descend from. */
async function bulkGetRemovals(api: Http, wanted: { id: string; rev: string }[]): Promise<PulledRemoval[]> {
  if (wanted.length === 0) return [];
  const res = (await api.json('POST', '_bulk_get?revs=true', { docs: wanted }, Answers.bulkGet))!;
  return res.results.flatMap((r) =>
    r.docs.flatMap((d) => {
      const raw = d.ok;
      const p = raw && raw._deleted === true && typeof raw._id === 'string' ? parseDocId(raw._id) : null;
      if (!raw || !p || !isRelation(p.kind) || typeof raw._rev !== 'string' || !Rev.safeParse(raw._rev).success) return [];
      return [{ id: raw._id as string, kind: p.kind, gid: p.gid, rev: raw._rev, ancestors: ancestorsOf(raw) }];
    }),
  );
}

async function pull(
  archive: Archive,
  api: Http,
  label: string,
  batch: number,
  report: SyncReport,
  onProgress?: (p: SyncProgress) => void,
): Promise<boolean> {
  let settled = false;
  const cp = await archive.sync.checkpoint(label);
  const localDoc = `_local/claimdesk-${cp.replicationId}`;
  const serverCp = await api.json('GET', localDoc, undefined, Answers.local, true);
  let since = cp.pullSince;
  if (!serverCp && since !== '0') {
    // The server does not know this replication (a new or reset database): start from the beginning.
    await archive.sync.resetCheckpoint(label);
    since = '0';
  }
  let serverRev = serverCp?._rev;
  let done = 0;
  for (;;) {
    const changes = (await api.json(
      'GET',
      `_changes?since=${encodeURIComponent(since)}&limit=${batch}&style=all_docs`,
      undefined,
      Answers.changes,
    ))!;
    const results = changes.results ?? [];
    const wanted = results
      .filter((r) => !r.deleted && !r.id.startsWith('_design/') && !r.id.startsWith('original:'))
      .filter((r) => {
        const p = parseDocId(r.id);
        return !p || r.changes.length > 1 || archive.sync.knownRev(p.gid) !== r.changes[0]?.rev;
      })
      .map((r) => r.id);
    // Links, evidence, collections and highlights removed on another device (tombstones), for records this archive has.
    const removed = results.flatMap((r) => {
      const p = r.deleted ? parseDocId(r.id) : null;
      const known = p && isRelation(p.kind) ? archive.sync.knownRev(p.gid) : null;
      return p && known !== null && known !== r.changes[0].rev ? [{ id: r.id, rev: r.changes[0].rev }] : [];
    });
    const removals = await bulkGetRemovals(api, removed);
    const docs = new Map<string, PulledDoc>();
    const take = (raws: Record<string, unknown>[]) => {
      for (const raw of raws) {
        const r = fromCouch(raw);
        if (!r) continue;
        if ('rejected' in r) report.rejected.push(r.rejected);
        else docs.set(r.doc.id, r.doc);
      }
    };
    take(await bulkGet(api, wanted));
    // Documents this batch refers to but this archive does not have yet (their change came earlier in a
    // batch that was refused, or later in the feed): fetched now so the batch applies whole.
    for (let round = 0; round < 3; round++) {
      const refs = new Set<string>();
      for (const d of docs.values()) {
        const need = (kind: string, gid: string | null) => {
          if (gid && archive.sync.knownRev(gid) === null && !docs.has(`${kind}:${gid}`)) refs.add(`${kind}:${gid}`);
        };
        if (d.body.type === 'claim') {
          need('article', d.body.article);
          for (const e of d.body.entities) need('entity', e.entity);
        }
        if (d.body.type === 'history') need('claim', d.body.claim);
        if (isRelationBody(d.body)) for (const [kind, gid] of relationNeeds(d.body)) need(kind, gid);
      }
      if (refs.size === 0) break;
      take(await bulkGet(api, [...refs]));
    }
    // Several live revisions (two devices pushed before either pulled): fetch the other versions.
    for (const r of results) {
      const doc = docs.get(r.id);
      if (!doc || doc.kind !== 'claim' || r.changes.length < 2) continue;
      const head = await api.json('GET', `${encodeURIComponent(r.id)}?conflicts=true`, undefined, Answers.head, true);
      const revs = Array.isArray(head?._conflicts) ? head._conflicts.filter((v): v is string => typeof v === 'string').slice(0, 10) : [];
      if (revs.length === 0) continue;
      const res = (await api.json('POST', '_bulk_get?revs=false', { docs: revs.map((rev) => ({ id: r.id, rev })) }, Answers.bulkGet))!;
      const others: SyncDoc[] = [];
      for (const raw of res.results.flatMap((x) => x.docs.flatMap((d) => (d.ok ? [d.ok] : [])))) {
        const o = fromCouch(raw);
        if (o && 'doc' in o) others.push(o.doc);
        else if (o) report.rejected.push(o.rejected);
      }
      doc.others = others;
    }
    await pullOriginals(archive, api, [...docs.values()], report);
    const lastSeq = String(changes.last_seq);
    const applied = await applyInSlices(archive, [...docs.values()], { remote: label, since: lastSeq }, removals, batch);
    report.pulled += applied.applied;
    report.conflicts.push(...applied.conflicts.map((c) => c.claimId));
    report.rejected.push(...applied.rejected);
    // Close the versions not kept, with the same tombstone revision on every device (no new conflict).
    const tombstones = applied.resolved.flatMap((r) =>
      r.drop.map((rev) => {
        const [gen, hash] = rev.split('-');
        const next = createHash('md5').update(`${rev}:settled`).digest('hex');
        return { _id: r.id, _rev: `${Number(gen) + 1}-${next}`, _revisions: { start: Number(gen) + 1, ids: [next, hash] }, _deleted: true };
      }),
    );
    if (tombstones.length > 0) {
      await bulkDocs(api, tombstones);
      settled = true;
    }
    const saved = await api.json('PUT', localDoc, { ...(serverRev ? { _rev: serverRev } : {}), since: lastSeq }, Answers.saved);
    serverRev = saved?.rev ?? serverRev;
    since = lastSeq;
    done += results.length;
    onProgress?.({ phase: 'pull', done, total: null });
    if (results.length < batch) break;
  }
  return settled;
}

/** At most this many pulled documents are applied in one archive transaction (fewer with small batches: a batch of n in up to 8 slices). */
const APPLY_SLICE = 25;

/**
 * Applies a pulled batch a few documents per transaction, letting the thread answer other requests
 * (the window's) between them: one transaction for a batch of 200 changes held the services' thread
 * for 250–500 ms. What a document refers to is applied first, in an earlier slice or the same one;
 * the checkpoint moves with the last slice only. A crash between slices leaves the checkpoint before
 * this batch: the next round asks for it again and skips what is already here (knownRev), as after a
 * round that stopped between batches. A batch with a claim that has several live versions on the
 * server (settled here, then closed there) is applied in one transaction, as before. Slices are not
 * awaited one by one (their journal records share fsyncs); a failed one stops the rest.
 */
async function applyInSlices(
  archive: Archive,
  docs: PulledDoc[],
  checkpoint: { remote: string; since: string },
  removals: PulledRemoval[],
  batch: number,
): Promise<ApplyResult> {
  const size = docs.some((d) => d.others?.length) ? Infinity : Math.min(APPLY_SLICE, Math.ceil(batch / 8));
  const ordered = inApplyOrder(docs);
  const slices = ordered.length > size ? chunks(ordered, size) : [ordered];
  const writes: Promise<ApplyResult>[] = [];
  let failed = false;
  for (const [i, slice] of slices.entries()) {
    const last = i === slices.length - 1;
    const write = archive.sync.apply(slice, last ? checkpoint : null, last ? removals : []);
    write.catch(() => (failed = true));
    writes.push(write);
    if (last) break;
    await new Promise((resolve) => setImmediate(resolve));
    if (failed) break;
  }
  const results = await Promise.all(writes);
  return {
    applied: results.reduce((n, r) => n + r.applied, 0),
    unchanged: results.reduce((n, r) => n + r.unchanged, 0),
    resolved: results.flatMap((r) => r.resolved),
    conflicts: results.flatMap((r) => r.conflicts),
    rejected: results.flatMap((r) => r.rejected),
  };
}

async function pullOriginals(archive: Archive, api: Http, docs: SyncDoc[], report: SyncReport) {
  const wanted = new Map<string, string>();
  for (const d of docs)
    if (d.body.type === 'article' && d.body.source && archive.originals.path(d.body.source.sha256) === null)
      wanted.set(d.body.source.sha256, path.extname(d.body.source.name).slice(1).toLowerCase());
  for (const [sha, nameExt] of wanted) {
    const [raw] = await bulkGet(api, [`original:${sha}`], true);
    const att = (raw?._attachments as Record<string, { data?: unknown }> | undefined)?.original;
    if (!raw || typeof att?.data !== 'string' || !Sha256.safeParse(sha).success) continue;
    if (att.data.length > (MAX_ORIGINAL_BYTES * 4) / 3 + 4) {
      report.rejected.push({ id: `original:${sha}`, reason: 'larger than an import may be' });
      continue;
    }
    const ext =
      typeof raw.ext === 'string' && /^[a-z0-9]{1,12}$/.test(raw.ext) ? raw.ext : /^[a-z0-9]{1,12}$/.test(nameExt) ? nameExt : 'bin';
    try {
      await archive.originals.put(sha, ext, Buffer.from(att.data, 'base64'));
      report.originalsPulled++;
    } catch (err) {
      report.rejected.push({ id: `original:${sha}`, reason: (err as Error).message.slice(0, 300) });
    }
  }
}
