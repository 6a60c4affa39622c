// An adapter factory for server mode WITHOUT a datasource url (e.g. `prisma migrate diff
// --from-empty --to-schema … --script` with no DATABASE_URL). The native engine needs no
// database for such commands, but the wasm SchemaEngine.new() always probes the server version
// through its adapter and fails without one. This adapter answers that single probe with a
// neutral PostgreSQL 16 and rejects everything else with a clear message, so schema-to-schema
// work still runs and anything that needs a real database fails loudly.
import { ColumnTypeEnum, DriverAdapterError, bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const NO_DATABASE =
  "This command needs a database, but no datasource url is configured (set DATABASE_URL, see prisma.config.ts).";

function fail() {
  throw new DriverAdapterError({ kind: "postgres", code: "N/A", severity: "ERROR", message: NO_DATABASE });
}

function offlineAdapter() {
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async queryRaw(query) {
      if (/^\s*SELECT EXISTS\(SELECT 1 FROM pg_namespace WHERE nspname = \$1\), version\(\)/i.test(query.sql)) {
        return {
          columnNames: ["exists", "version", "current_setting"],
          columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
          rows: [[true, "PostgreSQL 16.0 (no database configured)", 160000]],
        };
      }
      return fail();
    },
    executeRaw: fail,
    executeScript: fail,
    startTransaction: fail,
    getConnectionInfo: () => ({ schemaName: "public", supportsRelationJoins: true }),
    async dispose() {},
  };
}

export function offlineAdapterFactory() {
  return bindMigrationAwareSqlAdapterFactory({
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: async () => offlineAdapter(),
    connectToShadowDb: fail,
  });
}
