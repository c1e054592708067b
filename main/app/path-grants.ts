// Which files the renderer may have imported. The renderer never names a path: main hands out an
// opaque token for each path a trusted source gave it (the preload's drop handler, through the
// grant channel), and `import.files` redeems tokens. A compromised page that sends a path of its own
// choosing, or makes up a token, is refused before anything is read.
import { randomUUID } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { AppError } from '../../shared/errors';

/** Tokens not redeemed are forgotten oldest first beyond this many. */
const MAX_GRANTS = 100_000;
const MAX_PER_GRANT = 10_000;

export interface PathGrants {
  /** One token per absolute path (a drop's files and folders); INVALID_ARGUMENT for anything else. */
  grant(paths: unknown): string[];
  /** The paths behind tokens, each token usable once; FORBIDDEN, with nothing redeemed, if any is unknown. */
  redeem(tokens: readonly string[]): string[];
}

function isGrantable(p: unknown): p is string {
  return typeof p === 'string' && p.length > 0 && p.length <= 4_096 && !p.includes('\0') && isAbsolute(p);
}

export function createPathGrants(): PathGrants {
  const granted = new Map<string, string>();
  return {
    grant(paths) {
      if (!Array.isArray(paths) || paths.length > MAX_PER_GRANT || !paths.every(isGrantable))
        throw new AppError('INVALID_ARGUMENT', 'Only absolute paths of dropped files can be handed to Claimdesk for import.');
      return paths.map((path) => {
        const token = `file-${randomUUID()}`;
        granted.set(token, path);
        if (granted.size > MAX_GRANTS) granted.delete(granted.keys().next().value!);
        return token;
      });
    },
    redeem(tokens) {
      const unique = [...new Set(tokens)];
      const unknown = unique.filter((t) => !granted.has(t)).length;
      if (unknown > 0)
        throw new AppError(
          'FORBIDDEN',
          `Import refused: ${unknown === unique.length ? 'these files were' : `${unknown} of these files were`} not handed to Claimdesk by a drop or a file dialog. Drop them on the window or use File ▸ Import.`,
        );
      return unique.map((t) => {
        const path = granted.get(t)!;
        granted.delete(t);
        return path;
      });
    },
  };
}
