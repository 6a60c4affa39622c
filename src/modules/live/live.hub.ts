// One LISTEN connection per app instance on the channel 'paragraf_live' (the LiveEvent insert
// trigger's pg_notify, sent when the writing transaction commits, whichever instance wrote it).
// Open live streams subscribe per meeting; a notification only wakes them: they read the events
// from the table themselves, so a lost notification (the connection dropped) loses nothing: on
// reconnecting, every subscriber is woken to catch up, and each stream also looks every few
// seconds.
import pg from "pg";

type Wake = () => void;

export class LiveHub {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly listeners = new Map<string, Set<Wake>>();
  private closed = false;

  constructor(private readonly connectionString: string) {}

  /** Wake `wake` whenever an event of the meeting is committed; returns the unsubscribe. */
  async subscribe(meetingId: string, wake: Wake): Promise<() => void> {
    const set = this.listeners.get(meetingId) ?? new Set<Wake>();
    set.add(wake);
    this.listeners.set(meetingId, set);
    try {
      await this.connect();
    } catch (e) {
      // The stream still catches up by looking every few seconds; the next subscriber retries.
      console.error("paragraf_live: LISTEN failed", e);
    }
    return () => {
      set.delete(wake);
      if (set.size === 0) this.listeners.delete(meetingId);
    };
  }

  private wakeAll(): void {
    for (const set of this.listeners.values()) for (const wake of set) wake();
  }

  private connect(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.connectionString });
      client.on("notification", (msg) => {
        try {
          const { meetingId } = JSON.parse(msg.payload ?? "{}") as { meetingId?: string };
          if (meetingId) for (const wake of this.listeners.get(meetingId) ?? []) wake();
        } catch {
          this.wakeAll();
        }
      });
      client.on("error", () => this.drop(client));
      client.on("end", () => this.drop(client));
      try {
        await client.connect();
        await client.query("LISTEN paragraf_live");
        this.client = client;
        this.wakeAll(); // anything committed while nobody listened
      } catch (e) {
        await client.end().catch(() => undefined);
        throw e;
      }
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private drop(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
    if (this.closed || this.listeners.size === 0) return;
    setTimeout(() => void this.connect().catch(() => undefined), 1_000);
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}

const globalForHub = globalThis as unknown as { paragrafLiveHub?: LiveHub };

/** The app instance's hub, on the app's own database role. */
export function getLiveHub(): LiveHub {
  globalForHub.paragrafLiveHub ??= new LiveHub(process.env.DATABASE_URL ?? "");
  return globalForHub.paragrafLiveHub;
}
