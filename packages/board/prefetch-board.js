// Inlined into the head of index.html and bench.html by vite.config.ts: starts downloading
// the page's board at once, while the app's script is still loading (src/sync/prefetch.ts
// takes the download). A board page is /b/<id>; the benchmark's page names it in ?board=.
(() => {
  const id = '([A-Za-z0-9_-]{1,64})';
  const m =
    new RegExp(`^/b/${id}$`).exec(location.pathname) ??
    new RegExp(`[?&]board=${id}(&|$)`).exec(location.search);
  if (!m) return;
  window.__roundtablePrefetch = {
    boardId: m[1],
    state: fetch(`/api/boards/${m[1]}/state`)
      .then((r) => (r.ok ? r.arrayBuffer() : null))
      .catch(() => null),
  };
})();
