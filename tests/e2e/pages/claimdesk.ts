// Page objects for the editing views: what a user sees and does, named as they would name it.
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppHarness } from '../harness';
import { extractClaims } from '../../../main/extraction';
import type { Article, NewClaim } from '../../../shared/domain';

/**
 * The sample article as a fresh import leaves it: the extraction's suggestions pending, no claims yet.
 * (First start accepts the sample's suggestions as a worked example; this puts them back.)
 */
export async function sampleWithSuggestions(app: AppHarness): Promise<Article> {
  const { archive } = app.services;
  const summary = archive.articles.list({ sort: 'importedAt', order: 'desc', offset: 0, limit: 1 }).items[0];
  const article = archive.articles.get(summary.id);
  const stored = archive.suggestions.list(article.id);
  if (stored.length === 0) {
    const { claims } = extractClaims({
      text: article.text,
      published: article.published,
      outlet: article.outlet,
      wireAgency: article.wireAgency,
    });
    const payloads: NewClaim[] = claims.map((c) => ({
      quote: c.quote,
      start: c.start,
      end: c.end,
      statement: c.statement,
      claimant: c.claimant,
      attribution: c.attribution,
      kind: c.kind,
      score: c.score,
      claimDate: c.date,
      resolveBy: c.resolveBy,
      entities: c.entities.map(({ name, type, role }) => ({ name, type, role })),
    }));
    await archive.suggestions.add(article.id, payloads);
  } else {
    const decided = stored.filter((s) => s.state !== 'pending').map((s) => ({ id: s.id, state: 'pending' as const }));
    if (decided.length) {
      const res = await app.services.dispatch('suggestions.revert', [article.id, decided]);
      expect(res.ok, JSON.stringify(res)).toBe(true);
    }
  }
  return article;
}

export class Claimdesk {
  constructor(readonly page: Page) {}

  get nav(): Locator {
    return this.page.getByRole('navigation', { name: 'Main' });
  }
  async goTo(view: 'Library' | 'Claims' | 'Entities' | 'Reports'): Promise<void> {
    await this.nav.getByRole('button', { name: view, exact: true }).click();
    await expect(this.page.getByRole('heading', { name: view, level: 1 })).toBeVisible();
  }
  get saveStatus(): Locator {
    return this.nav.getByRole('status');
  }
  async undo(): Promise<void> {
    await this.page.keyboard.press('Control+z');
  }
  async redo(): Promise<void> {
    await this.page.keyboard.press('Control+Shift+z');
  }

  // --- Library and reader ---
  get articles(): Locator {
    return this.page.getByRole('list', { name: 'Articles' });
  }
  async openArticle(title: RegExp | string): Promise<void> {
    await this.articles.getByRole('button', { name: title }).first().click();
    await expect(this.page.locator('article h1')).toBeVisible();
  }
  /** Selects `text` inside the article as a user drags over it. */
  async selectInArticle(text: string): Promise<void> {
    await this.page.evaluate((needle) => {
      const root = document.querySelector('article .text')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let node: Node | null;
      while ((node = walker.nextNode())) {
        const at = node.textContent!.indexOf(needle);
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + needle.length);
          const sel = window.getSelection()!;
          sel.removeAllRanges();
          sel.addRange(range);
          return;
        }
      }
      throw new Error(`"${needle}" is not in one text node of the article`);
    }, text);
  }
  get readerClaims(): Locator {
    return this.page.getByRole('list', { name: 'Claims in this article' });
  }
  get suggestions(): Locator {
    return this.page.getByRole('list', { name: 'Pending suggestions' });
  }

  // --- Claims table ---
  get grid(): Locator {
    return this.page.getByRole('grid', { name: 'Claims' });
  }
  rows(): Locator {
    return this.grid.getByRole('row').filter({ hasNot: this.page.getByRole('columnheader') });
  }
  row(text: string | RegExp): Locator {
    return this.rows().filter({ hasText: text });
  }
  /** Selects rows `first` to `last` (0-based) as a user does: a click, then a Shift+click. */
  async selectRows(first: number, last: number): Promise<void> {
    await this.rows().nth(first).click();
    await this.rows()
      .nth(last)
      .click({ modifiers: ['Shift'] });
  }
  /** The bar of actions on the selected claims. */
  get bulkBar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Selected claims' });
  }
  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search claims' });
  }

  // --- Editor and prompts ---
  get editor(): Locator {
    return this.page.getByRole('dialog', { name: 'Claim editor' });
  }
  get notePrompt(): Locator {
    return this.page.getByRole('dialog', { name: /^Set verdict/ });
  }
}
