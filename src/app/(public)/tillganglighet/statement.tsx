/**
 * The tillgänglighetsredogörelse (lag 2018:1937 om tillgänglighet till digital offentlig service,
 * DOS-lagen) with every part Digg prescribes ("Skapa en tillgänglighetsredogörelse", digg.se):
 * the public body's name, the service's name, the compliance (helt, delvis or inte förenlig), the
 * content that is not accessible and why, the date of the assessment and of the last update, the
 * evaluation method, how to report a shortcoming, the link to Digg's complaint form, content
 * exempted as an unreasonable burden (12 §) and content outside the law (9 §), and the
 * enforcement procedure.
 *
 * What only the organisation can state comes from its settings (environment, read at request
 * time): ACCESSIBILITY_CONTACT_EMAIL, ACCESSIBILITY_CONTACT_PHONE, ACCESSIBILITY_ASSESSED_ON and
 * ACCESSIBILITY_UPDATED_ON (YYYY-MM-DD), ACCESSIBILITY_COMPLIANCE (helt, delvis, inte; default
 * delvis). Unset, the page says plainly that the organisation has not filled it in.
 */
import { formatLongDate } from "@/domain/protocol/protocol.format";

export const DIGG_COMPLAINT_URL = "https://www.digg.se/tdosanmalan";
export const SERVICE_NAME = "Paragraf – anslagstavla och protokoll";

export type Compliance = "helt" | "delvis" | "inte";

export interface StatementSettings {
  /** The organisations (public bodies) that publish on the site. */
  organisations: string[];
  compliance: Compliance;
  contactEmail: string | null;
  contactPhone: string | null;
  /** YYYY-MM-DD */
  assessedOn: string | null;
  updatedOn: string | null;
}

type Env = Readonly<Record<string, string | undefined>>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

function setting(env: Env, name: string, valid: RegExp): string | null {
  const value = env[name]?.trim();
  return value && valid.test(value) ? value : null;
}

/** The organisation's settings for the statement, from the environment; invalid values count as unset. */
export function statementSettings(env: Env, organisations: string[]): StatementSettings {
  const compliance = env.ACCESSIBILITY_COMPLIANCE?.trim();
  return {
    organisations,
    compliance: compliance === "helt" || compliance === "inte" ? compliance : "delvis",
    contactEmail: setting(env, "ACCESSIBILITY_CONTACT_EMAIL", EMAIL),
    contactPhone: setting(env, "ACCESSIBILITY_CONTACT_PHONE", /^[+\d][\d\s-]{4,20}$/),
    assessedOn: setting(env, "ACCESSIBILITY_ASSESSED_ON", ISO_DATE),
    updatedOn: setting(env, "ACCESSIBILITY_UPDATED_ON", ISO_DATE),
  };
}

const COMPLIANCE_TEXT: Record<Compliance, string> = {
  helt: "helt förenlig",
  delvis: "delvis förenlig",
  inte: "inte förenlig",
};

const NOT_FILLED = "Ej ifyllt av organisationen.";

