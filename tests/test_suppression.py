"""Small-cell suppression: property tests on random tables, and a few tables worked by hand."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sharedsvc_desktop.services.suppression import COMPLEMENT_MARK, suppress_lines, suppress_table

# counts skewed towards small values, where suppression has work to do
COUNTS = st.one_of(st.integers(0, 12), st.integers(0, 60), st.sampled_from([0, 1, 9, 10, 11]))


@st.composite
def tables(draw):
    m = draw(st.integers(1, 6))
    n = draw(st.integers(1, 6))
    return [[draw(COUNTS) for _ in range(n)] for _ in range(m)]


def _full(rows, *, row_totals=True, col_totals=True):
    """The table with its totals, computed here independently of the module."""
    full = [list(r) + ([sum(r)] if row_totals else []) for r in rows]
    if col_totals:
        full.append([sum(r[j] for r in full) for j in range(len(full[0]))])
    return full


def _check(rows, k, row_totals, col_totals):
    table = suppress_table(rows, k=k, row_totals=row_totals, col_totals=col_totals)
    full = _full(rows, row_totals=row_totals, col_totals=col_totals)
    texts = table.texts()
    assert len(texts) == len(full) and all(len(a) == len(b) for a, b in zip(texts, full, strict=True))
    hidden = [[not t.replace(",", "").isdigit() for t in row] for row in texts]
    for i, row in enumerate(full):
        for j, value in enumerate(row):
            text = texts[i][j]
            # no printed cell lies in 1..k-1; a printed cell is the true count
            if not hidden[i][j]:
                assert int(text.replace(",", "")) == value
                assert not 1 <= value <= k - 1
            else:
                assert text in (f"<{k}", COMPLEMENT_MARK)
            if 1 <= value <= k - 1:
                assert text == f"<{k}"
    # no hidden cell is recoverable from its row or its column: a line with a hidden entry has at least two
    m, n = len(rows), len(rows[0])
    if row_totals:
        for i in range(len(full)):
            count = sum(hidden[i])
            assert count != 1, f"row {i} gives away its only hidden cell: {texts[i]}"
    if col_totals:
        for j in range(len(full[0])):
            count = sum(hidden[i][j] for i in range(len(full)))
            assert count != 1, f"column {j} gives away its only hidden cell"
    # without a total a line has nothing to give away; still, nothing is hidden for no reason
    if not row_totals and not col_totals:
        assert all(hidden[i][j] == (1 <= rows[i][j] <= k - 1) for i in range(m) for j in range(n))


@settings(max_examples=300, deadline=None)
@given(tables(), st.sampled_from([3, 5, 10, 11]))
def test_random_tables_with_both_totals(rows, k):
    _check(rows, k, True, True)


@settings(max_examples=150, deadline=None)
@given(tables(), st.sampled_from([5, 10]), st.booleans(), st.booleans())
def test_random_tables_any_totals(rows, k, row_totals, col_totals):
    _check(rows, k, row_totals, col_totals)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(COUNTS, min_size=2, max_size=5), min_size=1, max_size=4))
def test_keyed_lines_shared_between_tables(parts):
    """Several lines sharing one grand total (like breakdowns of one measure): every line ends up with 0 or 2+
    hidden entries and no small value is shown."""
    values = {}
    lines = []
    for li, line in enumerate(parts):
        keys = [(li, j) for j in range(len(line))]
        for key, v in zip(keys, line, strict=True):
            values[key] = v
        values[(li, "total")] = sum(line)
        lines.append([*keys, (li, "total")])
    values["grand"] = sum(sum(line) for line in parts)
    lines.append([(li, "total") for li in range(len(parts))] + ["grand"])
    cells = suppress_lines(values, lines, k=10)
    for key, cell in cells.items():
        assert cell.value == values[key]
        if 1 <= cell.value <= 9:
            assert cell.hidden and cell.text == "<10"
        if not cell.hidden:
            assert cell.text == f"{cell.value:,}"
    for line in lines:
        assert sum(cells[key].hidden for key in line) != 1


def test_worked_example():
    rows = [[20, 3, 12], [15, 11, 14], [30, 0, 25]]
    table = suppress_table(rows, k=10)
    texts = table.texts()
    assert texts[0][1] == "<10"
    # the row of the 3 hides its smallest other count (12), the column hides 11 (smallest non-zero)
    assert texts[0][2] == COMPLEMENT_MARK and texts[1][1] == COMPLEMENT_MARK
    # ...and the 14 under the 12 follows, so every row and column has two hidden cells
    assert texts[1][2] == COMPLEMENT_MARK
    assert texts[3] == ["65", "14", "51", "130"]
    assert [r[3] for r in texts] == ["35", "40", "55", "130"]


def test_zero_is_published_and_a_single_small_total_hides_its_only_part():
    assert suppress_table([[0, 0]], k=10).texts() == [["0", "0", "0"], ["0", "0", "0"]]
    table = suppress_table([[4]], k=10, col_totals=False)
    assert table.texts() == [["<10", "<10"]]


def test_bad_counts_are_refused():
    with pytest.raises(ValueError):
        suppress_lines({"a": -1}, [], k=10)
    with pytest.raises(ValueError):
        suppress_lines({"a": 1}, [], k=1)
