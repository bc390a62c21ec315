import { serveAdapter } from '../shared/serve-adapter.js';
import { quickjsAdapter } from './quickjs-adapter.js';

await serveAdapter(quickjsAdapter);
