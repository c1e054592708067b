// Hand-made report models: real-looking claims (from the sample article's story), hostile text,
// Korean and Cyrillic names, every verdict tone.
import { findScale, findVerdict } from '../../../shared/verdicts';
import type { ReportClaim, ReportModel, ReportArticle, ReportVerdict } from '../../../main/reports/model';
import { DEFAULT_REPORT_FIELDS } from '../../../shared/domain';

export const XSS_SCRIPT = '<script>alert(1)</script>';
export const XSS_IMG = '"><img src=x onerror=alert(2)>';
export const KOREAN = '김정규';
export const CYRILLIC = 'Мария Захарова';

export function verdict(key: string, scale = 'claimdesk'): ReportVerdict {
  const def = findVerdict(scale, key);
  if (!def) throw new Error(`no verdict ${key} on ${scale}`);
  return { scale, scaleLabel: findScale(scale)!.label, key, label: def.label, tone: def.tone, rating: def.rating };
}

export function source(articleId: number, extra: Partial<ReportArticle> = {}): ReportArticle {
  return {
    articleId,
    title: `North Korea says troop deployment would be legal (${articleId})`,
    outlet: 'AFP',
    author: 'Jo Doe',
    published: '2024-10-25',
    url: `https://example.org/news/${articleId}`,
    wireAgency: 'AFP',
    file: { name: `article-${articleId}.html`, sha256: String(articleId).padStart(2, '0').repeat(32) },
    ...extra,
  };
}

export function claim(id: number, extra: Partial<ReportClaim> = {}): ReportClaim {
  return {
    id,
    statement: `Claim statement number ${id}`,
    quote: `Quoted words of claim ${id}`,
    claimant: 'Kim Jong Gyu',
    claimantType: 'person',
    attribution: [
      { name: 'Kim Jong Gyu', role: 'speaker' },
      { name: 'KCNA', role: 'agency' },
    ],
    kind: 'direct',
    claimDate: '2024-10-25',
    status: 'done',
    verdict: verdict('false'),
    verdictNote: `Satellite imagery and South Korean intelligence contradict claim ${id}.`,
    tags: ['troops'],
    notes: '',
    entities: [{ name: 'Kim Jong Gyu', type: 'person', role: 'claimant' }],
    articleId: 1,
    appearances: [1],
    evidence: [],
    verdictHistory: [],
    ...extra,
  };
}

export function sampleModel(extra: Partial<ReportModel> = {}): ReportModel {
  const claims: ReportClaim[] = [
    claim(1, {
      statement: 'North Korea has sent about 10,000 troops to Russia.',
      quote: 'about 10,000 North Korean troops are now in Russia',
      claimant: 'Pentagon',
      claimantType: 'organisation',
      attribution: [
        { name: 'Pentagon', role: 'speaker' },
        { name: 'AFP', role: 'agency' },
      ],
      verdict: verdict('true'),
      verdictNote: 'Confirmed by NATO and South Korean intelligence on 28 October.',
      entities: [
        { name: 'Pentagon', type: 'organisation', role: 'claimant' },
        { name: 'North Korea', type: 'place', role: 'subject' },
      ],
      evidence: [{ stance: 'supports', quote: 'NATO confirmed troops were deployed to Kursk', note: 'NATO briefing', articleId: 2 }],
      appearances: [1, 2],
      verdictHistory: [
        { at: '2024-10-26T09:12:00.000Z', actor: 'alice', from: null, to: 'Mostly true', note: 'Pentagon figure, not yet confirmed.' },
        { at: '2024-10-28T15:40:00.000Z', actor: 'bob', from: 'Mostly true', to: 'True', note: 'Confirmed by NATO.' },
      ],
    }),
    claim(2, {
      statement: `Any troop deployment would conform with international law, said ${KOREAN}.`,
      quote: 'it will be an act conforming with the regulations of international law',
      claimant: `Kim Jong Gyu (${KOREAN})`,
      verdict: verdict('misleading'),
      entities: [{ name: `Kim Jong Gyu (${KOREAN})`, type: 'person', role: 'claimant' }],
    }),
    claim(3, {
      statement: `Reports of North Korean soldiers are "fake news", said ${CYRILLIC}.`,
      quote: 'Это очередной фейк',
      claimant: CYRILLIC,
      attribution: [
        { name: CYRILLIC, role: 'speaker' },
        { name: 'TASS', role: 'agency' },
      ],
      verdict: verdict('false'),
      entities: [{ name: CYRILLIC, type: 'person', role: 'claimant' }],
      articleId: 2,
      appearances: [2],
    }),
    claim(4, {
      statement: `A hostile claim ${XSS_SCRIPT} with ${XSS_IMG} in it`,
      quote: `${XSS_SCRIPT} & more`,
      claimant: `Mallory ${XSS_IMG}`,
      verdict: null,
      verdictNote: null,
      tags: [XSS_SCRIPT],
      evidence: [{ stance: 'contradicts', quote: XSS_IMG, note: '=HYPERLINK("http://evil")', articleId: 3 }],
      articleId: 3,
      appearances: [3],
    }),
    claim(5, {
      statement: 'Troops could be sent into battle as early as Sunday.',
      claimant: 'Volodymyr Zelensky',
      verdict: verdict('unprovable'),
      status: 'in_progress',
    }),
    claim(6, {
      statement: 'Seoul says North Korea shipped vast amounts of weapons to Russia.',
      claimant: 'Seoul',
      verdict: verdict('mostly-true'),
    }),
    claim(7, {
      statement: 'Videos show North Korean soldiers in Russian uniforms.',
      claimant: null,
      attribution: [],
      verdict: verdict('mixed'),
    }),
  ];
  return {
    title: 'North Korean troops in Russia: what was claimed, October 2024',
    author: 'Alice Researcher',
    organisation: 'Claimdesk Fact Lab',
    date: '2024-11-02',
    intro:
      'This report reviews the claims made in the week after reports that North Korea had sent troops to Russia.\n\nEach claim is quoted as published, with its verdict and the evidence behind it.',
    fields: [...DEFAULT_REPORT_FIELDS, 'tags', 'entities'],
    groupBy: 'verdict',
    sort: 'date',
    verifiable: true,
    claims,
    sources: [
      source(1),
      source(2, {
        outlet: 'Yonhap',
        title: 'NATO confirms North Korean troops in Kursk',
        published: '2024-10-28',
        author: '이민지',
        file: null,
      }),
      source(3, { outlet: `Evil ${XSS_SCRIPT}`, title: XSS_IMG, url: 'javascript:alert(3)', author: null }),
    ],
    generator: 'Claimdesk test',
    ...extra,
  };
}

/** A long report: n claims over a handful of sources, every verdict used. */
export function bigModel(n: number): ReportModel {
  const keys = ['true', 'mostly-true', 'mixed', 'misleading', 'mostly-false', 'false', 'unprovable'];
  const claims = Array.from({ length: n }, (_, i) =>
    claim(i + 1, {
      statement: `Claim ${i + 1}: officials said ${i * 37} soldiers crossed the border near sector ${i % 17}.`,
      verdict: i % 9 === 8 ? null : verdict(keys[i % keys.length]),
      articleId: (i % 20) + 1,
      appearances: [(i % 20) + 1],
      evidence:
        i % 3 === 0
          ? [{ stance: 'supports', quote: `Evidence passage for claim ${i + 1}`, note: 'Cross-checked.', articleId: ((i + 5) % 20) + 1 }]
          : [],
      claimDate: `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    }),
  );
  return sampleModel({ claims, sources: Array.from({ length: 20 }, (_, i) => source(i + 1)), title: `${n}-claim report` });
}
