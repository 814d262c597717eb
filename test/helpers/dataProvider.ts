import type { BaseRecord, DataProvider } from "@refinedev/core";

/** A small in-memory refine data provider that counts its reads. */
export function memoryDataProvider(records: Record<string, BaseRecord[]> = {}) {
  const reads: Record<string, number> = {};
  const read = (resource: string) => {
    reads[resource] = (reads[resource] ?? 0) + 1;
    records[resource] ??= [];
    return records[resource];
  };
  const dataProvider: DataProvider = {
    getApiUrl: () => "memory://",
    getList: async ({ resource }) => {
      const data = read(resource);
      return { data: [...data] as never[], total: data.length };
    },
    getOne: async ({ resource, id }) => ({
      data: read(resource).find((r) => String(r.id) === String(id)) as never,
    }),
    getMany: async ({ resource, ids }) => ({
      data: read(resource).filter((r) =>
        ids.map(String).includes(String(r.id)),
      ) as never[],
    }),
    create: async ({ resource, variables }) => {
      const list = records[resource] ?? [];
      const record = { id: list.length + 1, ...(variables as object) };
      records[resource] = [...list, record];
      return { data: record as never };
    },
    update: async ({ resource, id, variables }) => {
      const list = records[resource] ?? [];
      const index = list.findIndex((r) => String(r.id) === String(id));
      const record = { ...list[index], ...(variables as object), id };
      list[index] = record;
      return { data: record as never };
    },
    deleteOne: async ({ resource, id }) => {
      records[resource] = (records[resource] ?? []).filter(
        (r) => String(r.id) !== String(id),
      );
      return { data: { id } as never };
    },
  };
  return { dataProvider, reads, records };
}
