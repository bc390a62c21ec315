import { serveAdapter } from '../shared/serve-adapter.js';
import { pyodideAdapter } from './pyodide-adapter.js';

await serveAdapter(pyodideAdapter);
