// The drafting module's entry point for client components of other modules: only what runs in the
// browser. A client component that imported index.ts would pull the module's server code (the
// save's raw SQL, Prisma's runtime) into the browser bundle, which Next.js cannot build.
export { RichTextEditor } from "./components/rich-text-editor";
