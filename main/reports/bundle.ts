// The verifiable bundle: what a "verifiable" PDF report carries inside it as PDF file attachments, so
// anyone holding the PDF can re-check it (`claimdesk verify REPORT.pdf [--archive DIR]`, verify.ts):
//   claimreview.jsonld    schema.org ClaimReview for every rated claim (as the claimreview export)
//   sources.json          each cited article: id, title, url…, SHA-256 of the stored original file
//                         and of the text the archive extracted from it
//   verdict-history.json  each claim's statement, current verdict and every verdict change
//   manifest.json         report id, title, when and by which version it was made, SHA-256 of each
//                         of the three files above
// Every PDF report also gets Info metadata (title, author, subject, keywords). Both the app
// (Electron's printToPDF) and the command line (headless Chromium) pass their printed bytes through
// finishReportPdf() here. The manifest is a checksum list, not a signature: it shows that the files
// agree with each other and (with --archive) with the archive, not who made them.
import { createHash } from 'node:crypto';
import type { Archive } from '../archive';
import type { Article } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { APP_NAME, APP_VERSION } from '../version';
import { BUNDLE_FILES, BUNDLE_FORMAT, BUNDLE_VERSION } from './bundle-files';
import { renderClaimReviewJson } from './claimreview';
import type { ReportModel, ReportVerdictChange } from './model';

export { BUNDLE_FILES, BUNDLE_FORMAT, BUNDLE_VERSION };

export interface BundleSource {
  articleId: number;
  title: string;
  outlet: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
  /** When the article was imported into the archive. */
  importedAt: string | null;
  /** The original file as imported (null for an article typed or pasted in). */
  original: { name: string; type: string; size: number; sha256: string } | null;
  /** SHA-256 of the article's text as the archive keeps it (UTF-8); null if it was deleted meanwhile. */
  textSha256: string | null;
}

export interface BundleClaim {
  claimId: number;
  statement: string;
  verdict: { scale: string; key: string; label: string } | null;
  history: ReportVerdictChange[];
}

export interface ManifestEntry {
  name: string;
  mimeType: string;
  bytes: number;
  sha256: string;
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  version: number;
  /** "report-" + the first 16 hex digits of the SHA-256 over the attachments' hashes. */
  reportId: string;
  title: string;
  author: string;
  organisation: string | null;
  /** The report's own date (its cover) and the moment the PDF was made (UTC). */
  reportDate: string;
  created: string;
  generator: string;
  appVersion: string;
  claims: number;
  sources: number;
  attachments: ManifestEntry[];
}

export interface BundleAttachment {
  name: string;
  mimeType: string;
  description: string;
  bytes: Uint8Array;
}

export const sha256Hex = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

const json = (value: unknown): Uint8Array => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);

/** The cited articles as the archive holds them now, with the hashes a verifier re-computes. */
export function bundleSources(archive: Pick<Archive, 'articles'>, model: ReportModel): BundleSource[] {
  return model.sources.map((s) => {
    const a = liveArticle(archive, s.articleId);
    const file = a?.source ?? null;
    return {
      articleId: s.articleId,
      title: s.title,
      outlet: s.outlet,
      author: s.author,
      published: s.published,
      url: s.url,
      importedAt: a?.importedAt ?? null,
      original: file ? { name: file.name, type: file.type, size: file.size, sha256: file.sha256 } : null,
      textSha256: a ? sha256Hex(a.text) : null,
    };
  });
}

function liveArticle(archive: Pick<Archive, 'articles'>, id: number): Article | null {
  try {
    return archive.articles.get(id);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return null; // deleted while the report printed
    throw err;
  }
}

export function bundleClaims(model: ReportModel): BundleClaim[] {
  return model.claims.map((c) => ({
    claimId: c.id,
    statement: c.statement,
    verdict: c.verdict ? { scale: c.verdict.scale, key: c.verdict.key, label: c.verdict.label } : null,
    history: c.verdictHistory,
  }));
}

