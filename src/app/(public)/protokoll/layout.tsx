import { PublicChrome } from "../public-chrome";

// An installation-wide public address (not one organisation's): the general banner.
export default function InstallationPublicLayout({ children }: { children: React.ReactNode }) {
  return <PublicChrome>{children}</PublicChrome>;
}
