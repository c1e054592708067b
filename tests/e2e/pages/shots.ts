// Screenshots for a human to look at, light and dark, only when CLAIMDESK_SHOTS names a folder:
//   CLAIMDESK_SHOTS=/tmp/shots npx playwright test --project=e2e tests/e2e/<spec>.ts
// Nothing is asserted on them; the page is left in the light scheme.
import type { Page } from '@playwright/test';

export async function shoot(page: Page, name: string): Promise<void> {
  const folder = process.env.CLAIMDESK_SHOTS;
  if (!folder) return;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${folder}/${name}-${scheme}.png`, animations: 'disabled' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
