// Generators and checks shared by the fuzz tests (tests/fuzz, tests/fuzz-*.int.test.ts,
// e2e/zz-crawl.spec.ts). Inputs mix valid shapes with what an attacker or a broken client sends:
// very long and empty strings, control characters (NUL included), HTML and script, SQL, invalid
// dates and § ranges, wrong types, missing and extra keys. Pure: fast-check only.
import fc from "fast-check";

// ---------------------------------------------------------------------------------------------
// Hostile values
// ---------------------------------------------------------------------------------------------

export const SCRIPT_STRINGS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "<svg/onload=alert(1)>",
  "javascript:alert(1)",
  '<a href="javascript:alert(1)">x</a>',
  "</textarea><script>alert(document.cookie)</script>",
  "<iframe srcdoc='<script>alert(1)</script>'>",
  "{{constructor.constructor('alert(1)')()}}",
  "${7*7}",
] as const;

export const SQL_STRINGS = [
  '\'; DROP TABLE "Meeting"; --',
  "' OR '1'='1",
  "1 OR 1=1",
  "1; SELECT pg_sleep(10)",
  "\\'; --",
  "%' OR slug LIKE '%",
  '\') UNION SELECT email FROM "User" --',
] as const;

export const CONTROL_STRINGS = [
  "\u0000",
  "a\u0000b",
  "\u0000\u0000\u0000",
  "\u0001\u0002\u0003\u001b[31m",
  "\b\f\v\r\n\t",
  "\u007f",
  "\u200b",
  "\u202eevil",
  "\ufeff",
  "\ud800",
  "rad\r\nrad",
] as const;

export const DATE_STRINGS = [
  "2021-02-30",
  "2021-02-29",
  "2020-02-29",
  "2021-13-01",
  "2021-00-10",
  "2021-11-31",
  "0000-00-00",
  "0000-01-01",
  "0099-12-31",
  "9999-12-31",
  "2021-1-1",
  "20211118",
  "18/11/2021",
  "2021-11-18T10:00",
  "2021-11-18T10:00:00Z",
  " 2021-11-18 ",
  "2021-11-18\u0000",
  "２０２１-11-18",
  "-2021-11-18",
  "+02021-11-18",
] as const;

export const RANGE_STRINGS = [
  "62-59",
  "abc",
  "1-",
  "-1",
  "0",
  "0-3",
  "§§ 59-62",
  "§ 59",
  "Paragrafer 59-67",
  "59–62 och 64",
  "59-62, 64",
  "59-62;;64",
  "1,,2",
  ",",
  "99999-100000",
  "100000",
  "1e5",
  "59 - 62 , 64 och 66",
  "٥٩-٦٢",
  "59-62\u0000",
] as const;

export const TIME_STRINGS = [
  "",
  "10:00",
  "9.30",
  "1000",
  "23:59",
  "00:00",
  "24:00",
  "25:00",
  "10:60",
  "7:5",
  "10:00:00",
  " 08:15 ",
  "noon",
  "-1:00",
] as const;

export const UNICODE_STRINGS = [
  "Åsa Öberg",
  "Ärende – överlämnas",
  "😀",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "e\u0301",
  "ﷺ",
  "Ꙭ",
  "中文",
  "עברית",
  "\u{10ffff}",
] as const;

export const NUMBER_STRINGS = [
  "1",
  "-1",
  "1.5",
  "NaN",
  "Infinity",
  "0x10",
  "1e3",
  "00001",
  "2147483648",
  "9007199254740993",
] as const;

export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "   \t  ",
  "null",
  "undefined",
  "[object Object]",
  "__proto__",
  "../../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "%00",
  "%",
  "%E0%A4%A",
  ...SCRIPT_STRINGS,
  ...SQL_STRINGS,
  ...CONTROL_STRINGS,
  ...DATE_STRINGS,
  ...RANGE_STRINGS,
  ...TIME_STRINGS,
  ...UNICODE_STRINGS,
  ...NUMBER_STRINGS,
];

