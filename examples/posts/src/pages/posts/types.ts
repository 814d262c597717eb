import type { BaseKey } from "@refinedev/core";

export interface Category {
  id: BaseKey;
  title: string;
}

export interface Post {
  id: BaseKey;
  title: string;
  content: string;
  status: "published" | "draft" | "rejected";
  category: { id: BaseKey };
  createdAt: string;
}

export const STATUS_OPTIONS = [
  { label: "Published", value: "published" },
  { label: "Draft", value: "draft" },
  { label: "Rejected", value: "rejected" },
];
