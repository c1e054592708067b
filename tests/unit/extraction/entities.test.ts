// Entities a researcher sees in the entity list: one entry per real-world entity, typed right, with
// no titles or fragments of names as entities. Made-up sentences about well-known names.
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../../main/extraction/entities';
import { segment } from '../../../main/extraction/segment';

function entitiesOf(text: string) {
  return findEntities(text, segment(text));
}
const names = (text: string) => entitiesOf(text).entities.map((e) => `${e.name}/${e.type}`);

describe('entities', () => {
  it('resolves U.S. / US / United States to one place', () => {
    const { entities } = entitiesOf(
      'The U.S. said on Monday that talks would go on. Officials in the United States were less sure. US diplomats flew home on Friday.',
    );
    const us = entities.filter((e) => e.name === 'United States');
    expect(us).toHaveLength(1);
    expect(us[0].type).toBe('place');
    expect(us[0].aliases).toEqual(expect.arrayContaining(['U.S', 'US']));
    expect(entities.map((e) => e.name)).not.toContain('U.S');
  });

  it('joins a surname, however written, to the full name given earlier in the article', () => {
    const { entities, mentions } = entitiesOf(
      'Osama bin Laden lived in Khartoum in the 1990s. In 1998, Bin Laden left the city. President Barack Obama spoke about him years later. Mr Obama said the case was closed, and Obama left.',
    );
    const people = entities.filter((e) => e.type === 'person').map((e) => e.name);
    expect(people).toEqual(['Osama bin Laden', 'Barack Obama']);
    const binLaden = entities.findIndex((e) => e.name === 'Osama bin Laden');
    expect(mentions.filter((m) => m.entity === binLaden).map((m) => m.text)).toEqual(['Osama bin Laden', 'Bin Laden']);
    expect(entities.find((e) => e.name === 'Barack Obama')!.aliases).toEqual(expect.arrayContaining(['Obama', 'President']));
  });

  it('never makes a title or a fragment of a name an entity', () => {
    const found = names(
      'Tunisian Prime Minister Habib Essid said the museum would reopen. Mr Essid thanked the World Travel and Tourism Council. Mr Smith disagreed, said Dr Jones.',
    );
    expect(found).toContain('Habib Essid/person');
    expect(found).toContain('World Travel and Tourism Council/organisation');
    for (const junk of ['Mr', 'Dr', 'Tunisian Prime', 'Tunisian Prime Minister', 'World Travel', 'Mr Essid'])
      expect(found.map((f) => f.split('/')[0])).not.toContain(junk);
  });

  it('types organisations and places that look like names as organisations and places, not people', () => {
    const found = names(
      'The Islamic State group claimed the attack, the White House said on Tuesday. Ships crossed the Pacific Ocean to reach Sydney, and Amnesty International asked for an inquiry.',
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'Islamic State/organisation',
        'White House/organisation',
        'Pacific Ocean/place',
        'Sydney/place',
        'Amnesty International/organisation',
      ]),
    );
    expect(found.filter((f) => f.endsWith('/person'))).toEqual([]);
  });

  it('keeps the title before a name as the role of the person, for the claimant', () => {
    const { entities, mentions } = entitiesOf('Bank of England Governor Andrew Bailey said rates would stay high.');
    expect(entities.map((e) => `${e.name}/${e.type}`)).toEqual(['Bank of England/organisation', 'Andrew Bailey/person']);
    expect(mentions.find((m) => m.text === 'Andrew Bailey')?.role).toBe('Governor');
  });

  it('takes no portfolio opening with a nationality word for a person ("in charge of Russian Affairs")', () => {
    const found = names('"We sent no one," said Kim Jong Gyu, vice foreign minister in charge of Russian Affairs, on Friday.');
    expect(found).toContain('Kim Jong Gyu/person');
    expect(found.filter((n) => n.startsWith('Russian'))).toEqual([]);
  });

  it("keeps a group noun's possessive inside an institution's name", () => {
    const found = names("Officials said units of the Korean People's Army arrived in Russia, and Children's Hospital staff were moved.");
    expect(found).toContain("Korean People's Army/organisation");
    expect(found.some((n) => n.startsWith('Korean People/'))).toBe(false);
  });
});