/** Strings around and far past the limits the schemas set (64, 200, 300, 1 024, 2 000, 20 000). */
export const longString: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(
      63,
      64,
      65,
      199,
      200,
      201,
      254,
      255,
      300,
      301,
      1_024,
      1_025,
      2_001,
      5_001,
      10_001,
      20_000,
      20_001,
      100_000,
    ),
    fc.constantFrom("a", "å", " ", "<", "\u0000", "ab ", "😀"),
    fc.boolean(),
  )
  .map(([n, unit, padded]) => {
    const s = unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
    return padded ? `  ${s}  ` : s;
  });

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: longString },
  { weight: 2, arbitrary: fc.string({ unit: "binary-ascii", maxLength: 16 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...HOSTILE_STRINGS), fc.constantFrom(...HOSTILE_STRINGS))
      .map(([a, b]) => a + b),
  },
);

class Weird {
  toString() {
    return "weird";
  }
}

/** What arrives where a string, number or boolean belongs. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom<unknown>(
      null,
      undefined,
      true,
      false,
      0,
      -0,
      -1,
      1,
      1.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      2 ** 31,
      2 ** 53,
      Number.MAX_VALUE,
      1n,
      [],
      {},
      [""],
      [null],
      new Date("2021-11-18"),
      new Date("invalid"),
      new Weird(),
    ),
  },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer()), { maxLength: 3 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(
      fc.constantFrom("a", "type", "id", "__proto__", "toString"),
      fc.oneof(fc.string({ maxLength: 4 }), fc.integer()),
      { maxKeys: 2 },
    ),
  },
);

/** A field value: mostly `valid`, sometimes a hostile string, sometimes the wrong type. */
export function field<T>(
  valid: fc.Arbitrary<T>,
  weights: { valid?: number; hostile?: number; wrong?: number } = {},
): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: weights.valid ?? 30, arbitrary: valid as fc.Arbitrary<unknown> },
    { weight: weights.hostile ?? 2, arbitrary: hostileString as fc.Arbitrary<unknown> },
    { weight: weights.wrong ?? 1, arbitrary: wrongType },
  );
}

const EXTRA_KEYS = [
  "isAdmin",
  "status",
  "id",
  "role",
  "__proto__",
  "constructor",
  "<script>",
  "'; DROP TABLE x; --",
  "version",
  "",
];

const extraKeys: fc.Arbitrary<Record<string, unknown>> = fc
  .array(fc.tuple(fc.constantFrom(...EXTRA_KEYS), fc.oneof(hostileString, wrongType)), { minLength: 1, maxLength: 3 })
  // JSON.parse makes "__proto__" an own key, as a JSON request body would.
  .map((pairs) => {
    const out: Record<string, unknown> = JSON.parse("{}") as Record<string, unknown>;
    for (const [k, v] of pairs)
      Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    return out;
  });

/**
 * An object of the given fields; now and then (1 in `intact + 1`) keys are missing, and as often
 * extra keys are added.
 */
export function objectOf(
  shape: Record<string, fc.Arbitrary<unknown>>,
  intact = 10,
): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(shape);
  return fc
    .tuple(
      fc.record(shape),
      fc.oneof(
        { weight: intact, arbitrary: fc.constant<string[]>([]) },
        { weight: 1, arbitrary: fc.subarray(keys, { minLength: 1 }) },
      ),
      fc.oneof(
        { weight: intact, arbitrary: fc.constant<Record<string, unknown>>({}) },
        { weight: 1, arbitrary: extraKeys },
      ),
    )
    .map(([record, drop, extra]) => {
      const out: Record<string, unknown> = { ...extra, ...record };
      for (const k of drop) delete out[k];
      return out;
    });
}

