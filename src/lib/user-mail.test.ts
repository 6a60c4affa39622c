import { describe, expect, it } from "vitest";
import { userMail } from "./user-mail";

describe("userMail", () => {
  it.each(["https://paragraf.example", "https://paragraf.example/"])(
    "greets by name, keeps the body's lines and links the page once, whatever the base URL ends with (%s)",
    (baseUrl) => {
      const mail = userMail({
        to: "anna@kommun.example",
        userName: "Anna Berg",
        subject: "Ämne",
        body: ["Första raden.", "", "Andra stycket."],
        baseUrl,
        path: "/konto",
      });
      expect(mail).toEqual({
        to: "anna@kommun.example",
        subject: "Ämne",
        text: "Hej Anna Berg,\n\nFörsta raden.\n\nAndra stycket.\n\nhttps://paragraf.example/konto",
      });
    },
  );
});