/** The four attachments of a verifiable report (the manifest last, hashing the other three). */
export function buildBundle(
  model: ReportModel,
  sources: BundleSource[],
  created = new Date(),
): { attachments: BundleAttachment[]; manifest: BundleManifest } {
  const files: BundleAttachment[] = [
    {
      name: BUNDLE_FILES.claimreview,
      mimeType: 'application/ld+json',
      description: 'schema.org ClaimReview records (JSON-LD) for the rated claims',
      bytes: new TextEncoder().encode(renderClaimReviewJson(model)),
    },
    {
      name: BUNDLE_FILES.sources,
      mimeType: 'application/json',
      description: 'Cited articles with the SHA-256 of each stored original and of its extracted text',
      bytes: json({ sources }),
    },
    {
      name: BUNDLE_FILES.history,
      mimeType: 'application/json',
      description: 'Each claim with its verdict and every verdict change (who, when, why)',
      bytes: json({ claims: bundleClaims(model) }),
    },
  ];
  const entries: ManifestEntry[] = files.map((f) => ({
    name: f.name,
    mimeType: f.mimeType,
    bytes: f.bytes.length,
    sha256: sha256Hex(f.bytes),
  }));
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    reportId: `report-${sha256Hex(entries.map((e) => `${e.name}:${e.sha256}`).join('\n')).slice(0, 16)}`,
    title: model.title,
    author: model.author,
    organisation: model.organisation,
    reportDate: model.date,
    created: created.toISOString(),
    generator: model.generator,
    appVersion: APP_VERSION,
    claims: model.claims.length,
    sources: sources.length,
    attachments: entries,
  };
  files.push({
    name: BUNDLE_FILES.manifest,
    mimeType: 'application/json',
    description: `What this report embeds and the SHA-256 of each file (check with: claimdesk verify)`,
    bytes: json(manifest),
  });
  return { attachments: files, manifest };
}

/** The PDF's Info dictionary: what a PDF reader's "Document properties" shows. */
export function reportPdfInfo(model: ReportModel): { title: string; author: string; subject: string; keywords: string[] } {
  const rated = model.claims.filter((c) => c.verdict).length;
  const n = model.claims.length;
  const subject = `Claim review report: ${n} claim${n === 1 ? '' : 's'}, ${rated} with a verdict, ${model.sources.length} source${model.sources.length === 1 ? '' : 's'}`;
  const tags = [...new Set(model.claims.flatMap((c) => c.tags))].sort();
  const keywords = ['claim review', 'fact-check', ...(model.verifiable ? ['ClaimReview', 'verifiable bundle'] : []), ...tags];
  return { title: model.title, author: [model.author, model.organisation].filter(Boolean).join(', '), subject, keywords };
}

/**
 * The printed report's bytes with Info metadata set and, for a verifiable report, the bundle attached.
 * `sources` is needed only when the report is verifiable.
 */
export async function finishReportPdf(
  pdf: Uint8Array,
  model: ReportModel,
  sources: BundleSource[] | null,
  created = new Date(),
): Promise<Uint8Array> {
  // Loaded on demand: only PDF export and verify need it.
  const { PDFDocument } = await import('pdf-lib');
  let doc: Awaited<ReturnType<typeof PDFDocument.load>>;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (err) {
    throw new AppError(
      'INTERNAL',
      `The printed report could not be read back to add its metadata: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const info = reportPdfInfo(model);
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  if (info.author) doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  doc.setKeywords([info.keywords.join('; ')]); // one string: pdf-lib would join them with spaces
  doc.setCreator(`${APP_NAME} ${APP_VERSION}`);
  doc.setModificationDate(created);
  if (model.verifiable) {
    if (!sources) throw new AppError('INTERNAL', 'A verifiable report needs its sources read from the archive.');
    for (const a of buildBundle(model, sources, created).attachments)
      await doc.attach(a.bytes, a.name, {
        mimeType: a.mimeType,
        description: a.description,
        creationDate: created,
        modificationDate: created,
      });
  }
  return await doc.save({ useObjectStreams: false });
}
