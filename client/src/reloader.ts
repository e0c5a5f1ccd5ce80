// Runs a load, and once more after it when asked again while it ran: a change announced while a
// load is in flight must not be lost (the answer in flight may predate it), and a burst of
// announcements costs at most one more load.

/** `load` wrapped: calls made while it runs are folded into one more run after it. */
export function reloader(load: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await load();
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
}
