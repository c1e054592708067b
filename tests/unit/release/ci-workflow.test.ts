// The GitHub Actions workflow (.github/workflows/ci.yml) is where the real Electron app runs: on
// Linux, macOS and Windows, with the binary downloaded and the smoke tests required, then the
// installers are built and kept. These checks fail if someone drops an OS, the download, the
// requirement or the upload; and the smoke tests' own choice between run, skip and fail.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUIRE_ELECTRON_ENV, electronPlan } from '../../electron/electron-binary';
import { ROOT } from './built';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  strategy?: { matrix?: { os?: string[] } };
  env?: Record<string, string>;
  steps: Step[];
}

// electron-builder's YAML parser (js-yaml), as tests/release/package.test.ts uses for its config.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const yaml = fromBuilder('js-yaml') as { load(text: string): unknown };
const workflow = yaml.load(readFileSync(join(ROOT, '.github/workflows/ci.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
};
const jobs = Object.values(workflow.jobs);
const job = jobs.find((j) => j.steps.some((s) => /\bnpm test\b/.test(s.run ?? '')))!;
const runs = job.steps.map((s) => s.run ?? '');
const indexOfRun = (re: RegExp) => runs.findIndex((r) => re.test(r));

describe('the GitHub Actions workflow', () => {
  it('runs on pushes and pull requests', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
  });

  it('tests on Linux, macOS and Windows, without cancelling the others when one fails', () => {
    expect(job).toBeDefined();
    expect(job['runs-on']).toBe('${{ matrix.os }}');
    expect([...(job.strategy?.matrix?.os ?? [])].sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
    expect((job.strategy as Record<string, unknown>)['fail-fast']).toBe(false);
  });

  it('uses the Node version of .nvmrc, which package.json engines accept', () => {
    const setupNode = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(setupNode?.with?.['node-version-file']).toBe('.nvmrc');
    const engines = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    expect(engines).toBe('>=22.12');
    expect(Number(readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim())).toBeGreaterThanOrEqual(22);
  });

  it('installs with npm ci, downloads Electron, then runs npm test (under xvfb on Linux) with Electron required', () => {
    const ci = indexOfRun(/^npm ci\b/);
    const download = indexOfRun(/node scripts\/ensure-electron\.mjs/);
    const xvfb = job.steps.find((s) => /^xvfb-run -a npm test$/.test(s.run ?? ''));
    const plain = job.steps.find((s) => /^npm test$/.test(s.run ?? ''));
    expect(ci).toBeGreaterThanOrEqual(0);
    expect(download).toBeGreaterThan(ci);
    expect(xvfb?.if).toBe("runner.os == 'Linux'");
    expect(plain?.if).toBe("runner.os != 'Linux'");
    expect(job.steps.indexOf(xvfb!)).toBeGreaterThan(download);
    expect(job.steps.indexOf(plain!)).toBeGreaterThan(download);
    expect({ ...workflow.env, ...job.env }[REQUIRE_ELECTRON_ENV]).toBe('1');
  });

  it('runs the packaging tests, builds the installers and uploads them, failing when there are none', () => {
    expect(indexOfRun(/^npm run test:release$/)).toBeGreaterThan(0);
    const dist = indexOfRun(/^npm run dist$/);
    const upload = job.steps.findIndex((s) => s.uses === 'actions/upload-artifact@v4');
    expect(dist).toBeGreaterThan(indexOfRun(/npm test$/));
    expect(upload).toBeGreaterThan(dist);
    const uploadWith = job.steps[upload].with!;
    expect(uploadWith['if-no-files-found']).toBe('error');
    // One pattern per installer electron-builder.yml makes: AppImage and deb, NSIS .exe, dmg.
    expect(String(uploadWith.path).split('\n').filter(Boolean).sort()).toEqual([
      'dist/*.AppImage',
      'dist/*.deb',
      'dist/*.dmg',
      'dist/*.exe',
    ]);
  });

  it('uses only released versions of GitHub’s own actions', () => {
    const used = jobs.flatMap((j) => j.steps.map((s) => s.uses).filter(Boolean));
    expect(new Set(used)).toEqual(new Set(['actions/checkout@v4', 'actions/setup-node@v4', 'actions/upload-artifact@v4']));
  });
});

describe('the Electron smoke tests without a binary', () => {
  const missing = { missing: 'no Electron binary has been downloaded' };

  it('run with the binary when there is one', () => {
    expect(electronPlan({ path: '/opt/electron/electron' }, { [REQUIRE_ELECTRON_ENV]: '1' })).toEqual({ run: '/opt/electron/electron' });
  });

  it('skip with the reason by default (.ci/run, no internet)', () => {
    expect(electronPlan(missing, {})).toEqual({ skip: 'Electron smoke tests skipped: no Electron binary has been downloaded.' });
  });

  it('fail, naming the fix, where the workflow requires Electron', () => {
    const plan = electronPlan(missing, { [REQUIRE_ELECTRON_ENV]: '1' });
    expect(plan).toEqual({ fail: expect.stringContaining('no Electron binary has been downloaded') });
    expect('fail' in plan && plan.fail).toMatch(/CLAIMDESK_REQUIRE_ELECTRON=1 .*node scripts\/ensure-electron\.mjs/);
  });
});
