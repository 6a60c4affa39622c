// The Swedish personal identity number (personnummer, SFS 1991:481 § 18; samordningsnummer with
// the day + 60) as the admin enters it: twelve digits, ÅÅÅÅMMDD-NNNN, with the Luhn check digit
// over the last ten. Pure; the number itself is never stored (identity.ts keeps an HMAC of it).

/** "19811218-9876", "198112189876" → "198112189876"; null when it is not a valid personnummer. */
export function normalisePersonnummer(raw: string): string | null {
  const compact = raw.trim().replace(/[\s-]/g, "");
  if (!/^\d{12}$/.test(compact)) return null;
  const year = Number(compact.slice(0, 4));
  const month = Number(compact.slice(4, 6));
  const dayField = Number(compact.slice(6, 8));
  const day = dayField > 60 ? dayField - 60 : dayField; // samordningsnummer
  if (year < 1850 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return luhnValid(compact.slice(2)) ? compact : null;
}

/** The Luhn (mod 10) check over the ten digits ÅÅMMDDNNNK. */
export function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < tenDigits.length; i++) {
    let d = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Why a personnummer was refused, in Swedish, for the admin form. */
export function personnummerProblem(raw: string): string | null {
  const compact = raw.trim().replace(/[\s-]/g, "");
  if (!/^\d+$/.test(compact)) return "Skriv personnumret med siffror: ÅÅÅÅMMDD-NNNN.";
  if (compact.length !== 12) return "Personnumret ska ha 12 siffror: ÅÅÅÅMMDD-NNNN (med århundradet).";
  if (normalisePersonnummer(compact) === null) {
    return luhnValid(compact.slice(2))
      ? "Personnumret har inget giltigt datum. Kontrollera år, månad och dag."
      : "Personnumret stämmer inte: kontrollsiffran (den sista) är fel. Kontrollera siffrorna.";
  }
  return null;
}
