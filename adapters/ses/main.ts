// lockdown() must run before any other module touches the intrinsics, so everything else loads after it.
import 'ses';

lockdown();
const { serveAdapter } = await import('../shared/serve-adapter.js');
const { sesAdapter } = await import('./ses-adapter.js');
await serveAdapter(sesAdapter);
