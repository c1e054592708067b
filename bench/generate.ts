// Generates a realistic archive through the public API (so FTS, history and entities are real).
// Reused by the archive benchmark and the UI benchmark:
//   await generateArchive('/tmp/bench-100k', { articles: 10_000, claims: 100_000 });
import { openArchive } from '../main/archive';
import type { NewClaim } from '../shared/domain';
import { VERDICT_SCALES, WORKFLOW_STATUSES } from '../shared/verdicts';
import { seededRandom } from '../main/util/random';

export interface GenerateOptions {
  articles: number;
  claims: number;
  /** Deterministic data for a given seed. */
  seed?: number;
  log?: (msg: string) => void;
}

const TOPIC_WORDS = [
  'troops',
  'border',
  'missile',
  'ceasefire',
  'election',
  'inflation',
  'vaccine',
  'drone',
  'sanctions',
  'refugees',
  'pipeline',
  'grain',
  'nuclear',
  'protest',
  'budget',
  'court',
  'minister',
  'embassy',
  'satellite',
  'casualties',
];
const OUTLETS = [
  'Reuters',
  'AP',
  'AFP',
  'BBC',
  'Kyiv Independent',
  'Yonhap',
  'TASS',
  'Al Jazeera',
  'The Guardian',
  'Le Monde',
  'NHK',
  'DW',
];
const CLAIMANTS = [
  'Pentagon',
  'Kremlin spokesman',
  'Ukrainian military',
  'South Korean intelligence',
  'NATO chief',
  'White House',
  'UN agency',
  'Health ministry',
  'Opposition leader',
  'Central bank',
];
const PLACES = ['Kursk', 'Kharkiv', 'Pyongyang', 'Seoul', 'Moscow', 'Kyiv', 'Brussels', 'Geneva', 'Gaza', 'Taipei'];

/** A vocabulary with a Zipf-like frequency, so searches hit realistic numbers of documents. */
function makeWords(random: () => number) {
  const syllables = ['ka', 'ro', 'mi', 'tes', 'lan', 'vor', 'en', 'du', 'pel', 'shi', 'gra', 'no', 'at', 'bre', 'sul', 'ik'];
  const vocab = Array.from({ length: 6000 }, () =>
    Array.from({ length: 2 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * syllables.length)]).join(''),
  );
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const word = () => (random() < 0.06 ? pick(TOPIC_WORDS) : vocab[Math.floor(vocab.length * random() ** 3)]);
  const sentence = (n: number) => {
    const words = Array.from({ length: n }, word);
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };
  return { pick, sentence };
}

export async function generateArchive(dir: string, opts: GenerateOptions): Promise<void> {
  const random = seededRandom(opts.seed ?? 42);
  const { pick, sentence } = makeWords(random);
  const log = opts.log ?? (() => {});
  const archive = await openArchive({ dir, actor: 'generator', snapshotEvery: 100_000, idleSnapshotMs: 3_600_000 });
  const texts: string[] = [];
  const articleIds: number[] = [];
  const day = (offset: number) => new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

  for (let done = 0; done < opts.articles;) {
    const batch = Math.min(500, opts.articles - done);
    const created = await archive.transaction(() => {
      const ids: number[] = [];
      for (let i = 0; i < batch; i++) {
        const text = Array.from({ length: 20 + Math.floor(random() * 25) }, () => sentence(8 + Math.floor(random() * 14))).join(' ');
        void archive.articles.insert({
          title: sentence(6 + Math.floor(random() * 6)),
          outlet: pick(OUTLETS),
          published: day(Math.floor(random() * 365)),
          language: 'en',
          text,
        });
        texts.push(text);
        ids.push(texts.length);
      }
      return ids;
    });
    articleIds.push(...created);
    done += batch;
    log(`articles ${done}/${opts.articles}`);
  }

  for (let done = 0; done < opts.claims;) {
    const batch = Math.min(1000, opts.claims - done);
    const claims: NewClaim[] = Array.from({ length: batch }, () => makeClaim(random, pick, sentence, articleIds, texts, day));
    await archive.claims.insertMany(claims);
    done += batch;
    if (done % 10_000 === 0 || done === opts.claims) log(`claims ${done}/${opts.claims}`);
  }
  await archive.close();
}

function makeClaim(
  random: () => number,
  pick: <T>(list: readonly T[]) => T,
  sentence: (n: number) => string,
  articleIds: number[],
  texts: string[],
  day: (offset: number) => string,
): NewClaim {
  const articleIndex = Math.floor(random() * articleIds.length);
  const text = texts[articleIndex];
  const start = Math.floor(random() * Math.max(1, text.length - 200));
  const end = Math.min(text.length, start + 60 + Math.floor(random() * 120));
  const scale = VERDICT_SCALES[0];
  const rated = random() < 0.4;
  const claimant = pick(CLAIMANTS);
  return {
    articleId: articleIds[articleIndex],
    start,
    end,
    statement: sentence(10 + Math.floor(random() * 15)),
    claimant,
    kind: pick(['direct', 'indirect', 'reported'] as const),
    claimDate: day(Math.floor(random() * 365)),
    status: pick(WORKFLOW_STATUSES),
    verdictScale: scale.key,
    verdict: rated ? pick(scale.verdicts).key : null,
    verdictNote: rated ? sentence(8) : null,
    score: Math.round(random() * 100) / 100,
    tags: random() < 0.5 ? [pick(['ukraine war', 'korea', 'economy', 'health', 'elections', 'energy'])] : [],
    entities: [
      { name: claimant, type: 'organisation', role: 'claimant' },
      { name: pick(PLACES), type: 'place', role: 'subject' },
    ],
  };
}
