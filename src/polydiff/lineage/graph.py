"""The lineage graph over all lineage files: ancestors and descendants of a clause."""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable

from polydiff.model.lineage import Hop, LineageFile, Status


class LineageGraph:
    """Clause nodes (``doc#path``) joined by the links of every lineage file."""

    def __init__(self, files: Iterable[LineageFile], include_rejected: bool = False) -> None:
        self.into: dict[str, list[Hop]] = defaultdict(list)
        self.out_of: dict[str, list[Hop]] = defaultdict(list)
        for f in files:
            for link in f.links:
                if link.status is Status.REJECTED and not include_rejected:
                    continue
                hop = Hop(f.from_doc, f.to_doc, link, f.relation, f.basis)
                self.into[hop.to_ref].append(hop)
                self.out_of[hop.from_ref].append(hop)

    def ancestors(self, ref: str, depth: int = 10) -> list[Hop]:
        """Hops back from ``ref`` to its earliest ancestors, nearest first."""
        return self._walk(ref, depth, self.into, lambda h: h.from_ref)

    def descendants(self, ref: str, depth: int = 10) -> list[Hop]:
        """Hops forward from ``ref`` to every later document that reuses it."""
        return self._walk(ref, depth, self.out_of, lambda h: h.to_ref)

    @staticmethod
    def _walk(ref: str, depth: int, edges: dict[str, list[Hop]], nxt: object) -> list[Hop]:
        out: list[Hop] = []
        seen = {ref}
        queue = deque([(ref, 0)])
        while queue:
            node, d = queue.popleft()
            if d >= depth:
                continue
            for hop in sorted(edges.get(node, []), key=lambda h: (-h.link.score, h.to_ref)):
                out.append(Hop(hop.from_doc, hop.to_doc, hop.link, hop.relation, hop.basis, d + 1))
                target = nxt(hop)  # type: ignore[operator]
                if target not in seen:
                    seen.add(target)
                    queue.append((target, d + 1))
        return out
