import { z } from "zod";

/** Building blocks of every body: ids, emails, passwords, roles, timestamps, and the page every list answers. */

// building blocks
export const Id = z.uuid();
export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: "must be an email address such as ada@example.com" }));
export const Password = z.string().min(10, { message: "must be at least 10 characters" }).max(200, { message: "must be at most 200 characters" });
/** Text a person typed: trimmed, not empty, at most `max` characters. */
export const Text = (max: number) => z.string().trim().min(1, { message: "must not be empty" }).max(max);
export const Role = z.enum(["owner", "member"]);
export type Role = z.infer<typeof Role>;
export const Timestamp = z.string().describe("ISO 8601 date-time");

// pages
/** Every list is read a page at a time: pass the previous page's nextCursor to get the next one. */
export const PageQuery = z.object({
  cursor: z.string().max(600).optional().describe("nextCursor from the previous page; omit for the first page"),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe("Items per page (1–200, 50 by default)"),
});
export type PageQuery = z.infer<typeof PageQuery>;
export const Page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe("Pass as cursor to read the next page; null on the last page"),
  });
export type Page<T> = { items: T[]; nextCursor: string | null };
