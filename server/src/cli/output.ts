// Writes to a stream and waits when its buffer is full, so that megabytes of output piped into
// another program arrive whole and memory stays flat. A reader that goes away (EPIPE, as with
// `imr-lint ... | head`) ends the output quietly instead of crashing the run.
export class OutputWriter {
  private isClosed = false;
  private writeError: string | null = null;

  constructor(private readonly stream: NodeJS.WritableStream) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      this.isClosed = true;
      // A reader that went away is normal; anything else (a full disk) the user must hear of.
      if (error?.code !== 'EPIPE' && this.writeError === null) this.writeError = describeWriteError(error);
    });
  }

  /** Why the output could not be written (not set when the reader merely went away). */
  get failure(): string | null {
    return this.writeError;
  }

  /** True once the reader has gone away: nothing more will be delivered. */
  get closed(): boolean {
    return this.isClosed;
  }

  async write(chunk: string): Promise<void> {
    if (this.isClosed || chunk === '') return;
    if (this.stream.write(chunk)) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        this.stream.removeListener('drain', done);
        this.stream.removeListener('error', done);
        this.stream.removeListener('close', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('error', done);
      this.stream.on('close', done);
    });
  }

  /** Resolves once everything written so far has been handed to the system. */
  async flush(): Promise<void> {
    if (this.isClosed) return;
    await new Promise<void>((resolve) => {
      this.stream.write('', () => resolve());
    });
  }
}

function describeWriteError(error: NodeJS.ErrnoException | undefined): string {
  switch (error?.code) {
    case 'ENOSPC':
      return 'no space left on the disk';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EIO':
      return 'input/output error';
    default:
      return error?.code ?? 'write error';
  }
}