/** A list of `item`, or now and then (1 in `intact + 1`) something that is not a list at all. */
export function listOf(
  item: fc.Arbitrary<unknown>,
  maxLength: number,
  oversize?: number,
  intact = 12,
): fc.Arbitrary<unknown> {
  const arbs: fc.WeightedArbitrary<unknown>[] = [
    { weight: intact, arbitrary: fc.array(item, { maxLength }) },
    { weight: 1, arbitrary: wrongType },
  ];
  // A list just past the schema's limit, built cheaply from one item.
  if (oversize !== undefined)
    arbs.push({ weight: 1, arbitrary: item.map((x) => Array.from({ length: oversize }, () => x)) });
  return fc.oneof(...arbs);
}

/** The whole input: mostly the object, sometimes no object at all. */
export function input(object: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 20, arbitrary: object },
    { weight: 1, arbitrary: wrongType },
    { weight: 1, arbitrary: hostileString },
  );
}

// ---------------------------------------------------------------------------------------------
// Plausible values for the domain's fields
// ---------------------------------------------------------------------------------------------

const ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".split("");
export const randomId: fc.Arbitrary<string> = fc.string({
  unit: fc.constantFrom(...ID_CHARS),
  minLength: 1,
  maxLength: 30,
});

/** Real ids (in a database) mixed with look-alikes and garbage. */
export function idFrom(real: readonly string[]): fc.Arbitrary<string> {
  if (real.length === 0) return randomId;
  return fc.oneof(
    { weight: 16, arbitrary: fc.constantFrom(...real) },
    { weight: 1, arbitrary: randomId },
    { weight: 1, arbitrary: hostileString },
  );
}

export const isoDate: fc.Arbitrary<string> = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
export const dateLike: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: isoDate },
  { weight: 1, arbitrary: fc.constantFrom(...DATE_STRINGS) },
);

export const timeLike: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constant("") },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`),
  },
  { weight: 1, arbitrary: fc.constantFrom(...TIME_STRINGS) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.constantFrom(":", ".", ""))
      .map(([h, m, sep]) => `${h}${sep}${String(m).padStart(2, "0")}`),
  },
);

export const rangesLike: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constant("") },
  { weight: 3, arbitrary: fc.constantFrom(...RANGE_STRINGS) },
  {
    weight: 4,
    arbitrary: fc
      .array(
        fc.tuple(fc.integer({ min: 0, max: 120 }), fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined })),
        { minLength: 1, maxLength: 4 },
      )
      .map((items) => items.map(([a, b]) => (b === undefined ? `${a}` : `${a}-${b}`)).join(", ")),
  },
);

export const SWEDISH_TEXT = [
  "Rum Kinda",
  "Zoom",
  "Kommunhuset, Vimmerby",
  "Åtvidabergs kommun",
  "Budget 2022",
  "Direktionen beslutar att godkänna budgeten.",
  "att notera informationen till protokollet,",
  "Ekonomichef",
  "  med mellanslag runt om  ",
] as const;

export const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SWEDISH_TEXT) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom(...SCRIPT_STRINGS, ...SQL_STRINGS) },
);

export const emailLike: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.string({
          unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789.".split("")),
          minLength: 1,
          maxLength: 12,
        }),
        fc.constantFrom("kommun.se", "itsam.example", "Region.SE"),
      )
      .map(([local, domain]) => `${local.replace(/^\.+|\.+$/g, "") || "x"}@${domain}`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "anna@kommun.se",
      "Anna@Kommun.SE",
      " ny.person@itsam.example ",
      "a@b",
      "@kommun.se",
      "anna@",
      "a b@c.se",
      "anna@kommun.se<script>",
      "sekreterare@itsam.example",
    ),
  },
  { weight: 1, arbitrary: fc.emailAddress() },
);

export const passwordLike: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "",
    "kort",
    "elva tecken",
    "tolv tecken!",
    "ett par ord med mellanslag",
    "paragraf-demo",
    "test-password",
  ),
  fc.string({ minLength: 0, maxLength: 40 }),
);

/** A positive version number, and values a version must not be. */
export const versionLike: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 1, max: 50 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(0, -1, 1.5, 2 ** 31, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, "1", null),
  },
);

// ---------------------------------------------------------------------------------------------
// Rich text: documents in and around the stored subset, with script-like text and attributes
// ---------------------------------------------------------------------------------------------

const richString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SCRIPT_STRINGS, "Hej", "Status rekryteringar", "a & b < c > d \" ' `") },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: hostileString },
);

