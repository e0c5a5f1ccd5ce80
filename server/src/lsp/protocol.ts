// The names and shapes the server shares with its clients live in one place,
// server/src/shared/protocol.ts (the VS Code extension imports it too).
export * from '../shared/protocol';
