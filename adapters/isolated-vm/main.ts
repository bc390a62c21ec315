import { serveAdapter } from '../shared/serve-adapter.js';
import { isolatedVmAdapter } from './isolated-vm-adapter.js';

await serveAdapter(isolatedVmAdapter);