const evilAttrs: fc.Arbitrary<Record<string, unknown>> = fc.constantFrom<Record<string, unknown>>(
  { onclick: "alert(1)" },
  { href: "javascript:alert(1)" },
  { style: "background:url(javascript:alert(1))" },
  { dangerouslySetInnerHTML: { __html: "<script>alert(1)</script>" } },
  { class: '"><script>alert(1)</script>' },
  { textAlign: 'left" onmouseover="alert(1)' },
  { textAlign: "center" },
  { level: 1 },
  { level: 3 },
  { colspan: 2, onerror: "alert(1)" },
  { colspan: '2" onload="alert(1)' },
);

const mark: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<unknown>({ type: "bold" }, { type: "italic" }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      { type: "link", attrs: { href: "javascript:alert(1)" } },
      { type: "bold", attrs: { onclick: "alert(1)" } },
      { type: "code" },
      { type: "<script>" },
      "bold",
    ),
  },
);

const inline: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record(
      {
        type: fc.constant("text"),
        text: richString,
        marks: fc.option(fc.array(mark, { maxLength: 3 }), { nil: undefined }),
      },
      { requiredKeys: ["type", "text"] },
    ),
  },
  { weight: 1, arbitrary: fc.constant({ type: "hardBreak" }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      { type: "text", text: "<script>alert(1)</script>", attrs: { onclick: "alert(1)" } },
      { type: "image", attrs: { src: "javascript:alert(1)" } },
      { type: "html", content: "<script>alert(1)</script>" },
      { type: "text", text: "" },
      { type: "text", text: 1 },
      { type: "text" },
      "<script>alert(1)</script>",
      null,
    ),
  },
);

const paragraphNode: fc.Arbitrary<unknown> = fc.record(
  {
    type: fc.constant("paragraph"),
    attrs: fc.oneof(
      { weight: 3, arbitrary: fc.record({ textAlign: fc.constantFrom("left", "center", "right") }) },
      { weight: 1, arbitrary: evilAttrs },
    ),
    content: fc.array(inline, { maxLength: 4 }),
  },
  { requiredKeys: ["type"] },
);

/** Documents of the stored subset only (with script-like text), so that most of them parse. */
export const richDocValid: fc.Arbitrary<unknown> = (() => {
  const textNode = fc.record(
    {
      type: fc.constant("text"),
      text: fc.constantFrom(...SCRIPT_STRINGS, "Hej", "Status", "å ä ö"),
      marks: fc.subarray([{ type: "bold" }, { type: "italic" }]),
    },
    { requiredKeys: ["type", "text"] },
  );
  const para = fc.record({
    type: fc.constant("paragraph"),
    content: fc.array(fc.oneof(textNode, fc.constant({ type: "hardBreak" })), { maxLength: 3 }),
  });
  const block = fc.oneof(
    { weight: 4, arbitrary: para },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant("heading"),
        attrs: fc.constantFrom({ level: 3 }, { level: 4 }),
        content: fc.array(textNode, { maxLength: 2 }),
      }),
    },
    { weight: 1, arbitrary: para.map((p) => ({ type: "bulletList", content: [{ type: "listItem", content: [p] }] })) },
  );
  return fc.record({ type: fc.constant("doc"), content: fc.array(block, { maxLength: 3 }) });
})();

