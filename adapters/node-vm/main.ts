import { serveAdapter } from '../shared/serve-adapter.js';
import { nodeVmAdapter } from './node-vm-adapter.js';

await serveAdapter(nodeVmAdapter);
