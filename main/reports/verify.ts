// `claimdesk verify REPORT.pdf [--archive DIR]`: reads a verifiable report's attached bundle
// (bundle.ts) back out of the PDF, checks every attachment against the manifest's SHA-256 and, given
// the archive, each source's stored original and text and each claim's verdict and history against
// what the archive holds now. Reports every check as match / differs / missing; never throws on a
// damaged bundle (that is a finding), only on a file that is no PDF or carries no bundle at all.
import { readFileSync } from 'node:fs';
import type { Archive } from '../archive';
import type { Article, Claim } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { findVerdict } from '../../shared/verdicts';
import { verdictChanges } from './build-model';
import { BUNDLE_FILES, BUNDLE_FORMAT, sha256Hex, type BundleClaim, type BundleManifest, type BundleSource } from './bundle';
import type { ReportVerdictChange } from './model';

export type CheckStatus = 'match' | 'differs' | 'missing';

export interface VerifyCheck {
  /** What was compared: an attachment, a source's original file or text, a claim's verdict. */
  kind: 'attachment' | 'claimreview' | 'source-original' | 'source-text' | 'claim-statement' | 'claim-verdict' | 'claim-history';
  /** Which one: the attachment's name, "article 3", "claim 12". */
  subject: string;
  status: CheckStatus;
  detail: string;
}

export interface EmbeddedFile {
  name: string;
  description: string | null;
  bytes: number;
  sha256: string;
}

export interface VerifyResult {
  ok: boolean;
  report: Pick<BundleManifest, 'reportId' | 'title' | 'created' | 'generator' | 'claims' | 'sources'>;
  /** The PDF's Info dictionary. */
  info: { title: string | null; author: string | null; subject: string | null; keywords: string | null };
  attachments: EmbeddedFile[];
  /** The archive folder compared against, or null when only the bundle itself was checked. */
  archive: string | null;
  checks: VerifyCheck[];
  counts: Record<CheckStatus, number>;
}

/** A PDF larger than this is refused before it is parsed. */
export const MAX_VERIFY_BYTES = 512 * 1024 * 1024;

