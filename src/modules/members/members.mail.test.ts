import { describe, expect, it } from "vitest";
import { buildAbsenceMail } from "./members.mail";

const base = {
  baseUrl: "https://paragraf.example",
  to: ["sekreterare@kommun.example"],
  bodyName: "Direktionen",
  bodyGenitive: "Direktionens",
  meetingDate: "2021-11-18",
  meetingSlug: "direktionen-2021-11-18",
  person: { name: "Åsa Öberg", role: "MEMBER" as const, represents: "Vimmerby kommun" },
  note: null,
  suggestion: "Kalla in Per Ek (Vimmerby kommun, nr 1 i ersättarordningen) för Åsa Öberg.",
  withdrawn: false,
};

describe("buildAbsenceMail", () => {
  it("names the person and the ersättare to call, with a link to the secretary's page", () => {
    const mail = buildAbsenceMail({ ...base, note: "Kan komma från § 5" });
    expect(mail.subject).toBe("Förhinder: Åsa Öberg, Direktionen 18 november 2021");
    expect(mail.text).toBe(
      [
        "Åsa Öberg (ledamot, Vimmerby kommun) har anmält förhinder till Direktionens sammanträde 18 november 2021.",
        "",
        "Meddelande: Kan komma från § 5",
        "",
        "Kalla in Per Ek (Vimmerby kommun, nr 1 i ersättarordningen) för Åsa Öberg.",
        "",
        "Förhinder och ersättare: https://paragraf.example/moten/direktionen-2021-11-18/forhinder",
      ].join("\n"),
    );
  });

  it("says no ersättare is needed for an ersättare, and tells of a withdrawal", () => {
    const sub = buildAbsenceMail({ ...base, person: { ...base.person, role: "SUBSTITUTE" }, suggestion: null });
    expect(sub.text).toContain("(ersättare, Vimmerby kommun)");
    expect(sub.text).toContain("Ersättare behöver inte kallas in för en ersättare.");
    const back = buildAbsenceMail({ ...base, withdrawn: true });
    expect(back.subject).toBe("Förhinder återkallat: Åsa Öberg, Direktionen 18 november 2021");
    expect(back.text).toContain(
      "har återkallat sitt förhinder till Direktionens sammanträde 18 november 2021 och kan delta.",
    );
  });
});
