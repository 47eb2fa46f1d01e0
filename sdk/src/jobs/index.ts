// Job helpers (stream client with resume). Owned by the coordinator work; see HACKING.md.
export {};
