/** Escapes text for HTML bodies and quoted attributes, for the few pages the backend renders itself. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
