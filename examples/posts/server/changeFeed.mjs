// Every committed change, live: LISTENs to the notifications of
// schema.sql's triggers and publishes them as refine live events. The
// changes of one statement or transaction go out together, one event per
// table, operation and sender. If the LISTEN connection drops, it
// reconnects, and announces what changed meanwhile as a `*` event
// ("refetch"), found from the tables' versions. A publish that fails (PubNub
// out of reach) is retried for about half a minute.
import {
  fieldOfColumn,
  RESOURCES,
  resourceOfTable,
  toRecord,
} from "./records.mjs";

const TYPES = { INSERT: "created", UPDATE: "updated", DELETE: "deleted" };

/** Waits before each retry, in ms; the last one repeats. */
const RETRY_DELAYS = [250, 500, 1000, 2000, 5000];
const retryDelay = (attempt) =>
  RETRY_DELAYS[Math.min(attempt, RETRY_DELAYS.length - 1)];

/** Tries per event (about half a minute) before a publish is given up. */
const PUBLISH_ATTEMPTS = 10;

/**
 * Starts the feed. `publish(event, sender)` publishes one live event
 * (`publishLiveEvent`'s event, with `resource`); `log(line)` reports
 * reconnects and failed publishes. Resolves once it listens.
 */
export async function startChangeFeed({ database, publish, log }) {
  const known = new Map(); // table → the newest version seen
  let pending = [];
  let closed = false;
  let unlisten = async () => {};

  // One publish at a time, in order; a failed one is retried (PubNub out
  // of reach) before the next, so pages never see changes out of order.
  let draining = false;
  const drain = async () => {
    draining = true;
    while (pending.length > 0 && !closed) {
      const notices = pending;
      pending = [];
      for (const { event, sender } of eventsOf(notices)) {
        await publishWithRetry(() => publish(event, sender), event);
      }
    }
    draining = false;
  };

  const publishWithRetry = async (send, event) => {
    const what = `${event.type} ${event.resource}`;
    for (let attempt = 1; ; attempt++) {
      try {
        await send();
        if (attempt > 1) log(`published ${what} at attempt ${attempt}`);
        return;
      } catch (error) {
        if (closed || attempt === PUBLISH_ATTEMPTS) {
          log(`could not publish ${what}: ${error.message}; gave up`);
          return;
        }
        if (attempt === 1)
          log(`could not publish ${what} (${error.message}); retrying`);
        await sleep(retryDelay(attempt - 1));
      }
    }
  };

  const onNotify = (text) => {
    const notice = JSON.parse(text);
    known.set(
      notice.table,
      Math.max(known.get(notice.table) ?? 0, notice.version),
    );
    pending.push(notice);
    // Wait a tick, so the changes of one transaction go out together.
    if (!draining) setImmediate(() => draining || drain());
  };

  /** Publishes `*` for each table whose version moved while away. */
  const catchUp = async () => {
    const rows = await database.query(
      "SELECT table_name, version FROM live_versions",
    );
    for (const { table_name: table, version } of rows) {
      const seen = known.get(table);
      known.set(table, Math.max(seen ?? 0, Number(version)));
      const resource = resourceOfTable(table);
      if (seen === undefined || Number(version) <= seen || !resource) continue;
      log(
        `${table} changed while the listener was away: pages refetch ${resource}`,
      );
      await refetchEverywhere(resource);
    }
  };

  const refetchEverywhere = (resource) => {
    const event = { resource, type: "*" };
    return publishWithRetry(() => publish(event), event);
  };

  const onLost = async (error) => {
    log(`lost the database listener (${error.message}); reconnecting`);
    const since = Date.now();
    for (let attempt = 0; !closed; attempt++) {
      await sleep(retryDelay(attempt));
      if (closed) return;
      try {
        unlisten = await database.listen("live", onNotify, onLost);
      } catch (retryError) {
        log(`database listener: ${retryError.message}; retrying`);
        continue;
      }
      log(`database listener back after ${Date.now() - since} ms`);
      await catchUp().catch(async (catchUpError) => {
        // Unknown what changed: rather every page refetches than misses it.
        log(`could not read the versions (${catchUpError.message})`);
        for (const resource of Object.keys(RESOURCES)) {
          await refetchEverywhere(resource);
        }
      });
      return;
    }
  };

  unlisten = await database.listen("live", onNotify, onLost);
  await catchUp();
  return {
    async close() {
      closed = true;
      await unlisten();
    },
  };
}

/** One live event per table, operation and sender, in order of arrival. */
function eventsOf(notices) {
  const groups = new Map();
  for (const notice of notices) {
    const key = `${notice.table} ${notice.op} ${notice.sender}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(notice);
  }
  const events = [];
  for (const group of groups.values()) {
    const [{ table, op, sender }] = group;
    const resource = resourceOfTable(table);
    if (!resource) continue;
    const event = {
      resource,
      type: TYPES[op],
      ids: [...new Set(group.map((n) => n.id))],
    };
    if (op === "UPDATE") event.changed = changedFields(resource, group);
    if (group.length === 1 && group[0].row)
      event.data = toRecord(resource, group[0].row);
    events.push({ event, sender: sender || undefined });
  }
  return events;
}

/** The record fields behind the columns that changed, e.g. `category.id`. */
function changedFields(resource, notices) {
  const fields = new Set();
  for (const notice of notices) {
    for (const column of notice.changed ?? []) {
      const field = fieldOfColumn(resource, column);
      if (field) fields.add(field);
    }
  }
  return [...fields].sort();
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
