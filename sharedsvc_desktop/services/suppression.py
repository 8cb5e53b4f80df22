"""Small-cell suppression of published student counts (pure functions: no database, no I/O).

Every printed or exported table of counts hides the cells between 1 and k-1 (k = 10 by default, the
``oversight.suppression_k`` setting) and shows them as "<k" (*primary* suppression). Then *complementary*
suppression: a table is a set of additive lines (a row with its row total, a column with its column total, the
totals row with the grand total...). A line with exactly one hidden entry would give that entry away (total minus
the others), so another entry of the line is hidden too, shown as "*"; this repeats until every line holds no
hidden entry or at least two. Zero is a published count ("0"): it identifies nobody.

Complements are chosen as the smallest non-zero entry of the line, inner cells before totals (totals are what
readers look for first), then zeros, so as little as possible is withheld.

``suppress_lines`` works on any keyed set of cells and lines, so several tables that share cells (a school's total
printed in the summary and again beside its breakdown) are suppressed together and never disagree;
``suppress_table`` is the common case of one table with row and column totals.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

K = TypeVar("K", bound=Hashable)

DEFAULT_K = 10
#: Shown for a cell hidden only so that a small count cannot be worked out from the totals.
COMPLEMENT_MARK = "*"


@dataclass(frozen=True)
class SuppressedCell:
    """One published cell: its true ``value`` (never print it when ``hidden``) and the ``text`` to print."""

    value: int
    hidden: bool
    primary: bool  # hidden because 1 <= value <= k-1
    text: str

    @property
    def shown(self) -> int | None:
        """The value when published, None when hidden (for charts and differences)."""
        return None if self.hidden else self.value


def small_mark(k: int) -> str:
    return f"<{k}"


def is_small(value: int, k: int) -> bool:
    return 1 <= value <= k - 1


def make_cell(value: int, *, hidden: bool, k: int) -> SuppressedCell:
    primary = is_small(value, k)
    if primary:
        return SuppressedCell(value, True, True, small_mark(k))
    if hidden:
        return SuppressedCell(value, True, False, COMPLEMENT_MARK)
    return SuppressedCell(value, False, False, f"{value:,}")


def suppress_lines(
    values: Mapping[K, int],
    lines: Iterable[Sequence[K]],
    *,
    k: int = DEFAULT_K,
    priority: Callable[[K], int] | None = None,
    also_hide: Iterable[K] = (),
) -> dict[K, SuppressedCell]:
    """Suppress every cell of ``values`` given the additive ``lines`` (each: the parts and its total, any order).

    ``priority(key)`` ranks complement candidates (lower first; default: all equal); ``also_hide`` forces cells
    hidden from the start. Returns a cell for every key. Every line ends with none or at least two hidden entries.
    """
    if k < 2:
        raise ValueError("the suppression threshold k must be at least 2")
    for key, value in values.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValueError(f"count {key!r} is not a whole number >= 0: {value!r}")
    line_list = [list(dict.fromkeys(line)) for line in lines]
    for line in line_list:
        for key in line:
            if key not in values:
                raise KeyError(f"line refers to an unknown cell {key!r}")
    rank = priority or (lambda _key: 0)
    hidden: set[K] = {key for key, value in values.items() if is_small(value, k)}
    hidden.update(also_hide)
    by_key: dict[K, list[int]] = {}
    for i, line in enumerate(line_list):
        for key in line:
            by_key.setdefault(key, []).append(i)
    pending = list(range(len(line_list)))
    queued = set(pending)
    while pending:
        i = pending.pop()
        queued.discard(i)
        line = line_list[i]
        if len(line) < 2 or sum(1 for key in line if key in hidden) != 1:
            continue
        candidates = [(rank(key), values[key] == 0, values[key], pos, key)
                      for pos, key in enumerate(line) if key not in hidden]
        choice = min(candidates, key=lambda c: c[:4])[4]
        hidden.add(choice)
        for j in by_key[choice]:
            if j not in queued:
                queued.add(j)
                pending.append(j)
    return {key: make_cell(value, hidden=key in hidden, k=k) for key, value in values.items()}


@dataclass(frozen=True)
class SuppressedTable:
    """A table after suppression. ``cells`` has the inner rows, then (with ``col_totals``) the totals row; each row
    has the inner cells, then (with ``row_totals``) the row total."""

    k: int
    cells: tuple[tuple[SuppressedCell, ...], ...]
    row_totals: bool
    col_totals: bool

    def texts(self) -> list[list[str]]:
        return [[c.text for c in row] for row in self.cells]

    @property
    def inner(self) -> list[list[SuppressedCell]]:
        rows = self.cells[:-1] if self.col_totals else self.cells
        return [list(r[:-1] if self.row_totals else r) for r in rows]


def table_lines(m: int, n: int, *, row_totals: bool, col_totals: bool) -> list[list[tuple[int, int]]]:
    """The additive lines of an m x n table whose totals sit in row m and column n."""
    lines: list[list[tuple[int, int]]] = []
    rows = range(m + 1) if col_totals else range(m)
    cols = range(n + 1) if row_totals else range(n)
    if row_totals:
        for i in rows:
            lines.append([(i, j) for j in range(n + 1)])
    if col_totals:
        for j in cols:
            lines.append([(i, j) for i in range(m + 1)])
    return lines


def suppress_table(
    rows: Sequence[Sequence[int]],
    *,
    k: int = DEFAULT_K,
    row_totals: bool = True,
    col_totals: bool = True,
) -> SuppressedTable:
    """Suppress an m x n table of counts, adding the row totals and/or the column totals (and the grand total when
    both) that will be printed with it."""
    m = len(rows)
    n = len(rows[0]) if rows else 0
    if any(len(r) != n for r in rows):
        raise ValueError("every row must have the same number of cells")
    values: dict[tuple[int, int], int] = {}
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            values[(i, j)] = v
    if row_totals:
        for i, row in enumerate(rows):
            values[(i, n)] = sum(row)
    if col_totals:
        for j in range(n):
            values[(m, j)] = sum(r[j] for r in rows)
        if row_totals:
            values[(m, n)] = sum(sum(r) for r in rows)

    def priority(key: tuple[int, int]) -> int:
        return int(key[0] == m and col_totals) + int(key[1] == n and row_totals)

    done = suppress_lines(values, table_lines(m, n, row_totals=row_totals, col_totals=col_totals), k=k,
                          priority=priority)
    out_rows = m + (1 if col_totals else 0)
    out_cols = n + (1 if row_totals else 0)
    cells = tuple(tuple(done[(i, j)] for j in range(out_cols)) for i in range(out_rows))
    return SuppressedTable(k, cells, row_totals, col_totals)
