// Edits a field holds back for a moment before it tells its record (a live rich-text editor tells
// its § in the idle time after a key's frame). Whatever keeps or sends the editor's values — the
// copy in localStorage when the page goes away, a save — first lets them through, so that nothing
// typed is ever missing from it.
const held = new Set<() => void>();

/** Registers the function that lets a held edit through; returns the one that forgets it. */
export function holdEdit(release: () => void): () => void {
  held.add(release);
  return () => void held.delete(release);
}

/** Lets every held edit through now (each tells its record at once). */
export function releaseHeldEdits(): void {
  for (const release of [...held]) release();
}