export const richDocLike: fc.Arbitrary<unknown> = fc.letrec<{ block: unknown; list: unknown; doc: unknown }>((tie) => ({
  list: fc.record({
    type: fc.constant("bulletList"),
    content: fc.array(
      fc.record({
        type: fc.constant("listItem"),
        content: fc.array(fc.oneof({ depthSize: "small", withCrossShrink: true }, paragraphNode, tie("list")), {
          minLength: 1,
          maxLength: 2,
        }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  }),
  block: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 5, arbitrary: paragraphNode },
    {
      weight: 2,
      arbitrary: fc.record(
        {
          type: fc.constant("heading"),
          attrs: fc.oneof(fc.constantFrom({ level: 3 }, { level: 4 }), evilAttrs),
          content: fc.array(inline, { maxLength: 3 }),
        },
        { requiredKeys: ["type", "attrs"] },
      ),
    },
    { weight: 1, arbitrary: tie("list") },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant("table"),
        content: fc.array(
          fc.record({
            type: fc.constant("tableRow"),
            content: fc.array(
              fc.record(
                {
                  type: fc.constantFrom("tableCell", "tableHeader"),
                  attrs: fc.oneof(
                    fc.record(
                      { colspan: fc.integer({ min: 0, max: 25 }), rowspan: fc.integer({ min: 1, max: 3 }) },
                      { requiredKeys: [] },
                    ),
                    evilAttrs,
                  ),
                  content: fc.array(paragraphNode, { minLength: 1, maxLength: 2 }),
                },
                { requiredKeys: ["type", "content"] },
              ),
              { minLength: 1, maxLength: 3 },
            ),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(
        { type: "html", html: "<script>alert(1)</script>" },
        { type: "codeBlock", content: [{ type: "text", text: "<script>alert(1)</script>" }] },
        { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "x" }] },
        { type: "bulletList", content: [] },
        { type: "paragraph", content: "<script>alert(1)</script>" },
        "<p onclick=alert(1)>",
      ),
    },
  ),
  doc: fc.oneof(
    {
      weight: 12,
      arbitrary: fc.record({ type: fc.constant("doc"), content: fc.array(tie("block"), { maxLength: 4 }) }),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(
        { type: "doc" },
        { type: "doc", content: "<script>alert(1)</script>" },
        { type: "doc", content: [], attrs: { onload: "alert(1)" } },
        { type: "html", content: [] },
        "<script>alert(1)</script>",
        null,
        [],
      ),
    },
  ),
})).doc;

// ---------------------------------------------------------------------------------------------
// Inputs shaped like each action's schema. `ids` decides which ids appear: random ones for the
// pure schema tests, real ones (mixed with garbage) for the integration tests.
// ---------------------------------------------------------------------------------------------

export interface IdArbitraries {
  body: fc.Arbitrary<string>;
  meeting: fc.Arbitrary<string>;
  paragraph: fc.Arbitrary<string>;
  person: fc.Arbitrary<string>;
  user: fc.Arbitrary<string>;
  organisation: fc.Arbitrary<string>;
  membership: fc.Arbitrary<string>;
  attachment: fc.Arbitrary<string>;
  /** The paragraph's or meeting's current version, or a placeholder the caller fills in. */
  version: fc.Arbitrary<unknown>;
}

export const randomIds: IdArbitraries = {
  body: randomId,
  meeting: randomId,
  paragraph: randomId,
  person: randomId,
  user: randomId,
  organisation: randomId,
  membership: randomId,
  attachment: randomId,
  version: versionLike,
};

const ATTENDANCE_ROLES = ["CHAIR", "VICE_CHAIR", "MEMBER", "SERVING_SUBSTITUTE", "SUBSTITUTE", "OTHER"] as const;
const near = <T extends string>(values: readonly T[]) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...values) },
    { weight: 1, arbitrary: fc.constantFrom(...values.map((v) => v.toLowerCase()), "", "ADMIN") },
  );

