// Writes to a stream and waits when its buffer is full, so that megabytes of output piped into
// another program arrive whole and memory stays flat. A reader that goes away (EPIPE, as with
// `imr-lint ... | head`) ends the output quietly instead of crashing the run.
export class OutputWriter {
  private isClosed = false;

  constructor(private readonly stream: NodeJS.WritableStream) {
    stream.on('error', () => {
      this.isClosed = true;
    });
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
