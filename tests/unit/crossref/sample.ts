// The sample article's claims, entered by hand as a researcher would: who said what, with
// quotes located in the article text, plus the links a researcher confirms.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Archive } from '../../../main/archive';
import type { NewClaim } from '../../../shared/domain';

export const SAMPLE_TEXT = readFileSync(path.resolve(__dirname, '../../../resources/samples/nk-troops-russia-2024-10-25.txt'), 'utf8');

type Entities = NewClaim['entities'];

export async function seedSample(archive: Archive) {
  const afp = await archive.articles.insert({
    title: 'North Korea says troop deployment to Russia would be lawful',
    outlet: 'France 24',
    wireAgency: 'AFP',
    published: '2024-10-25',
    text: SAMPLE_TEXT,
  });
  const quoted = (quote: string) => {
    const start = SAMPLE_TEXT.indexOf(quote);
    if (start < 0) throw new Error(`quote not in sample: ${quote}`);
    return { articleId: afp.id, quote, start, end: start + quote.length };
  };
  const add = (c: NewClaim) => archive.claims.insert(c);
  const accused = 'Seoul and Washington have accused the nuclear-armed North of sending thousands of troops to Russia';
  const troops: Entities = [
    { name: 'North Korea', type: 'place', role: 'subject' },
    { name: 'Russia', type: 'place', role: 'mentioned' },
  ];

  const seoul = await add({
    ...quoted(accused),
    statement: 'North Korea has sent thousands of troops to Russia',
    claimant: 'Seoul',
    entities: [{ name: 'Seoul', type: 'place', role: 'claimant' }, ...troops],
  });
  const washington = await add({
    ...quoted(accused),
    statement: 'North Korea has sent thousands of troops to Russia',
    claimant: 'Washington',
    entities: [{ name: 'Washington', type: 'place', role: 'claimant' }, ...troops],
  });
  const unMission = await add({
    ...quoted("North Korea's representatives at the United Nations have dismissed the claims."),
    statement: "North Korea's representatives at the United Nations dismissed claims that it sent troops to Russia",
    claimant: "North Korea's UN mission",
  });
  const viceMinister = await add({
    ...quoted('does not feel the need to confirm it separately'),
    statement: "North Korea's Foreign Ministry does not feel the need to confirm the troop dispatch separately",
    claimant: 'Kim Jong Gyu',
    kind: 'direct',
    entities: [{ name: 'Kim Jong Gyu', type: 'person', role: 'claimant' }, ...troops],
  });
  const lawful = await add({
    ...quoted('it will be an act conforming with the regulations of international law'),
    statement: 'Any troop deployment to Russia would be in line with international law',
    claimant: 'Kim Jong Gyu',
    kind: 'direct',
    entities: [
      { name: 'Kim Jong Gyu', type: 'person', role: 'claimant' },
      { name: 'Russia', type: 'place', role: 'subject' },
    ],
  });
  const zelensky = await add({
    ...quoted('they could be sent into battle as early as Sunday'),
    statement: 'North Korean troops could be sent into battle as early as Sunday',
    claimant: 'Volodymyr Zelensky',
    resolveBy: '2024-10-27',
    entities: [{ name: 'Volodymyr Zelensky', type: 'person', role: 'claimant' }],
  });

  await archive.links.add(washington.id, seoul.id, 'same');
  await archive.links.add(unMission.id, seoul.id, 'contradicts');
  await archive.links.add(viceMinister.id, seoul.id, 'related');
  await archive.links.add(zelensky.id, seoul.id, 'supports');
  return { afp, seoul, washington, unMission, viceMinister, lawful, zelensky };
}
