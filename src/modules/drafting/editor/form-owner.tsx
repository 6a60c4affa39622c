"use client";

// Each autosaved part of the editor owns a form of its own, which its fields name with the form
// attribute. Chromium's autofill reads, on every keystroke in a text field, every field of that
// field's form; for a field outside any form, every field on the page outside a form. A long
// protocol's editor has hundreds of fields: a key in a § title cost about 25 ms (forced layouts in
// a task of the autofill agent; measured with bench/editor, issue 16), and about 10 once the
// title's form held only its own §'s fields. The form is empty and the fields point to it, rather
// than sitting inside it, because a part can hold a real form (a §'s upload of attachments) and
// forms cannot nest. Nothing is ever submitted through it: saving is the autosave's.
import { createContext, useContext, type ReactNode } from "react";

const FormOwner = createContext<string | undefined>(undefined);

/** The id of the form the part's fields belong to (their `form` attribute); none outside a part. */
export function useFormOwner(): string | undefined {
  return useContext(FormOwner);
}

/** The part's own empty form, `id`, and its fields (which name it through useFormOwner). */
export function OwnForm({ id, children }: { id: string; children: ReactNode }) {
  return (
    <>
      {/* Enter in a field would submit it (implicit submission): nothing to submit, nothing to validate.
          method="dialog" outside a dialog makes a submission do nothing even before hydration (no
          navigation to the page's own address, which would drop what was typed). */}
      <form id={id} hidden method="dialog" noValidate onSubmit={(e) => e.preventDefault()} />
      <FormOwner.Provider value={id}>{children}</FormOwner.Provider>
    </>
  );
}
