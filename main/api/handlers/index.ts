// Binds every contract method to the services that implement it, one domain file each.
// Arguments arrive validated by the dispatcher.
import type { Handlers } from '../dispatch';
import type { ServiceBase } from './types';
import { coreHandlers } from './core';
import { importsHandlers } from './imports';
import { editingHandlers } from './editing';
import { crossrefHandlers } from './crossref';
import { reportsHandlers } from './reports';
import { entitiesHandlers } from './entities';
import { maintenanceHandlers } from './maintenance';
import { mergesHandlers } from './merges';
import { originalsHandlers } from './originals';
import { teamHandlers } from './team';
import { highlightsHandlers } from './highlights';

export function createHandlers(s: ServiceBase): Handlers {
  return {
    ...coreHandlers(s),
    ...importsHandlers(s),
    ...editingHandlers(s),
    ...crossrefHandlers(s),
    ...reportsHandlers(s),
    ...entitiesHandlers(s),
    ...maintenanceHandlers(s),
    ...mergesHandlers(s),
    ...originalsHandlers(s),
    ...teamHandlers(s),
    ...highlightsHandlers(s),
  };
}
