import { describe, expect, it } from "vitest";
import { checkAuthSecret, checkDatabaseUrl, ConfigError } from "./config";

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
