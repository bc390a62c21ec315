import { serveAdapter } from '../shared/serve-adapter.js';
import { bubblewrapAdapter } from './bubblewrap-adapter.js';

await serveAdapter(bubblewrapAdapter);
