import { serveAdapter } from '../shared/serve-adapter.js';
import { vm2Adapter } from './vm2-adapter.js';

await serveAdapter(vm2Adapter);
