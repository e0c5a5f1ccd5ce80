// What went wrong with a file, for a message: the error's code, and a short reason a user can act
// on, without the stack or the path (the caller prints that). Used by the CLI and by config
// discovery, which the server shares.
export function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}

/** A short reason for an I/O error, without the stack or the path (the caller prints that). */
export function ioErrorReason(err: unknown): string {
  switch (errorCode(err)) {
    case 'ENOENT':
      return 'no such file or folder; a dangling symbolic link?';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'is a folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    default: {
      const code = errorCode(err);
      const message = err instanceof Error ? err.message : String(err);
      return code ? `${code}: ${message.replace(/^\w+: /, '')}` : message;
    }
  }
}
