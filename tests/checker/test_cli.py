"""The extract and tag commands, through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from claimdesk import main

CLAIM_KEYS = [
    "id",
    "source",
    "path",
    "start",
    "end",
    "quote",
    "text",
    "kind",
    "confidence",
    "cues",
    "attribution",
    "superseded",
]


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_extract_seeds_jsonl(seeds: Path) -> None:
    code, out, err = run("extract", str(seeds))
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert {r["source"] for r in records} == {p.stem for p in seeds.glob("*.txt")}
    for record in records:
        assert list(record) == CLAIM_KEYS
        text = (seeds / Path(record["path"]).name).read_text(encoding="utf-8")
        assert text[record["start"] : record["end"]] == record["quote"]
    kinds = {r["kind"] for r in records}
    assert kinds == {"fact", "speculation", "opinion"}


def test_extract_table(seeds: Path) -> None:
    code, out, _ = run("extract", str(seeds / "002_1a2241cd6018348f.txt"), "--format", "table")
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split() == ["id", "source", "kind", "conf", "attrib", "claim"]
    assert any("Stellantis" in row and "official" in row for row in rows)


def test_bad_file_is_reported_and_the_rest_processed(tmp_path: Path, seeds: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{oops")
    code, out, err = run(
        "extract", str(bad), str(seeds / "001_907246576983a4f9.txt"), str(tmp_path / "gone.txt")
    )
    assert code == 2
    lines = err.strip().splitlines()
    assert lines == [
        f"claimdesk: {bad}: malformed JSON: Expecting property name enclosed in double quotes at line 1",
        f"claimdesk: {tmp_path / 'gone.txt'}: no such file or folder",
    ]
    assert "Traceback" not in err
    assert len(out.splitlines()) > 10


def test_control_characters_never_reach_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "evil.txt"
    path.write_text("Amazon \x1b[31mbought\x1b[0m vans \x9b from Stellantis.\n")
    code, out, _ = run("extract", str(path), "--format", "table")
    assert code == 0
    assert "\x1b" not in out and "\x9b" not in out
    assert "\\x1b[31m" in out
    code, out, _ = run("extract", str(path))
    assert "\x1b" not in out and "\x9b" not in out
    assert json.loads(out)["quote"].startswith("Amazon \x1b[31m")


def test_tag_stdin() -> None:
    lines = "These EVs may offer voice control.\nAmazon announced that it will buy vans.\n\nTesla remains the undisputed king.\n"
    code, out, _ = run("tag", input=lines)
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["kind"] for r in records] == ["speculation", "fact", "opinion"]
    assert records[0]["cues"] == [{"start": 10, "end": 13, "text": "may", "type": "hedge"}]
    assert records[0]["claims"][0]["quote"] == "These EVs may offer voice control."
    assert "source" not in records[0]["claims"][0]
    assert list(records[0]) == ["text", "kind", "confidence", "cues", "claims"]


def test_tag_file(tmp_path: Path) -> None:
    path = tmp_path / "lines.txt"
    path.write_text("The project is rumored to be in California.\n")
    code, out, _ = run("tag", str(path))
    assert code == 0 and json.loads(out)["kind"] == "speculation"


def test_version_and_help() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("claimdesk, version ")
    code, out, _ = run("--help")
    assert code == 0 and "extract" in out and "tag" in out


def test_usage_error_exits_2() -> None:
    code, _, err = run("extract")
    assert code == 2 and "Missing argument" in err


def test_relate_lines() -> None:
    lines = [
        {"a": "The company cut 3,100 jobs.", "b": "The company cut 1,300 jobs."},
        {"a": "A man is playing a guitar.", "b": "A woman slices an onion."},
    ]
    stdin = "\n".join(json.dumps(line) for line in lines) + "\n"
    code, out, _ = run("relate", input=stdin)
    assert code == 0
    first, second = (json.loads(line) for line in out.splitlines())
    assert list(first) == ["relation", "score", "reasons"]
    assert first["relation"] == "contradicts"
    assert first["reasons"][0] == "number differs: 3,100 vs 1,300 (jobs)"
    assert second == {"relation": "unrelated", "score": second["score"], "reasons": []}


def test_relate_bad_lines_are_reported_and_the_rest_processed(tmp_path: Path) -> None:
    path = tmp_path / "pairs.jsonl"
    good = json.dumps({"a": "Shares rose.", "b": "Shares fell."})
    path.write_text(f'not json\n{{"a": 1, "b": "x"}}\n{{"a": "x", "b": "y", "c": "z"}}\n{good}\n')
    code, out, err = run("relate", str(path))
    assert code == 2
    assert json.loads(out)["relation"] == "contradicts"
    errors = err.strip().splitlines()
    assert [e.split(": ")[1] for e in errors] == [f"{path}:{n}" for n in (1, 2, 3)]
