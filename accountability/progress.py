"""How far a space's results are, computed once per page from two queries whatever the
number of results (`ProgressTree.for_space`).

The rules (also in the README):
- a result without children has its own progress: the one a moderator set by hand, else
  its status' one; a status without progress (abandoned) gives none;
- a result with children has the mean of its children's progress (children without
  progress left out), at every level; none when none of them has one;
- the space's overall progress is the mean of its top-level results' progress, and a
  thématique's the mean of the top-level results that carry it (same exclusions).
Means are rounded half up to a whole percent (72.5 → 73).
"""

from collections import defaultdict
from dataclasses import dataclass

from accountability.models import Result


def mean(values):
    """The mean of the values that are not None, half up to a whole percent."""
    values = [value for value in values if value is not None]
    return int(sum(values) / len(values) + 0.5) if values else None


@dataclass(frozen=True)
class Node:
    pk: int
    parent_id: int | None
    title: str
    own: int | None


class ProgressTree:
    def __init__(self, nodes, thematiques=()):
        self.nodes = {node.pk: node for node in nodes}
        self.children = defaultdict(list)
        for node in self.nodes.values():
            if node.parent_id in self.nodes:
                self.children[node.parent_id].append(node.pk)
        self.thematiques = list(thematiques)  # (result id, slug, name)
        self._progress = {}

    @staticmethod
    def nodes(results):
        """The nodes of a queryset of results, in one query (whole spaces: a parent's
        progress needs all its children)."""
        rows = results.values_list("pk", "parent_id", "title", "progress", "status__progress")
        return [
            Node(pk, parent, title, progress if progress is not None else status_progress)
            for pk, parent, title, progress, status_progress in rows
        ]

    @classmethod
    def for_space(cls, space):
        thematiques = Result.thematiques.through.objects.filter(result__space=space).values_list(
            "result_id", "thematique__slug", "thematique__name"
        )
        return cls(cls.nodes(Result.objects.filter(space=space)), thematiques)

    @classmethod
    def for_spaces(cls, space_ids):
        """The progress of every result of several spaces (without the thématiques)."""
        return cls(cls.nodes(Result.objects.filter(space_id__in=space_ids)))

    def progress(self, pk, _seen=frozenset()):
        """The result's progress (see the module's rules); None when it has none."""
        if pk not in self._progress:
            node = self.nodes.get(pk)
            if node is None or pk in _seen:
                return None
            children = self.children.get(pk)
            if children:
                value = mean(self.progress(child, _seen | {pk}) for child in children)
            else:
                value = node.own
            self._progress[pk] = value
        return self._progress[pk]

    def child_count(self, pk):
        return len(self.children.get(pk, ()))

    def top_level(self):
        return [pk for pk, node in self.nodes.items() if node.parent_id not in self.nodes]

    def overall(self):
        return mean(self.progress(pk) for pk in self.top_level())

    def by_thematique(self):
        """[{slug, name, progress, count}] of the thématiques of top-level results, by name."""
        top = set(self.top_level())
        groups = defaultdict(list)
        for result_id, slug, name in self.thematiques:
            if result_id in top:
                groups[(slug, name)].append(self.progress(result_id))
        return [
            {"slug": slug, "name": name, "progress": mean(values), "count": len(values)}
            for (slug, name), values in sorted(groups.items(), key=lambda item: item[0][1])
        ]

    def ancestors(self, pk):
        """The result's parents, from the top, as nodes (for breadcrumbs)."""
        chain, seen = [], {pk}
        parent_id = self.nodes[pk].parent_id if pk in self.nodes else None
        while parent_id in self.nodes and parent_id not in seen:
            seen.add(parent_id)
            chain.append(self.nodes[parent_id])
            parent_id = self.nodes[parent_id].parent_id
        return list(reversed(chain))

    def annotate(self, results):
        """Give each result of a page its `tree_progress` and `child_count`."""
        for result in results:
            result.tree_progress = self.progress(result.pk)
            result.child_count = self.child_count(result.pk)
        return results
