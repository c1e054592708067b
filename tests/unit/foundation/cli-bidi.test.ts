// Bidi spoofing on the terminal (issue #13, item 12): a claimant holding U+202E RIGHT-TO-LEFT
// OVERRIDE must not reorder the line it is printed on.
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../main/services';
import { tempDir } from '../archive/helpers';
import { cli } from './cli-run';

const RLO = '\u202E';
const SPOOF = `Kim ${RLO}gnoJ`;

describe('claimdesk output with bidi controls in archive text', () => {
  it('shows the controls as visible code points, and keeps the data in --json', async () => {
    const dir = tempDir('claimdesk-cli-bidi-');
    const s = await createServices({ archiveDir: dir, actor: 'tester' });
    await s.archive.claims.insert({ statement: `Troops were sent ${RLO}eslaf :tcidreV`, claimant: SPOOF } as never);
    await s.close();

    const human = await cli(['claims', '--archive', dir]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('Kim <U+202E>gnoJ: Troops were sent <U+202E>eslaf :tcidreV');
    expect(human.stdout).not.toContain(RLO);

    const json = await cli(['claims', '--archive', dir, '--json']);
    expect(json.stdout).not.toContain(RLO);
    expect(json.stdout).toContain('Kim \\u202egnoJ');
    expect(json.json().claims[0].claimant).toBe(SPOOF);

    const search = await cli(['search', '--archive', dir, 'troops']);
    expect(search.stdout).toContain('<U+202E>');
    expect(search.stdout).not.toContain(RLO);
  });
});