/** `password`: what sign and rättelse inputs carry (the integration tests mix in the real one). */
export function inputArbitraries(
  ids: IdArbitraries,
  options: { password?: fc.Arbitrary<string>; noticeDate?: fc.Arbitrary<string> } = {},
) {
  const password = options.password ?? passwordLike;
  /** Dates near the justering, where a notice change can succeed. */
  const noticeDate = fc.oneof(
    { weight: 2, arbitrary: dateLike },
    { weight: 1, arbitrary: fc.constant("") },
    { weight: 2, arbitrary: options.noticeDate ?? dateLike },
  );
  const nullableId = (a: fc.Arbitrary<string>) =>
    fc.oneof({ weight: 3, arbitrary: a }, { weight: 1, arbitrary: fc.constant(null) });
  const createMeeting = objectOf({
    bodyId: field(ids.body),
    date: field(dateLike),
    startTime: field(timeLike),
    endTime: field(timeLike),
    place: field(text),
    attendanceFrom: field(fc.constantFrom("members", "previous", "none", "alla", "")),
  });
  const saveMeetingHeader = objectOf({
    meetingId: field(ids.meeting),
    version: field(ids.version),
    date: field(dateLike),
    startTime: field(timeLike),
    endTime: field(timeLike),
    place: field(text),
    adjustmentPlace: field(fc.oneof(text, fc.constant(""))),
    adjustmentDate: field(fc.oneof(dateLike, fc.constant(""))),
    secretaryPersonId: field(nullableId(ids.person)),
    adjusterPersonIds: listOf(field(ids.person), 3, 6),
  });
  const attendanceRow = objectOf({
    personId: field(nullableId(ids.person)),
    name: field(fc.oneof(fc.constant(""), text)),
    role: field(near(ATTENDANCE_ROLES)),
    represents: field(fc.oneof(fc.constant(""), text)),
    title: field(fc.oneof(fc.constant(""), text)),
    ranges: field(rangesLike),
    replacesPersonId: field(nullableId(ids.person)),
  });
  const saveAttendance = objectOf({
    meetingId: field(ids.meeting),
    version: field(ids.version),
    rows: listOf(attendanceRow, 4, 201),
  });
  const addAttendancePerson = objectOf({
    meetingId: field(ids.meeting),
    name: field(fc.oneof(fc.constant(""), fc.constant("   "), text)),
  });

  // A § has some forty fields: each is spoiled rarely, so that a good share of inputs parse.
  const f = (a: fc.Arbitrary<unknown>) => field(a, { valid: 150 });
  const obj = (shape: Record<string, fc.Arbitrary<unknown>>) => objectOf(shape, 150);
  const list = (item: fc.Arbitrary<unknown>, maxLength: number, oversize?: number) =>
    listOf(item, maxLength, oversize, 150);
  const nonBlank = fc.oneof(fc.constantFrom(...SWEDISH_TEXT, ...SCRIPT_STRINGS, ...SQL_STRINGS), text);
  const personRef = f(ids.person);
  const lines = (max: number) => list(f(fc.oneof(text, fc.constant(""), fc.constant("   "))), 3, max + 1);
  const paragraphContent = obj({
    caseNumber: f(fc.oneof(fc.constant(null), fc.constant(""), fc.constantFrom("ITSAM 2021/45", "Dnr 12-2021"), text)),
    title: f(nonBlank),
    decision: obj({ intro: f(text), clauses: lines(50) }),
    sections: list(
      obj({
        kind: f(near(["SUMMARY", "CASE", "CONSEQUENCES", "OTHER"])),
        heading: f(nonBlank),
        content: fc.oneof({ weight: 8, arbitrary: richDocValid }, { weight: 1, arbitrary: richDocLike }),
      }),
      2,
      31,
    ),
    basisDocuments: lines(100),
    dispatch: lines(100),
    motions: list(
      obj({
        personId: personRef,
        kind: f(near(["BIFALL", "AVSLAG", "ANDRING", "TILLAGG", "ATERREMISS", "BORDLAGGNING"])),
        text: f(nonBlank),
        amendsIndex: f(
          fc.oneof(
            { weight: 4, arbitrary: fc.constant(null) },
            { weight: 1, arbitrary: fc.integer({ min: -1, max: 3 }) },
          ),
        ),
        withdrawn: f(fc.boolean()),
      }),
      2,
      51,
    ),
    propositions: lines(20),
    votes: list(
      obj({
        question: f(nonBlank),
        result: f(text),
        outcome: f(near(["JA", "NEJ", "LOTTNING"])),
        ballots: list(obj({ personId: personRef, choice: f(near(["JA", "NEJ", "AVSTAR"])) }), 2),
      }),
      1,
      11,
    ),
    reservations: list(obj({ personId: personRef, reasons: f(fc.oneof(fc.constant(null), text)) }), 1),
    notes: list(obj({ personId: f(nullableId(ids.person)), text: f(nonBlank) }), 1),
    recusals: list(obj({ personId: personRef, reason: f(nonBlank) }), 2),
    isConfidential: f(fc.boolean()),
    isImmediatelyAdjusted: f(fc.boolean()),
  });
  const saveParagraph = objectOf({
    paragraphId: field(ids.paragraph),
    version: field(ids.version),
    content: field(paragraphContent, { valid: 20 }),
  });
  const paragraphRef = objectOf({ paragraphId: field(ids.paragraph) });
  const moveParagraph = objectOf({
    paragraphId: field(ids.paragraph),
    direction: field(fc.constantFrom("up", "down", "left", "UP")),
  });
  const addParagraph = objectOf({ meetingId: field(ids.meeting), title: field(text) });

  const sendForAdjustment = objectOf({ meetingId: field(ids.meeting) });
  const sign = objectOf({ meetingId: field(ids.meeting), password: field(password) });
  const returnProtocol = objectOf({ meetingId: field(ids.meeting), comment: field(text) });
  const correction = objectOf({
    meetingId: field(ids.meeting),
    paragraphNumber: field(
      fc.oneof(
        fc.constant(""),
        fc.integer({ min: -1, max: 100_000 }).map(String),
        fc.integer({ min: 55, max: 70 }),
        fc.constantFrom(...NUMBER_STRINGS, "abc", "§ 61"),
      ),
    ),
    text: field(text),
    password: field(password),
  });

  const noticeEdit = objectOf({
    meetingId: field(ids.meeting),
    postedOn: field(noticeDate),
    takeDownOn: field(noticeDate),
  });

  const newPassword = fc.oneof(passwordLike, fc.constant("ett långt lösenord"));
  const createUser = fc
    .tuple(
      objectOf({
        email: field(emailLike),
        name: field(text),
        personLink: field(fc.oneof(fc.constant(""), fc.constant("ny-person"), ids.person)),
        organisationId: field(fc.oneof(fc.constant(""), ids.organisation)),
        password: field(newPassword),
        passwordConfirm: field(newPassword),
        isAdmin: field(fc.boolean()),
      }),
      fc.boolean(),
    )
    // Half the time the confirmation matches, as it does when a person types it.
    .map(([o, same]) => (same && "password" in o ? { ...o, passwordConfirm: o.password } : o));
  const updateUser = objectOf({
    userId: field(ids.user),
    email: field(emailLike),
    name: field(text),
    isAdmin: field(fc.boolean()),
  });
  const setPassword = fc
    .tuple(
      objectOf({ userId: field(ids.user), password: field(newPassword), passwordConfirm: field(newPassword) }),
      fc.boolean(),
    )
    .map(([o, same]) => (same && "password" in o ? { ...o, passwordConfirm: o.password } : o));
  const bodyRole = objectOf({
    userId: field(ids.user),
    bodyId: field(ids.body),
    role: field(near(["SECRETARY", "MEMBER"])),
  });
  const addMembership = objectOf({
    bodyId: field(ids.body),
    personId: field(fc.oneof(ids.person, fc.constant("ny-person"))),
    newPersonName: field(fc.oneof(fc.constant(""), text)),
    role: field(near(["MEMBER", "SUBSTITUTE"])),
    position: field(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom("", "", "CHAIR", "VICE_CHAIR") },
        { weight: 1, arbitrary: fc.constantFrom("chair", "KING") },
      ),
    ),
    represents: field(text),
    termStart: field(dateLike),
    termEnd: field(dateLike),
    hasVotingRight: field(fc.boolean()),
  });
  const removeMembership = objectOf({ membershipId: field(ids.membership) });
  const deleteAttachment = objectOf({ attachmentId: field(ids.attachment) });

  return {
    createMeeting: input(createMeeting),
    saveMeetingHeader: input(saveMeetingHeader),
    saveAttendance: input(saveAttendance),
    addAttendancePerson: input(addAttendancePerson),
    saveParagraph: input(saveParagraph),
    paragraphRef: input(paragraphRef),
    moveParagraph: input(moveParagraph),
    addParagraph: input(addParagraph),
    sendForAdjustment: input(sendForAdjustment),
    sign: input(sign),
    returnProtocol: input(returnProtocol),
    correction: input(correction),
    noticeEdit: input(noticeEdit),
    createUser: input(createUser),
    updateUser: input(updateUser),
    setPassword: input(setPassword),
    bodyRole: input(bodyRole),
    addMembership: input(addMembership),
    removeMembership: input(removeMembership),
    deleteAttachment: input(deleteAttachment),
  };
}

