// The pages of the metadata dev set (../shared/data/metadata) and their split into a TUNE and a REPORT half,
// shared by the metadata benches so each measures the same halves. Pages are read in place, never copied.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every page folder (source.html + expected.json) under dir, in name order. */
export function metadataPages(dir: string): string[] {
  if (existsSync(join(dir, 'source.html')) && existsSync(join(dir, 'expected.json'))) return [dir];
  return readdirSync(dir)
    .sort()
    .map((f) => join(dir, f))
    .filter((p) => statSync(p).isDirectory())
    .flatMap(metadataPages);
}

/** The half a page belongs to, by a hash of its folder: rules are tuned on 'tune', 'report' is only read as a figure. */
export function metadataHalf(data: string, page: string): 'tune' | 'report' {
  return parseInt(createHash('md5').update(relative(data, page)).digest('hex')[0], 16) < 8 ? 'tune' : 'report';
}
