"""YAML parsed with limits, so a small hostile file cannot take minutes or gigabytes.

PyYAML's safe loader refuses Python tags but not expansion: nine nested anchors, each a list of
nine aliases to the one before, are 560 bytes that stand for 9^9 values. Loading them is quick
(aliases share one object), but anything that walks the result (validation, a str() in a message,
building the table) walks all 387 million. So each alias is charged the size of what it repeats
(counted once per anchor, memoised), and a file whose aliases stand for more than MAX_EXPANSION
values is refused as soon as it gets there; merge keys (`<<: *defaults`) and repeated values stay
fine. Depth and size are limited too.
"""

from __future__ import annotations

from typing import Any

import yaml

MAX_BYTES = 50_000_000  # the curated file is about 100 kB; a hand-kept file a thousand times bigger is not one
MAX_ALIASES = 10_000
MAX_EXPANSION = 100_000  # values repeated by aliases; the curated file has about 5,000 values in all
MAX_DEPTH = 50  # records are three levels deep (incidents > record > sources > source)


class LimitExceeded(yaml.YAMLError):
    """A limit of this loader was reached; `line` is where (1-based), when known."""

    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.problem = message
        self.line = line


class LimitedLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases to collections, too many aliases, and deep nesting."""

    def __init__(self, stream: Any):
        super().__init__(stream)
        self.aliases_seen = 0
        self.expanded = 0
        self.depth = 0
        self.sizes: dict[int, int] = {}
        self.open_anchors: set[str] = set()  # anchored nodes still being composed

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        line = self.peek_event().start_mark.line + 1
        if self.check_event(yaml.AliasEvent):
            self.aliases_seen += 1
            if self.aliases_seen > MAX_ALIASES:
                raise LimitExceeded(f"more than {MAX_ALIASES} aliases (*name)", line)
            anchor = self.peek_event().anchor
            if anchor in self.open_anchors:
                raise LimitExceeded(f"alias *{anchor} repeats a list or mapping that contains it", line)
            target = self.anchors.get(anchor)
            if target is not None:
                self.expanded += self._size(target)
                if self.expanded > MAX_EXPANSION:
                    raise LimitExceeded(f"aliases (*{anchor} and those before) repeat more than {MAX_EXPANSION} values", line)
            return super().compose_node(parent, index)
        anchor = self.peek_event().anchor
        self.depth += 1
        if anchor:
            self.open_anchors.add(anchor)
        try:
            if self.depth > MAX_DEPTH:
                raise LimitExceeded(f"nested more than {MAX_DEPTH} levels deep", line)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1
            self.open_anchors.discard(anchor)

    def _size(self, node: yaml.Node) -> int:
        """How many values the node stands for once every alias inside it is written out.
        Only complete nodes get here (an alias to an open one is refused), so there is no cycle."""
        key = id(node)
        if key in self.sizes:
            return self.sizes[key]
        if isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        else:
            children = []
        size = 1 + sum(self._size(child) for child in children)
        self.sizes[key] = size
        return size


def load_limited(text: str) -> tuple[Any, Any]:
    """The document and its node tree (for line numbers), parsed once. Raises yaml.YAMLError
    (LimitExceeded for a limit) on anything it refuses."""
    if len(text) > MAX_BYTES:
        raise LimitExceeded(f"larger than {MAX_BYTES // 1_000_000} MB; use a canonical table (Parquet) for large data", None)
    loader = LimitedLoader(text)
    try:
        tree = loader.get_single_node()
        document = loader.construct_document(tree) if tree is not None else None
    finally:
        loader.dispose()
    return document, tree
