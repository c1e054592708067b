// Run by built-host.test.ts as `node --import tsx start-built-host.ts <servicesHost.js> <archive dir>`:
// a tool running from the TypeScript sources (as bench/loop.ts --built does) starts the built services
// host in a worker thread, makes a claim, and prints the answers and the process' peak RSS.
import { pathToFileURL } from 'node:url';
import { startServicesWorker } from '../../../main/host/node-ports';

const [hostFile, archiveDir] = process.argv.slice(2);
const remote = await startServicesWorker({ archiveDir, actor: 'tester' }, { script: pathToFileURL(hostFile), eval: false });
const created = await remote.dispatch('claims.create', [{ statement: 'Grain exports rose in May' }]);
const listed = await remote.dispatch('claims.list', [{}]);
await remote.close();
console.log(JSON.stringify({ created, listed, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
