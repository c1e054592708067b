// A small but complete archive for report and exchange tests: articles (one a wire copy of
// another, one from a file), claims with entities and aliases, verdict changes, links, evidence,
// a collection and a saved search.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openArchive, type Archive } from '../../../main/archive';
import { exportArchiveJson } from '../../../main/archive/exchange/export';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

export function tempDir(prefix = 'claimdesk-reports-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export async function freshArchive(actor = 'alice'): Promise<Archive> {
  const archive = await openArchive({ dir: tempDir(), actor, backupIntervalMs: 3_600_000 });
  let closed = false;
  const close = archive.close;
  archive.close = async () => {
    closed = true;
    await close();
  };
  cleanups.push(async () => {
    if (!closed) await close();
  });
  return archive;
}

export const AFP_TEXT =
  'North Korea said Friday that any troop deployment to Russia would be in line with international law. ' +
  '"It will be an act conforming with the regulations of international law," said Kim Jong Gyu (김정규). ' +
  'Мария Захарова called the reports fake.';

export async function seedArchive(archive: Archive) {
  const afp = await archive.articles.insert({
    title: 'North Korea says troop deployment would be legal',
    outlet: 'AFP',
    author: 'Jo Doe',
    published: '2024-10-25',
    url: 'https://example.org/afp/1',
    language: 'en',
    wireAgency: 'AFP',
    text: AFP_TEXT,
    source: { sha256: 'ab'.repeat(32), name: 'afp.html', type: 'text/html', size: 1234 },
  });
  const copy = await archive.articles.insert({
    title: 'NK: deployment legal',
    outlet: 'Daily Copy',
    published: '2024-10-26',
    text: AFP_TEXT,
    duplicateOf: afp.id,
  });
  const nato = await archive.articles.insert({
    title: 'NATO confirms troops in Kursk',
    outlet: 'Yonhap',
    published: '2024-10-28',
    text: 'NATO confirmed North Korean troops were deployed to Kursk.',
  });
  const quoteStart = AFP_TEXT.indexOf('It will be');
  const quoteEnd = AFP_TEXT.indexOf('," said');
  const [legal, fake, troops] = await archive.claims.insertMany([
    {
      articleId: afp.id,
      start: quoteStart,
      end: quoteEnd,
      statement: 'A troop deployment to Russia would conform with international law.',
      claimant: 'Kim Jong Gyu',
      attribution: [
        { name: 'Kim Jong Gyu', role: 'speaker' },
        { name: 'KCNA', role: 'agency' },
      ],
      kind: 'direct',
      claimDate: '2024-10-25',
      tags: ['legal', 'law'],
      entities: [
        { name: 'Kim Jong Gyu', type: 'person', role: 'claimant' },
        { name: 'Russia', type: 'place', role: 'subject' },
      ],
    },
    {
      articleId: afp.id,
      statement: 'Reports of North Korean troops in Russia are fake.',
      quote: '',
      claimant: 'Мария Захарова',
      attribution: [{ name: 'Мария Захарова', role: 'speaker' }],
      entities: [{ name: 'Мария Захарова', type: 'person', role: 'claimant' }],
      verdict: 'false',
      verdictNote: 'NATO confirmed the deployment.',
      status: 'done',
    },
    {
      articleId: copy.id,
      statement: 'North Korean troops are in Russia.',
      claimant: 'NATO',
      score: 0.8,
      notes: '=cmd|evil',
      entities: [{ name: 'NATO', type: 'organisation', role: 'claimant' }],
    },
  ]);
  await archive.claims.setVerdict(legal.id, 'claimdesk', 'mostly-false', 'Law of armed conflict says otherwise.');
  await archive.claims.setVerdict(legal.id, 'claimdesk', 'misleading', 'Legal framing hides the deployment.');
  await archive.claims.setStatus(legal.id, 'needs_review', 'second reader');
  await archive.claims.setVerdict(troops.id, 'claimdesk', 'true', 'NATO confirmed it.');
  const kim = archive.claims.entities(legal.id).find((e) => e.name === 'Kim Jong Gyu')!;
  await archive.entities.addAlias(kim.id, '김정규');
  await archive.links.add(troops.id, fake.id, 'contradicts', 'direct contradiction');
  await archive.evidence.add({
    claimId: troops.id,
    articleId: nato.id,
    quote: 'NATO confirmed North Korean troops were deployed to Kursk.',
    start: 0,
    end: 58,
    stance: 'supports',
    note: 'NATO briefing',
  });
  const collection = await archive.collections.create('Deployment week');
  await archive.collections.add(collection.id, [legal.id, troops.id]);
  await archive.savedSearches.save('Troops', { search: 'troops', sort: 'relevance' });
  return { afp, copy, nato, legal, fake, troops, kim, collection };
}

/**
 * Bob's own work, to merge Alice's (seedArchive) into: the same AFP file as Alice's (same SHA-256),
 * Kim Jong Gyu spelled his way, his own article.
 */
export async function bobsArchive(afpText = AFP_TEXT): Promise<Archive> {
  const bob = await freshArchive('bob');
  const afp = await bob.articles.insert({
    title: 'NK deployment legal, says Pyongyang',
    outlet: 'AFP',
    text: afpText,
    source: { sha256: 'ab'.repeat(32), name: 'afp-copy.html', type: 'text/html', size: 1234 },
  });
  const own = await bob.articles.insert({
    title: 'Seoul briefing',
    outlet: 'Yonhap',
    text: 'Seoul said 1,500 soldiers arrived in Vladivostok.',
  });
  const [onAfp] = await bob.claims.insertMany([
    {
      articleId: afp.id,
      statement: 'North Korea says a deployment would be legal.',
      claimant: 'KCNA',
      entities: [{ name: 'kim  jong gyu', type: 'person', role: 'subject' }],
    },
    { articleId: own.id, statement: '1,500 soldiers arrived in Vladivostok.', claimant: 'Seoul' },
  ]);
  const collection = await bob.collections.create('deployment WEEK');
  await bob.collections.add(collection.id, [onAfp.id]);
  await bob.savedSearches.save('Troops', { search: 'soldiers' });
  return bob;
}

/** The whole archive as its JSON export, without the export's own time: equal means same records. */
export const snapshotOf = (archive: Archive) => ({ ...exportArchiveJson(archive), exportedAt: null });