function listOf(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} och ${names[names.length - 1]}`;
}

const h2 = "mt-6 text-xl font-semibold";
const link = "text-[var(--color-brand)] underline underline-offset-2";

export function AccessibilityStatement({ settings }: { settings: StatementSettings }) {
  const { organisations, compliance, contactEmail, contactPhone, assessedOn, updatedOn } = settings;
  const actor = organisations.length > 0 ? listOf(organisations) : NOT_FILLED;
  return (
    <article className="max-w-prose">
      <h1 className="text-3xl font-semibold">Tillgänglighetsredogörelse</h1>
      <p className="mt-3">
        Webbplatsen <span data-field="service">{SERVICE_NAME}</span> publiceras av{" "}
        <span data-field="actor">{actor}</span>. Den omfattas av lagen (2018:1937) om tillgänglighet till digital
        offentlig service. Vi vill att så många som möjligt ska kunna läsa anslagstavlan, kallelserna och protokollen.
        Den här redogörelsen beskriver hur webbplatsen och dess PDF-dokument uppfyller lagens krav, kända brister och
        hur du kan meddela oss problem.
      </p>

      <h2 className={h2}>Hur tillgänglig är webbplatsen?</h2>
      <p className="mt-2" data-field="compliance">
        Webbplatsen är <strong>{COMPLIANCE_TEXT[compliance]}</strong> med lagen om tillgänglighet till digital offentlig
        service
        {compliance === "helt" ? "." : ", på grund av de brister som beskrivs nedan."}
      </p>

      <h2 className={h2}>Innehåll som inte är tillgängligt</h2>
      <p className="mt-2">Det här vet vi inte är helt tillgängligt, och varför:</p>
      <ul className="mt-2 list-disc space-y-2 pl-6" data-field="shortcomings">
        <li>
          <strong>PDF-filerna är inte granskade med ett oberoende valideringsverktyg.</strong> Protokoll, utdrag, anslag
          och kallelser skapas som taggade PDF-filer enligt PDF/UA-1 och PDF/A-2a: rubriker, stycken, listor och
          tabeller med rubrikceller är märkta, läsordningen följer protokollet, språket är svenska och sidhuvud, sidfot
          och utkastmärkning är markerade som utsmyckning. Det kontrolleras med automatiska tester som läser filernas
          strukturträd (poppler) och kontrollerar att all text ligger i strukturen, men ingen PDF/UA-validator (till
          exempel veraPDF eller PAC) och ingen test med skärmläsare har körts. Därför kan det finnas brister vi inte
          känner till.
        </li>
        <li>
          <strong>Den digitala förseglingen i justerade protokoll</strong> är ett osynligt signaturfält som inte ingår i
          dokumentets struktur. Det påverkar inte läsningen av innehållet, men en validator kan anmärka på det.
        </li>
        <li>
          <strong>Bilagor och handlingar som förvaltningen laddar upp</strong> (till exempel kallelsens handlingar) kan
          sakna taggning eller textalternativ. De skapas i andra program och vi kan inte rätta dem i efterhand. Be om en
          tillgänglig version enligt nedan.
        </li>
        <li>
          <strong>Inskannade äldre protokoll</strong> är bilder av papperssidor utan sökbar eller uppläsbar text. Be om
          en tillgänglig version enligt nedan.
        </li>
      </ul>

      <h2 className={h2}>Oskäligt betungande anpassning</h2>
      <p className="mt-2" data-field="burden">
        Vi åberopar inte undantaget för oskäligt betungande anpassning (12 § lagen om tillgänglighet till digital
        offentlig service) för något innehåll.
      </p>

      <h2 className={h2}>Innehåll som inte omfattas av lagkraven</h2>
      <p className="mt-2" data-field="out-of-scope">
        Dokument som publicerades före den 23 september 2018 omfattas inte av kraven (9 § lagen om tillgänglighet till
        digital offentlig service), om de inte behövs för att använda en aktiv tjänst. Det gäller en del av de
        inskannade äldre protokollen.
      </p>

      <h2 className={h2}>Hur vi har testat webbplatsen</h2>
      <p className="mt-2" data-field="method">
        Självskattning: vi har granskat webbplatsen själva mot EN 301 549 och WCAG 2.1 nivå AA. Varje sida kontrolleras
        automatiskt med axe i en riktig webbläsare innan en ny version publiceras, och PDF-filernas struktur
        kontrolleras med automatiska tester (se ovan). Sidorna fungerar utan JavaScript, med tangentbord och
        skärmläsare, och kan förstoras till 200 procent.
      </p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">Senaste bedömning</dt>
        <dd data-field="assessed-on">{assessedOn ? formatLongDate(assessedOn) : NOT_FILLED}</dd>
        <dt className="font-semibold">Senast uppdaterad</dt>
        <dd data-field="updated-on">{updatedOn ? formatLongDate(updatedOn) : NOT_FILLED}</dd>
      </dl>

      <h2 className={h2}>Meddela brister och be om tillgängligt innehåll</h2>
      <div className="mt-2 space-y-2" data-field="contact">
        <p>
          Om du upptäcker problem som inte beskrivs här, eller om du behöver innehåll i ett annat format (till exempel
          ett protokoll som text, uppläst eller i storstil), hör av dig till oss.
        </p>
        {contactEmail || contactPhone ? (
          <ul className="list-disc pl-6">
            {contactEmail ? (
              <li>
                E-post:{" "}
                <a className={link} href={`mailto:${contactEmail}`}>
                  {contactEmail}
                </a>
              </li>
            ) : null}
            {contactPhone ? <li>Telefon: {contactPhone}</li> : null}
          </ul>
        ) : (
          <p>
            Kontaktuppgifter: {NOT_FILLED} Kontakta under tiden den organisation som publicerat protokollet eller
            kallelsen.
          </p>
        )}
      </div>

      <h2 className={h2}>Tillsyn</h2>
      <div className="mt-2 space-y-2" data-field="enforcement">
        <p>
          Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital
          offentlig service. Påtala i första hand bristen för oss. Om du inte är nöjd med hur vi hanterar dina
          synpunkter kan du{" "}
          <a className={link} href={DIGG_COMPLAINT_URL}>
            anmäla bristande tillgänglighet till Digg
          </a>{" "}
          ({DIGG_COMPLAINT_URL}).
        </p>
      </div>
    </article>
  );
}
