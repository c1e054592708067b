// `.claimdesk` archive files for the fuzz run: oversized ones that must be refused with a message
// naming what is too large (a statement, an article's text, 200,000 tags, too many claims, too many
// bytes), broken and deeply nested JSON, and random mutations of a valid export. Each goes through the
// import pool's archive task, in a worker, as the app reads such files.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import { MAX_ARTICLE_TEXT_CHARS, MAX_STATEMENT_CHARS } from '../../shared/limits';
import { createImportPool } from '../../main/importers';
import { ARCHIVE_LIMITS, type ArchiveLimits } from '../../main/archive/exchange/limits';
import { createRng, type Rng } from './mutate';

interface ArchiveCase {
  name: string;
  json: string;
  /** How it must be refused; undefined: parsed, or refused with any clear error. */
  refused?: { code: string; message: RegExp };
  limits?: ArchiveLimits;
}

const KNOWN_CODES = new Set(['INVALID_ARGUMENT', 'UNSUPPORTED_FORMAT', 'PARSE_FAILED', 'TOO_LARGE', 'TIMEOUT']);

/** A small valid export: one article, two claims (ids 1 and 2), an entity. */
function validDoc() {
  const claim = (id: number, statement: string) => ({
    id,
    articleId: 1,
    quote: '',
    start: null,
    end: null,
    statement,
    claimant: 'Seoul',
    attribution: [],
    kind: 'reported',
    claimDate: null,
    resolveBy: null,
    status: 'new',
    verdictScale: 'claimdesk',
    verdict: null,
    verdictNote: null,
    score: null,
    tags: ['troops'],
    notes: '',
    createdAt: '2024-10-25T00:00:00Z',
    updatedAt: '2024-10-25T00:00:00Z',
    entities: [{ entityId: 1, role: 'claimant' }],
  });
  return {
    format: 'claimdesk-archive',
    version: 1,
    exportedAt: '2024-10-25T00:00:00Z',
    generator: 'fuzz',
    search: null,
    articles: [
      {
        id: 1,
        title: 'Seoul: troops arrived',
        outlet: 'Yonhap',
        author: null,
        published: '2024-10-25',
        url: null,
        language: 'en',
        wireAgency: null,
        source: null,
        text: 'Seoul said 1,500 soldiers arrived.',
        importedAt: '2024-10-25T00:00:00Z',
        duplicateOf: null,
      },
    ],
    entities: [{ id: 1, name: 'Seoul', type: 'place', aliases: [] }],
    claims: [claim(1, '1,500 soldiers arrived'), claim(2, 'They came by ship')],
    links: [],
    evidence: [],
    history: [],
    collections: [],
    savedSearches: [],
  };
}

type Doc = ReturnType<typeof validDoc>;
const edited = (edit: (d: Doc) => void) => {
  const d = validDoc();
  edit(d);
  return JSON.stringify(d);
};
const tooLarge = (message: RegExp) => ({ code: 'TOO_LARGE', message });

