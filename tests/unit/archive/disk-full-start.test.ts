// Starting Claimdesk on a full disk: no "could not start"; the archive opens read-only and the
// first-start sample is left for a start that can write it.
import { afterEach, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { simulatedDisk } from '../../../main/archive/engine/disk-space';
import { createServices } from '../../../main/services';
import { seedSampleArchive } from '../../../main/app/sample';
import { tempDir } from './helpers';

const resourcesDir = fileURLToPath(new URL('../../../resources', import.meta.url));

afterEach(() => {
  simulatedDisk.freeBytes = null;
});

it('starts on a full disk, read-only, and seeds the sample at the next start with room', async () => {
  const dir = tempDir();
  simulatedDisk.freeBytes = 0;
  const services = await createServices({ archiveDir: dir, actor: 'tester' });
  try {
    expect(services.archive.info().readOnlyReason).toMatch(/^The disk is full/);
    expect(await seedSampleArchive(services, resourcesDir)).toBe(0);
  } finally {
    simulatedDisk.freeBytes = null;
    await services.close();
  }
  const again = await createServices({ archiveDir: dir, actor: 'tester' });
  try {
    expect(await seedSampleArchive(again, resourcesDir)).toBe(1);
  } finally {
    await again.close();
  }
}, 60_000);
