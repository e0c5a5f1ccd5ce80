// A file: URI as a path of this machine, or null for other schemes and malformed URIs.
import { fileURLToPath } from 'node:url';

export function filePath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}
