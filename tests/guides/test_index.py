"""The compiled index: built once, reused across restarts, refreshed by file changes."""

from __future__ import annotations

import os
import time
from pathlib import Path

from bench._corpus import generate
from bot.guides import index as guide_index
from bot.guides.catalog import load_catalog
from bot.guides.index import index_path

SEED = Path(__file__).parents[2] / "data" / "guides" / "planetscale" / "ml-ai-engineer.json"
# The seed guide as Markdown, kept in the repository (not read from outside it).
SEED_MARKDOWN = Path(__file__).parents[1] / "fixtures" / "planetscale-ml-ai-engineer.md"
SHIPPED = 1  # the shipped data file is read at every start (it has no index)


def corpus(tmp_path: Path, count: int = 30) -> Path:
    folder = tmp_path / "guides"
    generate(folder, count, seed=2)
    return folder


def test_first_start_builds_the_index_next_start_reuses_it(tmp_path):
    folder, state = corpus(tmp_path), tmp_path / "state"
    first = load_catalog([folder], state_dir=state)
    assert first.report.parsed == 30 + SHIPPED
    assert index_path(state, folder).exists()
    second = load_catalog([folder], state_dir=state)
    assert second.report.parsed == SHIPPED
    assert list(second.by_key) == list(first.by_key)
    key = next(iter(first.summaries))
    assert second.by_key[key] == first.by_key[key]


def test_a_changed_file_is_reparsed_alone(tmp_path):
    folder, state = corpus(tmp_path), tmp_path / "state"
    catalog = load_catalog([folder], state_dir=state)
    key = next(k for k in catalog.summaries if k.count("/") == 1 and not k.startswith("planetscale"))
    path = Path(catalog.paths[key])
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Negotiation Guide", "Negotiation Guide", 1) + "\n", encoding="utf-8")
    again = load_catalog([folder], state_dir=state)
    assert again.report.parsed == 1 + SHIPPED
    assert again.by_key[key] == catalog.by_key[key]


def test_same_size_edit_is_seen_by_its_time(tmp_path):
    folder, state = corpus(tmp_path), tmp_path / "state"
    catalog = load_catalog([folder], state_dir=state)
    key = next(k for k in catalog.summaries if not k.startswith("planetscale"))
    path = Path(catalog.paths[key])
    guide = catalog.by_key[key]
    name = guide.company.name
    text = path.read_text(encoding="utf-8")
    changed = text.replace(name, name[::-1].title()[: len(name)], 1)
    assert len(changed.encode()) == len(text.encode())
    path.write_text(changed, encoding="utf-8")
    later = time.time() + 5
    os.utime(path, (later, later))
    again = load_catalog([folder], state_dir=state)
    assert again.report.parsed == 1 + SHIPPED
    assert again.by_key[key].company.name != name


def test_added_and_removed_files(tmp_path):
    folder, state = corpus(tmp_path), tmp_path / "state"
    catalog = load_catalog([folder], state_dir=state)
    victim = next(k for k in catalog.summaries if not k.startswith("planetscale"))
    Path(catalog.paths[victim]).unlink()
    extra = folder / "newco" / "ml-ai-engineer.md"
    extra.parent.mkdir()
    extra.write_text(SEED_MARKDOWN.read_text(encoding="utf-8"))
    again = load_catalog([folder], state_dir=state)
    assert again.report.parsed == 1 + SHIPPED
    assert victim not in again.by_key
    assert again.by_key["newco/ml-ai-engineer"].regions[1].base.low.amount == 155_000


def test_a_new_reader_rebuilds(tmp_path, monkeypatch):
    folder, state = corpus(tmp_path), tmp_path / "state"
    load_catalog([folder], state_dir=state)
    monkeypatch.setattr(guide_index, "reader_fingerprint", lambda: "another-reader")
    assert load_catalog([folder], state_dir=state).report.parsed == 30 + SHIPPED


def test_a_damaged_index_is_rebuilt_not_fatal(tmp_path):
    folder, state = corpus(tmp_path), tmp_path / "state"
    first = load_catalog([folder], state_dir=state)
    path = index_path(state, folder)
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    again = load_catalog([folder], state_dir=state)
    assert list(again.by_key) == list(first.by_key)
    path.write_bytes(b"not an index")
    assert len(load_catalog([folder], state_dir=state).guides) == len(first.guides)


def test_an_unwritable_state_folder_still_serves(tmp_path):
    folder = corpus(tmp_path)
    blocker = tmp_path / "state"
    blocker.write_text("a file where the folder should be")
    catalog = load_catalog([folder], state_dir=blocker)
    assert len(catalog.guides) == 31  # 30 generated + the shipped seed


def test_data_files_and_markdown_side_by_side(tmp_path):
    folder = tmp_path / "mixed"
    (folder / "planetscale").mkdir(parents=True)
    (folder / "planetscale" / "ml-ai-engineer.json").write_text(SEED.read_text(encoding="utf-8"))
    (folder / "planetscale" / "ml-ai-engineer.md").write_text("### broken")
    (folder / "_manifest.json").write_text("{}")
    catalog = load_catalog([folder], state_dir=tmp_path / "state")
    assert catalog.report.errors == []  # the data file wins; names starting with _ are not guides
    assert catalog.paths["planetscale/ml-ai-engineer"].endswith(".json")


def test_catalog_answers_like_a_list_of_guides(tmp_path):
    folder = corpus(tmp_path)
    catalog = load_catalog([folder], state_dir=tmp_path / "state")
    keys = list(catalog.by_key)
    assert [g.key for g in catalog.guides] == keys
    assert catalog.guides[0].key == keys[0]
    assert [g.key for g in catalog.guides[:2]] == keys[:2]
    slug = catalog.summaries[keys[-1]].company_slug
    assert {g.key for g in catalog.company_guides(slug)} == {k for k in keys if k.startswith(f"{slug}/")}
    assert catalog.company_slugs[catalog.by_key[keys[-1]].company.name] == slug
    assert "nobody/nothing" not in catalog.by_key and catalog.by_key.get("nobody/nothing") is None
