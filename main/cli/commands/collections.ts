// `claimdesk collections`: list, make, rename and delete collections, and put claims in or take them
// out. Each edit goes through the same validated API method as the app and exits 0 once durable.
import { AppError } from '../../../shared/errors';
import { plural } from '../../../shared/plural';
import type { Collection } from '../../../shared/domain';
import type { MethodArgs, MethodName, MethodResult } from '../../api/contract';
import type { Services } from '../../services';
import { printJson, UsageError } from '../io';
import { archiveOption, parseId, type CliCommand } from '../command';

const ACTIONS = ['list', 'create', 'rename', 'delete', 'add', 'remove'] as const;

async function call<M extends MethodName>(s: Services, method: M, ...args: MethodArgs<M>): Promise<MethodResult<M>> {
  const res = await s.dispatch(method, args);
  if (!res.ok) throw new AppError(res.error.code, res.error.message);
  return res.value as MethodResult<M>;
}

const line = (k: Collection) => `#${k.id} ${k.name} (${plural(k.claimCount, 'claim')})`;
const claimIds = (args: string[]) => {
  if (args.length === 0) throw new UsageError('at least one CLAIM id is required');
  return args.map((a) => parseId(a, 'CLAIM'));
};

export const collectionsCommand: CliCommand = {
  name: 'collections',
  usage: 'collections --archive DIR list | create NAME | rename ID NAME | delete ID | add ID CLAIM... | remove ID CLAIM... [--json]',
  summary: 'named sets of claims (claims --collection ID lists one; a report can be scoped to one in the app)',
  options: { ...archiveOption },
  async run(ctx) {
    const [action = 'list', ...rest] = ctx.positionals;
    if (!(ACTIONS as readonly string[]).includes(action)) throw new UsageError(`unknown action "${action}": use ${ACTIONS.join(', ')}`);
    const s = await ctx.services();
    const done = (collection: Collection, message: string, extra: object = {}) => {
      if (ctx.json) printJson(ctx.io, { collection, ...extra });
      else ctx.io.err(message);
    };
    switch (action) {
      case 'list': {
        const collections = await call(s, 'collections.list');
        if (ctx.json) printJson(ctx.io, { collections });
        else collections.forEach((k) => ctx.io.out(line(k)));
        return;
      }
      case 'create': {
        if (rest.length !== 1) throw new UsageError('create takes one NAME (quote a name with spaces)');
        const k = await call(s, 'collections.create', rest[0]);
        return done(k, `Made collection ${line(k)}.`);
      }
      case 'rename': {
        if (rest.length !== 2) throw new UsageError('rename takes ID and one NAME (quote a name with spaces)');
        const k = await call(s, 'collections.rename', parseId(rest[0]), rest[1]);
        return done(k, `Renamed: ${line(k)}.`);
      }
      case 'delete': {
        if (rest.length !== 1) throw new UsageError('delete takes one ID');
        const gone = await call(s, 'collections.delete', parseId(rest[0]));
        if (ctx.json) printJson(ctx.io, { deleted: { id: gone.id, name: gone.name, claimIds: gone.members.map((m) => m.claimId) } });
        else ctx.io.err(`Deleted collection #${gone.id} ${gone.name}; its ${plural(gone.members.length, 'claim')} stay in the archive.`);
        return;
      }
      case 'add': {
        const [id, ...ids] = rest;
        const { collection, added } = await call(s, 'collections.add', parseId(id), claimIds(ids));
        return done(collection, `Added ${plural(added.length, 'claim')}: ${line(collection)}.`, { added });
      }
      case 'remove': {
        const [id, ...ids] = rest;
        const { collection, removed } = await call(s, 'collections.remove', parseId(id), claimIds(ids));
        return done(collection, `Removed ${plural(removed.length, 'claim')}: ${line(collection)}.`, { removed });
      }
    }
  },
};
