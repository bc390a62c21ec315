import type Docker from 'dockerode';
import { pack } from 'tar-stream';
import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';

/** A file to plant inside a container, such as a file canary. */
export interface ContainerFile {
  /** Absolute path inside the container. Missing parent folders are created (root, 0755). */
  path: string;
  content: string | Buffer;
  /** Default 0644: readable by whatever user the executor runs as, as a secret on its host would be. */
  mode?: number;
  uid?: number;
  gid?: number;
}

/**
 * Writes files into a created, not yet started, container, in its own writable layer: nothing
 * is written on the host, nothing is mounted (a mount would show up in the escape scenarios'
 * view of the container), and the files go when the container is removed. The engine refuses
 * this for a read-only root filesystem; see imageWithFiles for that case.
 */
export async function putContainerFiles(
  container: Docker.Container,
  files: readonly ContainerFile[],
  signal?: AbortSignal,
): Promise<void> {
  if (files.length === 0) return;
  await container.putArchive(await tarOf(files), { path: '/', ...(signal ? { abortSignal: signal } : {}) });
}

/** A tar archive of the files, with paths relative to `/`. */
export async function tarOf(files: readonly ContainerFile[]): Promise<Buffer> {
  const archive = pack();
  for (const file of files) {
    archive.entry(
      {
        name: relativePath(file.path),
        mode: file.mode ?? 0o644,
        uid: file.uid ?? 0,
        gid: file.gid ?? 0,
        mtime: new Date(0),
      },
      file.content,
    );
  }
  archive.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of archive) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function relativePath(path: string): string {
  const parts = path.split('/');
  if (!path.startsWith('/') || parts.some((part) => part === '..') || path.endsWith('/')) {
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      'a container file needs an absolute path to a file, without ".."',
      path,
    );
  }
  return parts.filter((part) => part !== '' && part !== '.').join('/');
}
