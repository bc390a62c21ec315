import { serveAdapter } from '../shared/serve-adapter.js';
import { pyodideAdapter } from './pyodide-adapter.js';

await serveAdapter(pyodideAdapter({ claimLimits: process.argv.slice(2).includes('--claim-limits') }));
