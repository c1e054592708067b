// Files that are hostile by what they are, not by their bytes: a named pipe, a link to /dev/zero, a
// unix socket, a 1 GB sparse file (no disk used), a dangling link, a name that is not valid UTF-8 and
// a link to an ordinary article. Made in a folder of the caller's; `close()` stops the socket.
import { execFileSync } from 'node:child_process';
import { symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { FilePath } from '../../main/importers/read-file';

export interface SpecialFile {
  path: FilePath;
  recipe: string;
  /** What importing it must give: parsed, or refused with an error matching this. */
  expect: 'parsed' | RegExp;
}

export const SPECIAL_ARTICLE = 'The ministry said on Monday that exports grew by 5 percent last year, officials confirmed.';

/** The Buffer path of `dir/name` where `name` is raw bytes (0xE9 is "é" in Latin-1, invalid UTF-8). */
export const rawPath = (dir: string, name: number[]) => Buffer.concat([Buffer.from(dir), Buffer.from('/'), Buffer.from(name)]);

const CAFE_TXT = [0x63, 0x61, 0x66, 0xe9, 0x2e, 0x74, 0x78, 0x74]; // "caf\xE9.txt"

export async function makeSpecialFiles(dir: string): Promise<{ files: SpecialFile[]; close(): Promise<void> }> {
  const at = (name: string) => join(dir, name);
  execFileSync('mkfifo', [at('pipe.txt')]);
  symlinkSync('/dev/zero', at('zero.txt'));
  symlinkSync(at('nowhere.txt'), at('dangling.txt'));
  writeFileSync(at('article.txt'), SPECIAL_ARTICLE);
  symlinkSync(at('article.txt'), at('link.txt'));
  writeFileSync(at('sparse.pdf'), '');
  truncateSync(at('sparse.pdf'), 1024 ** 3);
  const latin1 = rawPath(dir, CAFE_TXT);
  writeFileSync(latin1, `${SPECIAL_ARTICLE} Latin-1 name.`);
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(at('socket.txt'), resolve));
  const files: SpecialFile[] = [
    {
      path: at('pipe.txt'),
      recipe: 'named pipe (mkfifo)',
      expect: /^pipe\.txt is a named pipe \(FIFO\), not a file; nothing was imported$/,
    },
    { path: at('zero.txt'), recipe: 'symlink to /dev/zero', expect: /^zero\.txt links to a device, not a file; nothing was imported$/ },
    { path: at('socket.txt'), recipe: 'unix socket', expect: /^socket\.txt is a socket, not a file; nothing was imported$/ },
    { path: at('sparse.pdf'), recipe: '1 GB sparse file', expect: /^File is 1024 MB \(limit 100 MB\): sparse\.pdf$/ },
    { path: at('dangling.txt'), recipe: 'dangling symlink', expect: /^File not found: / },
    { path: at('link.txt'), recipe: 'symlink to an article', expect: 'parsed' },
    { path: latin1, recipe: 'file name not valid UTF-8', expect: 'parsed' },
  ];
  return { files, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