/** Reads the PDF at `file`, with a clear error for a missing, unreadable or oversized file. */
export function readPdfFile(file: string): Uint8Array {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('NOT_FOUND', `${file} does not exist.`);
    if (code === 'EISDIR') throw new AppError('INVALID_ARGUMENT', `${file} is a folder, not a PDF file.`);
    throw new AppError('IO', `Cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (bytes.length > MAX_VERIFY_BYTES)
    throw new AppError(
      'TOO_LARGE',
      `${file} is ${bytes.length.toLocaleString()} bytes; verify reads PDFs up to ${MAX_VERIFY_BYTES / 1024 / 1024} MB.`,
    );
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

export interface PdfAttachments {
  files: { name: string; description: string | null; bytes: Uint8Array }[];
  info: VerifyResult['info'];
}

/** The files attached to a PDF (its EmbeddedFiles name tree) and its Info metadata. */
export async function readPdfAttachments(pdf: Uint8Array, label = 'The file'): Promise<PdfAttachments> {
  const head = new TextDecoder('latin1').decode(pdf.subarray(0, 1024));
  if (!head.includes('%PDF-')) throw new AppError('UNSUPPORTED_FORMAT', `${label} is not a PDF (it does not start with %PDF-).`);
  const lib = await import('pdf-lib');
  const { PDFDocument, ParseSpeeds, PDFName, PDFDict, PDFArray, PDFString, PDFHexString, PDFRawStream, decodePDFRawStream } = lib;
  let doc: Awaited<ReturnType<typeof PDFDocument.load>>;
  // pdf-lib reports each damaged object with console.warn; the error below says it once. Parsed in
  // one go (no ticks), so no other code's warnings fall in the window.
  const warn = console.warn;
  console.warn = () => {};
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, throwOnInvalidObject: false, parseSpeed: ParseSpeeds.Fastest });
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    if (/encrypt/i.test(why))
      throw new AppError('UNSUPPORTED_FORMAT', `${label} is an encrypted PDF; a Claimdesk report is never encrypted.`);
    throw new AppError('PARSE_FAILED', `${label} is a damaged PDF that cannot be read: ${why}`);
  } finally {
    console.warn = warn;
  }
  const text = (v: unknown): string | null => (v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : null);
  const files: PdfAttachments['files'] = [];
  const walk = (node: import('pdf-lib').PDFDict, depth: number) => {
    if (depth > 32) return; // a name tree is shallow; a loop in a damaged one ends here
    const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; names && i + 1 < names.size(); i += 2) {
      const spec = names.lookup(i + 1);
      if (!(spec instanceof PDFDict)) continue;
      const ef = spec.lookupMaybe(PDFName.of('EF'), PDFDict);
      const stream = ef?.lookup(PDFName.of('UF')) ?? ef?.lookup(PDFName.of('F'));
      if (!(stream instanceof PDFRawStream)) continue;
      let bytes: Uint8Array;
      try {
        bytes = decodePDFRawStream(stream).decode();
      } catch {
        bytes = new Uint8Array(0); // an undecodable stream: its hash will not match
      }
      const name =
        text(spec.lookup(PDFName.of('UF'))) ?? text(spec.lookup(PDFName.of('F'))) ?? text(names.lookup(i)) ?? `attachment ${i / 2 + 1}`;
      files.push({ name, description: text(spec.lookup(PDFName.of('Desc'))), bytes });
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) {
      const kid = kids.lookup(i);
      if (kid instanceof PDFDict) walk(kid, depth + 1);
    }
  };
  try {
    const tree = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
    if (tree) walk(tree, 0);
  } catch (err) {
    throw new AppError(
      'PARSE_FAILED',
      `${label} has a damaged attachment list: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
    );
  }
  const safe = (get: () => string | undefined) => {
    try {
      return get() ?? null;
    } catch {
      return null;
    }
  };
  return {
    files,
    info: {
      title: safe(() => doc.getTitle()),
      author: safe(() => doc.getAuthor()),
      subject: safe(() => doc.getSubject()),
      keywords: safe(() => doc.getKeywords()),
    },
  };
}

function parseJson<T>(bytes: Uint8Array | undefined): T | null {
  if (!bytes) return null;
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as T;
  } catch {
    return null;
  }
}

const short = (sha: string | null | undefined) => (sha ? `${sha.slice(0, 12)}…` : '—');
const quoteTitle = (s: BundleSource) => (s.title ? ` “${s.title.length > 60 ? `${s.title.slice(0, 59)}…` : s.title}”` : '');

