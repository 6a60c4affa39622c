import type { ReactNode } from "react";

// The admin pages are rendered per request (they read the session and the current data); each
// page asks for its own permission (requireAdminPage), since a layout guards neither pages
// reached by client navigation nor server actions.
export const dynamic = "force-dynamic";

export default function AdminLayout({ children }: { children: ReactNode }) {
  return children;
}
