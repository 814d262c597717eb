// The example's backend in one process: the database, the change feed that
// publishes its changes to PubNub, and the REST API. It alone holds the
// PubNub publish and secret keys.
import { publishLiveEvent } from "@refinedev/pubnub/server";
import PubNub from "pubnub";
import { startApi } from "./api.mjs";
import { startChangeFeed } from "./changeFeed.mjs";
import { openDatabase } from "./database.mjs";
import { liveTokenIssuer } from "./liveTokens.mjs";

/**
 * Starts the backend. `pubnub`: `{ publishKey, subscribeKey, secretKey }`
 * and, for the emulator, its `origin` (host:port). `database`: options of
 * `openDatabase` (`url`, `dataDir`, `reset`). `log(line)` gets the API's
 * log lines.
 */
export async function startBackend({
  pubnub: { origin, ...keys },
  database: databaseOptions = {},
  port = 4000,
  tokenTtl = 60,
  log = (line) => console.log(`[api] ${line}`),
}) {
  const database = await openDatabase(databaseOptions);
  const client = new PubNub({
    ...keys,
    userId: "posts-api",
    ...(origin ? { origin, ssl: false } : {}),
  });
  try {
    const feed = await startChangeFeed({
      database,
      publish: (event, sender) => publishLiveEvent(client, event, { sender }),
      log,
    });
    const api = await startApi({
      database,
      issueToken: liveTokenIssuer(client, { ttl: tokenTtl }),
      port,
      log,
    }).catch(async (error) => {
      await feed.close();
      throw error;
    });
    return {
      url: api.url,
      database,
      async close() {
        await api.close();
        await feed.close();
        client.destroy();
        await database.close();
      },
    };
  } catch (error) {
    client.destroy();
    await database.close();
    throw error;
  }
}
