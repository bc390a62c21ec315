import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { all, fail, inconclusive, noLeak, pass, ran, type SecurityCheck } from './security-check.js';

const py = (lines: string[]) => lines.join('\n');

/** The executor's own environment stays out of reach. */
export const envCanaryCheck: SecurityCheck = {
  id: 'env-canary',
  title: "a canary in the executor's environment cannot be read",
  languages: ['javascript', 'python'],
  async run({ executor, envCanary }, language) {
    const code =
      language === 'python'
        ? py([
            'import os, js',
            'print("PAYLOAD-RAN")',
            `print(os.environ.get("${envCanary.name}"))`,
            'try:',
            '    print(js.JSON.stringify(js.Deno.env.toObject()))',
            'except Exception as e:',
            '    print("denied", e)',
          ])
        : `console.log('PAYLOAD-RAN'); try { console.log(JSON.stringify(Deno.env.toObject())); } catch (e) { console.log('denied', e.name); }
           try { const p = await import('node:process'); console.log(p.default.env['${envCanary.name}']); } catch (e) { console.log('denied', e.name); }
           return Deno.env.get('${envCanary.name}') ?? null;`;
    const result = await executor.execute(language, code);
    return all(ran(result), noLeak(envCanary.value, result, executor));
  },
};

/** Nothing outside the sandbox's directory can be read. */
export const fileReadCheck: SecurityCheck = {
  id: 'file-outside-read',
  title: 'a file outside the sandbox directory cannot be read',
  languages: ['javascript', 'python'],
  async run({ executor, hostDir }, language) {
    const token = randomBytes(12).toString('hex');
    const path = join(hostDir, `read-canary-${token.slice(0, 6)}.txt`);
    writeFileSync(path, token);
    const code =
      language === 'python'
        ? py([
            'import js',
            'print("PAYLOAD-RAN")',
            'try:',
            `    print(open("${path}").read())`,
            'except Exception as e:',
            '    print("denied", type(e).__name__)',
            'try:',
            `    print(js.Deno.readTextFileSync("${path}"))`,
            'except Exception as e:',
            '    print("denied", type(e).__name__)',
          ])
        : `console.log('PAYLOAD-RAN');
           try { console.log(Deno.readTextFileSync('${path}')); } catch (e) { console.log('denied', e.name); }
           try { const m = await import('file://${path}', { with: { type: 'text' } }); console.log(m.default); } catch (e) { console.log('denied', e.name); }
           try { const out = new Deno.Command('/bin/cat', { args: ['${path}'] }).outputSync(); console.log(new TextDecoder().decode(out.stdout)); } catch (e) { console.log('denied', e.name); }`;
    const result = await executor.execute(language, code);
    return all(ran(result), noLeak(token, result, executor));
  },
};

/** Nothing outside the sandbox's directory can be written, while its own directory works. */
export const fileWriteCheck: SecurityCheck = {
  id: 'file-outside-write',
  title: 'a file outside the sandbox directory cannot be written; the sandbox directory can',
  languages: ['javascript', 'python'],
  async run({ executor, hostDir }, language) {
    const path = join(hostDir, `write-canary-${randomBytes(6).toString('hex')}.txt`);
    const code =
      language === 'python'
        ? py([
            'import js',
            'print("PAYLOAD-RAN")',
            'try:',
            `    js.Deno.writeTextFileSync("${path}", "pwned")`,
            'except Exception as e:',
            '    print("denied", type(e).__name__)',
            'js.Deno.writeTextFileSync("own.txt", "mine")',
            'js.Deno.readTextFileSync("own.txt")',
          ])
        : `console.log('PAYLOAD-RAN');
           try { Deno.writeTextFileSync('${path}', 'pwned'); } catch (e) { console.log('denied', e.name); }
           try { new Deno.Command('/bin/sh', { args: ['-c', 'echo pwned > ${path}'] }).outputSync(); } catch (e) { console.log('denied', e.name); }
           Deno.writeTextFileSync('own.txt', 'mine'); return Deno.readTextFileSync('own.txt');`;
    const result = await executor.execute(language, code);
    if (existsSync(path)) return fail(`the sandbox wrote ${path}`);
    if (result.status !== 'ok' || result.result !== 'mine')
      return inconclusive(`the sandbox could not use its own directory: ${JSON.stringify(result).slice(0, 600)}`);
    return ran(result);
  },
};

/** A loopback listener is reachable only when allow-listed. */
export const networkCheck: SecurityCheck = {
  id: 'network-unlisted',
  title: 'a loopback listener cannot be reached unless allow-listed',
  languages: ['javascript', 'python'],
  async run({ executor }, language) {
    let hits = 0;
    const server = createServer((socket) => {
      hits++;
      socket.end('HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const url = `http://127.0.0.1:${port}/`;
    const code =
      language === 'python'
        ? py([
            'import js',
            'print("PAYLOAD-RAN")',
            'try:',
            `    r = await js.fetch("${url}")`,
            '    print(await r.text())',
            'except Exception as e:',
            '    print("denied", type(e).__name__)',
          ])
        : `console.log('PAYLOAD-RAN'); try { console.log(await (await fetch('${url}')).text()); } catch (e) { console.log('denied', e.name); }
           try { const c = await Deno.connect({ hostname: '127.0.0.1', port: ${port} }); c.close(); console.log('connected'); } catch (e) { console.log('denied', e.name); }`;
    try {
      const denied = await executor.execute(language, code);
      if (hits > 0) return fail(`the listener got ${hits} connection(s) without being allow-listed`);
      const allowed = await executor.execute(language, code, {
        policy: { network: { mode: 'allowlist', allow: [`127.0.0.1:${port}`] } },
      });
      if (hits === 0)
        return inconclusive(
          `the allow-listed listener was not reached (positive control): ${JSON.stringify(allowed).slice(0, 600)}`,
        );
      return all(ran(denied), pass);
    } finally {
      server.close();
    }
  },
};

/** Code cannot start processes. */
export const subprocessCheck: SecurityCheck = {
  id: 'subprocess',
  title: 'code cannot start a process',
  languages: ['javascript'],
  async run({ executor }) {
    const token = randomBytes(8).toString('hex');
    const result = await executor.execute(
      'javascript',
      `console.log('PAYLOAD-RAN'); const o = new Deno.Command('/bin/echo', { args: ['${token}'.split('').reverse().join('')] }).outputSync(); return new TextDecoder().decode(o.stdout).trim().split('').reverse().join('');`,
    );
    if (result.status === 'ok' && result.result === token) return fail('the code ran /bin/echo');
    return all(
      ran(result),
      result.status === 'error' && result.error.type === 'permission'
        ? pass
        : fail(`expected a permission error: ${JSON.stringify(result).slice(0, 600)}`),
    );
  },
};