/** Checks a report PDF's bundle, and against `archive` when given. */
export async function verifyReportPdf(pdf: Uint8Array, opts: { archive?: Archive; label?: string } = {}): Promise<VerifyResult> {
  const label = opts.label ?? 'The file';
  const { files, info } = await readPdfAttachments(pdf, label);
  const byName = new Map(files.map((f) => [f.name, f.bytes]));
  const manifest = parseJson<BundleManifest>(byName.get(BUNDLE_FILES.manifest));
  if (!manifest || manifest.format !== BUNDLE_FORMAT || !Array.isArray(manifest.attachments)) {
    const what =
      files.length === 0
        ? 'has no attached files'
        : `has attachments (${files.map((f) => f.name).join(', ')}) but no Claimdesk ${BUNDLE_FILES.manifest}`;
    throw new AppError(
      'NOT_FOUND',
      `${label} carries no Claimdesk verification bundle: it ${what}. Export the report as PDF with “Verifiable bundle” ticked (claimdesk export --format pdf --verifiable).`,
    );
  }
  const checks: VerifyCheck[] = [];
  const check = (kind: VerifyCheck['kind'], subject: string, status: CheckStatus, detail: string) =>
    checks.push({ kind, subject, status, detail });

  // 1. Each file the manifest lists is attached and unchanged; nothing was attached beside them.
  const listed = new Set<string>([BUNDLE_FILES.manifest]);
  for (const entry of manifest.attachments) {
    listed.add(entry.name);
    const bytes = byName.get(entry.name);
    if (!bytes) check('attachment', entry.name, 'missing', 'listed in the manifest but not attached');
    else if (sha256Hex(bytes) !== entry.sha256)
      check(
        'attachment',
        entry.name,
        'differs',
        `SHA-256 is ${short(sha256Hex(bytes))}, the manifest says ${short(entry.sha256)}: changed after the report was made`,
      );
    else
      check(
        'attachment',
        entry.name,
        'match',
        `SHA-256 ${short(entry.sha256)} as in the manifest (${bytes.length.toLocaleString()} bytes)`,
      );
  }
  for (const f of files)
    if (!listed.has(f.name))
      check('attachment', f.name, 'differs', 'attached but not listed in the manifest: added after the report was made');

  const sources = parseJson<{ sources: BundleSource[] }>(byName.get(BUNDLE_FILES.sources))?.sources ?? [];
  const claims = parseJson<{ claims: BundleClaim[] }>(byName.get(BUNDLE_FILES.history))?.claims ?? [];
  const reviews = parseJson<unknown[]>(byName.get(BUNDLE_FILES.claimreview));

  // 2. The ClaimReview records say what the verdict history says.
  if (Array.isArray(reviews)) {
    const rated = claims.filter((c) => c.verdict);
    const agree = rated.every((c) =>
      reviews.some((r) => {
        const rec = r as { claimReviewed?: string; reviewRating?: { alternateName?: string } };
        return rec.claimReviewed === c.statement && rec.reviewRating?.alternateName === c.verdict?.label;
      }),
    );
    if (agree && reviews.length === rated.length)
      check(
        'claimreview',
        BUNDLE_FILES.claimreview,
        'match',
        `${reviews.length} ClaimReview record${reviews.length === 1 ? '' : 's'}, one per rated claim, same verdicts`,
      );
    else
      check(
        'claimreview',
        BUNDLE_FILES.claimreview,
        'differs',
        `${reviews.length} ClaimReview records do not agree with the ${rated.length} rated claims of ${BUNDLE_FILES.history}`,
      );
  }

  // 3. Against the archive as it is now.
  if (opts.archive) {
    for (const s of sources) checkSource(opts.archive, s, check);
    for (const c of claims) checkClaim(opts.archive, c, check);
  }

  const counts: Record<CheckStatus, number> = { match: 0, differs: 0, missing: 0 };
  for (const c of checks) counts[c.status]++;
  return {
    ok: counts.differs === 0 && counts.missing === 0,
    report: {
      reportId: manifest.reportId,
      title: manifest.title,
      created: manifest.created,
      generator: manifest.generator,
      claims: manifest.claims,
      sources: manifest.sources,
    },
    info,
    attachments: files.map((f) => ({ name: f.name, description: f.description, bytes: f.bytes.length, sha256: sha256Hex(f.bytes) })),
    archive: opts.archive?.dir ?? null,
    checks,
    counts,
  };
}

type Check = (kind: VerifyCheck['kind'], subject: string, status: CheckStatus, detail: string) => void;

function getOrNull<T>(get: () => T): T | null {
  try {
    return get();
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
    throw err;
  }
}

