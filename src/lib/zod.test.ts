import { describe } from "vitest";
import { itMaps } from "@/lib/testing/table";
import { requiredText } from "./zod";

/** The value, or the first message zod gives. */
const answer = (schema: ReturnType<typeof requiredText>) => (input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? r.data : r.error.issues[0]!.message;
};

describe("requiredText", () => {
  itMaps(
    "with a blank message: %j → %s",
    answer(
      requiredText(6, { missing: "Skriv rubriken.", blank: "Skriv rubriken, t.ex. Budget.", tooLong: "För lång." }),
    ),
    [
      ["  Budget ", "Budget"],
      [undefined, "Skriv rubriken."],
      [42, "Skriv rubriken."],
      ["", "Skriv rubriken, t.ex. Budget."],
      ["   ", "Skriv rubriken, t.ex. Budget."],
      ["1234567", "För lång."],
      [" 123456 ", "123456"],
    ],
  );
  itMaps("without one: %j → %s", answer(requiredText(200, { missing: "Ange namnet.", tooLong: "För långt." })), [
    ["", "Ange namnet."],
    [null, "Ange namnet."],
  ]);
});
