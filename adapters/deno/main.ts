import { serveAdapter } from '../shared/serve-adapter.js';
import { denoAdapter } from './deno-adapter.js';

await serveAdapter(denoAdapter);
