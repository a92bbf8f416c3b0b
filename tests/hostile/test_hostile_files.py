"""Hostile and broken YAML files: every problem named with file, record and field; never a crash."""

from __future__ import annotations

import time

from dashboard.cli import main
from tests.conftest import CONTEXT_RECORD, with_changes


def test_validate_names_a_superscript_count_in_yaml(write_dataset, capsys):
    path = write_dataset([with_changes(killed_min="²", killed_max="9"), CONTEXT_RECORD])
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}, record 'hotel'" in err and "field 'killed_min': '²' is not a whole number" in err
    assert "Traceback" not in err


def test_a_count_written_as_text_digits_still_loads(write_dataset, capsys):
    path = write_dataset([with_changes(killed_min=" 7 ", killed_max="9"), CONTEXT_RECORD])
    assert main(["validate", str(path)]) == 0


def nested_anchors(levels: int = 9) -> str:
    """The 560-byte kind of file: each anchor a list of nine aliases to the one before, then `kind: *i`."""
    names = "abcdefghi"[:levels]
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for before, name in zip(names, names[1:], strict=False):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{before}"] * 9) + "]")
    return "\n".join(lines) + f"\nincidents:\n- id: x\n  kind: *{names[-1]}\n"


def test_nested_anchors_fail_fast_with_a_clear_problem(tmp_path, capsys):
    path = tmp_path / "laughs.yaml"
    path.write_text(nested_anchors(), encoding="utf-8")
    assert path.stat().st_size < 700
    started = time.perf_counter()
    assert main(["validate", str(path)]) == 1
    elapsed = time.perf_counter() - started
    err = capsys.readouterr().err
    assert "repeat more than 100000 values" in err and "line 6" in err
    assert elapsed < 5  # generous for a loaded CI machine; before the limit it ran past a minute


def test_deep_nesting_is_refused(tmp_path, capsys):
    path = tmp_path / "deep.yaml"
    path.write_text("incidents: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert "nested more than 50 levels deep" in capsys.readouterr().err


def test_too_many_aliases_are_refused(tmp_path, capsys):
    path = tmp_path / "aliases.yaml"
    path.write_text("v: &v 1\nincidents: [" + ",".join(["*v"] * 10_001) + "]\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert "more than 10000 aliases" in capsys.readouterr().err


def test_an_alias_that_contains_itself_is_refused(tmp_path, capsys):
    path = tmp_path / "loop.yaml"
    path.write_text("a: &a [1, *a]\nincidents: [*a, *a]\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert "contains it" in capsys.readouterr().err


def test_aliases_to_plain_values_still_load(write_dataset, capsys):
    path = write_dataset(
        text=(
            "dataset: {name: T}\nincidents:\n- {id: c, kind: &k context, title: T, summary: S, date_start: 2014-03-01,\n"
            "   date_end: 2014-03-01, date_precision: day, date_basis: b, country: PAK, location_precision: country,\n"
            "   sources: &s [{publisher: P, url: 'https://example.org/news/1', date: 2014-03-01, supports: it}]}\n"
            "- {id: d, kind: *k, title: T, summary: S, date_start: 2014-03-01,\n"
            "   date_end: 2014-03-01, date_precision: day, date_basis: b, country: PAK, location_precision: country,\n"
            "   sources: *s}\n"
        )
    )
    assert main(["validate", str(path)]) == 0, capsys.readouterr().err


def test_a_count_too_big_for_the_table_is_a_problem_not_a_crash(write_dataset, capsys):
    path = write_dataset([with_changes(killed_min=10**20, killed_max=10**20), CONTEXT_RECORD])
    assert main(["validate", str(path)]) == 1
    assert "field 'killed_min': '100000000000000000000' is not a whole number" in capsys.readouterr().err


def test_snapshot_refuses_a_superscript_with_a_message_not_a_traceback(tmp_path, capsys):
    assert main(["snapshot", "--out", str(tmp_path / "s"), "killed=²&step=²"]) == 2
    err = capsys.readouterr().err
    assert "query: killed='²': not a whole number" in err and "query: step='²'" in err and "Traceback" not in err
    assert not (tmp_path / "s").exists()


def test_snapshot_refuses_a_long_q_it_would_cut(tmp_path, capsys):
    assert main(["snapshot", "--out", str(tmp_path / "s"), "q=" + "a" * 300]) == 2
    assert "q: longer than 200 characters" in capsys.readouterr().err
    assert not (tmp_path / "s").exists()


def test_snapshot_out_pointing_at_a_file_is_a_clear_message(tmp_path, capsys):
    target = tmp_path / "taken.html"
    target.write_text("mine", encoding="utf-8")
    assert main(["snapshot", "--out", str(target), "kind=attack"]) == 2
    assert f"--out {target}: is a file" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "mine"


def test_snapshot_out_that_cannot_be_made_is_a_clear_message(tmp_path, capsys):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert main(["snapshot", "--out", str(tmp_path / "file" / "inside"), "kind=attack"]) == 2
    assert "cannot write the snapshot there" in capsys.readouterr().err
