import { describe, expect, it } from "vitest";
import { appBaseUrl, checkAuthSecret, checkDatabaseRole, checkDatabaseUrl, ConfigError } from "./config";

describe("checkDatabaseUrl", () => {
  it.each([
    ["postgresql://paragraf:hemligt@localhost:5432/paragraf"],
    ["postgres://u@db.example.se/protokoll?sslmode=require"],
  ])("accepts %s", (url) => {
    expect(checkDatabaseUrl(url)).toBe(url);
  });

  it.each([
    [undefined, /DATABASE_URL saknas/],
    ["", /DATABASE_URL saknas/],
    ["inte en adress", /ingen giltig adress/],
    ["mysql://u@localhost/db", /måste börja med postgresql:\/\//],
    ["postgresql://localhost", /saknar databasnamn/],
    ["postgresql://localhost/", /saknar databasnamn/],
  ])("rejects %s with a Swedish sentence", (url, message) => {
    expect(() => checkDatabaseUrl(url)).toThrow(ConfigError);
    expect(() => checkDatabaseUrl(url)).toThrow(message);
  });
});

describe("checkAuthSecret", () => {
  it.each([
    [{ NODE_ENV: "development" }, null],
    [{ NODE_ENV: "test" }, null],
    [{ NODE_ENV: "production", AUTH_SECRET: "x".repeat(44) }, null],
    [{ NODE_ENV: "production" }, /AUTH_SECRET saknas/],
    [{ NODE_ENV: "production", AUTH_SECRET: "kort" }, /för kort/],
  ] as const)("%j", (env, message) => {
    const run = () => checkAuthSecret(env as unknown as NodeJS.ProcessEnv);
    if (message) expect(run).toThrow(message);
    else expect(run).not.toThrow();
  });
});

describe("checkDatabaseRole", () => {
  const app = { role: "paragraf_app", superuser: false, bypassRls: false, ownedTables: 0 };

  it("accepts a role without superuser that owns no table", () => {
    expect(() => checkDatabaseRole(app)).not.toThrow();
  });

  it.each([
    [
      { ...app, role: "postgres", superuser: true },
      /^Databasrollen i DATABASE_URL \(postgres\) är superuser .*DATABASE_OWNER_URL/,
    ],
    [{ ...app, bypassRls: true }, /är superuser/],
    [
      { ...app, role: "paragraf_owner", ownedTables: 24 },
      /^Databasrollen i DATABASE_URL \(paragraf_owner\) äger Paragrafs tabeller .*DATABASE_OWNER_URL/,
    ],
  ])("refuses %j with one sentence saying what to fix", (facts, message) => {
    expect(() => checkDatabaseRole(facts)).toThrow(ConfigError);
    expect(() => checkDatabaseRole(facts)).toThrow(message);
  });
});

describe("appBaseUrl", () => {
  it.each([
    [{ APP_URL: "https://protokoll.itsam.se/" }, "https://protokoll.itsam.se"],
    [{ APP_URL: "https://protokoll.itsam.se" }, "https://protokoll.itsam.se"],
    [{ AUTH_URL: "https://x.example//" }, "https://x.example"],
    [{ APP_URL: "https://a.example", AUTH_URL: "https://b.example" }, "https://a.example"],
    [{ PORT: "4000" }, "http://localhost:4000"],
    [{}, "http://localhost:3000"],
  ])("%j → %s (no trailing slash, so paths can follow)", (env, expected) => {
    expect(appBaseUrl(env as NodeJS.ProcessEnv)).toBe(expected);
  });
});
