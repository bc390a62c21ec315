import { readFile } from 'node:fs/promises';
import { hostname, networkInterfaces, release } from 'node:os';

/** A fact about the machine Gauntlet runs on, and what it is. */
export interface HostFact {
  what: string;
  value: string;
}

/** Shorter values would turn up in ordinary output by chance ("vm", "localhost", "fd00::2"). */
const MIN_LENGTH = 8;

/**
 * What identifies this host and its network, as its own processes see them: the machine id, the
 * host name, the kernel release (unless `sharedKernel`), the addresses and hardware addresses of
 * its non-loopback interfaces (also as /proc/net spells IPv4: little-endian hex), its default
 * gateways and ARP neighbours. A container shares the host's kernel, so uname's release is no
 * secret it could keep; the rest belongs to the host's own namespaces and files. Values too short
 * to be told from chance are left out.
 */
export async function hostFacts(sharedKernel: boolean): Promise<HostFact[]> {
  const facts: HostFact[] = [];
  const add = (what: string, value: string | undefined) => {
    if (value && value.length >= MIN_LENGTH && !/^localhost/i.test(value) && !facts.some((f) => f.value === value))
      facts.push({ what, value });
  };
  const text = (path: string) => readFile(path, 'utf8').catch(() => '');
  add('machine id', (await text('/etc/machine-id')).trim() || (await text('/var/lib/dbus/machine-id')).trim());
  add('host name', hostname());
  if (!sharedKernel) add('kernel release', release());
  for (const [name, addresses] of Object.entries(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.internal) continue;
      add(`${name} address`, address.address);
      if (address.family === 'IPv4') add(`${name} address in /proc/net`, procNetHex(address.address));
      if (!/^(00:)+00$/.test(address.mac)) add(`${name} hardware address`, address.mac);
    }
  }
  for (const line of (await text('/proc/net/route')).split('\n').slice(1)) {
    const gateway = line.split('\t')[2];
    if (gateway && /^[0-9A-F]{8}$/.test(gateway) && gateway !== '00000000') {
      add('gateway in /proc/net/route', gateway);
      add('gateway', dottedFromProcNet(gateway));
    }
  }
  for (const line of (await text('/proc/net/arp')).split('\n').slice(1)) {
    const [ip, , , mac] = line.trim().split(/\s+/);
    add('ARP neighbour', ip);
    if (mac && !/^(00:)+00$/.test(mac)) add('ARP neighbour hardware address', mac);
  }
  return facts;
}

/** An IPv4 address as /proc/net/tcp and /proc/net/route print it (host byte order, little-endian). */
export function procNetHex(ipv4: string): string {
  return ipv4
    .split('.')
    .reverse()
    .map((octet) => Number(octet).toString(16).toUpperCase().padStart(2, '0'))
    .join('');
}

function dottedFromProcNet(hex: string): string {
  return [6, 4, 2, 0].map((at) => String(parseInt(hex.slice(at, at + 2), 16))).join('.');
}