function checkSource(archive: Archive, s: BundleSource, check: Check): void {
  const subject = `article ${s.articleId}`;
  let article: Article | null = getOrNull(() => archive.articles.get(s.articleId));
  let moved = '';
  // Under another id (a merged or restored archive, or another researcher's): the article imported
  // from the same file.
  if (s.original && article?.source?.sha256 !== s.original.sha256) {
    const same = archive.articles.findBySha256(s.original.sha256);
    if (same) {
      article = same;
      if (same.id !== s.articleId) moved = ` (now article ${same.id})`;
    }
  }
  if (!article) {
    check('source-text', subject, 'missing', `${quoteTitle(s).trim() || 'the article'} is not in the archive (deleted?)`);
    return;
  }
  if (s.original) {
    const stored = archive.originals.path(s.original.sha256);
    if (article.source?.sha256 !== s.original.sha256)
      check(
        'source-original',
        subject,
        'differs',
        `the report cites file ${s.original.name} (SHA-256 ${short(s.original.sha256)}); the archive's article${moved} now comes from ${article.source ? `SHA-256 ${short(article.source.sha256)}` : 'no file'}`,
      );
    else if (!stored)
      check(
        'source-original',
        subject,
        'missing',
        `the archive no longer keeps the original file ${s.original.name} (SHA-256 ${short(s.original.sha256)})${moved}`,
      );
    else {
      const actual = sha256Hex(readFileSync(stored));
      if (actual === s.original.sha256)
        check(
          'source-original',
          subject,
          'match',
          `stored original ${s.original.name} re-hashed: SHA-256 ${short(actual)} as in the report${moved}`,
        );
      else
        check(
          'source-original',
          subject,
          'differs',
          `the stored original ${s.original.name} now hashes to ${short(actual)}, not ${short(s.original.sha256)}: the file was changed or damaged`,
        );
    }
  }
  if (s.textSha256 === null) return;
  const text = sha256Hex(article.text);
  if (text === s.textSha256)
    check('source-text', subject, 'match', `article text${quoteTitle(s)}: SHA-256 ${short(text)} as in the report${moved}`);
  else
    check(
      'source-text',
      subject,
      'differs',
      `the article's text${quoteTitle(s)} changed since the report (SHA-256 ${short(text)}, the report has ${short(s.textSha256)})${moved}`,
    );
}

const changeLine = (h: ReportVerdictChange) => `${h.from ?? '—'} → ${h.to ?? '—'} by ${h.actor} at ${h.at.slice(0, 16).replace('T', ' ')}`;

function checkClaim(archive: Archive, c: BundleClaim, check: Check): void {
  const subject = `claim ${c.claimId}`;
  const claim: Claim | null = getOrNull(() => archive.claims.get(c.claimId));
  if (!claim) {
    check('claim-verdict', subject, 'missing', 'the claim is not in the archive (deleted?)');
    return;
  }
  if (claim.statement === c.statement) check('claim-statement', subject, 'match', 'statement as in the report');
  else check('claim-statement', subject, 'differs', `the statement was edited since the report; now: “${claim.statement}”`);
  const now = claim.verdict ? (findVerdict(claim.verdictScale, claim.verdict)?.label ?? claim.verdict) : null;
  const same = (c.verdict?.key ?? null) === (claim.verdict ?? null) && (c.verdict === null || c.verdict.scale === claim.verdictScale);
  if (same) check('claim-verdict', subject, 'match', `verdict ${now ?? 'none'} as in the report`);
  else check('claim-verdict', subject, 'differs', `the verdict is now ${now ?? 'none'}; the report says ${c.verdict?.label ?? 'none'}`);
  const history = verdictChanges(archive.claims.history(claim.id));
  const key = (h: ReportVerdictChange) => JSON.stringify([h.at, h.actor, h.from, h.to, h.note]);
  const reported = new Set(c.history.map(key));
  const later = history.filter((h) => !reported.has(key(h)));
  const present = new Set(history.map(key));
  const gone = c.history.filter((h) => !present.has(key(h)));
  if (later.length === 0 && gone.length === 0)
    check('claim-history', subject, 'match', `${history.length} verdict change${history.length === 1 ? '' : 's'} as in the report`);
  else {
    const parts = [
      later.length ? `${later.length} change${later.length === 1 ? '' : 's'} not in the report (${later.map(changeLine).join('; ')})` : '',
      gone.length
        ? `${gone.length} change${gone.length === 1 ? '' : 's'} in the report no longer in the archive's history (${gone.map(changeLine).join('; ')})`
        : '',
    ].filter(Boolean);
    check('claim-history', subject, 'differs', parts.join('; '));
  }
}