function fixedCases(): ArchiveCase[] {
  return [
    { name: 'valid', json: JSON.stringify(validDoc()) },
    {
      name: 'statement',
      json: edited((d) => (d.claims[1].statement = 's'.repeat(MAX_STATEMENT_CHARS + 1))),
      refused: tooLarge(/^claim 2: statement is 20,001 characters; the limit is 20,000/),
    },
    {
      name: 'article-text',
      json: edited((d) => (d.articles[0].text = 't'.repeat(MAX_ARTICLE_TEXT_CHARS + 1))),
      refused: tooLarge(/^article 1: text is 5,000,001 characters/),
    },
    {
      name: 'tags',
      json: edited((d) => (d.claims[0].tags = Array.from({ length: 200_000 }, (_, i) => `t${i}`))),
      refused: tooLarge(/^claim 1: tags holds 200,000 items; the limit is 100/),
    },
    {
      name: 'claims',
      json: edited((d) => ((d.claims as unknown[]) = Array<number>(ARCHIVE_LIMITS.claims + 1).fill(0))),
      refused: tooLarge(/^The archive file holds 150,001 claims; the limit is 150,000/),
    },
    {
      name: 'bytes',
      json: JSON.stringify(validDoc()),
      limits: { ...ARCHIVE_LIMITS, maxBytes: 256 },
      refused: tooLarge(/^The archive file is \d+ KB; the limit is 256 bytes/),
    },
    { name: 'truncated', json: JSON.stringify(validDoc()).slice(0, 200), refused: { code: 'PARSE_FAILED', message: /not valid JSON/ } },
    {
      name: 'nested',
      json: edited(
        (d) => ((d.history as unknown[]) = [{ id: 1, claimId: 1, field: 'x', from: 'DEEP', to: null, note: null, actor: 'a', at: 'b' }]),
      ).replace('"DEEP"', `${'['.repeat(50_000)}${']'.repeat(50_000)}`),
      refused: { code: 'INVALID_ARGUMENT', message: /history entry 1, from: nests more than 64 levels deep/ },
    },
  ];
}

/** A valid export with a few characters replaced, dropped or doubled. */
function mutant(rng: Rng, i: number): ArchiveCase {
  const chars = [...JSON.stringify(validDoc())];
  for (let n = 1 + Math.floor(rng() * 4); n > 0; n--) {
    const at = Math.floor(rng() * chars.length);
    const op = Math.floor(rng() * 3);
    if (op === 0) chars[at] = '{}[]",:0-9a\\'.charAt(Math.floor(rng() * 13));
    else if (op === 1) chars.splice(at, 1);
    else chars.splice(at, 0, chars[at]);
  }
  return { name: `mutant-${i}`, json: chars.join('') };
}

export interface ArchiveFuzzReport {
  files: number;
  parsed: number;
  refused: Record<string, number>;
  problems: string[];
}

function problemOf(c: ArchiveCase, outcome: { ok: true } | { ok: false; error: unknown }): string | null {
  if (outcome.ok) return c.refused ? `${c.name}: parsed, expected ${c.refused.code}` : null;
  const e = outcome.error;
  if (!(e instanceof AppError)) return `${c.name}: not an AppError: ${String(e).slice(0, 200)}`;
  if (c.refused && (e.code !== c.refused.code || !c.refused.message.test(e.message)))
    return `${c.name}: ${e.code} ${e.message.slice(0, 200)}`;
  if (!KNOWN_CODES.has(e.code) || e.message.trim().length < 8) return `${c.name}: unclear ${e.code} ${e.message.slice(0, 200)}`;
  return null;
}

/** Every fixed case, then `mutants` mutations of a valid export, through the pool's archive task. */
export async function runArchiveFuzz(opts: { seed: number; mutants: number }): Promise<ArchiveFuzzReport> {
  const rng = createRng(opts.seed);
  const cases = [...fixedCases(), ...Array.from({ length: opts.mutants }, (_, i) => mutant(rng, i))];
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-archive-fuzz-'));
  const pool = createImportPool({ concurrency: 1 });
  const report: ArchiveFuzzReport = { files: cases.length, parsed: 0, refused: {}, problems: [] };
  try {
    for (const c of cases) {
      const path = join(dir, `${c.name}.claimdesk`);
      await writeFile(path, c.json);
      const outcome = await pool.parseArchive(path, { limits: c.limits }).then(
        () => ({ ok: true as const }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      if (outcome.ok) report.parsed++;
      else report.refused[(outcome.error as AppError).code] = (report.refused[(outcome.error as AppError).code] ?? 0) + 1;
      const problem = problemOf(c, outcome);
      if (problem) report.problems.push(problem);
    }
  } finally {
    await pool.close();
    await rm(dir, { recursive: true, force: true });
  }
  return report;
}
