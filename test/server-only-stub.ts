// Outside Next.js (tests), `import "server-only"` has nothing to guard: this empty module stands in for it.
export {};
