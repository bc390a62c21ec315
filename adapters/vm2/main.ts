import { serveAdapter } from '../shared/serve-adapter.js';
import { loadVm2, moduleOption } from './load-vm2.js';
import { vm2Adapter } from './vm2-adapter.js';

await serveAdapter(vm2Adapter(loadVm2(moduleOption(process.argv.slice(2)))));