// ---------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------

const SWEDISH_WORDS = new Set(
  "ange skriv välj högst minst får finns inte och som för att till med den det ett en ladda om saknas kan bara redan samma person paragraf paragrafen rubrik datum lösenord lösenordet namnet organ protokollet sammanträdet ogiltig ogiltigt ogiltiga sida tecken rader".split(
    " ",
  ),
);

// zod's English defaults ("Invalid input: expected string, received number", "Too big: …").
const ENGLISH_DEFAULT =
  /^(invalid|too (big|small)|unrecognized key|expected)\b|\b(expected|received|characters|must (match|be)|invalid input)\b/i;

export function isEnglishDefault(message: string): boolean {
  return ENGLISH_DEFAULT.test(message);
}

/** Non-empty, not a zod default, and with å/ä/ö or a common Swedish word. */
export function isSwedishMessage(message: unknown): boolean {
  if (typeof message !== "string" || message.trim() === "") return false;
  if (isEnglishDefault(message)) return false;
  if (/[åäöÅÄÖ]/.test(message)) return true;
  return message
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .some((w) => SWEDISH_WORDS.has(w));
}

/** "sections.3.content.content.0.type" → "sections.*.content.content.*.type" */
export function fieldPattern(path: readonly PropertyKey[] | string): string {
  const parts = typeof path === "string" ? path.split(".") : path.map(String);
  return parts.map((p) => (/^\d+$/.test(p) ? "*" : p)).join(".") || "_";
}

// A Node stack frame ("    at fn (/work/main/src/x.ts:10:5)"), an error name at the start of a
// line, or Next's dev overlay markers.
const STACK_TRACE = [
  /^\s*at .*(\(|\s)(\/|[A-Za-z]:\\|file:|node:|webpack)[^\s)]*:\d+/m,
  /^\s*(Error|TypeError|RangeError|SyntaxError|ReferenceError|PrismaClient\w*Error|AppError)(:|\s\[)/m,
  /PrismaClient(Known|Unknown)RequestError|Invalid `prisma\.|invalid byte sequence for encoding/,
  /node_modules\/|\.next\/server\//,
];

export function findStackTrace(body: string): string | null {
  for (const re of STACK_TRACE) {
    const m = re.exec(body);
    if (m) return m[0].slice(0, 200);
  }
  return null;
}

/** Lone surrogates replaced by U+FFFD, as a decoded URL segment has them (String#toWellFormed). */
export function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** True if a string anywhere in `value` holds a NUL character. */
export function containsNul(value: unknown, seen = new Set<unknown>()): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (value === null || typeof value !== "object" || seen.has(value)) return false;
  seen.add(value);
  return Object.values(value as Record<string, unknown>).some((v) => containsNul(v, seen));
}
