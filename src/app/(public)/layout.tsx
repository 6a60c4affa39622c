// The public side: no login, no user lookup, so pages can be cached and served fast. Each part
// brings its banner (public-chrome.tsx): an organisation's pages (/<org>/…, [org]/layout.tsx)
// their own, the installation's pages (the old addresses, /tillganglighet) the general one.
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return children;
}
