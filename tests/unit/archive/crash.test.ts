// kill -9 at random moments: every acknowledged edit must survive, and no transaction may be
// half-applied. A bounded number of rounds keeps this fast.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { crashImage, open, tempDir } from './helpers';
import type { Archive } from '../../../main/archive';
import type { Claim } from '../../../shared/domain';

const ROUNDS = 20;
const child = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const repoRoot = path.resolve(path.dirname(child), '../../..');

interface Acks {
  created: Map<number, number>; // claim id → n
  notes: Map<number, number>; // claim id → highest acknowledged n
}

/** Runs the child until a random moment after it starts editing, then SIGKILLs it. */
function runAndKill(dir: string, round: number, acks: Acks, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dir, String(round)], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    let stderr = '';
    let lines = 0;
    let acked = false;
    let killOnAck = false;
    proc.stderr.on('data', (d) => (stderr += d));
    proc.stdout.on('data', (data) => {
      buffer += data;
      const complete = buffer.split('\n');
      buffer = complete.pop()!;
      for (const line of complete) {
        const [kind, id, n] = line.split(' ');
        // The kill comes at a random moment once editing runs, but never before the first
        // acknowledged edit: on a loaded machine the delay alone could end a round with nothing to check.
        if (kind === 'ready') setTimeout(() => (acked ? proc.kill('SIGKILL') : (killOnAck = true)), delayMs);
        if (kind === 'C' || kind === 'U') {
          acked = true;
          if (killOnAck) proc.kill('SIGKILL');
        }
        if (kind === 'C') acks.created.set(Number(id), Number(n));
        if (kind === 'U') acks.notes.set(Number(id), Math.max(Number(n), acks.notes.get(Number(id)) ?? 0));
        lines++;
      }
    });
    proc.on('error', reject);
    proc.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(lines) : reject(new Error(`child exited on its own: ${stderr}`))));
  });
}

function checkArchive(archive: Archive, acks: Acks): void {
  expect(archive.info().readOnly).toBe(false);
  for (const [id, n] of acks.created) {
    expect(archive.claims.get(id).statement, `claim ${id}`).toBe(`s-${n}`);
  }
  for (const [id, n] of acks.notes) {
    const notes = archive.claims.get(id).notes;
    expect(Number(notes.slice(2)), `notes of claim ${id}`).toBeGreaterThanOrEqual(n);
  }
  // Every claim that exists, acknowledged or not, has all three changes of its transaction.
  const total = archive.claims.list({ limit: 1 }).total;
  for (let offset = 0; offset < total; offset += 1000) {
    for (const claim of archive.claims.list({ limit: 1000, offset, sort: 'createdAt' }).items) checkClaim(archive, claim);
  }
}

function checkClaim(archive: Archive, claim: Claim): void {
  expect(claim.status, `claim ${claim.id}`).toBe('in_progress');
  expect(claim.tags, `claim ${claim.id}`).toEqual([`t-${claim.statement.slice(2)}`, 'x']);
  expect(
    archive.claims
      .history(claim.id)
      .map((h) => h.field)
      .slice(0, 3),
  ).toEqual(['created', 'status', 'tags']);
}

describe('crash safety (kill -9)', () => {
  it(`keeps every acknowledged edit over ${ROUNDS} random kills`, async () => {
    const dir = tempDir();
    const acks: Acks = { created: new Map(), notes: new Map() };
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let totalLines = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      totalLines += await runAndKill(dir, round, acks, 20 + Math.floor(random() * 250));
      // Check a copy, so the next child recovers from exactly what the kill left behind.
      const archive = await open(crashImage(dir));
      checkArchive(archive, acks);
      await archive.close();
    }
    const final = await open(dir);
    checkArchive(final, acks);
    expect(acks.created.size).toBeGreaterThan(ROUNDS); // the child really did work before dying
    expect(totalLines).toBeGreaterThan(ROUNDS * 3);
  }, 240_000);
});
