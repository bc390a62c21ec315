/** The protocol version this code speaks. */
export const PROTOCOL_VERSION = '1.2';

/** Two peers can talk when their protocol majors are equal. */
export function isCompatibleVersion(version: string, ours: string = PROTOCOL_VERSION): boolean {
  return version.split('.')[0] === ours.split('.')[0];
}
